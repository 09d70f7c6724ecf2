"""Phenomena of the sixth round of real pages (tests/data/real/round6: civil affairs, tax, procuratorates, medical
insurance, police, archives…), each through the whole pipeline with a few lines of the page's own text."""
from core.api import clean_text


def _shape(doc):
    return [(b.kind, b.text) for b in doc.blocks]


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
    assert _shape(doc)[:4] == [("title", "国家税务总局关于开展第28个全国税收宣传月活动的通知"), ("byline", "税总函〔2019〕85号"),
                               ("byline", "2019年3月18日"),
                               ("salutation", "国家税务总局各省、自治区、直辖市和计划单列市税务局，局内各单位：")]
    assert [r.text for r in doc.removed if r.rule == "tag-lines"] == ["【税务总局】", "【2019】", "【工作】"]


def test_the_office_post_and_name_under_a_report_title_is_a_byline():
    doc = clean_text("甘肃省人民检察院工作报告\n——2022年1月18日在甘肃省第十三届人民代表大会第六次会议上\n甘肃省人民检察院检察长朱玉\n"
                     "各位代表:\n现在,我代表省人民检察院向大会报告工作,请予审议,并请省政协各位委员提出意见。\n")  # p07
    assert [k for k, _ in _shape(doc)[:4]] == ["title", "subtitle", "byline", "salutation"]


def test_joint_issuers_open_the_title_and_sign_on_one_line():
    doc = clean_text("《西乡县“十四五”医疗保障事业发展规划》\n\n西乡县医疗保障局  西乡县发展和改革局\n\n"
                     "关于印发《西乡县“十四五”医疗保障事业发展\n\n规划》的通知\n\n各镇人民政府,城北、城南街道办事处,县政府各部门:\n\n"
                     "现将《西乡县“十四五”医疗保障事业发展规划》予以印发,请认真贯彻执行。\n\n"
                     "西乡县医疗保障局          西乡县发展和改革局\n\n                          2021年12月30日\n\n\n\n"
                     "西乡县“十四五”医疗保障事业发展规划\n\n“十四五”时期是我县建成小康社会的巩固时期和全面深化改革的攻坚阶段。\n")  # p08
    assert _shape(doc)[:6] == [
        ("title", "西乡县医疗保障局 西乡县发展和改革局关于印发《西乡县“十四五”医疗保障事业发展规划》的通知"),
        ("salutation", "各镇人民政府，城北、城南街道办事处，县政府各部门："),
        ("paragraph", "现将《西乡县“十四五”医疗保障事业发展规划》予以印发，请认真贯彻执行。"),
        ("signature", "西乡县医疗保障局 西乡县发展和改革局"), ("date", "2021年12月30日"), ("docbreak", "")]
