"""structure and number together, on the short documents clerks handle most."""
import pytest

from core.api import clean_text

NOTICE = """关于开展安全检查的通知
各县(市、区)教育局:
一、检查范围
全市各类企业都要参加这次检查，不得遗漏，请各单位认真落实。
二、检查内容
1、消防设施是否完好。
1、疏散通道是否畅通。
3、应急预案是否健全。
四、工作要求
(1)高度重视。各单位要高度重视，主要负责同志亲自抓。
(3)按时报送。请于3月底前报送检查情况。
XX市安全生产委员会办公室
2021年3月4日
"""


def _kinds(doc):
    return [(b.kind, b.level) for b in doc.blocks]


def test_notice_structure():
    doc = clean_text(NOTICE)
    k = _kinds(doc)
    assert k[0] == ("title", None) and k[1] == ("salutation", None)
    assert k[-2:] == [("signature", None), ("date", None)]
    assert doc.blocks[1].text == "各县（市、区）教育局："


def test_markers_normalized_and_broken_sequences_repaired_and_recorded():
    doc = clean_text(NOTICE)
    heads = [b.text for b in doc.blocks if b.kind == "heading"]
    assert heads == ["一、检查范围", "二、检查内容", "1.消防设施是否完好。", "2.疏散通道是否畅通。", "3.应急预案是否健全。",
                     "三、工作要求", "（1）高度重视。", "（2）按时报送。"]
    renumbered = [c for c in doc.changes if c.kind == "renumber"]
    assert len(renumbered) == 3


def test_run_in_heading_gets_body_and_one_sentence_item_is_text_only():
    doc = clean_text(NOTICE)
    h = next(b for b in doc.blocks if b.text == "（1）高度重视。")
    assert h.body == "各单位要高度重视，主要负责同志亲自抓。"
    assert next(b for b in doc.blocks if b.text.startswith("1.")).body is None


def test_numbering_running_on_across_sections_is_kept():
    doc = clean_text("一、总体要求\n1.加强领导。各级要加强领导。\n2.明确责任。要明确责任分工。\n"
                     "二、主要任务\n3.抓好落实。要抓好各项落实。\n4.强化督查。要强化督查问责。\n")
    assert [b.text for b in doc.blocks if b.level == 3] == ["1.加强领导。", "2.明确责任。", "3.抓好落实。", "4.强化督查。"]


def test_yishi_inside_paragraphs_is_not_a_heading_and_subtitle_detected():
    doc = clean_text("共建共享幸福教育\n——在2021年全市教育系统工作会议上的讲话\n同志们:\n"
                     "今年的工作任务十分繁重，我们要统一思想，提高认识，全面完成各项目标任务。\n"
                     "一是加强党的建设。要把党的建设摆在首位，不断提高政治站位和工作水平。\n")
    assert _kinds(doc) == [("title", None), ("subtitle", None), ("salutation", None), ("paragraph", None), ("paragraph", None)]


def test_unnumbered_section_head_before_prose():
    doc = clean_text("工作总结\n今年以来，我局在市委市政府的坚强领导下，各项工作取得明显成效，现总结如下。\n"
                     "主要工作成效\n全年共完成项目建设二十个，新增就业岗位三千余个，群众满意度持续提升。\n")
    assert ("heading", 1) in _kinds(doc)


def test_warnings_name_gaps_and_placeholders():
    doc = clean_text("今天我们召开全市教育系统工作会议，×书记作了重要讲话，X教育取得新成绩，会议要求__落实。\n"
                     "此处省略1200字\n下面我讲三点意见，请大家认真抓好落实，确保各项工作取得实效。\n")
    codes = [w.code for w in doc.warnings]
    assert codes.count("gap") == 1 and "1200" in doc.warnings[0].message
    placeholder = next(w for w in doc.warnings if w.code == "placeholder")
    assert "3处" in placeholder.message


def test_title_is_not_merged_with_a_site_line_above_it_across_removed_lines():
    from core.api import clean_text
    doc = clean_text("云文档 yunwendang · 文档分享平台\n文档编号:YWD-20230515   下载积分:2\n\n"
                     "××县卫生健康局2023年第6次局党组会议纪要\n会议传达学习了全省卫生健康系统安全生产工作视频会议精神，研究了近期重点工作。\n")
    assert doc.blocks[0].kind == "title"
    assert doc.blocks[0].text == "××县卫生健康局2023年第6次局党组会议纪要"
    assert any(r.text.startswith("云文档") for r in doc.removed)  # nothing disappears unrecorded


