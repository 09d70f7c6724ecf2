"""Phenomena of real pages (../shared/corpus/real and tests/data/real), each through the whole pipeline with a few
lines of the page's own text."""
import pytest
from qg_doc import shape

from core.api import clean_text


@pytest.mark.parametrize("label,title", [
    ("县长庆祝教师节讲话稿 篇1", "县长庆祝教师节讲话稿"),  # rA11
    ("政治立场方面存在的问题【第一篇】", "政治立场方面存在的问题"),  # rB12
    ("修路申请书(篇1)", "修路申请书"),  # rE08
    ("最美基层好医生事迹材料【篇1】", "最美基层好医生事迹材料"),
    ("第1篇 镇经济发展调研报告", "镇经济发展调研报告"),  # rE07
    ("好老师事迹材料1", "好老师事迹材料"),  # rE05: a bare number after a document's name
])
def test_a_sample_label_comes_off_its_title_and_is_recorded(label, title):
    doc = clean_text(f"{label}\n我们是怀城镇高龙村龙塘组的村民。我组位于四面环山的凹地，山势迂回，竹木资源丰富，原有一条与外界相通的小路。\n")
    assert doc.blocks[0].kind == "title" and doc.blocks[0].text == title
    assert any(r.rule == "collection-label" for r in doc.removed)
    assert doc.blocks[1].kind == "paragraph"  # the labelled line is the title, whole: the text is not joined to it


@pytest.mark.parametrize("line", ["社区活动方案模板10篇", "县长庆祝教师节讲话稿(精选18篇)"])
def test_a_count_of_samples_is_no_label(line):
    from core.stages.noise_prepass import label_suffix
    assert label_suffix(line) is None


@pytest.mark.parametrize("addressee", ["区政协常委会：", "各乡（镇）人民政府，县直各部门：", "各旗人民政府，行署各委、办、局，阿拉善开发区，各大企业：",
                                       "广大居民朋友："])
def test_the_addressee_under_the_title_is_the_salutation(addressee):
    doc = clean_text(f"关于提请审议调整区划增设街道办事处的议案\n{addressee}\n"
                     "近日，长春汽车经济技术开发区向绿园区政府致函，请绿园区政府代其申请调整两个街道办事处区划。\n"
                     "绿园区人民政府\n二0一九年一月八日\n")
    assert shape(doc) == [("title", "关于提请审议调整区划增设街道办事处的议案"), ("salutation", addressee),
                           ("paragraph", "近日，长春汽车经济技术开发区向绿园区政府致函，请绿园区政府代其申请调整两个街道办事处区划。"),
                           ("signature", "绿园区人民政府"), ("date", "二0一九年一月八日")]


@pytest.mark.parametrize("line", ["主要做法：", "时间：", "现将有关事项通知如下："])
def test_a_lead_or_a_field_is_no_addressee(line):
    from core.stages.structure import addressee
    assert not addressee(line)


def test_a_signer_line_signs_the_letter():
    doc = clean_text("修路申请书\n怀集县交通局：\n造成目前龙塘组无路可走的困局，是二广高速修建后的遗留问题，恳请领导批准为谢！\n"
                     "此致敬礼\n申请人：怀城镇高龙村龙塘组\n")
    assert shape(doc)[-1] == ("signature", "申请人：怀城镇高龙村龙塘组")


def test_a_hidden_text_banner_between_ellipses_becomes_a_gap_and_the_text_around_it_stays():
    doc = clean_text("好老师事迹材料\n漫漫助学之路没有想象的那么简单，来回学校的路坡陡弯急，有恐高症的 ……此处隐藏5397个字……"
                     "招录，一名在武警广东某部服役，另一名在陆军某部野战部队服役。\n")
    kinds = [(b.kind, b.omitted_chars) for b in doc.blocks]
    assert kinds == [("title", None), ("paragraph", None), ("gap", 5397), ("paragraph", None)]
    assert doc.blocks[1].text.endswith("有恐高症的") and doc.blocks[3].text.startswith("招录")


