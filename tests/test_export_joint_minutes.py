"""Issue 13: 联合行文 (GB/T 9704-2012 7.2.4, several bodies in the 发文机关标志, 文件 on their right) and a 纪要's
出席/请假/列席 lists (10.3): what the stage finds, what --info accepts, and the DOCX XML."""
from __future__ import annotations

from pathlib import Path

import pytest
from test_export_docx import NS, Saved, W, ptext, pval

from core.api import clean_file, clean_text, render
from core.export.docx import docx_bytes
from core.export.profile import load_profile, mm_to_twips
from core.model import DocInfo
from core.official import info_from_dict, issuer_bodies

DATA = Path(__file__).resolve().parent / "data"
DRAFT = DATA / "official" / "tongzhi_banji.txt"
MINUTES = DATA / "samples" / "s34_jiyao_changwuhui_yiding_utf16.txt"  # 出席/列席/请假 after the body
MINUTES_HEAD = DATA / "samples" / "s07_meeting_minutes.txt"  # 出席/列席 in the meeting's header at the top
JOINT = "中共青山市委员会、青山市人民政府文件"


def joint_doc(mark: str = JOINT):
    d = clean_file(DRAFT)
    d.info = DocInfo(issuer_mark=mark, doc_number="青发〔2024〕3号", printer="青山市委办公室", print_date="2024年2月21日")
    return d


def attr(e, name: str) -> str | None:
    return e.get(f"{{{W}}}{name}")


@pytest.mark.parametrize("mark, bodies, suffix", [
    (JOINT, ["中共青山市委员会", "青山市人民政府"], "文件"),
    ("中共青山市委员会\n青山市人民政府\n文件", ["中共青山市委员会", "青山市人民政府"], "文件"),
    ("青山市教育局、青山市财政局", ["青山市教育局", "青山市财政局"], ""),
    ("国务院、中央军委令", ["国务院", "中央军委"], "令"),
    ("青山市教育局文件", ["青山市教育局文件"], ""),  # one body: the one-line 标志 as before
])
def test_issuer_bodies(mark, bodies, suffix):
    assert issuer_bodies(mark) == (bodies, suffix)


def test_info_file_takes_joint_issuers_as_a_list():
    info = info_from_dict({"issuer_mark": ["中共青山市委员会", "青山市人民政府", "文件"]})
    assert info.issuer_mark == JOINT  # the form the 公文信息 panel shows and edits
    assert info_from_dict({"issuer_mark": ["甲局", "乙局"]}).issuer_mark == "甲局、乙局"


def test_joint_mark_is_a_borderless_table_names_stacked_and_wenjian_centred_on_their_right():
    s = Saved(render(joint_doc(), "docx", "通知"))
    body = list(s.doc.find("w:body", NS))
    tbl = body[1]
    assert tbl.tag == f"{{{W}}}tbl"
    # an empty line before it puts its top where a single 标志's would be: 35 mm under the block's top
    assert ptext(body[0]) == "" and attr(body[0].find("w:pPr/w:spacing", NS), "line") == str(mm_to_twips(35 - 0.2))
    assert all(attr(b, "val") == "nil" for b in tbl.find("w:tblPr/w:tblBorders", NS))
    assert pval(tbl, "w:tblPr/w:jc") == "center"
    names_cell, suffix_cell = tbl.findall("w:tr/w:tc", NS)
    names = names_cell.findall("w:p", NS)
    assert [ptext(p) for p in names] == ["中共青山市委员会", "青山市人民政府"]  # the 主办机关 first, one a line
    line = round(36 * 1.25 * 20)
    for p in names:
        assert pval(p, "w:pPr/w:jc") == "distribute"  # spread to one width
        assert attr(p.find("w:pPr/w:spacing", NS), "line") == str(line)
        assert {pval(r, "w:rPr/w:color") for r in p.findall("w:r", NS)} == {"FF0000"}
        assert attr(p.find("w:r/w:rPr/w:rFonts", NS), "eastAsia") == "方正小标宋简体"
        assert pval(p, "w:r/w:rPr/w:sz") == "72"
    assert ptext(suffix_cell) == "文件" and pval(suffix_cell, "w:tcPr/w:vAlign") == "center"
    h = tbl.find("w:tr/w:trPr/w:trHeight", NS)
    assert (attr(h, "val"), attr(h, "hRule")) == (str(2 * line), "exact")  # as high as the names, no more
    number = s.para_eq("青发〔2024〕3号")
    assert body[2] is number and attr(number.find("w:pPr/w:spacing", NS), "before") == str(2 * 579)
    widths = [int(attr(g, "w")) for g in tbl.findall("w:tblGrid/w:gridCol", NS)]
    assert sum(widths) <= load_profile().text_width
    assert "中共青山市委员会、青山市人民政府文件" not in [ptext(p) for p in s.paragraphs()]


