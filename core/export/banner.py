"""版头 (GB/T 9704-2012 7.2) and the special formats' heads (10.1 信函, 10.2 命令, 10.3 纪要).

Laid out in the text flow of page 1 with exact line heights and spacing, so positions are fixed numbers: 份号,
密级和保密期限, 紧急程度 on the first lines, flush left in 黑体; the 发文机关标志 red and centred in the title font
with its top edge mark_top_mm under the top of the block; the 发文字号 two lines under it, centred (上行文: one
character in from the left, with 签发人 one character in from the right on the same line); the red separator as
the 发文字号 paragraph's bottom border, 4 mm under its text and as wide as the block. The 信函 head goes in the
first page's header (its 标志 stands 30 mm from the top of the page, above the block): see letter_header().
A 标志 of several bodies (联合行文, 7.2.4) stacks them with 文件 on their right: core/export/joint_mark.py (in a
letter's header they stand one a line, centred).
"""
from __future__ import annotations

from typing import Any

from lxml import etree

from ..official import issuer_bodies
from .joint_mark import joint_mark
from .official_runs import border, mark_fit, opara, orun, tab_run
from .ooxml import el, qn
from .profile import PT_PER_MM, TWIPS_PER_PT, Profile, mm_to_twips

HEAD_FIELDS = ("copy_no", "secret", "urgency")


def settings(profile: Profile) -> dict[str, Any]:
    """The `official` section with the document type's own values (letter, order, minutes) laid over it."""
    o = dict(profile["official"])
    fmt = o.get("format", "file")
    if isinstance(o.get(fmt), dict):
        o.update(o[fmt])
    return o


def has_banner(info: dict[str, Any]) -> bool:
    return any(info.get(k) for k in (*HEAD_FIELDS, "issuer_mark", "doc_number", "signer"))


def _mark(profile: Profile, o: dict[str, Any], text: str, before: int, width: int) -> etree._Element:
    size_pt, scale = mark_fit(profile, text, o["mark_size_pt"], o["mark_min_scale"], width)
    line = round(size_pt * o["mark_line_factor"] * TWIPS_PER_PT)
    return opara(profile, orun(profile, text, o["mark_font"], size_pt, o["red"], scale), jc="center", line=line,
                 before=max(0, before))


def mark_line_height(profile: Profile, o: dict[str, Any], text: str, width: int) -> int:
    size_pt, _ = mark_fit(profile, text, o["mark_size_pt"], o["mark_min_scale"], width)
    return round(size_pt * o["mark_line_factor"] * TWIPS_PER_PT)


def rule_space_pt(o: dict[str, Any]) -> int:
    """w:space of the separator: rule_below_mm from the 发文字号's text to the line."""
    mm = o["rule_below_mm"] - o["text_bottom_gap_mm"] - o["border_offset_mm"]
    return max(0, round(mm * PT_PER_MM))


def _number_line(profile: Profile, o: dict[str, Any], info: dict[str, Any], before: int) -> etree._Element:
    """发文字号 (centred) or, in an upward document, 发文字号 left and 签发人 right; the red separator under it."""
    size = profile.body_size_pt
    rule = border("single", o["rule_pt"], o["red"], rule_space_pt(o)) if o.get("rule", True) else None
    number = info.get("doc_number", "")
    if o.get("upward") and info.get("signer"):
        one = profile.chars(1)
        runs = orun(profile, number, "body", size) + [tab_run()]
        runs += orun(profile, "签发人：", o["signer_label_font"], size) + orun(profile, info["signer"], o["signer_name_font"], size)
        return opara(profile, runs, left=one, right=one, before=before, bottom=rule,
                     tabs=[("right", profile.text_width - 2 * one)])
    if o.get("upward"):
        return opara(profile, orun(profile, number, "body", size), left=profile.chars(1), before=before, bottom=rule)
    return opara(profile, orun(profile, number, "body", size), jc="center", before=before, bottom=rule)


def banner(profile: Profile, info: dict[str, Any]) -> list[etree._Element]:
    """The head of page 1 (file, order, minutes formats); [] when the document has none of its parts."""
    o = settings(profile)
    if not has_banner(info) or o["format"] == "letter":
        return []
    out: list[etree._Element] = []
    pitch = profile.line_pitch
    size = profile.body_size_pt
    for k in HEAD_FIELDS:
        if info.get(k):
            out.append(opara(profile, orun(profile, info[k], o["head_font"], size)))
    used = len(out) * pitch
    # the 标志's place is kept even without a 标志 (offices print on paper with the red head already on it)
    mark_top = mm_to_twips(o["mark_top_mm"] - o["mark_em_offset_mm"])
    mark = info.get("issuer_mark", "")
    names, suffix = issuer_bodies(mark)
    if len(names) > 1:  # 联合行文 (7.2.4): the bodies stacked, 文件 on their right (joint_mark.py)
        if mark_top > used:  # (a table has no space before: an empty line of that height)
            out.append(opara(profile, [], line=mark_top - used))
        table, height = joint_mark(profile, o, names, suffix)
        out.append(table)
        used = max(used, mark_top) + height
        gap = o["doc_number_blank_lines"] * pitch
    elif mark:
        out.append(_mark(profile, o, mark, mark_top - used, profile.text_width))
        used = max(used, mark_top) + mark_line_height(profile, o, mark, profile.text_width)
        gap = o["doc_number_blank_lines"] * pitch
    else:
        gap = max(0, mark_top + round(o["mark_size_pt"] * o["mark_line_factor"] * TWIPS_PER_PT) - used) \
            + o["doc_number_blank_lines"] * pitch
    if info.get("doc_number") or info.get("signer") or o.get("rule", True):
        out.append(_number_line(profile, o, info, gap))
    out += [opara(profile, []) for _ in range(o["title_blank_lines"])]
    return out


