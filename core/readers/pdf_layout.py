"""The page's own geometry as evidence for paragraphs: a line that runs to the right edge of the text block
goes on in the next line (a wrap); a line set in from the left edge starts a paragraph; a larger centred line
at the top of the first page is the title; centred and right-set lines are marked so structure can use them.

Output: `Piece`s in reading order, each one source paragraph (its visual lines joined), a table row, or a line
of page furniture; pdf.py turns them into `Line`s."""
from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, field

from ..markers import starts_with_marker
from ..text import ends_sentence
from .pdf_page import PageScan, VLine, settings
from .pdf_tables import Table


@dataclass
class Piece:
    text: str
    lines: list[VLine]
    page: int
    top: float
    x0: float
    style: str | None = None  # "title", "tr" (a table row)
    align: str | None = None
    bold: bool = False
    indent: int = 0  # characters the first line is set in
    furniture: str | None = None  # a rule id: page furniture to remove
    joins: list[tuple[int, int]] = field(default_factory=list)  # (lineno, lineno) of each joined wrap


@dataclass
class Block:
    """The text block of the document: where body lines start and end."""

    left: float
    right: float


def body_size(pages: list[PageScan]) -> float:
    sizes: Counter[float] = Counter()
    for p in pages:
        for ln in p.lines:
            if not ln.turned:
                sizes[round(ln.size * 2) / 2] += len(ln.text)
    return sizes.most_common(1)[0][0] if sizes else 12.0


def text_block(lines: list[VLine], size: float) -> Block:
    """Left: where most lines start; right: where most long lines end (justified text ends on one x)."""
    lefts = Counter(round(ln.x0) for ln in lines if len(ln.text) >= 4)
    longs = [ln for ln in lines if len(ln.text) >= 10]
    rights = Counter(round(ln.x1) for ln in longs)
    if not lefts:
        return Block(0.0, 1e9)
    left = float(min(x for x, n in lefts.items() if n >= 0.5 * lefts.most_common(1)[0][1]))
    if rights:
        top_n = rights.most_common(1)[0][1]
        right = float(max(x for x, n in rights.items() if n >= 0.5 * top_n and x <= max(rights) + 1))
        if top_n < 2:
            right = float(statistics.quantiles([ln.x1 for ln in longs], n=10)[-1]) if len(longs) >= 2 else max(rights)
    else:
        right = max(ln.x1 for ln in lines)
    return Block(left, right)


def _pitch(lines: list[VLine], size: float) -> float:
    steps = [b.top - a.top for a, b in zip(lines, lines[1:]) if a.page == b.page and 0 < b.top - a.top < 3 * size]
    return statistics.median(steps) if steps else 1.5 * size


def assemble(pages: list[PageScan], furniture: dict[int, str], tables: list[Table], taken: set[int]) -> list[Piece]:
    cfg = settings()["geometry"]
    size = body_size(pages)
    body = [ln for p in pages for ln in p.lines if id(ln) not in furniture and id(ln) not in taken]
    block = text_block([ln for ln in body if abs(ln.size - size) <= 0.15 * size] or body, size)
    pitch = _pitch(body, size)
    title_ids = _title_lines(pages, body, block, size)
    pieces: list[Piece] = []
    cur: Piece | None = None
    barrier = {(t.page, round(t.top)) for t in tables}
    tables_by_page: dict[int, list[Table]] = {}
    for t in tables:
        tables_by_page.setdefault(t.page, []).append(t)
    letterhead = _letterhead(body, title_ids, size)
    if len(letterhead) == 1:
        only = next(iter(letterhead.values()))
        pieces.append(Piece(only.text, [only], 0, only.top, only.x0, style="letterhead", bold=only.bold))
    elif letterhead:
        lead = sorted(letterhead.values(), key=lambda v: (round(v.x0 / size), v.top))
        pieces.append(Piece("".join(v.text.replace(" ", "") for v in lead), lead, 0, min(v.top for v in lead),
                            min(v.x0 for v in lead), style="letterhead", bold=all(v.bold for v in lead)))
    for ln in body:
        if id(ln) in letterhead:
            continue
        em = max(ln.size, 1.0)
        centred = _centred(ln, block, em)
        style = "title" if id(ln) in title_ids else None
        align = "center" if centred else ("right" if _right_set(ln, block, em) else None)
        indented = ln.x0 - block.left >= cfg["indent_em"] * em
        if cur is not None and _joins(cur, ln, block, em, pitch, style, tables_by_page, barrier):
            cur.joins.append((cur.lines[-1].lineno, ln.lineno))
            glue = " " if cur.text[-1:].isascii() and cur.text[-1:].isalnum() and ln.text[:1].isascii() and ln.text[:1].isalnum() else ""
            cur.text += glue + ln.text
            cur.lines.append(ln)
            cur.bold = cur.bold and ln.bold
            if cur.align == "center" and not (centred or style == "title"):
                cur.align = None
            continue
        cur = Piece(ln.text, [ln], ln.page, ln.top, ln.x0, style=style, align=align, bold=ln.bold,
                    indent=max(0, round((ln.x0 - block.left) / em)) if indented and not centred else 0)
        pieces.append(cur)
    for p in pages:
        for ln in p.lines:
            if id(ln) in furniture:
                pieces.append(Piece(ln.text, [ln], ln.page, ln.top, ln.x0, furniture=furniture[id(ln)]))
    for t in tables:
        first = t.first_line
        for i, row in enumerate(t.rows):
            if t.framed:
                for cell in row:
                    pieces.append(Piece(cell, [first] if first else [], t.page, t.top + i * 0.01, t.x0))
            else:
                pieces.append(Piece("\t".join(row), [first] if first else [], t.page, t.top + i * 0.01, t.x0, style="tr"))
    pieces.sort(key=lambda pc: (pc.page, pc.top, pc.x0))
    return pieces


