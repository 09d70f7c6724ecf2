"""Phenomena of the sixth round of real pages (tests/data/real/round6: civil affairs, tax, procuratorates, medical
insurance, police, archives…), each through the whole pipeline with a few lines of the page's own text."""
from qg_doc import shape

from core.api import clean_text


def test_a_sample_label_in_corner_brackets_and_the_sites_sample_word_come_off_the_title():
    doc = clean_text("民政年度工作总结范文 『范文1』\n今年以来我局牢牢把握市局提出的重点工作思路,紧扣县委县政府中心工作,"
                     "各项工作有序推进,现就一年来的工作进行全面总结。\n一、深化养老服务体系改革\n")  # p01
    assert doc.blocks[0].kind == "title" and doc.blocks[0].text == "民政年度工作总结"
    assert {"collection-label", "title-sample-word"} <= {r.rule for r in doc.removed}
    kept = clean_text("小学春季运动会方案模板\n一、活动目的\n为丰富校园文化生活，增强学生体质，特举办春季运动会。\n")
    assert kept.blocks[0].text == "小学春季运动会方案模板"  # a template is what the document is (round1 p12)


def test_a_document_number_glued_to_its_date_makes_two_bylines_and_tag_lines_go():
    doc = clean_text("当前位置:税网首页 >> 税收法规>> 年度文件\n\n国家税务总局\n关于开展第28个全国税收宣传月活动的通知\n"
                     "税总函〔2019〕85号2019年3月18日\n\n【税务总局】\n【2019】\n【工作】\n\n\n"
                     "国家税务总局各省、自治区、直辖市和计划单列市税务局,局内各单位:\n\n"
                     "  为全面贯彻党的十九大和十九届二中、三中全会精神,深入开展第28个全国税收宣传月活动,现将有关事项通知如下。\n")  # p03
    assert shape(doc)[:4] == [("title", "国家税务总局关于开展第28个全国税收宣传月活动的通知"), ("byline", "税总函〔2019〕85号"),
                               ("byline", "2019年3月18日"),
                               ("salutation", "国家税务总局各省、自治区、直辖市和计划单列市税务局，局内各单位：")]
    assert [r.text for r in doc.removed if r.rule == "tag-lines"] == ["【税务总局】", "【2019】", "【工作】"]


def test_the_office_post_and_name_under_a_report_title_is_a_byline():
    doc = clean_text("甘肃省人民检察院工作报告\n——2022年1月18日在甘肃省第十三届人民代表大会第六次会议上\n甘肃省人民检察院检察长朱玉\n"
                     "各位代表:\n现在,我代表省人民检察院向大会报告工作,请予审议,并请省政协各位委员提出意见。\n")  # p07
    assert [k for k, _ in shape(doc)[:4]] == ["title", "subtitle", "byline", "salutation"]


def test_joint_issuers_open_the_title_and_sign_on_one_line():
    doc = clean_text("《西乡县“十四五”医疗保障事业发展规划》\n\n西乡县医疗保障局  西乡县发展和改革局\n\n"
                     "关于印发《西乡县“十四五”医疗保障事业发展\n\n规划》的通知\n\n各镇人民政府,城北、城南街道办事处,县政府各部门:\n\n"
                     "现将《西乡县“十四五”医疗保障事业发展规划》予以印发,请认真贯彻执行。\n\n"
                     "西乡县医疗保障局          西乡县发展和改革局\n\n                          2021年12月30日\n\n\n\n"
                     "西乡县“十四五”医疗保障事业发展规划\n\n“十四五”时期是我县建成小康社会的巩固时期和全面深化改革的攻坚阶段。\n")  # p08
    assert shape(doc)[:6] == [
        ("title", "西乡县医疗保障局 西乡县发展和改革局关于印发《西乡县“十四五”医疗保障事业发展规划》的通知"),
        ("salutation", "各镇人民政府，城北、城南街道办事处，县政府各部门："),
        ("paragraph", "现将《西乡县“十四五”医疗保障事业发展规划》予以印发，请认真贯彻执行。"),
        ("signature", "西乡县医疗保障局 西乡县发展和改革局"), ("date", "2021年12月30日"), ("docbreak", "")]


