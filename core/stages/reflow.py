"""Stage: reflow. Join lines that are fragments of one paragraph; split headings that ran into their body.

Joining is decided from evidence, not one rule: terminal punctuation, whether blank lines separate the
document's paragraphs (then a single line break is a wrap), line length against the document's typical
line, a marker or item starting the next line, an inline enumeration (一是…二是…) running across the break,
and whether the break cuts a word in two (jieba: "不" + "断提高" -> "不断").
"""
from __future__ import annotations

import re
import statistics
from dataclasses import replace

from ..markers import CN, DECIMAL, ENUM_START, is_lone_marker, last_enumerator, parse_marker, starts_with_marker
from ..model import Block, Change, Document, Line, Removed
from ..rules import word_list
from ..segment import word_across, words
from ..text import cjk_count, ends_sentence, has_sentence_punct, is_cjk, is_prose, loose, quote_left_open
from .glued_heads import split_glued_heads
from .split_runin import heading_seam, split_runins
from .structure import DATE

FIELD = re.compile(r"^[\u4e00-\u9fff](\s*[\u4e00-\u9fff]){1,4}\s*[：:]\s*\S")  # (also "总 指 挥：")
# "…请县领导上台颁奖。（颁奖音乐）": a sentence and then a stage direction or note in brackets
STAGE_NOTE_END = re.compile(r"[。！？!?][（(][^（）()]{1,12}[)）]$")
ROLE_NAME = re.compile(r"^[\u4e00-\u9fff×X（）()]{2,30}[ \u3000]+[\u4e00-\u9fff×X*＊]{2,4}$")  # an office and a name
SUBTITLE_START = re.compile(r"^(——|──|--)")
SUBTITLE_ENDS = ("上", "讲话", "发言", "致辞", "讲稿", "报告", "主持词")
FOOTNOTE_START = re.compile(r"^[\[［]\d{1,3}[\]］]\S")
TOKEN = re.compile(r"[\dxX×.]{1,6}|[年月日号个元万亿人次项]")
# what a count's line can go on with: its unit ("3" | "人以上…")
UNIT_START = "人个名位次项件家户元万亿千百年月日天周%多余台所条处起例批辆套倍岁"
SOFT_END = "，、,（(“《‘—"
DANGLING = "和与及的并或对把被在从向为以之等及其中是"  # a line ending in one of these cannot end a heading
LEAD_MAX = 14  # a sentence this short at the end of a line is a lead-in for the next line, not an ending
# "下面谈谈我的几点体会。" announces what follows: it ends its paragraph, it does not lead into the next line
ANNOUNCE = re.compile(r"(下面|以下|如下|现将|现就|谈谈|谈几点)")
CLOSING = re.compile(r"(特此(通知|报告|函告|批复|通报|公告)|妥否|请批示|请审阅|请审议|谢谢大家|以上报告|以上意见|此致)")


def _blank_separated(lines: list[Line]) -> bool:
    """Blank lines separate paragraphs (so a single line break inside one is a wrap)."""
    gaps = [ln.blank_before for ln in lines[1:] if not ln.mark]
    return len(gaps) >= 4 and sum(g > 0 for g in gaps) / len(gaps) >= 0.6


def _joint_bodies(t: str) -> bool:
    parts = t.split()
    return 2 <= len(parts) <= 3 and all(len(p) <= 20 and p.endswith(word_list("org", "suffixes"))
                                        and not re.search(r"[，。；：,;:]", p) for p in parts)


def _sentence_lines(lines: list[Line]) -> bool:
    """A phone note or chat copy: one sentence per line, a blank line between paragraphs. Most lines end a
    sentence, they are sentence-short, and blank lines set apart groups of such lines."""
    prose = [ln for ln in lines if not ln.mark and not starts_with_marker(ln.text) and cjk_count(ln.text) >= 8]
    if len(prose) < 8:
        return False
    ending = [ln for ln in prose if ends_sentence(ln.text)]
    groups = sum(1 for a, b in zip(prose, prose[1:]) if b.blank_before == 0 and ends_sentence(a.text)
                 and a.lineno + 1 == b.lineno)
    parted = sum(ln.blank_before > 0 for ln in prose)
    return (len(ending) >= 0.7 * len(prose) and statistics.median(len(ln.text) for ln in ending) <= 60
            and groups >= 3 and parted >= 3)


