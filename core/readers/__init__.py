"""Readers: a file in, a Document with `lines` out. One module per format; guard.py checks the bytes first."""
from __future__ import annotations

from pathlib import Path

from ..errors import QingGaoError
from ..model import Document, Warning
from . import guard
from .empty import check_read

SUPPORTED = {".txt": "txt", ".text": "txt", ".htm": "html", ".html": "html", ".xhtml": "html",
             ".mht": "html", ".mhtml": "html", ".docx": "docx", ".doc": "doc", ".wps": "doc", ".pdf": "pdf"}


def kind_of(path: Path) -> str | None:
    return SUPPORTED.get(path.suffix.lower())


def read(path: str | Path) -> Document:
    path = Path(path)
    kind = kind_of(path)
    if kind is None:
        raise QingGaoError(str(path), "不支持的文件类型，请使用 TXT、HTML、DOCX 或 PDF 文件。",
                           "unsupported file type; use a TXT, HTML, DOCX or PDF file.")
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
    try:
        doc = _dispatch(kind, data, path)
    except QingGaoError as e:
        if e.path == path.name:  # readers know only the name; the batch report shows where the file is
            raise QingGaoError(str(path), e.zh, e.en) from e
        raise
    check_read(doc, kind, data, str(path))  # nothing visible: a failure with the reason, not an empty success
    if note:
        doc.warnings.append(Warning("format", note))
    return doc


def _dispatch(kind: str, data: bytes, path: Path) -> Document:
    if kind == "txt":
        from .txt import read_txt
        return read_txt(data, path.name)
    if kind == "html":
        from .html import read_html
        return read_html(data, path.name)
    if kind == "docx":
        from .docx import read_docx
        return read_docx(data, path.name)
    if kind == "pdf":
        from .pdf import read_pdf
        return read_pdf(data, path.name)
    from .legacy import read_legacy
    return read_legacy(path)
