"""Stage: strip what the website added. Every removed line is kept in `doc.removed` with the rule id.

Rules are data (resources/rules/noise.toml); the general signals of a single line are in noise_signals.py, the
passes that reshape lines first (collection labels, banners inside a line) in noise_prepass.py. Here the page as a
whole: zones before and after the text, page breaks and running headers, contents lists, duplicated paragraphs,
a page title repeated before the document's own title, site furniture after the last sentence, appended
documents. Truncation banners become `gap` markers, "以下内容供参考" a `docbreak` marker; later stages turn
markers into blocks.
"""
from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

from rapidfuzz import fuzz

from ..markers import ATTACHMENT_LABEL, NOTE_LINE
from ..model import Document, Line, Removed
from ..rules import NoiseRule, noise_rules, word_list
from ..segment import word_across
from ..text import TERMINAL, cjk_count, ends_sentence, has_sentence_punct, is_prose, loose
from .line_index import LaterPrefix, LaterText
from .noise_prepass import (
    LABEL_ONLY,
    collection_labels,
    cut_inline_banners,
    cut_watermarks,
    cut_woven_lines,
    field_titles,
)
from .noise_signals import (
    BULLET_NAV,
    DATE_LINE,
    MARKER_START,
    PAGE_COUNTER,
    gap_count,
    general_signal,
    looks_like_ending,
    similar_title,
)
from .normalize import FOLDABLE, normalize_text
from .rule_screen import line_chars, screen
from .structure import DATE, addressee, is_salutation

UNNORMAL = re.compile(r"[\s!-/:-@\[-`{-~“”‘’]")  # what normalize may change: spaces, ASCII marks, quotes


# curly quotes alone are left as they are: normalize changes a text only with one of these (or a foldable character)
NORMALIZED = re.compile(r"[\s!-/:-@\[-`{-~]|" + FOLDABLE.pattern)


@lru_cache(maxsize=4096)
def _as_cleaned(text: str) -> str:
    return normalize_text(text) if UNNORMAL.search(text) and NORMALIZED.search(text) else text


_memo = threading.local()  # .lines: while settle cleans the clean text again, what each line's own text decided


@contextmanager
def remembering_lines() -> Iterator[None]:
    """Within it (settle's rounds, which see mostly the same paragraphs again) the rules' verdict on a line's own
    text, and the text as normalize leaves it, are worked out once per text, not once per round."""
    outer = getattr(_memo, "lines", None)
    _memo.lines = {}
    try:
        yield
    finally:
        _memo.lines = outer


def rule_hits(rule: NoiseRule, text: str, cleaned: str | None = None) -> re.Match[str] | None:
    """The rule sees the line raw and as normalize will leave it ("点击下  载全文" is "点击下载全文"), so a line
    is judged the same when a clean draft is cleaned again. (`cleaned`: _as_cleaned(text), when known.)"""
    cleaned = _as_cleaned(text) if cleaned is None else cleaned
    for t in (text, cleaned) if cleaned != text else (text,):
        if (rule.max_len is None or len(t) <= rule.max_len) and (m := rule.regex.search(t)):
            return m
    return None


POST_STAMP = re.compile(r"^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s+\d{1,2}:\d{2}")  # a post's time stamp line
PHOTO_NOTE = re.compile(r"[（(](资料图|资料图片|供图|摄|图片来源)")
PAGE_SUFFIX = re.compile(r"(?<!\s)(?:\s*+[（(]\s*\d{1,2}\s*[)）]$|\s*+[（(]?第\s*\d{1,2}\s*页[)）]?$)")  # "…的讲话（3）"
COMPACT_DATE = re.compile(r"(19|20)\d{2}(1[0-2]|0?[1-9])(3[01]|[12]\d|0?[1-9])")
PAGE_BREAK_RULES = {"page-counter", "page-number", "running-header"}
# a collection's headline counts its samples: "…（实用18篇）", "…汇编(5篇)", "…大全10篇"
# (white space runs are taken whole ("*+"; nothing after them can match white space) and a match starts no later in
# a run than where the run starts: the same matches, where the plain "\s*"s split a run of 3,000 spaces every way
# among them, for minutes)
COLLECTION_COUNT = re.compile(r"(?:(?<!\s)|(?=[（(【\[]))[（(【\[]?\s*+(通用|精选|实用|优秀|最新|热门|大全|汇编|合集|推荐|范文)?"
                              r"\s*+\d{1,3}\s*+篇\s*+[）)】\]]?\s*+$")
