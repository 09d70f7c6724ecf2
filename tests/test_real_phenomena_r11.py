"""Phenomena of the eleventh round of real pages (tests/data/real/round11: official documents on government sites —
通知 issuing a guide or a plan, 通报, 会议规则 — and doc-share pages of speeches and plans), each through the whole
pipeline with a few lines of the page's own text."""
from qg_doc import shape
from qg_paths import DATA

from core.api import clean_text

ROUND11 = DATA / "real" / "round11"


def test_an_unlabelled_contents_list_of_a_decimal_outline_goes_and_the_plan_starts_at_its_first_head():
    doc = clean_text((ROUND11 / "p02.txt").read_text(encoding="utf-8"))  # the notice, then "总则" "1.1 编制目的" … "8 附则"
    heads = [(b.text, b.level) for b in doc.blocks if b.kind == "heading"]
    assert heads == [("1总则", 1), ("1.1编制目的", 2), ("1.2编制依据", 2)]  # (the excerpt stops in 1.2: the list is gone)
    assert sum(r.rule == "contents-list" for r in doc.removed) >= 30


def test_a_long_addressee_and_the_guide_a_joint_notice_issues_after_its_date():
    doc = clean_text((ROUND11 / "p01.txt").read_text(encoding="utf-8"))
    kinds = [b.kind for b in doc.blocks]
    assert kinds[:6] == ["title", "salutation", "paragraph", "signature", "date", "docbreak"]
    assert doc.blocks[6].text == "一、市级民办非企业登记办事指南"


def test_a_portals_archive_stamp_and_eye_care_switch_go_and_the_number_after_the_title_is_a_byline():
    doc = clean_text("归档时间:2018-11-21\n当前位置: 首页 > 政务公开 > 政务公开工作要点\n"
                     "中共岳阳市委办公室岳阳市人民政府办公室印发《关于全面推进政务公开工作的实施意见》的通知(岳办发〔2017〕2号)\n"
                     "来源:岳阳市政府门户网 日期:2017-01-12 17:08 字号:【\n视力保护色:\n浏览量:\n"
                     "各县市区委、人民政府,岳阳经济技术开发区、城陵矶新港区、南湖新区,市直各单位:\n"
                     "《关于全面推进政务公开工作的实施意见》已经市委、市人民政府同意,现印发给你们,请认真贯彻落实。\n")  # p03
    assert shape(doc)[:2] == [("title", "中共岳阳市委办公室岳阳市人民政府办公室印发《关于全面推进政务公开工作的实施意见》的通知"),
                               ("byline", "（岳办发〔2017〕2号）")]
    assert doc.blocks[2].kind == "salutation"


def test_a_short_collapsed_excerpt_whose_head_was_glued_together_is_split_at_its_markers():
    doc = clean_text((ROUND11 / "p08.txt").read_text(encoding="utf-8"))  # 338 characters: title, speaker, day, text
    assert ("heading", "一、研判形势，高度重视森林防火工作") in shape(doc)
    assert not [b for b in doc.blocks if "付费下载" in b.text or "违规" in b.text or b.text.startswith("确认删除")]
    assert doc.blocks[-1].kind == "gap"


def test_a_place_named_with_numbers_is_no_heading():
    doc = clean_text("植树节活动方案\n四、活动时间:\n三月十四日中午12:00-13:30\n五、活动地点:\n一、二食堂前\n"
                     "六、活动宣扬:\n利用学校宣扬栏进展宣扬告知大家将不用的废旧书籍捐出来。\n")  # p12
    assert ("paragraph", "一、二食堂前") in shape(doc)
    assert [b.text[:2] for b in doc.blocks if b.kind == "heading"] == ["四、", "五、", "六、"]


def test_the_headline_again_with_the_salutation_glued_on_gives_title_and_salutation():
    doc = clean_text("2025年秋季开学第一次全体教师大会,校长讲话:在时光深处,为教育留一盏灯!\n\n"
                     "2025年秋季开学第一次全体教师大会,校长讲话:在时光深处,为教育留一盏灯!各位老师:\n\n"
                     "今天是开学前的第一次正式大会。天还没转凉,讲桌上已经摞起了新教辅,课表也贴在了办公室门后的玻璃上。\n\n"
                     "我们又站到了起点线上。\n")  # p09
    assert shape(doc)[:2] == [("title", "2025年秋季开学第一次全体教师大会，校长讲话：在时光深处，为教育留一盏灯！"),
                               ("salutation", "各位老师：")]


def test_a_heading_run_into_the_speakers_we_is_cut_before_it():
    doc = clean_text("校长讲话\n各位老师:\n今天,咱们不打官腔、不绕圈子,好好唠一唠。\n"
                     "一、熬得住,是对信念最朴素的坚持我们每一位老师,都是熬过来的。\n熬过了深夜备课的疲惫,熬过了期末批卷的煎熬。\n")  # p09
    assert ("heading", "一、熬得住，是对信念最朴素的坚持") in shape(doc)
    assert "我们每一位老师，都是熬过来的。" in [b.body or b.text for b in doc.blocks]
    whole = clean_text("校长讲话\n各位老师:\n今天,咱们好好唠一唠。\n一、让我们携手共进\n熬过了深夜备课的疲惫,熬过了期末批卷的煎熬。\n")
    assert ("heading", "一、让我们携手共进") in shape(whole)  # ("让我们…" is the heading's own words)


def test_a_damaged_document_number_is_a_byline_and_a_note_may_stand_between_signature_and_date():
    doc = clean_text("牟定县人民政府办公室关于印发牟定县突发环境事件应急预案的通知\n牟政办发〔201746\n各乡镇人民政府,县级有关部门:\n"
                     "经县人民政府同意,现将《牟定县突发环境事件应急预案》印发给你们,请认真贯彻执行。\n牟定县人民政府办公室\n"
                     "(此件公开发布)\n2017年6月23日\n")  # p02 (its date made whole)
    assert [b.kind for b in doc.blocks] == ["title", "byline", "salutation", "paragraph", "signature", "paragraph", "date"]


def test_a_heading_run_into_a_sentence_that_opens_on_a_quoted_name_is_cut_before_the_quote():
    doc = clean_text("乡镇清洁城乡活动进展工作情况汇报\n一、建设情况\n为顺利推进此项工作,我镇成立了以镇长为组长的领导小组。\n"
                     "二、宣传发动情况“清洁城乡”活动主战场在农村,依托的力量是广大农民群众。\n")  # p14
    assert ("heading", "二、宣传发动情况") in shape(doc)
    assert "“清洁城乡”活动主战场在农村，依托的力量是广大农民群众。" in [b.body or b.text for b in doc.blocks]
    named = clean_text("活动方案\n一、开展“清洁城乡”活动\n全镇上下积极参与,成效明显。\n")
    assert ("heading", "一、开展“清洁城乡”活动") in shape(named)  # (a quoted name inside the heading stays in it)
