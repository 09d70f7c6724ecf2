"""HTML reader: real saved pages (main text found, chrome dropped) and the layout rules on small pages."""
from __future__ import annotations

import re
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from pathlib import Path

import pytest
from qg_paths import HTML, needs_corpus
from rapidfuzz.distance import LCSseq

from core.errors import QingGaoError
from core.readers import read
from core.readers.html import read_html


def page(name: str):  # noqa: ANN201 - a Document
    return read_html((HTML / name).read_bytes(), name)


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def body(doc) -> str:  # noqa: ANN001
    return "\n".join(ln.text for ln in doc.lines)


def html(inner: str, head: str = "<title>测试页 - 某某网</title>") -> bytes:
    return f'<html><head><meta charset="utf-8">{head}</head><body>{inner}</body></html>'.encode()


PROSE = "为切实做好今年的安全生产工作，确保人民群众生命财产安全，经研究决定，现就有关事项通知如下，请认真贯彻执行。"


# ---- real pages ----------------------------------------------------------------------------------------

# Floors from what the reader achieves on these pages (recall 1.00, precision 0.97-1.00), with margin.
RECALL_FLOOR = 0.98
PRECISION_FLOOR = 0.93


@needs_corpus
@pytest.mark.parametrize("name", sorted(p.name.replace(".expected.txt", ".html")
                                        for p in HTML.glob("*.expected.txt")) if HTML.is_dir() else [])
def test_main_text_matches_the_annotated_text(name):
    doc = page(name)
    out = squash("".join(ln.text for ln in doc.lines))
    gold = squash((HTML / name.replace(".html", ".expected.txt")).read_text(encoding="utf-8"))
    lcs = LCSseq.similarity(out, gold)
    assert lcs / len(gold) >= RECALL_FLOOR, "main text lost"
    assert lcs / len(out) >= PRECISION_FLOOR, "site chrome kept"


@needs_corpus
def test_state_council_gazette_page_gives_the_resolution_not_the_navigation():
    # general-purpose extractors return only navigation here; a stray </html> mid-page puts the text outside <body>
    doc = page("gne__other.html")
    text = body(doc)
    assert "会议决定：批准发行15500亿元特别国债购买外汇，批准2007年末国债余额限额调整为53365.53亿元。" in text
    assert "听取了财政部部长金人庆代表国务院对《国务院关于提请审议" in text
    for chrome in ("首页", "国务院部门网站", "扫一扫在手机打开当前页", "相关稿件", "全国人大", "网站标识码", "字号：", "无障碍"):
        assert chrome not in text, chrome
    # the title is split by <br> into three bold centred lines, then the adoption note
    assert [ln.text for ln in doc.lines[:3]] == ["全国人民代表大会常务委员会", "关于批准财政部发行特别国债购买外汇及",
                                                 "调整2007年末国债余额限额的决议"]
    assert all(ln.bold and ln.align == "center" for ln in doc.lines[:3])
    assert doc.lines[3].text.startswith("（2007年6月29日") and not doc.lines[3].bold
    assert "国务院公报" in doc.title_hint
    assert doc.lines[4].indent == 2 and doc.lines[4].text.startswith("第十届")  # "　　" kept out of the text


GNE_PAGES = {
    # page: (sentences of the body that must be there, navigation/footer text that must not)
    "gne__gzggw.html": (["全县固定资产投资完成246.79亿元，完成年度计划82.3%"],
                        ["投资管理和项目推进", "浙公网安备", "网站地图", "打印", "当前位置："]),
    "gne__sxmu.html": (["第六十九条　本法自公布之日起施行。《中华人民共和国行政监察法》同时废止。",
                        "第一条　为了深化国家监察体制改革"],
                       ["添加收藏夹", "山西医科大学纪检监察室", "太原理工大学", "学思践悟"]),
    "gne__shanxi.html": (["刷新“走出去”的最远纪录", "南美站活动将先后在巴西、乌拉圭、阿根廷举行。（张巨峰）"],
                         ["扫一扫在手机打开当前页面", "热门搜索", "晋公网安备", "字体：", "领导动态"]),
    "gne__zyyfy.html": (["本站讯（职工通讯员 李琴雯 刘会）", "药剂科全体同仁不断努力"],
                        ["医院概况", "湘公安网备号", "24小时急救电话", "护理风采"]),
    "gne__people.html": (["纸上得来终觉浅，绝知此事要躬行。", "东方朔不隐于山林而是隐于朝廷"],
                         ["登录人民网通行证", "热点排行", "人民日报客户端下载", "推荐阅读", "视频新闻"]),
    "traf__banyuetan.org.1000200033136171577956287380194268_1.html": (
        ["益水之阳，是名益阳。", "从数字经济，到数字治理，再到数字社会"],
        ["互联网举报中心", "半月谈简介", "客服电话", "热门推荐"]),
    "traf__xinhuanet.com.c_1125597921.html": (
        ["正是有了英勇的你们，才有这座英雄的城！"], ["王毅会见越南副总理", "广告服务", "【纠错】", "+1"]),
    "traf__archive.org.he.xinhuanet.com.25340717.html": (
        ["一个约定，信守15年，感人至深；一段真情，延续15年，催人泪下。"], ["关闭窗口", "发表评论", "燕赵新闻周刊"]),
}


