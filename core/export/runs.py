"""Text runs: placeholder highlighting and the East Asian font hint for curly quotes, dashes and ellipses."""
from __future__ import annotations

import copy
import re
import threading
import unicodedata
from functools import lru_cache

from lxml import etree

from .ooxml import el, ordered, qn, val, xml_safe
from .profile import Profile

# Characters that are never East Asian Ambiguous: ASCII, CJK punctuation, kana, ideographs, full-width forms.
# Dropping them first leaves the per-character check only the few that can be (a speed-up, not a rule).
_NEVER_AMBIGUOUS = re.compile("[\x00-\x7f\u3001-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60\uffe0-\uffe6]+")


def needs_east_asian_hint(text: str) -> bool:
    """True when the text has characters Word would otherwise take from the Latin font (“ ” ‘ ’ — … · and the like)."""
    return any(_ambiguous(c) for c in _NEVER_AMBIGUOUS.sub("", text))


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


def _ambiguous(c: str) -> bool:
    return ord(c) > 0x7F and unicodedata.east_asian_width(c) == "A"


def run(text: str, char_style: str | None = None, highlight: str | None = None,
        cjk_font: str | None = None) -> etree._Element:
    """One w:r. cjk_font names the font for every script: only for punctuation that opens a paragraph."""
    hint = not cjk_font and needs_east_asian_hint(text)
    r = copy.copy(_run_template(char_style, highlight, cjk_font, hint))  # lxml copies the whole subtree
    _add_text(r, text)
    return r


_templates = threading.local()  # lxml trees are not shared between threads (the desktop app exports in workers)


def _run_template(char_style: str | None, highlight: str | None, cjk_font: str | None, hint: bool
                  ) -> etree._Element:
    """An empty w:r with its properties. Runs are copied from these: copying an element tree is several times
    faster than building it, and a long draft has thousands of runs with a handful of distinct properties."""
    cache = getattr(_templates, "runs", None)
    if cache is None:
        cache = _templates.runs = {}
    key = (char_style, highlight, cjk_font, hint)
    r = cache.get(key)
    if r is None:
        props = []
        if char_style:
            props.append(val("w:rStyle", char_style))
        if cjk_font:
            props.append(el("w:rFonts", {"w:ascii": cjk_font, "w:hAnsi": cjk_font, "w:eastAsia": cjk_font,
                                         "w:hint": "eastAsia"}))
        elif hint:
            props.append(el("w:rFonts", {"w:hint": "eastAsia"}))
        if highlight:
            props.append(val("w:highlight", highlight))
        if cjk_font:  # a Chinese "Latin-script" language: LibreOffice then falls back to a CJK font if cjk_font is missing
            props.append(el("w:lang", {"w:val": "zh-CN", "w:eastAsia": "zh-CN"}))
        r = cache[key] = el("w:r", children=[ordered("rPr", props)] if props else [])
    return r


_T, _TAB, _BR = qn("w:t"), qn("w:tab"), qn("w:br")
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _add_text(r: etree._Element, text: str) -> None:
    """w:t pieces, with tabs and line breaks as their own elements and other control characters (which XML
    cannot hold) dropped."""
    for piece in re.split(r"([\t\n])", xml_safe(text)) if "\t" in text or "\n" in text else (xml_safe(text),):
        if piece == "\t":
            etree.SubElement(r, _TAB)
        elif piece == "\n":
            etree.SubElement(r, _BR)
        elif piece:
            t = etree.SubElement(r, _T)
            t.text = piece
            if piece != piece.strip():
                t.set(_SPACE, "preserve")


def text_runs(text: str, profile: Profile, char_style: str | None = None,
              lead_font: str | None = None) -> list[etree._Element]:
    """Runs for a piece of text; placeholders get the profile's highlight colour.

    lead_font: the paragraph's Chinese font, given when `text` opens the paragraph. Dashes or quotes there
    ("——在……上的讲话") have no Chinese character before them, and LibreOffice (which ignores w:hint) would set
    them in the Latin font; that leading punctuation gets the Chinese font named for every script.
    """
    colour = profile["marks"]["highlight"]
    lead = 0
    if lead_font:
        while lead < len(text) and _ambiguous(text[lead]):
            lead += 1
    out = []
    pos = 0
    for piece, ph in placeholder_spans(text, profile):
        # a placeholder may itself be the leading punctuation (××市教育局): split it at the lead's end
        cut = max(0, min(len(piece), lead - pos))
        if cut:
            out.append(run(piece[:cut], char_style, colour if ph else None, cjk_font=lead_font))
        if piece[cut:]:
            out.append(run(piece[cut:], char_style, colour if ph else None))
        pos += len(piece)
    return out


def line_break() -> etree._Element:
    return el("w:r", children=[el("w:br")])
