"""Stage: split collapsed text. A page's text tool often joins the title, the salutation, the headings and the
paragraphs onto one line ("…的讲话 同志们: 这次会议… 一、要准确把握… 20xx年,…"), or keeps the visual lines of
a PDF as spaces ("…面临着越来越多的问题和 挑战。"). Each line is cut back into the pieces that were lines before
(corpus README, "Collapsed text"):

- a space is a lost line break where it stands between two sentences, before a marker the numbering expects,
  after a heading that has no closing punctuation, before or after a title, a salutation, an issuing body or a
  date; any other space between Chinese characters is a lost wrap, and normalize closes it up;
- with no separator at all, the line is cut only at the title (its ending, or the title written twice), the
  salutation, and a first marker glued to the title; markers glued after a full stop are cut by glued_heads.

A piece made here starts a block of its own (Line.cut): reflow never joins it back to the piece before it.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from ..markers import CN, OTHER, parse_marker
from ..model import Change, Document, Line
from ..rules import NoiseRule, alternation, noise_rules, word_list
from ..segment import word_across
from ..text import cjk_count, ends_sentence, has_sentence_punct, is_cjk, is_prose
from .line_spans import WS_RUN, LineSpans
from .noise_prepass import LABEL_ANY
from .noise_signals import general_signal
from .page_head import split_head_lines
from .split_runin import _word_boundary
from .strip_noise import rule_hits
from .structure import ARTICLE, addressee, is_salutation

SPACE = re.compile(r"[ \t\u3000\u00a0]+")
TERMINAL = "。！？!?；;…"
CLOSE = "”’」』)）】》"
DATE_END = re.compile(r"^[(（]?\s*(([12][\dXx×]{3}|[〇○零一二三四五六七八九0OＯ]{4}|[Xx×]{2,4})\s*年\s*[\dXx×一二三四五六七八九十]{1,3}\s*月"
                      r"(\s*[\dXx×一二三四五六七八九十]{1,3}\s*日)?|[12]\d{3}[./-]\d{1,2}[./-]\d{1,2})\s*[)）]?$")
# a decimal outline number opening a heading ("1.1 编制目的", "1.4.2 重大（II级）：", "1 总 则")
DECIMAL = re.compile(r"^\d{1,2}(\.\d{1,2}){1,3}(?![\d%])\s*(?=[\u4e00-\u9fff])")
SALUTE_OPENERS = ("同志们", "各位", "尊敬的", "敬爱的", "亲爱的", "老师们", "同学们", "朋友们", "女士们", "家长们", "全体")
SALUTE = re.compile(r"(同志们|老师们|同学们|朋友们|家长们|女士们|先生们|各位[^，。；：:！？\s]{0,24}?|尊敬的[^，。；：:！？\s]{1,30}?"
                    r"|敬爱的[^，。；：:！？\s]{1,24}?|亲爱的[^，。；：:！？\s]{1,24}?)([、，,][^，。；：:！？\s]{1,24}?)*[：:]")
FILE_NAME = re.compile(r"^[^，。；！？\s]{4,60}?\.(docx?|DOCX?|pdf|PDF|wps|WPS|txt|TXT)(?=\S)")
COLLECTION_NAME = re.compile(r"^[^，。；！？\s]{4,80}?((合编|汇编)|[（(【]\s*(精选|通用|实用|优秀|最新|热门)?\s*\d{1,3}\s*篇\s*[）)】])"
                             r"(?=[\u4e00-\u9fff\d])")
WORD_COUNT = re.compile(r"^\d{2,6}字(范本|范文|精选|版)?(?=[\u4e00-\u9fff])")
MEASURE = "[项个条次件名人位万亿元年月日号届期所家户篇份批类种支座起场台辆米吨亩%]"  # a count, not a label
YEAR_START = re.compile(r"^(19|20)[\dXx×_]{2}\s*年")
GREETING = re.compile(r"((大家|各位)(早上|上午|中午|下午|晚上)?|(早上|上午|中午|下午|晚上))好[！!。]?")
MIN_LINE = 16  # a line shorter than this is a line, not a collapsed page
WEAK_LINE = 40  # below this only the surest breaks count (a sentence's end, a marker): "县教育局 张三" is a byline
COLLAPSED_LINE = 400  # a line this long holds several paragraphs


def _at(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` without its "^", to match at a position of a longer text (.match(text, pos)) without a copy."""
    return re.compile(pattern.pattern.removeprefix("^"), pattern.flags)


ORDINAL = re.compile(rf"第([{CN}]{{1,3}})\s*[,，、]")  # "第一，" (matched at a position: no "^")


class _Numbering:
    """The markers seen so far, level -> last number: a marker inside a line starts a heading only when it is the
    one its level expects next (or the first of a new level), so "二、三季度" inside a sentence stays."""

    def __init__(self) -> None:
        self.last: dict[int, int] = {}

    def expects(self, level: int, number: int, after_colon: bool = False) -> bool:
        if level in self.last:
            return number == self.last[level] + 1 or (number == 1 and after_colon)
        deeper = not self.last or level > max(self.last)
        return number == 1 and (deeper or after_colon)

    def see(self, level: int, number: int) -> None:
        self.last = {lv: n for lv, n in self.last.items() if lv < level}
        self.last[level] = number


