"""Parts of one long line read in place. split_collapsed weighs every space of a line as a lost line break, with
the text since the last break before it and the rest of the line after it. Copying those two for each space
costs the square of the line's length (a 1 MB line of short phrases: hours); these answers cost about the
length of what they look at, and are the same as the copies would give."""
from __future__ import annotations

import re
from bisect import bisect_left

from ..text import cjk_count

WS_RUN = re.compile(r"\s*")  # (\s is what str.strip() strips)


class LineSpans:
    def __init__(self, text: str) -> None:
        self.text = text
        self._where: dict[str, list[int]] = {}
        self._cjk_from, self._cjk_to, self._cjk = -1, -1, 0

    def stripped(self, start: int, end: int) -> tuple[int, int]:
        """(a, b): text[a:b] is text[start:end].strip() (a >= b when it is all white space)."""
        t = self.text
        a = WS_RUN.match(t, start, end).end()
        b = end
        while b > a and t[b - 1].isspace():
            b -= 1
        return a, b

    def rstripped(self, start: int, end: int, chars: str) -> int:
        """b: text[start:b] is text[start:end].rstrip(chars)."""
        b = end
        while b > start and self.text[b - 1] in chars:
            b -= 1
        return b

    def _positions(self, sub: str) -> list[int]:
        if sub not in self._where:
            self._where[sub] = [m.start() for m in re.finditer(re.escape(sub), self.text)]
        return self._where[sub]

    def holds(self, sub: str, start: int, end: int) -> bool:
        """`sub` in text[start:end] (looked up among the places `sub` occurs, not by scanning the span)."""
        where = self._positions(sub)
        k = bisect_left(where, start)
        return k < len(where) and where[k] + len(sub) <= end

    def rfind(self, sub: str, start: int, end: int) -> int:
        """text.rfind(sub, start, end) for a one-character `sub`, by its places."""
        where = self._positions(sub)
        k = bisect_left(where, end - len(sub) + 1) - 1
        return where[k] if k >= 0 and where[k] >= start else -1

    def cjk(self, start: int, end: int) -> int:
        """cjk_count(text[start:end]), counted on from the last call with the same start (ends only grow)."""
        if start != self._cjk_from or end < self._cjk_to:
            self._cjk_from, self._cjk_to, self._cjk = start, start, 0
        self._cjk += cjk_count(self.text[self._cjk_to:end])
        self._cjk_to = end
        return self._cjk
