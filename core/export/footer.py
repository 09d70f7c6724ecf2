"""Page numbers per GB/T 9704-2012 7.5: "— 1 —" in 4号 half-width 宋体, odd pages right, even pages left.

Odd and even pages get their own footers (w:evenAndOddHeaders in settings.xml); each is indented one page-number
character from the outer edge. The number is a PAGE field so Word, WPS and LibreOffice count the pages.
"""
from __future__ import annotations

from lxml import etree

from .ooxml import el, ordered, val
from .profile import TWIPS_PER_PT, Profile, mm_to_twips


def footer_distance(profile: Profile) -> int:
    """w:pgMar/@w:footer: page bottom to the footer line's bottom, so the dashes sit below_block_mm under the block.

    The dash is drawn at about half the line height (CJK em box centre) and the footer line is exact_line_pt tall.
    """
    pn = profile["page_number"]
    line = profile.style("footer")["exact_line_pt"] * TWIPS_PER_PT
    return round(profile.margin("bottom") - mm_to_twips(pn["below_block_mm"]) - line / 2)


def _run(text: str | None = None, child: etree._Element | None = None) -> etree._Element:
    # hint: the em dashes are ambiguous-width characters; without it Word may take them from the Latin font
    rpr = ordered("rPr", [el("w:rFonts", {"w:hint": "eastAsia"})])
    if child is not None:
        return el("w:r", children=[rpr, child])
    t = el("w:t", text=text)
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return el("w:r", children=[rpr, t])


def page_field_runs() -> list[etree._Element]:
    """A complex PAGE field (begin / instruction / separate / cached result / end): the most widely supported form."""
    instr = el("w:instrText", text=" PAGE ")
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return [
        _run(child=el("w:fldChar", {"w:fldCharType": "begin"})),
        _run(child=instr),
        _run(child=el("w:fldChar", {"w:fldCharType": "separate"})),
        _run("1"),
        _run(child=el("w:fldChar", {"w:fldCharType": "end"})),
    ]


def footer_xml(profile: Profile, odd: bool) -> etree._Element:
    pn = profile["page_number"]
    spec = profile.style("footer")
    indent = round(pn["outer_indent_chars"] * spec["size_pt"] * TWIPS_PER_PT)
    ind = {"w:right": indent, "w:left": 0} if odd else {"w:left": indent, "w:right": 0}
    ind["w:firstLine"] = 0
    ppr = ordered("pPr", [val("w:pStyle", spec["id"]), el("w:ind", ind), val("w:jc", "right" if odd else "left")])
    before, _, after = pn["format"].partition("{n}")
    runs = ([_run(before)] if before else []) + page_field_runs() + ([_run(after)] if after else [])
    return el("w:ftr", children=[el("w:p", children=[ppr, *runs])])


def blank_footer_xml(profile: Profile) -> etree._Element:
    """The footer of the blank page and the 版记 page after it (7.5: no page number there): the page-number
    footer's paragraph without its text, so the pages keep the same geometry."""
    spec = profile.style("footer")
    return el("w:ftr", children=[el("w:p", children=[ordered("pPr", [val("w:pStyle", spec["id"])])])])
