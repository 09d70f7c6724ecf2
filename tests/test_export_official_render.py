"""Issue 13 rendered by LibreOffice (headless -> PDF), measured with pdfplumber: the 标志 red and centred, the red
separator across the block 4 mm under the 发文字号, the 版记's last line on the bottom of the block of an even last
page, and the 附件说明's wrapped line under the first item's name; no page number on a blank page and the 版记 page
after it (7.5); a joint 标志's bodies stacked with 文件 centred on their right (7.2.4); a 纪要's 出席/列席 lists with
their wrapped lines after the colon (10.3); the 分送 and 共印N份 of p09 in its 版记."""
from __future__ import annotations

import shutil
import subprocess
import uuid
from pathlib import Path

import pdfplumber
import pytest
from qg_paths import need
from test_export_joint_minutes import MINUTES, joint_doc
from test_export_official import official_doc
from test_export_official_ending import P09, blank_page_doc
from test_export_render import BOTTOM, LEFT, MM, RIGHT, TOP, lines_of, soffice

from core.api import clean_file, render
from core.model import Block, DocInfo, Document

pytestmark = pytest.mark.slow
RED = (1.0, 0.0, 0.0)


def long_doc() -> Document:
    """A notice whose text ends on page 5 (odd): the 版记 must go to page 6."""
    para = ("各地各校要充分认识做好学校安全工作的重要性，压实责任，细化措施，扎实开展安全隐患排查整治，"
            "确保师生生命安全和校园安全稳定。")
    blocks = [Block("title", "关于做好学校安全工作的通知"), Block("salutation", "各学校：")]
    blocks += [Block("paragraph", para * 3) for _ in range(12)]
    blocks += [Block("signature", "青山市教育局"), Block("date", "2024年2月21日")]
    return Document("长.txt", blocks=blocks, info=DocInfo(issuer_mark="青山市教育局文件", doc_number="青教发〔2024〕8号",
                                                          cc="市委教育工委", printer="青山市教育局办公室",
                                                          print_date="2024年2月21日"))


def letter_doc() -> Document:
    """A one-page 函 with a 版记: 信函格式 (GB/T 9704 10.1)."""
    blocks = [Block("title", "关于商请支持开展联合调研的函"), Block("salutation", "省自然资源厅："),
              Block("paragraph", "为深入了解全省国土空间规划实施情况，我厅拟于2024年5月开展联合调研，现商请贵厅给予支持。"),
              Block("paragraph", "特此函商。"), Block("signature", "青山省住房和城乡建设厅"), Block("date", "2024年4月15日")]
    return Document("函.txt", blocks=blocks, info=DocInfo(issuer_mark="青山省住房和城乡建设厅", doc_number="青建函〔2024〕15号",
                                                          cc="省发展改革委"))


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    need("soffice")
    out = tmp_path_factory.mktemp("official")
    files = {"tongzhi": render(official_doc(), "docx", "通知"), "long": render(long_doc(), "docx", "通知"),
             "han": render(letter_doc(), "docx", "函"), "blank": render(blank_page_doc(), "docx", "通知"),
             "joint": render(joint_doc(), "docx", "通知"), "minutes": render(clean_file(MINUTES), "docx", "纪要")}
    if P09.exists():
        files["p09"] = render(clean_file(P09), "docx", "通知")
    paths = []
    for name, data in files.items():
        (out / f"{name}.docx").write_bytes(data)
        paths.append(str(out / f"{name}.docx"))
    profile_dir = Path("/tmp") / f"qinggao-lo-{uuid.uuid4().hex}"
    try:
        subprocess.run([soffice(), f"-env:UserInstallation={profile_dir.as_uri()}", "--headless", "--norestore",
                        "--convert-to", "pdf", "--outdir", str(out), *paths], check=True, capture_output=True, timeout=300)
    finally:
        shutil.rmtree(profile_dir, ignore_errors=True)
    result = {name: pdfplumber.open(out / f"{name}.pdf") for name in files}
    yield result
    for p in result.values():
        p.close()


def rules(page, colour=None):
    return [ln for ln in page.lines + page.rects if abs(ln["top"] - ln["bottom"]) < 1.5
            and (colour is None or tuple(ln.get("stroking_color") or ()) == colour)]


def test_mark_is_red_centred_and_35mm_under_the_block_top(pdfs):
    page = pdfs["tongzhi"].pages[0]
    chars = [c for c in page.chars if c["text"] in "青山市教育局文件" and c["size"] > 30]
    assert "".join(c["text"] for c in chars) == "青山市教育局文件"
    assert all(tuple(c["non_stroking_color"]) == RED for c in chars)
    centre = (min(c["x0"] for c in chars) + max(c["x1"] for c in chars)) / 2
    assert abs(centre - (LEFT + RIGHT) / 2) < 1 * MM
    assert abs(min(c["top"] for c in chars) - (TOP + 35 * MM)) < 1.5 * MM


