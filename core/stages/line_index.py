"""Questions strip_noise asks about the lines after a given one, answered from an index built once: asked
line by line with a scan of all later lines, they cost the square of the number of lines (450,000 short lines:
minutes). Each answer is the one the scan gives."""
from __future__ import annotations

from bisect import bisect_left


class LaterText:
    """any(sub in t for t in texts[after:])."""

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts
        self.last = {t: k for k, t in enumerate(texts)}  # a text of the same length holds `sub` only as itself
        self.by_len: dict[int, list[int]] = {}
        for k, t in enumerate(texts):
            self.by_len.setdefault(len(t), []).append(k)
        self.lengths = sorted(self.by_len, reverse=True)

    def holds(self, sub: str, after: int) -> bool:
        if self.last.get(sub, -1) >= after:
            return True
        for n in self.lengths:  # only texts longer than `sub` are searched
            if n <= len(sub):
                break
            where = self.by_len[n]
            if any(sub in self.texts[k] for k in where[bisect_left(where, after):]):
                return True
        return False


class LaterPrefix:
    """any(t.startswith(key) for t in texts[after:])."""

    def __init__(self, texts: list[str]) -> None:
        self.order = sorted(range(len(texts)), key=texts.__getitem__)
        self.sorted = [texts[k] for k in self.order]  # the texts starting with `key` stand together here

    def holds(self, key: str, after: int) -> bool:
        p = bisect_left(self.sorted, key)
        while p < len(self.sorted) and self.sorted[p].startswith(key):
            if self.order[p] >= after:
                return True
            p += 1
        return False
