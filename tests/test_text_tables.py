"""Tables in plain text become rows of tab-separated cells (style "tr"), whatever lined them up."""
from core.api import clean_text
from core.readers.lines import split_lines
from core.readers.text_tables import plain_tables

SPACED = """演练按照以下程序进行，具体时间安排如下：
序号  时间            演练内容                                    责任单位
1     14:30—14:35     储罐区巡检人员发现甲醇储罐根部阀门
                      法兰泄漏，立即报告中控室                    生产部巡检班
2     14:35—14:40     中控室启动应急预案，报告应急指挥部，
                      广播发布撤离指令                            中控室
3     14:40—14:55     总指挥宣布应急状态解除                      总指挥
演练结束后，各组要认真总结。
"""


def test_space_aligned_rows_with_wrapped_cells_are_rows_of_cells():
    lines = plain_tables(split_lines(SPACED))
    rows = [ln.text.split("\t") for ln in lines if ln.style == "tr"]
    assert rows[0] == ["序号", "时间", "演练内容", "责任单位"]
    assert rows[1] == ["1", "14:30—14:35", "储罐区巡检人员发现甲醇储罐根部阀门法兰泄漏，立即报告中控室", "生产部巡检班"]
    assert rows[3] == ["3", "14:40—14:55", "总指挥宣布应急状态解除", "总指挥"]
    assert [ln.text for ln in lines if ln.style != "tr"] == ["演练按照以下程序进行，具体时间安排如下：", "演练结束后，各组要认真总结。"]


def test_the_table_survives_cleaning_as_its_own_blocks():
    doc = clean_text("××公司应急演练方案\n" + SPACED)
    rows = [b.text for b in doc.blocks if b.style == "tr"]
    assert len(rows) == 4 and rows[2].endswith("广播发布撤离指令\t中控室")
    assert doc.blocks[-1].text == "演练结束后，各组要认真总结。"


def test_tabs_pressed_twice_to_line_up_a_column_are_one_separator():
    lines = plain_tables(split_lines("5\t15:05—15:15\t医疗救护组现场救治\t\t医疗救护组\n6\t15:15—15:25\t环境监测\t\t安全环保部\t\n"))
    assert [ln.text for ln in lines] == ["5\t15:05—15:15\t医疗救护组现场救治\t医疗救护组", "6\t15:15—15:25\t环境监测\t安全环保部"]


def test_a_sentence_with_double_spaces_and_a_lone_menu_are_no_table():
    lines = plain_tables(split_lines("首页  新闻  通知  公告\n各单位要高度重视，  认真组织，  确保实效。\n"))
    assert all(ln.style != "tr" for ln in lines)
