"""Pipeline stages. Each module has `run(doc) -> doc` and is tested alone."""
