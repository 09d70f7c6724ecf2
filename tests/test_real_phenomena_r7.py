"""Phenomena of the seventh round of real pages (tests/data/real/round7: city management, grain reserves, supply
co-operatives, petitions, big data, villages, 关工委, state enterprises…), each through the whole pipeline with a
few lines of the page's own text."""
from qg_doc import shape

from core.api import clean_text


def test_a_time_or_a_bracket_does_not_end_a_heading_sentence():
    doc = clean_text("关于召开集团投资企业管理工作会议的通知\n各二级公司:\n为加强集团投资企业管理,现将有关事项通知如下:\n"
                     "一、会议时间:2013年8月13日(星期二)下午2:30\n二、会议地点:新华大厦七楼会议室\n"
                     "(一)集团本部职能部门:总裁办公室、人力资源部、资产财务部、法律审计部(各派1名负责人),投资发展部全体负责人;\n"
                     "(二)请于8月12日(星期一)下午4:30前,将参会人员名单及汇报材料报集团投资部(联系人:李琴;联系电话:84795867)。\n")  # p14
    heads = {b.text: b.body for b in doc.blocks if b.kind == "heading"}
    assert heads["一、会议时间："] == "2013年8月13日（星期二）下午2:30"
    assert heads["（一）集团本部职能部门："].endswith("投资发展部全体负责人；")
    assert "（二）请于8月12日（星期一）下午4:30前，将参会人员名单及汇报材料报集团投资部（联系人：李琴；联系电话：84795867）。" in heads


def test_a_heading_that_ends_on_a_phrase_is_not_cut_before_it():
    doc = clean_text("村两委工作总结\n一、加强学习,提高班子的整体素质\n一是加强理论学习,不断提高思想政治素质。\n"
                     "二、抓经济工作,促各方面全面发展\n一是抓招商引资。二年多来共招企业8户,村实得财力10万多元。\n")  # p09
    assert [b.text for b in doc.blocks if b.kind == "heading"] == ["一、加强学习，提高班子的整体素质", "二、抓经济工作，促各方面全面发展"]


def test_a_long_heading_sentence_that_says_something_reads_on_to_its_full_stop():
    doc = clean_text("按:韩寓群省长到省供销社调研后,各市供销社认真学习贯彻韩寓群省长重要讲话精神,一致表示要进一步明确供销社的定位。\n"
                     "各市供销社认真学习贯彻韩寓群省长重要讲话精神\n"
                     "枣庄市供销社先后两次召开市社党委会议和机关全体人员会议,认真传达学习韩寓群省长重要讲话精神。\n"
                     "一、省领导到供销社调研和座谈,说明全省供销社近几年的工作是卓有成效的,说明了省领导对供销社工作的进一步重视和支持。"
                     "近年来全省供销社系统通过做大量艰苦扎实的工作,取得了明显成效。\n")  # p03
    got = shape(doc)
    assert got[0][0] == "paragraph" and got[0][1].startswith("按：")  # the editor's note stays above the headline
    assert got[1] == ("title", "各市供销社认真学习贯彻韩寓群省长重要讲话精神")
    head = next(b for b in doc.blocks if b.kind == "heading")
    assert head.text.endswith("说明了省领导对供销社工作的进一步重视和支持。") and head.body.startswith("近年来")


def test_a_title_and_the_body_that_issues_it_on_one_line_and_table_borders():
    doc = clean_text("2014年工作情况和2015年工作要点 四川省关心下一代工作委员会\n\n日期:2015-01-01 浏览:777次\n\n"
                     "2014年,在省委、省政府的正确领导下,省关工委率领全省各级关工委深入学习贯彻党的十八大精神。\n")  # p10
    assert shape(doc)[:2] == [("title", "2014年工作情况和2015年工作要点"), ("byline", "四川省关心下一代工作委员会")]
    doc = clean_text("温州市大数据发展管理局2022年工作总结和2023年工作思路| ||||\n| ||||\n"
                     "今年以来,市大数据局认真学习领会习近平总书记关于数字化改革的重要论述精神。\n")  # p07
    assert shape(doc)[0] == ("title", "温州市大数据发展管理局2022年工作总结和2023年工作思路")
    assert [r.rule for r in doc.removed].count("inline-table-border") == 2


def test_the_last_short_line_of_a_copy_cut_mid_sentence_is_text_not_furniture():
    doc = clean_text("第一,坚决扛起保障粮食安全的重大政治责任。\n习近平总书记始终把老百姓“米袋子”牵挂在心,多\n"
                     "次就粮食生产、保供稳价等作出重要批示指示,把保粮食\n能源安全作为“六\n")  # p02
    assert doc.blocks[1].text.endswith("把保粮食能源安全作为“六") and doc.blocks[-1].kind == "gap"