CONTENTS = re.compile(r"^\s*+[【\[]?\s*+(本文|文章|全文|内容)?\s*+(目\s*+录|提\s*+纲|大\s*+纲)(\s*+[/／、]\s*+(目录|提纲|大纲))?"
                      r"\s*+[】\]]?\s*+[:：]?\s*+[…\.。]*+\s*+$")
# a bare heading a contents list holds ("一、履职尽责", "（一）理论武装", "第二章 公文种类", "1.1 编制目的")
OUTLINE_ITEM = re.compile(r"^([一二三四五六七八九十]{1,3}\s*[、.．]|[(（]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]"
                          r"|\d{1,2}(\.\d{1,2})*\s*[.、．]?\s*(?=[\u4e00-\u9fff])|第[一二三四五六七八九十\d]{1,3}\s*[章节部分篇])"
                          r"\s*[^。；！？;!?]{2,30}$")
DECIMAL_ITEM = re.compile(r"^\d{1,2}\.\d{1,2}\s*[\u4e00-\u9fff][^。；！？，,;!?]{1,20}$")  # "1.1 编制目的"
CHAPTER_NAME = re.compile(r"[\u4e00-\u9fff]{2,10}")
TOP_ITEM = re.compile(r"\d{1,2}\s*[\u4e00-\u9fff]{2,10}")  # "8 附则"  # "总则", "组织体系及职责": a chapter's name, its number lost
ENUM_ITEM = re.compile(r"^[一二三四五六七八九十](是|要)[^。；！？;!?]{2,30}$")  # "一要牢牢抓住“重视”这一核心"
TOC_ANCHOR = re.compile(r"^\s*\d{1,2}\s*[.、．]\s*(?=\D)")  # "1. 一、基本情况": an anchor list's own numbers
TOC_PAGE = re.compile(r"(?<![\s.．·…_-])[\s.．·…_-]*+\d{1,3}\s*$")  # (linear: a match starts where its run does)


_HEAD_BELOW = re.compile(r"^((绝密|机密|秘密)(\s*★.{1,6})?|特急|加急|特提|平急|.{2,30}文件)$")


def _copy_number(lines: list[Line], i: int) -> bool:
    return bool(re.fullmatch(r"\d{6}", lines[i].text.strip())) and any(
        _HEAD_BELOW.match(x.text.strip()) for x in lines[i + 1:i + 3])


