"""reflow alone: joins from evidence, and splits of headings that ran into their body."""
import re

from qg_paths import DATA

from core.model import Document
from core.readers.lines import split_lines
from core.stages import reflow

SAMPLES = DATA / "samples"


def _blocks(text: str) -> list[str]:
    return [b.text for b in reflow.run(Document(source="t", lines=split_lines(text))).blocks]


def test_blank_line_between_word_halves_is_joined():
    text = ("     2.夯实基层党建基础。认真贯彻新时代学校党建工作要求，切实抓好党员队伍的教育、管理和监督，不\n\n"
            "     断提高党建工作与教育工作粘合度。\n\n     3.深化党风廉政建设。制定落实局、校两级党风廉政建设责任分解方案。\n")
    out = _blocks(text)
    assert len(out) == 2
    assert "监督，不断提高" in out[0]


def test_single_breaks_are_wraps_when_blank_lines_separate_paragraphs():
    text = ("同志们:\n\n今天，我们召开年终校长会。\n\n一是教育发展不平衡不充分问题。从办学层次上看，学前教育相对薄弱;\n"
            "初中教育社会呼声较强，成为薄弱环节。\n\n二是教师队伍建设存在薄弱环节。编制不足的矛盾更加突出。\n\n三、工作安排\n\n全年工作要抓好落实。\n")
    out = _blocks(text)
    assert out[2].endswith("成为薄弱环节。") and out[2].startswith("一是")
    assert "三、工作安排" in out


def test_short_lines_broken_at_a_comma_are_one_block_and_title_lines_stay_apart():
    text = "关于开展安全检查的通知\n各单位:\n以党的建设为根本保证,\n坚持和加强党对教育工作的领导。\n一是深入学习贯彻党的十九大精神，推进各项工作落地生根。\n"
    out = _blocks(text)
    assert out[:3] == ["关于开展安全检查的通知", "各单位:", "以党的建设为根本保证,坚持和加强党对教育工作的领导。"]


def test_enumeration_running_across_a_break_joins():
    text = ("──认清新形势，就是要把握教育发展总体趋势。一是大局之变。世界百年未有之大变局进入加速演变期。\n"
            "新一轮科技革命和产业变革对教育产生深远影响。二是格局之变。构建教育新发展格局。\n")
    assert len(_blocks(text)) == 1


def test_short_lead_sentence_at_line_end_continues_on_the_next_line():
    text = ("（六）教师队伍建设展现新面貌。政策体系进一步完善。\n"
            "修订《教育人才培育和引进实施细则》等×个配套政策，开展首次市直学校教育人才履职考核。\n")
    assert len(_blocks(text)) == 1


def test_heading_run_into_sub_heading_and_enumeration_is_split():
    out = _blocks("一、2020 年工作总结 (一)坚持把师生生命安全放在首位，实现防疫育人两不误\n"
                  "二、存在的问题 一是学校容量与日益增长的入学需求仍然存在矛盾;二是师资不足。\n")
    assert out == ["一、2020 年工作总结", "(一)坚持把师生生命安全放在首位，实现防疫育人两不误",
                   "二、存在的问题", "一是学校容量与日益增长的入学需求仍然存在矛盾;二是师资不足。"]


def test_heading_that_lost_its_line_break_before_a_year_is_split():
    out = _blocks("一、回顾过去,系统上下用心用情用功夫,实现教育“十三五”胜利收官2020年是极不平凡的一年。全市教育系统迎难而上。\n")
    assert out[0] == "一、回顾过去,系统上下用心用情用功夫,实现教育“十三五”胜利收官"
    assert out[1].startswith("2020年是极不平凡的一年。")


def test_stray_punctuation_line_start_is_dropped_and_recorded():
    doc = reflow.run(Document(source="t", lines=split_lines("（六）\n\n全面加强学生素质教育培养。\n\n。擦亮思政教育品牌，加强思政教育基地建设与实践活动研究。\n")))
    assert [b.text for b in doc.blocks] == ["（六）全面加强学生素质教育培养。擦亮思政教育品牌，加强思政教育基地建设与实践活动研究。"]
    assert [r.rule for r in doc.removed] == ["stray-punct"]


