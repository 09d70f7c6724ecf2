"""Issue 13, the end of an official document (GB/T 9704-2012 7.4, 7.5), read back from the saved DOCX: the blank
page and the 版记 page after it carry no page number (a section of their own), and a draft's 分送 and 共印N份
lines (the 国防部 template ../shared/corpus/pdf/p09) are found and laid out in the 版记."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from qg_paths import SHARED
from test_export_docx import NS, Saved, W, ptext, pval

from core.api import clean_file, render
from core.export.docx import docx_bytes
from core.export.profile import load_profile
from core.model import Block, DocInfo, Document

P09 = SHARED / "corpus" / "pdf" / "p09_template_redhead_tongzhi.pdf"
VALIDATOR = SHARED / "eval" / "ooxml" / "validate.py"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
PARA = "各地各校要充分认识做好学校安全工作的重要性，压实责任，细化措施，扎实开展安全隐患排查整治，确保师生生命安全和校园安全稳定。"


def blank_page_doc(paragraphs: int = 9) -> Document:
    """A notice whose text ends at the foot of page 2: no room for the 版记 there, so page 3 is blank and the
    版记 stands on page 4."""
    blocks = [Block("title", "关于做好学校安全工作的通知"), Block("salutation", "各学校：")]
    blocks += [Block("paragraph", PARA) for _ in range(paragraphs)]
    blocks += [Block("signature", "青山市教育局"), Block("date", "2024年2月21日")]
    return Document("空白页.txt", blocks=blocks, info=DocInfo(
        issuer_mark="青山市教育局文件", doc_number="青教发〔2024〕9号", cc="市委教育工委", printer="青山市教育局办公室",
        print_date="2024年2月21日"))


def footers(s: Saved, sect) -> dict[str, str]:
    return {r.get(f"{{{W}}}type"): s.rels[r.get(R_ID)] for r in sect.findall("w:footerReference", NS)}


def test_blank_page_and_banji_page_are_a_section_without_page_numbers():
    s = Saved(render(blank_page_doc(), "docx", "通知"))
    body = s.doc.find("w:body", NS)
    inner = body.findall("w:p/w:pPr/w:sectPr", NS)
    assert len(inner) == 1  # the text's section ends on its last paragraph, the date
    date = inner[0].getparent().getparent()
    assert ptext(date) == "2024年2月21日"
    assert footers(s, inner[0]) == {"default": "footer1.xml", "even": "footer2.xml"}
    last = body.find("w:sectPr", NS)
    assert footers(s, last) == {"default": "footer4.xml", "even": "footer4.xml"}  # named, so none is inherited
    assert last.find("w:pgNumType", NS).get(f"{{{W}}}start") is None  # numbering runs on: the text keeps its own
    assert last.find("w:type", NS).get(f"{{{W}}}val") == "nextPage"
    ftr = s.xml("word/footer4.xml")
    assert "".join(ftr.itertext()) == "" and "PAGE" not in s.zip.read("word/footer4.xml").decode()
    assert pval(ftr.find("w:p", NS), "w:pPr/w:pStyle") == "Footer"  # the page-number footer's height, no text
    # after the break: the blank page's paragraph, then the 版记 page (a page break), then the 版记 table
    after = list(body)[list(body).index(date) + 1:]
    assert after[0].find("w:pPr/w:pageBreakBefore", NS) is None
    assert after[1].find("w:pPr/w:pageBreakBefore", NS) is not None
    assert [e.tag.split("}")[1] for e in after].count("tbl") == 1


def test_banji_page_without_a_blank_page_before_it_keeps_its_number():
    # page 1 is odd: the 版记 goes to page 2, no blank page between, so page 2 is numbered (7.5 speaks of the
    # 版记 page after a blank page only)
    d = Document("短.txt", blocks=[Block("title", "关于召开会议的通知"), Block("paragraph", "定于下周一召开全体会议。"),
                                   Block("paragraph", "抄送：市委办公室。", part="cc")])
    s = Saved(docx_bytes(d))
    assert s.doc.findall(".//w:body/w:p/w:pPr/w:sectPr", NS) == []
    assert footers(s, s.doc.find(".//w:body/w:sectPr", NS)) == {"default": "footer1.xml", "even": "footer2.xml"}
    assert "word/footer4.xml" not in s.zip.namelist()


def test_letter_blank_page_section_keeps_the_later_pages_header_and_drops_the_first_page_setup():
    blocks = [Block("title", "关于商请支持开展联合调研的函"), Block("salutation", "省自然资源厅：")]
    blocks += [Block("paragraph", "为深入了解全省国土空间规划实施情况，我厅拟于2024年5月开展联合调研，现商请贵厅给予支持，"
                                  "请予协助安排有关人员参加。") for _ in range(25)]
    blocks += [Block("signature", "青山省住房和城乡建设厅"), Block("date", "2024年4月15日")]
    d = Document("函.txt", blocks=blocks, info=DocInfo(issuer_mark="青山省住房和城乡建设厅", doc_number="青建函〔2024〕15号",
                                                       cc="省发展改革委"))
    s = Saved(docx_bytes(d, load_profile("han")))
    text_sect = s.doc.find(".//w:body/w:p/w:pPr/w:sectPr", NS)
    assert text_sect is not None and text_sect.find("w:titlePg", NS) is not None  # page 1: the letter's own
    last = s.doc.find(".//w:body/w:sectPr", NS)
    assert last.find("w:titlePg", NS) is None
    headers = {r.get(f"{{{W}}}type"): s.rels[r.get(R_ID)] for r in last.findall("w:headerReference", NS)}
    assert headers == {"default": "header2.xml", "even": "header2.xml"}
    assert last.find("w:pgMar", NS).get(f"{{{W}}}header") == text_sect.find("w:pgMar", NS).get(f"{{{W}}}header")
    assert footers(s, last) == {"default": "footer4.xml", "even": "footer4.xml"}


@pytest.fixture(scope="module")
def p09():
    if not P09.exists():
        pytest.skip(f"{P09} is absent")
    return clean_file(P09)


def test_p09_tail_distribute_imprint_and_copies_are_found(p09):
    parts = [(b.part, b.text) for b in p09.blocks if b.part in ("cc", "distribute", "imprint", "copies")]
    assert parts == [("cc", "抄送：教育局，教育局。"), ("distribute", "分送：教育局，教育局。"),
                     ("imprint", "国防部2012年12月12日印发"), ("copies", "共印2份")]
    info = p09.official()
    assert (info["cc"], info["distribute"], info["printer"], info["print_date"], info["copies"]) == \
        ("教育局，教育局", "教育局，教育局", "国防部", "2012年12月12日", "2")
    kinds = {b.text: b.kind for b in p09.blocks}
    assert kinds["2012年12月12日"] == "date"  # the 版记 under it no longer hides the 成文日期


@pytest.mark.parametrize("line, want", [("（共印50份）", "50"), ("共印 120 份", "120"), ("(共印8份)", "8")])
def test_copies_forms(line, want):
    from core.api import clean_text

    d = clean_text(f"关于召开会议的通知\n各学校：\n定于下周一召开全体会议，请准时参加。\n青山市教育局\n2024年3月5日\n"
                   f"抄送：市委办公室。\n青山市教育局办公室 2024年3月5日印发\n{line}\n")
    assert d.official().get("copies") == want


def test_a_lone_copies_line_makes_no_banji():
    # a 简报 ends "报：…/送：…/发：…/（共印80份）": no 抄送 or 印发 line, so no 版记 (and the line stays body text)
    d = clean_file(Path(__file__).resolve().parent / "data" / "samples" / "s35_jianbao_kehou_fullwidth_gb2312.txt")
    assert d.blocks[-1].text == "（共印80份）" and d.blocks[-1].part is None
    assert "copies" not in d.official()
    assert "trHeight" not in Saved(render(d, "docx")).zip.read("word/document.xml").decode()


def test_p09_banji_rows_distribute_under_cc_copies_over_the_imprint_line(p09):
    s = Saved(render(p09, "docx", "通知"))
    tbl = s.doc.findall(".//w:body/w:tbl", NS)[-1]
    rows = tbl.findall("w:tr", NS)
    assert [ptext(r) for r in rows] == ["抄送：教育局，教育局。", "分送：教育局，教育局。", "共印2份", "国防部2012年12月12日印发"]
    one = 14 * 20
    cc, dist, copies, _ = (r.find(".//w:p", NS) for r in rows)
    for p in (cc, dist):  # 分送 laid out as 抄送: one character in, wrapped lines after the colon
        ind = p.find("w:pPr/w:ind", NS)
        assert int(ind.get(f"{{{W}}}left")) - int(ind.get(f"{{{W}}}hanging")) == one
        assert ind.get(f"{{{W}}}right") == str(one)
    assert pval(copies, "w:pPr/w:jc") == "right" and copies.find("w:pPr/w:ind", NS).get(f"{{{W}}}right") == str(one)
    # thin separators between the rows (7.4.3: another element set apart from the 印发 line by a thin line)
    assert tbl.find("w:tblPr/w:tblBorders/w:insideH", NS).get(f"{{{W}}}sz") == "6"
    body_texts = [ptext(p) for p in s.paragraphs()]
    assert not any(t.startswith(("分送", "共印", "抄送")) for t in body_texts)


@pytest.mark.skipif(not VALIDATOR.exists(), reason="../shared/eval/ooxml/validate.py is absent")
def test_blank_page_section_and_p09_validate_against_iso_29500(tmp_path):
    files = {"blank": render(blank_page_doc(), "docx", "通知")}
    if P09.exists():
        files["p09"] = render(clean_file(P09), "docx", "通知")
    for name, data in files.items():
        f = tmp_path / f"{name}.docx"
        f.write_bytes(data)
        r = subprocess.run([sys.executable, str(VALIDATOR), str(tmp_path / f"out_{name}"), str(f)], capture_output=True,
                           text=True)
        assert r.returncode == 0 and "INVALID" not in r.stdout, r.stdout[-2000:]
