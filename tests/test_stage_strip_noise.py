"""strip_noise alone, on lines as real pages have them."""
from core.model import Document, Overrides
from core.readers.lines import split_lines
from core.stages import strip_noise


def _run(text: str, keep: set[int] | None = None) -> Document:
    doc = Document(source="t.txt", lines=split_lines(text))
    if keep:
        doc.overrides = Overrides(keep_lines=keep)
    return strip_noise.run(doc)


BODY = "今天我们召开一年一度的全市教育系统工作会议，主要任务是总结回顾2020年工作，研究部署2021年工作。"
BODY2 = "过去的一年，全市教育系统坚持立德树人根本任务，各项工作取得了新的进展，教育质量稳步提升。"


def test_site_chrome_is_removed_with_rule_ids_and_body_kept():
    doc = _run(f"到文鼎文库首页\n\n发布时间:2021/3/4 21:08:46 字数:15501\n当前位置:首页 > 范文大全 > 讲话稿\n{BODY}\n"
               "上一篇:关于做好安全工作的通知\n京ICP备12345678号 版权所有\n长按识别二维码更多精彩\n")
    assert [ln.text for ln in doc.lines] == [BODY]
    rules = {r.text[:4]: r.rule for r in doc.removed}
    assert rules["到文鼎文"] == "nav-to-home"
    assert rules["发布时间"] == "meta-strong"
    assert rules["上一篇:"] == "nav-prev-next"
    assert len(doc.removed) == 6


def test_common_words_only_removed_as_whole_lines_in_head_or_tail_zone():
    text = f"首页\n{BODY}\n分享\n要把首页和分享按钮做好，更多功能逐步上线，确保平台稳定运行并方便群众使用。\n{BODY}\n更多\n"
    doc = _run(text)
    kept = [ln.text for ln in doc.lines]
    assert "分享" in kept  # inside the body: a real line, not navigation
    assert "首页" not in kept and "更多" not in kept
    assert any("首页和分享" in t for t in kept)


def test_truncation_banners_become_one_gap_with_the_count():
    doc = _run(f"{BODY}\n……\n预览结束,全文15501字,当前显示4036字,还剩11465字\n本文15\n下载全文\n")
    marks = [(ln.mark, ln.omitted_chars) for ln in doc.lines if ln.mark]
    assert marks == [("gap", 11465)]


def test_total_minus_shown_when_no_remaining_count():
    doc = _run(f"{BODY}\n预览结束，全文8000字，当前显示3000字\n")
    assert [(ln.mark, ln.omitted_chars) for ln in doc.lines if ln.mark] == [("gap", 5000)]


def test_download_prompt_after_a_cut_sentence_is_a_gap_without_count():
    doc = _run("今天我们召开一年一度的全市教育系统工作会议，主要任务是总结回顾2020年工作，研究部署\n点击下载完整版\n")
    assert [(ln.mark, ln.omitted_chars) for ln in doc.lines if ln.mark] == [("gap", None)]


def test_reference_material_starts_a_docbreak():
    doc = _run(f"{BODY}\n以下内容供参考:\n区教育和体育局\n{BODY}\n")
    assert [ln.mark for ln in doc.lines] == [None, "docbreak", None, None]


def test_repeated_page_title_keeps_the_last_most_specific_line():
    doc = _run(f"在全校教职工大会讲话讲话\n文章来源:网友投稿 时间:2022-08-08 09:05:01\n在全校教职工大会讲话讲话\n"
               f"在2021年全校教职工大会讲话的讲话\n同志们:\n{BODY}\n")
    assert [ln.text for ln in doc.lines][:2] == ["在2021年全校教职工大会讲话的讲话", "同志们:"]
    assert [r.rule for r in doc.removed].count("page-title-repeat") == 2


def test_menus_bullets_counters_and_lone_punctuation():
    doc = _run(f"首页 范文大全 古典文学 职场知识 中国文学 公文书信\n  • 范文大全\n  • 礼仪知识\n{BODY}\n)\n221381\n")
    assert [ln.text for ln in doc.lines] == [BODY]
    assert {r.rule for r in doc.removed} == {"nav-menu", "nav-bullet", "lone-punct", "counter"}