def test_heading_ending_in_a_word_that_ends_in_a_function_char_stays_alone():
    # "努力方向" ends in 向 (also a preposition): the heading is whole, the next line is its body
    text = ("严格执行重大事项报告制度，自觉接受组织和群众监督，始终做到清正廉洁、干净干事。\n四、存在的不足和今后努力方向\n"
            "回顾一年来的工作，我也清醒地认识到自身还存在一些不足：一是理论学习的系统性还不够。\n")
    assert _blocks(text)[1] == "四、存在的不足和今后努力方向"


def test_edge_characters_forming_a_word_do_not_join_a_heading_to_its_body():
    # "不足" | "部分" -> the edge characters make "足部", but jieba reads "不足 / 部分"
    text = "二、存在不足\n\n部分乡镇对爱国卫生工作重视不够，长效管理机制不健全，城乡结合部环境卫生反弹现象时有发生。\n"
    assert _blocks(text)[0] == "二、存在不足"


def test_heading_line_stays_apart_from_a_short_line_of_prose():
    text = ("三、2024 年工作计划\n\n2024 年,我局将坚持稳中求进工作\n\n"
            "总基调,以更高标准、更实举措推动市场监管工作高质量发展,重点抓好以下工作:\n")
    assert _blocks(text)[0] == "三、2024 年工作计划"


def test_space_after_a_short_heading_is_the_lost_line_break():
    text = ("　　一、总体要求 以习近平新时代中国特色社会主义思想为指导，坚持党对基层治\n"
            "理的全面领导，把抓基层、打基础作为长远之计和固本之策，统筹推进乡镇（街道）\n"
            "和城乡社区治理，健全常态化管理和应急管理动态衔接的基层治理机制。\n")
    out = _blocks(text)
    assert out[0] == "一、总体要求"
    assert out[1].startswith("以习近平") and out[1].endswith("基层治理机制。") and len(out) == 2


def test_space_inside_a_word_is_no_seam():
    text = "(八)全面加 强工作保障 。深化学校评价评估机制。以“爱生学校”评估机制改革激发学校办学活力。\n"
    assert _blocks(text)[0].startswith("(八)全面加 强工作保障")


def test_year_seam_keeps_its_preposition_with_the_body():
    text = "二、工作目标到2024年底，国家卫生县城创建成果有效巩固，省级卫生乡镇比例达到80%以上，居民健康素养水平达到28%以上。\n"
    out = _blocks(text)
    assert out[0] == "二、工作目标" and out[1].startswith("到2024年底")


def test_indented_line_after_a_full_sentence_starts_a_paragraph_even_without_the_blank_line():
    text = ("　　张××刚上任时，村里没有一家像样的企业，村集体经济收入为零，群众对村两委班子缺乏信任。\n\n"
            "　　他首先抓班子建设，首先要建强党支部，让党员有归属感、群众有获得感。\n"
            "　　他注重把致富能手培养成党员，把党员培养成村干部，先后发展年轻党员12名。\n\n"
            "　　在他的带领下，全村人均可支配收入由不足3000元提高到2.1万元，村集体经济收入突破80万元。\n")
    out = _blocks(text)
    assert len(out) == 4 and out[2].startswith("他注重")


def test_a_full_stop_pushed_onto_its_own_line_is_joined_back():
    from core.api import clean_text
    doc = clean_text("各党支部要按照要求组织开展专题学习，由支部书记带头讲党课\n。\n三、工作要求\n"
                     "各党支部要高度重视，精心组织，确保活动取得实效，切实把学习成果转化为工作动力。\n")
    assert doc.blocks[0].text.endswith("讲党课。")


def test_field_lines_of_minutes_stay_one_per_line():
    text = ("出席：王××、刘××、陈××\n列席：县政府办公室、县住建局、县财政局主要负责同志\n请假：孙××（在省委党校学习）\n"
            "记录：周××\n")
    assert len(_blocks(text)) == 4


def test_an_indented_line_after_a_short_closing_sentence_is_a_new_paragraph():
    text = ("　　整改措施：①对全局在建的项目实行“周调度、月通报”；②对进度滞后的项目约谈负责人；③完善考核奖惩机制。\n"
            "　　整改进展：正在推进。2022年度高标准农田建设项目已完成工程量的86%，预计11月底前全面完工。\n")
    assert len(_blocks(text)) == 2


def test_office_and_date_on_one_line_are_two_lines():
    out = _blocks("××县人民政府办公室　　　　　　　　2023年5月4日\n")
    assert out == ["××县人民政府办公室", "2023年5月4日"]