def test_a_template_banner_glued_to_the_title_goes():
    doc = clean_text("精选优质文档-倾情为你奉上乡村建设调研报告\n根据县政协年度工作安排，近期，县政协调研组就我县美好乡村建设情况开展调研。\n")
    assert doc.blocks[0].kind == "title" and doc.blocks[0].text == "乡村建设调研报告"


def test_the_office_under_the_title_signs_again_at_the_end():
    doc = clean_text("关于义务教育均衡发展存在问题整改报告\n商州区大荆中学\n"
                     "商州区大荆中学于2018年6月11日组织学校各部门负责人对我校义务教育均衡发展达标情况进行了自查。\n"
                     "在今后的工作中，我们将充分发挥学校的主观能动性，努力改善办学条件。\n商州区大荆中学\n2018.06.15\n")
    assert shape(doc)[-2:] == [("signature", "商州区大荆中学"), ("date", "2018.06.15")]


def test_an_outline_above_the_text_whose_first_heading_heads_the_text_again_goes():
    # rB08 (学科家园): the page lists the headings before the document; only the first is in the excerpt again
    doc = clean_text("一、履职尽责\n(一)理论武装\n(二)强基固本\n二、对标检视\n(一)存在的问题\n学校书记2025年度抓党建工作述职报告\n"
                     "尊敬的各位领导、同志们:\n2025年,在区委的坚强领导下,我深入学习贯彻党的二十大精神,现将本年度抓党建工作情况述职如下。\n"
                     "一、履职尽责,党建领航彰显新担当\n(一)理论武装,筑牢信仰根基的“定盘星”。一是学习制度常态化。\n")
    assert [b.kind for b in doc.blocks][:3] == ["title", "salutation", "paragraph"]
    assert sum(r.rule == "contents-list" for r in doc.removed) == 5


def test_a_labelled_outline_goes_even_when_the_excerpt_holds_only_its_first_heading():
    # rF11 (新文秘网): "目录/提纲：……" and the site's outline, the last lines of it cut short by "……"
    doc = clean_text("目录/提纲:……\n一、坚持科学发展,切实做好全市教育工作\n二、抓住关键环节,切实推进创建教育强市工作进程\n"
                     "一要牢牢抓住“重视”这一核心\n……\n在全市教育工作会议上的讲话\n同志们:\n经市委、市政府研究决定,今天在这里召开全市教育工作会议。\n"
                     "一、坚持科学发展,切实做好全市教育工作\n推动教育大市向教育强市迈进,是全市教育战线不懈的奋斗目标。\n")
    assert [(b.kind, b.text) for b in doc.blocks][:2] == [("title", "在全市教育工作会议上的讲话"), ("salutation", "同志们：")]


def test_headings_of_the_text_itself_are_no_outline():
    doc = clean_text("关于做好防汛工作的通知\n一、总体要求\n（一）指导思想\n以习近平新时代中国特色社会主义思想为指导，全面做好防汛工作。\n"
                     "（二）工作目标\n确保不发生重大人员伤亡。\n")
    assert [b.kind for b in doc.blocks] == ["title", "heading", "heading", "paragraph", "heading", "paragraph"]


@pytest.mark.parametrize("line,head", [
    ("一、基本情况xxxx3年，我县保质保量按时完成了6个美好乡村重点中心村示范点建设任务。", "一、基本情况"),  # rE03: a placeholder year
    ("一、全县防汛工作总体形势分析据气象部门预测，今年的气象水文年景总体偏差。", "一、全县防汛工作总体形势分析"),  # rF01
    ("四、环境卫生在环保方面，社区建设科也做了相当的工作。", "四、环境卫生"),  # rB02: a preposition heads the clause
    ("一、社区建设工作概述社区建设工作主要包括文化活动、社区卫生、环境卫生等方面。", "一、社区建设工作概述"),  # the heading's words again
])
def test_a_heading_run_into_its_text_without_punctuation_is_split(line, head):
    doc = clean_text(f"社区建设科年度工作回顾\n{line}\n")
    assert [(b.kind, b.text) for b in doc.blocks[1:3]] == [("heading", head), ("paragraph", line[len(head):])]


