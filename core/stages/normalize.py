"""Stage: normalize. Spaces inside Chinese text go, ASCII punctuation in Chinese text becomes full-width,
straight quotes become paired curly quotes, look-alike characters PDF extraction leaves become ordinary ones.
Numbers, times, dates and URLs keep their ASCII punctuation ("1,000", "10:30", "2021/3/4", "×:×")."""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter

from ..model import Change, Document
from ..rules import alternation
from ..text import is_cjk

# (a match starts where its run of white space does, "(?<!\s)", and takes it whole, "*+": the same match, found
# once per run and not from each of its spaces, which costs the square of a long run)
DATED = re.compile(r"(?<!\s)\s*+[（(]\s*[12]\d{3}\s*年[^（）()]{0,8}[)）]$")
URL = re.compile(r"(https?://|www\.)[\w\-./?%&=#:~+]+|[\w.-]+@[\w-]+\.[\w.]+", re.I)
# URL where an e-mail address may only start at the start of a run of [\w.-]: an address tried inside the run
# fails as it failed at the run's start, and trying each place of a long run is quadratic (a 100,000-character line)
URL_AT_RUN = re.compile(r"(https?://|www\.)[\w\-./?%&=#:~+]+|(?<![\w.-])[\w.-]+@[\w-]+\.[\w.]+", re.I)
COLON_THEN_STOP = re.compile(r"(?<=[：:])[。．.，,]+$")  # "同志们:。": a mark the page's layout left after the colon
FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
NUMERIC = set("0123456789×Xx")
WIDE_PUNCT = set("，。、；：？！“”‘’（）《》〈〉【】「」『』—…·")


def _wide(ch: str) -> bool:
    return is_cjk(ch) or ch in WIDE_PUNCT


WIDE = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f" + re.escape("".join(WIDE_PUNCT)) + "]")
ASCII_PUNCT = re.compile(r"[,:;?!()]")  # the keys of FULL


def url_spans(text: str) -> list[tuple[int, int]]:
    """The spans `URL.finditer(text)` gives, in linear time: where the last match ended (perhaps inside a run,
    before a "-") the plain pattern is tried; from there on the run-start one, which matches at the same places."""
    spans: list[tuple[int, int]] = []
    pos = 0
    while m := URL.match(text, pos) or URL_AT_RUN.search(text, pos):
        spans.append(m.span())
        pos = m.end()
    return spans


FOLDABLE = re.compile("[\u2f00-\u2fd5\u2e80-\u2ef3\uf900-\ufaff\uff10-\uff19\uff21-\uff3a\uff41-\uff5a"
                      "\u3000\u00a0\u2002\u2003\u2009\t\u200b\ufeff\uff05]")
WIDE_DECIMAL = re.compile(r"(?<=\d)．(?=\d)")  # "96．3" once its digits are ASCII: a decimal point


def _fold_chars(text: str, counts: Counter) -> str:
    if not FOLDABLE.search(text):
        return text  # most lines: nothing to fold, skip the per-character loop
    out = []
    for ch in text:
        o = ord(ch)
        if 0x2F00 <= o <= 0x2FD5 or 0x2E80 <= o <= 0x2EF3 or 0xF900 <= o <= 0xFAFF:
            new = unicodedata.normalize("NFKC", ch)
            if new != ch:
                counts["look-alike characters"] += 1
            out.append(new)
        elif 0xFF10 <= o <= 0xFF19 or 0xFF21 <= o <= 0xFF3A or 0xFF41 <= o <= 0xFF5A:
            out.append(chr(o - 0xFEE0))  # full-width letters and digits -> ASCII
            counts["full-width letters/digits"] += 1
        elif ch in "\u3000\u00a0\u2002\u2003\u2009\t":
            out.append(" ")
        elif ch in "\u200b\ufeff":
            continue
        elif ch == "％":
            out.append("%")
            counts["full-width letters/digits"] += 1
        else:
            out.append(ch)
    return WIDE_DECIMAL.sub(".", "".join(out))


def _keep_space(left: str, right: str, short_label: bool) -> bool:
    if left.isascii() and right.isascii():
        return True
    # "市教育局局长 赵青山": a space between two names on a short label line is meaningful
    # ("…副区长（提名人选） 吴小军", "市长 ***": a role in brackets, a name left as a placeholder)
    return short_label and (is_cjk(left) or left in "×X*＊）)") and (is_cjk(right) or right in "×X*＊")


