"""Stage: strip what the website added. Every removed line is kept in `doc.removed` with the rule id.

Rules are data (resources/rules/noise.toml); the general signals below need no list: URL-only lines, menu
lines of many short items, bullet navigation, counters and lone punctuation, a page title repeated before the
document's own title, and short site furniture after the document's last sentence. Truncation banners become
`gap` markers, "以下内容供参考" a `docbreak` marker; later stages turn markers into blocks.
"""
from __future__ import annotations

import re

from rapidfuzz import fuzz

from ..model import Change, Document, Line, Removed
from ..rules import NoiseRule, noise_rules, word_list
from ..text import TERMINAL, cjk_count, ends_sentence, has_sentence_punct, is_prose

URL_ONLY = re.compile(r"^(https?://\S+|www\.\S+|[\w.-]+\.(com|cn|net|org|gov|edu|info|cc|top)(\.cn)?(/\S*)?)$", re.I)
DOMAIN = re.compile(r"[A-Za-z0-9-]+\.(com|cn|net|org|cc|top|info)\b", re.I)
BULLET_NAV = re.compile(r"^[•·▪►▶◆■□●○◇※▸»]\s*(?P<rest>.*)$")
KEY_VALUE = re.compile(r"(?:^|\s)[\u4e00-\u9fffA-Za-z]{1,6}\s*[:：]\s*\S{1,24}(?=\s|$)")
COUNTER = re.compile(r"^[\d\s,.]{1,12}$")
PAGE_COUNTER = re.compile(r"^第?\s*(?P<k>\d+)\s*页\s*[/／,，、]?\s*共\s*(?P<n>\d+)\s*页$|^(?P<k2>\d+)\s*/\s*(?P<n2>\d+)\s*页?$")
DATE_LINE = re.compile(r"^[(（]?\s*([\d〇零一二三四五六七八九十○OＯXx×]{2,4}|X+|×+)\s*年\s*[\d〇零一二三四五六七八九十Xx×]{0,3}\s*月?"
                       r"\s*[\d〇零一二三四五六七八九十Xx×]{0,3}\s*日?\s*[)）]?$")
MARKER_START = re.compile(r"^([一二三四五六七八九十]+\s*[、.．]|[(（]\s*[一二三四五六七八九十\d]+\s*[)）]|\d+\s*[.、．)）]|第[一二三四五六七八九十\d]+)")
PLACEHOLDER = set("×Xx_＿")
PATH_SEP = re.compile(r"\s*[>＞»›→]+\s*")


def _rule_hits(rule: NoiseRule, text: str) -> re.Match[str] | None:
    if rule.max_len is not None and len(text) > rule.max_len:
        return None
    return rule.regex.search(text)


def _menu_line(text: str) -> bool:
    items = [t for t in re.split(r"[\s|｜/·•]+", text) if t]
    if len(items) < 4 or has_sentence_punct(text.replace("、", "")):
        return False
    if sum(len(t) == 1 for t in items) >= 0.6 * len(items):
        return False  # "一 、 指 导 思 想": letter-spaced text from a PDF, not a menu
    return all(len(t) <= 6 for t in items) and sum(cjk_count(t) > 0 for t in items) >= len(items) * 0.7


PAGE_BREAK_RULES = {"page-counter", "page-number", "running-header"}
ATTACHMENT_LABEL = re.compile(r"^\s*附件\s*[\d一二三四五六七八九十]{0,2}\s*[:：]?\s*$")
CONTENTS = re.compile(r"^\s*[【\[]?\s*目\s*录\s*[】\]]?\s*[:：]?\s*$")
TOC_PAGE = re.compile(r"[\s.．·…_-]*\d{1,3}\s*$")


def _bare(text: str) -> str:
    return "".join(text.split())


def _breadcrumb(text: str) -> bool:
    """"蜂巢文库 首页 > 行业资料 > 教育/培训": three or more short items joined by path arrows."""
    items = [t for t in PATH_SEP.split(text) if t]
    return (len(items) >= 3 and len(text) <= 80 and all(len(t) <= 16 for t in items)
            and not has_sentence_punct(text.replace("/", "")))


