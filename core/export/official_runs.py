"""Direct-formatted paragraphs and runs for the 版头 and the 版记: their sizes, colours and rules vary with the
document, so they carry their formatting instead of a named style (the body styles stay untouched)."""
from __future__ import annotations

from lxml import etree

from .docx_styles import style_id
from .measure import width_pt
from .ooxml import el, ordered, rfonts, size, val
from .profile import TWIPS_PER_PT, Profile
from .runs import needs_east_asian_hint, placeholder_spans


def orun(profile: Profile, text: str, font_role: str, size_pt: float, color: str | None = None,
         scale: int | None = None, spacing_pt: float = 0.0) -> list[etree._Element]:
    """Runs in one font (Chinese font `font_role`, digits and Latin in the Latin font); placeholders highlighted."""
    colour = profile["marks"]["highlight"]
    out = []
    for piece, ph in placeholder_spans(text, profile):
        props = [rfonts(profile.font("latin"), profile.font(font_role),
                        "eastAsia" if needs_east_asian_hint(piece) else None),
                 val("w:b", 0), val("w:bCs", 0),
                 val("w:color", color) if color else None,
                 val("w:spacing", round(spacing_pt * TWIPS_PER_PT)),
                 val("w:w", scale) if scale and scale != 100 else None,
                 *size(size_pt),
                 val("w:highlight", colour) if ph else None]
        t = el("w:t", text=piece)
        if piece != piece.strip():
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        out.append(el("w:r", children=[ordered("rPr", props), t]))
    return out


def tab_run() -> etree._Element:
    return el("w:r", children=[el("w:tab")])


def border(style: str, width_pt: float, color: str, space_pt: int = 0) -> dict[str, object]:
    """A w:top/w:bottom border's attributes; w:sz is in eighths of a point."""
    return {"w:val": style, "w:sz": max(2, round(width_pt * 8)), "w:space": space_pt, "w:color": color}


def opara(profile: Profile, runs: list[etree._Element], *, jc: str = "left", line: int | None = None,
          before: int = 0, left: int = 0, right: int = 0, hanging: int = 0, bottom: dict | None = None,
          top: dict | None = None, tabs: list[tuple[str, int]] | None = None, page_break: bool = False,
          keep_next: bool = False) -> etree._Element:
    """A body-style paragraph with its own exact line height, spacing, indents, borders and tab stops."""
    props = [
        val("w:pStyle", style_id(profile, "body")),
        val("w:keepNext") if keep_next else None,
        val("w:pageBreakBefore") if page_break else None,
        el("w:pBdr", children=[el("w:top", top) if top else None, el("w:bottom", bottom) if bottom else None])
        if top or bottom else None,
        el("w:tabs", children=[el("w:tab", {"w:val": k, "w:pos": pos}) for k, pos in tabs]) if tabs else None,
        el("w:spacing", {"w:before": before, "w:after": 0, "w:line": line or profile.line_pitch, "w:lineRule": "exact"}),
        el("w:ind", {"w:left": left, "w:right": right, "w:hanging": hanging or None, "w:firstLine": None if hanging else 0,
                     "w:firstLineChars": 0, "w:hangingChars": 0 if hanging else None}),
        val("w:jc", jc),
    ]
    return el("w:p", children=[ordered("pPr", props), *runs])


def mark_fit(profile: Profile, text: str, size_pt: float, min_scale: int, width_twips: int) -> tuple[float, int]:
    """(size, character scale %) so a 标志 fits the width: narrowed first (as 红头 templates do), then smaller."""
    w = width_pt(text, size_pt) * TWIPS_PER_PT
    if w <= width_twips:
        return size_pt, 100
    scale = int(100 * width_twips / w)
    if scale >= min_scale:
        return size_pt, scale
    return size_pt * width_twips / (w * min_scale / 100), min_scale
