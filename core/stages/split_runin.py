"""Split a heading that ran into its body ("一、总体要求 1.加强…", "二、存在的问题 一是…",
"一、……胜利收官2020年是极不平凡的一年。……")."""
from __future__ import annotations

import re

from ..markers import ENUM_START, parse_marker
from ..model import Block, Change
from ..rules import word_list
from ..segment import words
from ..text import ends_sentence, is_cjk

SUB_START = re.compile(r"\s+(?=([(（]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|\d{1,2}\s*[.、．](?!\d)|[一二三四五六七八九十]是))")
ENUM_OPENERS = ("一是", "首先", "第一，")
# a quoted name that a sentence goes on from: "二、宣传发动情况" | "“清洁城乡”活动主战场在农村…"
QUOTED_SUBJECT = re.compile(r"“[^“”]{2,12}”[\u4e00-\u9fff]{2,}(是|在|由|已|要|将|从|以|的)")
# "我们" / "咱们" right after a heading's last word (not its object: "让我们", "的我们", "和我们")
PRONOUN_SEAM = re.compile(r"(?<=[\u4e00-\u9fff])(?<![的是让使对为和与给把被跟同向将请要])(我们|咱们)")
HEADING_SENTENCE_MAX = 40  # a level-1 heading sentence longer than this has swallowed its body
YEAR_SEAM = re.compile(r"(?<=[\u4e00-\u9fff”》])(?=(19|20)\d{2}\s*年)")
PREP = "以在为按从对把将经向随据自由"  # one-character prepositions that open a sentence before its subject
MEETING = re.compile(r"^[省市县区镇乡]?第?[一二三四五六七八九十\d]+(届|次)")


GLUED_SUB = re.compile(r"(?<=[\u4e00-\u9fff])(?=(\d{1,2}\s*[.、．]|[(（][一二三四五六七八九十\d]{1,3}[)）])[\u4e00-\u9fff])")


def _glued_sub(text: str) -> int | None:
    """"一、主要工作1.大气污染防治方面。" — a sub-item glued to its heading without a space."""
    m = parse_marker(text)
    if not m or m.level > 2:
        return None
    g = GLUED_SUB.search(text, m.end, min(len(text), m.end + 40))
    if g and g.start() - m.end >= 2 and not re.search(r"[，。；！？,;]", text[m.end:g.start()]):
        sub = parse_marker(text[g.start():])
        if sub and sub.level > m.level:
            return g.start()
    return None


# (the gap taken whole, "{2,}+": split every way with the "\s*" after it, a gap of 3,000 spaces took seconds a line)
ORG_DATE = re.compile(r"^(?P<org>\S.{1,28}?)[ \t\u3000\u00a0]{2,}+(?P<date>[(（]?\s*([12]\d{3}|[〇○零一二三四五六七八九]{4})\s*年"
                      r"\s*\S{1,3}\s*月\s*\S{1,3}\s*日\s*[)）]?)$")

DOC_NO_DATE = re.compile(r"^[\u4e00-\u9fff×X]{1,10}\s*[〔\[［(（【]\s*[12]\d{3}\s*[〕\]］)）】]\s*\d{1,4}\s*号\s*"
                         r"(?P<date>[12]\d{3}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)$")


def _org_then_date(text: str) -> int | None:
    """"××县人民政府办公室　　　　2023年5月4日": the issuing office and the date set on one line (纪要, 简报
    headers, a signature and its date) are two lines."""
    n = DOC_NO_DATE.match(text)
    if n:
        return n.start("date")  # "税总函〔2019〕85号2019年3月18日": the document's number, then its date
    m = ORG_DATE.match(text)
    if m and re.sub(r"(编印|编|印|制|主办)$", "", m.group("org").rstrip()).endswith(word_list("org", "suffixes")):
        return m.start("date")
    # (two issuing bodies side by side, "西乡县医疗保障局  西乡县发展和改革局", stay one line: a joint signature, and
    # the space between the two names stays, as the corpus README has it for names)
    return None


def _title_then_subtitle(text: str) -> int | None:
    """"凝心聚力抓落实砥砺奋进谱新篇——在2023年全县教育工作会议上的讲话": title and subtitle on one line."""
    # "…守护群众健康——××镇××村卫生室乡村医生×××先进事迹材料": also "——记…" / "——…材料" after a title
    m = re.search(r"(——|──)(?=(在.{4,40}(讲话|发言|致辞|报告|主持词|演讲)[稿]?|记.{4,40}|.{4,40}(事迹材料|事迹|纪实|侧记|综述))$)", text)
    if m and m.start() >= 6 and not re.search(r"[，。；！？,;!?]", text[:m.start()]):
        return m.start()
    return None


def _split_at_space(text: str) -> int | None:
    m = parse_marker(text)
    if not m:
        return None
    for s in SUB_START.finditer(text, m.end, min(len(text), m.end + 60)):
        head = text[: s.start()]
        if not re.search(r"[。！？!?；;]", head):
            nxt = parse_marker(text[s.end():])
            if nxt is None and not ENUM_START.match(text[s.end():]):
                continue
            if nxt is not None and nxt.level <= m.level and not (m.level == 3 and nxt.level == 4):
                continue
            return s.start()
    return _space_seam(text, m.end)


