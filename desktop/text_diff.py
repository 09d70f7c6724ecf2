"""Turn what the clerk typed in the result pane into review edits (core.edits ops), so typing is recorded and
undone like any other edit and the export follows it.

The pane holds one text block per document block. Its texts before and after typing are compared block by
block: a changed block becomes `set_text`; blocks run together (Backspace at a block's start) `merge_next`;
a block broken by Enter `split`; a block emptied `drop_block`. Qt-free, so it is tested on plain lists.
"""
from __future__ import annotations

from difflib import SequenceMatcher

LINE_SEP = "\u2028"  # the pane breaks a long title with it; not part of the text


class Refused(ValueError):
    """The typing touched a block that has no text of its own (a gap note, a document break)."""


def plain(text: str) -> str:
    return text.replace(LINE_SEP, "").replace("\u00a0", " ")


def edits_for(old: list[str], new: list[str], fixed: set[int] = frozenset()) -> list[tuple[str, int, object]]:
    """(op, block index, value) steps, in the order to apply them, that turn blocks `old` into `new`.

    Steps run from the end of the document backwards, so each index is still right when its step runs.
    `fixed`: indices of blocks that must not change (gaps, document breaks)."""
    new = [t for t in (plain(x) for x in new) if t.strip()]  # an empty line left by Enter is no block
    old = [plain(x) for x in old]
    steps: list[tuple[str, int, object]] = []
    ops = SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in reversed(ops):
        if tag == "equal":
            continue
        if any(i in fixed for i in range(i1, i2)):
            raise Refused(f"blocks {i1}-{i2} hold no text of their own")
        if tag == "delete":
            steps += [("drop_block", i1, None)] * (i2 - i1)
            continue
        pieces = new[j1:j2]
        if tag == "insert":  # typed after the block before (or before the first block): grow a neighbour
            if i1 > 0 and i1 - 1 not in fixed:
                i1, i2, pieces = i1 - 1, i1, [old[i1 - 1], *pieces]
            elif i1 < len(old) and i1 not in fixed:
                i2, pieces = i1 + 1, [*pieces, old[i1]]
            else:
                raise Refused("no text block next to the new text")
        steps += _reshape(old[i1:i2], pieces, i1)
    return steps


def _reshape(before: list[str], after: list[str], at: int) -> list[tuple[str, int, object]]:
    """Blocks `before` (starting at index `at`) become blocks `after`: merge them into one, set its text,
    split it again where `after` breaks (as many blocks as before: each simply gets its new text)."""
    if len(before) == len(after):
        return [("set_text", at + k, b) for k, (a, b) in enumerate(zip(before, after)) if a != b]
    steps: list[tuple[str, int, object]] = [("merge_next", at, None)] * (len(before) - 1)
    joined = "".join(after)
    if "".join(before) != joined:
        steps.append(("set_text", at, joined))
    for k, piece in enumerate(after[:-1]):
        steps.append(("split", at + k, len(piece)))
    return steps