def test_title_set_on_two_adjacent_lines_is_one_title():
    from core.api import clean_text
    doc = clean_text("××镇人民政府关于申请拨付××村饮水安全\n巩固提升工程资金的请示\n县财政局:\n"
                     "××村位于我镇西北部山区，辖6个村民小组312户1180人，该村现有供水工程建于2009年。\n")
    assert (doc.blocks[0].kind, doc.blocks[0].text) == ("title", "××镇人民政府关于申请拨付××村饮水安全巩固提升工程资金的请示")
    assert doc.blocks[1].kind == "salutation"


def _kind_text(text: str) -> list[tuple[str, str]]:
    from core.api import clean_text
    return [(b.kind, b.text) for b in clean_text(text).blocks]


def test_ordinal_words_opening_several_paragraphs_mark_run_in_headings():
    from core.api import clean_text
    body = "理论上的清醒是政治上坚定的前提。读书班期间，我坚持原原本本学、逐字逐句悟，边学边记、边学边思。"
    doc = clean_text(f"按照单位主题教育工作安排，我参加了为期5天的主题教育读书班，现将学习体会汇报如下。\n"
                     f"首先，要在学深悟透上下功夫，筑牢信仰之基。{body}\n其次，要在联系实际上下功夫，增强工作本领。{body}\n")
    heads = [(b.kind, b.text, b.body[:6]) for b in doc.blocks if b.kind == "heading"]
    assert heads == [("heading", "首先，要在学深悟透上下功夫，筑牢信仰之基。", body[:6]),
                     ("heading", "其次，要在联系实际上下功夫，增强工作本领。", body[:6])]


def test_a_single_ordinal_in_a_speech_is_just_a_sentence():
    text = ("同志们：\n今天召开全县经济运行分析会议，主要任务是分析研判当前经济形势，安排部署下一阶段重点工作。\n"
            "首先，我代表县委、县政府向大家表示衷心的感谢。过去一年，全县上下攻坚克难，各项工作取得了新的成绩。\n")
    assert _kind_text(text)[-1][0] == "paragraph"


@pytest.mark.parametrize("line, head", [
    ("三、下半年工作计划下半年，社区将围绕街道中心工作，重点抓好以下几个方面：", "三、下半年工作计划"),
    ("二、存在的问题虽然上半年工作取得了一定成效，但对照居民期盼，仍存在一些不足。", "二、存在的问题"),
])
def test_short_heading_that_lost_its_line_break_is_split_after_its_heading_word(line, head):
    text = f"××社区2023年上半年工作总结\n上半年，社区在街道党工委的坚强领导下，扎实推进各项工作，取得了一定成效。\n{line}\n"
    kinds = _kind_text(text)
    assert ("heading", head) in kinds
    assert any(k == "paragraph" and t == line[len(head):] for k, t in kinds)


def test_the_title_a_subtitle_hangs_under_wins_over_the_page_headline():
    text = ("县长在全县一季度经济运行分析会议上的讲话\n\n坚定信心鼓足干劲奋力夺取全年经济工作开门红\n"
            "——在全县2023年一季度经济运行分析会议上的讲话\n县委副书记、县长 刘××\n(2023年3月15日)\n同志们:\n"
            "今天召开全县一季度经济运行分析会议，主要任务是分析研判当前经济形势，安排部署下一阶段重点工作。\n")
    kinds = _kind_text(text)
    assert kinds[:5] == [("title", "坚定信心鼓足干劲奋力夺取全年经济工作开门红"),
                         ("subtitle", "——在全县2023年一季度经济运行分析会议上的讲话"),
                         ("byline", "县委副书记、县长 刘××"), ("byline", "（2023年3月15日）"), ("salutation", "同志们：")]


def test_a_title_in_two_halves_is_not_a_byline_and_loses_its_space():
    text = ("扎根基层二十载　一心为民写忠诚\n"
            "张××同志1978年出生，2003年当选为村党支部书记，二十年来始终把群众的冷暖放在心上，带领群众脱贫致富。\n")
    assert _kind_text(text)[0] == ("title", "扎根基层二十载一心为民写忠诚")


def test_after_signature_and_date_nothing_is_a_heading_and_an_attachment_item_is_no_signature():
    text = ("各乡镇人民政府，县政府各部门：\n现将有关事项通知如下，请各单位结合实际认真抓好落实，确保各项工作取得实效。\n"
            "附件：1.2023年“安全生产月”活动安排表\n2.2023年“安全生产月”活动总结统计表\n××县人民政府办公室\n二〇二三年五月六日\n"
            "（此件主动公开）\n抄送：县委办公室，县人大常委会办公室，县政协办公室。\n")
    kinds = dict((t, k) for k, t in _kind_text(text))
    assert kinds["2.2023年“安全生产月”活动总结统计表"] == "paragraph"
    assert kinds["××县人民政府办公室"] == "signature" and kinds["二〇二三年五月六日"] == "date"
    assert kinds["（此件主动公开）"] == "paragraph"