def test_a_whole_bracketed_label_and_a_marker_shaped_sample_number_give_the_title():
    doc = clean_text("2017国土局地质灾害防治方案\n\n  【2017国土局地质灾害防治方案1】\n\n"
                     "  为切实做好我市2017年度地质灾害防治工作,最大限度地减少或避免地质灾害造成的人员伤亡和财产损失,制定本防治方案。\n")  # p09
    assert shape(doc)[0] == ("title", "2017国土局地质灾害防治方案")
    doc = clean_text("当前位置:作文吧实用文档范文大全内容页\n\n2022年全国助残日活动方案\n\n全国助残日活动方案(一)\n\n"
                     "20XX年5月15日是第三十二次法定“全国助残日”。为积极响应中残联号召,现制定如下方案。\n\n一、活动目的\n")  # p10
    assert shape(doc)[0] == ("title", "全国助残日活动方案")
    assert any(r.rule == "collection-label" and r.text == "(一)" for r in doc.removed)
    plain = clean_text("关于做好防汛工作的通知\n（一）\n各单位要高度重视。\n")
    assert not any(r.rule == "collection-label" for r in plain.removed)  # a marker alone is no sample number


def test_a_doc_share_pages_fields_and_section_labels_run_into_their_values():
    doc = clean_text("欢迎来到天天文库\n浏览记录\nID:7404339\n大小:30.46 KB\n页数:3页\n时间:2018-02-14\n"
                     "《档案局xx年“国际档案日”宣传活动方案》由会员上传分享,免费在线阅读,更多相关内容在学术论文-天天文库。\n"
                     "档案局XX年“国际档案日”宣传活动方案档案局XX年“国际档案日”宣传活动方案 6月9日是“国际档案日”。为纪念这一主题日,"
                     "市档案局决定开展“国际档案日”系列宣传活动。活动方案如下:一、活动主题档案与人类文明同行二、活动时间XX年6月3日至6月12日"
                     "三、活动目的通过开展形式多样的档案宣传活动,积极构建档案与公众交流的桥梁。四、活动安排在“国际档案日”宣传活动期间,"
                     "市档案局将结合实际,推出一系列丰富多彩的宣传活动。\n")  # p11
    got = shape(doc)
    assert got[0] == ("title", "档案局XX年“国际档案日”宣传活动方案")
    assert got[1][1].startswith("6月9日是“国际档案日”。")
    assert [t for k, t in got if k == "heading"] == ["一、活动主题", "二、活动时间", "三、活动目的", "四、活动安排"]
    assert ("paragraph", "档案与人类文明同行") in got and ("paragraph", "XX年6月3日至6月12日") in got
    kept = clean_text("工作方案\n一、工作目标任务\n全面完成年度任务。\n二、指导思想和基本原则\n坚持以人民为中心。\n")
    assert [b.text for b in kept.blocks if b.kind == "heading"] == ["一、工作目标任务", "二、指导思想和基本原则"]


def test_a_salutation_in_traditional_script():
    doc = clean_text("電網建設工作會議上的講話\n同志們:\n剛才,李常友同志總結了去年我市電網建設工作情況並提出了今年的工作設想。\n")  # p12
    assert doc.blocks[1].kind == "salutation"


def test_a_sites_line_woven_between_the_paragraphs_and_its_address_after_a_full_stop_go():
    doc = clean_text("这次会议是经市委、市政府研究决定召开的,主要任务是总结回顾今年以来全市招商引资工作。\n公文汇,办公文档之家\n"
                     "一、肯定成绩、认清形势,增强做好招商引资工作的使命感、紧迫感\n公文汇,办公文档之家\n"
                     "今年以来,全市上下深入开展大招商活动,促进了项目落地和招商工作开展。 稿子汇 www.gaozihui.com\n"
                     "公文汇,办公文档之家\n")  # p13
    assert [r.rule for r in doc.removed].count("woven-line") == 3 and "inline-site-address" in {r.rule for r in doc.removed}
    assert doc.blocks[-1].kind == "paragraph" and doc.blocks[-1].text.endswith("招商工作开展。")  # whole: no end gap
    fields = clean_text("整改方案\n1.问题一\n责任领导：××\n2.问题二\n责任领导：××\n3.问题三\n责任领导：××\n")
    assert not any(r.rule == "woven-line" for r in fields.removed)  # a repeated field is the text's


def test_a_guanyu_phrase_goes_on_past_a_space_before_its_quoted_name():
    doc = clean_text("业务部:\n1、转发总会关于开展 “2011红十字博爱周”活动的通知,要求各级红十字会根据今年我省5.8活动的主题,开展一系列宣传活动。\n"
                     "2、制作5.8活动发放的相关宣传资料。\n")  # p14
    assert doc.blocks[1].text.startswith("1.转发总会关于开展“2011红十字博爱周”活动的通知")
