"""Stage: fold. Look-alike characters become the ordinary ones before any rule reads the text: Kangxi radicals
and compatibility ideographs a PDF copy leaves ("⼀、从党的百年奋斗" -> "一、从党的百年奋斗"), full-width digits and
Latin letters ("２０２３年" -> "2023年"), zero-width characters; control characters (ESC, U+0001, backspace
from a web page or a broken file) are dropped, as no output may carry them and a line holding only one must read
as the blank line it looks like. Otherwise a marker, a date or a banner count in
those characters goes unseen by every stage before normalize. Each line keeps its number; the count is recorded."""
from __future__ import annotations

import re
from collections import Counter

from ..model import Change, Document
from .normalize import FOLDABLE, WIDE_DECIMAL, _fold_chars

# C0 controls but tab, line feed (a table cell keeps its line breaks) and form feed (a page break: strip_noise reads it), C1 controls, DEL, lone surrogates and the two noncharacters: never text
CONTROLS = re.compile("[\x00-\x08\x0b\x0d-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
KEEP_SPACES = {"\u3000", "\u00a0", "\u2002", "\u2003", "\u2009", "\t"}  # spacing is evidence for reflow and tables


def fold_line(text: str, counts: Counter) -> str:
    if CONTROLS.search(text):
        text, n = CONTROLS.subn("", text)
        counts["control characters removed"] += n
    if not FOLDABLE.search(text):
        return text
    out = []
    for ch in text:
        out.append(ch if ch in KEEP_SPACES else _fold_chars(ch, counts))
    return WIDE_DECIMAL.sub(".", "".join(out))


def run(doc: Document) -> Document:
    counts: Counter = Counter()
    kept = []
    carry = 0  # a line left empty (it held only controls or zero-width characters) reads as a blank line
    for ln in doc.lines:
        was = ln.text
        ln.text = fold_line(was, counts)
        if ln.text != was and not ln.text.strip() and not ln.mark:
            carry += ln.blank_before + 1
            continue
        if carry:
            ln.blank_before += carry
            carry = 0
        kept.append(ln)
    doc.lines = kept
    for what, n in sorted(counts.items()):
        doc.changes.append(Change("normalize", f"{what}: {n}"))
    return doc