def test_a_number_split_by_a_wrap_gets_no_space():
    text = "全年共开展安全检查46次，排查整改隐患112处，校园安全平台上线率达到7\n1.3%，较上年提高了12个百分点。\n"
    assert "达到71.3%" in _blocks(text)[0]


def test_two_issuing_bodies_side_by_side_stay_one_line_and_an_editor_line_splits_from_its_date():
    # a joint signature set on one line is one block (real page tests/data/real/round6 p08)
    assert _blocks("××县森林防火指挥部　　　　××县林业局\n") == ["××县森林防火指挥部　　　　××县林业局"]
    assert _blocks("××县教育局办公室编　　　　2023年10月8日\n") == ["××县教育局办公室编", "2023年10月8日"]
    assert _blocks("市教育局局长 赵青山\n") == ["市教育局局长 赵青山"]  # a role and a name stay one line


def test_in_a_document_that_indents_paragraphs_a_full_line_before_an_unindented_one_is_a_wrap():
    text = ("　　(四)守牢安全底线，保持校园和谐稳定。落实安全工作“一\n岗双责”，健全校园安全隐患排查整治台账，全年组织安全检查\n"
            "24次，整改隐患53处，开展消防、防震、防溺水应急演练6次。\n全面落实食堂“明厨亮灶”和校领导陪餐制度，全年未发生安全\n"
            "责任事故。\n　　四、存在的不足和努力方向\n　　回顾一年来的工作，我也清醒地认识到自身还存在一些不足：\n"
            "一是理论学习的深度还不够，用理论指导办学实践的能力有待提\n高；二是学校管理的精细化程度还不高。\n"
            "　　下一步，我将进一步加强学习，努力把学校办得更好，不辜负组织和群众的期望。\n")
    out = _blocks(text)
    assert out[0].endswith("全年未发生安全责任事故。") and "演练6次。全面落实" in out[0]
    assert out[2].startswith("回顾一年来") and "不足：一是理论学习" in out[2]


def test_in_hard_wrapped_text_a_full_line_ending_a_sentence_goes_on_and_a_short_one_ends_the_paragraph():
    lines = ["一年来，我严格遵守廉洁自律各项规定，没有违规收受礼品礼金，没",  # ~30 characters a line
             "有参加可能影响公正执行公务的宴请和娱乐活动，自觉接受群众监督。",
             "对分管领域的廉政风险点，我组织分管股室逐项梳理，制定防控措施",
             "12条，定期开展廉政谈话，做到防患于未然，取得了一定的效果。",
             "对此，我将认真加以整改。",
             "在今后的工作中，我将进一步加强学习，提高政治站位，多到基层一",
             "线解决实际问题，努力做出新的更大的成绩，不辜负组织的信任。"]
    out = _blocks("\n".join(lines) + "\n")
    assert len(out) == 2 and out[0].endswith("认真加以整改。") and out[1].startswith("在今后的工作中")


def test_title_and_subtitle_on_one_line_are_split_and_a_preposition_stays_with_the_body():
    out = _blocks("凝心聚力抓落实砥砺奋进谱新篇——在2023年全县教育工作会议上的讲话\n")
    assert out == ["凝心聚力抓落实砥砺奋进谱新篇", "——在2023年全县教育工作会议上的讲话"]
    out = _blocks("一、指导思想以习近平新时代中国特色社会主义思想为指导，全面贯彻党的教育方针，落实立德树人根本任务。\n")
    assert out[0] == "一、指导思想" and out[1].startswith("以习近平")


def test_an_announcing_sentence_ends_its_paragraph():
    text = ("按照学校师德师风建设工作安排，暑期以来我认真学习了有关文件，对照检查了自己的工作。下面谈谈我的几点体会。\n"
            "说实话，刚接到学习任务时，我觉得师德师风是“老生常谈”，学习之后才认识到其中的分量。\n")
    assert len(_blocks(text)) == 2


def test_a_heading_stopping_on_a_function_word_goes_on_even_onto_an_indented_line():
    text = ("　　一、坚持立德树人，全面推进素质教育，不断提高教育教学质量，办好人民满意的教育。\n"
            "　　二、在立德树人中\n　　当先锋、作表率\n"
            "　　全体党员教师要在立德树人中发挥先锋模范作用，做学生健康成长的引路人，努力办好人民满意的教育。\n"
            "　　三、加强队伍建设\n　　要把教师队伍建设作为基础工作来抓，不断提高教师的政治素质和业务水平。\n")
    assert "二、在立德树人中当先锋、作表率" in _blocks(text)


