"""Stage: fold. Look-alike characters become the ordinary ones before any rule reads the text: Kangxi radicals
and compatibility ideographs a PDF copy leaves ("⼀、从党的百年奋斗" -> "一、从党的百年奋斗"), full-width digits and
Latin letters ("２０２３年" -> "2023年"), zero-width characters. Otherwise a marker, a date or a banner count in
those characters goes unseen by every stage before normalize. Each line keeps its number; the count is recorded."""
from __future__ import annotations

from collections import Counter

from ..model import Change, Document
from .normalize import FOLDABLE, WIDE_DECIMAL, _fold_chars

KEEP_SPACES = {"\u3000", "\u00a0", "\u2002", "\u2003", "\u2009", "\t"}  # spacing is evidence for reflow and tables


def fold_line(text: str, counts: Counter) -> str:
    if not FOLDABLE.search(text):
        return text
    out = []
    for ch in text:
        out.append(ch if ch in KEEP_SPACES else _fold_chars(ch, counts))
    return WIDE_DECIMAL.sub(".", "".join(out))


def run(doc: Document) -> Document:
    counts: Counter = Counter()
    for ln in doc.lines:
        ln.text = fold_line(ln.text, counts)
    for what, n in sorted(counts.items()):
        doc.changes.append(Change("normalize", f"{what}: {n}"))
    return doc
