"""Phenomena of the fifth round of real pages (tests/data/real/round5: streets, veterans, ethnic affairs, meteorology,
tourism, CPPCC pages), each through the whole pipeline with a few lines of the page's own text."""
from pathlib import Path

from qg_doc import shape

from core.api import clean_text

ROUND5 = Path(__file__).parent / "data" / "real" / "round5"


def test_a_shared_files_stamped_ad_goes_from_the_title_and_from_inside_sentences():
    ad = "体制人的免费资料库 --微信搜索公众号“暗狗 Lite”,或添加 VX:15202926937"
    doc = clean_text(f"{ad}社区居民委员会换届选举工作实施方案\n"
                     f"(一)成立社区换届选举工作领导小组。县委、政府成立以{ad}主管领导为正、负组长,相关部门、镇党委、"
                     "政府负责人为成员的领导小组,全面负责换届选举工作。\n")
    assert doc.blocks[0].kind == "title" and doc.blocks[0].text == "社区居民委员会换届选举工作实施方案"
    assert "县委、政府成立以主管领导为正、负组长" in doc.blocks[1].body
    assert [r.rule for r in doc.removed].count("inline-wechat-ad") == 2


def test_a_list_inside_a_sentence_stays_in_a_page_that_kept_its_line_breaks_as_spaces():
    text = (ROUND5 / "p02.txt").read_text(encoding="utf-8")
    doc = clean_text(text)
    item = next(b for b in doc.blocks if "履行以下职责" in (b.body or b.text))
    assert "职责：1、宣传社区居民委员会换届选举有关法律、法规及政策；2、制定" in item.body  # the list stays in its sentence
    heads = [b.text for b in doc.blocks if b.kind == "heading"]
    assert heads[:2] == ["一、指导思想", "二、成立社区居委会换届选举组织机构"]  # the breaks kept as spaces still split


def test_the_issuers_set_over_a_title_opening_with_guanyu_are_part_of_the_title():
    doc = clean_text("  【样本1】\n\n  中共二七新村街道党工委\n\n  二七新村街道办事处\n\n  关于社区党组织和第八届社区居民委员会\n\n"
                     "  换届选举工作的实施方案\n\n  二七发【2011】11号\n\n"
                     "  按照《区委办和区政府办关于做好社区党组织和第八届社区居民委员会换届选举工作的意见》(市中办发【2011】9号)要求。"
                     "依据《中华人民共和国城市居民委员会组织法》,结合我街道实际,制定本实施方案。\n")
    assert shape(doc)[:2] == [
        ("title", "中共二七新村街道党工委二七新村街道办事处关于社区党组织和第八届社区居民委员会换届选举工作的实施方案"),
        ("byline", "二七发【2011】11号")]


def test_bodies_under_someone_address_the_notice():
    doc = clean_text("关于印发《青海省民族宗教事务委员会主管社会组织管理办法》的通知\n机关各处室、委属各单位,委主管各社会组织:\n"
                     "《青海省民族宗教事务委员会主管社会组织管理办法》已经省民宗委2025年第5次党组会议审议通过,现印发给你们,请认真遵照执行。\n")
    assert doc.blocks[1].kind == "salutation" and doc.blocks[1].text == "机关各处室、委属各单位，委主管各社会组织："


def test_a_greeting_after_the_salutation_opens_the_text():
    doc = clean_text("中国旅游日宣传启动仪式讲话\n\n各位领导,市民朋友们:大家上午好!\n\n"
                     "在这阳光明媚的日子里,我们怀着无比激动的心情迎来了首个中国旅游日。\n")
    assert shape(doc) == [("title", "中国旅游日宣传启动仪式讲话"), ("salutation", "各位领导，市民朋友们："),
                           ("paragraph", "大家上午好！"),
                           ("paragraph", "在这阳光明媚的日子里，我们怀着无比激动的心情迎来了首个中国旅游日。")]


def test_a_report_title_over_three_lines_under_its_headline_and_the_speakers_spaced_name():
    doc = clean_text("中国人民政治协商会议常宁市第十一届委员会常务委员会工作报告\n\n"
                     "来源:中国人民政治协商会议常宁市委员会     时间:2025-03-05 10:02:28\n\n"
                     "中国人民政治协商会议\n\n常宁市第十一届委员会常务委员会\n\n工 作 报 告\n\n"
                     "—在3月2日政协常宁市第十一届委员会第五次会议上\n\n段  鸣\n\n各位委员、同志们:\n\n"
                     "我代表政协常宁市第十一届委员会常务委员会,向大会报告工作,请予审议,并请列席会议的同志提出意见。\n")
    assert shape(doc)[:4] == [("title", "中国人民政治协商会议常宁市第十一届委员会常务委员会工作报告"),
                               ("subtitle", "—在3月2日政协常宁市第十一届委员会第五次会议上"), ("byline", "段鸣"),
                               ("salutation", "各位委员、同志们：")]
    assert any(r.rule == "meta-strong" and r.text.startswith("来源") for r in doc.removed)


def test_the_uploaders_line_does_not_join_the_title():
    doc = clean_text("用户头像\n欲言无词 上传于:2024-05-25\n民族团结进步创建活动情况的汇报 按照中央宣传部、中央统战部、国家民委"
                     "《关于进一步开展民族团结进步创建活动的意见》精神,我县认真开展民族团结进步创建活动。\n")
    assert doc.blocks[0].kind == "title" and doc.blocks[0].text == "民族团结进步创建活动情况的汇报"


def test_a_doc_share_pages_file_rows_and_disclaimer_go_and_a_heading_before_a_year_is_split():
    doc = clean_text((ROUND5 / "p08.txt").read_text(encoding="utf-8"))
    assert doc.blocks[0].kind == "title" and doc.blocks[0].text == "气象局年度工作总结和来年工作思路"
    assert {"docshare-meta-row", "docshare-notice"} <= {r.rule for r in doc.removed}
    i = next(i for i, b in enumerate(doc.blocks) if b.text.startswith("一、"))
    assert doc.blocks[i].text == "一、全力以赴做好各项气象服务工作" and doc.blocks[i + 1].text.startswith("20xx年，我县气候")


def test_shown_count_before_the_whole_gives_the_gap():
    doc = clean_text("一、当前进展情况\nx镇政务信息公开领导小组与工作小组,下设办公室(设在镇党政办),配有x名专职工作人员与x名兼职工作人员,"
                     "组织机构与人员设\n仅展示327字,全文共616字\n")
    gaps = [b for b in doc.blocks if b.kind == "gap"]
    assert len(gaps) == 1 and gaps[0].omitted_chars == 616 - 327