def test_a_blank_line_after_a_short_closing_sentence_ends_the_paragraph_in_blank_separated_text():
    text = ("一年来，支部认真落实全面从严治党要求，严明纪律规矩。全年未发生违纪违规问题。\n\n"
            "支部还持续加强作风建设，深入开展“四风”问题专项整治，党员干部作风明显转变。\n\n"
            "二是加强组织建设。支部严格落实“三会一课”制度，全年召开支部党员大会4次。\n\n"
            "三是加强队伍建设。支部坚持把党员培养成业务骨干，把业务骨干培养成党员。\n\n"
            "四是加强制度建设。支部修订完善了党员学习、议事决策等制度，做到用制度管人管事。\n")
    assert len(_blocks(text)) == 5


def test_a_letter_spaced_field_under_a_heading_and_a_stage_direction_after_a_sentence_end_lines():
    assert _blocks("    五、组织机构\n    总 指 挥：×××\n    副总指挥：×××、×××\n")[:2] == ["五、组织机构", "总 指 挥：×××"]
    text = ("下面，请县领导为受表彰的先进集体和先进个人代表颁奖，请县领导上台颁奖。（颁奖音乐）\n\n"
            "让我们以热烈的掌声，向受到表彰的先进集体和先进个人表示热烈的祝贺！\n")
    assert len(_blocks(text)) == 2


def test_a_heading_cut_by_a_page_break_is_one_heading():
    from core.api import clean_text
    text = ("（一）开齐开足劳动教育课程。中小学每周不少于1课时，确保劳动教育时间落到实处，不得挤占挪用。\n"
            "（二）拓展劳动\n\n第 2 页 共 8 页\n\n实践途径\n"
            "依托校内劳动基地和校外实践基地，组织学生参加家务劳动、校园劳动和社会实践活动，培养劳动习惯。\n")
    heads = [b.text for b in clean_text(text).blocks if b.kind == "heading"]
    assert "（二）拓展劳动实践途径" in heads


def test_a_paragraph_the_scraper_put_twice_keeps_one_copy_even_with_site_lines_between():
    from core.api import clean_text
    para = "整改进展：已完成。共自查惠农资金项目14个、资金1.26亿元，发现并整改问题23个，追回违规发放资金8.2万元。"
    other = "下一步，局党组将坚持标准不降、力度不减，持续抓好后续整改，确保整改成效经得起检验。"
    doc = clean_text(f"{para}\n{para}\n上一篇：关于做好安全工作的通知\n{para}\n{other}\n")
    assert [b.text for b in doc.blocks] == [para, other]
    assert [r.rule for r in doc.removed].count("duplicate-line") == 2


def test_a_level_two_heading_that_lost_its_line_break_is_split_before_the_sentence_opener():
    text = ("（二）抓特色、延链条，推进农业现代化严格落实耕地保护和粮食安全责任制，全年粮食播种面积稳定在×××万亩以上，"
            "新建高标准农田×万亩。\n")
    out = _blocks(text)
    assert out[0] == "（二）抓特色、延链条，推进农业现代化" and out[1].startswith("严格落实耕地保护")


def test_a_line_opening_with_the_stub_of_a_clause_continues_the_line_before():
    text = "2024 年,我局将坚持稳中求进工作\n\n总基调,以更高标准、更实举措推动市场监管工作高质量发展,重点抓好以下工作:\n"
    assert len(_blocks(text)) == 1
    assert len(_blocks("全县各级党组织要高度重视，认真组织\n\n同时，要加强督促检查，确保各项任务落到实处。\n")) == 2


def test_a_four_character_heading_continuation_joins_but_an_office_under_an_item_does_not():
    text = ("二、深化医药卫生体制改革，推动优质医疗资源\n扩容下沉\n"
            "　　全面推进紧密型县域医共体建设，推动优质医疗资源向基层延伸，群众就医更加便捷。\n")
    assert _blocks(text)[0] == "二、深化医药卫生体制改革，推动优质医疗资源扩容下沉"
    assert _blocks("附件:1.工作方案\n2.校园安全隐患排查整治情况汇总表\n××市教育局\n2023年4月10日\n")[2] == "××市教育局"