def test_related_articles_tail_is_cut_from_its_marker():
    doc = _run(f"{BODY}\n相关阅读\n2021年教师节讲话\n学校安全工作总结\n")
    assert [ln.text for ln in doc.lines] == [BODY]
    assert all(r.rule == "tail-related" for r in doc.removed)


def test_signature_and_date_after_the_last_sentence_survive_the_tail_rule():
    doc = _run(f"{BODY}\n特此通知。\n附件:检查表\nXX市教育局\n2021年3月4日\n精选图文\n")
    assert [ln.text for ln in doc.lines] == [BODY, "特此通知。", "附件:检查表", "XX市教育局", "2021年3月4日"]


def test_restoring_a_removed_line_via_overrides():
    doc = _run(f"长按识别二维码更多精彩\n{BODY}\n", keep={1})
    assert doc.lines[0].text == "长按识别二维码更多精彩"
    assert doc.removed == []


def test_breadcrumb_path_with_a_site_name_in_front_is_removed():
    doc = _run(f"蜂巢文库 首页 > 行业资料 > 教育/培训 > 校园安全\n关于做好校园安全工作的通知\n{BODY}\n")
    assert doc.lines[0].text == "关于做好校园安全工作的通知"
    assert doc.removed[0].rule == "nav-path"


def test_page_numbers_and_the_running_header_at_page_breaks_go():
    head = "××县基层治理现代化建设实施方案"
    text = (f"{BODY}重点抓好\n\n— 1 —\n\n第 1 页 / 共 8 页\n\n{head}\n\n以下工作：\n{BODY}\n— 2 —\n\n第 2 页 / 共 8 页\n\n"
            f"{head}\n\n{BODY2}\n")
    doc = _run(text)
    kept = [ln.text for ln in doc.lines]
    assert head not in kept and "— 1 —" not in kept
    assert {r.rule for r in doc.removed} == {"page-number", "page-counter", "running-header"}
    assert not any(ln.mark for ln in doc.lines)  # the text goes on after each break: no gap


def test_a_short_line_next_to_one_page_break_only_stays():
    doc = _run(f"{BODY}\n— 1 —\n三、保障措施\n{BODY}\n")
    assert "三、保障措施" in [ln.text for ln in doc.lines]


def test_paid_download_and_fold_prompts_are_removed():
    doc = _run(f"{BODY}\n还剩3页未读，继续阅读\n{BODY2}\n试读结束,下载完整版\n立即下载(VIP免费) ¥9.90\n【本文关键词】爱国卫生 工作计划\n")
    assert [ln.text for ln in doc.lines if not ln.mark] == [BODY, BODY2]
    assert {r.rule for r in doc.removed} >= {"read-more-pages", "download-price", "keywords"}


def test_a_note_in_brackets_after_the_date_is_content():
    doc = _run(f"{BODY}\n××市人民政府办公室\n2023年5月6日\n（此件公开发布）\n")
    assert [ln.text for ln in doc.lines][-1] == "（此件公开发布）"


def test_collection_labels_alone_on_a_line_start_samples_and_the_list_of_samples_goes():
    t1, t2, t3 = "师德师风学习心得体会", "2023年教师师德师风学习心得", "师德师风个人学习心得体会"
    doc = _run(f"篇一：{t1}  篇二：{t2}  篇三：{t3}\n篇一：\n{t1}\n{BODY}\n篇二：{t2}\n{BODY}\n【篇三】\n{t3}\n{BODY}\n")
    out = [ln.mark or ln.text for ln in doc.lines]
    assert out == [t1, BODY, "docbreak", t2, BODY, "docbreak", t3, BODY]
    assert {r.rule for r in doc.removed} == {"toc-line", "collection-label"}


