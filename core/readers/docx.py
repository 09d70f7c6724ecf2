"""DOCX drafts: body paragraphs and table text in order; headers and footers are page furniture."""
from __future__ import annotations

import io

from ..errors import QingGaoError
from ..model import Document, Line


def read_docx(data: bytes, name: str) -> Document:
    import docx

    try:
        d = docx.Document(io.BytesIO(data))
    except Exception as e:  # python-docx raises several types for a damaged package
        raise QingGaoError(name, "DOCX 文件已损坏或不是真正的 DOCX，请用 Word/WPS 打开后另存为 DOCX 再试。",
                           f"the DOCX is damaged or not a real DOCX ({type(e).__name__}); open it in Word/WPS, "
                           "save as DOCX and try again.") from e
    doc = Document(source=name, format="docx", encoding="utf-8", encoding_confidence=1.0)
    n = 0
    for p in d.paragraphs:
        n += 1
        text = p.text.strip()
        if text:
            doc.lines.append(Line(text=text, lineno=n))
    return doc
