"""Stage: page furniture. Lines a reader marked as furniture from the page's geometry (a PDF's page numbers,
running heads and footers, watermarks: Line.furniture holds the rule id) are removed and recorded, unless the
clerk kept the line or switched the rule off. Runs first, so no later stage mistakes a footer for text."""
from __future__ import annotations

from ..model import Document, Removed

NOTES = {
    "pdf-page-number": "a page number at the head or foot of a PDF page",
    "pdf-running-head": "text repeated at the same place on the PDF's pages (a running head or footer)",
    "pdf-watermark": "a watermark: turned, light or repeated text drawn over the PDF's pages",
}


def run(doc: Document) -> Document:
    kept = []
    for ln in doc.lines:
        rule = ln.furniture
        if rule and ln.lineno not in doc.overrides.keep_lines and rule not in doc.overrides.disabled_rules:
            doc.removed.append(Removed(ln.text, ln.lineno, rule, NOTES.get(rule, "page furniture")))
            continue
        kept.append(ln)
    doc.lines = kept
    return doc
