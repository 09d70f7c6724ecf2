"""cut_end alone, on the ends real excerpts have: a text that stops mid-sentence ends with a gap of unknown size;
a text that reached its closing does not."""
import pytest

from core.model import Block, Document
from core.stages import cut_end


def _doc(*blocks: tuple) -> Document:
    doc = Document(source="x.txt")
    for k, (kind, text, *rest) in enumerate(blocks, 1):
        doc.blocks.append(Block(kind, text, level=rest[0] if rest else None, body=rest[1] if len(rest) > 1 else None,
                                lines=[k]))
    return doc


def _ends_with_gap(doc: Document) -> bool:
    out = cut_end.run(doc)
    return out.blocks[-1].kind == "gap" and out.blocks[-1].omitted_chars is None


@pytest.mark.parametrize("last", [
    ("paragraph", "今年，济宁市被确定为代表山东省参与国家营商环境评价的4市1区之一，“4市1区”的平均成绩将计"),
    ("paragraph", "贯彻落实好此次会议精神，我再强调三点要求："),  # a colon: what it announces is missing
    ("heading", "一、不要放弃，只有上学才有出路。", 1, "我们生在农村，不上学，只能打工，说什么也不上"),
    ("heading", "二、活动参与对", 1),  # a section head cut inside its own words
    ("heading", "五、会议要求", 1),  # a section head with nothing under it
    ("date", "20xx年x月x"),  # the date itself was cut
    ("heading", "（四）验收阶段（12月21日-12月31日）。", 2, "县综治办会同县工商等部门"),
])
def test_a_text_that_stops_short_ends_with_a_gap(last):
    doc = _doc(("title", "2024年镇委政策大宣讲工作方案"), ("paragraph", "为做好宣讲工作，特制定本方案。"), last)
    assert _ends_with_gap(doc)
    assert doc.blocks[-1].lines == [3]  # the clerk is shown where the text stopped


@pytest.mark.parametrize("last", [
    ("paragraph", "特此通知。"),
    ("date", "2019年5月21日"),
    ("date", "2018.06.15"),
    ("date", "二0一九年一月八日"),
    ("signature", "申请人：怀城镇高龙村龙塘组"),
    ("paragraph", "此致敬礼"),
    ("paragraph", "（此件公开发布）"),
    ("paragraph", "××县人民政府办公室2023年5月6日印发"),
    ("paragraph", "××乡××村村民委员会"),
    ("heading", "3.参加职工迎春联欢会部分演出人员可列席会议。", 3),  # a one-sentence item
    ("gap", ""),  # a banner's gap already says it
])
def test_a_text_that_reached_its_end_gets_no_gap(last):
    doc = _doc(("title", "关于召开工作会议的通知"), ("paragraph", "经研究，决定召开管理处工作会议。"), last)
    n = len(doc.blocks)
    assert len(cut_end.run(doc).blocks) == n


def test_only_the_end_of_the_input_counts():
    doc = _doc(("paragraph", "第一篇文字写到这里就断了，后面"), ("docbreak", ""), ("title", "第二篇"),
               ("paragraph", "第二篇写完了。"))
    assert [b.kind for b in cut_end.run(doc).blocks] == ["paragraph", "docbreak", "title", "paragraph"]
