"""Break a long title into lines shaped as a trapezoid or a diamond (GB/T 9704-2012 7.3.3), never inside a word.

标题回行时要词意完整、排列对称、长短适宜：lines are cut only between jieba words (core.segment.words), never
inside a 《》 or （） pair when avoidable, never before closing or after opening punctuation; among the cuts that fit
the line, the one whose line lengths form the profile's shape with even steps wins.
"""
from __future__ import annotations

import math
from itertools import combinations

from ..segment import words
from .measure import width_em

_CLOSING = set("，。、；：？！”’）》〉」』】〕…—·,.;:?!)]}%")
_OPENING = set("“‘（《〈「『【〔([{")
_PAIRS = {"《": "》", "（": "）", "(": ")", "“": "”", "〈": "〉", "【": "】"}
_STEP = 2.0  # the even step (in characters) between neighbouring lines that reads as a clear trapezoid


def _tokens(text: str) -> list[str]:
    """jieba words with punctuation glued on: closing marks to the word before, opening marks to the word after."""
    out: list[str] = []
    pending = ""
    for w in words(text):
        if all(c in _OPENING for c in w):
            pending += w
            continue
        w = pending + w
        pending = ""
        if out and all(c in _CLOSING for c in w):
            out[-1] += w
        else:
            out.append(w)
    if pending:
        if out:
            out[-1] += pending
        else:
            out.append(pending)
    return out


def _inside_pair(prefix: str) -> bool:
    depth: dict[str, int] = {}
    for c in prefix:
        if c in _PAIRS:
            depth[c] = depth.get(c, 0) + 1
        for o, cl in _PAIRS.items():
            if c == cl and depth.get(o, 0) > 0:
                depth[o] -= 1
    return any(v > 0 for v in depth.values())


def _shape_ok(lengths: list[float], two: str, three: str) -> bool:
    n = len(lengths)
    rising = all(a < b for a, b in zip(lengths, lengths[1:]))
    falling = all(a > b for a, b in zip(lengths, lengths[1:]))
    peak = max(range(n), key=lambda i: lengths[i])
    diamond = 0 < peak < n - 1 and all(a < b for a, b in zip(lengths[:peak], lengths[1:peak + 1])) \
        and all(a > b for a, b in zip(lengths[peak:], lengths[peak + 1:]))
    if n == 2:
        return {"upper_shorter": rising, "upper_longer": falling}.get(two, rising or falling)
    if n == 3:
        return {"diamond": diamond, "trapezoid": rising or falling}.get(three, diamond or rising or falling)
    return diamond or rising or falling


def _cost(lines: list[str], n_min: int, two: str, three: str) -> float:
    lengths = [width_em(x) for x in lines]
    cost = 0.0 if _shape_ok(lengths, two, three) else 1000.0
    cost += sum((abs(a - b) - _STEP) ** 2 for a, b in zip(lengths, lengths[1:]))
    cost += 8.0 * (len(lines) - n_min)
    prefix = ""
    for line in lines[:-1]:
        prefix += line
        if _inside_pair(prefix):
            cost += 50.0
    return cost


def break_title(text: str, max_chars: float, two_lines: str = "upper_shorter", three_lines: str = "either") -> list[str]:
    """The title's lines: one if it fits in max_chars (em), else the best-shaped split at word boundaries."""
    text = text.strip()
    if width_em(text) <= max_chars or len(text) < 2:
        return [text]
    toks = _tokens(text)
    n_min = max(2, math.ceil(width_em(text) / max_chars))
    best: tuple[float, list[str]] | None = None
    for n in (n_min, n_min + 1):
        if n > len(toks) or n > 6:
            break
        cuts_seen = 0
        for cuts in combinations(range(1, len(toks)), n - 1):
            cuts_seen += 1
            if cuts_seen > 20000:  # absurdly long "titles" (a paragraph tagged as title): stop searching
                break
            bounds = (0, *cuts, len(toks))
            lines = ["".join(toks[a:b]) for a, b in zip(bounds, bounds[1:])]
            if any(width_em(x) > max_chars for x in lines):
                continue
            c = _cost(lines, n_min, two_lines, three_lines)
            if best is None or c < best[0]:
                best = (c, lines)
    if best is None:  # a single word longer than a line: let Word wrap it
        return [text]
    return best[1]