@needs_corpus
@pytest.mark.parametrize("name", sorted(GNE_PAGES))
def test_news_and_government_pages_keep_body_and_drop_chrome(name):
    doc = page(name)
    text = body(doc)
    present, absent = GNE_PAGES[name]
    for s in present:
        assert s in text, s
    for s in absent:
        assert s not in text, s
    assert doc.title_hint


@needs_corpus
@pytest.mark.parametrize("name,headline", [
    ("gne__shanxi.html", "山西品牌丝路行（南美站）正式启动"),
    ("magic__5da9b27b0b9b53ae.html", "呼和浩特：对生育二孩、三孩的呼市户籍家庭发放一次性育儿津贴5000元"),
    ("traf__banyuetan.org.1000200033136171577956287380194268_1.html", "益阳：“数字”是优长"),
    ("traf__archive.org.he.xinhuanet.com.25340717.html", "话剧《约定无期限》河北各市巡演结束"),
])
def test_headline_above_the_body_is_kept_once(name, headline):
    doc = page(name)
    assert doc.lines[0].text == headline
    assert sum(1 for ln in doc.lines if ln.text == headline) == 1
    assert not any("来源：" in ln.text for ln in doc.lines[:1])


@needs_corpus
def test_subtitle_follows_the_headline():
    doc = page("gne__shanxi.html")
    assert [ln.style for ln in doc.lines[:2]] == ["h2", "h3"]
    assert doc.lines[1].text == "成功举办中国（山西）－巴西双向经贸投资推介会"


@needs_corpus
def test_page_that_declares_gb2312_over_a_utf8_body_is_read_as_utf8():
    raw = (HTML / "magic__9c642bd57e7c44cd.html").read_bytes()
    assert b"charset=gb2312" in raw
    doc = page("magic__9c642bd57e7c44cd.html")
    assert doc.encoding == "utf-8"
    assert "刘佳芸选择了“养老服务管理”专业" in body(doc)


@needs_corpus
def test_gb2312_page_from_the_web_archive_is_decoded():
    doc = page("traf__archive.org.he.xinhuanet.com.25340717.html")
    assert doc.encoding == "gb18030"
    assert "\ufffd" not in body(doc)


@needs_corpus
def test_chapter_headings_in_bold_paragraphs_carry_the_bold_hint():
    doc = page("gne__sxmu.html")
    chapter = next(ln for ln in doc.lines if ln.text.startswith("第一章"))
    article = next(ln for ln in doc.lines if ln.text.startswith("第一条"))
    assert chapter.bold and not article.bold


# ---- source paragraphs (Line.para) ---------------------------------------------------------------------

def paras(lines) -> list:  # noqa: ANN001
    return [ln.para for ln in lines]


@needs_corpus
@pytest.mark.parametrize("name", sorted(p.name for p in HTML.glob("*.html")) if HTML.is_dir() else [])
def test_every_line_of_a_real_page_names_its_paragraph_in_order(name):
    ps = paras(page(name).lines)
    assert None not in ps and ps[0] == 0
    assert all(b - a in (0, 1) for a, b in zip(ps, ps[1:])), ps  # numbered 0, 1, 2... in reading order


@needs_corpus
def test_title_lines_broken_by_br_share_their_paragraph():
    # 国务院公报: the resolution's title is one <p> cut by <br> into three lines plus the adoption note
    lines = page("gne__other.html").lines
    assert lines[0].para == lines[1].para == lines[2].para == lines[3].para
    assert lines[4].para == lines[3].para + 1  # the next <p>: a real paragraph end