def _general_signal(text: str, table_row: bool = False) -> str | None:
    if URL_ONLY.match(text):
        return "url-only"
    if len(text) <= 50 and DOMAIN.search(text) and not any(c in text for c in "，。；"):
        return "site-banner"
    m = BULLET_NAV.match(text)
    if m and len(m.group("rest")) <= 30 and not ends_sentence(text):
        return "nav-bullet"
    if _menu_line(text) and not table_row:  # a table's header row also reads as short items
        return "nav-menu"
    if _breadcrumb(text):
        return "nav-path"
    if COUNTER.match(text):
        return "counter"
    if _toc_line(text):
        return "toc-line"
    if len(text) <= 100 and "。" not in text and len(KEY_VALUE.findall(text)) >= 3:
        return "meta-fields"
    if not any(ch.isalnum() or ch in PLACEHOLDER for ch in text):
        return "lone-punct"
    return None


def _toc_line(text: str) -> bool:
    """A table-of-contents line: "0 2020 年工作总结 1 2021 年工作计划" (numbered short items, no sentences)."""
    if has_sentence_punct(text) or len(text) > 80:
        return False
    items = re.findall(r"(?:^|\s)(\d{1,2})\s+(\D{2,20}?|\d{4}\s*年\D{2,16}?)(?=\s+\d{1,2}\s+|$)", text)
    nums = [int(n) for n, _ in items]
    return len(nums) >= 2 and nums[0] in (0, 1) and nums == list(range(nums[0], nums[0] + len(nums)))


def _gap_count(m: re.Match[str]) -> int | None:
    g = m.groupdict()
    if g.get("omitted"):
        return int(g["omitted"])
    if g.get("total") and g.get("shown"):
        return max(int(g["total"]) - int(g["shown"]), 0)
    return None


def _looks_like_ending(text: str) -> bool:
    """Signature, date, 附件, closing or a heading: content that may sit after the last sentence."""
    if DATE_LINE.match(text) or re.match(r"^[(（]?(附件|附[：:]|抄送|印发|联系人|联系电话|此件|此页|本件)", text):
        return True
    if MARKER_START.match(text):
        return True
    if re.match(r"^[(（]?\s*(共印|印数)\s*[:：]?\s*\d+\s*(份|册)\s*[)）]?$", text):
        return True  # "（共印80份）": the print run in a 简报's 版记
    if re.match(r"^(\S{2,24}\s+){1,2}[\u4e00-\u9fff×X]{2,4}$", text) or re.match(r"^(述职人|汇报人|发言人|报告人)\s*[:：]", text):
        return True  # "××村党支部副书记 王××": a role and a name signing the text
    return any(text.endswith(s) for s in word_list("org", "suffixes"))


def _similar_title(a: str, b: str) -> bool:
    a, b = a.lstrip("—─-•· "), b.lstrip("—─-•· ")
    a, b = "".join(a.split()), "".join(b.split())
    if not a or not b:
        return False
    if fuzz.ratio(a, b) >= 85:
        return True
    # "在全校教职工大会讲话讲话" inside "在2021年全校教职工大会讲话的讲话": the later line is the specific one
    it = iter(b)
    if len(a) >= 6 and len(b) <= 2 * len(a) and all(ch in it for ch in a):
        return True
    # "青年干部座谈会交流发言丨以青春之我担时代之责" above "以青春之我担时代之责": a column name in front
    return len(b) >= 6 and a.endswith(b)


LABEL_PREFIX = re.compile(r"^([【\[(（]?\s*(篇|第)[一二三四五六七八九十\d]{1,3}篇?|[【\[]?\s*(范文|例文|样文)\s*[一二三四五六七八九十\d]{1,3}\s*[】\]]?)"
                          r"\s*[:：.、】\]）)]\s*(?=\S)")


LABEL_ONLY = re.compile(r"^[【\[(（]?\s*(篇|第|范文|例文|样文)\s*[一二三四五六七八九十\d]{1,3}\s*篇?\s*[】\]）)]?\s*[:：.、]?$")
LABEL_ANY = re.compile(r"[【\[(（]?\s*(篇|范文|例文)\s*[一二三四五六七八九十\d]{1,3}\s*[:：】\]）)]")


