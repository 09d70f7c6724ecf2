"""Phenomena of the ninth round of real pages (tests/data/real/round9: banks, a chamber of commerce, hospitals,
安全生产月, 供热; 主题教育, a town's government work report, 巡察整改, 党课, 审计整改, 调研报告), each through the
whole pipeline with a few lines of the page's own text."""
from qg_doc import shape
from qg_paths import DATA

from core.api import clean_text

ROUND9 = DATA / "real" / "round9"


def test_a_doc_share_pages_numbered_terms_and_its_badged_file_name_go():
    doc = clean_text("2024年”安全生产月“活动计划.pdfVIP\n\n  1. 1、本文档共4页,可阅读全部内容。\n"
                     "  2. 2、有哪些信誉好的足球投注网站(book118)网站文档一经付费(服务费),不意味着购买了该文档的版权,仅供个人/单位学习、研究之用。\n"
                     "  5. 5、该文档为VIP文档,如果想要下载,成为VIP会员后,下载免费。\n"
                     "  7. 7、成为VIP后,您将拥有八大权益,权益包括:VIP文档下载权益、阅读免打扰、文档格式转换、高级专利检索。\n查看更多\n\n"
                     "2024年“安全生产月”活动计划\n\n一、活动背景和目的\n\n近年来,由于各种原因,事故频频发生,给社会造成了巨大的财产和人员伤亡。\n")  # p06
    assert shape(doc)[:2] == [("title", "2024年“安全生产月”活动计划"), ("heading", "一、活动背景和目的")]
    assert {r.rule for r in doc.removed} >= {"docshare-terms", "docshare-filename"}


def test_a_breadcrumb_that_says_your_current_place_goes():
    doc = clean_text((ROUND9 / "p11.txt").read_text(encoding="utf-8"))  # "您的当前位置: 77范文网 > 范文大全 > …"
    assert shape(doc)[0] == ("title", "专题党课：从党史中汲取智慧和力量全力推进乡村振兴")
    assert any(r.rule == "nav-path" or r.text.startswith("您的当前位置") for r in doc.removed)


def test_a_sample_label_whose_keyword_holds_a_comma_and_a_blank_date_under_the_title():
    doc = clean_text("乡镇人大会,政府工作报告\n\n| 报告 |\n\n【www.guakaob.com--报告】\n\n篇一:乡镇人大会,政府工作报告\n"
                     "镇人代会政府工作报告\n\nXX镇政府工作报告\n\n2014年 月 日\n\n镇长 XX\n\n各位代表:\n\n"
                     "我代表镇人民政府,向大会报告工作,请予审查,并请镇政协委员提出意见。\n")  # p09
    assert shape(doc)[:4] == [("title", "XX镇政府工作报告"), ("byline", "2014年月日"), ("byline", "镇长 XX"),
                               ("salutation", "各位代表：")]


def test_a_government_pages_bulleted_headline_is_the_title_and_its_read_aloud_button_goes():
    doc = clean_text((ROUND9 / "p10.txt").read_text(encoding="utf-8"))  # a field table of bullets, then "• 中共…的通报"
    assert shape(doc)[0] == ("title", "中共金华市婺城区文化和旅游体育局党组关于巡察整改情况的通报")
    assert ("•", "nav-bullet") in {(r.text, r.rule) for r in doc.removed}
    assert "朗读" not in [b.text for b in doc.blocks]


def test_a_collapsed_collection_gives_its_first_samples_title_from_its_label():
    doc = clean_text((ROUND9 / "p07.txt").read_text(encoding="utf-8"))  # "…范文(精选3篇)…范文篇1供暖问题是…"
    assert shape(doc)[0] == ("title", "城市供热情况汇报")
    assert doc.blocks[1].text.startswith("供暖问题是关系到老百姓切身利益的重大民生问题")


def test_a_title_that_opens_like_a_sentence_is_cut_off_the_clause_it_runs_into():
    doc = clean_text((ROUND9 / "p13.txt").read_text(encoding="utf-8"))  # "严格规范…调研报告党支部组织生活是实现…"
    assert shape(doc)[0] == ("title", "严格规范党内组织生活调研报告")
    assert doc.blocks[1].text.startswith("党支部组织生活是实现党内生活正常化的根本保证")
    # a sentence that merely holds a document's name goes on as it is
    plain = clean_text("认真落实年度工作方案是各单位的重要任务,要结合实际抓好落实,确保各项工作取得实效。\n" * 2)
    assert plain.blocks[0].kind == "paragraph" and plain.blocks[0].text.startswith("认真落实年度工作方案是")


def test_a_dated_occasion_line_is_a_subtitle_and_a_former_officials_line_a_byline():
    doc = clean_text("2018年11月22日在慈溪市十七届人大常委会第十六次会议上\n市审计局局长 俞金华\n主任、各位副主任、各位委员:\n"
                     "我受市人民政府委托,向市人大常委会报告我市2017年度本级预算执行和其他财政收支审计查出问题的整改情况,请予审议。\n")  # p12
    assert shape(doc)[:3] == [("subtitle", "2018年11月22日在慈溪市十七届人大常委会第十六次会议上"),
                               ("byline", "市审计局局长 俞金华"), ("salutation", "主任、各位副主任、各位委员：")]
    doc = clean_text("在山东省徐州商会成立大会上的讲话\n\n山东省政协原副主席李德强\n\n(2020年10月24日)\n\n各位领导、各位嘉宾、各位会员:\n"
                     "大家上午好!非常高兴参加今天的活动,多年以来,我们江苏省徐州市的企业家在山东发展。\n")  # p02
    assert shape(doc)[:3] == [("title", "在山东省徐州商会成立大会上的讲话"), ("byline", "山东省政协原副主席李德强"),
                               ("byline", "（2020年10月24日）")]