SPACED_CJK = re.compile(r"[\u4e00-\u9fff]\s+[\u4e00-\u9fff]")


def _space_seam(text: str, start: int) -> int | None:
    """"一、总体要求 以习近平……为指导，": a space after a short heading phrase is the lost line break.
    Not in text whose characters are all spaced out ("加 强 党 建"), where spaces mean nothing."""
    if len(SPACED_CJK.findall(text[:80])) > 1:
        return None
    body_from = start + len(text[start:]) - len(text[start:].lstrip())
    s = re.search(r"\s+", text[body_from:body_from + 31])
    if not s:
        return None
    head, rest = text[body_from:body_from + s.start()], text[body_from + s.end():]
    if len(head) >= 2 and not re.search(r"[，。；：！？,;:!?]", head) and is_cjk(head[-1]) and is_cjk(rest[:1] or "a") \
            and re.search(r"[，。；！？]", rest[:80]) and len(rest) >= 15 and _word_boundary(head, rest):
        return body_from + s.start()
    return None


def _word_boundary(head: str, rest: str) -> bool:
    """jieba puts a word boundary where the space is ("总体要求 | 以习近平"), not inside a word ("全面加 | 强")."""
    pos, cut = 0, len(head)
    for w in words(head + rest[:8]):
        if pos == cut:
            return True
        if pos > cut:
            return False
        pos += len(w)
    return pos == cut