def _collection_labels(doc: Document) -> tuple[set[int], set[int]]:
    """Strip "篇一:" labels from sample titles; return (line indexes where a further sample starts, indexes of
    lines to remove: labels alone on a line, and the page's list "篇一：… 篇二：… 篇三：…")."""
    starts, lists = [], set()
    if "collection-label" in doc.overrides.disabled_rules:
        return set(), set()
    for i, ln in enumerate(doc.lines):
        if len(LABEL_ANY.findall(ln.text)) >= 2:
            lists.add(i)
            continue
        if LABEL_ONLY.match(ln.text):
            starts.append(i)  # "篇一：" or "【篇三】" alone
            lists.add(i)
            continue
        m = LABEL_PREFIX.match(ln.text)
        if m and len(ln.text) - m.end() <= 40 and not has_sentence_punct(ln.text[m.end():].rstrip("。")):
            if ln.lineno not in doc.overrides.keep_lines:
                doc.removed.append(Removed(m.group(0), ln.lineno, "collection-label", "label in front of a sample's title"))
                ln.text = ln.text[m.end():]
            starts.append(i)
    return set(starts[1:]), lists


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
        self.line_kind = [r for r in self.rules if r.kind not in ("zone", "tail")]
        self.zone_kind = [r for r in self.rules if r.kind == "zone"]
        self.tail_kind = [r for r in self.rules if r.kind == "tail"]

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
            for r in self.line_kind:
                m = _rule_hits(r, ln.text)
                if not m:
                    continue
                if r.kind == "gap":
                    self.gap[i] = _gap_count(m)
                elif r.kind in ("download", "fold"):
                    self.download.add(i)
                    if r.kind == "fold":
                        self.fold.add(i)
                elif r.kind == "docbreak":
                    self.docbreak.add(i)
                self.drop(i, r.id)
                break
            else:
                sig = _general_signal(ln.text, table_row=ln.style == "tr")
                pc = PAGE_COUNTER.match(ln.text)
                if pc:
                    self.drop(i, "page-counter")
                elif sig == "lone-punct" and ln.text.strip() in TERMINAL and i and not ends_sentence(self.lines[i - 1].text):
                    continue  # the full stop a wrap pushed onto its own line: reflow joins it back
                elif sig:
                    self.drop(i, sig)

    def appended_attachments(self) -> None:
        """"附件1" alone on a line right after the closing date: the attachment itself follows, a document of
        its own (docbreak; the label stays as its first line)."""
        for i, ln in enumerate(self.lines):
            if self.alive(i) and ATTACHMENT_LABEL.match(ln.text):
                j = self._next_alive(i, -1)
                if j is not None and DATE_LINE.match(self.lines[j].text.strip()):
                    self.docbreak.add(i)

    def duplicates(self) -> None:
        """A paragraph the scraper put twice in a row: the second copy goes."""
        prev = None
        for i, ln in enumerate(self.lines):
            if not self.alive(i) or not ln.text.strip():
                continue
            if prev == i - 1 and _bare(ln.text) == _bare(self.lines[prev].text) and is_prose(ln.text) \
                    and len(_bare(ln.text)) >= 20:  # right after it in the source, nothing between
                self.drop(i, "duplicate-line")
            prev = i

    def contents_list(self) -> None:
        """"目录" at the top and the headings it lists (each again further down, page numbers or dot leaders
        after it or not): the page's or the document's table of contents, not text."""
        for i, ln in enumerate(self.lines[:60]):
            if not CONTENTS.match(ln.text) or not self.alive(i):
                continue
            last_at: dict[str, int] = {}
            for k, x in enumerate(self.lines):
                last_at[_bare(x.text)] = k
            j, listed = i + 1, 0
            while j < len(self.lines) and len(self.lines[j].text) <= 50 and not ends_sentence(self.lines[j].text):
                key = _bare(TOC_PAGE.sub("", self.lines[j].text))
                if key and last_at.get(key, -1) <= j:
                    break  # not listed again below: the contents list ended
                listed += bool(key)
                j += 1
            if listed >= 3:
                for k in range(i, j):
                    self.drop(k, "contents-list")
            return

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
                t = "".join(self.lines[j].text.split())
                if 2 <= len(t) <= 40 and not has_sentence_punct(t) and not MARKER_START.match(t):
                    seen.setdefault(t, []).append(j)
                    before, after = self._next_alive(min(i, j), -1), self._next_alive(max(i, j), 1)
                    if (before is not None and after is not None and is_prose(self.lines[before].text)
                            and not ends_sentence(self.lines[before].text)
                            and not MARKER_START.match(self.lines[after].text)):
                        inside.add(j)
        for idx in seen.values():
            if len(set(idx)) >= 2 or set(idx) <= inside:
                for j in idx:
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
        for i in alive:
            if first <= i <= last:
                continue
            for r in self.zone_kind:
                if _rule_hits(r, self.lines[i].text):
                    self.drop(i, r.id)
                    break
        self._page_title_repeats([i for i in seg if self.alive(i) and i < first])
        self._tail_furniture(seg)

    def _tail_markers(self, seg: range) -> None:
        for i in seg:
            if not self.alive(i):
                continue
            if not any(_rule_hits(r, self.lines[i].text) for r in self.tail_kind):
                continue
            rest = [j for j in seg if j > i and self.alive(j)]
            if all(len(self.lines[j].text) <= 40 or not is_prose(self.lines[j].text) for j in rest):
                rule = next(r.id for r in self.tail_kind if _rule_hits(r, self.lines[i].text))
                for j in [i, *rest]:
                    self.drop(j, rule)
                return

    def _page_title_repeats(self, head: list[int]) -> None:
        for n, i in enumerate(head):
            t = self.lines[i].text
            if len(t) > 60 or ends_sentence(t) or (has_sentence_punct(t[:-1]) and not t.startswith(("——", "──"))):
                continue  # a sentence is no page title
            if any(_similar_title(t, self.lines[j].text) for j in head[n + 1:]):
                self.drop(i, "page-title-repeat")

    def _tail_furniture(self, seg: range) -> None:
        alive = [i for i in seg if self.alive(i)]
        ends = [i for i in alive if ends_sentence(self.lines[i].text) and cjk_count(self.lines[i].text) >= 6]
        if not ends:
            return
        for i in alive:
            t = self.lines[i].text
            if i > ends[-1] and len(_bare(t)) <= 15 and not has_sentence_punct(t) and not _looks_like_ending(t):
                self.drop(i, "tail-furniture")

    # --- pass 3: banners and prompts become gap markers -------------------------------------------------
    def gaps(self) -> dict[int, int | None]:
        """Return {index of the first line of a banner run: omitted count}."""
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
        if i in self.fold and any(self.alive(k) and is_prose(self.lines[k].text) for k in range(i + 1, len(self.lines))):
            return False  # the fold was open when the page was copied: the text goes on below it
        j = self._next_alive(i, -1)
        last = self.lines[j].text if j is not None else ""
        # a download button above the text is no gap
        started = j is not None and any(is_prose(self.lines[k].text) for k in range(j + 1) if self.alive(k))
        # the text stops mid-sentence; a date or signature before a download button is the document's end
        closing = DATE_LINE.match(last) or (len(last) <= 30 and not has_sentence_punct(last)
                                            and last.endswith(word_list("org", "suffixes")))
        return i in self.download and started and not ends_sentence(last) and not closing

    def _counter_stops(self, run: list[int]) -> bool:
        for k in run:
            m = PAGE_COUNTER.match(self.lines[k].text) if self.rule[k] == "page-counter" else None
            if m:
                kk, nn = int(m.group("k") or m.group("k2")), int(m.group("n") or m.group("n2"))
                after = [j for j in range(run[-1] + 1, len(self.lines)) if self.alive(j) and is_prose(self.lines[j].text)]
                return kk < nn and not after
        return False


