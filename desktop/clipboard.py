"""The clipboard both ways.

Copy: the clean document as HTML set in the style profile's fonts, sizes, alignment and indents (what WPS and
Word keep when pasting), with the plain text beside it for plain editors.
Paste: the clipboard becomes a draft in the app-data folder. HTML (copied from a browser or WPS) is saved as an
.html page, so the HTML reader keeps its centred and bold headings; plain text as a UTF-8 .txt.
"""
from __future__ import annotations

import datetime as _dt
import html
import logging
import re
from pathlib import Path

from PySide6.QtCore import QMimeData

from core.model import Block, Document

from . import naming

log = logging.getLogger("qinggao.clipboard")
_ALIGN = {"both": "justify", "center": "center", "right": "right", "left": "left"}


def _profile(profile: str | None):
    from core.export.profile import load_profile

    try:
        return load_profile(profile or "gbt9704")
    except (OSError, ValueError):
        log.info("profile %r unreadable for the clipboard; using GB/T 9704", profile)
        return load_profile("gbt9704")


def _style_key(b: Block) -> str:
    if b.kind == "heading":
        return f"heading{min(max(b.level or 1, 1), 4)}"
    return b.kind if b.kind in ("title", "subtitle", "byline", "salutation", "signature", "date") else "body"


def _font_css(p, role: str, size: float | None = None, bold: bool = False) -> str:
    official = p.font(role) if role in p["fonts"] else p.font("body")
    fams = [official, *p["fonts"].get("fallbacks", {}).get(official, [])]
    css = "font-family:" + ",".join(f"'{f}'" for f in fams) + ";"
    if size:
        css += f"font-size:{size:g}pt;"
    if bold:
        css += "font-weight:bold;"
    return css


def document_html(doc: Document, profile: str | None = None) -> str:
    """The document as an HTML fragment with the profile's typography inline (clipboard readers ignore <style>)."""
    p = _profile(profile)
    body = p.style("body")
    marks = p["marks"] if "marks" in p.data else {}
    out = []
    for b in doc.blocks:
        if b.kind == "docbreak":
            out.append('<p style="page-break-before:always"></p>')
            continue
        key = _style_key(b)
        s = p.style(key)
        size = float(s.get("size_pt") or body.get("size_pt") or 16)
        indent = float(s.get("first_line_chars") or 0)
        pcss = (f"margin:0;text-align:{_ALIGN.get(str(s.get('align')), 'justify')};"
                f"text-indent:{indent:g}em;line-height:150%;")
        font = _font_css(p, str(s.get("font", "body")), size, bool(s.get("bold")))
        if b.kind == "gap":
            n = b.omitted_chars
            note = (marks.get("gap_text", "【此处原文缺失{n}字】").format(n=n) if n
                    else marks.get("gap_text_unknown", "【此处原文缺失】"))
            out.append(f'<p style="{pcss}"><span style="{font}background:yellow">{html.escape(note)}</span></p>')
            continue
        inner = f'<span style="{font}">{html.escape(b.text)}</span>'
        if b.body:
            inner += f'<span style="{_font_css(p, str(body.get("font", "body")), size)}">{html.escape(b.body)}</span>'
        out.append(f'<p style="{pcss}">{inner}</p>')
    return ('<html><head><meta charset="utf-8"></head><body>\n' + "\n".join(out) + "\n</body></html>")


def document_mime(doc: Document, profile: str | None = None) -> QMimeData:
    md = QMimeData()
    md.setHtml(document_html(doc, profile))
    md.setText(doc.text())
    return md


def save_paste(md: QMimeData, folder: Path) -> Path | None:
    """Write the clipboard to a new draft file in `folder` (.html when it holds HTML, else .txt); None when it
    holds no text."""
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    folder.mkdir(parents=True, exist_ok=True)
    page = md.html() if md.hasHtml() else ""
    if page.strip() and _has_text(page):
        path = naming.free_name(folder / f"粘贴文本-{stamp}.html")
        if "charset" not in page[:500].lower():  # the reader then decodes it as UTF-8 for sure
            page = '<meta charset="utf-8">\n' + page
        path.write_text(page, encoding="utf-8")
        return path
    text = md.text() if md.hasText() else ""
    if not text.strip():
        return None
    path = naming.free_name(folder / f"粘贴文本-{stamp}.txt")
    path.write_text(text, encoding="utf-8")
    return path


def _has_text(page: str) -> bool:
    return bool(re.sub(r"<[^>]*>|&nbsp;|\s", "", page))