def _wrap_width(lines: list[Line]) -> float | None:
    """The width a hard-wrapped document breaks at, when enough lines stop at about the same length
    without ending a sentence; None when the document shows no such wrapping."""
    lines = [ln for ln in lines if ln.style != "tr"]  # table rows are as long as their cells, not wrapped
    cut = [len(ln.text) for ln in lines if not ln.mark and len(ln.text) >= 15 and not ends_sentence(ln.text)
           and re.search(r"[，,。；;]", ln.text[:-1]) and not starts_with_marker(ln.text)]
    if len(cut) < 3:
        return None
    med = statistics.median(cut)
    near = [n for n in cut if abs(n - med) <= 0.15 * med]
    if len(near) < 3 or len(near) < 0.5 * len(cut):
        return None
    # where many lines run on far past that width, lines of about it are labels over whole paragraphs, unless some
    # follow one another at that width (a wrapped passage in an otherwise unwrapped page)
    longer = sum(len(ln.text) > 1.3 * med for ln in lines if not ln.mark)
    at = [abs(len(ln.text) - med) <= 0.15 * med for ln in lines]
    running = sum(a and b for a, b in zip(at, at[1:]))
    return med if longer <= 0.1 * len(lines) or running >= 2 else None


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[。！？!?；;])", text) if s]


def _stub_clause(b: str) -> bool:
    """The line opens with a clause of two to four characters that no sentence starts with ("总基调，")."""
    m = re.match(r"^([\u4e00-\u9fff]{2,4})[，,；;。]", b)
    return bool(m) and not ENUM_START.match(b) and not b.startswith(word_list("sentence_start", "words")) \
        and not b.startswith(("同时", "因此", "为此", "此外", "另外", "总之", "其中", "对此", "当前", "然而", "但是"))


def _open_end(a: str) -> bool:
    """The line stops on a comma, an opening bracket or quote (a straight quote left open is the “ it becomes)."""
    return (a[-1] in SOFT_END and a[-1] not in "“‘") or quote_left_open(a)


def _dangling(a: str) -> bool:
    """The line stops on a function word ("存在的不足和"), not on a word that merely ends in one ("努力方向")."""
    tail = words(a[-8:])
    return bool(tail) and len(tail[-1]) == 1 and tail[-1] in DANGLING


def _is_short_title(s: str) -> bool:
    return len(s) <= 12 and not any(c in s for c in "，。,")


def _whole_paragraphs(lines: list[Line]) -> bool:
    """HTML/DOCX whose paragraph elements hold whole paragraphs (most long ones end a sentence), so the end of
    an element is the end of a paragraph; a page that puts every visual line of a PDF in its own element
    does not, and is reflowed like text."""
    long = [ln.text for ln in lines if ln.para is not None and not ln.mark and cjk_count(ln.text) >= 15]
    if len(long) < 2:
        return bool(long)
    whole = sum(ends_sentence(t) or t.endswith(("：", ":")) for t in long)
    return whole >= 0.5 * len(long)


