"""Stage: number. Markers take the standard forms (一、 / （一） / 1. / （1））; a broken sibling sequence
(a repeat or a skip) is renumbered to follow on and each renumbering recorded. Numbering that runs on across
sections on purpose (items 1.–23. under 一、…六、) is kept, and so is a jump across a gap (text left out)."""
from __future__ import annotations

from ..markers import parse_marker
from ..model import Block, Change, Document
from ..text import int_to_cn


def marker_text(level: int, n: int) -> str:
    return {1: f"{int_to_cn(n)}、", 2: f"（{int_to_cn(n)}）", 3: f"{n}.", 4: f"（{n}）"}[level]


def _renumber(b: Block, level: int, n: int, end: int) -> None:
    b.text = marker_text(level, n) + b.text[end:].lstrip()


def _nested_runs(doc: Document) -> None:
    """"2.…重点做好以下工作：" "1.…；" "2.…；" "3.…。" "3.加强…": a list inside an item that lost its brackets
    (a page dropped "（1）"): it restarts at 1 under a line ending in "：", and the outer list goes on after it
    where it left off. Those items sit one level deeper."""
    blocks = doc.blocks
    for k, b in enumerate(blocks):
        m = parse_marker(b.text) if b.kind == "heading" and b.level is not None and b.level < 4 else None
        if m is None or m.level != b.level or not (b.text + (b.body or "")).endswith(("：", ":")):
            continue
        run: list[tuple[Block, int]] = []
        j = k + 1
        while j < len(blocks) and blocks[j].kind == "heading" and blocks[j].level == b.level:
            sub = parse_marker(blocks[j].text)
            if sub is None or sub.number != len(run) + 1:
                break
            run.append((blocks[j], sub.end))
            j += 1
        after = parse_marker(blocks[j].text) if j < len(blocks) and blocks[j].kind == "heading" else None
        if len(run) >= 2 and after is not None and blocks[j].level == b.level and after.number == m.number + 1:
            for n, (item, end) in enumerate(run, 1):
                before = item.text
                item.level = b.level + 1
                _renumber(item, item.level, n, end)
                doc.changes.append(Change("renumber", f"{before[:end].strip()} -> {marker_text(item.level, n)}: a list "
                                          "inside an item", item.lines[:1], before[:30], item.text[:30]))


def run(doc: Document) -> Document:
    _nested_runs(doc)
    last_in_parent: dict[int, int] = {}
    last_global: dict[int, int] = {}
    gap_since: dict[int, bool] = {}
    following = _next_sibling_numbers(doc.blocks)
    for k, (b, prev_block) in enumerate(zip(doc.blocks, [None, *doc.blocks])):
        if b.kind == "docbreak":
            last_in_parent.clear()
            last_global.clear()
            continue
        if b.kind == "gap":
            for lvl in gap_since:
                gap_since[lvl] = True
            continue
        if b.kind != "heading":
            continue
        m = parse_marker(b.text)
        for deeper in [k for k in last_in_parent if b.level is not None and k > b.level]:
            del last_in_parent[deeper]  # a new section (numbered or not: "十月份：") starts its items over
        if not m or m.level != b.level:
            continue
        lvl, n = m.level, m.number
        prev = last_in_parent.get(lvl)
        want = n
        # a list that starts again at 1 after a line that introduces it ("九月份：", "具体要求：") is a new list
        # (or after an item whose own text ends on such a line: "（3）…开展具体工作。成员职责：" "（1）…")
        lead_in = n == 1 and prev_block is not None and (
            (prev_block.kind == "paragraph" and (prev_block.text + (prev_block.body or "")).endswith(("：", ":")))
            or (prev_block.kind == "heading" and (prev_block.body or "").endswith(("：", ":"))))
        if prev is not None and n != prev + 1 and not gap_since.get(lvl) and not lead_in:
            want = prev + 1
        elif prev is None and n > 2 and following.get(k) == 2:
            want = 1  # "4、… 2、… 3、…": the first of a list that goes on 2, 3 is its 1
        before = b.text
        _renumber(b, lvl, want, m.end)
        if want != n:
            doc.changes.append(Change("renumber", f"{m.raw.strip()} -> {marker_text(lvl, want)}", b.lines[:1],
                                      before[:30], b.text[:30]))
        elif before[: m.end] != b.text[: len(marker_text(lvl, want))]:
            doc.changes.append(Change("marker", f"{m.raw.strip()} -> {marker_text(lvl, want)}", b.lines[:1]))
        last_in_parent[lvl] = want
        last_global[lvl] = want
        gap_since[lvl] = False
    return doc


def _next_sibling_numbers(blocks: list[Block]) -> dict[int, int]:
    """For each numbered heading, the number of the next heading at its level before one above it."""
    out: dict[int, int] = {}
    open_at: dict[int, int] = {}  # level -> index of the last numbered heading at that level still open
    for k, b in enumerate(blocks):
        if b.kind == "docbreak":
            open_at.clear()
        if b.kind != "heading" or b.level is None:
            continue
        for lvl in [x for x in open_at if x > b.level]:
            del open_at[lvl]
        m = parse_marker(b.text)
        if m is None or m.level != b.level:
            continue
        if b.level in open_at:
            out[open_at[b.level]] = m.number
        open_at[b.level] = k
    return out