def _marker_at(text: str, pos: int = 0) -> tuple[int, int, int] | None:
    """(level, number, length) of a standard marker or an ordinal word ("第一，") opening text[pos:]."""
    m = parse_marker(text, pos)
    if m is not None:
        return m.level, m.number, m.end
    o = ORDINAL.match(text, pos)
    if o:
        return 5, CN.index(o.group(1)[-1]) + 1 if len(o.group(1)) == 1 else 0, o.end() - pos
    return None


def _title_like(piece: str, colon: bool = False) -> bool:
    piece = piece.strip()
    # (with `colon`, one inside the title: "xx市副市长XXX：在…上的讲话", "党课讲稿：中国共产党的精神力量")
    return (4 <= len(piece) <= 60 and not has_sentence_punct(re.sub(r"[、：:]" if colon else "、", "", piece))
            and re.sub(r"\s*(篇\s*\d+|\d{1,2}|[（(【\[]\s*(篇|第)?\s*[\d一二三四五六七八九十]{1,3}\s*篇?[)）】\]])$", "", piece)
            .endswith(word_list("title", "endings")))


def _org_like(piece: str) -> bool:
    piece = piece.strip()
    return (len(piece) <= 24 and not has_sentence_punct(piece) and piece.endswith(word_list("org", "suffixes"))
            and not piece.endswith(word_list("org", "not_suffixes")))


def _heading_piece(piece: str) -> bool:
    """A heading that ends at this space: opens with a marker (or a decimal outline number, 第X章), is short and
    has no closing punctuation (it lost its line break; the text after it is a paragraph of its own)."""
    piece = piece.strip()
    if len(piece) > 40 or re.search(r"[。！？!?；;：:]", piece):
        return False  # ("一、全力以赴，做好疫情防控防护线": a heading may hold a comma)
    if re.match(r"^第[一二三四五六七八九十百零〇\d]{1,5}条", piece):
        return False  # "第一条 为规范…": an article of a regulation is one paragraph
    return parse_marker(piece) is not None or DECIMAL.match(piece) is not None or OTHER.match(piece) is not None


GLUED_ANY = re.compile(rf"(?<=[\u4e00-\u9fff\d）)”])(?=([{CN}]{{1,3}}、|[(（][{CN}]{{1,3}}[)）]|\d{{1,2}}、(?!\d))\S)")
FULL_DATE = re.compile(r"((19|20)\d{2}|[xX×]{2,4}|[〇○零一二三四五六七八九]{4})\s*年\s*[\dxX×一二三四五六七八九十]{1,3}\s*月"
                       r"\s*[\dxX×一二三四五六七八九十]{1,3}\s*日(?![\d（(])")
LISTED_AFTER = re.compile(rf"[{CN}]|\d{{1,2}}(、|月|日|号)|年级")
PHRASE_GAP = re.compile(r"(?<=[\u4e00-\u9fff])[ \t\u3000\u00a0]+(?=[\u4e00-\u9fff])")
GLUED_MARK = re.compile(rf"(?<=[。！？!?；;：:])(?=([{CN}]{{1,3}}\s*[、.．]|[(（]\s*[{CN}\d]{{1,3}}\s*[)）]"
                        r"|\d{1,2}\s*[、.．](?!\d)|第[一二三四五六七八九十]{1,3}\s*[,，、])\S)")

SPACED_MARK = re.compile(rf"(?<=[。！？!?：:；;])\s+(?=[{CN}]{{1,3}}、|[(（][{CN}]{{1,3}}[)）])")


