"""Phenomena of the tenth round of real pages (tests/data/real/round10: 春耕, 环保督察, 春运, 文明旅游, 运动会, 社区志愿
服务, 关工委; 表态发言, 培训心得, 年终总结, 事迹材料, 思想汇报, 自我鉴定, 述职报告), each through the whole pipeline
with a few lines of the page's own text."""
from qg_doc import shape
from qg_paths import DATA

from core.api import clean_text

ROUND10 = DATA / "real" / "round10"


def test_a_title_naming_the_document_then_its_theme_and_the_pages_date_under_it():
    doc = clean_text("预备转正思想汇报:我心向着党,我心向着人民\n\n2019-02-11\n\n  敬爱的党组织:\n\n"
                     "  中国是中国工人阶级的先锋队,“先锋”一词表明了中国中的一部分党员来自工人阶级中最有觉悟、思想最为进步的人群。\n")  # p12
    assert shape(doc)[:2] == [("title", "预备转正思想汇报：我心向着党，我心向着人民"), ("salutation", "敬爱的党组织：")]
    assert ("2019-02-11", "page-date") in {(r.text, r.rule) for r in doc.removed}
    dated = clean_text("在全县安全生产工作会议上的讲话\n（2019年2月11日）\n同志们:\n今天召开全县安全生产工作会议,主要任务是部署今年的工作。\n")
    assert shape(dated)[1] == ("byline", "（2019年2月11日）")  # the document's own date under the title stays


def test_an_authors_name_with_laoshi_under_the_title_is_a_byline():
    doc = clean_text((ROUND10 / "p10.txt").read_text(encoding="utf-8"))
    assert shape(doc)[:2] == [("title", "教师个人年末工作总结"), ("byline", "王明刚老师")]


def test_a_doc_share_page_that_gives_the_text_under_its_summary_label_and_the_file_name_as_title():
    doc = clean_text((ROUND10 / "p06.txt").read_text(encoding="utf-8"))  # taodocs: 文档名称 / X.doc / … 文档介绍:<text>
    assert shape(doc)[0] == ("title", "社区服务活动总结")
    assert doc.blocks[1].text.startswith("趁着三月的余温，我们拿起手中的扫把")
    assert not [b for b in doc.blocks if "下载" in b.text or b.text.startswith("文档名称")]


def test_a_collection_headline_right_over_the_first_samples_text_is_its_title():
    doc = clean_text("小学教师职称的述职报告(精选8篇)\n一、提高政治思想意识,加强师德修养,为人师表。\n"
                     "任职以来,我忠诚党的教育事业,拥护中国共产党的领导,全面贯彻党的教育方针。\n")  # p14
    assert shape(doc)[:2] == [("title", "小学教师职称的述职报告"), ("heading", "一、提高政治思想意识，加强师德修养，为人师表。")]
    labelled = clean_text("村关工委工作计划(精选7篇)\n村关工委工作计划 篇1\n为进一步做好关心下一代工作,结合本村实际,制定本计划。\n")
    assert shape(labelled)[0] == ("title", "村关工委工作计划")  # (with a label, the label still gives it)


def test_a_converted_pdfs_page_title_with_its_page_number_goes():
    doc = clean_text("春耕生产现场会议的讲话稿_公文写作范文_ .pdf\n春耕生产现场会议的讲话稿_公文写作范文_--第1页\n"
                     "春耕生产现场会议的讲话稿\n同志们:\n惊蜇已过,再过几天就是春分了,在此关键时刻,市政府决定今\n"
                     "天召开全市春耕生产现场会议。\n")  # p01
    assert shape(doc)[:2] == [("title", "春耕生产现场会议的讲话稿"), ("salutation", "同志们：")]


def test_a_title_and_its_dashed_subtitle_on_one_line_are_two():
    doc = clean_text("当前位置:\n复旦启智 助我成长 ---汉中市政协系统能力提升培训班学习心得\n2018-07-29 17:10\n来源: 政协汉中市委员会\n"
                     "打印\n\n7月14日至20日,在汉中市政协和复旦大学国际关系与公共事务学院的精心组织安排下,我与6名政协委员在上海进行了学习。\n")  # p09
    assert shape(doc)[:2] == [("title", "复旦启智助我成长"), ("subtitle", "---汉中市政协系统能力提升培训班学习心得")]


def test_a_collapsed_head_with_the_sites_banner_the_speaker_and_the_day_comes_apart():
    doc = clean_text((ROUND10 / "p08.txt").read_text(encoding="utf-8"))  # "秘书之家—…www.mishuzj.com县十七届…发言遂昌县县长…"
    assert shape(doc)[:4] == [("title", "县十七届人大五次会议表态发言"), ("byline", "遂昌县县长童森军"),
                               ("byline", "（2026年2月6日）"), ("salutation", "各位代表，同志们：")]


def test_a_sample_pages_type_line_and_its_add_to_list_button_go():
    doc = clean_text((ROUND10 / "p05.txt").read_text(encoding="utf-8"))
    assert shape(doc)[:3] == [("title", "农民运动会闭幕式讲话"), ("salutation", "尊敬的各位领导、各位来宾、同志们："),
                               ("paragraph", "晚上好！")]
