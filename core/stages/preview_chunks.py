"""Stage: preview chunks. What a doc-share or 范文 page does to a text before any line is read as a line:

- it cuts the preview into chunks and numbers them "1、", "2、", "3、" at the head of each chunk, wherever the cut
  falls ("…市里召开全市提升营" / "2、商环境工作大会"): the numbers go, and a chunk that starts inside a sentence
  goes on from the chunk before;
- it repeats the start of the text above it as a snippet ("…工作方案一、背景和目的随着社会的…幸福" over the whole
  text): a line that the text below begins with again (after a site's own prefix) is that snippet.

Both are recorded as removed lines or parts, and a clerk can switch them off ("preview-chunk-number",
"preview-snippet")."""
from __future__ import annotations

import re

from rapidfuzz import fuzz

from ..model import Change, Document, Line, Removed
from ..text import cjk_count, ends_sentence, loose

CHUNK = re.compile(r"^(?P<n>[1-9]\d?)、\s*")
CHUNK_MIN = 100  # a preview chunk is a long run of text; a numbered item ("1、时间：…") is short


def _chunk_numbers(doc: Document) -> None:
    if "preview-chunk-number" in doc.overrides.disabled_rules:
        return
    idx = [i for i, ln in enumerate(doc.lines) if CHUNK.match(ln.text) and not ln.mark]
    seq = [i for i in idx if int(CHUNK.match(doc.lines[i].text).group("n")) == 1][:1]
    for i in idx:
        if seq and i > seq[-1] and int(CHUNK.match(doc.lines[i].text).group("n")) == len(seq) + 1:
            seq.append(i)
    if len(seq) < 2 or sum(len(doc.lines[i].text) for i in seq) < CHUNK_MIN * len(seq):
        return
    # the page cut where its chunk ended: at least one chunk starts inside a sentence
    inside = [k for k in seq[1:] if doc.lines[k - 1].text and not ends_sentence(doc.lines[k - 1].text)]
    if not inside:
        return
    for n, i in enumerate(seq, 1):
        ln = doc.lines[i]
        if ln.lineno in doc.overrides.keep_lines:
            continue
        m = CHUNK.match(ln.text)
        doc.removed.append(Removed(m.group(0).strip(), ln.lineno, "preview-chunk-number",
                                   f"the page's number for its preview chunk {n}"))
        ln.text = ln.text[m.end():].lstrip("?？ ")
    out: list[Line] = []
    for i, ln in enumerate(doc.lines):
        if i in inside and out and not out[-1].mark and ln.lineno not in doc.overrides.keep_lines:
            doc.changes.append(Change("join", "a preview chunk that starts inside a sentence", [out[-1].lineno, ln.lineno]))
            out[-1].text = out[-1].text + ln.text
            continue
        out.append(ln)
    doc.lines = out


def _snippets(doc: Document) -> None:
    if "preview-snippet" in doc.overrides.disabled_rules:
        return
    lines = doc.lines
    keep: list[Line] = []
    for i, ln in enumerate(lines):
        t = loose(ln.text)
        if i < 30 and cjk_count(t) >= 30 and not ln.mark and ln.lineno not in doc.overrides.keep_lines:
            below = [loose(x.text) for x in lines[i + 1:i + 12]]
            if _repeated_below(t, below):
                doc.removed.append(Removed(ln.text, ln.lineno, "preview-snippet", "the start of the text, repeated above it"))
                continue
        keep.append(ln)
    doc.lines = keep


def _repeated_below(t: str, below: list[str]) -> bool:
    """`t`, maybe after a prefix of the site's own, is how the text below begins at the start of one of the next
    lines, and runs on past that line (a snippet may end on a cut word or an added "。"; a paragraph put twice,
    the same line again, is duplicate-line's to judge)."""
    for j, first in enumerate(below[:4]):
        after = "".join(below[j:])
        for k in range(0, min(40, len(t) - 30)):
            if not after.startswith(t[k:k + 20]):
                continue
            rest = t[k:]
            if abs(len(first) - len(rest)) <= 5 and fuzz.ratio(first, rest) >= 92:
                return False  # the same paragraph twice
            return fuzz.ratio(rest, after[:len(rest)]) >= 92
    return False


def run(doc: Document) -> Document:
    _chunk_numbers(doc)
    _snippets(doc)
    return doc
