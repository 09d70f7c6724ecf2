"""Passes that reshape the lines before the noise rules run: collection labels ("篇一：") cut from sample titles
(each further sample starts a document), and truncation banners cut out of a line of text."""
from __future__ import annotations

import re

from ..markers import parse_marker
from ..model import Change, Document, Line, Removed
from ..rules import noise_rules, word_list
from ..text import cjk_count, ends_sentence, has_sentence_punct, loose
from .rule_screen import line_chars, screen

LABEL_PREFIX = re.compile(r"^([【\[(（]?\s*(篇|第)[一二三四五六七八九十\d]{1,3}篇?|[【\[]?\s*(范文|例文|样文)\s*[一二三四五六七八九十\d]{1,3}\s*[】\]]?)"
                          r"\s*[:：.、】\]）)]\s*(?=\S)")


# a sample label after its title: "…讲话稿 篇1", "…的问题【第一篇】", "…申请书（篇1）", "…事迹材料【篇1】", "…方案1"
# ("…方案10篇", "（精选18篇）" count the collection's samples: they are the collection's headline, not a label)
# (the patterns below start where a run of spaces starts, "(?<!\s)", and take it whole, "*+": the same matches, found
# once per run instead of from each of its spaces, which costs the square of a long run)
LABEL_SUFFIX = re.compile(r"(?<!\s)\s*+([【\[(（『「]\s*(第\s*[一二三四五六七八九十\d]{1,3}\s*篇|篇\s*[一二三四五六七八九十\d]{1,3}"
                          r"|(范文|例文|样文|范本)\s*[一二三四五六七八九十\d]{1,3})\s*[】\])）』」]"
                          r"|第\s*[一二三四五六七八九十\d]{1,3}\s*篇|篇\s*[一二三四五六七八九十\d]{1,3})$")
BARE_NUMBER = re.compile(r"(?<=[\u4e00-\u9fff])\s*[1-9]\d?$")
LEADING = re.compile(r"^第\s*[一二三四五六七八九十\d]{1,3}\s*篇\s*(?=[\u4e00-\u9fff])")  # "第1篇 镇经济发展调研报告"


def label_suffix(text: str) -> re.Match[str] | None:
    """The sample label at the end of a title line ("…篇1", "…【第一篇】", "…事迹材料1"), or None."""
    head = text.strip()
    m = LABEL_SUFFIX.search(head) or BARE_NUMBER.search(head)
    if m is None or m.start() < 4:
        return None
    title = head[:m.start()]
    if re.match(r"[a-z]{3,}", title):
        return None  # "zhenzhen 总结与计划1": a user's name and a site's category, not a sample's title
    if len(title) > 50 or has_sentence_punct(title.replace("、", "")) or (not re.search("篇|范文|例文|样文|范本", m.group(0))
                                                                          and not title.endswith(word_list("title", "endings"))):
        return None  # a bare number is a label only after a document's name ("好老师事迹材料1")
    return m


BRACKETED = re.compile(r"^[【\[]\s*(?P<name>[^【】\[\]，。；！？]{4,50}?)\s*[1-9]\d?\s*[】\]]$")
NUMBERED = re.compile(r"(?<!\s)\s*+[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]$")


def _numbered_sample(doc: Document, i: int) -> re.Match[str] | None:
    """"全国助残日活动方案(一)" under the headline "2022年全国助残日活动方案": the collection's keyword with a sample
    number shaped like a marker (the headline above holds the same name)."""
    m = NUMBERED.search(doc.lines[i].text)
    if m is None or m.start() < 4:
        return None
    name = doc.lines[i].text[:m.start()].strip()
    if has_sentence_punct(name) or not name.endswith(word_list("title", "endings")):
        return None
    above = [ln.text for ln in doc.lines[max(0, i - 4):i] if ln.text.strip()]
    return m if any(name in t and len(t) <= len(name) + 12 for t in above) else None


LABEL_ONLY = re.compile(r"^[【\[(（]?\s*(篇|第|范文|例文|样文)\s*[一二三四五六七八九十\d]{1,3}\s*篇?\s*[】\]）)]?\s*[:：.、]?$")
LABEL_ANY = re.compile(r"(?:(?<!\s)|(?=[【\[(（]))[【\[(（]?\s*+(篇|范文|例文)\s*[一二三四五六七八九十\d]{1,3}\s*[:：】\]）)]")


# a collection's headline: its keyword and how many samples ("家校共育家长会发言稿7篇", "…方案（精选10篇）")
HEADLINE_COUNT = re.compile(r"^(?P<kw>[^，。；！？,;!?]{4,40}?)\s*+[（(]?\s*+(精选|通用|优秀|范文|热门)?\s*+[1-9]\d?\s*+篇\s*+[)）]?$")


