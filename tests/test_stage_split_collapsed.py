"""split_collapsed alone, on lines real pages' text tools ran together (from ../shared/corpus/real and the annotated
rounds): a space or a glued marker is a lost line break only where the corpus README says so."""
import pytest

from core.model import Document, Line
from core.stages import split_collapsed


def _split(*texts: str) -> list[str]:
    doc = Document(source="x.txt")
    doc.lines = [Line(t, k) for k, t in enumerate(texts, 1)]
    return [ln.text for ln in split_collapsed.run(doc).lines]


LONG = ("在今后的工作中,我们将充分发挥学校的主观能动性,积极主动的对我校在实施义务教育均衡发展工作中的实际状况进行自查,及时向上级报名汇报,"
        "争取上级政府的支持和帮助,尽其所力及时整改,努力改善办学条件,达到义务教育均衡发展软硬件建设标准,确保顺利通过政府对我校推进"
        "义务教育均衡发展工作的验收,并以此为契机,全面提升学校的办学水平和育人质量,让每一个孩子都能享有公平而有质量的教育。")  # (a page's length)


def test_a_page_collapsed_onto_one_line_is_cut_at_its_sentences_markers_and_closing():
    # rE09 (小米粒文档): title, office, title again, the body, items, signature and date on one line
    line = ("义务教育均衡发展整改报告 商州区大荆中学 关于义务教育均衡发展存在问题整改报告 商州区大荆中学于 2018 年 6 月 11 日"
            "组织学校各部门负责人进行了自查,检查中发现还存在以下问题: 1、教室现有 6 个,共 180 瓦,光线不够充足; "
            "2、体育场地和设施设备正在建设筹备中,体育活动不能正常开展; 3、旱厕蹲位少,卫生条件差。 针对检查中发现的以上问题,"
            "我校立即成立整改工作领导小组。 " + LONG + " 商州区大荆中学 2018.06.15")
    assert _split(line) == [
        "义务教育均衡发展整改报告", "商州区大荆中学", "关于义务教育均衡发展存在问题整改报告",
        "商州区大荆中学于 2018 年 6 月 11 日组织学校各部门负责人进行了自查,检查中发现还存在以下问题:",
        "1、教室现有 6 个,共 180 瓦,光线不够充足;", "2、体育场地和设施设备正在建设筹备中,体育活动不能正常开展;",
        "3、旱厕蹲位少,卫生条件差。", "针对检查中发现的以上问题,我校立即成立整改工作领导小组。", LONG, "商州区大荆中学", "2018.06.15"]


def test_pdf_line_ends_kept_as_spaces_are_wraps_and_a_short_line_ends_its_paragraph():
    # rC10 (腾讯文档·文库): the visual lines of a PDF, each about 28 characters, joined with spaces
    line = ("二、宣讲目标 1.宣传党中央的方针政策,特别是与我镇经济社会发展密切相 关的政策措施,使广大干部群众真正理解政策、认同政策、"
            "支持 政策。 2.加强基层党组织的建设,培养党员干部的理论素养和政策素 质,使其更好地履行职责、服务群众。 3.激发人民群众的积极性"
            "和创造性,增加对政府工作的参与度 和获得感,促进社会和谐稳定。 三、宣讲内容 1.党中央方针政策宣讲:重点宣传党的十九届五中全会"
            "精神, 习近平新时代中国特色社会主义思想,国家重大政策和战略,如 乡村振兴战略、精准扶贫政策等。")
    pieces = _split("一、背景和目的", line)
    assert pieces[1:4] == ["二、宣讲目标", "1.宣传党中央的方针政策,特别是与我镇经济社会发展密切相 关的政策措施,使广大干部群众"
                           "真正理解政策、认同政策、支持 政策。", "2.加强基层党组织的建设,培养党员干部的理论素养和政策素 质,使其更好地"
                           "履行职责、服务群众。"]
    assert "三、宣讲内容" in pieces
    assert pieces[-1].startswith("1.党中央方针政策宣讲:重点宣传党的十九届五中全会精神, 习近平")  # a wrap after a comma