ELLIPSIS = re.compile(r"(…|\.{3,}|。{3,})+")


def _cut_inline_banners(doc: Document) -> None:
    """"(青藤公文网 此处省略1264字 登录会员查看全文)……校安全风险实行分": a bracketed banner inside a line of text
    becomes a line of its own, so the text around it stays and the banner turns into a gap."""
    banners = [r for r in noise_rules() if r.kind == "gap" and r.id not in doc.overrides.disabled_rules]
    out: list[Line] = []
    for ln in doc.lines:
        m = next((m for r in banners if (m := r.regex.search(ln.text))), None)
        if m is None or ln.lineno in doc.overrides.keep_lines:
            out.append(ln)
            continue
        t = ln.text
        a = max(t.rfind(c, 0, m.start()) for c in "(（【[")
        b = min((k for k in (t.find(c, m.end()) for c in ")）】]") if k >= 0), default=-1)
        if a < 0 or b < 0 or m.start() - a > 30 or b - m.end() > 30:
            out.append(ln)
            continue
        b += 1
        while a > 0 and ELLIPSIS.match(t[a - 1]):
            a -= 1
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


def run(doc: Document) -> Document:
    _cut_inline_banners(doc)
    samples, lists = _collection_labels(doc)
    p = _Pass(doc)
    p.docbreak |= samples
    for i in lists:
        p.drop(i, "collection-label" if LABEL_ONLY.match(doc.lines[i].text) else "toc-line")
    p.line_rules()
    p.contents_list()
    p.running_headers()
    p.duplicates()
    p.appended_attachments()
    for seg in p.segments():
        p.zone_rules(seg)
    gaps = p.gaps()
    out: list[Line] = []
    broke = False
    for i, ln in enumerate(doc.lines):
        if i in p.docbreak and (ln.lineno not in doc.overrides.keep_lines or i in samples):
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