def _unglue_labels(doc: Document) -> None:
    """"家校共育家长会发言稿1尊敬的各位家长朋友:" under the headline "家校共育家长会发言稿7篇": the sample's label (the
    headline's keyword and a number) glued to its first line goes on a line of its own."""
    keywords = {m.group("kw") for ln in doc.lines[:6]
                if len(ln.text) <= 60 and (m := HEADLINE_COUNT.match(ln.text.strip()))}  # (a headline is short)
    if not keywords:
        return
    out: list[Line] = []
    for ln in doc.lines:
        m = next((m for kw in keywords if ln.text.startswith(kw)
                  and (m := re.compile(re.escape(kw) + r"\s*[1-9]\d?(?=[^\d篇])").match(ln.text))), None)
        if m is None or cjk_count(ln.text[m.end():]) < 2:
            out.append(ln)
            continue
        out.append(Line(m.group(0), ln.lineno, ln.bold, ln.align, ln.style, ln.blank_before, ln.indent, para=ln.para))
        out.append(Line(ln.text[m.end():].strip(), ln.lineno, ln.bold, ln.align, ln.style, 0, para=ln.para, cut=True))
        doc.changes.append(Change("split", "a sample's label glued to its first line", [ln.lineno], ln.text[:60], m.group(0)))
    doc.lines = out


def _headline_over_the_text(doc: Document) -> None:
    """"小学教师职称的述职报告(精选8篇)" with the first sample's text right under it (no label, no title of its own):
    the headline, without the count of the samples, is that sample's title."""
    if len(doc.lines) < 2 or "collection-title" in doc.overrides.disabled_rules:
        return
    first, nxt = doc.lines[0], doc.lines[1]
    m = HEADLINE_COUNT.match(first.text.strip()) if len(first.text) <= 60 else None
    if m is None or not re.search(r"[（(].*篇|篇\s*[)）]?$", first.text) or first.lineno in doc.overrides.keep_lines:
        return
    if not (parse_marker(nxt.text) or (len(nxt.text) >= 40 and has_sentence_punct(nxt.text))):
        return  # (a label, a title or a lead-in comes first: the rules take the headline as the collection's)
    kw = m.group("kw").strip()
    if not kw.endswith(word_list("title", "endings")):
        return
    doc.removed.append(Removed(first.text.strip()[len(kw):].strip(), first.lineno, "collection-title",
                               "the count of the samples after the headline"))
    first.text = kw
    nxt.cut = True


def collection_labels(doc: Document) -> tuple[set[int], set[int]]:
    """Strip "篇一:" labels from sample titles; return (line indexes where a further sample starts, indexes of
    lines to remove: labels alone on a line, and the page's list "篇一：… 篇二：… 篇三：…")."""
    starts, lists = [], set()
    if "collection-label" in doc.overrides.disabled_rules:
        return set(), set()
    _unglue_labels(doc)
    _headline_over_the_text(doc)
    for i, ln in enumerate(doc.lines):
        if len(LABEL_ANY.findall(ln.text)) >= 2:
            lists.add(i)
            continue
        if LABEL_ONLY.match(ln.text):
            starts.append(i)  # "篇一：" or "【篇三】" alone
            lists.add(i)
            continue
        m = LABEL_PREFIX.match(ln.text) or LEADING.match(ln.text)
        rest = ln.text[m.end():].rstrip("。") if m else ""
        if m and len(ln.text) - m.end() <= 40 and (not has_sentence_punct(rest) or (  # "篇一:乡镇人大会,政府工作报告"
                rest.endswith(word_list("title", "endings")) and not has_sentence_punct(rest.replace("，", "").replace(",", "")))):
            if ln.lineno not in doc.overrides.keep_lines:
                doc.removed.append(Removed(m.group(0), ln.lineno, "collection-label", "label in front of a sample's title"))
                ln.text = ln.text[m.end():]
            if i + 1 < len(doc.lines):
                doc.lines[i + 1].cut = True  # (as after a label behind the title: the labelled line is whole)
            starts.append(i)
            continue
        whole = BRACKETED.match(ln.text.strip())
        if whole and whole.group("name").endswith(word_list("title", "endings")):
            # "【2017国土局地质灾害防治方案1】": the collection's name and the sample's number, in brackets
            if ln.lineno not in doc.overrides.keep_lines:
                doc.removed.append(Removed(ln.text.strip(), ln.lineno, "collection-label", "a sample's label in brackets"))
                ln.text = whole.group("name")
            if i + 1 < len(doc.lines):
                doc.lines[i + 1].cut = True
            starts.append(i)
            continue
        m = label_suffix(ln.text) or _numbered_sample(doc, i)
        if m is not None:
            if ln.lineno not in doc.overrides.keep_lines:
                doc.removed.append(Removed(m.group(0).strip(), ln.lineno, "collection-label", "label after a sample's title"))
                ln.text = ln.text[:m.start()].rstrip()
                parts = ln.text.split()
                if len(parts) == 2 and all(p.endswith(word_list("title", "endings")) for p in parts):
                    # "乡镇安全生产工作年度总结 乡镇安全生产工作总结篇一": two keyword titles, the label the second's
                    doc.removed.append(Removed(parts[0], ln.lineno, "collection-label", "the page's other keyword title"))
                    ln.text = parts[1]
            if i + 1 < len(doc.lines):
                doc.lines[i + 1].cut = True  # the labelled line is the sample's title, whole: its text starts below
            starts.append(i)
    return set(starts[1:]), lists