def test_many_bodies_get_smaller_so_the_stack_stays_within_its_height():
    s = Saved(render(joint_doc("甲市委员会、甲市人民政府、甲军分区、甲市政协、甲市总工会文件"), "docx", "通知"))
    tbl = s.doc.find("w:body/w:tbl", NS)
    height = int(attr(tbl.find("w:tr/w:trPr/w:trHeight", NS), "val"))
    assert height <= mm_to_twips(50) + 5
    assert int(pval(tbl, ".//w:r/w:rPr/w:sz")) < 72


def test_letter_format_joint_mark_stands_one_body_a_line_in_the_header():
    d = joint_doc("青山省住房和城乡建设厅、青山省财政厅")
    s = Saved(render(d, "docx", "函"))
    hdr = s.xml("word/header1.xml")
    ps = hdr.findall("w:p", NS)
    assert [ptext(p) for p in ps] == ["青山省住房和城乡建设厅", "青山省财政厅"]
    assert ps[0].find("w:pPr/w:pBdr", NS) is None and ps[1].find("w:pPr/w:pBdr/w:bottom", NS) is not None


@pytest.fixture(scope="module")
def minutes():
    return clean_file(MINUTES)


def test_minutes_lists_after_the_body_become_attendance_parts_and_stay_body_text(minutes):
    found = [(b.kind, b.text) for b in minutes.blocks if b.part == "attendance"]
    assert found == [("paragraph", "出席：李××、王××、张××、刘××、陈××、赵××"),
                     ("paragraph", "列席：县政府办公室、县住建局、县财政局、县水利局、县应急管理局、县农业农村局主要负责同志"),
                     ("paragraph", "请假：孙××（在省委党校学习）")]
    assert next(b for b in minutes.blocks if b.text == "记录：周××").part is None
    assert "attendance" not in minutes.official()


@pytest.mark.parametrize("text", [
    # the meeting's header at the top of a 纪要: not the standard's lists after the body
    "xx会议纪要\n时间：2023年5月12日\n出席：王××、刘××\n会议研究了近期工作。\n一、关于安全生产\n会议要求抓好落实。\n",
    # not a 纪要
    "关于召开全体会议的通知\n各科室：\n定于下周一召开全体会议。\n出席：全体干部职工\n",
])
def test_attendance_lines_elsewhere_are_left_alone(text):
    assert not any(b.part for b in clean_text(text).blocks if b.text.startswith("出席"))


def test_minutes_header_block_at_the_top_is_not_taken():
    assert not any(b.part == "attendance" for b in clean_file(MINUTES_HEAD).blocks)


def test_attendance_layout_label_in_heiti_names_in_fangsong_wrapped_lines_after_the_colon(minutes):
    profile = load_profile("jiyao")
    s = Saved(docx_bytes(minutes, profile))
    ps = s.paragraphs()
    present = s.para_eq("出席：李××、王××、张××、刘××、陈××、赵××")
    i = ps.index(present)
    assert ptext(ps[i - 1]) == ""  # 空一行 under the body
    label, *names = [r for r in present.findall("w:r", NS) if ptext(r)]
    assert ptext(label) == "出席："
    assert attr(label.find("w:rPr/w:rFonts", NS), "eastAsia") == "黑体"
    assert {attr(r.find("w:rPr/w:rFonts", NS), "eastAsia") for r in names} == {"仿宋_GB2312"}
    assert {pval(r, "w:rPr/w:sz") for r in (label, *names)} == {"32"}  # 3号
    label_w = round(3 * profile.char_advance_pt * 20)  # three characters at the body's pitch
    for text in ("出席：", "列席：", "请假："):
        p = next(p for p in ps if ptext(p).startswith(text))
        ind = p.find("w:pPr/w:ind", NS)
        assert int(attr(ind, "left")) - int(attr(ind, "hanging")) == 2 * 16 * 20  # 左空二字
        assert abs(int(attr(ind, "hanging")) - label_w) <= 1  # wrapped lines under the first name
    assert pval(s.para_eq("记录：周××"), "w:pPr/w:pStyle") == "Normal"  # a trailer line stays a body paragraph