class _Pass:
    def __init__(self, doc: Document):
        self.doc = doc
        self.lines = doc.lines
        self.rule: list[str | None] = [None] * len(self.lines)
        self.gap: dict[int, int | None] = {}  # line index -> omitted count (banner lines)
        self.download: set[int] = set()
        self.fold: set[int] = set()
        self.docbreak: set[int] = set()
        self.keep = doc.overrides.keep_lines
        self.off = doc.overrides.disabled_rules
        self.rules = [r for r in noise_rules() if r.id not in self.off]
        self.line_kind = [r for r in self.rules if r.kind not in ("zone", "tail", "appendix", "inline")]
        self.zone_kind = [r for r in self.rules if r.kind == "zone"]
        self.tail_kind = [r for r in self.rules if r.kind in ("tail", "appendix")]
        self.appendix_kind = [r for r in self.rules if r.kind == "appendix"]
        # (each line is asked only about the rules that can hit it: see rule_screen)
        self.line_screen, self.zone_screen, self.tail_screen, self.appendix_screen = (
            screen(tuple(k)) for k in (self.line_kind, self.zone_kind, self.tail_kind, self.appendix_kind))
        self._last_long_prose: int | None = None
        memo = getattr(_memo, "lines", None)
        # (each line as normalize leaves it, and the rules' verdict on it: once per pass, or per settle run)
        self._cleaned: dict[str, str] = memo.setdefault(("cleaned",), {}) if memo is not None else {}
        self._verdicts: dict[tuple, tuple] = memo.setdefault(("verdicts", frozenset(self.off)), {}) if memo is not None else {}
        self._prose: list[int] | None = None  # alive prose lines, once gaps() starts (nothing is dropped after)

    def cleaned(self, text: str) -> str:
        c = self._cleaned.get(text)
        if c is None:
            c = self._cleaned[text] = _as_cleaned(text)
        return c

    def verdict(self, text: str, table_row: bool) -> tuple:
        """What the line's text alone says: (appendix rule that hits, first line rule that hits, its gap count,
        general signal, page counter?); the signal and counter only when no line rule hits (as line_rules asks)."""
        v = self._verdicts.get((text, table_row))
        if v is None:
            cleaned = self.cleaned(text)
            seen, shortest = line_chars(text, cleaned), min(len(text), len(cleaned))  # (rule_hits reads both)
            app = next((r for r in self.appendix_screen.candidates(seen, shortest) if rule_hits(r, text, cleaned)), None)
            hit, gap = None, None
            for r in self.line_screen.candidates(seen, shortest):
                if m := rule_hits(r, text, cleaned):
                    hit, gap = r, gap_count(m) if r.kind == "gap" else None
                    break
            sig, pc = (general_signal(text, table_row=table_row), PAGE_COUNTER.match(text) is not None) if hit is None \
                else (None, False)
            v = self._verdicts[(text, table_row)] = (app, hit, gap, sig, pc)
        return v

    def drop(self, i: int, rule: str) -> None:
        if self.rule[i] is None and self.lines[i].lineno not in self.keep and rule not in self.off:
            self.rule[i] = rule

    def alive(self, i: int) -> bool:
        return self.rule[i] is None

    # --- pass 1: rules that hold anywhere --------------------------------------------------------------
    def line_rules(self) -> None:
        for i, ln in enumerate(self.lines):
            if ln.lineno in self.doc.overrides.drop_lines:
                self.rule[i] = "user"
                continue
            r, hit, gap, sig, pc = self.verdict(ln.text, ln.style == "tr")
            if r is not None and self._long_prose_after(i):
                self.docbreak.add(i)  # "相关范文：" and then a whole document: it is appended, not a list of links
                self.drop(i, r.id)
                continue
            if hit is not None and hit.id == "meta-doc-summary" and (rest := self._summary_is_the_text(i)) is not None:
                self.doc.removed.append(Removed(ln.text[:len(ln.text) - len(rest)], ln.lineno, hit.id,
                                                "the label before the document's text"))
                ln.text = rest  # "文档介绍:趁着三月的余温,…": the page gives the document itself under the label
                continue
            if hit is not None:
                r = hit
                if r.kind == "gap":
                    self.gap[i] = gap
                elif r.kind in ("download", "fold"):
                    self.download.add(i)
                    if r.kind == "fold":
                        self.fold.add(i)
                elif r.kind == "docbreak":
                    self.docbreak.add(i)
                self.drop(i, r.id)
            else:
                if pc:
                    self.drop(i, "page-counter")
                elif sig == "lone-punct" and ln.text.strip() in TERMINAL and i and not ends_sentence(self.lines[i - 1].text):
                    continue  # the full stop a wrap pushed onto its own line: reflow joins it back
                elif sig == "counter" and i <= 1 and _copy_number(self.lines, i):
                    continue  # "000012" over "机密★1年" / "特急" / "××文件": the document's 份号 (GB/T 9704 7.2.1)
                elif sig == "counter" and COMPACT_DATE.fullmatch(ln.text.strip()) and i and looks_like_ending(self.lines[i - 1].text):
                    continue  # "常山县人民政府办公室" / "2023626": the date under the signature, its separators lost
                elif (sig == "counter" and i + 1 < len(self.lines) and re.match(r"[年月日号个元万亿%人次项]", self.lines[i + 1].text)
                      and i and not ends_sentence(self.lines[i - 1].text)):
                    continue  # "在" / "2024" / "年信访…": a number the copy set on a line of its own, inside the text
                elif sig == "nav-bullet" and self._bulleted_headline(i):
                    rest = BULLET_NAV.match(ln.text).group("rest")  # (the bullet goes, recorded; the headline stays)
                    self.doc.removed.append(Removed(ln.text[:len(ln.text) - len(rest)].strip(), ln.lineno, "nav-bullet",
                                                    "the bullet before the page's headline"))
                    ln.text = rest
                elif sig:
                    self.drop(i, sig)

    def _summary_is_the_text(self, i: int) -> str | None:
        """The text after a "文档介绍:" label when it is the document's own opening, not a blurb about a document
        the page shows below it (a blurb's words come again further down)."""
        rest = re.sub(r"^\S{2,6}\s*[:：]\s*", "", self.lines[i].text, count=1)
        if len(rest) < 60 or not is_prose(rest):
            return None
        probe = loose(rest)[:12]
        return None if any(probe in loose(x.text) for x in self.lines[i + 1:]) else rest

    def _bulleted_headline(self, i: int) -> bool:
        """"• 中共…党组关于巡察整改情况的通报" over the date line and the text: a government page's headline set as a
        list item, not a link of a menu (no other document's name in a bullet next to it, the text soon after)."""
        rest = BULLET_NAV.match(self.lines[i].text).group("rest")
        if len(rest) < 12 or not rest.endswith(word_list("title", "endings")):
            return False
        near = [x.text for x in self.lines[max(0, i - 3):i] + self.lines[i + 1:i + 4]]
        if any((m := BULLET_NAV.match(t)) and m.group("rest").endswith(word_list("title", "endings")) for t in near):
            return False
        return any(len(x.text) >= 40 and is_prose(x.text) for x in self.lines[i + 1:i + 7])

    def _long_prose_after(self, i: int) -> bool:
        """A line of 40 characters or more that reads as prose comes after line i (found once, not per banner)."""
        if self._last_long_prose is None:
            self._last_long_prose = max((k for k, x in enumerate(self.lines) if len(x.text) >= 40 and is_prose(x.text)),
                                        default=-1)
        return self._last_long_prose > i

    def photo_captions(self) -> None:
        """"▲赵××和孩子们在一起" alone between paragraphs: the caption of a photo the copy lost. A plan's
        "△开展主题党日活动" bullets come in runs of such lines, and stay."""
        marked = [i for i, ln in enumerate(self.lines) if self.alive(i) and ln.text[:1] in "▲△"]
        scenes = word_list("caption", "scenes")
        for i in marked:
            t = self.lines[i].text
            before, after = self._next_alive(i, -1), self._next_alive(i, 1)
            if (len(t) <= 50 and not re.search(r"[。！？；]", t)
                    and (re.sub(r"[（(][^（）()]*[)）]$", "", t).endswith(scenes) or PHOTO_NOTE.search(t))
                    and all(j is None or self.lines[j].text[:1] not in "▲△" for j in (before, after))):
                self.drop(i, "photo-caption")

    def collection_leadin(self) -> None:
        """A collection page ("保护母亲河倡议书（实用18篇）"): the site's few lines of prose between its headline and
        the first sample's title (a title the headline names, "保护母亲河倡议书") are its lead-in, not the sample's text."""
        alive = [i for i in range(min(len(self.lines), 40)) if self.alive(i)]
        heads = [i for i in alive[:12] if COLLECTION_COUNT.search(self.lines[i].text) and len(self.lines[i].text) <= 60]
        if not heads:
            return
        head = heads[-1]  # (the page repeats its headline: the lead-in comes after the last copy)
        name = loose(COLLECTION_COUNT.sub("", self.lines[head].text))
        after = [i for i in alive if i > head][:6]
        # (the first sample opens with its title, or with its salutation when it has none)
        title = next((i for i in after if 4 <= len(self.lines[i].text) <= 40 and not is_prose(self.lines[i].text)
                      and ((loose(self.lines[i].text)[:4] in name and fuzz.partial_ratio(loose(self.lines[i].text), name) >= 85)
                           or is_salutation(self.lines[i].text) or addressee(self.lines[i].text))), None)
        if title is None:
            return
        between = [i for i in after if i < title]
        prose = [i for i in between if is_prose(self.lines[i].text)]
        if 1 <= len(prose) <= 3:
            for i in prose:
                self.drop(i, "collection-leadin")

    def field_values(self) -> None:
        """A field table set one cell per line: a label the rules took ("文号:") and its value below it
        ("常政办发〔2023〕47号"), above the text: the value goes with its label."""
        for i in range(1, min(len(self.lines), 60)):
            prev = self.rule[i - 1]
            if (prev in ("gov-info-block", "meta-strong", "meta-fields", "nav-bullet") and self.alive(i)
                    and re.fullmatch(r"\W*[\u4e00-\u9fff\s]{2,8}[:：]\s*", self.lines[i - 1].text) and len(self.lines[i].text) <= 40
                    and not is_prose(self.lines[i].text)):
                self.drop(i, prev)

    def title_in_pieces(self) -> None:
        """The file's name set one word per line ("宣传部" "关于" "年度" "宣传" "思想" "工作总结") over the title it
        spells: pieces of a later line of the head, not lines of text."""
        first = next((i for i, x in enumerate(self.lines) if is_prose(x.text)), len(self.lines))
        later: LaterText | None = None  # (an index of the head's texts: a scan of them per run is quadratic)
        i = 0
        while i < first:
            j = i
            while j < first and self.alive(j) and len(self.lines[j].text) <= 6 and not has_sentence_punct(self.lines[j].text):
                j += 1
            if j - i >= 3:
                joined = loose("".join(x.text for x in self.lines[i:j]))
                later = later or LaterText([loose(x.text) for x in self.lines[:first + 1]])
                if later.holds(joined, j):
                    for k in range(i, j):
                        self.drop(k, "page-title-repeat")
            i = max(j, i + 1)

    def keyword_lines(self) -> None:
        """"镇政府,工作报告,2023" over "2023年镇政府工作报告": the page's keywords, each a piece of the headline below."""
        for i in range(min(len(self.lines), 30)):
            items = [x for x in re.split(r"[,，、\s]+", self.lines[i].text) if x]
            if (not self.alive(i) or len(items) < 2 or len(self.lines[i].text) > 30 or re.search(r"[：:。；]", self.lines[i].text)
                    or not all(2 <= len(x) <= 8 for x in items)):
                continue
            j = self._next_alive(i, 1)
            if j is not None and all(loose(x) in loose(self.lines[j].text) for x in items) and not is_prose(self.lines[j].text):
                self.drop(i, "keyword-line")

    def post_authors(self) -> None:
        """"××县人社局" over "2023-08-15 17:30 · 来自…官方账号": the account that posted the page, named right above
        the post's time stamp (the stamp itself is a site line already)."""
        for i, ln in enumerate(self.lines):
            if not POST_STAMP.match(ln.text) or len(ln.text) > 60:
                continue  # (the stamp goes later, with the zone rules)
            j = self._next_alive(i, -1)
            if j is not None and j == i - 1 and len(self.lines[j].text) <= 16 and not has_sentence_punct(self.lines[j].text):
                self.drop(j, "post-author")

    def appended_attachments(self) -> None:
        """"附件1" alone on a line right after the closing date: the attachment itself follows, a document of
        its own (docbreak; the label stays as its first line)."""
        for i, ln in enumerate(self.lines):
            if self.alive(i) and ATTACHMENT_LABEL.match(ln.text):
                j = self._next_alive(i, -1)
                if j is not None and NOTE_LINE.match(self.lines[j].text):
                    j = self._next_alive(j, -1)  # the 附注 "（此件公开发布）" under the date
                if j is not None and DATE_LINE.match(self.lines[j].text.strip()):
                    self.docbreak.add(i)

    def contents_list(self) -> None:
        """A table of contents: "目录" (or "目录/提纲：……") over the headings it lists, or, above the text, a run of
        bare headings ("一、履职尽责" "（一）理论武装" "（二）强基固本" …) whose first one heads the text again below.
        In an excerpt most of what it lists is cut away, so one heading found again is enough; a list with a label
        needs none (each again further down, page numbers or dot leaders after it or not)."""
        texts = [loose(x.text) for x in self.lines]
        later: LaterPrefix | None = None  # (built at the first item: a scan of all later lines per item is quadratic)
        first_prose = next((i for i, x in enumerate(self.lines) if is_prose(x.text)), len(self.lines))
        i = 0
        while i < min(len(self.lines), 80):
            label = CONTENTS.match(self.lines[i].text) is not None
            bare = i < first_prose and OUTLINE_ITEM.match(self.lines[i].text) is not None
            if not self.alive(i) or not (label or bare):
                i += 1
                continue
            j, items, again, keys = i + int(label), 0, 0, set()
            while j < len(self.lines) and self._listed(self.lines[j].text, label):
                key = loose(TOC_ANCHOR.sub("", TOC_PAGE.sub("", self.lines[j].text)))
                if key in keys:
                    break  # the first heading again: the text itself starts here
                keys.add(key)
                later = later or LaterPrefix(texts)
                found = bool(key) and later.holds(key, j + 1)
                if not found and not (OUTLINE_ITEM.match(self.lines[j].text) or ENUM_ITEM.match(self.lines[j].text)
                                      or not key.strip("…。.·")):
                    break  # neither a heading nor found again below: the contents list ended
                items += bool(key.strip("…。.·"))
                again += found
                j += 1
            if items >= 3 and (again >= 1 if not label or again < items else True) and (label or again >= 1):
                for k in range(i, j):
                    self.drop(k, "contents-list")
                i = j
            else:
                i += 1

    def decimal_contents(self) -> None:
        """An unlabelled table of contents of a decimal outline between a notice and the plan it issues: "总则"
        "1.1 编制目的" "1.2 编制依据" … "组织体系及职责" "2.1 指挥机构" …, with no sentence among them, whose items
        head the text again further down."""
        n, i = len(self.lines), 0
        while i < min(n, 300):
            if not (self.alive(i) and DECIMAL_ITEM.match(self.lines[i].text)):
                i += 1
                continue
            s = i
            while s > 0 and self.alive(s - 1) and CHAPTER_NAME.fullmatch(self.lines[s - 1].text):
                s -= 1  # ("总则" over "1.1 编制目的": the chapter's name, its number lost)
            j, items, major = i, [], 0
            while j < n and self.alive(j) and (DECIMAL_ITEM.match(t := self.lines[j].text) or CHAPTER_NAME.fullmatch(t)
                                               or TOP_ITEM.fullmatch(t)):
                number = re.match(r"\d+", t)
                if number and int(number.group()) < major:
                    break  # "8 附则" then "1 总则": the contents ended, the text starts over at 1
                major = int(number.group()) if number else major
                if DECIMAL_ITEM.match(t):
                    items.append(loose(t))
                j += 1
            below = {loose(x.text) for x in self.lines[j:]} if len(items) >= 6 else set()
            if sum(t in below for t in items) >= 2:
                for k in range(s, j):
                    self.drop(k, "contents-list")
            i = j

    @staticmethod
    def _listed(text: str, labelled: bool) -> bool:
        """A line a contents list may hold: short, no sentence; without a label, a numbered heading only."""
        text = TOC_PAGE.sub("", text).rstrip("…．.·_ ")  # (dot leaders and page numbers)
        if not text:
            return labelled  # ("……" closing a site's outline)
        if len(text) > 50 or ends_sentence(text):
            return False
        return labelled or OUTLINE_ITEM.match(text) is not None

    def running_headers(self) -> None:
        """A short line repeated beside the page breaks ("— 3 —", "第 3 页 / 共 8 页") is the page's running
        header or footer, not text: drop every copy when it shows up at two or more breaks."""
        breaks = [i for i, r in enumerate(self.rule) if r in ("page-counter", "page-number")]
        seen: dict[str, list[int]] = {}
        inside: set[int] = set()  # header lines that sit inside a sentence the page break cut
        for i in breaks:
            for step in (-1, 1):
                j = self._next_alive(i, step)
                if j is None:
                    continue
                t = loose(self.lines[j].text)
                if 2 <= len(t) <= 40 and not has_sentence_punct(t) and not MARKER_START.match(t):
                    seen.setdefault(t, []).append(j)
                    before, after = self._next_alive(min(i, j), -1), self._next_alive(max(i, j), 1)
                    if (before is not None and after is not None and is_prose(self.lines[before].text)
                            and not ends_sentence(self.lines[before].text)
                            and not MARKER_START.match(self.lines[after].text)):
                        inside.add(j)
        headers = set()
        for t, idx in seen.items():
            if len(set(idx)) >= 2 or set(idx) <= inside:
                headers.add(t)
                for j in idx:
                    self.drop(j, "running-header")
        repeated = {t for t in headers if len(set(seen[t])) >= 2}
        for j, ln in enumerate(self.lines):  # its copy on the first page, above the text, has no break before it
            if self.alive(j) and loose(ln.text) in repeated:
                self.drop(j, "running-header")

    def _next_alive(self, i: int, step: int) -> int | None:
        j = i + step
        while 0 <= j < len(self.lines) and not self.alive(j):
            j += step
        return j if 0 <= j < len(self.lines) else None

    # --- pass 2: per segment (docbreaks split the page into documents) ----------------------------------
    def segments(self) -> list[range]:
        cuts = [i for i in sorted(self.docbreak)]
        bounds = [-1, *cuts, len(self.lines)]
        return [range(a + 1, b) for a, b in zip(bounds, bounds[1:], strict=False) if b > a + 1]

    def zone_rules(self, seg: range) -> None:
        self._tail_markers(seg)  # "相关阅读" with only short lines after it: wherever the prose is
        alive = [i for i in seg if self.alive(i)]
        prose = [i for i in alive if is_prose(self.lines[i].text)]
        if not prose:
            return
        first, last = prose[0], prose[-1]
        # a field row "发文机关:××局 | 主题词: |" reads as prose (a colon after a word): the head zone goes on past it
        while first < last and any(r.id == "gov-info-block" and rule_hits(r, self.lines[first].text) for r in self.zone_kind):
            first = next(i for i in prose if i > first)
        for i in alive:
            if first <= i <= last:
                continue
            t = self.lines[i].text
            for r in self.zone_screen.candidates(line_chars(t, c := self.cleaned(t)), min(len(t), len(c))):
                if rule_hits(r, t, c):
                    self.drop(i, r.id)
                    break
        self._title_at_page_tops(seg, first)
        self._page_title_repeats([i for i in seg if self.alive(i) and i < first])
        self._tail_furniture(seg)

    def _tail_markers(self, seg: range) -> None:
        prose: list[int] | None = None  # alive prose lines of the segment, found at the first marker (not per marker)
        for i in seg:
            if not self.alive(i):
                continue
            t = self.lines[i].text
            c = self.cleaned(t)
            if not any(rule_hits(r, t, c) for r in self.tail_screen.candidates(line_chars(t, c), min(len(t), len(c)))):
                continue
            if prose is None:
                prose = [j for j in seg if self.alive(j) and is_prose(self.lines[j].text)]
                long_prose = [j for j in prose if len(self.lines[j].text) > 40]
            if not prose or prose[0] >= i:
                continue  # no text above it yet: a related-articles list comes after the document, not before
            if not long_prose or long_prose[-1] <= i:
                rest = [j for j in seg if j > i and self.alive(j)]
                rule = next(r.id for r in self.tail_kind if rule_hits(r, self.lines[i].text))
                for j in [i, *rest]:
                    self.drop(j, rule)
                return

    def _title_at_page_tops(self, seg: range, first: int) -> None:
        """A page of a paginated article starts with the headline again ("…的讲话", "…的讲话（3）"), here in the
        middle of the text: a line that repeats a head line of the document is the page's, not the text's."""
        head = {loose(self.lines[i].text) for i in seg if i < first and self.alive(i)
                and 6 <= len(self.lines[i].text) <= 60 and not ends_sentence(self.lines[i].text)}
        if not head:
            return
        for i in seg:
            if not (i > first and self.alive(i) and loose(PAGE_SUFFIX.sub("", self.lines[i].text)) in head):
                continue  # (the neighbours only for a line that repeats the head: walking to them per line is quadratic)
            before = self._next_alive(i, -1)
            issued = before is not None and (DATE_LINE.match(self.lines[before].text.strip()) is not None
                                             or DATE.match(self.lines[before].text.strip()) is not None)
            after = self._next_alive(i, 1)
            dated = after is not None and DATE.match(self.lines[after].text.strip()) is not None
            if (not issued and not (looks_like_ending(self.lines[i].text) and (self._in_closing(seg, i) or dated))):
                # (the offices over a notice's date sign it, even where the document it issues follows)
                # (after a closing date the headline is the title of the document the notice issues)
                self.drop(i, "page-title-repeat")  # (the office under the title signs the text again at its end)

    def _in_closing(self, seg: range, i: int) -> bool:
        """Line i stands after the last sentence of its segment, with at most a date or a short line after it."""
        after: list[int] = []  # (the first three alive lines after it are enough to tell)
        j: int | None = i
        while len(after) <= 2 and (j := self._next_alive(j, 1)) is not None and j < seg.stop:
            after.append(j)
        return len(after) <= 2 and all(not is_prose(self.lines[j].text) for j in after)

    def _page_title_repeats(self, head: list[int]) -> None:
        for n, i in enumerate(head):
            t = self.lines[i].text
            if len(t) > 60 or ends_sentence(t) or (has_sentence_punct(t[:-1]) and not t.startswith(("——", "──"))):
                continue  # a sentence is no page title
            # (an office under the title — "××县人民政府办公室" — repeats no page title, even where it starts like one)
            if any(similar_title(t, self.lines[j].text) and not looks_like_ending(self.lines[j].text) for j in head[n + 1:]):
                self.drop(i, "page-title-repeat")

    def _tail_furniture(self, seg: range) -> None:
        alive = [i for i in seg if self.alive(i)]
        ends = [i for i in alive if ends_sentence(self.lines[i].text) and cjk_count(self.lines[i].text) >= 6]
        ends = ends or [i for i in alive if is_prose(self.lines[i].text)]  # (a text cut off before any sentence ended)
        if not ends:
            return
        # (after the last line of text, prose or not: a copy cut off mid-text has short lines among its last prose)
        last = max(ends[-1], max((i for i in alive if is_prose(self.lines[i].text)), default=-1))
        for i in alive:
            t = self.lines[i].text
            if not (i > last and len(loose(t)) <= 15 and not has_sentence_punct(t) and not looks_like_ending(t)):
                continue  # (the word test below only for a line that is furniture otherwise: jieba per line is slow)
            before = self._next_alive(i, -1)
            # (a copy cut off mid-sentence goes on over its last line: "…把保粮食" | "能源安全作为“六")
            goes_on = before is not None and not ends_sentence(self.lines[before].text) and (
                word_across(self.lines[before].text, t) or t.count("“") > t.count("”"))
            if not goes_on:
                self.drop(i, "tail-furniture")

    # --- pass 3: banners and prompts become gap markers -------------------------------------------------
    def gaps(self) -> dict[int, int | None]:
        """Return {index of the first line of a banner run: omitted count}."""
        self._prose = None
        out: dict[int, int | None] = {}
        i, n = 0, len(self.lines)
        while i < n:
            # a banner the clerk kept (alive) is text now: no gap
            if not self.alive(i) and (i in self.gap or i in self.download or self.rule[i] == "page-counter"):
                j = i
                run = []
                while j < n and not self.alive(j) and j not in self.docbreak:
                    run.append(j)
                    j += 1
                banners = [k for k in run if k in self.gap]
                count = next((self.gap[k] for k in banners if self.gap[k] is not None), None)
                if banners:
                    out[run[0]] = count
                elif self._text_stops_before(i) or self._counter_stops(run):
                    out[run[0]] = None
                i = max(j, i + 1)
            else:
                i += 1
        return out

    def _text_stops_before(self, i: int) -> bool:
        if i not in self.download:
            return False
        prose = self._alive_prose()
        if i in self.fold and prose and prose[-1] > i:
            return False  # the fold was open when the page was copied: the text goes on below it
        j = self._next_alive(i, -1)
        last = self.lines[j].text if j is not None else ""
        # a download button above the text is no gap
        started = j is not None and bool(prose) and prose[0] <= j
        # the text stops mid-sentence; a date or signature before a download button is the document's end
        closing = DATE_LINE.match(last) or (len(last) <= 30 and not has_sentence_punct(last)
                                            and last.endswith(word_list("org", "suffixes")))
        return i in self.download and started and not ends_sentence(last) and not closing

    def _alive_prose(self) -> list[int]:
        if self._prose is None:
            self._prose = [k for k in range(len(self.lines)) if self.alive(k) and is_prose(self.lines[k].text)]
        return self._prose

    def _counter_stops(self, run: list[int]) -> bool:
        for k in run:
            m = PAGE_COUNTER.match(self.lines[k].text) if self.rule[k] == "page-counter" else None
            if m:
                kk, nn = int(m.group("k") or m.group("k2")), int(m.group("n") or m.group("n2"))
                prose = self._alive_prose()
                return kk < nn and not (prose and prose[-1] > run[-1])  # no text after the run
        return False