def test_a_header_line_inside_a_sentence_cut_by_one_page_break_goes():
    doc = _run("2.严守政治纪律和政治规矩。严格执行重大事项请示报告制度，教育引导党员干部\n\n- 1 -\n第 1 页 共 6 页\n\n"
               "××局机关党支部 · 内部资料\n\n自觉在思想上政治上行动上同党中央保持高度一致。\n")
    assert [r.rule for r in doc.removed if r.text.startswith("××局")] == ["running-header"]


def test_download_button_after_the_closing_date_is_no_gap():
    doc = _run(f"{BODY}\n××小学\nX年X月X日\n[免费下载Word版]\n")
    assert not any(ln.mark for ln in doc.lines)
    doc = _run(f"{BODY}\n二是加强队伍建设，教育引导党员干部\n点击下载全文\n")
    assert [ln.mark for ln in doc.lines if ln.mark] == ["gap"]


def test_a_contents_list_whose_entries_come_again_below_is_removed():
    heads = ["一、总体要求", "二、重点任务", "三、保障措施"]
    toc = "目  录\n" + "\n".join(f"{h}……………{n}" for n, h in enumerate(heads, 1))
    doc = _run(f"××县2024年工作方案\n{toc}\n" + "".join(f"{h}\n{BODY}\n" for h in heads))
    assert [ln.text for ln in doc.lines].count("一、总体要求") == 1
    assert sum(r.rule == "contents-list" for r in doc.removed) == 4


def test_a_list_after_mulu_that_does_not_come_again_is_kept():
    doc = _run(f"目录\n一、总体要求\n二、重点任务\n三、保障措施\n{BODY}\n")
    assert "二、重点任务" in [ln.text for ln in doc.lines]


def test_a_bracketed_banner_inside_a_line_is_cut_out_and_the_text_around_it_stays():
    doc = _run("同时，我们对全县……\n(青藤公文网 此处省略1264字 登录会员查看全文)……校安全风险实行分\n"
               "级管控，建立了三级检查制度，做到隐患排查不留死角、问题整改闭环销号。\n")
    texts = [ln.mark or ln.text for ln in doc.lines]
    assert texts[texts.index("gap") + 1] == "校安全风险实行分"
    assert [ln.omitted_chars for ln in doc.lines if ln.mark] == [1264]
    assert any("此处省略1264字" in r.text for r in doc.removed)


def test_a_related_articles_marker_above_any_text_cuts_nothing():
    doc = _run("相关阅读\n一、回顾过去\n2020年是极不平凡的一年。\n")
    assert [ln.text for ln in doc.lines] == ["相关阅读", "一、回顾过去", "2020年是极不平凡的一年。"]


def test_a_photo_caption_alone_between_paragraphs_goes_but_a_run_of_plan_bullets_stays():
    para = "教学点条件艰苦，赵××一个人要教三个年级的语文、数学，还要照顾孩子们的午饭，一干就是二十一年。"
    doc = _run(f"{para}\n▲赵××和孩子们在一起\n{para}\n▲××村教学点旧址\n{para}\n△开展主题党日活动\n△组织志愿服务\n{para}\n")
    assert [(r.rule, r.text) for r in doc.removed] == [("photo-caption", "▲赵××和孩子们在一起"),
                                                       ("photo-caption", "▲××村教学点旧址")]


def test_abridgement_marks_become_one_gap_and_an_inline_one_is_cut_out():
    from core.api import clean_text
    doc = clean_text("在全县防汛抗旱工作会议上的讲话\n同志们：\n今年汛期形势严峻，各级各部门要高度重视，切实做好防汛各项准备。\n"
                     "……\n（此处有删节）\n……\n（二）抓好水库安全度汛。病险水库一律空库运行，严禁违规蓄水。（此处有删节）\n"
                     "（四）抓好抗旱保供水工作。防汛抗旱两手都要抓、两手都要硬。\n")
    kinds = [(b.kind, b.text) for b in doc.blocks]
    assert [k for k, _ in kinds].count("gap") == 2
    assert ("heading", "（二）抓好水库安全度汛。") in kinds and ("heading", "（四）抓好抗旱保供水工作。") in kinds  # (三) was cut
    assert all("删节" not in t for _, t in kinds)