def test_red_separator_spans_the_block_4mm_under_the_doc_number(pdfs):
    page = pdfs["tongzhi"].pages[0]
    number = next(ln for ln in lines_of(page) if ln.text == "青教发〔2024〕7号")
    red = rules(page, RED)
    assert red
    line = red[0]
    assert abs((line["x1"] - line["x0"]) - 156 * MM) < 1 * MM and abs(line["x0"] - LEFT) < 1 * MM
    assert abs(line["top"] - number.bottom - 4 * MM) < 0.5 * MM


@pytest.mark.parametrize("name, last_page", [("tongzhi", 2), ("long", 6)])
def test_banji_last_line_on_the_bottom_of_the_block_of_an_even_last_page(pdfs, name, last_page):
    pdf = pdfs[name]
    assert len(pdf.pages) == last_page
    page = pdf.pages[-1]
    black = sorted(rules(page, (0.0, 0.0, 0.0)) + rules(page, (0,)), key=lambda r: r["top"])
    assert len(black) >= 2
    assert abs(black[-1]["top"] - BOTTOM) < 1 * MM  # the last separator on the bottom edge of the block
    for r in black:
        assert abs(r["x0"] - LEFT) < 1 * MM and abs(r["x1"] - RIGHT) < 1 * MM
    if name == "long":  # the text ends on page 5; page 6 holds only the 版记 (and its page number)
        assert any(ln.text == "2024年2月21日" for ln in lines_of(pdf.pages[-2]))
        assert [ln.text for ln in lines_of(page) if ln.bottom < BOTTOM - 25 * MM] == []
    imprint = next(ln for ln in lines_of(page) if ln.text.endswith("印发"))
    assert black[-2]["top"] < imprint.top and imprint.bottom < black[-1]["top"]
    assert imprint.sizes == {14.0}


def test_attachment_second_line_aligns_under_the_first_items_name(pdfs):
    lines = [ln for p in pdfs["tongzhi"].pages for ln in lines_of(p)]
    i = next(k for k, ln in enumerate(lines) if ln.text.startswith("附件：1."))
    first, wrapped = lines[i], lines[i + 1]
    page = next(p for p in pdfs["tongzhi"].pages if any(c["text"] == "附" for c in p.chars))
    name_start = next(c for c in page.chars if c["text"] == "2" and abs(c["top"] - first.top) < 2)["x0"]
    assert abs(wrapped.x0 - name_start) < 1.0  # the name's wrapped line starts under its first character


def test_letter_lower_double_line_20mm_above_the_page_bottom_and_banji_on_page_2(pdfs):
    pdf = pdfs["han"]
    first = pdf.pages[0]
    long_red = [r for r in first.lines + first.rects + first.curves if (r["x1"] - r["x0"]) > 150 * MM
                and abs(r["top"] - r["bottom"]) < 3 * MM]
    lowest = max(long_red, key=lambda r: r["bottom"])
    assert abs((first.height - lowest["bottom"]) - 20 * MM) < 1 * MM  # 10.1: 距下页边20mm
    assert abs((lowest["x1"] - lowest["x0"]) - 170 * MM) < 1 * MM
    assert abs((lowest["x0"] + lowest["x1"]) / 2 - (LEFT + RIGHT) / 2) < 1 * MM  # centred as the upper line
    assert len(pdf.pages) == 2  # the 版记 on the even page after a one-page letter
    assert not any("— 1 —" in ln.text or ln.text == "1" for ln in lines_of(first))  # no page number on page 1
    assert any(ln.text.startswith("抄送") for ln in lines_of(pdf.pages[1]))


def page_numbers(page) -> list:
    """The lines under the block: where the page number stands."""
    return [ln for ln in lines_of(page) if ln.top > BOTTOM + 2 * MM]


def test_blank_page_and_the_banji_page_after_it_have_no_page_number(pdfs):
    pdf = pdfs["blank"]
    assert len(pdf.pages) == 4  # the text ends at the foot of page 2: page 3 blank, the 版记 on page 4
    first, second = (page_numbers(p) for p in pdf.pages[:2])
    assert [ln.text for ln in first] == ["—1—"] and abs(first[0].x1 - (RIGHT - 14)) < 1 * MM  # odd: right
    assert [ln.text for ln in second] == ["—2—"] and abs(second[0].x0 - (LEFT + 14)) < 1 * MM  # even: left
    assert any(ln.text == "2024年2月21日" for ln in lines_of(pdf.pages[1]))
    blank, last = pdf.pages[2], pdf.pages[3]
    assert blank.chars == []  # 7.5: the blank page has no page number
    assert page_numbers(last) == []  # and neither has the 版记 page after it
    assert [ln.text for ln in lines_of(last)][0].startswith("抄送")
    black = sorted(rules(last, (0.0, 0.0, 0.0)) + rules(last, (0,)), key=lambda r: r["top"])
    assert abs(black[-1]["top"] - BOTTOM) < 1 * MM  # still on the bottom edge of the block


