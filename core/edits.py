"""The clerk's review edits on a cleaned Document, each recorded as a `Change` and re-applicable after a re-clean.

An edit names its block by an `Anchor` (the source lines it came from and its text), not by its index, so the
same list of edits can be replayed on a fresh `clean_file` result — which is how restoring a removed line works:
the line goes into `Overrides.keep_lines`, the file is cleaned again, and the other edits are replayed on top.
Pure Python; the desktop app is the main user, but nothing here knows about Qt.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from .model import BLOCK_KINDS, Block, Change, Document, Overrides, Removed

OPS = ("set_kind", "set_level", "merge_next", "split", "drop_block", "restore_line")
CLERK_RULE = "clerk"  # `Removed.rule` of a block the clerk dropped
# kinds a clerk may give a block: a gap has no text of its own, so nothing turns into one
SETTABLE_KINDS = tuple(k for k in BLOCK_KINDS if k != "gap")
_FIXED = ("gap", "docbreak")  # blocks without text to merge or split


class EditError(ValueError):
    """The edit does not fit the document (no such block, offset outside the text, ...)."""


@dataclass(frozen=True)
class Anchor:
    """Where a block came from and what it said: enough to find it again after a re-clean."""

    lines: tuple[int, ...]
    text: str


@dataclass
class Edit:
    op: str
    anchor: Anchor | None = None  # the block edited (None for restore_line)
    value: Any = None  # kind, level, split offset or source line number
    head: str = ""  # split: the text before the split point (relocates the offset if the block changed)
    next_anchor: Anchor | None = None  # merge_next: the block merged in

    def __post_init__(self) -> None:
        if self.op not in OPS:
            raise EditError(f"unknown edit {self.op!r}")


@dataclass
class ReplayResult:
    doc: Document
    skipped: list[Edit] = field(default_factory=list)  # edits that no longer fit (their block is gone)


def full_text(b: Block) -> str:
    return b.text + (b.body or "")


def anchor_of(b: Block) -> Anchor:
    return Anchor(tuple(b.lines), full_text(b))


def find_block(doc: Document, anchor: Anchor) -> int | None:
    """Index of the block `anchor` names: same lines and text, else same text, else the most alike overlapping one."""
    blocks = doc.blocks
    for i, b in enumerate(blocks):
        if tuple(b.lines) == anchor.lines and full_text(b) == anchor.text:
            return i
    same_text = [i for i, b in enumerate(blocks) if full_text(b) == anchor.text]
    if same_text:
        first = anchor.lines[0] if anchor.lines else 0
        return min(same_text, key=lambda i: abs((blocks[i].lines or [0])[0] - first))
    wanted = set(anchor.lines)
    best, best_score = None, 0.6  # below this the block changed too much to be "the same"
    for i, b in enumerate(blocks):
        if wanted and not wanted & set(b.lines):
            continue
        score = SequenceMatcher(None, full_text(b), anchor.text, autojunk=False).ratio()
        if score > best_score:
            best, best_score = i, score
    return best


def _block(doc: Document, i: int) -> Block:
    if not 0 <= i < len(doc.blocks):
        raise EditError(f"no block {i}")
    return doc.blocks[i]


def _record(doc: Document, op: str, detail: str, lines: list[int], before: str, after: str) -> Change:
    ch = Change(kind="clerk", detail=f"{op}: {detail}", lines=sorted(set(lines)), before=before, after=after)
    doc.changes.append(ch)
    return ch


# --- the edits, each on a block index; `make_*` builds the replayable Edit before applying ---

def set_kind(doc: Document, i: int, kind: str) -> Change:
    if kind not in SETTABLE_KINDS:
        raise EditError(f"kind {kind!r} cannot be set")
    b = _block(doc, i)
    if b.kind == "gap":
        raise EditError("a gap has no text to re-kind")
    old = b.kind + (f"{b.level}" if b.kind == "heading" else "")
    if kind == "heading":
        b.level = b.level or 1
    else:
        b.level = None
        if b.body:  # only a heading runs into body text; anything else holds the whole paragraph
            b.text, b.body = full_text(b), None
    b.kind = kind
    return _record(doc, "set_kind", f"{old} -> {kind}", b.lines, old, kind)


def set_level(doc: Document, i: int, level: int) -> Change:
    if level not in (1, 2, 3, 4):
        raise EditError(f"heading level {level} is not 1-4")
    b = _block(doc, i)
    if b.kind in _FIXED:
        raise EditError(f"a {b.kind} cannot be a heading")
    old = f"{b.kind}{b.level or ''}"
    if b.kind != "heading":
        b.kind, b.level = "heading", level
        if b.body:
            b.text, b.body = full_text(b), None
    b.level = level
    return _record(doc, "set_level", f"{old} -> heading{level}", b.lines, old, f"heading{level}")


def merge_next(doc: Document, i: int) -> Change:
    a, b = _block(doc, i), _block(doc, i + 1)
    if a.kind in _FIXED or b.kind in _FIXED:
        raise EditError("gaps and document breaks cannot be merged")
    before = full_text(a) + "\n" + full_text(b)
    if a.kind == "heading":  # a heading followed by its paragraph becomes a run-in heading
        a.body = (a.body or "") + full_text(b)
    else:
        a.text = full_text(a) + full_text(b)
        a.body = None
    a.lines = sorted(set(a.lines) | set(b.lines))
    del doc.blocks[i + 1]
    return _record(doc, "merge_next", f"block {i} + {i + 1}", a.lines, before, full_text(a))


def split(doc: Document, i: int, offset: int) -> Change:
    b = _block(doc, i)
    if b.kind in _FIXED:
        raise EditError(f"a {b.kind} cannot be split")
    whole = full_text(b)
    if not 0 < offset < len(whole):
        raise EditError(f"split offset {offset} is outside the text")
    left, right = whole[:offset], whole[offset:]
    if b.kind == "heading" and b.body and offset > len(b.text):
        b.body = left[len(b.text):]
    else:
        b.text, b.body = left, None
    # the new block is body text unless the old one was a paragraph already: the clerk re-kinds it if needed
    new = Block("paragraph", right, lines=list(b.lines))
    doc.blocks.insert(i + 1, new)
    return _record(doc, "split", f"block {i} at {offset}", b.lines, whole, left + "\n" + right)


def drop_block(doc: Document, i: int) -> Change:
    b = _block(doc, i)
    text = full_text(b) or b.kind
    del doc.blocks[i]
    doc.removed.append(Removed(text=text, line=b.lines[0] if b.lines else 0, rule=CLERK_RULE,
                               note="审稿时删除 / dropped in review"))
    return _record(doc, "drop_block", f"block {i} ({b.kind})", b.lines, text, "")


def line_present(doc: Document, lineno: int) -> bool:
    """Is source line `lineno` back in the blocks, whole (no removal of it or part of it is left)?"""
    return any(lineno in b.lines for b in doc.blocks) and not any(r.line == lineno for r in doc.removed)


def restore_line(doc: Document, lineno: int) -> Change:
    """Put a removed line back as its own paragraph, in source order.

    Used when a re-clean with `Overrides.keep_lines` did not bring it back (or without a re-clean); when the
    strip_noise stage honours keep_lines, the line is already in the blocks, joined where it belongs.
    """
    gone = [r for r in doc.removed if r.line == lineno]
    if not gone:
        if any(lineno in b.lines for b in doc.blocks):
            return _record(doc, "restore_line", f"line {lineno} (already kept)", [lineno], "", "")
        raise EditError(f"line {lineno} was not removed")
    text = "".join(r.text for r in gone)
    pos = 0
    for k, b in enumerate(doc.blocks):
        if b.lines and min(b.lines) <= lineno:
            pos = k + 1
    doc.blocks.insert(pos, Block("paragraph", text, lines=[lineno]))
    doc.removed = [r for r in doc.removed if r.line != lineno]
    return _record(doc, "restore_line", f"line {lineno} ({gone[0].rule})", [lineno], "", text)


# --- building Edits from what the clerk clicked, applying and replaying them ---

def make_edit(doc: Document, op: str, index: int | None = None, value: Any = None) -> Edit:
    """The replayable Edit for `op` on block `index` (or source line `value` for restore_line)."""
    if op == "restore_line":
        return Edit(op, value=int(value))
    b = _block(doc, int(index or 0))
    e = Edit(op, anchor=anchor_of(b), value=value)
    if op == "merge_next":
        e.next_anchor = anchor_of(_block(doc, int(index or 0) + 1))
    if op == "split":
        e.head = full_text(b)[: int(value)]
    return e


def apply_edit(doc: Document, e: Edit) -> Change:
    """Apply one Edit, finding its block by anchor; raises EditError when it no longer fits."""
    if e.op == "restore_line":
        return restore_line(doc, int(e.value))
    assert e.anchor is not None
    i = find_block(doc, e.anchor)
    if i is None:
        raise EditError(f"{e.op}: block not found: {e.anchor.text[:20]!r}")
    if e.op == "set_kind":
        return set_kind(doc, i, str(e.value))
    if e.op == "set_level":
        return set_level(doc, i, int(e.value))
    if e.op == "drop_block":
        return drop_block(doc, i)
    if e.op == "merge_next":
        if e.next_anchor is not None and find_block(doc, e.next_anchor) != i + 1:
            raise EditError("merge_next: the next block is not the one merged before")
        return merge_next(doc, i)
    if e.op == "split":
        whole = full_text(doc.blocks[i])
        offset = int(e.value)
        if not whole.startswith(e.head):  # the block changed: split before the same words if they are still there
            tail = e.anchor.text[offset:offset + 12]
            found = whole.find(tail) if tail else -1
            if found <= 0:
                raise EditError("split: the split point is gone")
            offset = found
        return split(doc, i, offset)
    raise EditError(e.op)


def edit(doc: Document, op: str, index: int | None = None, value: Any = None) -> tuple[Edit, Change]:
    """Build the Edit for what the clerk did and apply it; keep the Edit to replay after a re-clean."""
    e = make_edit(doc, op, index, value)
    return e, apply_edit(doc, e)


def overrides_for(edits: list[Edit], base: Overrides | None = None) -> Overrides:
    """The Overrides a re-clean needs so the stages reproduce the edits they can (restored lines)."""
    ov = copy.deepcopy(base) if base else Overrides()
    ov.keep_lines |= {int(e.value) for e in edits if e.op == "restore_line"}
    return ov


def replay(doc: Document, edits: list[Edit]) -> ReplayResult:
    """Apply `edits` in order to a freshly cleaned Document; edits whose block is gone are skipped and listed."""
    res = ReplayResult(doc)
    for e in edits:
        if e.op == "restore_line" and line_present(doc, int(e.value)):
            _record(doc, "restore_line", f"line {e.value} (kept by the cleaning rules)", [int(e.value)], "", "")
            continue
        try:
            apply_edit(doc, e)
        except EditError:
            res.skipped.append(e)
    return res


def clean_with_edits(path: str | Path, edits: list[Edit], progress: Any = None,
                     base: Overrides | None = None) -> ReplayResult:
    """Clean `path` again honouring the edits: restored lines through Overrides, the rest replayed on top."""
    from .api import clean_file

    doc = clean_file(path, progress, overrides_for(edits, base))
    return replay(doc, edits)
