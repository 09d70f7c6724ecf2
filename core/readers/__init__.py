"""Readers: a file in, a Document with `lines` out. One module per format; guard.py checks the bytes first."""
from __future__ import annotations

from pathlib import Path

from ..errors import QingGaoError
from ..model import Document, Warning
from . import guard

SUPPORTED = {".txt": "txt", ".text": "txt", ".htm": "html", ".html": "html", ".xhtml": "html",
             ".mht": "html", ".mhtml": "html", ".docx": "docx", ".doc": "doc", ".wps": "doc"}


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
    guard.check_file(path, kind)  # empty or too large: refused before the file is read into memory
    try:
        data = path.read_bytes()
    except OSError as e:
        raise QingGaoError(str(path), f"无法读取文件（{e.strerror or e}），请确认文件没有被其他程序占用、有读取权限。",
                           f"cannot read the file ({e.strerror or e}); check it is not locked by another program "
                           "and that you may read it.") from e
    kind, note = guard.route(kind, data, str(path))
    if kind == "txt":
        from .txt import read_txt
        doc = read_txt(data, path.name)
    elif kind == "html":
        from .html import read_html
        doc = read_html(data, path.name)
    elif kind == "docx":
        from .docx import read_docx
        doc = read_docx(data, path.name)
    else:
        from .legacy import read_legacy
        doc = read_legacy(path)
    if note:
        doc.warnings.append(Warning("format", note))
    return doc