def test_issue_number_is_a_byline_and_a_chapter_heading_loses_its_space():
    text = ("××县人民政府常务会议纪要\n第12期\n××县人民政府办公室　　　　2023年5月4日\n"
            "2023年5月4日上午，县长主持召开县政府第12次常务会议，研究部署近期重点工作，现纪要如下。\n第一章 总则\n"
            "为规范管理，根据有关法律法规，结合本县实际，制定本办法，请各单位认真遵照执行。\n")
    kinds = _kind_text(text)
    assert kinds[:4] == [("title", "××县人民政府常务会议纪要"), ("byline", "第12期"), ("byline", "××县人民政府办公室"),
                         ("byline", "2023年5月4日")]
    assert ("heading", "第一章总则") in kinds


def test_regulation_chapters_are_headings_at_one_level_and_articles_are_paragraphs():
    text = ("××县村级公益性岗位管理办法（试行）\n第一章 总则\n第一条 为规范村级公益性岗位管理，根据有关规定，结合本县实际，制定本办法。\n"
            "第二条 本办法适用于本县行政区域内村级公益性岗位的开发、管理和服务。\n（一）开发原则\n按需设岗、以岗聘任，在岗领补、有序退岗，确保岗位发挥实效。\n"
            "第二章 岗位管理\n第三条 村级公益性岗位实行“乡镇统筹、村级使用、部门指导”的管理模式，确保责任落实。\n")
    kinds = _kind_text(text)
    assert kinds[0] == ("title", "××县村级公益性岗位管理办法（试行）")
    from core.api import clean_text
    heads = [(b.level, b.text) for b in clean_text(text).blocks if b.kind == "heading"]
    assert heads == [(1, "第一章总则"), (2, "（一）开发原则"), (1, "第二章岗位管理")]
    assert all(k == "paragraph" for k, t in kinds if t.startswith("第") and "条" in t[:5])


def test_stage_directions_in_brackets_are_not_headings_and_a_field_line_is_not_joined_to_the_title():
    text = ("在全县2024年教育工作会议上的主持词\n主持人：县委常委、副县长 何××\n（2024年2月23日）\n\n同志们：\n\n"
            "现在开会。首先，请县教育局局长作工作报告，大家欢迎。\n\n（工作报告）\n\n"
            "下面，请县领导为受表彰的先进集体和先进个人代表颁奖，请受表彰的代表上台领奖。\n")
    kinds = _kind_text(text)
    assert kinds[:2] == [("title", "在全县2024年教育工作会议上的主持词"), ("byline", "主持人：县委常委、副县长 何××")]
    assert ("paragraph", "（工作报告）") in kinds


def test_a_briefing_article_headline_with_a_colon_is_a_heading_and_an_editor_line_a_byline():
    text = ("工作简报\n第5期\n××县教育局办公室编\n2023年10月8日\n"
            "今年秋季学期以来，全县各中小学扎实推进课后服务工作，现将××镇中心学校的做法刊发，供各校学习借鉴。\n"
            "××镇中心学校：“三个聚焦”推动课后服务提质增效\n"
            "今年以来，××镇中心学校坚持把课后服务作为落实“双减”政策的重要抓手，统筹校内外资源，取得了明显成效。\n"
            "记录：孙××\n会议传达学习了全省卫生健康系统安全生产工作视频会议精神，研究了近期重点工作。\n")
    kinds = _kind_text(text)
    assert ("byline", "××县教育局办公室编") in kinds
    assert ("heading", "××镇中心学校：“三个聚焦”推动课后服务提质增效") in kinds
    assert ("paragraph", "记录：孙××") in kinds


def test_a_masthead_of_issuing_body_over_document_type_is_one_title():
    text = ("××县人民政府\n常务会议纪要\n第12期\n"
            "2023年5月4日上午，县长主持召开县政府第12次常务会议，研究部署近期重点工作，现纪要如下。\n")
    assert _kind_text(text)[:2] == [("title", "××县人民政府常务会议纪要"), ("byline", "第12期")]