def run(doc: Document) -> Document:
    cut_watermarks(doc)
    cut_inline_banners(doc)
    cut_woven_lines(doc)
    field_titles(doc)
    samples, lists = collection_labels(doc)
    p = _Pass(doc)
    p.docbreak |= samples
    for i in lists:
        p.drop(i, "collection-label" if LABEL_ONLY.match(doc.lines[i].text) else "toc-line")
    p.line_rules()
    p.contents_list()
    p.decimal_contents()
    p.running_headers()
    p.collection_leadin()
    p.keyword_lines()
    p.field_values()
    p.title_in_pieces()
    p.post_authors()
    p.photo_captions()
    p.appended_attachments()
    for seg in p.segments():
        p.zone_rules(seg)
    gaps = p.gaps()
    out: list[Line] = []
    broke = False
    for i, ln in enumerate(doc.lines):
        if (i in p.docbreak and (ln.lineno not in doc.overrides.keep_lines or i in samples)
                and not (out and out[-1].mark == "docbreak")):  # two signs of one break ("\f", then "附件1")
            out.append(Line(text="", lineno=ln.lineno, mark="docbreak"))
        if i in gaps:
            out.append(Line(text="", lineno=ln.lineno, mark="gap", omitted_chars=gaps[i]))
        if p.rule[i] is None:
            ln.after_break, broke = broke, False
            out.append(ln)
        else:
            broke = broke or p.rule[i] in PAGE_BREAK_RULES
            doc.removed.append(Removed(ln.text, ln.lineno, p.rule[i]))
    doc.lines = out
    return doc
