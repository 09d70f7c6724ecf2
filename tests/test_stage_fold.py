"""fold alone: look-alike characters become ordinary ones before any rule reads the line."""
from core.model import Document
from core.readers.lines import split_lines
from core.stages import fold


def _fold(text: str) -> Document:
    return fold.run(Document(source="t.txt", lines=split_lines(text)))


def test_kangxi_radicals_and_full_width_digits_fold_and_are_counted():
    doc = _fold("⼀、从党的百年奋斗中汲取⼒量\n全县２０２３年完成ＡＢ类项目１２个\u200b。\n")
    assert [ln.text for ln in doc.lines] == ["一、从党的百年奋斗中汲取力量", "全县2023年完成AB类项目12个。"]
    assert {c.detail.split(":")[0] for c in doc.changes} == {"look-alike characters", "full-width letters/digits"}


def test_spacing_is_left_for_reflow_and_tables():
    doc = _fold("　　全面加强党的建设\t2023\n")
    assert doc.lines[0].text == "全面加强党的建设\t2023" and doc.lines[0].indent == 2 and not doc.changes


def test_a_radical_marker_is_a_heading_after_the_whole_pipeline():
    from core.api import clean_text
    doc = clean_text("⼀、从党的百年奋斗中汲取⼒量\n我们党一百多年来团结带领人民，书写了中华民族几千年历史上最恢宏的史诗。\n"
                     "⼆、坚定理想信念\n理想信念是共产党人精神上的钙，必须常修常炼，补足精神之钙，筑牢思想之基。\n")
    assert [b.text for b in doc.blocks if b.kind == "heading"] == ["一、从党的百年奋斗中汲取力量", "二、坚定理想信念"]