def test_an_attachment_appended_after_the_date_is_a_document_of_its_own():
    from core.api import clean_text
    text = ("关于表扬2023年度森林防火工作先进集体和先进个人的通报\n各乡镇人民政府，县直各单位：\n"
            "在森林防火工作中，涌现出一批工作扎实、成效明显的先进集体，经研究，决定予以通报表扬。\n"
            "附件：1.先进集体名单\n××县森林防火指挥部　　××县林业局\n2023年12月26日\n附件1\n"
            "全县森林防火工作先进集体名单\n（共3个）\n城关镇人民政府\n县应急管理局\n××乡××村村民委员会\n")
    kinds = [(b.kind, b.text) for b in clean_text(text).blocks]
    assert ("signature", "××县森林防火指挥部 ××县林业局") in kinds  # a joint signature on one line (round6 p08)
    i = kinds.index(("docbreak", ""))
    assert kinds[i + 1:i + 3] == [("paragraph", "附件1"), ("title", "全县森林防火工作先进集体名单")]
    assert kinds[-1] == ("paragraph", "××乡××村村民委员会")


def test_an_instalment_label_on_a_page_headline_is_not_part_of_the_title():
    from core.api import clean_text
    doc = clean_text("××县村级公益性岗位管理办法（试行）（上）\n第一章 总则\n"
                     "第一条 为规范村级公益性岗位开发和管理，根据有关规定，结合本县实际，制定本办法。\n")
    assert doc.blocks[0].text == "××县村级公益性岗位管理办法（试行）"
    assert any(r.rule == "instalment-label" and r.text == "（上）" for r in doc.removed)


MONTHS = """××小学德育工作计划
为深入贯彻落实立德树人根本任务，进一步加强和改进学校德育工作，结合学校实际，制定本计划。
四、月工作安排
九月份：
1.开展“开学第一课”主题教育活动。
2.组织一年级新生入学行为规范训练。
十月份：
1.开展“我和我的祖国”国庆主题教育活动。
2.组织少先队建队日新队员入队仪式。
"""


def test_month_labels_over_their_own_items_are_heads_and_each_list_starts_at_one():
    doc = clean_text(MONTHS)
    heads = [(b.level, b.text) for b in doc.blocks if b.kind == "heading"]
    assert (2, "九月份：") in heads and (2, "十月份：") in heads  # between 四、 (level 1) and the 1. items (level 3)
    items = [t for lvl, t in heads if lvl == 3]
    assert [t[:2] for t in items] == ["1.", "2.", "1.", "2."]  # a new list under each label: no renumbering
    assert not [c for c in doc.changes if c.kind == "renumber"]


def test_a_list_restarting_after_its_lead_in_line_is_not_renumbered():
    doc = clean_text("关于做好安全工作的通知\n一、检查内容\n检查内容包括以下方面：\n1.消防设施是否完好。\n2.疏散通道是否畅通。\n"
                     "二、工作要求\n具体要求如下：\n1.高度重视，主要负责同志亲自抓。\n2.按时报送检查情况。\n")
    assert not [c for c in doc.changes if c.kind == "renumber"]


def test_a_label_line_is_not_glued_to_the_heading_above_it():
    blocks = _kind_text("××小学德育工作计划\n为加强学校德育工作，结合学校实际，制定本计划。\n四、月工作安排\n九月份：\n"
                        "1.开展“开学第一课”主题教育活动。\n")
    assert ("heading", "四、月工作安排") in blocks


def test_a_typed_contents_list_goes_even_where_its_entries_run_into_their_text_below():
    doc = clean_text("关于全县留守儿童关爱保护工作的调研报告\n目　　录\n一、基本情况………………1\n二、主要做法和成效…………2\n"
                     "（一）强化组织领导，关爱机制逐步健全……2\n三、对策建议………………4\n一、基本情况\n"
                     "据统计，截至2023年8月底，全县共有农村留守儿童3126名。\n二、主要做法和成效\n"
                     "（一）强化组织领导，关爱机制逐步健全。县委、县政府将留守儿童关爱保护工作纳入重要议事日程。\n三、对策建议\n"
                     "要压实家庭监护主体责任，加强对外出务工父母的宣传引导。\n")
    assert {r.rule for r in doc.removed} == {"contents-list"} and len(doc.removed) == 5
    assert [b.text for b in doc.blocks if b.kind == "heading" and b.level == 1] == ["一、基本情况", "二、主要做法和成效", "三、对策建议"]