def _clauses(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in re.finditer(r"[，,、]", text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def _after_heading_word(text: str, start: int, starts: tuple[str, ...]) -> int | None:
    """"三、下半年工作计划下半年，社区将…": a heading word ("计划") right before a word that opens a sentence."""
    clause = re.split(r"[，,、。！？!?；;：:]", text[start:], maxsplit=1)[0]
    ends = word_list("sentence_start", "heading_ends")
    pos = 0
    for w in words(clause):
        pos += len(w)
        rest = clause[pos:]
        opener = rest[1:] if rest[:1] and rest[0] in PREP else rest  # "思想" | "以" + "习近平…"
        # (the text after the cut must be more than a phrase: "二、抓经济工作,促各方面全面发展" is one heading)
        if w.endswith(ends) and pos >= 4 and len(rest) >= 2 and len(text) - start - pos >= 5 and (any(opener.startswith(s) for s in starts if len(s) >= 2)
                                                           or re.match(r"(19|20)\d{2}\s*年", rest)
                                                           or QUOTED_SUBJECT.match(rest)):
            return start + pos
    return None


PLACEHOLDER_START = re.compile(r"^([xX×*＊_]{2,}|(19|20)\d{2}\s*年|[xX×]{2,4}\d?\s*年)")  # "xxx小学", "xxxx3年", "1999年"
OPENER_PREP = "在据从经随按自对以由为"  # a clause that opens with a preposition: "在环保方面，", "据气象部门预测，"


def _opener_seam(text: str, start: int) -> int | None:
    """"一、基本情况xxxx3年，我县…", "一、全县防汛工作总体形势分析据气象部门预测，…", "三、社区卫生社区建设科加大了…":
    the body opens with a placeholder or a year, with a preposition that heads a clause, or with the words the
    heading itself began with. The heading before the seam is a short phrase without punctuation."""
    label = next((w for w in word_list("sentence_start", "field_labels") if text.startswith(w, start)), None)
    if label:
        rest = text[start + len(label):]
        if len(rest) >= 4 and is_cjk(rest[0]) or re.match(r"[\dXx×]{2,4}\s*年|\d{1,2}\s*月", rest):
            if not re.match(r"[和与及的、，,：:；;（(]|(安排|任务|要求|措施)", rest):
                return start + len(label)  # "一、活动主题档案与人类文明同行": the label, then its value
    clause_end = re.search(r"[，,。；;：:！？!?]", text[start:])
    if clause_end is None or clause_end.start() < 4:
        return None
    head_words = words(text[start:start + clause_end.start()])
    first = head_words[0] if head_words else ""
    pos = start
    for w in head_words[:-1]:
        pos += len(w)
        head, rest = text[start:pos], text[pos:]
        if len(head) < 2:
            continue
        if len(head) > 20:
            break
        if sum(head.count(c) for c in "（(《“【") != sum(head.count(c) for c in "）)》”】") or len(w) < 2:
            continue  # inside brackets or quotes ("（4月11日—4月20日）", "《…》"); a heading ends on a word, not "是"
        if PLACEHOLDER_START.match(rest) and not head[-1].isdigit():
            return pos
        if len(first) >= 2 and rest.startswith(first) and len(head) >= len(first) + 2:
            return pos  # the body repeats the heading's first words
        if rest[0] in OPENER_PREP and len(head) >= 4 and is_cjk(rest[1:2] or "a") and rest.find("，", 0, 16) > 2 \
                and head.endswith(word_list("sentence_start", "heading_ends") + HEAD_NOUNS):
            return pos
    return None


HEAD_NOUNS = ("概述", "分析", "时间", "地点", "议程", "内容", "宗旨", "主题", "对象", "口号", "步骤", "形势", "活动", "卫生",
              "防范", "设施", "管理", "建设", "发展", "机制", "意义")


def heading_seam(text: str) -> int | None:
    """Where a level-1 heading without closing punctuation ran into the next sentence."""
    m = parse_marker(text)
    if not m or m.level > 2:
        return None
    opener = _opener_seam(text, m.end)
    if opener is not None:
        return opener
    starts = word_list("sentence_start", "words")
    # (a heading sentence that closed on a colon has its body after it: "（一）…职能部门：总裁办公室、…全体负责人；")
    first = re.split(r"[。！？!?；;]|(?<!\d)[：:](?!\d)", text, maxsplit=1)[0]
    # a heading word, then a sentence opener or an enumeration, in any clause of the heading's sentence
    # ("二、正视差距，清醒认识当前存在的问题一是耕地保护…", "三、…，全力以赴抓好今年工作今年全县粮食…")
    for a, _b in _clauses(first):
        cut = _after_heading_word(text, max(a, m.end), starts + ENUM_OPENERS)
        if cut is not None:
            return cut
    we = PRONOUN_SEAM.search(first, m.end)
    if we and we.start() - m.end >= 8 and len(first) - we.end() >= 4:
        return we.start()  # "一、熬得住，是对信念最朴素的坚持我们每一位老师，都是熬过来的。": the speaker turns to the hall
    if len(first) <= HEADING_SENTENCE_MAX:
        return None
    for a, b in _clauses(first):
        if b <= m.end:
            continue
        a = max(a, m.end)
        clause = first[a:b]
        y = YEAR_SEAM.search(clause)
        if y and y.start() >= 2:
            before = clause[:y.start()]
            prep = next((p for p in word_list("sentence_start", "year_prepositions")
                         if before.endswith(p) and len(before) - len(p) >= 2), "")
            if re.search(r"[并和与及或且而][于在到从至]?$", before) or (a > m.end and len(before) <= 2):
                return None  # "…开展调查工作，并于2023年12月15日前…": the year goes on the clause, no seam
            return a + y.start() - len(prep)
        pos = 0
        prev_w = ""
        for w in words(clause):
            rest = clause[pos:]
            # (not inside a clause that is saying something: "说明全省供销社" | "近几年的工作是…" reads on)
            if a + pos >= 8 and pos >= 4 and is_cjk(rest[0]) and (MEETING.match(rest) or any(rest.startswith(s) for s in starts if len(s) >= 2)) \
                    and not any(v in clause[:pos] for v in word_list("sentence_start", "saying_words")):
                return a + pos - (1 if prev_w in PREP and len(prev_w) == 1 else 0)  # "…要求" | "以" + "习近平…"
            prev_w = w
            pos += len(w)
        if a + len(clause) > HEADING_SENTENCE_MAX + 10:
            break
    return None


def split_runins(blocks: list[Block], changes: list[Change]) -> list[Block]:
    out: list[Block] = []
    queue = list(reversed(blocks))  # a stack: pop() from the end, the next block first
    while queue:
        b = queue.pop()
        if b.kind != "paragraph" or b.style == "tr":
            out.append(b)
            continue
        cut = _org_then_date(b.text)
        if cut is None:
            cut = _title_then_subtitle(b.text)
        if cut is None:
            cut = _split_at_space(b.text)
        if cut is None:
            cut = _glued_sub(b.text)
        seam = False
        if cut is None:
            cut = heading_seam(b.text)
            seam = cut is not None
        head, rest = (b.text[:cut].rstrip(), b.text[cut:].lstrip()) if cut is not None else ("", "")
        if not head or not rest:
            # a split must take a non-empty head off: each round then shortens what is left to read, so the loop
            # ends within the input's length (a cut at 0 once put the same line back for ever)
            out.append(b)
            continue
        changes.append(Change("split", "split a heading from the text it ran into", b.lines[:1], b.text[:60], head))
        out.append(Block("paragraph", head, lines=b.lines[:1], bold=b.bold, align=b.align))
        body = Block("paragraph", rest, lines=list(b.lines))
        nxt = queue[-1] if queue else None
        if (seam and nxt is not None and nxt.kind == "paragraph" and nxt.style != "tr" and not ends_sentence(rest)
                and not rest.endswith(("：", ":")) and parse_marker(nxt.text) is None):
            # the body the heading took with it stops mid-sentence ("…工作今年全县粮食" | "播种面积…"): the line
            # below goes on with it (reflow kept them apart while they looked like a heading and the text under it)
            queue.pop()
            body.text += nxt.text
            body.lines += nxt.lines
            changes.append(Change("join", "joined a broken line", [body.lines[0], nxt.lines[0]]))
        queue.append(body)
    return out
