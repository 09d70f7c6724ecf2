"""`--selftest`: prove an install (or a frozen bundle) can import everything, load jieba, read a PDF (PDFium's
native library is bundled), convert Traditional characters (OpenCC's library and its t2s dictionaries are bundled)
and write a DOCX."""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path


def run_selftest() -> int:
    from .api import clean_text, render
    from .segment import tokenizer

    tokenizer()
    doc = clean_text("关于做好2021年教育工作的通知\n各县(市、区)教育局:\n现将有关事项通知如下。\n")
    data = render(doc, "docx")
    native_ok = _reads_a_pdf() and _simplifies()  # the two native libraries and their data
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "selftest.docx"
        out.write_bytes(data)
        ok = out.stat().st_size > 1000 and native_ok
    print("selftest ok" if ok else "selftest FAILED", file=sys.stderr if sys.stderr else None)
    return 0 if ok else 1


SELFTEST_PDF_TEXT = "QingGao selftest: PDF text layer read."


def _simplifies() -> bool:
    """Clean a Traditional line with 繁转简 on: OpenCC's native library loads and finds its t2s dictionaries."""
    from .api import clean_document
    from .model import Document, Overrides
    from .readers.lines import split_lines

    doc = Document(source="selftest.txt", overrides=Overrides(simplify=True))
    doc.lines = split_lines("關於開展安全檢查的通知\n各學校：\n現將有關事項通知如下。\n")
    doc = clean_document(doc)
    return doc.text().startswith("关于开展安全检查的通知\n") and any(c.kind == "simplify" for c in doc.changes)


def _reads_a_pdf() -> bool:
    """Make a one-page PDF with PDFium (a standard font, no files needed) and read it back with the PDF reader."""
    import ctypes
    import io

    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    from .readers.pdf import read_pdf

    pdf = pdfium.PdfDocument.new()
    try:
        page = pdf.new_page(595, 842)
        obj = pdfium_c.FPDFPageObj_NewTextObj(pdf.raw, b"Helvetica", ctypes.c_float(12))
        text = (SELFTEST_PDF_TEXT + "\0").encode("utf-16-le")
        pdfium_c.FPDFText_SetText(obj, ctypes.cast(ctypes.c_char_p(text), ctypes.POINTER(ctypes.c_ushort)))
        pdfium_c.FPDFPageObj_Transform(obj, 1, 0, 0, 1, 72, 770)
        pdfium_c.FPDFPage_InsertObject(page.raw, obj)
        pdfium_c.FPDFPage_GenerateContent(page.raw)
        page.close()
        buf = io.BytesIO()
        pdf.save(buf)
    finally:
        pdf.close()
    doc = read_pdf(buf.getvalue(), "selftest.pdf")
    return any(SELFTEST_PDF_TEXT in ln.text for ln in doc.lines)
