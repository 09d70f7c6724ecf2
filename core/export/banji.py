"""版记 (GB/T 9704-2012 7.4): 抄送 and 印发机关/印发日期 at the bottom of the last page, which is an even page.

The 版记 is a one-column table as wide as the block: its top and bottom borders are the thick first and last
separators (0.35 mm), the border between the rows the thin one (0.25 mm); rows have exact heights of whole grid
lines. core/export/paginate.py works out how much of the last page the text uses; an empty paragraph of exactly
the height left over pushes the table down so its last separator lies on the bottom edge of the block. When the
text ends on an odd page (or leaves no room), page breaks bring the 版记 to the next even page; when that leaves a
blank page, the blank page and the 版记 page form a section without page numbers (7.5). 信函格式 (10.1): no 印发
line and no separators.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from .banner import settings
from .measure import width_pt
from .official_runs import border, opara, orun, tab_run
from .ooxml import el
from .paginate import Flow
from .profile import PT_PER_MM, TWIPS_PER_PT, Profile, mm_to_twips

END_LINE = 2  # twips: the near-zero paragraph that ends the document after the table (Word adds one anyway)
PAD_MAX = 4000  # twips
SAFETY = 5  # twips the 版记 stays above the bottom edge, so rounding never pushes its last row to another page
# a letter's later pages come out a little shorter in LibreOffice 7.4 (its different first page): 5 twips of room
# sent the 版记 to page 3, 75 kept it on page 2 (measured); 1.5 mm is not visible at the foot of the page
LETTER_SLACK = 80


def has_banji(info: dict[str, Any]) -> bool:
    return any(info.get(k) for k in ("cc", "distribute", "printer", "print_date", "copies"))


def _cc_text(cc: str) -> str:
    return cc if cc.endswith("。") else cc.rstrip("。.，,；;") + "。"


def _rows(profile: Profile, info: dict[str, Any], letter: bool) -> list[tuple[etree._Element, int]]:
    """(paragraph, row height) per row."""
    b = profile["banji"]
    size = b["size_pt"]
    one = round(b["indent_chars"] * size * TWIPS_PER_PT)
    width = profile.text_width
    rows = []
    for key, label in (("cc", "抄送："), ("distribute", "分送：")):  # (分送, a list like 抄送: laid out the same)
        if not info.get(key):
            continue
        lw = round(width_pt(label, size) * TWIPS_PER_PT)
        text = _cc_text(info[key])
        n = 1 + int(max(0, width_pt(label + text, size) * TWIPS_PER_PT - (width - 2 * one)) // (width - 2 * one - lw) + 1) \
            if width_pt(label + text, size) * TWIPS_PER_PT > width - 2 * one else 1
        p = opara(profile, orun(profile, label + text, b["font"], size), left=one + lw, hanging=lw, right=one)
        rows.append((p, n * profile.line_pitch))
    if info.get("copies"):
        # 共印N份 is no element of GB/T 9704-2012; 7.4.3 ("版记中如有其他要素，应当将其与印发机关和印发日期用一条细分隔线
        # 隔开") gives it a row of its own over the 印发 line, which stays on the last separator: flush right like the date
        p = opara(profile, orun(profile, b["copies_text"].format(n=info["copies"]), b["font"], size), jc="right",
                  right=one)
        rows.append((p, profile.line_pitch))
    if not letter and (info.get("printer") or info.get("print_date")):
        date = info.get("print_date", "")
        runs = orun(profile, info.get("printer", ""), b["font"], size)
        if date:
            runs += [tab_run(), *orun(profile, date + b["print_suffix"], b["font"], size)]
        p = opara(profile, runs, left=one, right=one, tabs=[("right", width - one)])
        rows.append((p, profile.line_pitch))
    return rows


def _table(profile: Profile, rows: list[tuple[etree._Element, int]], letter: bool) -> etree._Element:
    b = profile["banji"]
    thick, thin = b["thick_mm"] * PT_PER_MM, b["thin_mm"] * PT_PER_MM
    none = {"w:val": "nil"}
    if letter:
        edges = [el("w:top", none), el("w:left", none), el("w:bottom", none), el("w:right", none),
                 el("w:insideH", none), el("w:insideV", none)]
    else:
        edges = [el("w:top", border("single", thick, "000000")), el("w:left", none),
                 el("w:bottom", border("single", thick, "000000")), el("w:right", none),
                 el("w:insideH", border("single", thin, "000000")), el("w:insideV", none)]
    width = profile.text_width
    tbl_pr = el("w:tblPr", children=[
        el("w:tblW", {"w:w": width, "w:type": "dxa"}), val_jc("center"), el("w:tblBorders", children=edges),
        el("w:tblLayout", {"w:type": "fixed"}),
        el("w:tblCellMar", children=[el("w:left", {"w:w": 0, "w:type": "dxa"}), el("w:right", {"w:w": 0, "w:type": "dxa"})]),
        el("w:tblLook", {"w:val": "0000"}),
    ])
    trs = []
    for p, h in rows:
        tr_pr = el("w:trPr", children=[el("w:cantSplit"), el("w:trHeight", {"w:val": h, "w:hRule": "exact"})])
        tc = el("w:tc", children=[el("w:tcPr", children=[el("w:tcW", {"w:w": width, "w:type": "dxa"}),
                                                         el("w:vAlign", {"w:val": "bottom"})]), p])
        trs.append(el("w:tr", children=[tr_pr, tc]))
    return el("w:tbl", children=[tbl_pr, el("w:tblGrid", children=[el("w:gridCol", {"w:w": width})]), *trs])


def val_jc(v: str) -> etree._Element:
    return el("w:jc", {"w:val": v})


@dataclass
class Ending:
    """What ends the document. blank_page: the text ends on an even page without room, so a blank page comes
    before the 版记 page; `elements` then start with the blank page's empty paragraph, and the caller ends the
    text's section before them (7.5: neither page is numbered; see page_setup.sect_pr)."""
    elements: list[etree._Element] = field(default_factory=list)
    blank_page: bool = False