def test_two_short_parallel_phrases_alone_on_a_line_are_a_subhead():
    blocks = _kind_text("××小学举办第五届读书节\n9月15日上午，××区实验小学第五届读书节启动仪式在学校操场举行，全校师生参加。\n"
                        "名家进校园，点燃阅读热情\n活动中，儿童文学作家周××为孩子们带来了一堂阅读分享课，讲述了一个个生动的故事。\n")
    assert ("heading", "名家进校园，点燃阅读热情") in blocks


def test_a_plain_text_opening_with_a_headline_that_has_a_comma():
    blocks = _kind_text("女儿出嫁，郑板桥画了几笔兰花当嫁妆\n郑板桥晚年得女，视为掌上明珠。女儿出嫁时，他没有置办丰厚的嫁妆，"
                        "只画了几笔兰花相赠，并题诗勉励女儿勤俭持家、孝敬长辈，传为一时佳话。\n")
    assert blocks[0] == ("title", "女儿出嫁，郑板桥画了几笔兰花当嫁妆")


def test_a_speech_opening_with_a_greeting_has_no_title_from_it():
    blocks = _kind_text("同志们，大家好！\n今天我们召开全县教育工作会议，主要任务是总结去年工作，分析当前形势，部署今年任务，动员全县上下凝心聚力。\n")
    assert blocks[0][0] != "title"


def test_document_number_under_the_title_and_an_attachment_after_the_note_under_the_date():
    blocks = _kind_text("××县人民政府关于表彰先进集体和先进个人的决定\n×政发〔2024〕3号\n各乡镇人民政府，县政府各部门：\n"
                        "2023年，全县各级各部门坚持人民至上、生命至上，全县安全生产形势持续稳定向好，特作此决定。\n"
                        "××县人民政府\n2024年2月6日\n（此件公开发布）\n附件\n2023年度全县安全生产工作先进集体名单\n"
                        "××镇人民政府、××乡人民政府、××街道办事处、县应急管理局、县交通运输局、县住房和城乡建设局。\n")
    assert blocks[1] == ("byline", "×政发〔2024〕3号")
    assert ("signature", "××县人民政府") in blocks and ("date", "2024年2月6日") in blocks
    assert ("docbreak", "") in blocks and ("title", "2023年度全县安全生产工作先进集体名单") in blocks


def test_a_title_whose_second_line_opens_with_a_bracket_and_de_goes_on_from_the_first():
    blocks = _kind_text("××市人民政府关于××县国土空间总体规划\n（2021—2035年）的批复\n×政函〔2023〕12号\n××县人民政府：\n"
                        "你县《关于报请审批〈××县国土空间总体规划（2021—2035年）〉的请示》收悉。经研究，现批复如下：\n")
    assert blocks[0] == ("title", "××市人民政府关于××县国土空间总体规划（2021—2035年）的批复")


def test_an_attachment_title_on_two_lines_and_a_note_after_the_date():
    blocks = _kind_text("附件1\n关于加快推进××市现代职业教育\n高质量发展的实施意见\n"
                        "为深入贯彻落实《中华人民共和国职业教育法》精神，加快构建现代职业教育体系，现提出如下意见。\n"
                        "本意见自印发之日起施行，由市教育局负责解释。\n××市教育局\n2024年4月8日\n"
                        "注：本意见所称职业院校包括中等职业学校和高等职业学校，所列指标均为2025年目标值。\n")
    assert ("title", "关于加快推进××市现代职业教育高质量发展的实施意见") in blocks
    assert ("signature", "××市教育局") in blocks and ("date", "2024年4月8日") in blocks


def test_the_first_item_of_a_list_that_goes_on_two_three_is_one():
    doc = clean_text("人居环境整治实施方案\n（一）厕所革命\n4.稳步推进户厕改造。全年完成户厕改造560户。\n"
                     "2.加强后续管护。建立管护制度。\n3.推进粪污资源化利用。鼓励农户就近利用。\n")
    items = [b.text[:2] for b in doc.blocks if b.kind == "heading" and b.level == 3]
    assert items == ["1.", "2.", "3."]
    assert [c.detail for c in doc.changes if c.kind == "renumber"] == ["4. -> 1."]


def test_a_letter_keeps_its_closing_and_its_salutation():
    blocks = _kind_text("入党申请书\n敬爱的党组织：\n我志愿加入中国共产党，拥护党的纲领，遵守党的章程，履行党员义务，为共产主义奋斗终身。\n"
                        "请党组织在实践中考验我。\n此致\n敬礼！\n申请人：×××\n2023年10月8日\n")
    assert blocks[1] == ("salutation", "敬爱的党组织：")
    assert ("paragraph", "此致") in blocks and ("paragraph", "敬礼！") in blocks
    assert blocks[-2:] == [("signature", "申请人：×××"), ("date", "2023年10月8日")]