def test_joint_mark_bodies_stacked_with_wenjian_on_their_right_centred_top_to_bottom(pdfs):
    page = pdfs["joint"].pages[0]
    big = [c for c in page.chars if c["size"] > 30]
    assert all(tuple(c["non_stroking_color"]) == RED for c in big)
    rows = [ln for ln in lines_of(page.crop((0, 0, page.width, TOP + 80 * MM))) if max(ln.sizes) > 30]
    names = [ln for ln in rows if ln.text != "文件"]
    first = next(ln for ln in names if ln.text.startswith("中共"))
    second = next(ln for ln in rows if ln.text.startswith("青山市人民政府"))
    assert first.top < second.top - 30  # stacked, the 主办机关 first
    assert abs(first.top - (TOP + 35 * MM)) < 1.5 * MM  # where a single 标志 stands (7.2.4: 35 mm)
    wj = [c for c in big if c["text"] in "文件"]
    name_chars = [c for c in big if c["text"] not in "文件"]
    names_x0, names_x1 = min(c["x0"] for c in name_chars), max(c["x1"] for c in name_chars)
    assert abs(first.x0 - names_x0) < 1 and abs(second.x0 - names_x0) < 1  # spread to one width
    second_chars = [c for c in name_chars if abs(c["top"] - second.top) < 2]
    assert abs(max(c["x1"] for c in second_chars) - names_x1) < 1 * MM
    assert min(c["x0"] for c in wj) > names_x1  # 文件 on the right of the names
    names_mid = (min(c["top"] for c in name_chars) + max(c["bottom"] for c in name_chars)) / 2
    wj_mid = (min(c["top"] for c in wj) + max(c["bottom"] for c in wj)) / 2
    assert abs(wj_mid - names_mid) < 1.5 * MM  # 以联署发文机关名称为准上下居中
    centre = (names_x0 + max(c["x1"] for c in wj)) / 2
    assert abs(centre - (LEFT + RIGHT) / 2) < 1 * MM  # the whole 标志 centred on the block
    number = next(ln for ln in lines_of(page) if ln.text == "青发〔2024〕3号")
    red = rules(page, RED)
    assert red and abs(red[0]["top"] - number.bottom - 4 * MM) < 0.5 * MM  # the separator as usual


def test_minutes_attendance_two_characters_in_and_wrapped_names_under_the_first_name(pdfs):
    lines = [ln for p in pdfs["minutes"].pages for ln in lines_of(p)]
    present = next(ln for ln in lines if ln.text.startswith("出席："))
    assert abs(present.x0 - (LEFT + 32)) < 1 * MM  # 左空二字 (two 16 pt characters)
    i = next(k for k, ln in enumerate(lines) if ln.text.startswith("列席："))
    attend, wrapped = lines[i], lines[i + 1]
    assert not wrapped.text.startswith(("请假", "出席"))  # the 列席 list is long enough to wrap
    page = next(p for p in pdfs["minutes"].pages if any(abs(c["top"] - attend.top) < 2 and c["text"] == "列"
                                                          for c in p.chars))
    row = sorted((c for c in page.chars if abs(c["top"] - attend.top) < 2), key=lambda c: c["x0"])
    after_colon = row[[c["text"] for c in row].index("：") + 1]["x0"]
    assert abs(wrapped.x0 - after_colon) < 1.0  # 回行时与冒号后的首字对齐
    assert any(ln.text.startswith("请假：") and abs(ln.x0 - present.x0) < 1 for ln in lines)


def test_p09_banji_distribute_copies_and_imprint_on_the_last_separator(pdfs):
    if "p09" not in pdfs:
        pytest.skip("the shared corpus PDF p09 is absent")
    pdf = pdfs["p09"]
    assert len(pdf.pages) == 2
    page = pdf.pages[1]
    texts = [ln.text for ln in lines_of(page) if ln.top < BOTTOM]
    assert texts == ["抄送：教育局，教育局。", "分送：教育局，教育局。", "共印2份", "国防部2012年12月12日印发"]
    lines = {ln.text: ln for ln in lines_of(page)}
    copies, imprint = lines["共印2份"], lines["国防部2012年12月12日印发"]
    assert abs(copies.x1 - (RIGHT - 14)) < 1 * MM and abs(copies.x1 - imprint.x1) < 1 * MM  # flush right, as the date
    black = sorted(rules(page, (0.0, 0.0, 0.0)) + rules(page, (0,)), key=lambda r: r["top"])
    assert abs(black[-1]["top"] - BOTTOM) < 1 * MM
    assert black[-2]["top"] < imprint.top < black[-1]["top"]  # the 印发 line stays on the last separator
    assert black[-3]["top"] < copies.top < black[-2]["top"]  # 共印 set apart from it by a thin line
    assert [ln.text for ln in page_numbers(page)] == ["—2—"]  # no blank page before it: numbered (7.5)
