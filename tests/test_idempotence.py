"""Cleaning a clean text changes nothing: a clerk who runs QingGao on its own TXT output (or on a draft that was
already clean) gets the same document back. Checked on every real draft we have, and on what the clean TXT
rendering must carry for that: documents apart, table rows, whole paragraphs, signing lines."""
from __future__ import annotations

import pytest
from qg_paths import CORPUS, DATA, HTML, needs_corpus

from core.api import clean_file, clean_text, render
from core.model import Document

SAMPLES = sorted(p for p in (DATA / "samples").iterdir() if p.suffix in (".txt", ".html", ".docx"))


OWN_MARKS = {"gap-own-note", "docbreak-form-feed"}


def _shape(doc: Document) -> list[tuple[str, str]]:
    return [(b.kind, b.text + (b.body or "")) for b in doc.blocks]


def _assert_fixed_point(doc: Document) -> None:
    again = clean_text(render(doc, "txt").decode("utf-8-sig"))
    assert _shape(again) == _shape(doc)
    # only QingGao's own marks are taken out again (the gap note, the page break between documents), as markers
    assert {r.rule for r in again.removed} <= OWN_MARKS, [(r.rule, r.text) for r in again.removed]


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem[:12])
def test_clean_output_of_every_sample_cleans_to_itself(path):
    _assert_fixed_point(clean_file(path))


@needs_corpus
@pytest.mark.parametrize("name", ["000", "001", "002", "003", "004"])
def test_clean_output_of_every_dev_draft_cleans_to_itself(name):
    _assert_fixed_point(clean_file(next(CORPUS.glob(f"{name}_*.txt"))))


@needs_corpus
def test_clean_output_of_real_government_pages_cleans_to_itself():
    for page in ("gne__gzggw.html", "gne__shanxi.html", "gne__sxmu.html", "gne__other.html"):
        _assert_fixed_point(clean_file(HTML / page))


def test_an_appended_document_stays_apart_in_the_txt_and_comes_back_as_one():
    doc = clean_text("关于做好暑期安全工作的通知\n各学校：\n请认真做好学生暑期安全教育工作，确保学生平安度过假期。\n"
                     "特此通知。\n××县教育局\n2023年7月1日\n以下内容供参考：\n2023年暑期安全工作总结\n"
                     "今年暑期，全县各学校认真落实安全教育各项要求，没有发生一起学生安全事故。\n")
    kinds = [b.kind for b in doc.blocks]
    assert kinds.count("docbreak") == 1 and kinds.count("title") == 2
    txt = doc.text()
    assert "\n\f\n" in txt  # a page break between the two documents (Word starts a new page there)
    again = clean_text(txt)
    assert _shape(again) == _shape(doc)
    assert [r.rule for r in again.removed] == ["docbreak-form-feed"]


def test_a_lone_form_feed_does_not_invent_a_document_at_the_end():
    doc = clean_text("关于做好暑期安全工作的通知\n请认真做好学生暑期安全教育工作，确保学生平安度过假期。\n\f\n")
    assert [b.kind for b in doc.blocks] == ["title", "paragraph"]


def test_tab_separated_rows_in_a_txt_are_a_table():
    rows = ["指标\t单位\t目标", "家庭医生签约服务\t万人\t12.0", "适龄儿童免疫规划疫苗接种率\t%\t95"]
    doc = clean_text("关于上半年工作情况的报告\n上半年主要指标完成情况如下表。\n" + "\n".join(rows) + "\n下半年将继续努力。\n")
    table = [b for b in doc.blocks if b.style == "tr"]
    assert [b.text for b in table] == rows  # one row per line, cells kept apart by tabs, nothing joined
    assert doc.blocks[-1].text == "下半年将继续努力。"


def test_one_tab_inside_a_sentence_is_not_a_table():
    doc = clean_text("关于上半年工作情况的报告\n上半年我们\t认真落实各项工作，取得了较好成效。\n")
    assert all(b.style != "tr" for b in doc.blocks)


def test_a_paragraph_line_ending_on_a_short_sentence_ends_its_paragraph():
    text = ("产生这些问题的原因，主要是自己学习领会还不够深入，有时满足于完成日常工作。对此，我将认真加以整改。\n"
            "在今后的工作中，我将进一步加强学习，提高政治站位，为推动全县教育高质量发展作出新的贡献。\n")
    assert [b.kind for b in clean_text(text).blocks].count("paragraph") == 2


def test_a_signing_line_in_three_parts_keeps_its_spaces():
    doc = clean_text("师德师风学习心得体会\n通过这次学习，我深深感到，师德不是一时的要求，而是一生的修炼，我将严格要求自己。\n"
                     "××小学 语文教师 ×××\n2023年9月10日\n")
    assert ("signature", "××小学 语文教师 ×××") in _shape(doc)
    _assert_fixed_point(doc)


def test_a_banner_with_spaces_inside_is_still_a_banner():
    doc = clean_text("关于做好暑期安全工作的通知\n请认真做好学生暑期安全教育工作，确保学生平安度过假期。\n"
                     "不往下看了,点击下  载全文)……\n")
    assert all("下载" not in b.text for b in doc.blocks)
    assert any("点击下" in r.text for r in doc.removed)