@needs_corpus
def test_a_real_page_keeps_paragraphs_apart_until_a_br_joins_two():
    raw = (HTML / "gne__people.html").read_bytes()
    one, two = "古人学问无遗力，少壮工夫老始成。", "纸上得来终觉浅，绝知此事要躬行。"
    cut = b'</p>\n<p style="text-indent: 2em; text-align: center;">\n\t'
    assert raw.count(one.encode() + cut + two.encode()) == 1
    before = read_html(raw, "p.html").lines
    after = read_html(raw.replace(one.encode() + cut, one.encode() + b"<br>\n\t"), "p.html").lines
    assert [ln.text for ln in after] == [ln.text for ln in before]  # the same lines...
    i = [ln.text for ln in before].index(one)
    assert before[i + 1].text == two and before[i + 1].para == before[i].para + 1
    assert after[i + 1].para == after[i].para  # ...but the poem's two lines are now one paragraph
    assert len(set(paras(after))) == len(set(paras(before))) - 1


def test_text_around_a_nested_block_is_three_paragraphs():
    lines = lines_of(f"开头一句。<p>第一行<br>第二行</p>结尾一句。<p>{PROSE}</p>")
    assert [ln.text for ln in lines] == ["开头一句。", "第一行", "第二行", "结尾一句。", PROSE]
    assert paras(lines) == [0, 1, 1, 2, 3]


def test_blank_line_made_by_two_br_stays_inside_the_paragraph():
    lines = lines_of(f"<p>第一行<br><br>第二行</p><p>{PROSE}</p>")
    assert [(ln.para, ln.blank_before) for ln in lines] == [(0, 0), (0, 1), (1, 0)]


def test_each_table_row_is_its_own_paragraph():
    lines = lines_of(f"<p>{PROSE}</p><table><tr><th>姓名</th><th>单位</th></tr>"
                     "<tr><td>张三</td><td>市教育局</td></tr></table><p>以上名单请各单位核对。</p>")
    assert [ln.style for ln in lines] == ["p", "tr", "tr", "p"]
    assert paras(lines) == [0, 1, 2, 3]


def test_layout_table_cells_are_paragraphs_of_their_own():
    lines = lines_of(f"<table><tr><td><p>{PROSE}</p><p>{PROSE}再次强调。</p></td><td>附件</td></tr></table>")
    assert paras(lines) == [0, 1, 2]


def test_preformatted_lines_share_the_pre_element():
    lines = lines_of(f"<pre>{PROSE}\n二、工作要求\n\n{PROSE}</pre><p>结尾。</p>")
    assert paras(lines) == [0, 0, 0, 1]


def test_hr_ends_a_paragraph():
    lines = lines_of("<div>上一段的文字<hr>下一段的文字</div>")
    assert paras(lines) == [0, 1]


# ---- layout rules --------------------------------------------------------------------------------------

def lines_of(inner: str, **kw) -> list:
    return read_html(html(f"<div class='content'>{inner}</div>", **kw), "t.html").lines


def test_bold_paragraph_is_one_bold_line():
    lines = lines_of(f"<p><strong>一、总体要求</strong></p><p>{PROSE}</p>")
    assert lines[0].text == "一、总体要求" and lines[0].bold
    assert not lines[1].bold


def test_strong_lead_in_does_not_break_the_paragraph():
    lines = lines_of(f"<p><strong>（一）指导思想。</strong>{PROSE}</p>")
    assert len(lines) == 1
    assert lines[0].text == "（一）指导思想。" + PROSE
    assert not lines[0].bold


def test_inline_elements_do_not_break_lines_but_blocks_and_br_do():
    lines = lines_of(f"<p>一是<span>加强</span><a href='#'>领导</a>，<font color=red>二是</font><em>落实</em>责任。"
                     f"{PROSE}</p><div>第二段<br>第三段<br/><br/>第四段</div>")
    assert [ln.text for ln in lines] == ["一是加强领导，二是落实责任。" + PROSE, "第二段", "第三段", "第四段"]
    assert lines[3].blank_before == 1


def test_alignment_hints_from_attribute_style_and_center_tag():
    lines = lines_of(f"<p align='center'>关于做好安全工作的通知</p><p style='text-align: right'>某某市教育局</p>"
                     f"<center>2021年3月4日</center><p>{PROSE}</p>")
    assert [ln.align for ln in lines] == ["center", "right", "center", None]


def test_bold_from_css_font_weight():
    lines = lines_of(f"<p><span style='font-weight:bold'>（二）工作目标</span></p><p>{PROSE}</p>")
    assert lines[0].bold


def test_source_line_breaks_between_chinese_characters_vanish():
    lines = lines_of(f"<p>各地要高度\n   重视，English\nwords 保持空格。{PROSE}</p>")
    assert lines[0].text.startswith("各地要高度重视，English words 保持空格。")


def test_ideographic_space_indent_is_kept_out_of_the_text():
    lines = lines_of(f"<p>　　{PROSE}</p><p>&nbsp;&nbsp;&nbsp;&nbsp;{PROSE}</p>")
    assert lines[0].text == PROSE and lines[0].indent == 2
    assert lines[1].text == PROSE and lines[1].indent == 4


