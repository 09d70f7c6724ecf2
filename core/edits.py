"""The clerk's review edits on a cleaned Document, each recorded as a `Change` and re-applicable after a re-clean.

An edit names its block by an `Anchor` (the source lines it came from and its text), not by its index, so the
same list of edits can be replayed on a fresh `clean_file` result — which is how restoring a removed line works:
the line goes into `Overrides.keep_lines`, the file is cleaned again, and the other edits are replayed on top.
Pure Python; the desktop app is the main user, but nothing here knows about Qt.
"""
from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from .model import BLOCK_KINDS, Block, Change, Document, Overrides, Removed

OPS = ("set_kind", "set_level", "merge_next", "split", "drop_block", "restore_line", "set_text", "replace")
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
    anchor: Anchor | None = None  # the block edited (None for restore_line and replace)
    value: Any = None  # kind, level, split offset, source line number, new text, or {"find", "repl"}
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


def set_text(doc: Document, i: int, text: str) -> Change:
    """The clerk typed in the result: the block's whole text becomes `text` (a run-in heading keeps its split
    between heading and body where the edit left one side alone)."""
    b = _block(doc, i)
    if b.kind in _FIXED:
        raise EditError(f"a {b.kind} has no text to edit")
    text = text.replace("\n", "")
    old = full_text(b)
    if not text.strip():
        raise EditError("empty text: drop the block instead")
    if text == old:
        raise EditError("the text is unchanged")
    if b.body and text.endswith(b.body) and len(text) > len(b.body):
        b.text = text[: len(text) - len(b.body)]
    elif b.body and text.startswith(b.text) and len(text) > len(b.text):
        b.body = text[len(b.text):]
    else:
        b.text, b.body = text, None
    return _record(doc, "set_text", f"block {i}", b.lines, old, text)


def _pattern(find: str, whole: bool) -> re.Pattern[str]:
    """`find` literally; with `whole` (a placeholder being filled) only where it stands on its own: not inside a
    Latin word ("X" in "EXCEL") and not as part of a longer run of the same mark ("×" in "×××")."""
    core = re.escape(find)
    if not whole:
        return re.compile(core)

    def guard(c: str) -> str:  # a Chinese character at the end needs no guard: "×××县" is whole as it is
        return "" if "\u3400" <= c <= "\u9fff" else "[A-Za-z" + re.escape(c) + "]"

    before, after = guard(find[0]), guard(find[-1])
    return re.compile((f"(?<!{before})" if before else "") + core + (f"(?!{after})" if after else ""))


def replace_all(doc: Document, find: str, repl: str, whole: bool = False) -> Change:
    """Replace every `find` in the text blocks (find/replace; with `whole`, a placeholder filled in)."""
    if not find:
        raise EditError("nothing to find")
    pat = _pattern(find, whole)
    n, lines = 0, []
    for b in doc.blocks:
        if b.kind in _FIXED:
            continue
        b.text, k = pat.subn(lambda _m: repl, b.text)
        if b.body:
            b.body, kb = pat.subn(lambda _m: repl, b.body)
            k += kb
        if k:
            n += k
            lines += b.lines
    if not n:
        raise EditError(f"{find!r} not found")
    return _record(doc, "replace", f"{find!r} -> {repl!r} x{n}", lines, find, repl)


def _rebase_text(anchor_text: str, new: str, current: str) -> str | None:
    """Carry the clerk's change of `anchor_text` into `new` over to `current` (the block as a re-clean left it):
    the changed middle with a few characters of context on each side must be found once in `current`."""
    p = 0
    while p < min(len(anchor_text), len(new)) and anchor_text[p] == new[p]:
        p += 1
    s = 0
    while s < min(len(anchor_text), len(new)) - p and anchor_text[-1 - s] == new[-1 - s]:
        s += 1
    old_mid, new_mid = anchor_text[p:len(anchor_text) - s], new[p:len(new) - s]
    before, after = anchor_text[max(0, p - 8):p], anchor_text[len(anchor_text) - s:len(anchor_text) - s + 8]
    probe = before + old_mid + after
    if not probe or current.count(probe) != 1:
        return None
    k = current.index(probe) + len(before)
    return current[:k] + new_mid + current[k + len(old_mid):]