def test_a_line_ending_in_a_quote_left_open_goes_on_counting_quotes_as_normalize_pairs_them():
    from core.text import quote_left_open
    assert quote_left_open("立德树人，德育为先。“") and quote_left_open('“十三五”收官。"') and not quote_left_open('"十三五"')
    assert len(_blocks("要大力弘扬“北大荒精神”和“\n两路精神”，不断增强干部职工的责任感和使命感，努力开创工作新局面。\n")) == 1


def test_hanging_indent_continuation_lines_join_their_first_line():
    w = "\u3000" * 5
    text = ("1.学习贯彻党的理论不够深入，“第一议题”制度落实有差距，理论学习存在以读代学问题。\n"
            "整改措施：严格落实“第一议题”制度，党组会议第一\n" + w + "项议程学习习近平总书记最新重要讲话和重要指示批示\n"
            + w + "精神；制定年度理论学习中心组学习计划，每季度至少\n" + w + "开展1次专题研讨，每名班子成员每年撰写理论文章或\n"
            + w + "调研报告不少于1篇。\n责任领导：××（党组书记、局长）\n责任科室：办公室、机关党委\n"
            "整改措施：全面推行“双随机、一公开”跨部门联合抽\n" + w + "查，年度联合抽查比例达到30%以上；梳理涉企高频\n"
            + w + "事项清单，推动“一件事一次办”，企业开办时间压缩\n" + w + "至1个工作日以内。\n"
            "\u3000\u3000（二）落实全面从严治党“两个责任”方面\n")
    out = _blocks(text)
    assert out[1].startswith("整改措施：严格落实") and out[1].endswith("调研报告不少于1篇。")
    assert out[4].startswith("整改措施：全面推行") and out[4].endswith("至1个工作日以内。")
    assert out[2] == "责任领导：××（党组书记、局长）"


def test_a_long_whole_title_is_not_joined_to_the_text_under_it():
    out = _blocks("中共××县市场监督管理局党组关于县委第三巡察组反馈意见的整改工作方案\n"
                  "2023年9月12日至11月10日，县委第三巡察组对县市场监督管理局党组开展了常规巡察。\n")
    assert len(out) == 2


def test_lines_of_a_clean_text_are_not_taken_for_a_hard_wrap():
    # short label lines with commas over long whole paragraphs: no wrap width, so no label joins its paragraph
    label = "整改措施：严格落实制度，每季度开展研讨"
    para = "坚持以习近平新时代中国特色社会主义思想为指导，把巡察整改作为增强“四个意识”的具体行动，坚持问题导向、目标导向，逐条制定整改措施。"
    out = _blocks("\n".join([label, para, label, para, label, para, label, para]) + "\n")
    assert len(out) == 8


def test_a_photo_caption_ends_its_line():
    out = _blocks("上海工程技术大学管理学院养老服务管理专业学生杨锦（右）在为老服务中心实习。上海工程技术大学供图\n"
                  "2020年高考填报志愿时，刘佳芸选择了“养老服务管理”专业，当年这个专业在全国首次招收本科生。\n")
    assert len(out) == 2


def _html_blocks(paras: list[str]) -> list[str]:
    from core.model import Line
    lines = [Line(text=t, lineno=i + 1, para=i) for i, t in enumerate(paras)]
    return [b.text for b in reflow.run(Document(source="t.html", format="html", lines=lines)).blocks]


def test_a_sentence_a_page_split_over_two_paragraph_elements_is_joined_back():
    out = _html_blocks(["开幕式上，校长致辞。学生代表发言，号召全校同学多读书、读好书。",
                        "据了解，近年来，××区实验小学坚持把阅读作为学生成长的重要途径，开设每周一节的阅读课，学校图书馆藏书达",
                        "6.2万册，生均图书34册。2023年，学校被评为“书香校园示范校”。",
                        "2月17日，康复病人、来自汉口医院的护士蔡桃英在献血浆时拍照留念，这是他们的心愿。新华社记者才扬摄",
                        "2月18日，武汉市各方继续全力做好物资保障工作，市民生活逐步恢复正常，社区服务有序开展。"])
    assert len(out) == 4 and out[1].endswith("藏书达6.2万册，生均图书34册。2023年，学校被评为“书香校园示范校”。")
    assert out[2].endswith("新华社记者才扬摄")  # a caption's credit ends a paragraph element for good


