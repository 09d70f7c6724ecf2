"""Widths of text in em (one Chinese character = 1), for the layouts that must line up by measure.

Chinese characters, full-width and ambiguous punctuation (“ ” — …, set in the Chinese font with w:hint) are 1 em;
Times New Roman digits are 0.5 em (all its figures share one width), its full stop and space 0.25 em; other Latin
letters average about 0.5 em.
"""
from __future__ import annotations

import unicodedata
from functools import cache

_NARROW = {".": 0.25, ",": 0.25, " ": 0.25, ":": 0.278, ";": 0.278, "-": 0.333, "(": 0.333, ")": 0.333,
           "/": 0.278, "I": 0.333, "i": 0.278, "l": 0.278, "j": 0.278, "t": 0.278, "f": 0.333, "r": 0.333,
           "M": 0.889, "W": 0.944, "m": 0.778, "w": 0.722}


@cache  # (asked once per character of the whole document by the page count)
def char_em(ch: str) -> float:
    if unicodedata.east_asian_width(ch) in ("W", "F", "A"):
        return 1.0
    return _NARROW.get(ch, 0.5)


def width_em(text: str) -> float:
    return sum(char_em(c) for c in text)


# Word (autoSpaceDE/DN, on by default) and LibreOffice (always) add about a quarter em between Chinese and
# Latin letters or digits; LibreOffice measured 0.22 em at 16 pt.
AUTOSPACE_EM = 0.22


def _gap(a: str, b: str) -> bool:
    wide_a, wide_b = char_em(a) == 1.0, char_em(b) == 1.0
    return (wide_a and b.isascii() and b.isalnum()) or (wide_b and a.isascii() and a.isalnum())


def width_pt(text: str, size_pt: float, spacing_pt: float = 0.0) -> float:
    """Laid-out width: glyph advances, the character spacing every character carries, and the automatic space
    between Chinese and Latin/digits."""
    gaps = sum(1 for a, b in zip(text, text[1:]) if _gap(a, b))
    return sum(char_em(c) * size_pt + spacing_pt for c in text) + gaps * AUTOSPACE_EM * size_pt