@pytest.mark.parametrize("line", [
    "（一）自查阶段（4月11日—4月20日）。各校对照排查重点开展全面自查。",
    "二、《规划》是××县空间发展的指南、可持续发展的空间蓝图，是各类开发保护建设活动的基本依据。",
])
def test_no_seam_inside_brackets_or_after_a_function_word(line):
    doc = clean_text(f"关于开展安全检查的通知\n一、总体要求\n{line}\n")
    assert not any(b.text.startswith(("各校", "××县")) for b in doc.blocks)


def test_a_notice_closing_on_its_date_alone_is_followed_by_the_document_it_issues():
    # rD08 (冰豆网): no signature, the date under the last sentence, the contents list, the issued rules
    doc = clean_text("阿拉善盟行政公署办公室关于印发公文处理实施细则及文种式样的通知\n（阿署办发〔2007〕22号）\n"
                     "各旗人民政府，行署各委、办、局，阿拉善开发区，各大企业：\n"
                     "根据工作需要，对《公文处理实施细则》进行了修改和完善，现将修改完善后的细则印发给你们，请遵照执行。\n"
                     "二○○七年六月五日\n阿拉善盟行政公署办公室公文处理实施细则及文种式样\n目 录\n第一章 总则\n第二章 公文种类\n"
                     "第三章 公文格式\n第一章 总则\n第一条 为使全盟行政机关公文处理工作规范化、制度化、科学化，根据有关规定，制定本细则。\n")
    assert [b.kind for b in doc.blocks] == ["title", "byline", "salutation", "paragraph", "date", "docbreak", "title",
                                            "heading", "paragraph"]
    assert doc.blocks[7].text == "第一章总则"


def test_a_letterhead_and_a_title_set_on_two_lines_with_a_blank_between():
    # rF05 (写写帮文库): every line of the page set apart by a blank line
    doc = clean_text("湖南省人民政府办公厅文件\n\n湘政办发〔2009〕24号\n\n湖南省人民政府办公厅关于加强普通高等学校\n\n"
                     "毕业生就业工作的通知\n\n各市州、县市区人民政府，省政府各厅委、各直属机构：\n\n"
                     "根据国务院办公厅有关通知精神，经省人民政府同意，现就进一步加强我省普通高等学校毕业生就业工作通知如下。\n")
    assert [(b.kind, b.text) for b in doc.blocks][:4] == [
        ("byline", "湖南省人民政府办公厅文件"), ("byline", "湘政办发〔2009〕24号"),
        ("title", "湖南省人民政府办公厅关于加强普通高等学校毕业生就业工作的通知"),
        ("salutation", "各市州、县市区人民政府，省政府各厅委、各直属机构：")]


def test_a_collection_page_lead_in_goes_and_the_second_sample_starts_after_the_first_ones_closing():
    # round2 p11 (奇妙百科): headline counting the samples, the site's lead-in, two samples of one 倡议书
    doc = clean_text("保护母亲河倡议书初(实用18篇)\n\n时间:2024-05-10 22:34:07\n\n"
                     "优秀作文通过精炼的文字,将复杂的思想和情感传递给读者,引发他们的共鸣。读优秀作文范文能够让我们更好地了解到作文表达的多样性。\n\n"
                     "保护母亲河倡议书\n\n敬爱的同学们:\n\n长江、黄河用博大的胸怀孕育、滋养了五千年的华夏文明,为了保护母亲河,我提出以下倡议。\n\n"
                     "倡议人:黄x。\n\n20xx-xx-xx。\n\n保护母亲河倡议书\n\n水,生命之源,万物之灵。河,滋润一片土地,哺养一方人民,因此大家把河流敬为母亲。\n")
    assert [b.kind for b in doc.blocks] == ["title", "salutation", "paragraph", "signature", "date", "docbreak", "title",
                                            "paragraph"]
    assert any(r.rule == "collection-leadin" for r in doc.removed)


def test_a_field_row_run_into_the_salutation_is_cut_off_and_goes():
    # round2 p06 (a county's disclosure page)
    doc = clean_text("索引号| 01526079-6-/2021-0508011 |发布机构|腾冲市和顺镇|文号|浏览量|全镇广大农民朋友们:\n"
                     "和顺古镇是全国著名的风景区,良好的生态环境是吸引国内外游客慕名而来的必备条件,请大家自觉做到不焚烧秸秆。\n")
    assert [(b.kind, b.text) for b in doc.blocks][0] == ("salutation", "全镇广大农民朋友们：")
    assert any(r.rule == "gov-info-block" for r in doc.removed)