def test_glued_title_salutation_and_markers_in_a_collapsed_page():
    # rA05 (文客久久): nothing separates the title, the salutation and a level-1 heading after a colon
    body = "今天我们隆重举行期末考试表彰大会,意义十分重大。" * 20  # (a collapsed page: hundreds of characters on the line)
    line = "学期期末考试表彰大会上的讲话老师们、同学们:下午好!" + body + "我更想对没有获奖的同学提出四点希望:一、不要放弃,只有上学才有出路。我们生在农村。"
    pieces = _split(line)
    assert pieces[:2] == ["学期期末考试表彰大会上的讲话", "老师们、同学们:"]
    assert pieces[-1] == "一、不要放弃,只有上学才有出路。我们生在农村。"


def test_a_title_written_twice_and_a_title_run_into_its_first_sentence():
    # rF02 / rB02: "…工作总结 …工作总结 根据…", "…年度工作回顾2023年已经过去了,"
    assert _split("某镇农村人居环境整治工作总结 某镇农村人居环境整治工作总结 根据省、市、县关于农村人居环境整治的相关文件精神和"
                  "工作要求。我镇党委、政府高度重视,精心组织。")[:3] == [
        "某镇农村人居环境整治工作总结", "某镇农村人居环境整治工作总结",
        "根据省、市、县关于农村人居环境整治的相关文件精神和工作要求。我镇党委、政府高度重视,精心组织。"]  # (no space: one paragraph)
    assert _split("社区建设科年度工作回顾2023年已经过去了,我们回顾一下社区建设科在过去一年的工作,主要负责管理社区事务。")[0] \
        == "社区建设科年度工作回顾"


@pytest.mark.parametrize("line", [
    # a page that kept its lines: a list inside a sentence stays (s44, s50)
    "推进乡镇寄宿制学校建设，重点做好以下工作：（1）加快城区学校建设，确保秋季投入使用；（2）推进乡镇寄宿制学校标准化建设。",
    "对我们党员教师来说，传承红色基因要做到三个方面：第一，要学好党史，从中汲取信仰的力量；第二，要讲好党史。",
    # an article's number and its text (s42), names in a sentence (s72), a footnote's number (s84)
    "第十一条 公益性岗位人员因病、因事不能到岗的，应当提前向村民委员会请假；连续请假超过15日的，应当及时安排替岗人员。",
    "当天上午，××区实验小学第十届读书节启动仪式在学校操场举行。区教育局副局长 张××、儿童文学作家 周××参加活动。",
    "习近平总书记强调：“要牢牢把握高质量发展这个首要任务，因地制宜发展新质生产力。”[3] 总书记特别指出，发展新质生产力不是忽视传统产业。",
    "专项工作报告8项，开展《中华人民共和国安全生产法》等3部法律法规执法检查，对群众反映强烈的问题开展跟踪监督，持续推动整改落实。",
])
def test_what_is_not_a_lost_line_break_stays(line):
    assert _split(line) == [line]


def test_a_contents_line_is_left_whole_for_the_noise_rules():
    line = "【提纲】一、上半年工作开展情况 1.党建引领持续加强 2.民生服务提质增效 3.社区治理不断深化 二、存在的问题 三、下半年工作计划"
    assert _split(line) == [line]


def test_pieces_start_blocks_and_the_split_is_recorded():
    doc = Document(source="x.txt")
    doc.lines = [Line("县长在全县工作会议上的讲话 同志们: 这次会议很重要。 一、要准确把握形势 今年以来，全县上下共同努力。", 1)]
    out = split_collapsed.run(doc)
    assert [ln.text for ln in out.lines] == ["县长在全县工作会议上的讲话", "同志们:", "这次会议很重要。", "一、要准确把握形势",
                                             "今年以来，全县上下共同努力。"]
    assert [ln.cut for ln in out.lines] == [False, True, True, True, True]
    assert all(ln.lineno == 1 for ln in out.lines)
    assert [c.kind for c in out.changes] == ["split"]


