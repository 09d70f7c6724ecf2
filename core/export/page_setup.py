"""Page setup: the section properties (A4, margins, grid, footers) and settings.xml (odd/even footers)."""
from __future__ import annotations

from lxml import etree

from .footer import footer_distance
from .ooxml import el, ordered, val
from .package import rel_id
from .profile import Profile, mm_to_twips


def sect_pr(profile: Profile, restart_numbering: bool = False) -> etree._Element:
    """One section: A4 portrait whatever the source was, the GB margins, both footers, and the document grid.

    The grid (linesAndChars, linePitch 579, computed charSpace) is what Word's page-setup dialog shows as
    22 lines x 28 characters; the styles carry the same pitch as exact line spacing and condensed character
    spacing, which is what LibreOffice (and WPS) lay out by.
    """
    refs = [el("w:footerReference", {"w:type": "default", "r:id": rel_id("footer1.xml")}),
            el("w:footerReference", {"w:type": "even", "r:id": rel_id("footer2.xml")})]
    kids = [
        *refs,
        val("w:type", "nextPage"),
        el("w:pgSz", {"w:w": profile.page_width, "w:h": profile.page_height}),
        el("w:pgMar", {"w:top": profile.margin("top"), "w:right": profile.margin("right"),
                       "w:bottom": profile.margin("bottom"), "w:left": profile.margin("left"),
                       "w:header": mm_to_twips(15), "w:footer": footer_distance(profile), "w:gutter": 0}),
        el("w:pgNumType", {"w:fmt": "decimal", "w:start": 1 if restart_numbering else None}),
        el("w:cols", {"w:space": 425}),
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