def test_a_page_number_run_into_the_title_goes():
    doc = clean_text("1 XX镇环境卫生整治行动实施意见\n为从根本上治理农村的“脏、乱、差”问题，进一步净化环境卫生，美化村容村貌，特制定本实施意见。\n")
    assert (doc.blocks[0].kind, doc.blocks[0].text) == ("title", "XX镇环境卫生整治行动实施意见")


def test_the_pages_keywords_over_the_headline_go():
    # rF06 (第一文档网)
    doc = clean_text("镇政府,工作报告,2023\n\n2023年镇政府工作报告\n\n尊敬的市民朋友们:\n\n"
                     "首先，我代表本镇政府全体成员向各位市民朋友们致以最诚挚的问候和最衷心的感谢。\n")
    assert [(b.kind, b.text) for b in doc.blocks][:2] == [("title", "2023年镇政府工作报告"), ("salutation", "尊敬的市民朋友们：")]
    assert any(r.rule == "keyword-line" for r in doc.removed)


def test_a_letter_spaced_field_is_no_keyword_line():
    doc = clean_text("五、组织机构\n总 指 挥：×××\n副总指挥：×××、×××\n各成员单位要明确分工，密切配合，确保运动会各项工作有序开展。\n")
    assert any(b.text.startswith("总指挥") for b in doc.blocks)


@pytest.mark.parametrize("line", ["阅读更多 >>", "相关推荐", "猜你喜欢", "VIP会员专享"])
def test_a_short_page_line_between_the_title_and_the_text_is_no_subtitle(line):
    doc = clean_text(f"关于开展安全生产月活动的通知\n{line}\n今年6月是第22个全国安全生产月，为进一步强化安全发展理念，现就开展活动有关事项通知如下。\n")
    assert [b.kind for b in doc.blocks if b.kind != "paragraph"] == ["title"]


def test_a_document_word_inside_the_text_is_no_title_run_into_it():
    doc = clean_text("在全县经济工作会议上的讲话\n县委书记 李四\n（2024年1月5日）\n同志们：\n这次会议的主要任务是总结去年工作。\n"
                     "各单位要对照方案2024年底前完成整改。\n")
    assert [(b.kind, b.text) for b in doc.blocks][-2:] == [("paragraph", "这次会议的主要任务是总结去年工作。"),
                                                          ("paragraph", "各单位要对照方案2024年底前完成整改。")]


def test_grades_listed_after_a_numeral_are_no_heading():
    # round1 p12: "一、二年级：60米…" lists grades one and two
    doc = clean_text("小学春季运动会方案\n三、比赛项目：\n一、二年级：60米、立定跳远、投沙包（大约0.25公斤）、30米混合接力。\n")
    assert [b.kind for b in doc.blocks][-1] == "paragraph"


def test_a_year_after_and_goes_on_the_clause_of_a_long_item():
    # round3 p11: "（一）…开展调查工作，并于2023年12月15日前…" is one sentence
    item = "（一）各乡镇及中卫工业园区负责组织抽中的样本村（居）统计人员开展调查工作，并于2023年12月15日前将纸质报表报送区统计局。"
    doc = clean_text(f"关于做好工业个体经营户抽样调查工作的通知\n三、其他事项\n{item}\n")
    assert doc.blocks[-1].kind == "heading" and doc.blocks[-1].text == item and not doc.blocks[-1].body


def test_a_site_tag_before_the_title_goes_and_an_edition_note_under_it_is_a_byline():
    doc = clean_text("[县长在县委书记]县长在县委全委（扩大）会暨全县经济工作会议上的讲话\n同志们:\n"
                     "这次县委全委（扩大）会暨全县经济工作会议，主要任务是贯彻落实中央、省市经济工作会议精神。\n")
    assert doc.blocks[0].text == "县长在县委全委（扩大）会暨全县经济工作会议上的讲话"
    doc = clean_text("××县2024年政府工作报告\n（征求意见稿）\n各位代表：\n现在，我代表县人民政府，向大会报告政府工作，请予审议。\n")
    assert [(b.kind, b.text) for b in doc.blocks][:2] == [("title", "××县2024年政府工作报告"), ("byline", "（征求意见稿）")]


