"""Heading markers (一、 / （一） / 1. / （1） and their variants) and inline enumerators (一是…二是…)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .text import cn_to_int

CN = "一二三四五六七八九十"
_OPEN, _CLOSE = r"[(（]", r"[)）]"

# (level, regex): the marker must be followed by text that is not a digit (so "1.5亿" and "2.0" are no markers)
MARKERS: list[tuple[int, re.Pattern[str]]] = [
    # (a Chinese numeral and a dot is a marker before digits too: "一.2023年主要工作成效")
    (1, re.compile(rf"^(?P<num>[{CN}]{{1,3}})\s*(、|[.．]|[,，](?!\d))\s*")),
    (2, re.compile(rf"^{_OPEN}\s*(?P<num>[{CN}]{{1,3}})\s*{_CLOSE}\s*[、.．]?\s*")),
    (4, re.compile(rf"^{_OPEN}\s*(?P<num>\d{{1,2}})\s*{_CLOSE}\s*[、.．]?\s*")),
    (4, re.compile(r"^(?P<num>\d{1,2})\s*[)）](?![\d%])\s*")),
    (3, re.compile(r"^(?P<num>\d{1,2})\s*[.、．](?![\d%])\s*")),
    (4, re.compile(r"^(?P<num>[①②③④⑤⑥⑦⑧⑨⑩])\s*")),
    (4, re.compile(r"^(?P<num>[⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇])\s*")),
]
# markers outside the four standard styles keep their form and take the level of their place
OTHER = re.compile(rf"^(第[{CN}\d]{{1,3}}([章节部分篇条]|阶段)|第[{CN}]{{1,3}}\s*[,，、：:]|首先[,，]|其次[,，]|再次[,，]|最后[,，])")
# a decimal outline's number ("1.1 编制目的", "1.4.2 重大（II级）："): its depth is its level
# ("1.5亿元", "2.0行动计划", "3.5倍" are numbers: no part 0, no unit after it)
DECIMAL = re.compile(r"^(?P<num>[1-9]\d?(?:\.[1-9]\d?){1,3})(?![\d%.])\s*"
                     r"(?=[\u4e00-\u9fff（(])(?![亿万千百十元角倍个人次件平米公里吨亩斤年月日时分秒度级期批家户名位项余])")
ENUM = re.compile(rf"(?P<num>[{CN}])(是|要|个方面)")
ENUM_START = re.compile(rf"^([{CN}]是|[{CN}]要|第[{CN}]|首先|其次|再次|最后)")
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
# "附件1" alone on a line: the label of an attachment (after the closing date: the attachment itself follows)
_LABEL = r"\s*[\d一二三四五六七八九十]{0,2}\s*[:：]?\s*$"
ATTACHMENT_LABEL = re.compile(r"^\s*附件" + _LABEL)
# any appended part's label alone on a line ("附表："): after the date it starts material appended to the text
APPENDED_LABEL = re.compile(r"^\s*(附件|附表|附录|附图)" + _LABEL)
# 附注 under the closing date: "（此件公开发布）"
NOTE_LINE = re.compile(r"^[(（](此件|此文|本件|此页)[^（）()]{0,20}[)）]$")
PAREN_DIGITS = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"


@dataclass
class Marker:
    level: int
    number: int
    end: int  # offset just past the marker (and its spaces)
    raw: str


# the same without "^", to read a marker at a position of a long line without copying the rest of it
_MARKERS_AT = [(level, re.compile(rx.pattern.removeprefix("^"), rx.flags)) for level, rx in MARKERS]
# each pattern opens with one kind of character: only those for the line's first character are tried, in order
_BY_FIRST = {**dict.fromkeys(CN, _MARKERS_AT[0:1]), **dict.fromkeys("(（", _MARKERS_AT[1:3]),
             **dict.fromkeys("①②③④⑤⑥⑦⑧⑨⑩", _MARKERS_AT[5:6]),
             **dict.fromkeys("⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇", _MARKERS_AT[6:7])}
_DIGIT_FIRST = _MARKERS_AT[3:5]  # (a decimal digit, as \d reads it: str.isdecimal)


def parse_marker(text: str, pos: int = 0) -> Marker | None:
    """The marker opening text[pos:] (its `end` counted from pos)."""
    first = text[pos:pos + 1]
    tries = _BY_FIRST.get(first) or (_DIGIT_FIRST if first.isdecimal() else ())
    for level, rx in tries:
        m = rx.match(text, pos)
        if not m or m.end() >= len(text):
            continue
        num = m.group("num")
        n = (CIRCLED.index(num) + 1 if num in CIRCLED else PAREN_DIGITS.index(num) + 1 if num in PAREN_DIGITS
             else cn_to_int(num))
        if n is None or n == 0:
            continue
        if level == 1 and text[m.end() - 1] in ",，" and not text[pos: m.end()].strip().endswith(("、", ".", "．")):
            # "一,"… is only a marker when it is clearly one; "第一," is handled by OTHER
            continue
        return Marker(level, n, m.end() - pos, m.group(0))
    return None


def starts_with_marker(text: str) -> bool:
    return parse_marker(text) is not None or bool(OTHER.match(text)) or bool(DECIMAL.match(text))


def is_lone_marker(text: str) -> bool:
    """"（六）" or "一、" alone on a line."""
    text = text.strip()
    tries = _BY_FIRST.get(text[:1]) or (_DIGIT_FIRST if text[:1].isdecimal() else ())  # (as parse_marker)
    return bool(text) and any((m := rx.match(text)) and m.end() == len(text) for _level, rx in tries)


def last_enumerator(text: str) -> int | None:
    """The number of the last "X是" in the text (ENUM's matches cannot overlap: found from the end, not by
    reading a whole paragraph at every line reflow joins to it)."""
    at = len(text)
    while (at := text.rfind("是", 0, at)) > 0:
        if text[at - 1] in CN:
            return cn_to_int(text[at - 1])
    return None