def letter_header(profile: Profile, info: dict[str, Any]) -> etree._Element | None:
    """10.1 信函格式: the first page's header (w:hdr) with the 标志 30 mm from the top of the page and the red
    double line (thick over thin) 4 mm under it, 170 mm long; None for other formats or without a 标志."""
    o = settings(profile)
    if o["format"] != "letter" or not info.get("issuer_mark"):
        return None
    over = (mm_to_twips(o["rule_length_mm"]) - profile.text_width) // 2  # the line stands out both sides
    lines, size_pt, scale = _letter_lines(profile, o, info["issuer_mark"])
    line = round(size_pt * o["mark_line_factor"] * TWIPS_PER_PT)
    space = max(0, round((o["rule_below_mm"] - size_pt * (o["mark_line_factor"] - 1) / PT_PER_MM / 2) * PT_PER_MM))
    ps = [opara(profile, orun(profile, t, o["mark_font"], size_pt, o["red"], scale), jc="center", line=line,
                left=-over, right=-over,
                bottom=border("thickThinSmallGap", 2.25, o["red"], min(space, 31)) if i == len(lines) - 1 else None)
          for i, t in enumerate(lines)]
    return el("w:hdr", children=ps)


def _letter_lines(profile: Profile, o: dict[str, Any], mark: str) -> tuple[list[str], float, int]:
    """The letter's 标志 lines (joint bodies one a line, centred; a 文件 the clerk gave stays after the last) and
    their size and character scale."""
    names, suffix = issuer_bodies(mark)
    if len(names) < 2:
        size_pt, scale = mark_fit(profile, mark, o["mark_size_pt"], o["mark_min_scale"], profile.text_width)
        return [mark], size_pt, scale
    lines = [*names[:-1], names[-1] + suffix]
    size = min(o["mark_size_pt"], o["joint"]["size_pt"])
    size_pt, scale = mark_fit(profile, max(lines, key=len), size, o["mark_min_scale"], profile.text_width)
    return lines, size_pt, scale


def letter_push(profile: Profile, info: dict[str, Any]) -> int:
    """How far (twips) the letter's header pushes page 1's text below the top margin: the header starts
    mark_top_mm from the top of the page and holds the 标志 line(s) and the double line under them."""
    o = settings(profile)
    if o["format"] != "letter" or not info.get("issuer_mark"):
        return 0
    lines, size_pt, _ = _letter_lines(profile, o, info["issuer_mark"])
    line = round(size_pt * o["mark_line_factor"] * TWIPS_PER_PT)
    space = max(0, round((o["rule_below_mm"] - size_pt * (o["mark_line_factor"] - 1) / PT_PER_MM / 2) * PT_PER_MM))
    bottom = mm_to_twips(o["mark_top_mm"] - o["mark_em_offset_mm"]) + len(lines) * line \
        + (min(space, 31) + 3) * TWIPS_PER_PT
    return max(0, bottom - profile.margin("top"))


def letter_footer(profile: Profile) -> etree._Element:
    """The first page's footer of a letter: no page number (10.1), the lower red double line (thin over thick)
    bottom_rule_mm above the bottom of the page. A footer's own paragraphs sit on the footer distance the other
    pages' page numbers need, and LibreOffice ignores a frame's position in a footer: the line is a VML shape
    placed on the page (Word, WPS and LibreOffice all draw it)."""
    o = settings(profile)
    pt = lambda twips: f"{twips / TWIPS_PER_PT:.2f}pt"  # noqa: E731
    length = mm_to_twips(o["rule_length_mm"])
    x0 = profile.margin("left") - (length - profile.text_width) // 2  # centred on the block, as the upper line
    y = profile.page_height - mm_to_twips(o["bottom_rule_mm"])
    line = etree.SubElement(etree.Element(qn("w:pict")), f"{{{VML}}}line", {
        "from": f"{pt(x0)},{pt(y)}", "to": f"{pt(x0 + length)},{pt(y)}", "strokecolor": f"#{o['red']}",
        "strokeweight": "2.25pt",
        "style": "position:absolute;mso-position-horizontal-relative:page;mso-position-vertical-relative:page;z-index:1"})
    etree.SubElement(line, f"{{{VML}}}stroke", {"linestyle": "thinThick"})
    p = opara(profile, [el("w:r", children=[line.getparent()])], line=20)
    return el("w:ftr", children=[p])


VML = "urn:schemas-microsoft-com:vml"


def letter_later_header(profile: Profile) -> etree._Element:
    return el("w:hdr", children=[opara(profile, [], line=20)])


def letter_head_lines(profile: Profile, info: dict[str, Any]) -> list[etree._Element]:
    """Under the letter's first double line: 份号/密级/紧急程度 flush left, the 发文字号 flush right on the first of
    those lines (or alone), then two lines to the title."""
    o = settings(profile)
    if o["format"] != "letter" or not has_banner(info):
        return []
    size = profile.body_size_pt
    heads = [info[k] for k in HEAD_FIELDS if info.get(k)]
    out = []
    number = info.get("doc_number", "")
    for i, h in enumerate(heads or [""]):
        runs = orun(profile, h, o["head_font"], size) if h else []
        if i == 0 and number:
            runs += [tab_run(), *orun(profile, number, "body", size)]
        out.append(opara(profile, runs, tabs=[("right", profile.text_width)] if i == 0 and number else None))
    out += [opara(profile, []) for _ in range(o["title_blank_lines"])]
    return out