ELLIPSIS = re.compile(r"(…|\.{3,}|。{3,})+")
BEFORE_DOTS = re.compile(r"(…|\.|。{3,})+$")  # the run of ellipses a banner opens with, read back from it


def cut_inline_banners(doc: Document) -> None:
    """"(青藤公文网 此处省略1264字 登录会员查看全文)……校安全风险实行分": a bracketed banner inside a line of text
    becomes a line of its own, so the text around it stays and the banner turns into a gap."""
    banners = screen(tuple(r for r in noise_rules() if r.kind == "gap" and r.id not in doc.overrides.disabled_rules))
    out: list[Line] = []
    for ln in doc.lines:  # (asked only of the rules that can match the line: rule_screen)
        m = next((m for r in banners.candidates(line_chars(ln.text)) if (m := r.regex.search(ln.text))), None)
        if m is None or ln.lineno in doc.overrides.keep_lines:
            out.append(ln)
            continue
        t = ln.text
        # the brackets around the banner (the rule's match may hold them itself: "（此处有删节）"), or the ellipses
        # a page sets it between ("…有恐高症的……此处隐藏5397个字……招录，一名…")
        a = m.start() if t[m.start()] in "(（【[" else max(t.rfind(c, 0, m.start()) for c in "(（【[")
        b = (m.end() - 1 if t[m.end() - 1] in ")）】]"
             else min((k for k in (t.find(c, m.end()) for c in ")）】]") if k >= 0), default=-1))
        if (a < 0 or m.start() - a > 30) and m.start() > 0 and t[m.start() - 1] in "…。.":
            a = m.start()  # (the run of ellipses before it is taken in below)
        if ELLIPSIS.match(t, m.end()) and (b < 0 or b - m.end() > 30):
            b = m.end() - 1
        elif (b < 0 or b - m.end() > 30) and a == m.start() and (e := ELLIPSIS.search(t, m.end(), m.end() + 30)):
            b = e.start() - 1  # "……此处隐藏1268字,下载文档可见……": the banner's own words run on to the ellipses
        if (a < 0 or m.start() - a > 30) and len(t) - m.start() <= 40 and cjk_count(t[:m.start()]) >= 30 \
                and not ends_sentence(t[:m.start()]) and re.search(r"[，。；,;]", t[:m.start()]):
            a, b = m.start(), len(t) - 1  # "…以病人为中心全文约1391字，请下载后阅读、编辑。": the banner ends the line
        if a < 0 or b < 0 or m.start() - a > 30 or b - m.end() > 30:
            out.append(ln)
            continue
        b += 1
        if before_dots := BEFORE_DOTS.search(t, max(0, a - 30), a):  # ("……此处…": a single mark each, "…" or ".")
            a = before_dots.start()
        e = ELLIPSIS.match(t, b)
        b = e.end() if e else b
        before, banner, after = t[:a], t[a:b], t[b:]
        if cjk_count(before) + cjk_count(after) < 2:
            out.append(ln)
            continue
        if before.strip():
            out.append(Line(before.rstrip(), ln.lineno, ln.bold, ln.align, ln.style, ln.blank_before, ln.indent, para=ln.para))
        out.append(Line(banner.strip(), ln.lineno, ln.bold, ln.align, ln.style, 0 if before.strip() else ln.blank_before,
                        para=ln.para))
        if after.strip():
            out.append(Line(after.strip(), ln.lineno, ln.bold, ln.align, ln.style, 0, para=ln.para))
        doc.changes.append(Change("split", "a banner inside a line of text taken out", [ln.lineno], t[:60], banner))
    doc.lines = out


def inline_notes(doc: Document) -> Document:
    """Stage: cut the sites' notes planted inside sentences before collapsed lines are split, so a note that holds
    spaces or markers ("目录 1. …计划 2 2.…") is not taken for line breaks and headings."""
    cut_inline_notes(doc)
    return doc


