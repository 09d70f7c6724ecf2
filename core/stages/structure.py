"""Stage: structure. Give each block its kind: title, subtitle, byline, salutation, heading (levels 1-4,
run-in headings split into `text` + `body`), paragraph, signature and date at the end."""
from __future__ import annotations

import bisect
import re

from ..markers import APPENDED_LABEL, ATTACHMENT_LABEL, DECIMAL, ENUM_START, NOTE_LINE, OTHER, parse_marker
from ..model import Block, Change, Document, Removed
from ..rules import alternation, word_list
from ..text import cjk_count, ends_sentence, has_sentence_punct, is_prose, loose, simplified
from .normalize import DATED, normalize_text

# (a closing date may stop at the month: "2023年12月")
DATE = re.compile(r"^[(（]?\s*(([12]\d{3}|[12][\dX×x]{3}|[〇○零0Ｏ一二三四五六七八九]{4}|X+|×+|[Xx×]{2,4})\s*年\s*"
                  r"([\d]{1,2}|[一二三四五六七八九十]{1,3}|[Xx]+|×+)\s*月(\s*([\d]{1,2}|[一二三四五六七八九十]{1,3}|[Xx]+|×+)\s*日)?"
                  r"|[12][\dX×x]{3}[/.-][\dX×x]{1,2}[/.-][\dX×x]{1,2}"
                  r"|(19|20)\d{2}(1[0-2]|0?[1-9])(3[01]|[12]\d|0?[1-9])"
                  r"|[12][\dX×x]{3}\s*年\s*月\s*日)\s*[)）]?[。.]?$")  # ("20xx-xx-xx。", "2023626", "2014年 月 日": a blank to fill)
ATTACH = re.compile(r"^附件\s*[：:]|^附件\d|^\d+\s*[.．、]")
OTHER_ORDINAL = re.compile(r"^第[一二三四五六七八九十]{1,3}([章节部分篇]|阶段|\s*[，,、：:])")
ARTICLE = re.compile(r"^第[一二三四五六七八九十百零〇\d]{1,5}条")  # 第X条 of a regulation: a body paragraph
HEAD_END = re.compile(r"[。！？!?]|(?<!\d)[：:]|(?<=\d)[：:](?!\d)")  # (not the colon of a time: "下午4:30前")
SUBTITLE = re.compile(r"^(——|──|--|—|─)")
# the occasion a speech or report was given at, dated, without the dash: a subtitle, never the title
OCCASION = re.compile(r"^[（(]?\s*(19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*在[^，。；！？]{4,40}?(会议|大会|典礼|仪式|会)上\s*[)）]?$")
UNNUMBERED_MAX = 30
LABEL_HEAD = re.compile(r"[^，。,；;：:！？\s]{2,10}[：:]")  # "九月份：" alone, over numbered items
HEADLINE_TAGS = {"h1", "h2", "h3"}
DECLARED = re.compile(r"^(申报|填报|报送|推荐|编制|承办|主办)(单位|时间|日期|人)\s*[：:]")
ISSUE_NO = re.compile(r"^[（(]?\s*(\d{4}\s*年\s*)?第\s*[\d一二三四五六七八九十]{1,4}\s*期\s*[)）]?$|^总第\s*\d+\s*期$")
# 发文字号 under the title: "×政发〔2024〕3号", "教基函[2023]12号"
DOC_NO = re.compile(r"^[（(]?[\u4e00-\u9fff×X]{1,10}\s*[〔\[［(（【]\s*[12]\d{3}\s*[〕\]］)）】]\s*[\dX×]{1,4}\s*号[)）]?$"
                    r"|^[\u4e00-\u9fff×X]{1,8}发\s*〔\s*[12]\d{3}\s*〕?\s*\d{1,4}\s*号?$")  # (a copy that lost "〕…号")
# GB/T 9704 7.2.1-7.2.3: 份号 (six digits), 密级和保密期限 ("机密★5年"), 紧急程度 — the 版头's own lines above a title
HEAD_FIELD = re.compile(r"^(\d{6}|(绝密|机密|秘密)(\s*★\s*[\d一二三四五六七八九十]{1,3}\s*年)?|特急|加急|特提|平急)$")
LETTERHEAD = re.compile(r"^[\u4e00-\u9fff（）()×X]{2,30}(人民政府|办公厅|办公室|委员会|局|厅|委|党委|部)\s*文件$")
LISTED = re.compile(r"[一二三四五六七八九十]\s*(年级|季度|等奖|类|级|星|食堂|楼|层|号楼|教学楼|车间|中队|大队|班)")  # ("一、二食堂前")
CJK_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")


def _org_like(t: str) -> bool:
    """An issuing body ("××县教育局", "××县教育局办公室编")."""
    t = re.sub(r"(编印|编|印发|主办)$", "", t)
    return (len(t) <= 30 and not re.search(r"[，。；：,;:！？]", t) and t.endswith(word_list("org", "suffixes"))
            and not t.endswith(word_list("org", "not_suffixes")))