def test_one_sentence_per_line_with_blank_lines_between_paragraphs():
    text = ("2023年，我在局党组的坚强领导下，认真履行岗位职责。\n现将一年来的情况总结如下。\n\n一、德\n\n"
            "始终把政治建设摆在首位，坚定拥护“两个确立”。\n认真参加支部组织的主题教育和“三会一课”。\n坚持统计工作的人民性，恪守职业道德。\n\n"
            "在生活中，我注重个人品德修养，尊重领导、团结同事。\n今年先后6次参加社区志愿服务，受到群众好评。\n\n二、能\n\n"
            "统计工作专业性强，知识更新快。\n我坚持干什么学什么，系统学习了统计法实施条例。\n")
    out = _blocks(text)
    assert out == ["2023年，我在局党组的坚强领导下，认真履行岗位职责。现将一年来的情况总结如下。", "一、德",
                   "始终把政治建设摆在首位，坚定拥护“两个确立”。认真参加支部组织的主题教育和“三会一课”。坚持统计工作的人民性，恪守职业道德。",
                   "在生活中，我注重个人品德修养，尊重领导、团结同事。今年先后6次参加社区志愿服务，受到群众好评。", "二、能",
                   "统计工作专业性强，知识更新快。我坚持干什么学什么，系统学习了统计法实施条例。"]


def test_a_heading_alone_is_not_joined_to_the_paragraph_under_it_by_a_word_across_the_break():
    out = _blocks("一、2023年工作回顾\n过去一年，面对复杂严峻的外部环境和艰巨繁重的改革发展任务，县人民政府团结带领全县人民，稳中求进。\n")
    assert out[0] == "一、2023年工作回顾"


def test_an_address_to_the_hall_starts_a_paragraph():
    out = _blocks("（四）坚持依法行政。全面推进政务公开。自觉接受人大监督。\n"
                  "各位代表！新征程上，使命催人奋进，实干成就未来。让我们更加紧密地团结在一起，奋力谱写新篇章！\n")
    assert len(out) == 2


def test_a_footnote_number_ends_a_sentence_and_note_lines_stay_apart():
    text = ("通过学习，我们要推动形成新型生产关系，实现科技、产业、金融良性循环。”[5]\n\n"
            "各位中心组成员要带头学、深入学，把学习成效转化为推动全县高质量发展的思路举措。\n\n"
            "注释：\n[1]习近平：《发展新质生产力是推动高质量发展的内在要求和重要着力点》，《求是》2024年第11期。\n"
            "[2]参见《中共中央政治局召开第十一次集体学习》，新华网2024年2月1日。\n")
    assert _blocks(text) == [text.split("\n")[0], text.split("\n")[2], "注释：", text.split("\n")[5], text.split("\n")[6]]


def test_lines_indented_alike_and_wrapped_go_on_after_a_full_line_ending_a_sentence():
    text = ("    培训班安排我们到××区开展现场教学，实地考察了“共享农庄”\n"
            "    乡村振兴项目。该项目采取“村集体+合作社+农户”模式，盘活闲\n"
            "    置资源，带动周边农户2,316户增收，村集体经济年收入从不足10\n"
            "    万元增加到86万元。这让我深受启发，基层工作必须因地制宜。\n"
            "    今后，我将多到田间地头、多进农户家门，增长才干。\n"
            "    三、严守纪律规矩，树牢清廉之风\n")
    out = _blocks(text)
    assert len(out) == 2 and out[0].endswith("基层工作必须因地制宜。今后，我将多到田间地头、多进农户家门，增长才干。")


def test_blank_lines_after_every_wrapped_line_say_nothing():
    lines = ["在产业发展中，我们坚持“党支部+合作社+农户”模式，采", "取土地入股、务工就业、订单收购等方式，让群众分享红利。",
             "目前，全村有386户农户加入合作社，户均年增收1.2万", "元以上，实现了村集体和农民群众“双增收”。",
             "二、强化治理", "乡村振兴，治理有效是基础。我们坚持自治、法治、德治", "相结合，不断提升乡村治理水平。在自治方面，成立村民议",
             "事会等群众组织。", "我们还把全村划分为12个网格，由村干部和党员担任网格员。"]
    out = _blocks("\n\n".join(lines) + "\n")
    assert out[0].startswith("在产业发展中") and out[0].endswith("“双增收”。")
    assert out[1] == "二、强化治理" and out[2].endswith("成立村民议事会等群众组织。") and len(out) == 4


