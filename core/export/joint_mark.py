"""联合行文 (GB/T 9704-2012 7.2.4): a 发文机关标志 naming several bodies. "如需同时标注联署发文机关名称，一般应当将主办
机关名称排列在前；如有“文件”二字，应当置于发文机关名称右侧，以联署发文机关名称为准上下居中排布。"

The bodies stand one a line, in the given order (the 主办机关 first), spread to one width (分散对齐, as 红头 templates
set them); the 文件 (or 令) stands to their right, centred on them top to bottom. It is a borderless one-row table
centred on the block: the names in the left cell, one paragraph each with an exact line height, the suffix in the
right cell, vertically centred; the row is exactly as high as the names, so the 发文字号 keeps its place under
them. The names' size is official.joint.size_pt, smaller when they would stack higher than max_height_mm (7.2.4's
"发文机关标志…以醒目、美观、庄重为原则" and the practice of shrinking many bodies rather than pushing the text off
page 1), narrowed and then smaller when name and suffix are wider than the block.
"""
from __future__ import annotations

from typing import Any

from lxml import etree

from .measure import width_pt
from .official_runs import mark_fit, opara, orun
from .ooxml import el
from .profile import TWIPS_PER_PT, Profile, mm_to_twips

SLACK_EM = 0.25  # the names' column is this much wider than the widest name measures: it never wraps


def joint_size(profile: Profile, o: dict[str, Any], names: list[str], suffix: str) -> tuple[float, int]:
    """(size pt, character scale %) of the names and the suffix."""
    j = o["joint"]
    size = float(j["size_pt"])
    most = mm_to_twips(j["max_height_mm"])
    if len(names) * size * o["mark_line_factor"] * TWIPS_PER_PT > most:
        size = most / (len(names) * o["mark_line_factor"] * TWIPS_PER_PT)
    widest = max(names, key=lambda n: width_pt(n, 1.0))
    gap = round((j["gap_em"] + SLACK_EM) * size * TWIPS_PER_PT) if suffix else 0  # (and the names' slack)
    return mark_fit(profile, widest + suffix, size, o["mark_min_scale"], profile.text_width - gap)


def joint_mark(profile: Profile, o: dict[str, Any], names: list[str], suffix: str) -> tuple[etree._Element, int]:
    """(the table, its height in twips)."""
    size, scale = joint_size(profile, o, names, suffix)
    line = round(size * o["mark_line_factor"] * TWIPS_PER_PT)
    k = scale / 100
    name_w = round((max(width_pt(n, size) for n in names) * k + SLACK_EM * size) * TWIPS_PER_PT)
    gap = round(o["joint"]["gap_em"] * size * TWIPS_PER_PT)
    suffix_w = round(width_pt(suffix, size) * k * TWIPS_PER_PT) + gap if suffix else 0  # (the gap is its slack)
    names_cell = [opara(profile, orun(profile, n, o["mark_font"], size, o["red"], scale), jc="distribute", line=line)
                  for n in names]
    cells = [(name_w, "top", names_cell)]
    if suffix:
        cells.append((suffix_w, "center", [opara(profile, orun(profile, suffix, o["mark_font"], size, o["red"], scale),
                                                 jc="right", line=line)]))
    none = {"w:val": "nil"}
    tbl_pr = el("w:tblPr", children=[
        el("w:tblW", {"w:w": name_w + suffix_w, "w:type": "dxa"}), el("w:jc", {"w:val": "center"}),
        el("w:tblBorders", children=[el(f"w:{side}", none) for side in
                                     ("top", "left", "bottom", "right", "insideH", "insideV")]),
        el("w:tblLayout", {"w:type": "fixed"}),
        el("w:tblCellMar", children=[el(f"w:{side}", {"w:w": 0, "w:type": "dxa"})
                                     for side in ("top", "left", "bottom", "right")]),
        el("w:tblLook", {"w:val": "0000"}),
    ])
    tcs = [el("w:tc", children=[el("w:tcPr", children=[el("w:tcW", {"w:w": w, "w:type": "dxa"}),
                                                       el("w:vAlign", {"w:val": v})]), *paras])
           for w, v, paras in cells]
    height = len(names) * line
    tr = el("w:tr", children=[el("w:trPr", children=[el("w:cantSplit"),
                                                     el("w:trHeight", {"w:val": height, "w:hRule": "exact"})]), *tcs])
    grid = el("w:tblGrid", children=[el("w:gridCol", {"w:w": w}) for w, _, _ in cells])
    return el("w:tbl", children=[tbl_pr, grid, tr]), height