def _wrap_width(text: str) -> float | None:
    """The width of the visual lines when the page kept a PDF's line ends as spaces ("…问题和 挑战。为了…推动经济
    社会发展, 加强…"): most spaces inside a sentence then follow a run of about the same length. None when the
    spaces are not such wraps."""
    runs, prev = [], 0
    for m in SPACE.finditer(text):
        k = m.start()
        while k > 0 and text[k - 1] in CLOSE:  # (text[:k].rstrip(CLOSE) copies the line before every space)
            k -= 1
        left = text[k - 1:k]
        if left and (is_cjk(left) or left in "，,、") and is_cjk(text[m.end():m.end() + 1] or "a"):
            runs.append(m.start() - prev)
        prev = m.end()
    if len(runs) < 3:
        return None
    runs.sort()
    med = runs[len(runs) // 2]
    near = sum(abs(r - med) <= 0.25 * med for r in runs)
    return float(med) if med >= 12 and near >= 0.5 * len(runs) else None


NUMBERS_LISTED = re.compile(r"\d{1,2}\s*[、.．]\s*\d")
FOOTNOTE_NUMBER = re.compile(r"[\[［]\d{1,3}[\]］]")
DECIMAL_AT, DATE_END_AT, ARTICLE_AT = map(_at, (DECIMAL, DATE_END, ARTICLE))
DATE_OPENS = re.compile(r"(\d{1,2}\s*月|(19|20)[\dXx×]{2}\s*年|[Xx×]{2,4}\s*年)")
NOTICE_AFTER = re.compile(r"[^，。；！？,;!?]{2,40}的(通知|意见|决定|报告|方案|函|请示|批复)")
ORG_BEFORE_DATE = re.compile(r"(?<=[：:。！？；!?;])[\u4e00-\u9fff×X]{2,14}$")


def _joint_issuers() -> re.Pattern[str]:
    global _JOINT
    if _JOINT is None:
        _JOINT = re.compile(r"[\u4e00-\u9fff]{2,24}?" + alternation("org", "suffixes") + "关于")
    return _JOINT


_JOINT: re.Pattern[str] | None = None


def _breaks_here(v: LineSpans, start: int, a: int, b: int, numbering: _Numbering, width: float | None,
                 collapsed: bool, long_line: bool = True, phrases: int = 0, page_line: bool = True,
                 spaced: bool = False) -> bool:
    """Is the boundary text[a:b] between the piece text[start:a] (the text since the last break) and the rest
    text[b:] a lost line break? The gap text[a:b] is the white space between them ("" where nothing separates them:
    then only a marker after a full stop or colon, and only in a `collapsed` page: in a page that kept its lines,
    "…如下：（1）…；（2）…" is a list inside a sentence). The piece and the rest are read in place (LineSpans): a
    test that holds only for a short piece asks for the copy only when the piece is that short."""
    text = v.text
    ce = v.rstripped(start, a, CLOSE)  # core = piece.rstrip(CLOSE)
    left = text[ce - 1] if ce > start else ""
    ps, pe = v.stripped(start, a)  # piece.strip() is text[ps:pe]
    n = pe - ps  # (is_salutation, addressee, _heading_piece, _title_like, _org_like: False past 50/60/40/60/24)
    mk = _marker_at(text, b)
    if mk is not None and mk[0] == 3 and NUMBERS_LISTED.match(text, b):
        mk = None  # "1、2月份": numbers listed
    if a < b and mk is not None and not left.isdigit() and (mk[0] == 5 or numbering.expects(mk[0], mk[1], left in "：:")):
        return True
    if a == b:
        if not collapsed:
            return False
        if FULL_DATE.fullmatch(text, ps, pe) or FULL_DATE.match(text, b):
            return True  # (only where an office signed before the date: the spots say so)
        if mk is None:  # "各部门：为了…"
            return left in "：:" and (n <= 50 and is_salutation(text[ps:pe]) or n <= 60 and addressee(text[ps:pe]))
        if LISTED_AFTER.match(text, b + mk[2]):
            return False  # ("二、三季度", "一、二年级")
        if spaced and left in "：:；;":
            return False  # the page kept its line breaks as spaces: "职责：1、宣传…；2、制定…" is a list in a sentence
        glued = left not in "。！？!?；;：:"  # a marker after a word, not after a sentence: only the one expected
        return (mk[0] == 5 or numbering.expects(mk[0], mk[1], left in "：:")) and not (
            glued and (left.isdigit() and mk[0] >= 3 or mk[0] == 5 or mk[1] not in
                       (numbering.last.get(mk[0], 0) + 1, 1)))
    first = text[b:b + 1]
    if FOOTNOTE_NUMBER.match(text, b) or first in "，。、；：,.;:!?）)”’":
        return False  # a footnote's number after its sentence, stray punctuation: they belong to the line
    if DECIMAL_AT.match(text, b) and not left.isdigit():
        return True  # "1.2 编制依据"
    if left and left in TERMINAL:
        # between two sentences: a lost line break where the page ran its lines together; in a page that kept its
        # lines, a space after a heading's sentence or between "一是…；二是…" is the paragraph's own
        return collapsed or width is not None or page_line
    if DATE_END_AT.match(text, b) and (is_cjk(left) or left in CLOSE):
        return True  # "商州区大荆中学 2018.06.15": the date under the text
    if (long_line and YEAR_START_AT.match(text, b) and n <= 40 and _heading_piece(text[ps:pe]) and is_cjk(left)
            and not re.search("[，,]", text[ps:pe]) and (width is None or a - start < 0.7 * width)):
        return True  # "一、全力以赴做好各项气象服务工作 20xx 年,我县…": the heading, then its paragraph opening on a year
    if long_line and n <= TITLE_MAX and _title_like(text[ps:pe]) and DATE_OPENS.match(text, b):
        return True  # "…宣传活动方案 6月9日是“国际档案日”。": the title, then its text opening on a date
    if not (is_cjk(left) or left in CLOSE or left in "：:") or not (is_cjk(first) or first in "“（(《【"):
        return False  # (spaces next to digits and Latin letters are normalize's business)
    if n <= TITLE_MAX and _title_like(text[ps:pe]) and _rest_org_like(v, b) and not SPACE.search(text[b:].strip()):
        return True  # "2014年工作情况和2015年工作要点 四川省关心下一代工作委员会": the title, then the body that issues it
    if not long_line:
        return False
    if left in "：:":
        return (n <= 50 and is_salutation(text[ps:pe]) or n <= 60 and addressee(text[ps:pe]) or v.cjk(start, a) >= 10
                or _heading_piece_before(v, start, a - 1))
    if n <= 24 and _org_like(text[ps:pe]) and _joint_issuers().match(text, b):
        return False  # "西乡县医疗保障局 西乡县发展和改革局关于印发…": joint issuers opening one title
    if (v.holds("关于", start, ce) and not text.endswith(word_list("title", "endings"), start, ce)
            and NOTICE_AFTER.match(text, b)):
        return False  # "1、转发总会关于开展 “2011红十字博爱周”活动的通知,…": the 关于 phrase goes on past the space
    short = width is None or a - start < 0.7 * width  # (a piece as long as a PDF's line is a wrap, not a heading)
    if ((n <= 40 and _heading_piece(text[ps:pe]) and short) or (n <= TITLE_MAX and _title_like(text[ps:pe]))
            or (n <= 24 and _org_like(text[ps:pe])) or (text.startswith(SALUTE_OPENERS, b) and SALUTE.match(text, b))):
        return True
    if v.rfind("“", start, ce) > v.rfind("”", start, ce):
        return False  # inside a quotation ("“先锋张浦 乐居如意”")
    if width is not None:
        return a - start < 0.7 * width  # a visual line that stopped short ended its paragraph; a full one wrapped
    if ARTICLE_AT.match(text, ps, pe):
        return False  # "第十一条 公益性岗位…": an article's number and its text are one paragraph
    # no wraps on this line: a space between two phrases is where a line ended ("…满园书香 读好书、习美德")
    # (a long clause going on past a space is a sentence with a stray space: "副局长 张××"; one space alone between two
    # phrases is a title's or a label's: "凝心聚力　共育英才——在…讲话")
    return (n <= 30 and 4 <= v.cjk(start, a) and phrases >= 3
            and _word_boundary(text[max(start, ce - 6):ce], text[b:b + 6]))


def _rest_org_like(v: LineSpans, b: int) -> bool:
    """_org_like(text[b:]), copying the rest only when it is short enough to pass (24 characters)."""
    ps, pe = v.stripped(b, len(v.text))
    return pe - ps <= 24 and _org_like(v.text[ps:pe])


def _heading_piece_before(v: LineSpans, start: int, end: int) -> bool:
    """_heading_piece(text[start:end]), copying only a piece short enough to pass (40 characters)."""
    ps, pe = v.stripped(start, end)
    return pe - ps <= 40 and _heading_piece(v.text[ps:pe])


def _breaks(text: str, numbering: _Numbering, collapsed: bool, long_line: bool, page_line: bool = True) -> list[tuple[int, int]]:
    """(start, end) of every lost line break in `text`, in order: spaces, and markers glued after a full stop."""
    width = _wrap_width(text)
    phrases = len(PHRASE_GAP.findall(text)) + 1  # short phrases set apart by spaces ("…满园书香 读好书、习美德 …")
    spots = [(m.start(), m.end()) for m in SPACE.finditer(text) if 0 < m.start() and m.end() < len(text)]
    spots += [(m.start(), m.start()) for m in GLUED_MARK.finditer(text)]
    if collapsed:  # no separator at all: markers the numbering expects, the salutation, the signature and the date
        spots += [(m.start(), m.start()) for m in GLUED_ANY.finditer(text)]
        spots += [(m.end(), m.end()) for m in re.finditer(r"[：:](?=[\u4e00-\u9fff“])", text)]
        for d in FULL_DATE.finditer(text):
            org = ORG_BEFORE_DATE.search(text, max(0, d.start() - 14), d.start())  # (not on a copy of all before)
            if org and _org_like(org.group(0)):  # "…领导意见：综合部xx年x月x日各科室…": the office signs, then the date
                spots += [(org.start(), org.start()), (d.start(), d.start()), (d.end(), d.end())]
    forced = set(_outline_spots(text)) if collapsed else set()
    spots += [(a, a) for a in forced]
    spots = sorted(set(spots))
    # a collapsed page whose line breaks became spaces: two markers or more after a space, none glued after a full stop
    spaced = collapsed and len(SPACED_MARK.findall(text)) >= 2 and not re.search(r"[。！？!?](?=[一二三四五六七八九十]{1,3}、)", text)
    cuts: list[tuple[int, int]] = []
    start = 0
    if (mk := _marker_at(text)) is not None and mk[0] < 5:
        numbering.see(mk[0], mk[1])
    v = LineSpans(text)  # (the piece text[start:a] and the rest text[b:] are read in place, not copied per spot)
    for a, b in spots:
        if a < start:
            continue
        if v.stripped(start, a)[0] >= a:
            continue  # the piece is white space only
        if a in forced or _breaks_here(v, start, a, b, numbering, width, collapsed, long_line, phrases, page_line, spaced):
            cuts.append((a, b))
            start = b
            if (mk := _marker_at(text, b)) is not None and mk[0] < 5:
                numbering.see(mk[0], mk[1])
    return cuts


GLUED_DECIMAL = re.compile(r"(?<=[\u4e00-\u9fff。！？；;：:”）)])(?=(?P<num>[1-9]\d?(?:\.[1-9]\d?){1,3})(?![\d%.])[\u4e00-\u9fff（(])")


def _outline_spots(text: str) -> list[int]:
    """Decimal outline numbers glued into a collapsed page ("…1、总则1.1编制目的做好…。1.2编制依据依据…"), and the
    end of an outline section's name run into its text ("1.1编制目的" | "做好…"). Only numbers that follow one
    another as an outline does (1.1, 1.2, 1.2.1, 1.3, 2.1…) count, so "增长1.5倍" or a lone "2.3" never cuts."""
    found, prev = [], None
    for m in GLUED_DECIMAL.finditer(text):
        if not DECIMAL.match(text[m.start():m.start() + 24]):
            continue
        cur = tuple(int(x) for x in m.group("num").split("."))
        if (cur[-1] == 1 if prev is None else cur == prev + (1,)
                or any(cur == prev[:k] + (prev[k] + 1,) for k in range(len(prev)))):
            found.append((m.start(), m.start() + len(m.group("num"))))
            prev = cur
    if len(found) < 3:
        return []
    out = []
    for a, end in found:
        out.append(a)
        label = next((w for w in word_list("sentence_start", "field_labels") if text.startswith(w, end)), None)
        after = text[end + len(label):end + len(label) + 1] if label else ""
        if label and is_cjk(after or "a") and after not in "和与及的":
            out.append(end + len(label))  # "1.1编制目的" | "做好水旱灾害突发事件防范与处置工作，…"
    return out


FILE_NAME_AT, COLLECTION_NAME_AT, WORD_COUNT_AT, YEAR_START_AT = map(_at, (FILE_NAME, COLLECTION_NAME, WORD_COUNT, YEAR_START))
HEAD_END = re.compile(r"[，。；！？,;!?]")
SALUTE_OPENS = re.compile(r"(?=同志们|老师们|同学们|朋友们|家长们|女士们|先生们|各位|尊敬的|敬爱的|亲爱的)")  # where SALUTE can start
FIRST_MARK = re.compile(r"[一二三四五六七八九十]、|[(（]一[)）]|(?<![\d.])1、(?=[\u4e00-\u9fff]{2,8}1\.1)")
TITLE_MAX = 60  # _title_like: at most this many characters, leading and trailing white space aside
LABEL_NUMBER = re.compile(r"[1-9]\d?(?=[\u4e00-\u9fff])")
BRACKET_DATE_AT = re.compile(r"\s*[（(]\s*(19|20)\d{2}\s*年[^()（）]{0,14}[)）]")
SITE_AT = re.compile(r"[^，。；！？,;!?]{0,30}?\s*(www\.)?[a-z0-9-]{2,30}\.(com|cn|net|org)(\.cn)?(?=[\u4e00-\u9fff])", re.I)
CLAUSE_AT = re.compile(r"[\u4e00-\u9fff]{2,16}?(是|为|要|将)[\u4e00-\u9fff“”]{4,}")  # a subject, its verb, more
SAMPLE_AFTER = re.compile(r"(范文|例文|范本)?篇\s*([1-9]\d?|[一二三四五六七八九十]{1,2})(?=[\u4e00-\u9fff])")
COUNTED = re.compile(r"\d+" + MEASURE)
ADDRESSEE_AFTER = re.compile(r"[^，,。；;：:！？!?\s]{2,20}[：:]")
OPENING = re.compile(r"[^，。；：:！？\s]{2,40}?[：:](?=[\u4e00-\u9fff“])")


def _glued_front(text: str, top: bool = True, start: int = 0) -> list[int]:
    """Cuts at the front of a line where nothing separates the title from what follows: the title written twice
    ("…工作总结…工作总结根据…"), a salutation after the title ("…的讲话老师们、同学们:下午好!"), a first marker
    after it ("…工作方案一、背景和目的"), the body after a title ending ("…年度工作回顾2023年已经过去了，").
    Looks at text[start:]; the cuts are counted from `start`."""
    cuts: list[int] = []
    at = start
    trail = 0
    while trail < len(text) and text[-1 - trail].isspace():
        trail += 1
    while True:  # (a loop, not a recursion on text[cut:]: "工作总结" written 10,000 times is 2,500 cuts)
        found, goes_on = _front_cut(text, at, top, trail)
        cuts += [at - start + c for c in found]
        if not goes_on:
            return cuts
        at, top = at + found[-1], True


def _front_cut(text: str, b: int, top: bool, trail: int) -> tuple[list[int], bool]:
    """The cuts of _glued_front at the front of text[b:] (counted from b), and whether to look again after the
    last one. Everything a cut needs sits within a title's length of b, so only that much is read: a long line
    costs no more than a short one (the same decisions as on the copy text[b:], without making it)."""
    n = len(text) - b
    lead = WS_RUN.match(text, b).end() - b
    inner = n - lead - trail  # len(text[b:].strip())
    if addressee(text[b + lead: len(text) - trail] if 0 < inner <= 60 else ""):  # (addressee: at most 60)
        return [], False  # "…各省、自治区、直辖市和计划单列市税务局,局内各单位:" names whom it addresses, whole
    h = HEAD_END.search(text, b)
    hl = (h.start() if h else len(text)) - b  # the head: text[b:] up to its first comma or full stop
    name = FILE_NAME_AT.match(text, b, b + hl)
    if name and len(text) > name.end():  # "关于…的申请.doc关于…的申请省政府：…": the file's name first
        return [name.end() - b], True
    site = SITE_AT.match(text, b, b + min(hl, 60)) if top and n >= COLLAPSED_LINE else None
    if site:  # "秘书之家—全网资源每日更新 www.mishuzj.com县十七届…": a collapsed page opens with the site's banner
        return [site.end() - b], True
    if (coll := COLLECTION_NAME_AT.match(text, b, b + hl)) and len(text) > coll.end() + 10:
        return [coll.end() - b], True  # "…和…讲话稿合编2020年…"
    for k in range(min(60, hl // 2), 3, -1):
        if text[b:b + k] == text[b + k:b + 2 * k] and cjk_count(text[b:b + k]) >= 4:
            return [k], True  # (the copy goes with the page-title rules)
    # a title ends at most TITLE_MAX characters after the leading white space (and any white space right after)
    last = lead + TITLE_MAX
    last = min(hl - 1, WS_RUN.match(text, b + last).end() - b if last < n else n)
    s = next((m for c in SALUTE_OPENS.finditer(text, b, b + last + 4) if c.start() - b <= last
              and (m := SALUTE.match(text, c.start(), b + hl + 40))), None)  # the first, as SALUTE.search finds it
    if s and 6 <= s.start() - b < hl and _title_like(text[b:s.start()], colon=True):
        return [s.start() - b, s.end() - b], False
    one = FIRST_MARK.search(text[b:b + min(hl, last + 14)])  # (its lookahead reads 13 characters on)
    if one and one.start() >= 6 and text[b + one.start()] in "一1" and _title_like(text[b:b + one.start()]):
        return [one.start()], False
    starts = _text_starts()
    # (a title runs into its text at the top of a page, or anywhere in a collapsed one; not in a sentence of the text:
    # "这次会议的主要任务是总结去年工作。")
    stop = b + min(hl, lead + TITLE_MAX)  # an ending further on leaves more than a title before it
    if top and n >= MIN_LINE and stop > b and not text.startswith(starts, b):  # (an empty head holds no ending)
        for e in word_list("title", "endings"):
            at = text.find(e, b, stop)
            while 0 <= at:
                end = at + len(e) - b
                r = b + end  # where the rest text[b + end:] starts
                if (LABEL_NUMBER.match(text, r) and not COUNTED.match(text, r) and _title_like(text[b:r])):
                    cut = end + (2 if text[r + 1].isdigit() else 1)  # "好老师事迹材料1周秀芳今年…": title, label, text
                    return [cut], True
                if (label := SAMPLE_AFTER.match(text, r)) and _title_like(text[b:r]):
                    return [label.end() - b], True  # "城市供热情况汇报范文篇1供暖问题是…": title, label, text
                if end >= 6 and (posted := _posted_at().match(text, r)) and _title_like(text[b:r]):
                    # "…表态发言遂昌县县长童森军(2026 年 2 月 6 日)各位代表,…": title, the speaker, the day, the text
                    cuts = [end, posted.end() - b]
                    if day := BRACKET_DATE_AT.match(text, posted.end()):
                        cuts.append(day.end() - b)
                    return cuts, True
                first = text[r:r + 1]
                prep = first in "在为据随" and 2 < _find(text, "，", r) or 2 < _find(text, ",", r) and first in "在为据随"
                if end >= 6 and (YEAR_START_AT.match(text, r) or text.startswith(starts, r) or prep) \
                        and _title_like(text[b:r]):
                    return [end], False
                count = WORD_COUNT_AT.match(text, r)  # "…的讲话稿4050字范本目前，…": the site's word count on the title
                if count and end >= 6 and _title_like(text[b:r]):
                    return [end, count.end() - b], False
                to = ADDRESSEE_AFTER.match(text, r)  # "…的申请省政府：___县…": the addressee
                if to and end >= 6 and addressee(to.group(0)) and _title_like(text[b:r]):
                    return [end, to.end() - b], False
                at = text.find(e, at + 1, stop)
    if top and n >= MIN_LINE and stop > b:  # (also under a title that opens like a sentence: "严格规范…调研报告")
        for e in _long_endings():
            at = text.find(e, b, stop)
            r = at + len(e)
            if (at >= 0 and r - b >= 8 and CLAUSE_AT.match(text, r, b + hl) and not word_across(text[b:r], text[r:r + 4])
                    and _title_like(text[b:r])):
                return [r - b], False  # "严格规范党内组织生活调研报告党支部组织生活是实现…": a clause begins after the name
    opening = OPENING.match(text, b)
    greeting = GREETING.match(text, opening.end()) if opening else None  # "各位领导，市民朋友们：大家上午好！"
    if opening and is_salutation(opening.group(0)) and not text.startswith(("(", "（"), b) \
            and (len(text) - opening.end() >= 30 or greeting) and re.search(r"(们|各位|尊敬的|亲爱的|敬爱的)", opening.group(0)):
        return [opening.end() - b], False  # "全院的医务人员、…和职工同志们：具有…": the salutation, then the text
    return [], False


@cache
def _posted_at() -> re.Pattern[str]:
    """An office, a post and a name, with the day in brackets after it: "遂昌县县长童森军(2026 年…"."""
    return re.compile(r"[\u4e00-\u9fff]{2,12}?(" + alternation("org", "posts") + r")[\u4e00-\u9fff×X*]{2,3}(?=\s*[（(]\s*(19|20)\d{2})")


@cache
def _long_endings() -> tuple[str, ...]:  # a document's name of four characters or more: "调研报告", "实施方案"
    return tuple(e for e in word_list("title", "endings") if len(e) >= 4)


@cache
def _text_starts() -> tuple[str, ...]:  # (built once, not for every line)
    return tuple(w for w in word_list("sentence_start", "words") if len(w) >= 2) + word_list("sentence_start", "text_openers")


def _find(text: str, sub: str, r: int) -> int:
    """text[r:].find(sub, 0, 16), without the copy."""
    k = text.find(sub, r, r + 16)
    return k - r if k >= 0 else -1


def _front_pieces(piece: str) -> list[str]:
    """`piece` cut where a title starts after a sentence inside it and at that title's own glued parts."""
    for m in re.finditer(r"(?<=[。！？!?])(?=\S)", piece):
        cuts = _glued_front(piece, True, m.start())  # (not on the copy piece[m.start():]: one per sentence)
        if cuts and _title_like(piece[m.start():m.start() + cuts[0]]):
            at = [m.start()] + [m.start() + c for c in cuts]
            return [q for q in (piece[a:b].strip() for a, b in zip([0, *at], [*at, len(piece)])) if q]
    return [piece]


def _noise_line(text: str, rules: list[NoiseRule]) -> bool:
    """A line the noise rules take out whole ("【提纲】一、… 1.… 二、…"): left whole for them. A long collapsed page
    is not judged whole by an unbounded rule that hits inside it: its pieces are, once cut."""
    if len(LABEL_ANY.findall(text)) >= 2 or general_signal(text) is not None:
        return True  # a collection's list of its samples, a menu, a contents line: site lines, whole
    return any((m := rule_hits(r, text)) and (r.max_len is not None or len(text) <= 200 or m.start() == 0)
               for r in rules)


MID_DATE = re.compile(r"(年\s*[\dXx×一二三四五六七八九十]{1,3}\s*月\s*[\dXx×一二三四五六七八九十]{1,3}\s*日)(?=[\u4e00-\u9fff])")
CLOSING_MID = re.compile(r"(特此(通知|报告|函告)|此致|敬礼|望执行)[。！!]?(?=\S)")


def _holds_a_page(text: str) -> bool:
    """A line that holds a whole short document run together, whatever the rest of the page does: it opens with
    the addressee, or a closing formula or a date sits inside it with text after, and numbered items follow one
    another in it ("各部门：为了…标准：1、…；2、…；特此通知！望执行！…综合部xx年x月x日各科室、处属各单位：…")."""
    if len(text) < 150:
        return False
    signs = 0
    head = re.match(r"^([^，。；：:！？]{2,30})[：:]", text)
    signs += bool(head and (is_salutation(head.group(0)) or addressee(head.group(0))))
    signs += bool(MID_DATE.search(text)) + bool(CLOSING_MID.search(text))
    signs += len(GLUED_MARK.findall(text)) >= 2
    return signs >= 2


def split_line(ln: Line, numbering: _Numbering, rules: list[NoiseRule] | None = None, collapsed: bool = False,
               top: bool = True) -> list[Line]:
    text = ln.text
    saved = dict(numbering.last)
    pieces = _pieces(text, numbering, collapsed, top) if len(text) >= 8 and not ln.mark and ln.style != "tr" else []
    # (the noise rules are asked only about a line that would be cut: most lines are not)
    if len(pieces) < 2 or (rules and _noise_line(text, rules)):
        numbering.last = saved
        mk = _marker_at(text)
        if mk is not None and mk[0] < 5:
            numbering.see(mk[0], mk[1])
        return [ln]
    out = [replace(ln, text=pieces[0])]
    out += [replace(ln, text=p, blank_before=0, indent=0, cut=True) for p in pieces[1:]]
    return out


def _pieces(text: str, numbering: _Numbering, collapsed: bool, top: bool) -> list[str]:
    front = _glued_front(text, top or collapsed)
    if len(text) < MIN_LINE and not front:
        return [text]
    bounds = [(0, 0)] + [(k, k) for k in front]
    rest_at = front[-1] if front else 0
    # (a line whose title, byline and salutation were glued together held the whole page, however short the excerpt)
    whole_page = collapsed or len(front) >= 2
    bounds += [(rest_at + a, rest_at + b) for a, b in _breaks(text[rest_at:], numbering, whole_page, len(text) >= WEAK_LINE,
                                                                   len(text) >= COLLAPSED_LINE or whole_page)]
    bounds.append((len(text), len(text)))
    pieces = [text[b0:a1].strip() for (_, b0), (a1, _) in zip(bounds, bounds[1:])]
    pieces = [p for p in pieces if p]
    if collapsed:  # a sample's title glued after the sentence before it ("…欢迎阅读与收藏。医院戒烟倡议书1全院的…：")
        pieces = [q for p in pieces for q in _front_pieces(p)]
    return pieces


# a doc-share text tool writes each paragraph mark as "Р" (and the bullet or indent after it as "?"):
# "表格;Р范例:РXX大学秋季运动会策划书Р?一、赛事背景:Р?在武汉…"
PARA_MARK = re.compile(r"\s*Р[?？]?\s*")


def _paragraph_marks(doc: Document) -> None:
    text = "".join(ln.text for ln in doc.lines)
    marks = [m for m in re.finditer("Р", text)]
    if len(marks) < 3 or cjk_count(text) < 10 * len(re.findall(r"[А-Яа-яЁё]", text)) - 10 * len(marks):
        return  # (a Cyrillic text, or a stray letter: not paragraph marks)
    out: list[Line] = []
    for ln in doc.lines:
        parts = [p for p in PARA_MARK.split(ln.text) if p.strip(" ?？")]
        if len(parts) <= 1 and "Р" not in ln.text:
            out.append(ln)
            continue
        doc.changes.append(Change("split", "paragraph marks (Р) written into the text", [ln.lineno], ln.text[:60]))
        out += [replace(ln, text=p.strip(), cut=k > 0 or ln.cut) for k, p in enumerate(parts)]
    doc.lines = out


CELL_BAR = re.compile(r"(?:(?<!\s)|(?=[|｜]))\s*+[|｜]\s*+")  # (from where a run of spaces starts: linear)


def _field_rows(doc: Document) -> None:
    """"索引号| 01526079-6 |发布机构|腾冲市和顺镇|文号|浏览量|全镇广大农民朋友们：": a page's field row, the text's first
    line run into its last cell. The row stays one line (a noise rule judges it); the text goes on a line of its own."""
    out: list[Line] = []
    for ln in doc.lines:
        cells = CELL_BAR.split(ln.text)
        last = cells[-1]
        if (len(cells) >= 4 and all(len(c) <= 24 and not has_sentence_punct(c) for c in cells[:-1])
                and (is_salutation(last) or addressee(last) or cjk_count(last) >= 15)):
            row = ln.text[: len(ln.text) - len(last)].rstrip()
            doc.changes.append(Change("split", "a field row and the text run into its last cell", [ln.lineno], ln.text[:60]))
            out += [replace(ln, text=row), replace(ln, text=last, cut=True)]
            continue
        out.append(ln)
    doc.lines = out


def run(doc: Document) -> Document:
    _paragraph_marks(doc)
    _field_rows(doc)
    split_head_lines(doc)
    numbering = _Numbering()
    rules = [r for r in noise_rules() if r.kind != "inline" and r.id not in doc.overrides.disabled_rules]
    total = sum(len(ln.text) for ln in doc.lines)
    # the page lost its line breaks: most of its text sits in very long lines
    collapsed = sum(len(ln.text) for ln in doc.lines if len(ln.text) >= COLLAPSED_LINE) >= 0.5 * max(total, 1)
    out: list[Line] = []
    top = True  # above the first sentence of text
    for ln in doc.lines:
        pieces = split_line(ln, numbering, rules, (collapsed and len(ln.text) >= COLLAPSED_LINE) or _holds_a_page(ln.text),
                            top)
        top = top and not any((is_prose(p.text) and ends_sentence(p.text)) or is_salutation(p.text) for p in pieces)
        if len(pieces) > 1:
            doc.changes.append(Change("split", f"a collapsed line cut into {len(pieces)} lines", [ln.lineno],
                                      ln.text[:60], " | ".join(p.text[:12] for p in pieces)[:120]))
        out += pieces
    doc.lines = out
    return doc