def test_preformatted_text_keeps_its_line_breaks():
    lines = lines_of(f"<pre>{PROSE}\n二、工作要求\n\n{PROSE}</pre>")
    assert [ln.text for ln in lines] == [PROSE, "二、工作要求", PROSE]
    assert lines[2].blank_before == 1


def test_data_table_rows_become_lines_with_cells_tab_separated():
    lines = lines_of(f"<p>{PROSE}</p><table><tr><th>姓名</th><th>单位</th></tr>"
                     "<tr><td>张三</td><td>市教育局</td></tr></table>")
    assert lines[1].text == "姓名\t单位" and lines[1].bold
    assert lines[2].text == "张三\t市教育局" and not lines[2].bold


def test_layout_table_cells_keep_their_paragraphs():
    lines = lines_of(f"<table><tr><td><p>{PROSE}</p><p>{PROSE}再次强调。</p></td><td>附件</td></tr></table>")
    assert [ln.text for ln in lines] == [PROSE, PROSE + "再次强调。", "附件"]


def test_scripts_styles_forms_and_chrome_elements_are_dropped():
    doc = read_html(html(
        "<header>网站首页 新闻中心</header><nav>首页 | 政务公开</nav>"
        "<script>var x='脚本里的字';</script><style>.a{}</style><noscript>请开启脚本</noscript>"
        f"<div class='article'><p>{PROSE}</p><form>搜索框文字<button>搜索</button></form></div>"
        "<aside>热点排行</aside><footer>版权所有 某某网</footer>"), "t.html")
    assert [ln.text for ln in doc.lines] == [PROSE]


def test_a_form_wrapping_the_whole_page_is_not_dropped():
    doc = read_html(html(f"<form id='form1'><div class='content'><p>{PROSE}</p><p>{PROSE}</p></div></form>"), "t.html")
    assert len(doc.lines) == 2


def test_hidden_elements_are_dropped():
    doc = read_html(html(
        f"<div class='content'><p>{PROSE}</p><div hidden>隐藏一</div><p style='display: none'>隐藏二</p>"
        "<span style='visibility:hidden'>隐藏三</span><div aria-hidden='true'>隐藏四</div>"
        "<div class='share hide'>隐藏五</div></div>"), "t.html")
    assert body(doc) == PROSE


def test_long_prose_folded_behind_read_more_is_kept():
    rest = "".join(f"<p>{PROSE}第{i}段。</p>" for i in range(5))
    doc = read_html(html(f"<div class='content'><p>{PROSE}</p><div style='display:none' class='more'>{rest}</div>"
                         "<a class='btn'>展开全文</a></div>"), "t.html")
    assert "第4段。" in body(doc)


def test_main_block_is_chosen_over_link_lists_and_a_footer():
    links = "".join(f"<li><a href='/n{i}'>关于第{i}期工作简报的通知和有关事项的说明</a></li>" for i in range(40))
    doc = read_html(html(f"<div class='list'><ul>{links}</ul></div><div id='zoom'><p>{PROSE}</p><p>{PROSE}</p>"
                         "</div><div class='bottom'>主办单位：某某市人民政府办公室 版权所有 联系我们</div>"), "t.html")
    text = body(doc)
    assert "工作简报" not in text and "主办单位" not in text
    assert text.count(PROSE) == 2


def test_a_long_comment_thread_does_not_outscore_a_br_separated_article():
    # 范文 sites: the article is one <div> of <br>-separated paragraphs; below it, dozens of short comments
    article = "<br>".join(f"　　{PROSE}第{i}段。" for i in range(8))
    comments = "".join(f"<li><span>网友{i}</span><p>写得很好，学习了，感谢分享，非常实用的范文，收藏了！</p></li>"
                       for i in range(40))
    doc = read_html(html(
        "<div class='main'><h1>2021年安全生产工作总结</h1><div class='info'>时间：2021-12-01 作者：小编</div>"
        f"<div class='content'>下面是小编为大家整理的2021年安全生产工作总结，供大家参考。<br>{article}</div></div>"
        f"<div class='comments'><h3>网友评论</h3><ul>{comments}</ul></div>",
        head="<title>2021年安全生产工作总结_范文网</title>"), "t.html")
    text = body(doc)
    assert "网友" not in text and "收藏了" not in text
    assert text.count(PROSE) == 8
    # the lead-in mentions the title but is not the title: the headline stays
    assert doc.lines[0].text == "2021年安全生产工作总结" and doc.lines[0].style == "h1"


