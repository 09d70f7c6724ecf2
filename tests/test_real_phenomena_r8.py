"""Phenomena of the eighth round of real pages (tests/data/real/round8: 垃圾分类, 驻村, 创文创卫, 河长制, 人口普查,
双拥, and school pages: 党委书记's speech, 校园安全预案, 家长会, 毕业典礼, 班主任总结), each through the whole pipeline
with a few lines of the page's own text."""
from qg_doc import shape
from qg_paths import DATA

from core.api import clean_text

ROUND8 = DATA / "real" / "round8"


def test_a_sentence_begun_after_a_full_stop_and_cut_off_ends_with_a_gap():
    doc = clean_text("湖里区生活垃圾分类和减量工作实施方案\n二、基本原则\n"
                     "政府主导,社会参与。按照“共同缔造”理念,加强政策引导,充分发挥市场在生活垃圾分类收集、转运、处理中的作用。\n\n"
                     "  科学筹划,周密安排。统\n")  # p01
    assert shape(doc)[-2:] == [("paragraph", "科学筹划，周密安排。统"), ("gap", "")]
    whole = clean_text("关于召开会议的通知\n各科室:\n定于明日召开全体会议,请准时参加。\n特此通知。联系人:张三\n")
    assert whole.blocks[-1].kind != "gap"  # a label after a full stop is no sentence under way


def test_a_collection_lead_in_naming_the_site_goes_and_the_sample_label_gives_the_title():
    doc = clean_text("请欣赏驻村书记述职报告(精选6篇),由笔构网整理,希望能够帮助到大家。\n驻村书记述职报告 篇1\n"
                     "后寨子村位于张汪镇北部,交通便利,但是村集体经济一直较弱;个体经济发展一般。现将一年来的工作汇报如下:\n"
                     "一、工作开展情况\n")  # p02
    assert shape(doc)[0] == ("title", "驻村书记述职报告")
    assert any(r.rule == "leadin-editor" and r.text.startswith("请欣赏") for r in doc.removed)
    speech = clean_text("在全县教育大会上的讲话\n同志们:\n我们希望能够帮助到大家解决实际困难,把好事办实。\n")
    assert "我们希望能够帮助到大家解决实际困难，把好事办实。" in speech.text()  # a speaker's wish is no site talk


def test_a_stray_full_stop_after_a_salutations_colon_goes():
    doc = clean_text("创建全国文明城市动员大会上的讲话稿\n同志们:。\n今天,市委市政府召开这次动员大会,目的就是对创建全国文明城市来一次大发动。\n")  # p03
    assert shape(doc)[1] == ("salutation", "同志们：")


def test_a_short_line_that_stops_on_shi_goes_on_into_the_next():
    doc = clean_text("人口普查工作实施\n方案\n二、普查工作的组织领导和职责\n开展全镇第六次全国人口普查,是\n一项重要的政府行政行为。\n"
                     "这次普查是\n一次重要的大规模人口调查,需要强有\n力的领导、广泛的社会动员、有关部门\n的密切配合。\n")  # p05
    assert "这次普查是一次重要的大规模人口调查，需要强有力的领导、广泛的社会动员、有关部门的密切配合。" in [b.text for b in doc.blocks]
    assert not [b for b in doc.blocks if b.kind == "heading" and b.text.startswith("这次")]


def test_a_hidden_text_banner_inside_a_paragraph_keeps_the_text_on_both_sides():
    doc = clean_text("高校党委书记在全校教师干部大会上的讲话\n尊敬的**部长,各位老师、各位同事:\n"
                     "    刚才**部长都对**校长的办学理念和治校成就予以高度肯定,**校长的发言高瞻远瞩,感人至深。**校长认真落实党委领导下的"
                     "校长负责制,在**大学校史上......此处隐藏1268字,下载文档可见......对学校党的工作和各项事业的发展都提出了更高的要求和希望。"
                     "**校长的履新讲话站位很高,立意很深,令人深受鼓舞。\n")  # p08
    got = shape(doc)
    gap = next(b for b in doc.blocks if b.kind == "gap")
    assert gap.omitted_chars == 1268
    assert got[2][1].endswith("在**大学校史上") and got[4][1].startswith("对学校党的工作")