def _find_loosely(whole: str, src: str) -> tuple[int, int] | None:
    """Where the source line `src` sits in a block's text, though the stages changed its punctuation and
    spaces (a full-width colon, a space dropped): the span of `whole` its characters match, or None."""
    k = whole.find(src)
    if k >= 0:
        return k, k + len(src)
    sm = SequenceMatcher(None, whole, src, autojunk=False)
    blocks = [m for m in sm.get_matching_blocks() if m.size]
    if not blocks or sum(m.size for m in blocks) < 0.7 * len(src):
        return None
    return blocks[0].a, blocks[-1].a + blocks[-1].size


def isolate_line(doc: Document, lineno: int) -> bool:
    """Make a restored source line a block of its own when the stages joined it to others (never glued to the
    title): its text is cut out of the block it landed in. True when a block was split."""
    src = next((ln.text.strip() for ln in doc.lines if ln.lineno == lineno), "")
    for k, b in enumerate(doc.blocks):
        if lineno not in b.lines or len(b.lines) < 2 or b.kind in _FIXED or not src:
            continue
        whole = full_text(b)
        span = _find_loosely(whole, src)
        if span is None or span == (0, len(whole)):
            return False
        rest = [n for n in b.lines if n != lineno]
        head, mine, tail = whole[:span[0]].strip(), whole[span[0]:span[1]], whole[span[1]:].strip()
        new: list[Block] = []
        if head:
            new.append(Block(b.kind, head, level=b.level, lines=[n for n in rest if n < lineno] or rest,
                             bold=b.bold, align=b.align, style=b.style))
        new.append(Block("paragraph", mine, lines=[lineno]))
        if tail:
            kind = b.kind if not head else "paragraph"
            new.append(Block(kind, tail, level=b.level if kind == b.kind else None,
                             lines=[n for n in rest if n > lineno] or rest, bold=b.bold, align=b.align,
                             style=b.style))
        doc.blocks[k:k + 1] = new
        return True
    return False


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
    if op == "replace":
        return Edit(op, value={"find": str(value["find"]), "repl": str(value["repl"]),
                               "whole": bool(value.get("whole"))})
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
        ch = restore_line(doc, int(e.value))
        isolate_line(doc, int(e.value))
        return ch
    if e.op == "replace":
        return replace_all(doc, str(e.value["find"]), str(e.value["repl"]), bool(e.value.get("whole")))
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
    if e.op == "set_text":
        current = full_text(doc.blocks[i])
        text = str(e.value) if current == e.anchor.text else _rebase_text(e.anchor.text, str(e.value), current)
        if text is None:
            raise EditError("set_text: the edited words are gone")
        return set_text(doc, i, text)
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


def describe(e: Edit) -> str:
    """A short Chinese description of an edit for the clerk (which edit could not be kept)."""
    what = {"set_kind": "改段落类型", "set_level": "改标题层级", "merge_next": "合并段落", "split": "拆分段落",
            "drop_block": "删除段落", "restore_line": "恢复原稿行", "set_text": "改文字", "replace": "替换"}[e.op]
    if e.op == "restore_line":
        return f"{what}（第{e.value}行）"
    if e.op == "replace":
        return f"{what}“{e.value['find']}”→“{e.value['repl']}”"
    text = e.anchor.text if e.anchor else ""
    return f"{what}：“{text[:16]}{'…' if len(text) > 16 else ''}”"


def edit_to_json(e: Edit) -> dict[str, Any]:
    """A JSON-safe form of an edit (the desktop session file keeps each file's edits)."""
    def anchor(a: Anchor | None) -> dict[str, Any] | None:
        return {"lines": list(a.lines), "text": a.text} if a else None

    return {"op": e.op, "anchor": anchor(e.anchor), "value": e.value, "head": e.head,
            "next_anchor": anchor(e.next_anchor)}


def edit_from_json(d: dict[str, Any]) -> Edit:
    def anchor(a: dict[str, Any] | None) -> Anchor | None:
        return Anchor(tuple(int(n) for n in a["lines"]), str(a["text"])) if a else None

    return Edit(str(d["op"]), anchor(d.get("anchor")), d.get("value"), str(d.get("head") or ""),
                anchor(d.get("next_anchor")))


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
            isolate_line(doc, int(e.value))
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

    doc = clean_file(path, progress, overrides_for(edits, base), allow_empty=True)  # the review shows it all
    return replay(doc, edits)