def _letterhead(body: list[VLine], title_ids: set[int], size: float) -> dict[int, VLine]:
    """The 发文机关标志 of a 红头 document: the lines set far larger than the text above the title on the first page.
    A joint letterhead stacks the issuers and sets "文件" beside them: read the stack first, then what stands
    to its right, as one line ("发展改革委办公厅税务总局办公厅文件")."""
    out: dict[int, VLine] = {}
    for ln in body:
        if ln.page != 0 or id(ln) in title_ids or ln.size < 1.5 * size:
            if out:
                break
            continue
        out[id(ln)] = ln
    return out


def _body(piece: Piece) -> float:
    return min(v.size for v in piece.lines)


def _joins(cur: Piece, ln: VLine, block: Block, em: float, pitch: float, style: str | None,
           tables_by_page: dict[int, list[Table]], barrier: set) -> bool:
    cfg = settings()["geometry"]
    prev = cur.lines[-1]
    if cur.style == "title" or style == "title":
        # a title set on two or three lines: the lines of one size right under each other
        return cur.style == style == "title" and ln.page == prev.page and ln.top - prev.bottom < 1.2 * em
    if abs(ln.size - prev.size) > 0.15 * max(ln.size, prev.size):
        return False
    if ln.page == prev.page:
        if ln.top - prev.top > cfg["paragraph_gap_lines"] * pitch:
            return False
        if any(prev.top < t.top < ln.top for t in tables_by_page.get(ln.page, [])):
            return False  # a table stands between them
    elif ln.page != prev.page + 1 or any(t.page == prev.page and t.top > prev.top for t in tables_by_page.get(prev.page, [])) \
            or any(t.page == ln.page and t.top < ln.top for t in tables_by_page.get(ln.page, [])):
        return False
    if prev.x1 < block.right - cfg["wrap_slack_em"] * em:
        return False  # the line stops short of the right edge: its paragraph ends here
    if prev.x1 - prev.x0 < 0.6 * (block.right - block.left) or prev.size >= 1.5 * _body(cur):
        return False  # a short line set at the right (a date), a letterhead: not a wrap
    if ends_sentence(prev.text) and starts_with_marker(ln.text):
        return False
    if ln.x0 - block.left < cfg["indent_em"] * em:
        return True  # back at the left edge: the paragraph goes on
    # set in: a new paragraph, unless the paragraph's own lines are all set in as deep (a quoted block, an item's
    # hanging text)
    return len(cur.lines) >= 2 and abs(ln.x0 - prev.x0) < 0.5 * em


def _centred(ln: VLine, block: Block, em: float) -> bool:
    cfg = settings()["geometry"]
    centre = (block.left + block.right) / 2
    return (abs((ln.x0 + ln.x1) / 2 - centre) <= cfg["centre_tolerance_em"] * em
            and ln.x0 - block.left >= cfg["centre_inset_em"] * em and block.right - ln.x1 >= cfg["centre_inset_em"] * em)


def _right_set(ln: VLine, block: Block, em: float) -> bool:
    return block.right - ln.x1 <= 4.5 * em and ln.x0 - block.left >= 0.45 * (block.right - block.left)


def _title_lines(pages: list[PageScan], body: list[VLine], block: Block, size: float) -> set[int]:
    """The larger centred lines right above the first body-size line of the first page (the letterhead and the
    发文字号 above them are set apart by a line of body size, so they are not the title)."""
    cfg = settings()["geometry"]
    if not pages:
        return set()
    first = [ln for ln in body if ln.page == 0 and ln.top <= cfg["title_zone"] * pages[0].height]
    out: list[VLine] = []
    run: list[VLine] = []
    for ln in first:
        big = ln.size >= cfg["title_size_ratio"] * size and _centred(ln, block, ln.size) and not ln.light
        if big and run and abs(ln.size - run[-1].size) <= 0.1 * ln.size and ln.top - run[-1].bottom < 1.2 * ln.size:
            run.append(ln)
        elif big:
            run = [ln]
        else:
            out = run or out
            run = []
            if out and abs(ln.size - size) <= 0.15 * size and len(ln.text) >= 15:
                break  # the text begins under the title
    out = run or out
    return {id(ln) for ln in out}