def test_a_number_cut_by_a_break_is_joined():
    assert _blocks("全年实现地区生产总值1,260万元，同比增长1\n2.5%；建立居民健康档案4,6\n00余份。\n") == \
        ["全年实现地区生产总值1,260万元，同比增长12.5%；建立居民健康档案4,600余份。"]


def test_an_html_element_that_stops_on_a_comma_goes_on_in_the_next():
    out = _html_blocks(["二、聚焦产业振兴，", "把集体经济“蛋糕”做大", "村党支部牵头成立合作社，发展特色种植，带动农户增收致富。"])
    assert out == ["二、聚焦产业振兴，把集体经济“蛋糕”做大", "村党支部牵头成立合作社，发展特色种植，带动农户增收致富。"]


def test_a_quotation_that_has_not_closed_goes_on_across_the_break():
    out = _blocks("在纪念馆的最后一个展厅，墙上镌刻着一位烈士写给妻子的信：\n“我此去凶多吉少，家中老母和幼儿，只能托付于你了。\n"
                  "我所做的事，是为了千千万万穷苦人家的孩子将来都能吃饱饭、读上书。”\n讲解员告诉我们，写下这封信后不到一个月，他就英勇就义了。\n")
    assert len(out) == 3 and out[1].startswith("“我此去") and out[1].endswith("读上书。”")


def test_a_short_heading_whose_sentence_ends_on_the_next_line():
    out = _blocks("（二）城市管理精细化\n水平持续提升。以创建全国文明城市为抓手，深入开展背街小巷环境整治。\n")
    assert out == ["（二）城市管理精细化水平持续提升。以创建全国文明城市为抓手，深入开展背街小巷环境整治。"]
    assert _blocks("二、工作目标\n全面完成任务。今年要重点抓好三项工作。\n")[0] == "二、工作目标"  # a heading word ends it


def test_a_blank_line_after_a_full_wrapped_line_ending_a_sentence_ends_the_paragraph():
    body = ["坚持以更高标准、更严要求加强纪检监察干部队伍建设，严格执", "行监督执纪工作规则，坚决防治灯下黑，以实际行动锻造忠诚干",
            "净担当、敢于善于斗争的纪检监察铁军，确保各项工作任务落到", "实处见到实效，以优异成绩迎接新中国成立七十五周年华诞到来。"]
    out = _blocks("\n".join(body) + "\n\n中共××县纪律检查委员会\n××县监察委员会\n2024年2月6日\n")
    assert out[0].endswith("华诞到来。") and out[1:] == ["中共××县纪律检查委员会", "××县监察委员会", "2024年2月6日"]


def test_an_item_ending_on_the_next_line_and_a_clause_going_on_into_its_quoted_object():
    assert _blocks("3.每月组织一次全面排查，建立隐患台账，实行销号\n管理；\n4.加强交通安全教育。\n")[0] == \
        "3.每月组织一次全面排查，建立隐患台账，实行销号管理；"
    assert _blocks("在校门口设置\n“护学岗”，每天上下学高峰时段安排教师值守。\n")[0] == "在校门口设置“护学岗”，每天上下学高峰时段安排教师值守。"
    assert _blocks("发展产业促增收\n“要想富，先修路。”2005年，他带领群众修通了进村水泥路。\n")[0] == "发展产业促增收"


def test_a_paragraph_joined_from_many_lines_is_one_join_record_naming_each_line():
    # a narrow column (a PDF copied line by line): one record per paragraph, not one per seam
    draft = (SAMPLES / "s01_speech_anquan.txt").read_text(encoding="utf-8")
    column = "\n\n".join("\n".join(re.findall(".{1,9}", p)) for p in draft.split("\n") if len(p) > 40)
    doc = reflow.run(Document(source="t", lines=split_lines(column)))
    joins = [c for c in doc.changes if c.kind == "join"]
    joined = [b for b in doc.blocks if len(b.lines) > 1]
    assert len(joined) > 5 and sum(len(b.lines) for b in joined) > 100
    assert sorted(c.lines for c in joins) == sorted(b.lines for b in joined)