def cut_inline_notes(doc: Document) -> None:
    """"…树形象（晨曦教育资源网原创首发，转载请注明出处），在教育教…": a site's bracketed note dropped into a sentence
    (rules of kind "inline"): cut out of the line, recorded, and the sentence closes up around it."""
    notes = screen(tuple(r for r in noise_rules() if r.kind == "inline" and r.id not in doc.overrides.disabled_rules))
    emptied = set()
    for ln in doc.lines:
        if ln.lineno in doc.overrides.keep_lines:
            continue
        for r in notes.candidates(line_chars(ln.text)):  # (cutting a note only takes characters out: still all)
            for m in reversed(list(r.regex.finditer(ln.text))):
                doc.removed.append(Removed(m.group(0), ln.lineno, r.id, "a site note inside the text"))
                ln.text = (ln.text[: m.start()] + ln.text[m.end():]).strip()
                if not ln.text:
                    emptied.add(id(ln))
    doc.lines = [ln for ln in doc.lines if id(ln) not in emptied]  # (a line that was all note is gone)


# a web address inside a word (a Chinese character or digit on both sides), after a site's name
HIDDEN_ADDRESS = re.compile(r"(?<=[\u4e00-\u9fff\d])(?P<name>[\u4e00-\u9fff]{2,10})(?P<domain>(www\.)?[a-z0-9-]+\."
                            r"(com|cn|net|org|cc|top)(\.cn)?)(?=[\u4e00-\u9fff\d])")
SITE_END = ("网", "站", "文库", "范文", "文档")


def cut_watermarks(doc: Document) -> None:
    """"绿化4红笔范文网hongbifw.com00亩": a site hides its name and address inside words so copies carry it. The
    name is the longest ending the copies share (one copy alone: its last few characters up to 网/站)."""
    if "watermark" in doc.overrides.disabled_rules:
        return
    names: dict[str, list[str]] = {}
    for ln in doc.lines:
        for m in HIDDEN_ADDRESS.finditer(ln.text) if "." in ln.text else ():  # (an address has a dot)
            names.setdefault(m.group("domain"), []).append(m.group("name"))
    marks = {}
    for domain, found in names.items():
        shared = found[0]
        for other in found[1:]:
            while shared and not other.endswith(shared):
                shared = shared[1:]
        if len(found) == 1:
            shared = shared[-5:]
        if len(shared) >= 2 and shared.endswith(SITE_END):
            marks[domain] = shared + domain
    for ln in doc.lines:
        if ln.lineno in doc.overrides.keep_lines:
            continue
        for mark in marks.values():
            while mark in ln.text:
                doc.removed.append(Removed(mark, ln.lineno, "watermark", "a site's name and address inside the text"))
                ln.text = ln.text.replace(mark, "", 1)


def cut_woven_lines(doc: Document) -> None:
    """"公文汇,办公文档之家" between every two paragraphs: a short line the site wove into the text three times or more,
    word for word, that is neither a heading nor a field label, is the site's mark."""
    if "woven-line" in doc.overrides.disabled_rules:
        return
    seen: dict[str, list[Line]] = {}
    for ln in doc.lines:
        t = loose(ln.text)
        # (not a field "责任领导：××", a stage direction "（发言）", a heading or a sentence: those repeat in a text)
        if 4 <= len(t) <= 24 and not parse_marker(t) and not re.search(r"[：:（）()×]", t) and not ends_sentence(t) \
                and not re.search(r"\d", t) and not t.endswith(word_list("title", "endings")):  # (a collection's titles)
            seen.setdefault(t, []).append(ln)
    woven = {t for t, copies in seen.items() if len(copies) >= 3}
    if not woven:
        return
    out: list[Line] = []
    for ln in doc.lines:
        if loose(ln.text) in woven and ln.lineno not in doc.overrides.keep_lines:
            doc.removed.append(Removed(ln.text, ln.lineno, "woven-line", "a site's line repeated between the paragraphs"))
            continue
        out.append(ln)
    doc.lines = out


FIELD_TITLE = re.compile(r"^\s*(标\s*题|名\s*称|题\s*名)\s*[:：]\s*(?P<title>[^|｜]{6,60}?)\s*([|｜]\s*)*$")


def field_titles(doc: Document) -> None:
    """"标题:长治市上党区统计局2020年工作总结暨2021年工作计划 | |": a portal's info table names the document; the row
    becomes that name, a headline like any other, where the document has no title line of its own below it."""
    if "field-title" in doc.overrides.disabled_rules:
        return
    for k, ln in enumerate(doc.lines[:40]):
        m = FIELD_TITLE.match(ln.text)
        if not m or not m.group("title").endswith(word_list("title", "endings")) or ln.lineno in doc.overrides.keep_lines:
            continue
        name = loose(m.group("title"))
        if any(name in loose(x.text) for x in doc.lines[k + 1:k + 40]):
            continue  # the document has its title line below: the row is only the table's, and goes with it
        label = ln.text[:m.start("title")].strip()
        doc.removed.append(Removed(label, ln.lineno, "field-title", "the label of the info table's 标题 row"))
        ln.text = m.group("title")

