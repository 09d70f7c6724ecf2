"""QingGao desktop app (PySide6) over `core`."""
