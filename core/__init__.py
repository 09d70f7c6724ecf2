"""QingGao core: turn downloaded drafts into clean, structured documents. Never imports Qt."""

__version__ = "0.1.0"