class _Joiner:
    def __init__(self, lines: list[Line]):
        self.para_hard = _whole_paragraphs(lines)
        self.blank_sep = _blank_separated(lines)
        self.sentence_lines = not self.blank_sep and _sentence_lines(lines)
        self.wrap = _wrap_width(lines)
        indents = [ln.indent for ln in lines if not ln.mark]
        self.base_indent = min(indents, default=0)
        share = sum(i > self.base_indent for i in indents) / len(indents) if indents else 0
        self.indent_marks_paragraphs = 0.05 <= share <= 0.7 and len(indents) >= 6
        # a PDF copy that put every number and placeholder on a line of its own ("在" / "2024" / "年信访…讲话")
        self.token_lines = sum(bool(TOKEN.fullmatch(ln.text)) for ln in lines if not ln.mark) >= 3
        # a count a PDF copy set apart between a clause that goes on and its unit ("团体受伤害" | "3" | "人以上…")
        live = [ln for ln in lines if not ln.mark]
        self.counts = {ln.lineno for p, ln, n in zip(live, live[1:], live[2:])
                       if re.fullmatch(r"\d{1,4}(\.\d{1,2})?", ln.text) and n.text[:1] in UNIT_START
                       and not ends_sentence(p.text) and not p.text.endswith(("：", ":")) and is_cjk(p.text[-1])}

    def join(self, prev: str, nxt: Line, prev_para: int | None = None, prev_width: int = 0, prev_indent: int = 0,
             prev_align: str | None = None, prev_line: int | None = None) -> bool:
        a, b = prev, nxt.text
        if nxt.cut:
            return False  # the page collapsed a line break here (split_collapsed)
        if nxt.lineno in self.counts or prev_line in self.counts:
            return True
        if b[0] in "。，；、,;：:！？!?)）”" and not (starts_with_marker(a) and len(b) > 10 and not re.search(r"[。；！？]", a)):
            return True  # a stray fragment of the previous line's punctuation (not a paragraph that opens on one)
        if self.token_lines and not ends_sentence(a) and not a.endswith(("：", ":")) and not starts_with_marker(b) and (
                TOKEN.fullmatch(b) or (prev_width <= 4 and TOKEN.fullmatch(a[-prev_width:] if prev_width else ""))):
            return True  # "保证" / "x" / "顺利举行…": a number or a placeholder the copy set on a line of its own
        if is_lone_marker(a):
            return True
        # (the number ends the line: its last three characters tell, not a search of the whole paragraph so far)
        if re.search(r"\d[.,，]?$", a[-3:]) and b[:1].isdigit() and not starts_with_marker(b) and not DATE.match(b):
            return True  # a number cut in two ("…同比增长1" | "2.5%；", "4,6" | "00余份")
        if self.para_hard and nxt.para is not None and nxt.para != prev_para and not self._cut_element(a, b):
            return False  # the page or document ended the paragraph here
        if DATE.match(a) or DATE.match(b):
            return False
        if ROLE_NAME.match(b) or ROLE_NAME.match(a) or (SUBTITLE_START.match(a) and a.endswith(SUBTITLE_ENDS)):
            return False  # "××县审计局局长　×××" signs on a line of its own; "——…会议上" ends a subtitle
        if _joint_bodies(b) or _joint_bodies(a):
            return False  # "××县森林防火指挥部 ××县林业局": a joint signature, a line of its own
        if prev_align != nxt.align and "center" in (prev_align, nxt.align):
            return False  # a centred line and a line set otherwise belong to different paragraphs
        if starts_with_marker(b) or b.startswith(("——", "──", "附件", "附：")) or FOOTNOTE_START.match(b):
            return False  # (a "[1]…" line is a note of its own)
        if FIELD.match(b) and (FIELD.match(a) or ends_sentence(a) or not has_sentence_punct(a.replace("、", ""))
                               or starts_with_marker(a)):
            return False  # 出席：… / 列席：… / 主持人：…: one field per line, not a wrap
        if starts_with_marker(a) and _dangling(a) and not re.search(r"[。！？!?；;：:]", a) and (
                cjk_count(b) <= 12 or (seam := heading_seam(a + b)) is not None and seam > len(a)):
            # "二、……立德树人中" | "当先锋、作表率": a heading that stops on a function word goes on (also when its
            # text follows on the same line: "六、存在的不足和" | "下一步打算虽然本次活动…", split again at the seam)
            return True
        if (self.indent_marks_paragraphs and self.wrap and nxt.indent >= prev_indent and nxt.indent > self.base_indent
                and 0.85 * self.wrap <= prev_width - prev_indent <= 1.15 * self.wrap and not nxt.blank_before
                and a[-1] not in "。！？!?" and not starts_with_marker(b)):
            return True  # a hanging indent: a full line that goes on below, set in as deep or deeper
        if self.indent_marks_paragraphs and nxt.indent > self.base_indent:
            return False  # this document indents the first line of each paragraph
        if (self.indent_marks_paragraphs and self.wrap and prev_width >= 0.85 * self.wrap and not FIELD.match(b)
                and not CLOSING.match(b)):
            return True  # a full-width line and an unindented next line: a wrap, whatever the line ends with
        if DECIMAL.match(a) and len(a) >= 24 and word_across(a, b):
            return True  # "1.4.1 坚持以…为指" | "导，坚持…": a numbered clause of an outline, cut inside a word
        if (starts_with_marker(a) and not re.search(r"[。！？!?；;]", a) and not _open_end(a)
                and not (len(a) >= 40 and re.search(r"[，,]", a) and nxt.blank_before == 0)):
            # a heading line: only a heading broken across lines continues
            if nxt.after_break and cjk_count(b) <= 10 and not has_sentence_punct(b) and len(a) <= 30:
                return True  # "（二）拓展劳动" | page break | "实践途径"
            if re.search(r"[，,]", a) and len(b) <= 8 and b[-1] in "；;。" and not starts_with_marker(b):
                return True  # "3.…建立隐患台账，实行销号" | "管理；": an item's sentence ends on the next line
            first = re.split(r"(?<=[。！？])", b, maxsplit=1)[0]
            if (ends_sentence(first) and len(first) <= 12 and len(a) <= 18 and not re.search(r"[，,、：:]", a + first)
                    and not a.endswith(word_list("sentence_start", "heading_ends")) and not ENUM_START.match(b)):
                return True  # "（二）城市管理精细化" | "水平持续提升。以创建…": the heading sentence ends on the next line
            if self.wrap and prev_width >= 0.9 * self.wrap and len(b) <= 25 and not has_sentence_punct(b):
                return True  # a heading line as long as the hard-wrapped lines: "…全力推动水利" | "事业高质量发展"
            if re.match(r"(19|20)[\dxX×]{2}\s*年\s*[\dxX×]{1,2}\s*月", b) and not _dangling(a):
                return False  # "四、举办时间" | "2010年11月x日——11月x日": the field's value under its heading
            # (a word read across the break does not pull a whole paragraph up into the heading line)
            return ((word_across(a, b) and not (len(b) > 40 and ends_sentence(b))) or _dangling(a)
                    or (len(b) <= 25 and not ends_sentence(b) and not b.endswith(("：", ":")) and (not _is_short_title(b) or (cjk_count(b) <= 4 and not b.endswith(word_list("org", "suffixes"))))
                        and not ENUM_START.match(b)
                        and not re.search(r"[，,；;]", b)))  # ("（二）拓展劳动实践" | "途径")
        open_at = a.rfind("“")  # (the last quotation mark of any kind is an opening curly one)
        stray = open_at == 0 and a.endswith(word_list("title", "endings")) and not re.search(r"[，。；！？,;!?]", a)
        if (open_at >= 0 and max(a.rfind("”"), a.rfind('"')) < open_at and len(a) - open_at <= 300
                and not starts_with_marker(b) and not stray):  # ("“xx市副市长XXX：在…上的讲话": a stray quote)
            return True  # inside a quotation that has not closed yet ("“我此去凶多吉少，…托付于你了。" | "我所做的事…”")
        quoted = re.match(r"^“([^”]{1,12})”", b)  # (a book title 《…》 opening the line under a title starts the text)
        if (len(a) <= 12 and not has_sentence_punct(a) and quoted and not re.search(r"[。！？!?]", quoted.group(1))
                and not starts_with_marker(a)):
            return True  # "在校门口设置" | "“护学岗”，…": the clause goes on into its quoted object (a quoted saying
            # "“要想富，先修路。”" under a subhead starts a paragraph)
        k = last_enumerator(a)
        if k and k < 10 and not ENUM_START.match(b) and 0 <= (at := b[:200].find(f"{CN[k]}是")) and "一是" not in b[:at]:
            return True  # 一是… | …二是…: the enumeration runs across the break (not one that starts anew: "…一是…四是")
        if ends_sentence(a) or a.endswith(("：", ":")) or STAGE_NOTE_END.search(a[-17:]):  # (it ends the text: its tail tells)
            if self.blank_sep and nxt.blank_before == 0 and cjk_count(b) >= 4 and nxt.indent < 2:
                return True  # (an indented line after a full sentence starts a paragraph the blank line was left out of)
            if (self.sentence_lines and nxt.blank_before == 0 and cjk_count(b) >= 4 and not starts_with_marker(b)
                    and not FIELD.match(b) and not CLOSING.match(b)):
                return True  # the next sentence of the same paragraph
            if self.wrap and not self.blank_sep:
                # a hard-wrapped text: a full line that ends a sentence goes on, a short last line ends the paragraph
                # (set in no deeper than the line before: a page that indents every line alike goes on too)
                return (nxt.indent <= max(prev_indent, 1) and prev_width >= 0.9 * self.wrap and not nxt.blank_before
                        and not starts_with_marker(b) and not CLOSING.match(b))  # (a blank line after it: it ended)
            # (in a text whose paragraphs are set apart by blank lines, a blank line after a sentence ends one)
            return nxt.indent < 2 and not (self.blank_sep and nxt.blank_before) and self._lead_sentence(a, b)
        if _open_end(a):
            return True
        if DATE.match(b):
            return False
        if a.rstrip("）)").endswith(word_list("caption", "endings")) and len(a) <= 120:
            return False  # "……山东女子学院供图": a photo caption, whole
        if (self.blank_sep and nxt.blank_before and not word_across(a, b)
                and (re.search(r"[。；;！？!?]", a) or (len(a) >= 30 and re.search(r"[，,]", a)))):
            return False  # paragraphs set apart by blank lines: one that stops without an ending still ended here
        if re.search(r"[。；;！？!?]", a) or (len(a) >= 30 and re.search(r"[，,]", a)):
            return True  # a line that is already mid-prose and stops without an ending is a fragment
        if self.wrap and prev_width >= 0.85 * self.wrap:
            return True  # the last line is as long as the document's hard-wrapped lines
        if len(a) <= 60 and a.endswith(word_list("title", "endings")) and (
                not re.search(r"[，,、；;：:]", a) or re.search(r"——[^，,、；;：:。]{4,40}$", a)):
            return False  # "…关于巡察反馈意见的整改工作方案", "以心育心,以行立行——…培训心得体会": a title, whole, over the text
        if _dangling(a) and cjk_count(b) >= 4 and not self.blank_sep:
            return True  # "这次普查是" | "一次重要的大规模…": a short line that stops on a function word or "是" goes on
        if len(a) >= 40 or (self.blank_sep and nxt.blank_before == 0 and len(a) >= 12):
            return True
        if len(a) >= 16 and re.search(r"[，,]", a) and _stub_clause(b):
            return True  # "我局将坚持稳中求进工作" | "总基调，以更高标准…": the next line starts with the end of a clause
        return word_across(a, b) and len(a) >= 8

    @staticmethod
    def _cut_element(a: str, b: str) -> bool:
        """A page that split one sentence over two paragraph elements ("…图书馆藏书达" | "6.2万册，生均…"): the
        first is long prose that stops mid-clause, on a character, not a caption's credit."""
        if a[-1] in "，、," and not starts_with_marker(b) and not DATE.match(b):
            return True  # an element that stops on a comma ("二、聚焦产业振兴，" | "把集体经济“蛋糕”做大") goes on
        return (len(a) >= 40 and is_prose(a) and is_cjk(a[-1])
                and not a.rstrip("）)").endswith(word_list("caption", "endings"))
                and not starts_with_marker(b) and not DATE.match(b) and cjk_count(b) >= 4
                and (b[0].isdigit() or word_across(a, b) or _dangling(a)))

    def _lead_sentence(self, a: str, b: str) -> bool:
        sents = _sentences(a)
        last = sents[-1]
        # only after a run-in heading ("（六）…新面貌。政策体系进一步完善。"): a paragraph that ends on a short sentence
        # ("对此，我将认真加以整改。") has ended
        return (parse_marker(a) is not None and len(sents) >= 2 and len(last) <= LEAD_MAX and cjk_count(last) >= 2 and not CLOSING.search(last)
                and not ANNOUNCE.search(last) and not STAGE_NOTE_END.search(a)
                and cjk_count(b) >= 15 and not ENUM_START.match(b) and not starts_with_marker(b)
                and not b.startswith(word_list("salutation", "words")))  # "各位代表！…" addresses the hall anew


