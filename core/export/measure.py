"""Widths of text in em (one Chinese character = 1), for the layouts that must line up by measure.

Chinese characters, full-width and ambiguous punctuation (“ ” — …, set in the Chinese font with w:hint) are 1 em;
Times New Roman digits are 0.5 em (all its figures share one width), its full stop and space 0.25 em; other Latin
letters average about 0.5 em.
"""
from __future__ import annotations

import unicodedata

_NARROW = {".": 0.25, ",": 0.25, " ": 0.25, ":": 0.278, ";": 0.278, "-": 0.333, "(": 0.333, ")": 0.333,
           "/": 0.278, "I": 0.333, "i": 0.278, "l": 0.278, "j": 0.278, "t": 0.278, "f": 0.333, "r": 0.333,
           "M": 0.889, "W": 0.944, "m": 0.778, "w": 0.722}


def char_em(ch: str) -> float:
    if unicodedata.east_asian_width(ch) in ("W", "F", "A"):
        return 1.0
    return _NARROW.get(ch, 0.5)


def width_em(text: str) -> float:
    return sum(char_em(c) for c in text)


def width_pt(text: str, size_pt: float, spacing_pt: float = 0.0) -> float:
    """Laid-out width: glyph advances plus the character spacing that every character carries."""
    return sum(char_em(c) * size_pt + spacing_pt for c in text)
