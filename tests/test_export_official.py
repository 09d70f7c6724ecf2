"""Issue 13, DOCX XML: 版头 (份号, 密级, 紧急程度, 标志, 发文字号, 签发人, red separator), 主送, 附注 and 版记, the
special formats (信函, 命令) and the per-type profiles, read back from the saved package."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from qg_paths import SHARED
from test_export_docx import NS, Saved, W, ptext, pval

from core.api import clean_file, render
from core.export.docx import docx_bytes
from core.export.profile import load_profile, mm_to_twips, with_options
from core.model import Block, DocInfo, Document

DRAFT = Path(__file__).resolve().parent / "data" / "official" / "tongzhi_banji.txt"
INFO = DocInfo(copy_no="000012", secret="秘密★1年", urgency="特急", issuer_mark="青山市教育局文件",
               doc_number="青教发〔2024〕7号", signer="赵青山", printer="青山市教育局办公室", print_date="2024年2月21日")
VALIDATOR = SHARED / "eval" / "ooxml" / "validate.py"


def official_doc() -> Document:
    d = clean_file(DRAFT)
    d.info = INFO
    return d


def saved(profile: str = "gbt9704", doc: Document | None = None) -> Saved:
    return Saved(render(doc or official_doc(), "docx", profile))


def attr(e, name: str) -> str | None:
    return e.get(f"{{{W}}}{name}")


def rfont(p, i: int = 0) -> str:
    return attr(p.findall(".//w:rPr/w:rFonts", NS)[i], "eastAsia")


def test_head_lines_then_red_centred_mark_35mm_under_the_block_top():
    s = saved()
    ps = s.paragraphs()
    assert [ptext(p) for p in ps[:3]] == ["000012", "秘密★1年", "特急"]
    for p in ps[:3]:
        assert rfont(p) == "黑体" and pval(p, "w:pPr/w:jc") == "left"
    mark = ps[3]
    assert ptext(mark) == "青山市教育局文件"
    assert pval(mark, "w:pPr/w:jc") == "center"
    assert {pval(r, "w:rPr/w:color") for r in mark.findall("w:r", NS)} == {"FF0000"}
    assert rfont(mark) == "方正小标宋简体" and pval(mark, "w:r/w:rPr/w:sz") == "84"  # 42 pt, the profile's
    sp = mark.find("w:pPr/w:spacing", NS)
    # three head lines, then space so the mark's top edge is 35 mm under the block's top
    assert 3 * 579 + int(attr(sp, "before")) == mm_to_twips(35 - 0.2)
    assert attr(sp, "line") == str(round(42 * 1.25 * 20)) and attr(sp, "lineRule") == "exact"


def test_doc_number_two_lines_under_the_mark_with_the_red_separator():
    s = saved()
    p = s.para_eq("青教发〔2024〕7号")
    assert pval(p, "w:pPr/w:jc") == "center"
    assert attr(p.find("w:pPr/w:spacing", NS), "before") == str(2 * 579)
    b = p.find("w:pPr/w:pBdr/w:bottom", NS)
    assert (attr(b, "val"), attr(b, "color"), attr(b, "sz"), attr(b, "space")) == ("single", "FF0000", "8", "5")
    # the separator is the paragraph's border: as wide as the block (no indents)
    ind = p.find("w:pPr/w:ind", NS)
    assert attr(ind, "left") == "0" and attr(ind, "right") == "0"
    # the draft's own 发文字号 line and the 版记 lines are not repeated in the body
    body_texts = [ptext(x) for x in s.paragraphs()]
    assert "×教发[2024]5号" not in body_texts and "××市教育局文件" not in body_texts
    assert not any(t.startswith("抄送") for t in body_texts)


def test_title_two_lines_under_the_separator_then_the_addressee_flush_left():
    s = saved()
    ps = s.paragraphs()
    i = ps.index(s.para_eq("青教发〔2024〕7号"))
    assert [ptext(p) for p in ps[i + 1:i + 3]] == ["", ""]
    assert pval(ps[i + 3], "w:pPr/w:pStyle") == "Title"
    sal = s.para_eq("各县（市、区）教育局，市直各学校：")
    assert pval(sal, "w:pPr/w:pStyle") == "Salutation"  # flush left, no indent (7.3.3)


def test_note_in_brackets_two_characters_in_on_the_line_under_the_date():
    s = saved()
    ps = s.paragraphs()
    note = s.para_eq("（此件公开发布）")
    assert pval(ps[ps.index(note) - 1], "w:pPr/w:pStyle") == "Date"
    assert s.effective_ppr(note)["ind"]["firstLine"] == "640"  # two 16 pt characters


def test_banji_table_thick_first_and_last_thin_middle_rows_on_the_grid():
    s = saved()
    tbl = s.doc.findall(".//w:body/w:tbl", NS)[-1]
    b = {etree_local(e): e for e in tbl.find("w:tblPr/w:tblBorders", NS)}
    assert attr(b["top"], "sz") == attr(b["bottom"], "sz") == "8"  # 0.35 mm ~ 1 pt
    assert attr(b["insideH"], "sz") == "6"  # 0.25 mm ~ 0.75 pt
    assert attr(b["left"], "val") == attr(b["right"], "val") == "nil"
    assert tbl.find("w:tblPr/w:tblW", NS).get(f"{{{W}}}w") == str(load_profile().text_width)
    rows = tbl.findall("w:tr", NS)
    assert [ptext(r) for r in rows] == ["抄送：市委教育工委，市政府办公室。", "青山市教育局办公室2024年2月21日印发"]
    for r in rows:
        h = r.find("w:trPr/w:trHeight", NS)
        assert attr(h, "val") == "579" and attr(h, "hRule") == "exact"
    cc, imprint = (r.find(".//w:p", NS) for r in rows)
    ind = cc.find("w:pPr/w:ind", NS)
    one = 14 * 20
    assert int(attr(ind, "left")) - int(attr(ind, "hanging")) == one and attr(ind, "right") == str(one)  # 抄送 hangs
    assert int(attr(ind, "hanging")) == 3 * one  # wrapped lines start under the first name, after "抄送："
    tab = imprint.find("w:pPr/w:tabs/w:tab", NS)
    assert attr(tab, "val") == "right" and int(attr(tab, "pos")) == load_profile().text_width - one
    assert {rfont(cc), pval(cc, "w:r/w:rPr/w:sz")} == {"仿宋_GB2312", "28"}  # 4号 仿宋


def etree_local(e) -> str:
    return e.tag.split("}")[1]


def test_banji_starts_on_an_even_page_after_a_short_text():
    d = Document("短.txt", blocks=[Block("title", "关于召开会议的通知"), Block("paragraph", "定于下周一召开全体会议。"),
                                   Block("paragraph", "抄送：市委办公室。", part="cc")])
    s = Saved(docx_bytes(d))
    ps = s.paragraphs()
    breaks = [p for p in ps if p.find("w:pPr/w:pageBreakBefore", NS) is not None]
    assert len(breaks) == 1  # page 1 is odd: the 版记 goes to page 2
    tbl = s.doc.find(".//w:body/w:tbl", NS)
    assert ptext(tbl) == "抄送：市委办公室。" and len(tbl.findall("w:tr", NS)) == 1


def test_upward_profile_puts_doc_number_left_and_signer_right_in_their_fonts():
    s = saved("请示")  # the document-type name chooses resources/profiles/qingshi.json
    p = s.para_with("签发人")
    assert ptext(p) == "青教发〔2024〕7号签发人：赵青山"
    one = 16 * 20
    ind = p.find("w:pPr/w:ind", NS)
    assert attr(ind, "left") == str(one) and attr(ind, "right") == str(one)
    tab = p.find("w:pPr/w:tabs/w:tab", NS)
    assert attr(tab, "val") == "right" and int(attr(tab, "pos")) == load_profile().text_width - 2 * one
    fonts = {ptext(r): attr(r.find("w:rPr/w:rFonts", NS), "eastAsia") for r in p.findall("w:r", NS) if ptext(r)}
    assert fonts["签发人："] == "仿宋_GB2312" and fonts["赵青山"] == "楷体_GB2312"
    assert p.find("w:pPr/w:pBdr/w:bottom", NS) is not None


def test_letter_format_mark_in_the_first_page_header_double_lines_and_no_page_number_on_page_1():
    data = render(official_doc(), "docx", "函")
    s = Saved(data)
    sect = s.doc.find(".//w:body/w:sectPr", NS)
    assert sect.find("w:titlePg", NS) is not None
    refs = {(etree_local(r), attr(r, "type")): s.rels[r.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")]
            for r in sect if etree_local(r) in ("headerReference", "footerReference")}
    assert refs[("headerReference", "first")] == "header1.xml" and refs[("footerReference", "first")] == "footer3.xml"
    assert attr(sect.find("w:pgMar", NS), "header") == str(mm_to_twips(30 - 0.2))  # 标志 30 mm from the page top
    hdr = s.xml("word/header1.xml")
    mark = hdr.find("w:p", NS)
    assert ptext(mark) == "青山市教育局文件"
    line = mark.find("w:pPr/w:pBdr/w:bottom", NS)
    assert attr(line, "val") == "thickThinSmallGap" and attr(line, "color") == "FF0000"
    over = (mm_to_twips(170) - load_profile().text_width) // 2  # the lines are 170 mm long
    assert attr(mark.find("w:pPr/w:ind", NS), "left") == str(-over)
    ftr = s.xml("word/footer3.xml")
    assert "PAGE" not in "".join(ftr.itertext())
    v = "{urn:schemas-microsoft-com:vml}"
    line = ftr.find(f".//w:pict/{v}line", NS)  # placed on the page: 20 mm above its bottom, centred on the block
    assert line.find(f"{v}stroke").get("linestyle") == "thinThick" and line.get("strokecolor") == "#FF0000"
    y = float(line.get("from").split(",")[1].removesuffix("pt"))
    assert abs(y - (297 - 20) / 25.4 * 72) < 0.5 and line.get("to").split(",")[1] == line.get("from").split(",")[1]
    assert "mso-position-vertical-relative:page" in line.get("style")
    assert s.rels[next(r for r in sect if attr(r, "type") == "default" and etree_local(r) == "headerReference")
                  .get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")] == "header2.xml"
    # 发文字号 flush right on the first line under the double line; no 印发 row in the 版记
    first = s.paragraphs()[0]
    assert ptext(first) == "000012青教发〔2024〕7号" and attr(first.find("w:pPr/w:tabs/w:tab", NS), "val") == "right"
    tbl = s.doc.findall(".//w:body/w:tbl", NS)[-1]
    assert [ptext(r) for r in tbl.findall("w:tr", NS)] == ["抄送：市委教育工委，市政府办公室。"]


def test_order_format_has_no_separator_and_minutes_has_one():
    order = saved("命令").para_eq("青教发〔2024〕7号")
    assert order.find("w:pPr/w:pBdr", NS) is None
    minutes = saved("纪要").para_eq("青教发〔2024〕7号")
    assert minutes.find("w:pPr/w:pBdr/w:bottom", NS) is not None


def test_office_values_from_the_profile_fill_what_the_document_lacks():
    d = clean_file(DRAFT)
    for b in d.blocks:
        if b.part in ("issuer_mark", "imprint"):
            b.part = None  # a draft without its own 标志 and 印发 line
    d.blocks = [b for b in d.blocks if b.text not in ("××市教育局文件",) and not b.text.endswith("印发")]
    p = with_options(load_profile(), office={"issuer_mark": "本局文件", "printer": "本局办公室", "cc": "不用的抄送"})
    s = Saved(docx_bytes(d, p))
    assert s.para_eq("本局文件") is not None
    tbl = s.doc.findall(".//w:body/w:tbl", NS)[-1]
    texts = [ptext(r) for r in tbl.findall("w:tr", NS)]
    assert texts[0] == "抄送：市委教育工委，市政府办公室。"  # the draft's own 抄送 wins over the office's usual one
    assert texts[1].startswith("本局办公室")


def test_clerk_addressee_replaces_the_salutation_or_follows_the_title():
    d = official_doc()
    d.info = DocInfo(addressee="各区教育局")
    s = Saved(docx_bytes(d))
    assert pval(s.para_eq("各区教育局："), "w:pPr/w:pStyle") == "Salutation"
    plain = Document("x.txt", blocks=[Block("title", "关于召开会议的通知"), Block("paragraph", "定于下周一召开全体会议。")],
                     info=DocInfo(addressee="各科室"))
    ps = Saved(docx_bytes(plain)).paragraphs()
    assert [ptext(p) for p in ps[:3]] == ["关于召开会议的通知", "", "各科室："]


def test_drafts_without_the_parts_have_no_head_no_table_no_extra_parts(dev_seeds):
    for seed in dev_seeds:
        s = Saved(render(clean_file(seed), "docx"))
        xml = "".join(s.zip.read("word/document.xml").decode("utf-8"))
        assert "FF0000" not in xml and "titlePg" not in xml and "trHeight" not in xml, seed.name
        assert "word/header1.xml" not in s.zip.namelist()


@pytest.mark.skipif(not VALIDATOR.exists(), reason="../shared/eval/ooxml/validate.py is absent")
@pytest.mark.parametrize("profile", ["通知", "请示", "函", "纪要", "命令"])
def test_exported_official_documents_validate_against_iso_29500(profile, tmp_path):
    f = tmp_path / f"{profile}.docx"
    f.write_bytes(render(official_doc(), "docx", profile))
    r = subprocess.run([sys.executable, str(VALIDATOR), str(tmp_path / "out"), str(f)], capture_output=True, text=True)
    assert r.returncode == 0 and "INVALID" not in r.stdout, r.stdout[-2000:]
