"""Page setup: the section properties (A4, margins, grid, footers) and settings.xml (odd/even footers)."""
from __future__ import annotations

from lxml import etree

from .footer import footer_distance
from .ooxml import el, ordered, val
from .package import rel_id
from .profile import Profile, mm_to_twips


def sect_pr(profile: Profile, restart_numbering: bool = False, letter_first_page: bool = False,
            page_numbers: bool = True, letter_later: bool = False) -> etree._Element:
    """One section: A4 portrait whatever the source was, the GB margins, both footers, and the document grid.

    The grid (linesAndChars, linePitch 579, computed charSpace) is what Word's page-setup dialog shows as
    22 lines x 28 characters; the styles carry the same pitch as exact line spacing and condensed character
    spacing, which is what LibreOffice (and WPS) lay out by.

    page_numbers=False: the section of the blank page and the 版记 page (GB/T 9704-2012 7.5: "公文的版记页前有空白页
    的，空白页和版记页均不编排页码"): both footers are an empty footer of the same height, and the numbering runs on
    (no restart), so the text pages keep theirs. A section names every footer it has (an unnamed one would be
    inherited from the section before). letter_later: the pages after a letter's first page (their 1 pt header
    and the 标志's header distance, as in the letter's own section).
    """
    footers = ("footer1.xml", "footer2.xml") if page_numbers else ("footer4.xml", "footer4.xml")
    refs = [el("w:footerReference", {"w:type": "default", "r:id": rel_id(footers[0])}),
            el("w:footerReference", {"w:type": "even", "r:id": rel_id(footers[1])})]
    header = mm_to_twips(15)
    if letter_later:
        refs = [el("w:headerReference", {"w:type": "default", "r:id": rel_id("header2.xml")}),
                el("w:headerReference", {"w:type": "even", "r:id": rel_id("header2.xml")}), *refs]
        o = profile["official"]
        header = mm_to_twips(o["letter"]["mark_top_mm"] - o["mark_em_offset_mm"])
    if letter_first_page:  # 10.1 信函格式: page 1 has the 标志 in its own header and no page number
        # (the later pages get an empty header one point high: the section's header distance is the 标志's 30 mm,
        # and LibreOffice gives a missing header a line of body text there, pushing page 2's text down)
        refs = [el("w:headerReference", {"w:type": "default", "r:id": rel_id("header2.xml")}),
                el("w:headerReference", {"w:type": "even", "r:id": rel_id("header2.xml")}),
                el("w:headerReference", {"w:type": "first", "r:id": rel_id("header1.xml")}), *refs,
                el("w:footerReference", {"w:type": "first", "r:id": rel_id("footer3.xml")})]
        o = profile["official"]
        header = mm_to_twips(o["letter"]["mark_top_mm"] - o["mark_em_offset_mm"])
    kids = [
        *refs,
        val("w:type", "nextPage"),
        el("w:pgSz", {"w:w": profile.page_width, "w:h": profile.page_height}),
        el("w:pgMar", {"w:top": profile.margin("top"), "w:right": profile.margin("right"),
                       "w:bottom": profile.margin("bottom"), "w:left": profile.margin("left"),
                       "w:header": header, "w:footer": footer_distance(profile), "w:gutter": 0}),
        el("w:pgNumType", {"w:fmt": "decimal", "w:start": 1 if restart_numbering else None}),
        el("w:cols", {"w:space": 425}),
        el("w:titlePg") if letter_first_page else None,
        el("w:docGrid", {"w:type": "linesAndChars", "w:linePitch": profile.line_pitch,
                         "w:charSpace": profile.grid_char_space}),
    ]
    return ordered("sectPr", kids)


def settings_xml(profile: Profile) -> etree._Element:
    return el("w:settings", children=[
        el("w:zoom", {"w:percent": 100}),
        val("w:defaultTabStop", profile.chars(1)),
        el("w:evenAndOddHeaders"),  # 7.5: odd pages number on the right, even pages on the left
        val("w:characterSpacingControl", "doNotCompress"),  # keep every character a full cell: 28 per line
        el("w:compat", children=[el("w:compatSetting", {
            "w:name": "compatibilityMode", "w:uri": "http://schemas.microsoft.com/office/word", "w:val": 15})]),
        el("w:themeFontLang", {"w:val": "en-US", "w:eastAsia": "zh-CN"}),
        val("w:decimalSymbol", "."),
        val("w:listSeparator", ","),
    ])