def test_a_contact_line_between_the_date_and_the_issued_document():
    # round4 p11 (济南市人民政府办公厅)
    doc = clean_text("济南市人民政府办公厅关于印发济南市“十四五”市场监管规划的通知\n各区县人民政府，市政府各部门：\n"
                     "经市政府同意，现将《济南市“十四五”市场监管规划》印发给你们，请认真组织实施。\n济南市人民政府办公厅\n2022年10月11日\n"
                     "（联系电话：市市场监管局科技和财务处，82569500）\n（此件公开发布）\n济南市“十四五”市场监管规划\n"
                     "“十四五”时期是我国开启全面建设社会主义现代化国家新征程的第一个五年，加强和改善市场监管意义重大。\n")
    kinds = [b.kind for b in doc.blocks]
    assert kinds[3:5] == ["signature", "date"] and "docbreak" in kinds and kinds[kinds.index("docbreak") + 1] == "title"


def test_numbers_set_on_lines_of_their_own_are_joined_back():
    # round4 p06 (百家文档): a PDF copy with a line break around every number and placeholder
    doc = clean_text("在\n2024\n年信访稳定工作会议上的讲话\n同志们:\n今天,县委、县政府决定召开全县信访稳定工作会议,自\nx\n月\nx\n"
                     "日开始,将在全国开展以县委书记大接访为主要内容的活动。\n当前,我们面临着保证\nx\n顺利举行和加快灾后重建的多重考验。\n")
    assert [(b.kind, b.text) for b in doc.blocks][0] == ("title", "在2024年信访稳定工作会议上的讲话")
    assert doc.blocks[-1].text == "当前，我们面临着保证x顺利举行和加快灾后重建的多重考验。"


def test_a_collections_contents_run_into_one_line_go_before_the_line_is_split():
    doc = clean_text("卫生健康局2023年工作总结汇编(5篇)\n卫生健康局2023年工作总结汇编(5篇) 目录 1. 区卫生健康局2023年工作总结和2024年工作计划 2 "
                     "2.区卫生健康局2023年工作总结及2024年工作计划 10 3.县卫生健康局2023年度依法行政工作总结 16 "
                     "区卫生健康局2023年工作总结和2024年工作计划 2023年,我局深入学习贯彻党的二十大精神,按照省委市委高质量发展的工作部署要求,"
                     "积极开展主题教育。我们沿着区委、区政府指引的方向,攻坚克难、砥砺前行,开工5个医院建设项目。\n")  # round1 p01
    assert doc.blocks[0].kind == "title" and doc.blocks[0].text == "区卫生健康局2023年工作总结和2024年工作计划"
    assert doc.blocks[1].text.startswith("2023年，我局深入学习") and not any(b.kind == "heading" for b in doc.blocks)
    assert any(r.rule == "inline-contents" for r in doc.removed)


def test_a_date_under_a_field_heading_is_its_value_not_the_headings_end():
    doc = clean_text("XX大学秋季运动会策划书\n三、举办单位\n四、举办时间\n2010年11月x日——11月x日\n五、举办地点\n"
                     "我校西区,开、闭幕式及所有参赛项目都在校操场举办。\n")  # round1 p11
    assert [(b.kind, b.text) for b in doc.blocks[2:4]] == [("heading", "四、举办时间"), ("paragraph", "2010年11月x日——11月x日")]


