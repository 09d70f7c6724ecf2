"""Stage: settle. Cleaning a clean text must change nothing: a clerk may clean QingGao's own TXT again.

Real drafts come out of one pass as a fixed point. A few odd ones do not: the evidence a join or a noise rule
used (a blank line, an indent, a line still cut in two) is gone from the clean text, so a second pass may
read it differently ("到文鼎文库首页" joined into a heading, then seen as a site line once it ends a line).
For plain-text sources this stage cleans the clean text again until it stops changing, so the result is the
fixed point, and maps what a later pass removed or rewrote back to the source lines: it is recorded, shown and
can be undone like any other removal. HTML and DOCX keep their one pass: their markup (<h1>, paragraph
elements, bold) says more than their clean text could, and re-reading it as plain text would lose that.
"""
from __future__ import annotations

from dataclasses import replace

from ..model import Document, Overrides, Warning
from ..readers.lines import split_lines
from ..readers.text_tables import plain_tables
from .strip_noise import remembering_lines

ROUNDS = 3  # one pass more is enough for every case seen; the cap only guards against a cycle
OWN_MARKS = {"gap-own-note", "docbreak-form-feed"}  # QingGao's own gap note and page break: markers, not text
WARN_STAGE = {"gap", "placeholder"}  # warnings the warn stage derives from the blocks


def shape(doc: Document) -> list[tuple[str, str, int | None]]:
    return [(b.kind, b.text + (b.body or ""), b.level) for b in doc.blocks]


def run(doc: Document) -> Document:
    if doc.format != "txt" or any("\n" in b.text + (b.body or "") for b in doc.blocks):
        return doc
    with remembering_lines():  # (each round sees mostly the same paragraphs as the one before)
        for _ in range(ROUNDS):
            again = _clean_again(doc)
            if shape(again) == shape(doc):
                break
            doc = _merge(doc, again)
    return doc


def _sources(doc: Document) -> list[list[int]]:
    """Line k of the clean text (1-based) is block k-1: the source lines it came from."""
    return [b.lines or [0] for b in doc.blocks]


def _clean_again(doc: Document) -> Document:
    from ..pipeline import STAGES  # (the pipeline lists this stage: import at call time)

    src = _sources(doc)
    mine = lambda wanted: {k for k, lines in enumerate(src, 1) if wanted & set(lines)}  # noqa: E731
    again = Document(source=doc.source, format="txt", encoding=doc.encoding,
                     encoding_confidence=doc.encoding_confidence, title_hint=doc.title_hint)
    again.lines = plain_tables(split_lines(doc.text()))
    again.overrides = Overrides(keep_lines=mine(doc.overrides.keep_lines), drop_lines=mine(doc.overrides.drop_lines),
                                disabled_rules=set(doc.overrides.disabled_rules))
    for name, stage in STAGES:
        if name != "settle":
            again = stage(again)
    return again


def _merge(doc: Document, again: Document) -> Document:
    src = _sources(doc)

    def back(k: int | None) -> list[int]:
        return src[k - 1] if k is not None and 1 <= k <= len(src) else []

    blocks = [replace(b, lines=sorted({n for k in b.lines for n in back(k)})) for b in again.blocks]
    removed = [replace(r, line=(back(r.line) or [r.line])[0], note=r.note or "removed when the clean text was read again")
               for r in again.removed if r.rule not in OWN_MARKS]
    changes = [replace(c, lines=sorted({n for k in c.lines for n in back(k)})) for c in again.changes]
    warnings = [w for w in doc.warnings if w.code not in WARN_STAGE]
    warnings += [Warning(w.code, w.message, (back(w.line) or [None])[0]) for w in again.warnings]
    return replace(doc, blocks=blocks, removed=doc.removed + removed, changes=doc.changes + changes,
                   warnings=warnings)