def test_a_decimal_outline_whose_numbers_touch_their_words_starts_at_its_first_head():
    doc = clean_text("华池县校园安全事件应急预案\n1 总则\n1.1 编制目的\n为有效预防、及时控制和妥善处置校园安全事件,确保学校师生员工的生命与财产安全,"
                     "制定本预案。\n1.2 编制依据\n依据《国家突发公共事件总体应急预案》等,制定本预案。\n")  # p09
    assert [(b.text, b.level) for b in doc.blocks if b.kind == "heading"] == [("1总则", 1), ("1.1编制目的", 2), ("1.2编制依据", 2)]


def test_a_count_set_apart_between_its_clause_and_its_unit_is_joined_and_a_ranking_list_goes():
    doc = clean_text("幼儿园安全应急预案\n\n(六)其它不可预见的事故。\n\n以上事故,团体受伤害\n\n3\n\n人以上视情况启动该预案。\n\n"
                     "二、指导思想\n\n在市县教育局的统一领导下,维护广大师生员工的生命安全。\n热门排行: 2016拜年词 好词\n")  # p10
    texts = [b.text for b in doc.blocks]
    assert "以上事故，团体受伤害3人以上视情况启动该预案。" in texts
    assert not [t for t in texts if "热门排行" in t]


def test_a_collection_headline_counting_its_samples_goes_and_a_label_glued_to_the_salutation_comes_off():
    doc = clean_text("家校共育家长会发言稿7篇\n在学习、工作生活中,发言稿在我们的视野里出现的频率越来越高。下面是小编整理的家校共育家长会发言稿,"
                     "仅供参考,大家一起来看看吧。\n家校共育家长会发言稿1尊敬的各位家长朋友:\n"
                     "大家下午好!在这激情似火、盛世如歌的日子里,很高兴和您相会在美丽的xx一中学校园。\n")  # p11
    assert shape(doc)[:2] == [("title", "家校共育家长会发言稿"), ("salutation", "尊敬的各位家长朋友：")]


def test_a_member_pages_length_notice_under_part_of_the_text_is_a_gap_and_the_comments_go():
    doc = clean_text("院长在学院毕业典礼暨学位授予仪式上的讲话\n亲爱的同学们:\n"
                     "我们终于如愿以偿地相聚在这里,为2022年毕业的全体学子举行隆重的毕业典礼和学位授予仪式。\n\n"
                     "【文章共4656字,范文学习借鉴,请勿直接抄袭】\n\n  • 我要加入会员\n\n    用户评论\n\n"
                     "    (以下评论仅代表网友意见,与本站立场无关)\n")  # p12
    assert shape(doc)[-1] == ("gap", "") and doc.blocks[-1].omitted_chars is None
    assert not [b for b in doc.blocks if "评论" in b.text]


def test_a_list_restarts_after_an_item_whose_text_ends_on_a_lead_in():
    doc = clean_text((ROUND8 / "p14.txt").read_text(encoding="utf-8"))  # the page collapsed onto one line
    lead = next(b for b in doc.blocks if (b.body or "").endswith("成员职责："))
    after = doc.blocks[doc.blocks.index(lead) + 1:][:2]
    assert [(b.level, b.text[:3]) for b in after] == [(4, "（1）"), (4, "（2）")]  # a new list, not （4）（5）


def test_a_category_and_its_view_count_go():
    doc = clean_text("位置:首页 > 书信 > 倡议书\n\n创建国家卫生城市倡议书\n\n倡议书2.99W\n亲爱的老师、同学们:\n"
                     "创建国家卫生城市,是市委、市政府作出的重大决策部署,具有重大而深远的意义。\n")  # p06
    assert shape(doc)[:2] == [("title", "创建国家卫生城市倡议书"), ("salutation", "亲爱的老师、同学们：")]


def test_the_file_name_a_doc_share_notice_gives_is_the_title_glued_to_the_text():
    doc = clean_text((ROUND8 / "p07.txt").read_text(encoding="utf-8"))  # notice, then chunks "1、" "2、" "3、"
    assert shape(doc)[0] == ("title", "2023年乡镇双拥工作总结参考")
    assert doc.blocks[1].text.startswith("_2023_年，我镇双拥工作")
