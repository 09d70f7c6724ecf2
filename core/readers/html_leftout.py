"""What the main-text choice leaves out of a page, so that nothing is lost without a word.

A page may spread its draft over elements the chooser does not take (a block in another part of the layout), or
broken markup may hide part of it. The prose left out — paragraphs with sentence punctuation, outside links and
page chrome — is counted; when it is a real share of what was read, the clerk is warned with how much it is and
where it starts. An unclosed comment ("<!-- 广告" with no "-->") would hide everything after it, as a browser
does: the marker is closed where it opens, the text read, and the clerk told."""
from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

from ..model import Warning
from .html_rules import weight

_UNIT_TAGS = ("p", "li", "td", "th", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "div", "section")
_MIN_PROSE = 15  # weight of a paragraph (below: a label, a menu item)
SHARE = 0.3  # left-out prose at least this share of the text read, and…
MIN_CHARS = 60  # …at least this many characters: worth a warning
_SENTENCE_END = re.compile(r"[。！？!?][”’」』）)]?\s*$")  # a paragraph of the draft ends a sentence
_FIELD = re.compile(r"^\S{1,6}[：:]")  # 来源：… 发布日期：… 主办单位：…: page metadata, not the draft


def close_open_comment(data: bytes) -> tuple[bytes, int]:
    """(page with a last unclosed "<!--" closed where it opens, characters it would have hidden) or (data, 0)."""
    last_open = data.rfind(b"<!--")
    if last_open < 0 or data.find(b"-->", last_open + 4) >= 0:
        return data, 0
    hidden = re.sub(rb"<[^>]*>", b"", data[last_open + 4:])
    n = len(re.findall(r"[\u4e00-\u9fff]", hidden.decode("utf-8", "ignore") or hidden.decode("gb18030", "ignore")))
    if n < 10:
        return data, 0  # a stray marker at the very end: nothing it hides
    return data[:last_open] + b"<!-- -->" + data[last_open + 4:], n


def comment_warning(hidden_chars: int) -> Warning:
    return Warning("left-out", f"网页里有一个没有结束的注释标记（<!--），浏览器会把它后面约 {hidden_chars} 字隐藏起来；"
                               "清稿已把这些文字按正文读入，请核对它们是否属于正文。")


def _own_units(soup: BeautifulSoup) -> list[Tag]:
    """Innermost block elements that hold text of their own."""
    out = []
    for el in soup.find_all(_UNIT_TAGS):
        if el.find(_UNIT_TAGS) is None:
            out.append(el)
    return out


def _feed_item(el: Tag) -> bool:
    """Inside one of several alike items that link somewhere: a "related reading" list's summary."""
    a = el
    for _ in range(4):
        if a is None or a.parent is None:
            return False
        cls = a.get("class")
        alike = [s for s in a.parent.find_all(a.name, recursive=False) if s.get("class") == cls]
        if len(alike) >= 3 and sum(s.find("a") is not None for s in alike) >= 3:
            return True
        a = a.parent
    return False


def left_out(soup: BeautifulSoup, chosen: list[Tag], read_chars: int) -> Warning | None:
    from ..rules import noise_rules
    from ..stages.strip_noise import rule_hits

    rules = [r for r in noise_rules() if r.kind not in ("zone", "tail", "appendix", "inline")]
    inside = {id(el) for n in chosen for el in [n, *n.descendants]}
    units, chars, first = 0, 0, ""
    for el in _own_units(soup):
        if id(el) in inside:
            continue
        text = " ".join(el.get_text(" ").split())
        links = sum(weight(a.get_text()) for a in el.find_all("a"))
        prose = weight(text) - links
        if (prose < _MIN_PROSE or not _SENTENCE_END.search(text) or links > 0.3 * weight(text)
                or _FIELD.match(text) or _feed_item(el) or any(rule_hits(r, text) for r in rules)):
            continue  # a label, links, a "来源：…" field, a news feed's summary, a line a noise rule knows
        units += 1
        chars += len(text)
        first = first or text
    if units < 2 or chars < MIN_CHARS or chars < SHARE * read_chars:
        return None
    where = first[:20] + ("…" if len(first) > 20 else "")
    return Warning("left-out", f"网页里正文以外还有 {units} 段文字（约 {chars} 字）没有读入，第一段开头是“{where}”。"
                               "如果它们属于正文，请在浏览器中选中全部正文复制，再粘贴到清稿（Ctrl+V）处理。")
