"""PDF drafts (text PDFs) read with PDFium (pypdfium2; docs/readers.md has the measurement that chose it).

Each source paragraph becomes one `Line` (its visual lines joined where the geometry says they wrap, each join
recorded), with `para` numbering the paragraphs so reflow keeps the page's paragraph ends, `style` "title" on
the larger centred line at the top, "tr" on ruled table rows, `align` for centred and right-set lines, `bold`
from the font. Page numbers, running heads and watermarks stay in `lines` with `furniture` set: the
page_furniture stage removes them and records why. A scan without a text layer, an encrypted or a damaged PDF
is refused with a message saying what to do; an OCR layer over a scan is read and flagged."""
from __future__ import annotations

import re

from ..errors import QingGaoError
from ..model import Change, Document, Line, Warning
from .pdf_furniture import find_furniture
from .pdf_layout import assemble, body_size
from .pdf_page import PageScan, scan_page, settings
from .pdf_tables import find_tables

# a token of an OCR layer that mixes Latin letters with digits or Chinese ("ZOq5", "20竹年" reads fine, "说阴" not)
_OCR_ODD = re.compile(r"(?=[0-9A-Za-z]*[A-Za-z])(?=[0-9A-Za-z]*\d)[0-9A-Za-z]{2,}|[\u4e00-\u9fff][A-Za-z]{1,3}[\u4e00-\u9fff]")


def _open(data: bytes, name: str):  # noqa: ANN202 - a pypdfium2 PdfDocument
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        if getattr(e, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
            raise QingGaoError(name, "这个 PDF 设置了打开密码（已加密），无法读取。请用 PDF 阅读器输入密码打开，"
                                     "另存一份不带密码的 PDF（或向发文单位要 Word 版本），再处理。",
                               "this PDF is password-protected (encrypted) and cannot be read; open it with its "
                               "password in a PDF reader and save a copy without one (or ask the sender for the Word "
                               "file), then try again.") from e
        raise QingGaoError(name, "PDF 文件已损坏或不完整（可能没有下载完），无法读取。请重新下载，或用 PDF 阅读器打开后"
                                 "“另存为”新的 PDF 再试。",
                           f"the PDF is damaged or incomplete ({e}; perhaps the download did not finish); download "
                           "it again, or open it in a PDF reader, save it as a new PDF and try again.") from e


def _scanned(name: str, pages: int) -> QingGaoError:
    return QingGaoError(name, f"这是扫描件 PDF（{pages} 页都是图片，没有文字层），无法直接提取文字。请先用 WPS、"
                              "Acrobat 等软件做文字识别（OCR）后另存为 Word 或带文字的 PDF，或向发文单位要 Word 版本，再处理。",
                        f"this is a scanned PDF ({pages} page(s) of images, no text layer), so there is no text to "
                        "read; run text recognition (OCR) in WPS or Acrobat and save it as Word or as a PDF with text, "
                        "or ask the sender for the Word file, then try again.")


def read_pdf(data: bytes, name: str) -> Document:
    pdf = _open(data, name)
    try:
        n = len(pdf)
        if n == 0:
            raise QingGaoError(name, "PDF 里没有任何页面。请确认文件下载完整。", "the PDF has no pages; check the download.")
        pages = [scan_page(pdf, i) for i in range(n)]
    except QingGaoError:
        raise
    except MemoryError:
        raise
    except Exception as e:  # PDFium fails in several ways on a broken page tree
        raise QingGaoError(name, "PDF 文件已损坏，读取页面时出错。请用 PDF 阅读器打开后“另存为”新的 PDF 再试。",
                           f"the PDF is damaged ({type(e).__name__} while reading a page); open it in a PDF reader, "
                           "save it as a new PDF and try again.") from e
    finally:
        pdf.close()
    doc = Document(source=name, format="pdf", encoding="utf-8", encoding_confidence=1.0)
    scan = settings()["scan"]
    visible = sum(p.visible_chars for p in pages)
    invisible = sum(p.invisible_chars for p in pages)
    scanned_pages = sum(p.image_cover >= scan["image_cover"] and p.visible_chars < scan["min_chars_per_page"]
                        for p in pages)
    if visible + invisible < scan["min_chars_per_page"] * max(1, n // 2):
        if scanned_pages:
            raise _scanned(name, n)
        raise QingGaoError(name, "这个 PDF 里没有可提取的文字（可能是图片或矢量图形）。请向发文单位要 Word 版本，"
                                 "或先做文字识别（OCR）再处理。",
                           "this PDF holds no text to extract (perhaps only pictures or drawings); ask the sender for "
                           "the Word file, or run text recognition (OCR) first.")
    if invisible > visible and scanned_pages >= n / 2:
        doc.warnings.append(_ocr_warning(pages))
    _to_lines(doc, pages)
    return doc


def _ocr_warning(pages: list[PageScan]) -> Warning:
    tokens = [t for p in pages for ln in p.lines for t in re.findall(r"[0-9A-Za-z\u4e00-\u9fff]+", ln.text)]
    odd = [m.group(0) for p in pages for ln in p.lines for m in _OCR_ODD.finditer(ln.text)]
    noisy = len(odd) >= max(3, settings()["scan"]["noisy_token_share"] * max(1, len(tokens)))
    sample = "、".join(list(dict.fromkeys(odd))[:4])
    if noisy:
        msg = (f"这是扫描件 PDF，文字来自扫描时自动识别（OCR）的文字层，识别错误较多（如“{sample}”）。"
               "请对照原件逐句核对，或重新做文字识别、向发文单位要 Word 版本。"
               " / A scanned PDF: its text comes from an OCR layer with many recognition errors; check every line "
               "against the original, or ask for the Word file.")
    else:
        msg = ("这是扫描件 PDF，文字来自扫描时自动识别（OCR）的文字层，可能有错字，请对照原件核对。"
               " / A scanned PDF: its text comes from an OCR layer and may hold recognition errors; check it against "
               "the original.")
    return Warning("ocr", msg)


def _to_lines(doc: Document, pages: list[PageScan]) -> None:
    lineno = 0
    for p in pages:
        for ln in p.lines:
            lineno += 1
            ln.lineno = lineno
    size = body_size(pages)
    furniture = find_furniture(pages, size)
    taken: set[int] = set()
    tables = [t for p in pages for t in find_tables(p, taken)]
    para = 0
    for piece in assemble(pages, furniture, tables, taken):
        first = piece.lines[0].lineno if piece.lines else lineno
        if piece.furniture:
            doc.lines.append(Line(piece.text, first, furniture=piece.furniture))
            continue
        for a, b in piece.joins:
            doc.changes.append(Change("join", "joined a PDF line that runs to the right edge of the text block", [a, b]))
        doc.lines.append(Line(piece.text, first, bold=piece.bold, align=piece.align, style=piece.style,
                              indent=piece.indent, para=para))
        para += 1