@pytest.mark.parametrize("line,front", [
    # rD07: the file's name, the title twice, the addressee, the text
    ("关于乡镇行政区划调整的申请.doc关于乡镇行政区划调整的申请关于乡镇行政区划调整的申请省政府:___ 县共辖 12镇7乡, 219 个村。",
     ["关于乡镇行政区划调整的申请.doc", "关于乡镇行政区划调整的申请", "关于乡镇行政区划调整的申请", "省政府:"]),
    # rF01: a compilation's name, the sample's title, the site's word count
    ("2020年在全县防汛抗旱工作会议上的讲话稿和在全县企业转型升级工作动员会议讲话稿合编2020年在全县防汛抗旱工作会议上的讲话稿4050字范本"
     "目前,我县已全面进入主汛期。", ["2020年在全县防汛抗旱工作会议上的讲话稿和在全县企业转型升级工作动员会议讲话稿合编",
                                 "2020年在全县防汛抗旱工作会议上的讲话稿", "4050字范本"]),
])
def test_what_a_page_glues_in_front_of_the_title(line, front):
    assert _split(line)[:len(front)] == front


def test_a_samples_title_glued_after_the_lead_in_of_a_collapsed_page():
    # rE10 (人人文库): the lead-in, then sample 1's title, its label and its salutation, no separator at all
    text = ("在日新月异的现代社会中,在很多情况下我们需要用到倡议书。以下是小编整理的医院戒烟、禁烟倡议书,欢迎阅读与收藏。"
            "医院戒烟、禁烟倡议书1全院的医务人员、共青团员和职工同志们:具有省内一流水平的现代化智能住院大楼即将投入运行。" * 1)
    body = "此时此刻,您是否想过该为这幢屹立在歌山画水大地的标志性建造做点什么?" * 12
    pieces = _split(text + body)
    assert pieces[1:4] == ["医院戒烟、禁烟倡议书1", "全院的医务人员、共青团员和职工同志们:", "具有省内一流水平的现代化智能住院大楼即将投入运行。" + body]


def test_a_space_after_a_sentence_in_a_page_that_kept_its_lines_is_the_paragraphs_own():
    # round4 p07: "（一）…严峻形势。 近年来，…" — a heading's sentence and its text, one paragraph of a line-broken page
    line = "（一）深刻认识财政系统党风廉政建设的严峻形势。 近年来，全市财政系统深入贯彻全面从严治党战略方针，党风廉政建设取得明显成效。"
    assert _split("一、以案为鉴、以案促改，切实增强推进全面从严治党的政治自觉", line) == ["一、以案为鉴、以案促改，切实增强推进全面从严治党的政治自觉", line]


def test_a_decimal_outline_glued_into_a_collapsed_page_is_cut_at_its_numbers_and_section_names():
    from pathlib import Path

    from core.api import clean_text
    doc = clean_text((Path(__file__).parent / "data" / "real" / "round2" / "p04.txt").read_text(encoding="utf-8"))
    heads = [b.text for b in doc.blocks if b.kind == "heading"]
    assert doc.blocks[0].kind == "title" and doc.blocks[0].text == "新县2014年防汛抗旱应急预案"
    assert heads == ["1.总则", "1.1编制目的", "1.2编制依据", "1.3适用范围", "1.4工作原则"]
    assert [b.text[:5] for b in doc.blocks if b.text.startswith("1.4.")] == ["1.4.1", "1.4.2"]  # clauses: paragraphs
    assert any(r.rule == "inline-page-number" and "35" in r.text for r in doc.removed)
    # numbers that do not follow one another as an outline does stay in their sentences
    plain = clean_text("全县粮食总产增长1.5倍，" * 30 + "油料产量达到2.3万吨，蔬菜种植面积扩大到1.1万亩。" * 10)
    assert not any(b.kind == "heading" for b in plain.blocks)
