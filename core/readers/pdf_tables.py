"""Ruled tables on a PDF page: where the page draws a grid (horizontal and vertical rules that meet), its cells
are read row by row; text the page does not rule stays text. A cell's text is cut out glyph by glyph, so a
visual line that runs across several cells is split between them."""
from __future__ import annotations

from dataclasses import dataclass, field

from .pdf_page import PageScan, Segment, VLine, settings

_TOL = 2.0  # points: rules closer than this meet


@dataclass
class Table:
    page: int
    x0: float
    x1: float
    top: float
    bottom: float
    rows: list[list[str]] = field(default_factory=list)
    first_line: VLine | None = None  # the table's first line of text, for its line number
    framed: bool = False  # cells hold paragraphs: a frame around text, not data


def _regions(segs: list[Segment]) -> list[list[Segment]]:
    """Segments that touch, grouped (union-find over pairs that cross or meet within _TOL)."""
    parent = list(range(len(segs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    hs = [i for i, s in enumerate(segs) if s.horizontal]
    vs = [i for i, s in enumerate(segs) if not s.horizontal]
    for i in hs:
        h = segs[i]
        for j in vs:
            v = segs[j]
            if (h.x0 - _TOL <= v.x0 <= h.x1 + _TOL) and (v.y0 - _TOL <= h.y0 <= v.y1 + _TOL):
                a, b = find(i), find(j)
                if a != b:
                    parent[a] = b
    groups: dict[int, list[Segment]] = {}
    for i, s in enumerate(segs):
        groups.setdefault(find(i), []).append(s)
    return list(groups.values())


def _levels(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > _TOL:
            out.append(v)
    return out


def find_tables(page: PageScan, taken: set[int]) -> list[Table]:
    """The ruled tables of a page; the ids of the lines they hold are added to `taken`."""
    segs = [s for s in page.segments if max(abs(s.x1 - s.x0), abs(s.y1 - s.y0)) >= 8]
    cap = int(settings()["geometry"]["cell_max_chars"])
    tables = []
    for group in _regions(segs):
        hs = [s for s in group if s.horizontal]
        vs = [s for s in group if not s.horizontal]
        if len(hs) < 2 or len(vs) < 2:
            continue
        x0, x1 = min(s.x0 for s in group), max(s.x1 for s in group)
        top, bottom = min(s.y0 for s in group), max(s.y1 for s in group)
        rows_y = _levels([s.y0 for s in hs])
        if len(rows_y) < 2 or x1 - x0 < 40:
            continue
        inside = [ln for ln in page.lines if id(ln) not in taken and top - _TOL <= ln.mid <= bottom + _TOL
                  and _overlap(ln, x0, x1) >= 0.5]
        if not inside:
            continue
        cells: dict[tuple[int, int], list[tuple[float, float, str]]] = {}
        bands = list(zip(rows_y, rows_y[1:]))
        cols_of = []
        for ya, yb in bands:
            mid = (ya + yb) / 2
            xs = _levels([v.x0 for v in vs if v.y0 - _TOL <= mid <= v.y1 + _TOL] + [x0, x1])
            cols_of.append(xs)
        for ln in inside:
            for gl in ln.glyphs:
                gy, gx = (gl.top + gl.bottom) / 2, (gl.x0 + gl.x1) / 2
                r = next((i for i, (ya, yb) in enumerate(bands) if ya - _TOL <= gy <= yb + _TOL), None)
                if r is None:
                    continue
                xs = cols_of[r]
                c = next((i for i, (xa, xb) in enumerate(zip(xs, xs[1:])) if xa - _TOL <= gx <= xb + _TOL), None)
                if c is not None:
                    cells.setdefault((r, c), []).append((round(ln.top, 0), gl.x0, gl.ch))
        rows = []
        for r in range(len(bands)):
            row = [_cell_text(cells[(r, c)]) for c in range(len(cols_of[r]) - 1) if (r, c) in cells]
            row = [t for t in row if t]
            if row:
                rows.append(row)
        if len(rows) < 2 or max(len(r) for r in rows) < 2:
            continue  # one box around text: not a table
        for ln in inside:
            taken.add(id(ln))
        framed = any(len(t) > cap for row in rows for t in row)
        tables.append(Table(page.lines[0].page if page.lines else 0, x0, x1, top, bottom, rows, inside[0], framed))
    return tables


def _overlap(ln: VLine, x0: float, x1: float) -> float:
    width = max(ln.x1 - ln.x0, 0.1)
    return max(0.0, min(ln.x1, x1) - max(ln.x0, x0)) / width


def _cell_text(glyphs: list[tuple[float, float, str]]) -> str:
    """A cell's glyphs in reading order; its own line breaks are wraps (no space between Chinese characters)."""
    out: list[str] = []
    last_line = None
    for line, _x, ch in sorted(glyphs):
        if last_line is not None and line != last_line and out and out[-1][-1:].isascii() and out[-1][-1:].isalnum() \
                and ch.isascii() and ch.isalnum():
            out.append(" ")
        out.append(ch)
        last_line = line
    return " ".join("".join(out).split())
