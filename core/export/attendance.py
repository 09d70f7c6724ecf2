"""A 纪要's 出席/请假/列席 lists (GB/T 9704-2012 10.3 纪要格式): "标注出席人员名单，一般用3号黑体字，在正文或附件说明
下空一行左空二字编排“出席”二字，后标全角冒号，冒号后用3号仿宋体字标注出席人单位、姓名，回行时与冒号后的首字对齐";
请假 and 列席 the same, each on a line of its own.

Each list is a body paragraph two characters in, its label ("出席：") in the 黑体 of the level-1 headings and the
names in the body font, both with the body's character pitch; the wrapped lines hang under the first name (a
hanging indent as wide as the label). The blocks are found by core/stages/official_parts.py (part "attendance").
"""
from __future__ import annotations

from lxml import etree

from ..model import Block
from ..official import rule_for
from .measure import width_pt
from .official_runs import opara, orun
from .profile import TWIPS_PER_PT, Profile


def split_label(text: str) -> tuple[str, str]:
    """'出席：李××、王××' -> ('出席：', '李××、王××'); ('', text) when the line has no such label."""
    m = rule_for("attendance").regex.match(text.strip())
    if not m:
        return "", text
    return m.group("label"), text.strip()[m.end("label"):].lstrip()


def attendance_paragraph(profile: Profile, b: Block) -> etree._Element:
    size = profile.body_size_pt
    spacing = profile.char_spacing_twips / TWIPS_PER_PT
    label, names = split_label(b.text)
    lw = round(width_pt(label, size, spacing) * TWIPS_PER_PT)
    runs = orun(profile, label, "heading1", size, spacing_pt=spacing) if label else []
    runs += orun(profile, names, "body", size, spacing_pt=spacing)
    start = profile.chars(profile["attendance"]["left_chars"])
    return opara(profile, runs, jc="both", left=start + lw, hanging=lw)