def _spaces(text: str, counts: Counter) -> str:
    rest = re.sub(r"^[\u4e00-\u9fff]{2,4}\s*[：:]\s*", "", text)  # "主持人：" in front of a role and a name
    rest = DATED.sub("", rest)  # "××县教育局 张××（2023年5月）": the date after the name
    short_label = len(re.sub(r"\s+", " ", rest)) <= 24 and not re.search(r"[，。,;；：:]", rest)
    if short_label:
        words = rest.split()
        # "市教育局局长 赵青山", "××小学 语文教师 ×××": an office (in one or two parts) and a name
        short_label = (len(words) == 2 or (len(words) == 3 and len(words[-1]) <= 4)) \
            and all(len(w) >= 2 for w in words) and not any(c.isdigit() for c in rest)

    orgs = alternation("org", "suffixes")
    joint = re.match(rf"^[\u4e00-\u9fff]{{2,24}}?({orgs})(?P<gap>\s+)[\u4e00-\u9fff]{{2,24}}?({orgs})关于", text)

    def repl(m: re.Match[str]) -> str:
        s, e = m.start(), m.end()
        left, right = text[s - 1] if s else "", text[e] if e < len(text) else ""
        if not left or not right:
            return ""
        if _keep_space(left, right, short_label) or (joint and s == joint.start("gap")):
            # ("西乡县医疗保障局 西乡县发展和改革局关于印发…": joint issuers' names opening a title stay apart)
            return " "
        counts["spaces removed"] += 1
        return ""

    return re.sub(r"\s+", repl, text).strip()


def _neighbour(text: str, i: int, step: int) -> str:
    j = i + step
    while 0 <= j < len(text) and text[j] == " ":
        j += step
    return text[j] if 0 <= j < len(text) else ""


def _punct(text: str, counts: Counter) -> str:
    marks = [m.start() for m in ASCII_PUNCT.finditer(text)]  # (not every character: a draft has few ASCII marks)
    if not marks:
        return text
    protected = url_spans(text)
    starts = [a for a, _ in protected]
    wide: list[int] | None = None  # where the wide characters are, found once the first bracket asks
    # the next ")" at or after i, the last "(" or "（" before i: each searched for once, not from i for every bracket
    close, open_, searched = -1, -1, 0
    chars = list(text)
    for i in marks:
        ch = text[i]
        k = bisect_right(starts, i) - 1  # (the one URL that may hold i, not every URL per mark)
        if k >= 0 and i < protected[k][1]:
            continue
        left, right = _neighbour(text, i, -1), _neighbour(text, i, 1)
        if ch in ",:" and left in NUMERIC and right in NUMERIC and left and right:
            continue  # 1,000 / 10:30 / ×:×
        if wide is None and ch in "()":
            wide = [m.start() for m in WIDE.finditer(text)]
        if ch == "(":
            if close < i:
                close = text.find(")", i)
                close = len(text) if close < 0 else close
            found = close < len(text)
            chinese = _wide(left) or _wide_in(wide, i + 1, close if found else i + 1) or (
                found and _wide(_neighbour(text, close, 1)))
        elif ch == ")":
            open_ = max(open_, text.rfind("(", searched, i), text.rfind("（", searched, i))  # "（2023年6月28日)": a mixed pair
            searched = i
            chinese = _wide(right) or _wide_in(wide, open_ + 1, i if open_ >= 0 else 0) or (
                open_ >= 0 and _wide(_neighbour(text, open_, -1)))
        else:
            chinese = _wide(left) or _wide(right) or (not right and any(_wide(c) for c in text))
        if chinese:
            chars[i] = FULL[ch]
            counts["punctuation to full width"] += 1
    return "".join(chars)


def _wide_in(wide: list[int], a: int, b: int) -> bool:
    """A wide character in text[a:b] (looked up among their positions, not by scanning the text each time)."""
    k = bisect_left(wide, a)
    return k < len(wide) and wide[k] < b


def _quotes(text: str, counts: Counter) -> str:
    if '"' not in text and "'" not in text:
        return text
    out, dq, sq = [], False, False
    for i, ch in enumerate(text):
        if ch in "“”":
            dq = ch == "“"  # a curly quote already there sets what the next straight one closes or opens
            out.append(ch)
        elif ch == '"':
            out.append("”" if dq else "“")
            dq = not dq
            counts["quotes paired"] += 1
        elif ch == "'" and (_wide(_neighbour(text, i, -1)) or _wide(_neighbour(text, i, 1))):
            out.append("’" if sq else "‘")
            sq = not sq
            counts["quotes paired"] += 1
        else:
            out.append(ch)
    return "".join(out)


def normalize_text(text: str, counts: Counter | None = None) -> str:
    counts = counts if counts is not None else Counter()
    text = _fold_chars(text, counts)
    text = _quotes(text, counts)  # first: a curly quote beside a comma makes it Chinese ("“,1+2”" -> "“，1+2”")
    for _ in range(10):  # a mark made full width can make its neighbour Chinese too ("0:,㐀" -> "0:，㐀" -> "0：，㐀")
        before, text = text, _punct(text, counts)
        if text == before:
            break
    if COLON_THEN_STOP.search(text):
        text = COLON_THEN_STOP.sub("", text)
        counts["stray mark after a closing colon"] += 1
    return _spaces(text, counts)


def run(doc: Document) -> Document:
    counts: Counter = Counter()
    for b in doc.blocks:
        if b.style == "tr":  # a table row: each cell on its own, the tabs between cells stay
            b.text = "\t".join(normalize_text(cell, counts) for cell in b.text.split("\t"))
            continue
        b.text = normalize_text(b.text, counts)
        if b.body:
            b.body = normalize_text(b.body, counts)
    for what, n in sorted(counts.items()):
        doc.changes.append(Change("normalize", f"{what}: {n}"))
    return doc
