"""Readers: a file in, a Document with `lines` out. One module per format."""
from __future__ import annotations

from pathlib import Path

from ..errors import QingGaoError
from ..model import Document

SUPPORTED = {".txt": "txt", ".text": "txt", ".htm": "html", ".html": "html", ".xhtml": "html",
             ".mht": "html", ".docx": "docx", ".doc": "doc", ".wps": "doc"}


def kind_of(path: Path) -> str | None:
    return SUPPORTED.get(path.suffix.lower())


def read(path: str | Path) -> Document:
    path = Path(path)
    kind = kind_of(path)
    if kind is None:
        raise QingGaoError(str(path), "不支持的文件类型，请使用 TXT、HTML 或 DOCX 文件。",
                           "unsupported file type; use a TXT, HTML or DOCX file.")
    if not path.is_file():
        raise QingGaoError(str(path), "找不到文件，请检查路径。", "file not found; check the path.")
    data = path.read_bytes()
    if kind == "txt":
        from .txt import read_txt
        return read_txt(data, path.name)
    if kind == "html":
        from .html import read_html
        return read_html(data, path.name)
    if kind == "docx":
        from .docx import read_docx
        return read_docx(data, path.name)
    from .legacy import read_legacy
    return read_legacy(path)
