"""What one line says about itself: the general noise signals that need no rule list (URL lines, menus,
breadcrumbs, bullets, counters, key-value metadata, contents lines, lone punctuation), and the small tests the
noise passes share (is this line a document's ending, is this a repeat of the title)."""
from __future__ import annotations

import re

from rapidfuzz import fuzz

from ..rules import word_list
from ..text import cjk_count, ends_sentence, has_sentence_punct, loose

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
PATH_SEP = re.compile(r"(?:(?<!\s)|(?=[>＞»›→]))\s*+[>＞»›→]+\s*+")  # (from where a run of spaces starts: linear)


def menu_line(text: str) -> bool:
    items = [t for t in re.split(r"[\s|｜/·•]+", text) if t]
    if len(items) < 4 or has_sentence_punct(text.replace("、", "")):
        return False
    if sum(len(t) == 1 for t in items) >= 0.6 * len(items):
        return False  # "一 、 指 导 思 想": letter-spaced text from a PDF, not a menu
    return all(len(t) <= 6 for t in items) and sum(cjk_count(t) > 0 for t in items) >= len(items) * 0.7


def breadcrumb(text: str) -> bool:
    """"蜂巢文库 首页 > 行业资料 > 教育/培训": three or more short items joined by path arrows."""
    items = [t for t in PATH_SEP.split(text) if t]
    return (len(items) >= 3 and len(text) <= 80 and all(len(t) <= 16 for t in items)
            and not has_sentence_punct(text.replace("/", "")))


# what UTF-8 Chinese turns into when a page template was read as Windows-1252 ("ç½‘ç«™é¦–é¡µ" = 网站首页)
CP1252_SPECIALS = set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ")


ODD = re.compile("[\u00a0-\u00ff" + re.escape("".join(sorted(CP1252_SPECIALS))) + "]")


def mojibake(text: str) -> bool:
    """Garbled bytes, not text: most characters are Latin-1 letters and cp1252 marks, hardly any Chinese."""
    n = len(text) - text.count(" ")
    if n < 6 or cjk_count(text) > 0.1 * n:
        return False  # (most lines: Chinese text, decided without looking at each character)
    return len(ODD.findall(text)) >= 0.4 * n


def general_signal(text: str, table_row: bool = False) -> str | None:
    if mojibake(text):
        return "mojibake"
    if URL_ONLY.match(text):
        return "url-only"
    if len(text) <= 50 and DOMAIN.search(text) and not any(c in text for c in "，。；"):
        return "site-banner"
    m = BULLET_NAV.match(text)
    if m and len(m.group("rest")) <= 30 and not ends_sentence(text):
        return "nav-bullet"
    if menu_line(text) and not table_row:  # a table's header row also reads as short items
        return "nav-menu"
    if breadcrumb(text):
        return "nav-path"
    if COUNTER.match(text) and not re.fullmatch(r"[12]\d{3}[./-]\d{1,2}[./-]\d{1,2}", text):
        return "counter"  # ("2018.06.15" under the signature is a date)
    if toc_line(text):
        return "toc-line"
    if len(text) <= 100 and "。" not in text and len(KEY_VALUE.findall(text)) >= 3:
        return "meta-fields"
    if not any(ch.isalnum() or ch in PLACEHOLDER for ch in text):
        return "lone-punct"
    return None


def toc_line(text: str) -> bool:
    """A table-of-contents line: "0 2020 年工作总结 1 2021 年工作计划" (numbered short items, no sentences)."""
    if has_sentence_punct(text) or len(text) > 80:
        return False
    items = re.findall(r"(?:^|\s)(\d{1,2})\s+(\D{2,20}?|\d{4}\s*年\D{2,16}?)(?=\s+\d{1,2}\s+|$)", text)
    nums = [int(n) for n, _ in items]
    return len(nums) >= 2 and nums[0] in (0, 1) and nums == list(range(nums[0], nums[0] + len(nums)))


def gap_count(m: re.Match[str]) -> int | None:
    g = {k: re.sub(r"[,，]", "", v) for k, v in m.groupdict().items() if v}  # "4,386字"
    if g.get("omitted"):
        return int(g["omitted"])
    if g.get("total") and g.get("shown"):
        return max(int(g["total"]) - int(g["shown"]), 0)
    return None


def looks_like_ending(text: str) -> bool:
    """Signature, date, 附件, closing or a heading: content that may sit after the last sentence."""
    if DATE_LINE.match(text) or re.fullmatch(r"(19|20)\d{2}(1[0-2]|0?[1-9])(3[01]|[12]\d|0?[1-9])", text) or re.match(r"^[(（]?(附件|附[：:]|抄送|印发|联系人|联系电话|此件|此文|此页|本件)", text):
        return True
    if MARKER_START.match(text) or re.match(r"^(此致|敬礼|此复|谨此|特此)", text):
        return True  # (a letter's closing "此致" / "敬礼！" stands alone after the last sentence)
    if re.match(r"^[(（]?\s*(共印|印数)\s*[:：]?\s*\d+\s*(份|册)\s*[)）]?$", text):
        return True  # "（共印80份）": the print run in a 简报's 版记
    if re.match(r"^(\S{2,24}\s+){1,2}[\u4e00-\u9fff×X]{2,4}$", text) or re.match(r"^(述职人|汇报人|发言人|报告人)\s*[:：]", text):
        return True  # "××村党支部副书记 王××": a role and a name signing the text
    return any(text.endswith(s) for s in word_list("org", "suffixes"))


def similar_title(a: str, b: str) -> bool:
    a, b = a.lstrip("—─-•· "), b.lstrip("—─-•· ")
    a, b = loose(a), loose(b)
    if not a or not b:
        return False
    if fuzz.ratio(a, b) >= 85:
        return True
    # "在全校教职工大会讲话讲话" inside "在2021年全校教职工大会讲话的讲话": the later line is the specific one
    it = iter(b)
    if len(a) >= 6 and len(b) <= 2 * len(a) and all(ch in it for ch in a):
        return True
    # "党课讲稿" above "党课讲稿：中国共产党的精神力量": the page's label, then the title that begins with it
    if len(a) >= 4 and b.startswith(a) and b[len(a):len(a) + 1] in ("：", ":", "—", "─"):
        return True
    # "青年干部座谈会交流发言丨以青春之我担时代之责" above "以青春之我担时代之责": a column name in front
    return len(b) >= 6 and a.endswith(b)