def test_what_a_later_pass_takes_out_is_recorded_on_its_source_line_and_can_be_restored():
    from core.api import reclean
    from core.model import Overrides
    from core.readers.lines import split_lines

    text = "驻市云图书馆学校比例全省领先。,\n一是大局之变。\n.到文鼎文库首页\n"
    doc = clean_text(text)  # the site line only shows as one once the first two lines are joined
    assert _shape(doc) == [("paragraph", "驻市云图书馆学校比例全省领先。，一是大局之变。")]
    assert doc.blocks[0].lines == [1, 2]  # block lines point at the source, not at the clean text
    [gone] = doc.removed
    assert (gone.line, gone.text) == (3, ".到文鼎文库首页") and gone.rule == "tail-furniture"
    source = Document(source="t.txt")
    source.lines = split_lines(text)
    kept = reclean(doc, source, Overrides(keep_lines={3}))
    assert _shape(kept)[-1] == ("paragraph", ".到文鼎文库首页") and not kept.removed


# issue 17: what HTML and DOCX sources leave in the TXT reads back as the same document

_CONTROL_PAGE = ("<html><head><meta charset='utf-8'><title>通知</title></head><body><div class='article'>"
                 "<h1>关于开展安全检查的通知</h1><p>各单位：</p><p>为切实做好安全生产工作，现将有关事项通知如下。\x1b</p>"
                 "<p>一、检查范围\x01</p><p>\x1b</p><p>全县各乡镇、各部门。\x08</p>"
                 "<table><tr><td>序号</td><td>单位</td><td><table><tr><td>内层一</td><td>内层二</td></tr></table></td></tr>"
                 "<tr><td>1</td><td>县教育局</td><td>已完成</td></tr></table>"
                 "<p>二、工作要求</p><p>各单位要高度重视，认真组织。</p></div></body></html>")


def test_an_html_source_with_control_characters_and_a_nested_table_reads_back_the_same(tmp_path):
    page = tmp_path / "通知.html"
    page.write_text(_CONTROL_PAGE, encoding="utf-8")
    doc = clean_file(page)
    _assert_fixed_point(doc)
    kinds = {b.text: b.kind for b in doc.blocks}
    assert kinds["一、检查范围"] == "heading" and kinds["二、工作要求"] == "heading"  # not merged into a neighbour
    rows = [b.text for b in doc.blocks if b.style == "tr"]
    assert rows == ["序号\t单位\t内层一 内层二", "1\t县教育局\t已完成"]  # the inner table is its cell's text
    import io
    import zipfile
    with zipfile.ZipFile(io.BytesIO(render(doc, "docx"))) as z:
        parts = [z.read(n) for n in z.namelist() if n.endswith(".xml")]
    for out in [render(doc, "txt"), render(doc, "json"), *parts]:
        assert not any(c in out for c in (b"\x1b", b"\x01", b"\x08", b"\\u001b", b"&#27;"))


def _real_paragraphs() -> list[str]:
    """Whole paragraphs (ending a sentence) of every annotated sample: an excerpt cut mid-sentence would run into
    the next paragraph in any plain text."""
    import json
    seen: dict[str, None] = {}
    for gold in sorted((DATA / "samples").glob("*.gold.json")):
        for b in json.loads(gold.read_text(encoding="utf-8"))["blocks"]:
            if b["kind"] == "paragraph" and "\t" not in b["text"] and b["text"].endswith(("。", "！", "？", "；")):
                seen.setdefault(b["text"])
    return list(seen)


def test_a_very_long_docx_reads_back_the_same_from_its_txt(tmp_path):
    import docx
    paras = _real_paragraphs()
    assert len(paras) > 800
    d = docx.Document()
    d.add_paragraph("关于印发2024年工作要点的通知")
    for p in paras:
        d.add_paragraph(p)
    d.save(tmp_path / "长文.docx")
    doc = clean_file(tmp_path / "长文.docx")
    assert len(doc.blocks) > 0.8 * len(paras)  # paragraphs stay paragraphs, none runs into a giant one
    assert max(len(b.text) for b in doc.blocks) < 3 * max(len(p) for p in paras)
    _assert_fixed_point(doc)


def test_a_docx_table_with_a_nested_table_reads_back_the_same(tmp_path):
    import docx
    d = docx.Document()
    d.add_paragraph("关于上半年重点工作进展情况的报告")
    d.add_paragraph("现将上半年重点工作进展情况报告如下。")
    t = d.add_table(rows=3, cols=3)
    for r, row in enumerate([["序号", "项目", "进展"], ["1", "道路改造", "已完工"], ["2", "校舍维修", ""]]):
        for c, v in enumerate(row):
            t.cell(r, c).text = v
    inner = t.cell(2, 2).add_table(rows=1, cols=2)
    inner.cell(0, 0).text, inner.cell(0, 1).text = "主体完工", "待验收"
    d.add_paragraph("下半年我们将继续抓好各项工作落实。")
    d.save(tmp_path / "报告.docx")
    doc = clean_file(tmp_path / "报告.docx")
    assert [b.text for b in doc.blocks if b.style == "tr"] == ["序号\t项目\t进展", "1\t道路改造\t已完工",
                                                               "2\t校舍维修\t主体完工 待验收"]
    _assert_fixed_point(doc)