def test_a_title_ending_like_an_office_is_still_the_title():
    blocks = _kind_text("把青春写在大山深处\n——记××县××乡中心小学教师赵××\n"
                        "在××县最偏远的××乡，有一所被群山环抱的中心小学，学校里有一位老师，孩子们都亲切地叫她“赵妈妈”。\n")
    assert blocks[:2] == [("title", "把青春写在大山深处"), ("subtitle", "——记××县××乡中心小学教师赵××")]


def test_short_one_sentence_paragraphs_in_a_story_are_not_heads():
    story = "看着孩子期待的眼神，赵××蹲下身子，拉着她的手说：“老师不走，老师一直陪着你们。”孩子们都笑了，笑得那么开心。"
    blocks = _kind_text(f"把青春写在大山深处\n{story}\n这一句承诺，她守了二十一年。\n{story}\n"
                        f"山路再远，她也从未缺过一节课。\n{story}\n")
    assert all(k == "paragraph" for k, _ in blocks[1:])


def test_signature_and_date_before_an_appended_table_and_before_a_related_list():
    blocks = _kind_text("××镇上半年经济运行情况报告\n上半年，全镇经济运行总体平稳，主要指标保持增长，现将有关情况报告如下。\n"
                        "××镇人民政府\n2024年7月8日\n附表：\n××镇2024年1—6月主要经济指标完成情况\n"
                        "指标名称\t单位\t完成数\n地区生产总值\t亿元\t18.62\n")
    assert ("signature", "××镇人民政府") in blocks and ("date", "2024年7月8日") in blocks
    blocks = _kind_text("县文旅局局长述职报告\n一年来，我认真履行职责，较好完成了各项工作任务，以上述职，请予评议。\n"
                        "述职人：周××\n2024年1月8日\n相关述职报告：\n2023年度县文旅局副局长述职报告\n2023年度文化馆馆长个人述职报告\n")
    assert blocks[-2:] == [("signature", "述职人：周××"), ("date", "2024年1月8日")]


def test_a_list_inside_an_item_that_lost_its_brackets_goes_one_level_deeper():
    doc = clean_text("平安社区建设实施方案\n（一）强化矛盾纠纷排查化解\n1.健全调解组织。每个社区建立人民调解委员会。\n"
                     "2.落实排查制度。重点做好以下工作：\n1.每月开展1次矛盾纠纷集中排查，建立排查台账；\n"
                     "2.对排查出的纠纷实行清单化管理；\n3.对重大疑难纠纷联合会商。\n3.加强特殊人群服务管理。落实帮扶措施。\n")
    heads = [(b.level, b.text) for b in doc.blocks if b.kind == "heading"]
    assert [t[:3] for lvl, t in heads if lvl == 4] == ["（1）", "（2）", "（3）"]
    assert [t[:2] for lvl, t in heads if lvl == 3] == ["1.", "2.", "3."]
    assert [c.detail.split(":")[0] for c in doc.changes if c.kind == "renumber"] == ["1. -> （1）", "2. -> （2）", "3. -> （3）"]


def test_phases_are_heads_with_their_text():
    heads = [(b.kind, b.level, b.text, b.body) for b in clean_text(
        "植树造林工作计划\n五、时间安排\n第一阶段（3月1日—3月15日）：宣传发动、规划设计。镇成立工作专班。\n"
        "第二阶段（3月16日—4月10日）：集中造林、全面推进。各村组织专业队伍集中栽植。\n").blocks if b.kind == "heading"]
    assert heads[1:] == [("heading", 2, "第一阶段（3月1日—3月15日）：", "宣传发动、规划设计。镇成立工作专班。"),
                         ("heading", 2, "第二阶段（3月16日—4月10日）：", "集中造林、全面推进。各村组织专业队伍集中栽植。")]


def test_a_byline_of_office_name_and_date_keeps_its_space():
    blocks = _kind_text("干部培训心得体会\n××县教育局 张××（2023年5月）\n"
                        "通过这次培训，我深刻认识到加强理论学习的重要性，进一步增强了做好本职工作的责任感和使命感。\n")
    assert blocks[1] == ("byline", "××县教育局 张××（2023年5月）")