def _title_spaces(t: str) -> str:
    """A title has no spaces inside Chinese text, except between joint issuers ("西乡县医疗保障局 西乡县发展和改革局关于…")."""
    parts = re.split(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", t)
    out = parts[0]
    for p in parts[1:]:
        joint = _org_like(out.split(" ")[-1]) and re.match(r"^\S{2,24}?" + alternation("org", "suffixes") + r"(关于|$|\s)", p)
        out += (" " if joint else "") + p
    return out


def _title_like(t: str) -> bool:
    if len(t) > 60 or parse_marker(t) or DATE.match(t) or SUBTITLE.match(t) or re.match(r"[a-z]{3,}", t):
        return False  # (a line that opens with a user's name, "zhenzhen总结与计划", is the page's)
    return not re.search(r"[。；;！!？?]", t[:-1]) and not t.endswith(("。", "：", ":", "；"))


def is_salutation(t: str) -> bool:
    t = simplified(t)
    if len(t) > 50 or not t.endswith(("：", ":")) or re.search(r"[。；]", t):
        return False
    if t.startswith(word_list("salutation", "words")) or re.search(r"(同志们|各位|朋友们|老师们|同学们|们)[：:]$", t):
        return True
    if re.search(r"(^|[、，,])各位", t) and len(t) <= 30:
        return True  # "主任、各位副主任、秘书长、各位委员：" addresses the members of a standing committee
    # "县财政局：" / "市委、市政府：" — an addressee body
    return len(t) <= 40 and all(_org_like(part) for part in re.split(r"[、，,]", t[:-1]) if part)


ADDRESSEE_OPENERS = ("各", "全体", "广大", "尊敬的", "敬爱的", "亲爱的")
ADDRESSEE_ENDS = ("们", "同志", "朋友", "居民", "群众", "村民", "家长", "代表", "委员", "部门", "单位", "机关", "机构", "企业",
                  "会", "组", "区", "县", "市", "镇", "乡", "省", "委", "办", "局", "厅", "府", "处", "所", "站", "院", "校", "队",
                  "室", "组织", "团体", "党员", "干部", "职工", "师生", "学生", "老师", "教师")
FIELD_LABELS = ("时间", "地点", "主题", "内容", "对象", "范围", "依据", "目的", "口号", "形式", "单位", "人员", "主持", "议程",
                "说明", "备注", "附件", "附", "注", "摘要", "关键词", "目录", "提纲", "标签", "来源", "作者", "状态", "类别")


def addressee(t: str) -> bool:
    """The line under the title that names whom the text addresses ("区政协常委会：", "市直有关部门：", "各乡（镇）人民政府，
    县直各部门：", "广大居民朋友："): short, ends with a colon, only names in it; not a field label ("时间：") nor a
    heading's lead ("主要做法：")."""
    if not t.endswith(("：", ":")) or len(t) > 120 or re.search(r"[。；！？;!?]", t) or parse_marker(t) or OTHER.match(t):
        return False
    name = t[:-1].strip()
    if len(name) < 3 or (len(name) <= 6 and name.endswith(FIELD_LABELS + word_list("sentence_start", "heading_ends"))):
        return False  # ("时间：", "主办单位：", "主要做法：": a field's or a heading's label; "县级机关各单位：" addresses)
    if re.search(r"(如下|以下|下列|通知|决定|经研究|为了|为|是|有|的要求)$", name):
        return False
    def names(part: str) -> bool:
        # a body ("…县直各部门", "行署各委、办、局"), people ("…同志们", "广大居民朋友"), "…各…" the bodies under
        # someone ("机关各处室", "委主管各社会组织")
        return 1 <= len(part) <= 25 and (part.startswith(ADDRESSEE_OPENERS) or part.endswith(ADDRESSEE_ENDS) or _org_like(part)
                                         or re.fullmatch(r"[\u4e00-\u9fff]{1,8}各[\u4e00-\u9fff]{1,10}", part) is not None)

    # every group names whom it addresses; in "城北、城南街道办事处" the last item's ending serves the short ones before it
    for group in re.split(r"[，,]", name):
        items = group.split("、")
        if not (names(items[-1]) and all(names(x) or (1 <= len(x) <= 4 and cjk_count(x) == len(x)) for x in items[:-1])):
            return False
    return True


def _byline(t: str) -> bool:
    if DATE.match(t) or _org_like(t):
        return True
    # "市教育局局长 赵青山" / "主讲人:张三": a role and a name (2-4 characters, or 刘××), not a title in two halves
    if len(t) > 30 or re.search(r"[，。；,;]", t):
        return False
    if OTHER.match(t) or parse_marker(t):
        return False  # "第一章 总则": a heading with a space, not a name
    if re.fullmatch(r"[\u4e00-\u9fff×X]{2,3}(老师|同志|教师)", t):
        return True  # "王明刚老师" under the title: the author
    if ISSUE_NO.match(t) or DECLARED.match(t) or DOC_NO.match(t):
        return True  # "第12期" under a 简报 or 纪要 title; "申报单位：××县实验小学" under an application's title
    posted = re.fullmatch(r"(?P<office>[\u4e00-\u9fff]{2,24}?)(原|前)?(?P<post>" + alternation("org", "posts") + r")(?P<name>[\u4e00-\u9fff×X]{2,3})", t)
    if posted and posted.group("office").endswith(word_list("org", "suffixes") + PLACES):  # (县长 of a 县)
        return True  # "甘肃省人民检察院检察长朱玉": the office, the post and the speaker's name
    parts = DATED.sub("", t).split()  # (a date in brackets after the name: "××县教育局 张××（2023年5月）")
    return (len(parts) == 2 and min(len(parts[0]), len(parts[1])) <= 4 and all(cjk_count(p) or re.fullmatch(r"[×X]{2,4}|[*＊]{1,4}", p) for p in parts)) or t.startswith(("主讲", "主持人", "作者", "报告人", "发言人", "汇报人", "讲话人", "提案人", "申请人"))


EDITOR_NOTE = re.compile(r"^(编者按|编者的话|编后|按)\s*[:：]")


def _split_heading(b: Block, level: int) -> None:
    b.kind, b.level = "heading", level
    b.text = CJK_SPACE.sub("", b.text)  # "第一章 总则" -> "第一章总则": no spaces inside Chinese text
    # (not a stop inside brackets: "…报集团投资部（联系人：李琴；…）。" is one sentence)
    m = next((m for m in HEAD_END.finditer(b.text)
              if b.text.count("（", 0, m.start()) + b.text.count("(", 0, m.start())
              <= b.text.count("）", 0, m.start()) + b.text.count(")", 0, m.start())), None)
    if m and m.end() < len(b.text):
        end = m.end()
        while end < len(b.text) and b.text[end] in "”’）)】》":
            end += 1
        body = b.text[end:].strip()
        label = re.sub(r"^\S*?[、.．）)]", "", b.text[:end - 1])
        if (body and b.text[end - 1] in "：:" and len(body) <= 24 and not has_sentence_punct(body) and not ends_sentence(body)
                and not body[0].isdigit() and not label.endswith(FIELD_LABELS + ("口号", "名称", "方式", "地址", "人"))):
            return  # "一、理念革新：从管理者到引路人的角色蜕变": the colon joins the heading's two halves, no text follows
        if body:
            b.text, b.body = b.text[:end], body


def _head(seg: list[Block], doc: Document) -> int:
    """Label title/subtitle/byline/salutation at the top of a segment; return index of the first body block."""
    if len(seg) >= 2 and ATTACHMENT_LABEL.match(seg[0].text) and _title_like(seg[1].text):
        # an appended attachment: its label (a paragraph), its own title (maybe set on two lines), then its text
        if (len(seg) >= 3 and seg[2].kind == "paragraph" and _title_like(seg[2].text)
                and not re.fullmatch(r"[（(][^（）()]*[)）]", seg[2].text)  # "（共10个）" under it is a note
                and _merge_broken_title(seg[1:], 1, doc) == 0):
            seg[2].kind = "_drop"
        seg[1].kind = "title"
        return 2
    hint = loose(doc.title_hint or "")
    # a bulletin's editor's note ("按：…", "编者按：…") stands above the headline: it does not start the body
    note = 1 if seg and EDITOR_NOTE.match(seg[0].text) and len(seg) > 2 else 0
    first_body = next((i for i, b in enumerate(seg) if i >= note and b.kind == "paragraph" and (
                       (_body_text(b, hint) and not (i == 0 and _opening_headline(seg))) or parse_marker(b.text)
                       or OTHER_ORDINAL.match(b.text) or DECIMAL.match(b.text)
                       or is_salutation(b.text))), len(seg))
    if (0 < first_body < len(seg) and (top := TOP_NUMBER.match(seg[first_body - 1].text))
            and seg[first_body - 1].kind == "paragraph"
            and (dec := DECIMAL.match(seg[first_body].text)) and dec.group("num").startswith(top.group("num") + ".")):
        first_body -= 1  # "1总则" over "1.1编制目的": the outline's first head opens the body
    head = [b for b in seg[note:first_body] if b.kind == "paragraph"]
    cands = [i for i, b in enumerate(head) if _title_like(b.text) and not _org_like(b.text)
             and (not _byline(b.text) or (i + 1 < len(head) and SUBTITLE.match(head[i + 1].text)))  # ("复旦启智 助我成长" | "---…")
             and b.style != "tr" and b.align != "right"  # (a PDF's line set at the right, "密级：秘密", is no title) and CJK_SPACE.sub("", b.text) not in word_list("title", "section_names")
             and not OTHER_ORDINAL.match(b.text) and not ARTICLE.match(b.text) and not OCCASION.match(b.text)
             and not (b.text.endswith(("！", "!")) and b.text.startswith(word_list("salutation", "words")))]  # 同志们，大家好！
    named = [i for i in cands if _names_a_document(head[i].text)]
    marked = [i for i in cands if _headline(head[i], hint)]
    # the line a "——在…上的讲话" subtitle hangs under is the document's own title, whatever the page headline says
    over_sub = [i for i in cands if i + 1 < len(head) and SUBTITLE.match(head[i + 1].text)]
    title_i = (over_sub[-1] if over_sub else named[-1] if named else cands[-1] if len(cands) > 1 and cands[-1] > max(marked, default=-1)
               else marked[0] if marked else (cands[-1] if cands else None))
    if title_i is not None:
        title_i = _merge_broken_title(head, title_i, doc)
        nxt = head[title_i + 1] if title_i + 1 < len(head) else None
        if nxt is not None and QUALIFIER.match(nxt.text) and len(head[title_i].text) + len(nxt.text) <= 70:
            head[title_i].text += nxt.text  # "…实施方案" | "（2024—2026年）": the title's qualifier on a line of its own
            head[title_i].lines += nxt.lines
            nxt.kind = "_merged"
            doc.changes.append(Change("join", "joined a title and its qualifier", head[title_i].lines))
    for i, b in enumerate(head):
        t = b.text
        if b.kind == "_merged":
            b.kind = "_drop"
        elif title_i is not None and i < title_i:
            if DOC_NO.match(t) or (LETTERHEAD.match(t) and i >= title_i - 2) or b.style == "letterhead" or (
                    HEAD_FIELD.match(t) and i <= 3):
                b.kind = "byline"  # the 发文字号 or the letterhead ("××省人民政府办公厅文件") above the title (版头)
                continue
            if SUBTITLE.match(t) and i == title_i - 1 and len(t) <= 80:
                b.kind = "subtitle"  # "——暨构建长效常治工作机制的探索与实践" set right above its title: kept in place
                continue
            if b.lines[0] in doc.overrides.keep_lines or "before-title" in doc.overrides.disabled_rules:
                continue  # the clerk kept it: it stays as text
            b.kind = "_drop"
            doc.removed.append(Removed(t, b.lines[0], "before-title", "short line above the document's own title"))
        elif i == title_i:
            b.kind = "title"
            tag = re.match(r"^[\[【][^\[\]【】，。]{1,12}[\]】](?=\S)", t)
            if tag and "title-site-tag" not in doc.overrides.disabled_rules:  # "[县长在县委书记]县长在…的讲话": the site's tag
                doc.removed.append(Removed(tag.group(0), b.lines[0], "title-site-tag", "a site's tag glued before the title"))
                t = t[tag.end():]
            page = re.match(r"^\d{1,3}\s+(?=[\u4e00-\u9fffXx×])", t)
            if (page and t.endswith(word_list("title", "endings"))  # "1 XX镇环境卫生整治行动实施意见": a page's number
                    and "title-page-number" not in doc.overrides.disabled_rules):
                doc.removed.append(Removed(page.group(0).strip(), b.lines[0], "title-page-number", "a page number before the title"))
                t = t[page.end():]
            b.text = _title_spaces(t)  # normalize kept "二十载 一心为民" as a label's space; a title has none
            if (b.text[:1] in "“‘'\"" and not re.search("[”’'\"]", b.text[1:])
                    and "stray-quote" not in doc.overrides.disabled_rules):
                doc.removed.append(Removed(b.text[0], b.lines[0], "stray-quote", "an opening quote the title never closes"))
                b.text = b.text[1:]
            label = re.search(r"(?<!\s)\s*+[（(【\[]\s*([^（）()【】\[\]]{1,6})\s*[)）】\]]$", b.text)  # (linear in spaces)
            if (label and label.group(1) in word_list("title", "selling_labels") and len(b.text) > 8
                    and "title-selling-label" not in doc.overrides.disabled_rules):
                doc.removed.append(Removed(label.group(0).strip(), b.lines[0], "title-selling-label"))
                b.text = b.text[:label.start()]
            bare = next((b.text[:-len(w)] for w in sorted(word_list("title", "sample_words"), key=len, reverse=True)
                         if b.text.endswith(w)), None)
            if (bare and len(bare) >= 4 and bare.endswith(word_list("title", "endings"))
                    and "title-sample-word" not in doc.overrides.disabled_rules):
                doc.removed.append(Removed(b.text[len(bare):], b.lines[0], "title-sample-word"))
                b.text = bare  # "…工作总结和下半年工作计划例文": the site's word for a sample, not the title's
            part = re.search(r"[（(][上中下][)）]$", b.text)
            if part and len(b.text) > 8 and "instalment-label" not in doc.overrides.disabled_rules:  # "…（试行）（上）": the page's instalment label, not the title's
                doc.removed.append(Removed(part.group(0), b.lines[0], "instalment-label"))
                b.text = b.text[:part.start()]
        elif (SUBTITLE.match(t) or OCCASION.match(t)) and len(t) <= 80:
            b.kind = "subtitle"
        elif is_salutation(t) or ((title_i is None or i > title_i) and addressee(t)):
            b.kind = "salutation"
        elif (WEB_DATE.match(t) and title_i is not None and i == title_i + 1 and "page-date" not in doc.overrides.disabled_rules
              and b.lines[0] not in doc.overrides.keep_lines):
            b.kind = "_drop"  # "2019-02-11" under the headline: the day the page was posted, not the document's date
            doc.removed.append(Removed(t, b.lines[0], "page-date", "the page's date under its headline"))
        elif _byline(t) or (EDITION.match(t) and title_i is not None and i > title_i):
            b.kind = "byline"
        elif (title_i is not None and i > title_i + 1 and all(x.kind in ("title", "subtitle") for x in head[title_i:i])
              and SUBTITLE.match(head[i - 1].text) and re.fullmatch(r"[\u4e00-\u9fff]{2,4}", t)
              and not t.endswith(word_list("title", "endings"))):
            b.kind = "byline"  # "段  鸣" under the title and its "——在…会议上": the speaker's name alone
        elif (title_i is not None and i > title_i and all(x.kind in ("title", "subtitle") for x in head[title_i:i])
              and _theme(t)):
            b.kind = "subtitle"  # "爱卫同行共享健康" right under the title: a theme line that continues it
            b.style = b.style or "theme"
    if first_body < len(seg) and (is_salutation(seg[first_body].text) or addressee(seg[first_body].text)):
        seg[first_body].kind = "salutation"
        first_body += 1
    _themes_lead_somewhere([b for b in head if b.kind not in ("_drop", "_merged")], seg[first_body - 1] if first_body else None)
    return first_body


def _themes_lead_somewhere(head: list[Block], last: Block | None) -> None:
    """A theme line is one only over the byline or the salutation it leads to; over the text it is a line of the
    page ("VIP会员专享", "阅读更多")."""
    for k, b in enumerate(head):
        if b.kind == "subtitle" and b.style == "theme":
            b.style = None
            nxt = next((x for x in head[k + 1:] if x.kind != "subtitle"), last if last is not None and last.kind == "salutation" else None)
            if nxt is None or nxt.kind not in ("byline", "salutation"):
                b.kind = "paragraph"


def _theme(t: str) -> bool:
    """A theme line under a title ("用心用爱用功答好“强县之问”", "爱卫同行共享健康"): a short phrase, no sentence."""
    return (4 <= len(t) <= 30 and not re.search(r"[。；：:！？!?]", t) and not _org_like(t) and not DATE.match(t)
            and not re.fullmatch(r"[（(【\[].*[)）】\]]", t)
            and parse_marker(t) is None and not OTHER.match(t) and cjk_count(t) >= 4)


def _headline(b: Block, hint: str = "") -> bool:
    """Set as a headline by the page or the document: <h1>/<h2>, a DOCX title style, bold and centred, or the
    page's <title> starts with it ("武汉的声音：有英勇的你，才有英雄的城！-新华网")."""
    t = loose(b.text)
    return ((b.style or "").lower() in ("h1", "h2", "title", "标题") or (b.bold and b.align == "center")
            or (len(t) >= 6 and hint.startswith(t)))


def _body_text(b: Block, hint: str = "") -> bool:
    """Body prose, not a headline that happens to hold a "、" or "：" ("呼和浩特：对生育二孩、三孩的…津贴")."""
    t = b.text
    if not is_prose(t) or (_headline(b, hint) and len(t) <= 60 and not t.endswith("。")):
        return False
    if ends_sentence(t) or len(t) > 60:
        return True
    if DASH_TITLE.search(t) and t.endswith(word_list("title", "endings")):
        return False  # "以心育心，以行立行——寒假班主任培训心得体会": a theme and the document's name
    if (NAMED_THEME.match(t) and len(t) <= 40 and not re.search(r"[。；！？]", t)
            and t[:t.find("：") if "：" in t else t.find(":")].endswith(word_list("title", "endings"))):
        return False  # "预备转正思想汇报：我心向着党，我心向着人民": the document's name, then its theme
    return bool(re.search(r"[，。；！？,;!?]", t)) and not _headline(b)


ISSUES = re.compile(r"(印发|转发|现将《)")  # a notice that issues a document which follows it
PLACES = ("省", "市", "县", "区", "镇", "乡", "州", "旗")
WEB_DATE = re.compile(r"^(19|20)\d{2}-\d{2}-\d{2}(\s+\d{1,2}:\d{2}(:\d{2})?)?$")  # a page's stamp, not a Chinese date
NAMED_THEME = re.compile(r"^[^，。；：:！？,]{2,16}[：:][^：:]{4,}$")
DASH_TITLE = re.compile(r"^[^。；！？!?]{2,30}——[^，,、；;：:。]{4,40}$")


def _opening_headline(seg: list[Block]) -> bool:
    """A plain text that opens with a headline ("女儿出嫁，郑板桥画了几笔兰花当嫁妆", "武汉的声音：有英勇的你，才有英雄
    的城！") over a body of paragraphs: short, no full stop, and the text under it much longer."""
    if len(seg) < 2 or seg[1].kind != "paragraph":
        return False
    t, nxt = seg[0].text, seg[1].text
    return (8 <= len(t) <= 40 and not re.search(r"[。；;]", t) and not (t.endswith(("！", "!")) and "：" not in t)
            and not t.endswith(("：", ":")) and not is_salutation(t) and not DATE.match(t) and parse_marker(t) is None
            and not OTHER.match(t) and ((is_prose(nxt) and len(nxt) >= 2 * len(t))
                                        or (is_salutation(nxt) and len(seg) > 2 and is_prose(seg[2].text))))  # (over "各位老师：")


def _names_a_document(t: str) -> bool:
    return t.endswith(word_list("title", "endings")) or "关于" in t


def _merge_broken_title(head: list[Block], i: int, doc: Document) -> int:
    """A long title set on two lines ("…关于申请拨付××村饮水安全" + "巩固提升工程资金的请示") is one title."""
    while i > 0:
        prev = head[i - 1]
        bare = CJK_SPACE.sub("", head[i].text)
        # a 版头: the issuing body over a bare document type ("××县人民政府" / "常务会议纪要")
        masthead = _org_like(CJK_SPACE.sub("", prev.text)) and len(bare) <= 10 and bare.endswith(word_list("title", "endings"))
        # "（2021—2035年）的批复" or "的通知" cannot open a title: it goes on from the line above, whatever that ends in
        goes_on = re.match(r"^([（(][^（）()]{1,20}[)）])?的", head[i].text) is not None
        opens = "关于" in prev.text and not prev.text.endswith(word_list("title", "endings"))  # "…关于加强普通高等学校"
        # a title cut inside a word or a bracket: "…人民政府办公室关" | "于印发《…鼠疫" | "控制应急预案(2019年修" | "订版)》的通知"
        opens = opens or (prev.text[-1:] + head[i].text[:1] == "关于" or any(
            prev.text.count(a) > prev.text.count(b) for a, b in ("《》", "（）", "()")))
        # the issuers over "关于…": "中共××街道党工委" / "××街道办事处" / "关于…的实施方案" is one title (发文机关+事由+文种)
        issuer = (_org_like(prev.text) and re.match(r"^(\S{2,24}(委|局|处|办|厅|部|院|会|室|府|社|所|站|中心))?关于", head[i].text) is not None
                  and 1 <= head[i].lines[0] - prev.lines[-1] <= 2 and "关于" not in prev.text)
        # or the lines together repeat the page's headline above them ("中国人民政治协商会议" / "常宁市…常务委员会" / "工 作 报 告")
        whole = loose(prev.text + head[i].text)
        issuer = issuer or (1 <= head[i].lines[0] - prev.lines[-1] <= 2 and len(whole) <= 80
                            and not has_sentence_punct(prev.text) and any(loose(b.text) == whole for b in head[:i - 1]))
        if issuer:
            opens = True
        elif not masthead and (not _title_like(prev.text) or (prev.text.endswith(word_list("title", "endings")) and not goes_on)
                             or (_org_like(prev.text) and not opens) or (_byline(prev.text) and not opens)):
            break
        if len(prev.text) + len(head[i].text) > (80 if issuer else 60) or not (
                "关于" in prev.text or len(prev.text) >= 12 or masthead or issuer):
            break
        same_style = prev.style == head[i].style or {prev.style, head[i].style} <= HEADLINE_TAGS
        adjacent = prev.lines[-1] + 1 == head[i].lines[0] or ((opens or masthead) and bare.endswith(word_list("title", "endings"))
                                                              and head[i].lines[0] - prev.lines[-1] <= 2)
        if not adjacent or not same_style or re.match(r"^[【\[].*[】\]]$", prev.text):
            break  # a blank or a removed line between them: two lines of the page, not one title set on two
            # (unless the first half opens "关于…" and the second closes it with the document's name)
        # the seam is new text: normalize it as a whole (issuers over "关于…" are whole names: their space stays)
        merged = prev.text + head[i].text if issuer else normalize_text(prev.text + head[i].text)
        if is_prose(merged) and not _names_a_document(merged):
            break  # together they read as a sentence, not as one title
        prev.text = merged
        prev.lines += head[i].lines
        head[i].kind = "_merged"
        doc.changes.append(Change("join", "joined a title set on two lines", prev.lines))
        i -= 1
    return i


QUALIFIER = re.compile(r"^[（(](\d{4}\s*[—–-]+\s*\d{4}\s*年?|\d{4}\s*年度?|试行|暂行|草案)[)）]$")
# an edition note under the title ("（征求意见稿）", "（2019年修订版）") is a byline (corpus README)
EDITION = re.compile(r"^[（(]?([^（）()]{0,12}(版|稿)|修订)[)）]$")
SIGNER = re.compile(r"^(申请人|倡议人|述职人|汇报人|报告人|发言人|承诺人|建议人|提议人|申请单位|倡议单位)\s*[：:]\s*[^，。；,;]{1,30}[。.]?$")
TRAILER = re.compile(r"^[(（]?(联系人|联系电话|联系方式|电话|此件|此文|抄送|印发|附件|附\s*[：:]|注\s*[：:])")


def _tail(seg: list[Block]) -> None:
    """Signature and date at the end of a document (contact and distribution lines may follow them)."""
    idx = [i for i, b in enumerate(seg) if b.kind == "paragraph"]
    # "附表：" right after the date and the table under it: appended material, the date still closes the text
    cut = next((k for k in range(len(idx) - 1, 0, -1) if APPENDED_LABEL.match(seg[idx[k]].text)
                and DATE.match(seg[idx[k - 1]].text)), None)
    if cut is not None:
        idx = idx[:cut]
    while len(idx) > 2 and TRAILER.match(seg[idx[-1]].text) and len(seg[idx[-1]].text) <= 80:
        idx.pop()
    if not idx:
        return
    last = idx[-1]
    if DATE.match(seg[last].text):
        seg[last].kind = "date"
        j = last - 1
        if j > 0 and seg[j].kind == "paragraph" and NOTE_LINE.match(seg[j].text) and len(seg[j].text) <= 30:
            j -= 1  # "牟定县人民政府办公室" / "（此件公开发布）" / the date: the 附注 between the signature and its date
        if j >= 0 and seg[j].kind == "paragraph" and SIGNER.match(seg[j].text):
            seg[j].kind = "signature"  # "倡议人：黄x。" over its date
            j -= 1
        while j >= 0 and seg[j].kind == "paragraph" and not TRAILER.match(seg[j].text) and not seg[j].text[:1].isdigit() and (_org_like(seg[j].text) or (len(seg[j].text) <= 25
                                                                                     and not ends_sentence(seg[j].text)
                                                                                     and not parse_marker(seg[j].text)
                                                                                     and cjk_count(seg[j].text) >= 3)):
            seg[j].kind = "signature"
            j -= 1
    elif SIGNER.match(seg[last].text) and len(seg[last].text) <= 40:
        seg[last].kind = "signature"  # "申请人：怀城镇高龙村龙塘组" under 此致敬礼
    elif _org_like(seg[last].text) and not ATTACHMENT_LABEL.match(seg[0].text):
        seg[last].kind = "signature"  # (in an appended attachment the last line is an item of its list)


def _ordinal_run(seg: list[Block], start: int) -> bool:
    """Two or more paragraphs open with different ordinal words (首先，… 其次，… 最后，…) and a short first
    sentence: the ordinals mark the sections, each paragraph a heading sentence with its body."""
    seen = set()
    for b in seg[start:]:
        m = OTHER.match(b.text) if b.kind == "paragraph" else None
        if m and len(re.split(r"[。！？]", b.text, maxsplit=1)[0]) <= ORDINAL_HEAD_MAX:
            seen.add(m.group(0)[:2])
    return len(seen) >= 2


ORDINAL_HEAD_MAX = 35
SEQUENCE_WORDS = ("首先", "其次", "再次", "最后")  # heads only in a run of them ("最后，祝大家节日快乐！" alone is a wish)


def _body(seg: list[Block], start: int) -> None:
    place = 0  # level of the last numbered heading: unnumbered heads take the level of their place
    # 首先/其次… mark the sections only in a document without numbered headings (under 一、 they are paragraphs)
    ordinals = _ordinal_run(seg, start) and not any(parse_marker(b.text) for b in seg[start:] if b.kind == "paragraph")
    unit_level: dict[str, int] = {}  # 第X章 / 第X节 / 第X部分: every chapter at the level the first one took
    # nothing after the signature and date is a heading (附注 "（此件主动公开）", 抄送, 印发)
    end = next((i for i in range(start, len(seg)) if seg[i].kind in ("signature", "date")), len(seg))
    paras = [x for x in seg[start:end] if x.kind == "paragraph"]
    heads_run = sum(_short_head_sentence(x, y, z) for x, y, z in zip(paras, paras[1:], [*paras[2:], None])) >= 2
    live = [k for k, x in enumerate(seg) if x.kind != "_drop"]
    labels = {i for i in range(start, end) if seg[i].kind == "paragraph" and LABEL_HEAD.fullmatch(seg[i].text)
              and (j := _live_after(live, i)) is not None and parse_marker(seg[j].text)}
    label_level: int | None = None
    # a decimal outline ("1 总则", "1.1 编制目的", "1.4.1 …"): the depth of a number is its level
    decimal = sum(bool(DECIMAL.match(x.text)) for x in paras) >= 2
    for i in range(start, end):
        b = seg[i]
        if b.kind != "paragraph" or b.style == "tr":
            continue  # a table row is never a heading
        if decimal and _decimal_heading(b):
            place = b.level or place
            continue
        m = parse_marker(b.text)
        j = _live_after(live, i)
        nxt = seg[j] if j is not None else None
        prev = seg[i - 1] if i else None
        if m and prev is not None and prev.kind == "paragraph" and ATTACH.match(prev.text) and m.level == 3:
            b.kind = "paragraph"  # "附件：1.……" continues "2.……": an attachment list, not a heading
            continue
        if m and LISTED.match(b.text, m.end):
            m = None  # "一、二年级：60米…": grades listed, not a heading
        if m:
            _split_heading(b, m.level)
            place = m.level
            if label_level and m.level < label_level:
                label_level = None  # a section above the labels: their run ended
        elif ARTICLE.match(b.text):
            continue  # 第X条: an article of a regulation is body text
        elif OTHER_ORDINAL.match(b.text) or (OTHER.match(b.text) and not b.text.startswith(SEQUENCE_WORDS) and len(b.text) <= 60
                                             and not re.search(r"[。！？；]", b.text[:-1])) or (
                ordinals and OTHER.match(b.text) and len(re.split(r"[。！？]", b.text, maxsplit=1)[0]) <= ORDINAL_HEAD_MAX):
            om = OTHER.match(b.text)
            unit = ("序" if om and om.group(0)[:2] in ("首先", "其次", "再次", "最后")
                    else re.sub(r"^第[一二三四五六七八九十\d]{1,3}", "", om.group(0) if om else b.text[:4])[:2])
            level = unit_level.setdefault(unit, min(place + 1, 4) if place else 1)
            _split_heading(b, level)
            place = level
        elif (i in labels and len(labels) >= 2 and (item := parse_marker(nxt.text))
              and item.level >= (label_level or place + 1) + 1):
            label_level = label_level or place + 1  # "九月份：" over its own "1.…2.…": the head of a section
            b.kind, b.level = "heading", label_level
        elif _unnumbered_head(b, nxt, seg[i - 1] if i else None, heads_run, _block_after(seg, live, j)):
            b.kind, b.level = "heading", min(place + 1, 4) if place else 1


# (in a decimal outline the top number may touch its words, "1总则", but not a unit: "3个方面", "5年来")
TOP_NUMBER = re.compile(r"^(?P<num>\d{1,2})\s*(?P<sep>[.、．]\s*|\s+|(?![亿万千百十元角倍个人次件平米公里吨亩斤年月日时分秒度级期批家户名位项余]))"
                        r"(?=[\u4e00-\u9fff])")


def _decimal_heading(b: Block) -> bool:
    """In a decimal outline: "1.1 编制目的" is a heading of level 2, "1 总则" / "1、总则" of level 1 (a top "1、" is
    written "1."); a whole sentence under a number ("1.4.1 坚持……。") is a paragraph, like an article."""
    m = DECIMAL.match(b.text)
    top = TOP_NUMBER.match(b.text) if m is None else None
    if m is None and top is None:
        return False
    rest = b.text[(m or top).end():].strip()
    if len(rest) > 30 or rest.endswith(("。", "；", ";")) or re.search(r"[。，；,;！？]", rest[:-1]):
        if m is not None:
            b.kind = "paragraph"  # (a clause, not a head: stays text, and no other rule makes it a heading)
            return True
        return False
    if m is not None:
        level = min(m.group("num").count(".") + 1, 4)
        b.text = m.group("num") + CJK_SPACE.sub("", rest)
    else:
        level = 1
        b.text = top.group("num") + ("." if top.group("sep").strip() else "") + CJK_SPACE.sub("", rest)
    b.kind, b.level = "heading", level
    return True


def _short_head_sentence(b: Block, nxt: Block | None, after: Block | None) -> bool:
    t = b.text
    if not (b.kind == "paragraph" and nxt is not None and nxt.kind == "paragraph" and len(t) <= 40
            and ends_sentence(t) and "，" in t and len(re.findall(r"[。！？；]", t)) == 1
            and parse_marker(t) is None and not OTHER.match(t) and not ENUM_START.match(t) and is_prose(nxt.text)):
        return False
    if ENUM_START.match(nxt.text):
        return True
    # its own short intro sentence first ("要保障特殊群体受教育权利，增强人民群众教育获得感。"), then the items
    return after is not None and len(nxt.text) <= 40 and bool(ENUM_START.match(after.text))


def _live_after(live: list[int], i: int) -> int | None:
    """Index of the next block after seg[i] that is not dropped (live: those indexes, ascending)."""
    k = bisect.bisect_right(live, i)
    return live[k] if k < len(live) else None


def _block_after(seg: list[Block], live: list[int], j: int | None) -> Block | None:
    k = _live_after(live, j) if j is not None else None
    return seg[k] if k is not None else None


def _unnumbered_head(b: Block, nxt: Block | None, prev: Block | None, heads_run: bool = False,
                     after: Block | None = None) -> bool:
    t = b.text
    if nxt is None or nxt.kind != "paragraph" or len(t) > 40 or re.search(r"[。！？；]", t[:-1]):
        return False
    if re.match(r"^[(（].*[)）]$", t) or t.endswith(("！", "!")):
        return False  # "（宣读表彰决定）": a stage direction or a note; "谢谢大家！": an exclamation, not a section
    if nxt.style == "tr":
        return False  # the caption of the table below
    if prev is not None and prev.kind == "heading" and prev.level is not None and not prev.body and parse_marker(prev.text) is None:
        return False  # right under an unnumbered head comes its intro, not another head
    if b.bold and cjk_count(t) >= 2:
        # (a bold "值班电话：0571-6213100" is a notice's field, not a section)
        return not re.search(r"[：:]\s*[\d\-－—（）()×X]{3,}|(电话|热线|邮箱|传真|网址)\s*[：:]", t)
    # "××镇中心学校：“三个聚焦”推动课后服务提质增效": a 简报 article headline (a long name before the colon;
    # a field line "记录：孙××" has a short label)
    headline = re.fullmatch(r"[^，。,；;：:]{5,}[：:][^，。,；;：:]{6,}", t) is not None
    # "名家进校园，点燃阅读热情" / "坚持党建引领，夯实发展根基": two short parallel phrases, the form of a subhead
    pair = re.fullmatch(r"[^，。,；;：:、“”\s]{4,10}[，,][^，。,；;：:、“”\s]{4,10}", t) is not None
    if len(t) <= UNNUMBERED_MAX + 10 * headline and (headline or pair or not re.search(r"[，。,；;：:]", t)) \
            and cjk_count(t) >= 4 and not DATE.match(t):
        return is_prose(nxt.text)
    # a short sentence with a comma standing alone before an enumeration ("以党的建设为根本保证，坚持和加强党对
    # 教育工作的领导。" + "一是……"), with at least one more like it: heads of parallel sections. Decided from the
    # texts alone, not from how the source broke its lines, so cleaning the clean text decides the same
    return heads_run and _short_head_sentence(b, nxt, after)


def _issued_documents(blocks: list[Block]) -> list[Block]:
    """A notice followed by the document it issues (after its date) gets a docbreak before that document."""
    out: list[Block] = []
    pending = False  # a date closed a notice; its 附注 "（此件公开发布）" may stand between it and the document
    for i, b in enumerate(blocks):
        if pending and i + 1 < len(blocks):
            pending = False
            rest = blocks[i + 1:]
            opens = rest[0].kind == "paragraph" and (parse_marker(rest[0].text) is not None or OTHER_ORDINAL.match(rest[0].text))
            first = parse_marker(b.text) if b.kind == "paragraph" else None
            if (b.kind == "paragraph" and _title_like(b.text) and (_names_a_document(b.text) or opens)
                    and any(x.kind == "paragraph" and is_prose(x.text) for x in rest)):
                out.append(Block("docbreak", "", lines=b.lines[:1]))
            elif (first is not None and first.level == 1 and first.number == 1
                  and any(ISSUES.search(x.text) for x in blocks[:i])):
                out.append(Block("docbreak", "", lines=b.lines[:1]))  # "现将《…指南》印发给你们" … date, then "一、…": the guide
            elif b.kind == "paragraph" and (NOTE_LINE.match(b.text) or TRAILER.match(b.text)) and len(b.text) <= 80:
                pending = True  # (a 附注 or a contact line between the date and the issued document)
        out.append(b)
        prev = blocks[i - 1] if i else None
        if (b.kind == "paragraph" and DATE.match(b.text) and prev is not None
                and (_org_like(prev.text) or len(prev.text) <= 25 or ends_sentence(prev.text))):
            pending = True  # (a notice may close on its date alone, under its last sentence)
    return out


def run(doc: Document) -> Document:
    doc.blocks = _issued_documents(doc.blocks)
    segments: list[list[Block]] = [[]]
    for b in doc.blocks:
        if b.kind == "docbreak":
            segments.append([b])
        else:
            segments[-1].append(b)
    for seg in segments:
        body = [b for b in seg if b.kind != "docbreak"]
        start = _head(body, doc)
        _tail(body)
        _body(body, start)
    blocks = [b for b in doc.blocks if b.kind != "_drop"]
    while blocks and blocks[0].kind == "docbreak":
        blocks.pop(0)  # a break with nothing before it separates nothing
    while blocks and blocks[-1].kind == "docbreak":
        blocks.pop()
    doc.blocks = blocks
    return doc