def test_a_theme_and_dash_title_under_the_file_name_is_the_title_and_a_colon_joins_a_headings_halves():
    doc = clean_text("寒假班主任培训心得体会\n\n以心育心,以行立行——寒假班主任培训心得体会\n\n"
                     "寒冬腊月,暖阳融融。为期五天的寒假班主任培训如一场及时雨,为我们这些在教育一线耕耘的班主任带来了理念的革新与方法的启迪。\n\n"
                     "一、理念革新:从管理者到引路人的角色蜕变\n\n"
                     "培训第一天,特级教师李镇西老师的《班主任的专业成长》专题讲座,如同一盏明灯,照亮了我过往工作中的一些认知盲区。\n")  # round1 p13
    assert doc.blocks[0].kind == "title" and doc.blocks[0].text == "以心育心，以行立行——寒假班主任培训心得体会"
    head = next(b for b in doc.blocks if b.kind == "heading")
    assert head.text == "一、理念革新：从管理者到引路人的角色蜕变" and not head.body
    field = clean_text("学雷锋活动方案\n二、活动时间：2024年3月1日至3月31日\n三、活动要求\n各班要认真组织。\n")
    assert next(b for b in field.blocks if b.kind == "heading").body == "2024年3月1日至3月31日"  # a field keeps its value as body


def test_a_portals_welcome_and_a_title_centred_over_four_lines_cut_inside_words():
    doc = clean_text("欢迎您光临新宾满族自治县人民政府官方网站! 美丽的新宾欢迎您!\n网站首页\n"
                     "文件号:新政办发〔2019〕30号    成文日期:2019-6-15 16:29:41\n文件正文  \n新政办发〔2019〕30号\n\n"
                     "新宾满族自治县人民政府办公室关\n\n 于印发 《新宾满族自治县鼠疫\n\n  控制应急预案 (2019年修\n\n   订版)》的通知\n\n\n"
                     "各乡镇人民政府,县政府各有关部门:\n\n经县政府研究同意,现将《新宾满族自治县鼠疫控制应急预案(2019年修订版)》印发给你们,"
                     "请认真贯彻执行。\n\n            新宾满族自治县人民政府办公室\n\n               2019年5月21日\n\n\n(此文公开发布)\n\n \n\n"
                     "新宾满族自治县鼠疫控制应急预案\n\n2019年修订版)\n\n1.1 编制目的\n\n继续巩固我县鼠疫防治成果,有效预防、快速应对、"
                     "及时控制鼠疫疫情的传入、暴发和流行,保障公众身体健康与生命安全。\n")  # rD02
    kinds = [(b.kind, b.text) for b in doc.blocks]
    assert kinds[:3] == [("byline", "新政办发〔2019〕30号"),
                         ("title", "新宾满族自治县人民政府办公室关于印发《新宾满族自治县鼠疫控制应急预案（2019年修订版）》的通知"),
                         ("salutation", "各乡镇人民政府，县政府各有关部门：")]
    assert [k for k, _ in kinds[4:9]] == ["signature", "date", "paragraph", "docbreak", "title"]
    assert kinds[6][1] == "（此文公开发布）" and kinds[9][0] == "byline"  # the 附注 stays; the edition note is a byline
    assert "site-welcome" in {r.rule for r in doc.removed}
    assert {"网站首页", "文件正文"} <= {r.text.strip() for r in doc.removed}


def test_a_portals_info_table_names_a_document_that_has_no_title_line():
    doc = clean_text("当前位置:首页>政府信息公开>部门信息公开目录>政府组成部门>统计局>年度报告\n字体大小:【大】 【中】 【小】\n索引号: | |\n"
                     "发文字号: | 发文时间:2020-12-31 |\n发文机关:长治市上党区统计局 | 主题词: |\n"
                     "标题:长治市上党区统计局2020年工作总结暨2021年工作计划 | |\n主题分类:其它 | 发布日期:2020-12-31 |\n"
                     "在区委、区政府的坚强领导下,在市统计局大力指导和支持下,统计工作又上新台阶。现将2020年我局工作总结如下:\n"
                     "一、主要指标完成情况\n")  # round4 p05
    assert [(b.kind, b.text) for b in doc.blocks[:2]] == [
        ("title", "长治市上党区统计局2020年工作总结暨2021年工作计划"),
        ("paragraph", "在区委、区政府的坚强领导下，在市统计局大力指导和支持下，统计工作又上新台阶。现将2020年我局工作总结如下：")]
    assert {"field-title", "gov-info-block"} <= {r.rule for r in doc.removed}
