"""Text runs: placeholder highlighting and the East Asian font hint for curly quotes, dashes and ellipses."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from lxml import etree

from .ooxml import el, ordered, val
from .profile import Profile


def needs_east_asian_hint(text: str) -> bool:
    """True when the text has characters Word would otherwise take from the Latin font (“ ” ‘ ’ — … · and the like)."""
    return any(ord(c) > 0x7F and unicodedata.east_asian_width(c) == "A" for c in text)


@lru_cache(maxsize=8)
def _pattern(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def placeholder_spans(text: str, profile: Profile) -> list[tuple[str, bool]]:
    """Split text into (piece, is_placeholder) so template placeholders (×, X, ___) can be highlighted."""
    marks = profile["marks"]
    if not marks.get("placeholders") or not text:
        return [(text, False)] if text else []
    out: list[tuple[str, bool]] = []
    pos = 0
    for m in _pattern(marks["placeholder_pattern"]).finditer(text):
        if m.start() > pos:
            out.append((text[pos:m.start()], False))
        out.append((m.group(), True))
        pos = m.end()
    if pos < len(text):
        out.append((text[pos:], False))
    return out


def run(text: str, char_style: str | None = None, highlight: str | None = None) -> etree._Element:
    props = []
    if char_style:
        props.append(val("w:rStyle", char_style))
    if needs_east_asian_hint(text):
        props.append(el("w:rFonts", {"w:hint": "eastAsia"}))
    if highlight:
        props.append(val("w:highlight", highlight))
    t = el("w:t", text=text)
    if text != text.strip():
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    kids = [ordered("rPr", props)] if props else []
    return el("w:r", children=[*kids, t])


def text_runs(text: str, profile: Profile, char_style: str | None = None) -> list[etree._Element]:
    """Runs for a piece of text; placeholders get the profile's highlight colour."""
    colour = profile["marks"]["highlight"]
    return [run(piece, char_style, colour if ph else None) for piece, ph in placeholder_spans(text, profile)]


def line_break() -> etree._Element:
    return el("w:r", children=[el("w:br")])