def test_a_site_note_planted_inside_a_sentence_is_cut_out_and_can_be_kept():
    from core.api import clean_text, reclean
    from core.model import Overrides
    text = "述职报告\n我始终坚持亮身份、践承诺、树形象（晨曦教育资源网原创首发，转载请注明出处），在教学一线发挥先锋模范作用。\n"
    doc = clean_text(text)
    assert doc.blocks[-1].text == "我始终坚持亮身份、践承诺、树形象，在教学一线发挥先锋模范作用。"
    assert [(r.rule, r.line) for r in doc.removed] == [("inline-site-note", 2)]
    source = Document(source="t.txt", lines=split_lines(text))
    assert "晨曦教育资源网" in reclean(doc, source, Overrides(keep_lines={2})).blocks[-1].text
    # a sentence about a website's own original work keeps its words
    plain = clean_text("工作总结\n我局门户网站全年发布原创信息326条（其中首发稿件58条），点击量稳步提升。\n")
    assert "（其中首发稿件58条）" in plain.blocks[-1].text


def test_full_width_percent_and_decimal_point_become_ascii():
    from core.api import clean_text
    assert "96.3%" in clean_text("简报\n全县课后服务参与率达９６．３％，较去年提高２．１个百分点。\n").text()


def test_a_watermark_hidden_inside_words_is_cut_out_but_a_named_site_stays():
    from core.api import clean_text
    doc = clean_text("植树造林工作计划\n今年计划完成通道及村庄绿化4红笔范文网hongbifw.com00亩，3月1红笔范文网hongbifw.com2日前"
                     "完成规划，确保红笔范文网hongbifw.com按时完工。\n")
    assert doc.blocks[-1].text == "今年计划完成通道及村庄绿化400亩，3月12日前完成规划，确保按时完工。"
    kept = clean_text("学习计划\n全体党员要每天登录学习强国网www.xuexi.cn，完成当日学习任务。\n")
    assert "www.xuexi.cn" in kept.blocks[-1].text


def test_the_headline_at_the_top_of_each_later_page_goes_even_inside_a_sentence():
    from core.api import clean_text
    title = "在全县庆祝第40个教师节暨优秀教师表彰大会上的讲话"
    doc = clean_text(f"{title}\n同志们：\n教师是立教之本、兴教之源。全县广大教师要做塑造灵魂的“人师”，\n第1页　第2页　下一页\n{title}\n"
                     f"用自己的言传身教影响学生、感染学生。\n{title}（3）\n最后，祝全县广大教师节日快乐、身体健康！\n")
    texts = [(b.kind, b.text) for b in doc.blocks]
    assert texts[0] == ("title", title) and sum(title in t for _, t in texts) == 1
    assert ("paragraph", "教师是立教之本、兴教之源。全县广大教师要做塑造灵魂的“人师”，用自己的言传身教影响学生、感染学生。") in texts
    assert texts[-1] == ("paragraph", "最后，祝全县广大教师节日快乐、身体健康！")


def test_the_account_named_above_a_posts_time_stamp_goes():
    from core.api import clean_text
    doc = clean_text("××县村级公益性岗位管理办法（试行）\n××县人社局\n2023-08-15 17:30 · 来自××县人力资源和社会保障局官方账号\n"
                     "第一章　总则\n第一条　为规范村级公益性岗位开发管理，根据有关规定，结合本县实际，制定本办法。\n")
    assert [(r.rule, r.text) for r in doc.removed][:1] == [("post-author", "××县人社局")]
    assert all(b.text != "××县人社局" for b in doc.blocks)


def test_banner_counts_with_thousands_separators():
    from core.api import clean_text
    doc = clean_text("镇妇联工作计划\n一、指导思想\n以习近平新时代中国特色社会主义思想为指导，团结引领广大妇女建功新时代，\n"
                     "（全文共4,386字，当前仅显示1,752字，请下载后阅读全文）\n")
    assert [(b.kind, b.omitted_chars) for b in doc.blocks if b.kind == "gap"] == [("gap", 2634)]
