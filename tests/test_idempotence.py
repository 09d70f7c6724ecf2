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