def test_a_notice_issuing_a_plan_with_its_number_above_the_title_and_a_note_under_the_date():
    blocks = _kind_text("×政发〔2024〕8号\n××县人民政府关于印发《××县城镇老旧小区改造三年行动实施方案》的通知\n"
                        "各乡镇人民政府，县政府各部门：\n现将《××县城镇老旧小区改造三年行动实施方案》印发给你们，请结合实际，认真抓好贯彻落实。\n"
                        "××县人民政府\n2024年3月18日\n（此件公开发布）\n××县城镇老旧小区改造三年行动实施方案\n（2024—2026年）\n"
                        "为加快补齐城镇基础设施和公共服务短板，切实改善居民居住条件，结合我县实际，制定本方案。\n")
    assert blocks[0] == ("byline", "×政发〔2024〕8号") and blocks[1][0] == "title"
    assert ("signature", "××县人民政府") in blocks and ("date", "2024年3月18日") in blocks
    k = blocks.index(("docbreak", ""))
    assert blocks[k - 1] == ("paragraph", "（此件公开发布）")
    assert blocks[k + 1] == ("title", "××县城镇老旧小区改造三年行动实施方案（2024—2026年）")


def test_a_closing_date_may_stop_at_the_month_and_the_sites_follow_line_goes():
    blocks = _kind_text("副镇长述职述廉报告\n一年来，我认真履行职责，较好完成了各项工作任务，以上报告，请予评议。\n汇报人：×××\n2023年12月\n"
                        "以上就是小编为大家整理的述职述廉报告范文，希望对你有所帮助。\n更多述职报告范文请关注本站。\n")
    assert blocks[-2:] == [("signature", "汇报人：×××"), ("date", "2023年12月")]


def test_a_contents_block_called_benwen_mulu_goes():
    doc = clean_text("关于全县集体经济发展情况的调研报告\n本文目录\n一、基本情况\n二、存在问题\n三、对策建议\n一、基本情况\n"
                     "全县共有行政村126个，集体经济收入全部达到10万元以上。\n二、存在问题\n部分村集体经济发展后劲不足，收入来源单一。\n"
                     "三、对策建议\n要因地制宜发展特色产业，拓宽集体经济增收渠道。\n")
    assert [b.text for b in doc.blocks if b.kind == "heading"] == ["一、基本情况", "二、存在问题", "三、对策建议"]


def test_a_bold_contact_line_is_no_heading():
    from core.model import Document, Line
    from core.pipeline import run_stages
    doc = Document(source="t.html", format="html")
    texts = ["寒假安全致家长的一封信", "各位家长：寒假将至，为确保孩子度过一个平安、愉快的假期，请您配合学校做好以下安全工作。",
             "报警电话：110，火警电话：119，急救电话：120。", "××县教育局值班电话：××××-6213100",
             "祝您和家人新春快乐、阖家幸福！"]
    doc.lines = [Line(t, i + 1, bold=i in (2, 3), para=i) for i, t in enumerate(texts)]
    kinds = [(b.kind, b.text) for b in run_stages(doc).blocks]
    assert ("paragraph", "报警电话：110，火警电话：119，急救电话：120。") in kinds
    assert ("paragraph", "××县教育局值班电话：××××-6213100") in kinds


def test_title_and_a_story_subtitle_on_one_line_and_a_library_as_signature():
    blocks = _kind_text("扎根乡村三十年守护群众健康——××镇××村卫生室乡村医生×××先进事迹材料\n"
                        "三十年来，他扎根乡村，守护着全村群众的健康，被群众亲切地称为“家门口的好医生”。\n")
    assert blocks[:2] == [("title", "扎根乡村三十年守护群众健康"), ("subtitle", "——××镇××村卫生室乡村医生×××先进事迹材料")]
    blocks = _kind_text("全民阅读推广工作计划\n全年举办阅读推广活动不少于100场，全县人均阅读量明显提升。\n××县图书馆\n2024年1月12日\n")
    assert blocks[-2:] == [("signature", "××县图书馆"), ("date", "2024年1月12日")]


def test_a_numbered_anchor_contents_list_goes():
    doc = clean_text("调研报告\n本文目录\n1. 一、基本情况\n2. 二、存在的主要问题\n3. 三、对策建议\n"
                     "关于全县集体经济发展情况的调研报告\n一、基本情况\n全县共有行政村126个，集体经济收入全部达到10万元以上。\n"
                     "二、存在的主要问题\n部分村集体经济发展后劲不足。\n三、对策建议\n要因地制宜发展特色产业。\n")
    assert doc.blocks[0].kind == "title" and doc.blocks[0].text == "关于全县集体经济发展情况的调研报告"
    assert [b.text for b in doc.blocks if b.kind == "heading"] == ["一、基本情况", "二、存在的主要问题", "三、对策建议"]


