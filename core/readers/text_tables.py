"""Tables in plain text: rows of cells set apart by tabs (a table copied out of Word, QingGao's own TXT) or by
runs of spaces in aligned columns (a table copied out of a PDF), where a long cell may wrap onto an indented
line under its column. Each row becomes one line of tab-separated cells with style "tr", as the HTML and DOCX
readers give table rows, so no later stage joins it to the text around it."""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left

from ..model import Line

CELL = re.compile(r"\S+(?: \S+)*")  # a cell: words with single spaces; two or more spaces end it
COLUMN_SLACK = 2  # display columns a cell may sit off its column and still be under it


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _cells(ln: Line) -> list[tuple[int, str]]:
    """(display column, text) of each space-separated cell of a line."""
    out, pos, col = [], 0, ln.indent
    for m in CELL.finditer(ln.text):
        col += _width(ln.text[pos: m.start()])  # (from the last cell on: measuring from the line start is quadratic)
        pos = m.start()
        out.append((col, m.group(0)))
    return out


def _aligned(a: list[tuple[int, str]], b: list[tuple[int, str]]) -> bool:
    """Every cell of the row with fewer cells stands under a column of the other (a row may leave cells empty)."""
    short, long = sorted((a, b), key=len)
    return _within([c for c, _ in short], [c for c, _ in long])


def _within(positions: list[int], cols: list[int]) -> bool:
    return all(abs(p - cols[_nearest(cols, p)]) <= COLUMN_SLACK for p in positions)


def _nearest(cols: list[int], c: int) -> int:
    """Index of the column nearest display column `c` (the first of two as near); `cols` ascend, so bisect
    instead of trying every column (a row of 50,000 cells)."""
    k = bisect_left(cols, c)
    return k - 1 if k == len(cols) or (k > 0 and c - cols[k - 1] <= cols[k] - c) else k


def plain_tables(lines: list[Line]) -> list[Line]:
    tabs = [ln.text.count("\t") for ln in lines]
    for i, ln in enumerate(lines):
        same_run = any(0 <= j < len(lines) and tabs[j] == tabs[i] and lines[max(i, j)].blank_before == 0
                       for j in (i - 1, i + 1))
        if tabs[i] >= 2 or (tabs[i] == 1 and same_run):
            ln.style = "tr"
            ln.text = re.sub(r"\t+", "\t", ln.text).strip("\t")  # tabs pressed twice to line a column up
    return _space_tables(lines)


def _space_tables(lines: list[Line]) -> list[Line]:
    cells = [_cells(ln) if "\t" not in ln.text and "  " in ln.text else [] for ln in lines]
    rows = {i for i in range(len(lines)) if len(cells[i]) >= 3}
    # a row counts when another row with its columns comes next (a continuation line may sit between)
    table = set()
    for i in sorted(rows):
        nxt = next((j for j in (i + 1, i + 2, i + 3) if j in rows), None)
        if nxt is not None and lines[nxt].blank_before == 0 and _aligned(cells[i], cells[nxt]):
            table |= {i, nxt}
    if not table:
        return lines
    out: list[Line] = []
    rows: dict[int, list[list[str]]] = {}  # index in out -> the parts of each cell of that row
    current: list[list[str]] | None = None
    cols: list[int] = []
    for i, ln in enumerate(lines):
        if i in table:
            if current is None or len(cells[i]) > len(cols):
                cols = [c for c, _ in cells[i]]  # the columns: from the row with the most cells (the header)
            current = [[] for _ in cols]
            _place(current, cols, cells[i])
            rows[len(out)] = current
            ln.style = "tr"
            out.append(ln)
        elif (current is not None and ln.blank_before == 0 and ln.indent > cols[0] + COLUMN_SLACK
              and _within([c for c, _ in _cells(ln)], cols)):
            _place(current, cols, _cells(ln))  # a wrapped cell goes on under its column
        else:
            current = None
            out.append(ln)
    for k, parts in rows.items():
        out[k].text = "\t".join(_glue(p) for p in parts if p)
    return out


def _glue(parts: list[str]) -> str:
    text = parts[0] if parts else ""
    for p in parts[1:]:
        text += (" " if text[-1:].isascii() and text[-1:].isalnum() and p[:1].isascii() and p[:1].isalnum() else "") + p
    return text


def _place(row: list[list[str]], cols: list[int], cells: list[tuple[int, str]]) -> None:
    for c, t in cells:
        row[_nearest(cols, c)].append(t)