def test_page_title_is_only_a_hint():
    doc = read_html(html(f"<div class='content'><p>{PROSE}</p></div>",
                         head="<title>关于做好安全工作的通知_通知公告_某某县人民政府</title>"), "t.html")
    assert doc.title_hint == "关于做好安全工作的通知_通知公告_某某县人民政府"
    assert "某某县人民政府" not in body(doc)


def test_h1_headline_above_metadata_is_kept():
    doc = read_html(html(
        "<div class='nav'><a href='/'>首页</a> &gt; <a href='/tz'>通知公告</a></div>"
        "<h1>关于做好安全工作的通知</h1><div class='info'>发布时间：2023-10-08 来源：县政府办</div>"
        f"<div class='content'><p>{PROSE}</p><p>{PROSE}</p></div>",
        head="<title>关于做好安全工作的通知_某某县人民政府</title>"), "t.html")
    assert doc.lines[0].text == "关于做好安全工作的通知" and doc.lines[0].style == "h1"
    assert "发布时间" not in body(doc) and "首页" not in body(doc)


# ---- encodings and containers --------------------------------------------------------------------------

def test_page_declaring_utf8_over_a_gbk_body_is_decoded_as_gbk():
    raw = (f'<html><head><meta charset="utf-8"><title>通知</title></head><body><div class="content">'
           f"<p>{PROSE}</p></div></body></html>").encode("gbk")
    doc = read_html(raw, "t.html")
    assert doc.encoding == "gb18030"
    assert body(doc) == PROSE


@pytest.mark.parametrize("declared", ["iso-8859-1", "windows-1251", "big5"])
def test_gbk_body_under_a_wrong_single_or_double_byte_declaration(declared):
    raw = (f'<html><head><meta charset="{declared}"></head><body><div class="content">'
           f"<p>{PROSE}</p><p>{PROSE}</p></div></body></html>").encode("gbk")
    doc = read_html(raw, "t.html")
    assert doc.encoding == "gb18030"
    assert body(doc) == f"{PROSE}\n{PROSE}"


def test_utf8_page_with_one_damaged_byte_stays_utf8():
    raw = f"<html><head><meta charset='utf-8'></head><body><div><p>{PROSE}</p><p>{PROSE}</p></div></body></html>"
    data = raw.encode()
    cut = data.replace(PROSE[:2].encode(), PROSE[:2].encode()[:-1], 1)  # one byte of 切 lost
    doc = read_html(cut, "t.html")
    assert doc.encoding == "utf-8"
    assert doc.lines[1].text == PROSE
    assert not doc.warnings  # one bad character in a page is no reason to doubt the decoding


def test_gbk_page_without_a_declaration_is_detected():
    raw = f"<html><body><div><p>{PROSE}</p><p>{PROSE}</p></div></body></html>".encode("gbk")
    assert body(read_html(raw, "t.html")) == f"{PROSE}\n{PROSE}"


def test_mht_web_archive_is_read():
    msg = MIMEMultipart("related")
    page_html = html(f"<div class='content'><p>{PROSE}</p></div>").decode().replace("utf-8", "gb2312")
    part = MIMEText(page_html, "html", "gb2312")
    msg.attach(part)
    msg.attach(MIMEText("body{}", "css"))
    doc = read_html(msg.as_bytes(), "page.mht")
    assert doc.format == "mht"
    assert body(doc) == PROSE


def test_frameset_page_says_which_page_to_save(tmp_path: Path):
    f = tmp_path / "框架 页面.html"
    f.write_bytes(b'<html><frameset cols="20%,80%"><frame src="menu.htm"><frame src="zhengwen_2021.htm">'
                  b"</frameset></html>")
    with pytest.raises(QingGaoError) as e:
        read(f)
    assert "zhengwen_2021.htm" in e.value.zh and "zhengwen_2021.htm" in e.value.en
    assert "框架" in e.value.zh and "frame" in e.value.en
    assert e.value.path == str(f)


def test_script_only_page_explains_how_to_get_the_text(tmp_path: Path):
    f = tmp_path / "app.html"
    f.write_bytes(b"<html><head><script>load()</script></head><body><div id='app'></div>"
                  b"<script>render()</script></body></html>")
    with pytest.raises(QingGaoError) as e:
        read(f)
    assert "脚本" in e.value.zh and "TXT" in e.value.en


def test_chinese_file_name_with_spaces(tmp_path: Path):
    f = tmp_path / "关于 做好 安全工作 的通知（2023）.html"
    f.write_bytes(html(f"<div class='content'><p>{PROSE}</p></div>"))
    doc = read(f)
    assert doc.source == f.name
    assert body(doc) == PROSE