def banji(profile: Profile, info: dict[str, Any], flow: Flow) -> Ending:
    """The elements that end the document: page breaks and the spacer as needed, then the 版记 table. `flow` is
    where the text before it ends. Empty without 抄送 and 印发 values."""
    letter = settings(profile)["format"] == "letter"
    rows = _rows(profile, info, letter)
    if not rows:
        return Ending()
    # the rows, and the first and last separators, which LibreOffice adds to the table's height
    need = sum(h for _, h in rows) + (0 if letter else 2 * mm_to_twips(profile["banji"]["thick_mm"]))
    page = profile.text_height
    safety = SAFETY + (LETTER_SLACK if letter else 0)
    pages, breaks = flow.pages, 0
    if page - flow.used < need + safety:
        pages, breaks = pages + 1, 1
    if profile["banji"]["even_page"] and pages % 2:
        pages, breaks = pages + 1, breaks + 1
    used = 0 if breaks else flow.used
    pad = page - used - need - safety - END_LINE
    out: list[etree._Element] = []
    if breaks == 2:  # the blank page (7.4: the 版记 goes on an even page); the section break starts its page
        out.append(opara(profile, [], line=END_LINE))
    first = True
    while pad > 0 or (first and breaks):  # (pieces of at most PAD_MAX: LibreOffice caps an exact line height)
        piece = min(max(pad, END_LINE), PAD_MAX)
        out.append(opara(profile, [], line=piece, page_break=first and breaks > 0))
        pad -= piece
        first = False
    out.append(_table(profile, rows, letter))
    # a document cannot end on a table: Word adds a paragraph after it, which must fit on the page too
    out.append(opara(profile, [], line=END_LINE))
    return Ending(out, breaks == 2)
