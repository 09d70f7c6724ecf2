"""Character classes and small text tests shared by the stages."""
from __future__ import annotations

import re

TERMINAL = "。！？!?；;…"  # a line ending with one of these may end a paragraph
CLOSERS = "”’\"'）)》】」』"
FOOTNOTE_MARK = re.compile(r"([\[［]\d{1,3}[\]］]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)+$")
NOTE_ENDS = frozenset("]］¹²³⁴⁵⁶⁷⁸⁹⁰")  # the last character of a FOOTNOTE_MARK
SENTENCE_PUNCT = "，。；：！？、,;:!?"
CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")
DIGITS_CN = "〇零一二三四五六七八九十百"


def is_cjk(ch: str) -> bool:
    return bool(CJK_RE.match(ch))


NON_CJK_RE = re.compile(r"[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]+")


def cjk_count(s: str) -> int:
    return len(NON_CJK_RE.sub("", s))


def quote_left_open(s: str) -> bool:
    """The text ends with a quotation opened and not closed, counting straight quotes the way normalize pairs
    them (a curly quote sets the state, a straight one toggles it): "…。“" or '…。"' after an even number."""
    s = s.rstrip()
    if not s or s[-1] not in "“‘\"'":
        return False
    state = {"\"": False, "'": False}
    for ch in s:
        if ch in "“”":
            state["\""] = ch == "“"
        elif ch in "‘’":
            state["'"] = ch == "‘"
        elif ch in state:
            state[ch] = not state[ch]
    kind = "\"" if s[-1] in "“\"" else "'"
    return state[kind]


def ends_sentence(s: str) -> bool:
    """True if the text ends a sentence (terminal punctuation, possibly inside closing quotes)."""
    s = s.rstrip()
    if quote_left_open(s):
        return False  # a quotation opens at the line end: the text goes on
    if s[-1:] in NOTE_ENDS:  # (the sub scans the whole text for a mark at its end: only where one can be)
        s = FOOTNOTE_MARK.sub("", s)  # "…良性循环。”[5]": a note's number after the sentence
    while s and s[-1] in CLOSERS:
        s = s[:-1]
    return bool(s) and s[-1] in TERMINAL


def has_sentence_punct(s: str) -> bool:
    return any(c in SENTENCE_PUNCT for c in s)


_CN_PUNCT = re.compile(r"[，。；！？]|(?<=[\u4e00-\u9fff])[,;:!?]|[,;!?](?=[\u4e00-\u9fff])")


def is_prose(s: str) -> bool:
    """A line that reads as body text: enough Chinese and Chinese sentence punctuation (not a "08:30")."""
    return cjk_count(s) >= 15 and bool(_CN_PUNCT.search(s))


def loose(s: str) -> str:
    return "".join(s.split())


CN_NUM = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def cn_to_int(s: str) -> int | None:
    """一 -> 1, 十二 -> 12, 二十三 -> 23 (enough for heading markers)."""
    if not s:
        return None
    if s.isdigit():
        return int(s)
    if "十" in s:
        a, _, b = s.partition("十")
        tens = CN_NUM.get(a, None) if a else 1
        ones = CN_NUM.get(b, None) if b else 0
        if tens is None or ones is None:
            return None
        return tens * 10 + ones
    if len(s) == 1:
        return CN_NUM.get(s)
    return None


_UNITS = "零一二三四五六七八九"


def int_to_cn(n: int) -> str:
    """1 -> 一, 12 -> 十二, 23 -> 二十三, 105 -> 一百零五, 110 -> 一百一十 (as Chinese counts, and Word's
    chineseCounting list numbers); below 0 or from 1000 on, digits."""
    if n < 0:
        return str(n)
    if n < 10:
        return _UNITS[n]
    if n < 20:
        return "十" + (_UNITS[n % 10] if n % 10 else "")
    if n < 100:
        return _UNITS[n // 10] + "十" + (_UNITS[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        if rest == 0:
            tail = ""
        elif rest < 10:
            tail = "零" + _UNITS[rest]
        else:  # after 百 the tens say their 一: 一百一十, not 一百十
            tail = ("一" if rest < 20 else "") + int_to_cn(rest)
        return _UNITS[n // 100] + "百" + tail
    return str(n)


# traditional forms of the characters salutations and addressees are tested on: pages served in traditional script
# ("同志們：", "各位來賓") address the hall all the same
_SIMPLIFIED = str.maketrans("們來賓親愛領導學師長會員職區縣鄉鎮機關單位體", "们来宾亲爱领导学师长会员职区县乡镇机关单位体")


def simplified(s: str) -> str:
    return s.translate(_SIMPLIFIED)
