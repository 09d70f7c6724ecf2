"""Table rows (style "tr" from the HTML and DOCX readers) through every stage: kept whole, tabs kept,
never joined, never a heading; the caption above a table stays a paragraph."""
from core.model import Document, Line
from core.pipeline import run_stages

PROSE = "上半年，全区卫生健康各项指标总体运行平稳，主要指标完成情况见下表。"
ROWS = ["指标\t单位\t年度目标\t上半年完成", "家庭医生签约服务\t万人\t12.0\t7.1", "基层医疗卫生机构诊疗量占比\t%\t65\t61.8"]
AFTER = "（一）基本公共卫生服务扎实推进。以家庭医生签约服务为抓手，重点人群签约率达到76.4%。"


def _doc() -> Document:
    texts = [("××区卫生健康局关于2023年上半年工作情况的报告", None), ("一、主要工作完成情况", None), (PROSE, None),
             ("2023年上半年主要指标完成情况", None), *((r, "tr") for r in ROWS), (AFTER, None)]
    lines = [Line(t, i + 1, style=s, para=i, bold=t.startswith(("一、", "2023"))) for i, (t, s) in enumerate(texts)]
    return run_stages(Document(source="t.docx", format="docx", lines=lines))


def test_rows_stay_whole_with_their_tabs_and_are_never_headings():
    blocks = _doc().blocks
    rows = [b for b in blocks if "\t" in b.text]
    assert [b.text for b in rows] == ROWS
    assert all(b.kind == "paragraph" for b in rows)


def test_caption_above_a_table_is_a_paragraph_and_text_after_the_table_is_its_own_block():
    blocks = _doc().blocks
    caption = next(b for b in blocks if b.text == "2023年上半年主要指标完成情况")
    assert caption.kind == "paragraph"
    assert blocks[-1].text.startswith("（一）") and blocks[-1].kind == "heading"
