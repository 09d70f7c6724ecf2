"""Issue 13 rendered by LibreOffice (headless -> PDF), measured with pdfplumber: the 标志 red and centred, the red
separator across the block 4 mm under the 发文字号, the 版记's last line on the bottom of the block of an even last
page, and the 附件说明's wrapped line under the first item's name."""
from __future__ import annotations

import shutil
import subprocess
import uuid
from pathlib import Path

import pdfplumber
import pytest
from qg_paths import need
from test_export_official import official_doc
from test_export_render import BOTTOM, LEFT, MM, RIGHT, TOP, lines_of, soffice

from core.api import render
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
             "han": render(letter_doc(), "docx", "函")}
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
