"""Where the text flow ends: page count and the height used on the last page, worked out from the paragraphs the
writer made. Every line of the export has an exact height (styles and direct spacing say lineRule="exact"), widths
come from core/export/measure.py, so the arithmetic follows what Word and LibreOffice lay out; the 版记 uses it to
stand at the bottom of the last (even) page.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from lxml import etree

from .measure import char_em
from .ooxml import NS, qn
from .profile import TWIPS_PER_PT, Profile

_P, _TBL, _R, _T, _TAB, _BR = qn("w:p"), qn("w:tbl"), qn("w:r"), qn("w:t"), qn("w:tab"), qn("w:br")
_VAL = qn("w:val")
ns = {"w": NS["w"]}


@dataclass
class Flow:
    pages: int = 1
    used: int = 0  # twips used on the last page


def _attr(e: etree._Element | None, name: str) -> int | None:
    if e is None:
        return None
    v = e.get(qn(name))
    return int(v) if v is not None else None


class _Styles:
    def __init__(self, profile: Profile):
        self.p = profile
        self.by_id = {s["id"]: k for k, s in profile["styles"].items() if isinstance(s, dict) and "id" in s}

    def spec(self, sid: str | None) -> dict:
        return self.p.style(self.by_id.get(sid or "", "body"))


def _lines(profile: Profile, styles: _Styles, p: etree._Element, width: int) -> tuple[int, int, int, bool]:
    """(line count, line height, space before, page break before) of one paragraph set `width` twips wide."""
    ppr = p.find("w:pPr", ns)
    sid = ppr.find("w:pStyle", ns).get(_VAL) if ppr is not None and ppr.find("w:pStyle", ns) is not None else None
    spec = styles.spec(sid)
    sp = ppr.find("w:spacing", ns) if ppr is not None else None
    line = _attr(sp, "w:line") or (round(spec["exact_line_pt"] * TWIPS_PER_PT) if spec.get("exact_line_pt") else profile.line_pitch)
    before = _attr(sp, "w:before") or 0
    ind = ppr.find("w:ind", ns) if ppr is not None else None
    left, right = _attr(ind, "w:left") or 0, _attr(ind, "w:right") or 0
    first = _attr(ind, "w:firstLine")
    hanging = _attr(ind, "w:hanging") or 0
    if first is None:
        first = profile.chars(spec.get("first_line_chars", 0) or 0)
    first -= hanging
    brk = ppr is not None and ppr.find("w:pageBreakBefore", ns) is not None
    style_size = float(spec.get("size_pt", profile.body_size_pt))
    style_spacing = profile.char_spacing_twips / TWIPS_PER_PT if spec.get("char_spacing_pt") is None \
        else float(spec["char_spacing_pt"])
    avail = width - left - right
    count, cur = 1, float(first)
    for r in p.iter(_R):
        rpr = r.find("w:rPr", ns)
        sz = rpr.find("w:sz", ns) if rpr is not None else None
        size = int(sz.get(_VAL)) / 2 if sz is not None else style_size
        spc = rpr.find("w:spacing", ns) if rpr is not None else None
        spacing = int(spc.get(_VAL)) / TWIPS_PER_PT if spc is not None else style_spacing
        for child in r:
            if child.tag == _BR:
                count, cur = count + 1, 0.0
            elif child.tag == _TAB:
                cur = max(cur, avail * 0.9)  # (tabs here go to a right-aligned stop: the rest of the line)
            elif child.tag == _T and child.text:
                for ch in child.text:
                    w = (char_em(ch) * size + spacing) * TWIPS_PER_PT  # width_pt of one character, without its calls
                    if cur + w > avail + 1 and cur > 0:
                        if ch in "，。、；：？！”’）》":  # punctuation hangs or pulls a character down: same count
                            cur += w
                            continue
                        count, cur = count + 1, 0.0
                    cur += w
    return count, line, before, brk


class Flowing:
    """The flow worked out an element at a time (the export measures each paragraph as it writes it)."""

    def __init__(self, profile: Profile, start: Flow | None = None):
        self.p = profile
        self.styles = _Styles(profile)
        self.flow = Flow(start.pages, start.used) if start else Flow()

    def add(self, e: etree._Element) -> None:
        """Continue the flow past `e` (a paragraph or a table; anything else takes no room)."""
        profile, styles, f = self.p, self.styles, self.flow
        page = profile.text_height
        if e.tag == _TBL:
            widths = [int(g.get(qn("w:w"))) for g in e.iter(qn("w:gridCol"))]
            for tr in e.iter(qn("w:tr")):
                h = 0
                exact = tr.find("w:trPr/w:trHeight", ns)
                if exact is not None and exact.get(qn("w:hRule")) == "exact":  # (the 联合行文 标志's row)
                    h = int(exact.get(_VAL))
                for tc, w in zip(tr.findall("w:tc", ns) if not h else [], widths):
                    h = max(h, sum(n * ln + b for n, ln, b, _ in
                                   (_lines(profile, styles, p, w) for p in tc.findall("w:p", ns))))
                if f.used + h > page:
                    f.pages, f.used = f.pages + 1, 0
                f.used += h
            return
        if e.tag != _P:
            return
        n, line, before, brk = _lines(profile, styles, e, profile.text_width)
        if brk and f.used:
            f.pages, f.used = f.pages + 1, 0
        if f.used or f.pages == 1:
            f.used += before  # (dropped at the top of a later page; the 版头's spacing opens page 1)
            if f.used > page:
                f.pages, f.used = f.pages + 1, 0
        for _ in range(n):
            if f.used + line > page + 1:
                f.pages, f.used = f.pages + 1, 0
            f.used += line
        ppr = e.find("w:pPr", ns)
        if ppr is not None and ppr.find("w:sectPr", ns) is not None:  # a docbreak: the next part starts a page
            f.pages, f.used = f.pages + 1, 0


def flow(profile: Profile, body: list[etree._Element], start: Flow | None = None) -> Flow:
    """The flow after `body` (paragraphs and tables in order), continuing from `start`."""
    f = Flowing(profile, start)
    for e in body:
        f.add(e)
    return f.flow


def lines_left(profile: Profile, f: Flow) -> int:
    return max(0, math.floor((profile.text_height - f.used) / profile.line_pitch))