def _blank_lines_say_nothing(lines: list[Line]) -> list[Line]:
    """A copy that doubled every line break (a blank line after each wrapped line too) has blank lines that mark
    nothing: where nearly every line follows one and the lines wrap at one width, read it as if none were there."""
    rest = [ln for ln in lines[1:] if not ln.mark]
    if len(rest) < 8 or sum(ln.blank_before > 0 for ln in rest) < 0.9 * len(rest) or _wrap_width(lines) is None:
        return lines
    return [replace(ln, blank_before=0) for ln in lines]


def run(doc: Document) -> Document:
    doc.lines = split_glued_heads(doc.lines, doc.changes)
    lines = _blank_lines_say_nothing(doc.lines)
    joiner = _Joiner(lines)
    blocks: list[Block] = []
    cur: Block | None = None
    last_para: int | None = None
    last_width = last_indent = 0
    last_align: str | None = None
    joined: Change | None = None  # the join record of `cur`: one per paragraph (a narrow column joins 400,000 lines)
    for ln in lines:
        if ln.mark:
            blocks.append(Block(ln.mark, "", omitted_chars=ln.omitted_chars, lines=[ln.lineno]))
            cur = None
            continue
        prev_para, last_para = last_para, ln.para
        prev_width, last_width = last_width, len(ln.text) + ln.indent
        prev_indent, last_indent = last_indent, ln.indent
        prev_align, last_align = last_align, ln.align
        if (cur is not None and cur.style != "tr" and ln.style != "tr"
                and joiner.join(cur.text, ln, prev_para, prev_width, prev_indent, prev_align, cur.lines[-1])):
            text = ln.text
            if (text[0] in "。；;，," and ends_sentence(cur.text) and ln.lineno not in doc.overrides.keep_lines
                    and "stray-punct" not in doc.overrides.disabled_rules):
                doc.removed.append(Removed(text[0], ln.lineno, "stray-punct", "duplicate punctuation at a line start"))
                text = text[1:].lstrip()
            if joined is None:
                joined = Change("join", "joined broken lines", [cur.lines[-1]])
                doc.changes.append(joined)
            joined.lines.append(ln.lineno)
            # a wrap between Latin words is a space; between digits ("7" | "1.3%") it is nothing
            glue = " " if cur.text[-1:].isascii() and cur.text[-1:].isalpha() and text[:1].isascii() and text[:1].isalnum() else ""
            cur.text = cur.text + glue + text
            cur.lines.append(ln.lineno)
            continue
        cur = Block("paragraph", ln.text, lines=[ln.lineno], bold=ln.bold, align=ln.align, style=ln.style)
        joined = None
        blocks.append(cur)
    doc.blocks = split_runins(_without_duplicates(blocks, doc), doc.changes)
    return doc


def _without_duplicates(blocks: list[Block], doc: Document) -> list[Block]:
    """A paragraph the scraper put twice in a row (site lines between them already gone): the second copy goes.
    Judged on joined paragraphs, so cleaning the clean text judges the same."""
    out: list[Block] = []
    for b in blocks:
        prev = out[-1] if out else None
        if (prev is not None and prev.kind == b.kind == "paragraph" and loose(b.text) == loose(prev.text)
                and is_prose(b.text) and len(b.text) >= 20 and "duplicate-line" not in doc.overrides.disabled_rules
                and not set(b.lines) & doc.overrides.keep_lines):
            doc.removed.append(Removed(b.text, b.lines[0], "duplicate-line", "the same paragraph again"))
            continue
        out.append(b)
    return out