def test_a_two_clause_heading_run_into_an_enumeration_or_a_sentence_is_split_at_the_seam():
    blocks = _kind_text("在全县粮食安全工作会议上的讲话\n同志们：\n今天召开会议，主要任务是部署今年的粮食安全工作。\n"
                        "二、正视差距，清醒认识当前存在的问题一是耕地保护形势依然严峻。一些地方违法占用耕地的现象时有发生。\n"
                        "三、聚焦重点任务，全力以赴抓好今年工作今年全县粮食\n播种面积要稳定在86万亩以上，总产量稳定在37万吨以上。\n")
    assert ("heading", "二、正视差距，清醒认识当前存在的问题") in blocks
    assert ("paragraph", "一是耕地保护形势依然严峻。一些地方违法占用耕地的现象时有发生。") in blocks
    assert ("heading", "三、聚焦重点任务，全力以赴抓好今年工作") in blocks
    assert blocks[-1] == ("paragraph", "今年全县粮食播种面积要稳定在86万亩以上，总产量稳定在37万吨以上。")


def test_front_matter_of_a_pdf_converted_docx_line_by_line():
    from core.model import Document, Line
    from core.pipeline import run_stages
    texts = [("××县第十八届人大常委会第二十次会议文件（7）", None), ("关于××县2023年度县级预算执行和其他", "center"),
             ("财政收支的审计工作报告", "center"), ("——2024年8月27日在××县第十八届人民代表大会", "center"),
             ("常务委员会第二十次会议上", "center"), ("××县审计局局长\u3000×××", "center"),
             ("主任、各位副主任、秘书长、各位委员：", None), ("我受县人民政府委托，向县人大常委会报告2023年度县级预", None),
             ("算执行和其他财政收支的审计情况，请予审议。", None), ("— 1 —", "center"),
             ("××县第十八届人大常委会第二十次会议文件（7）", None),
             ("一、县级预算执行审计情况", None), ("— 2 —", "center"), ("××县第十八届人大常委会第二十次会议文件（7）", None),
             ("审计结果表明，县政府认真落实县人大常委会有关决议，财政运行总体平稳。", None)]
    doc = Document(source="t.docx", format="docx")
    doc.lines = [Line(t, i + 1, align=a, para=i) for i, (t, a) in enumerate(texts)]
    kinds = [(b.kind, b.text) for b in run_stages(doc).blocks]
    assert kinds[0] == ("title", "关于××县2023年度县级预算执行和其他财政收支的审计工作报告")
    assert kinds[1][0] == "subtitle" and kinds[1][1].startswith("——2024年8月27日")
    assert ("byline", "××县审计局局长 ×××") in kinds and ("salutation", "主任、各位副主任、秘书长、各位委员：") in kinds
    assert all("会议文件（7）" not in t for _, t in kinds)  # the running head, also its copy on the first page


def test_heads_ending_on_fangmian_or_a_function_word_split_where_their_text_starts():
    blocks = _kind_text("个人对照检查材料\n按照主题教育专题民主生活会要求，现将个人对照检查情况报告如下。\n"
                        "（一）在学习贯彻党的创新理论、锤炼政治品格方面一是学习的系统性不够。满足于完成规定动作。\n"
                        "六、存在的不足和\n下一步打算虽然本次活动取得了一定成效，但仍存在一些不足。\n")
    assert ("heading", "（一）在学习贯彻党的创新理论、锤炼政治品格方面") in blocks
    assert ("paragraph", "一是学习的系统性不够。满足于完成规定动作。") in blocks
    assert ("heading", "六、存在的不足和下一步打算") in blocks
    assert blocks[-1] == ("paragraph", "虽然本次活动取得了一定成效，但仍存在一些不足。")


def test_thanks_at_the_end_of_a_speech_is_no_heading():
    blocks = _kind_text("在职代会上的讲话\n同志们：\n过去的一年，全院职工团结奋斗，各项工作取得新成效，在此向大家表示衷心感谢。\n"
                        "谢谢大家！\n声明：本文由鼎文网用户投稿，仅供学习参考。\n")
    assert blocks[-1] == ("paragraph", "谢谢大家！")


def test_a_proposers_line_is_a_byline():
    blocks = _kind_text("关于加快推进县特殊教育学校建设的提案\n提案人：××县政协委员 ×××（教育界）\n"
                        "近年来，我县特殊教育事业取得长足发展，但仍存在办学条件薄弱、师资力量不足等问题，建议加快推进县特殊教育学校建设。\n")
    assert blocks[1] == ("byline", "提案人：××县政协委员 ×××（教育界）")
