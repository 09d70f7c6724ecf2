"""Headings glued to the end of the sentence before them: "…干部队伍作风建设取得实效。二、存在的问题",
"…应助尽助。（二）待遇保障持续提升。全面落实…". A scrape that lost the line break puts the next heading after a full
stop inside a line. Split before it when its marker is the next one its level expects (一、 after 一. was seen,
（二） after （一）), so an enumeration inside a sentence ("二、三季度") stays. Runs on the source lines before
reflow, so the heading's own line then ends where the heading does."""
from __future__ import annotations

import re

from ..markers import CIRCLED, CN, parse_marker
from ..model import Change, Line

CANDIDATE = re.compile(r"(?<=[。！？；;!?])\s*(?=([一二三四五六七八九十]{1,3}\s*[、.．]|[(（]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]"
                       r"|\d{1,2}\s*[、.．](?!\d)|[①②③④⑤⑥⑦⑧⑨⑩])\S)")

LISTED = re.compile(rf"[{CN}]|\d{{1,2}}(、|月|日|号)")


def _style(raw: str) -> str:
    """Which form a marker takes: "①" and "（1）" are both level 4, yet a ③ does not follow a (2)."""
    return "circled" if raw.strip()[:1] in CIRCLED else "plain"


def split_glued_heads(lines: list[Line], changes: list[Change]) -> list[Line]:
    last: dict[int, tuple[int, str]] = {}  # level -> (number, form) of the last heading marker at a line start
    out: list[Line] = []
    for ln in lines:
        for piece in _pieces(ln, last, changes):
            m = parse_marker(piece.text)
            if m is not None:
                for lvl in [x for x in last if x > m.level]:
                    del last[lvl]
                last[m.level] = (m.number, _style(m.raw))
            out.append(piece)
    return out


def _pieces(ln: Line, last: dict[int, tuple[int, str]], changes: list[Change]) -> list[Line]:
    if ln.mark or ln.style == "tr" or not last:
        return [ln]
    cuts = []
    seen = dict(last)
    head = parse_marker(ln.text)
    if head is not None:
        seen = {lvl: v for lvl, v in seen.items() if lvl <= head.level}
        seen[head.level] = (head.number, _style(head.raw))
    for c in CANDIDATE.finditer(ln.text):
        m = parse_marker(ln.text[c.end():])
        if m is None:
            continue
        number, form = seen.get(m.level, (0, _style(m.raw)))
        if number + 1 != m.number or form != _style(m.raw) or m.level > max(seen, default=0) + 1:
            continue  # not the heading its level expects next: an enumeration inside the sentence
        if _style(m.raw) == "circled" and ln.text[:c.start()].rstrip()[-1:] != "。":
            continue  # "…；②…；③…": circled items listed inside one sentence
        if LISTED.match(ln.text, c.end() + m.end):
            continue  # "二、三季度", "2、3月份": numbers listed, not a heading
        if m.level not in seen and m.number != 1:
            continue
        cuts.append(c.end())
        seen = {lvl: v for lvl, v in seen.items() if lvl <= m.level}
        seen[m.level] = (m.number, _style(m.raw))
    if not cuts:
        return [ln]
    parts = [ln.text[a:b].strip() for a, b in zip([0, *cuts], [*cuts, len(ln.text)], strict=True)]
    changes.append(Change("split", "a heading glued to the sentence before it", [ln.lineno], ln.text[:60],
                          " | ".join(p[:20] for p in parts)))
    first = Line(parts[0], ln.lineno, ln.bold, ln.align, ln.style, ln.blank_before, ln.indent, para=ln.para,
                 after_break=ln.after_break)
    return [first] + [Line(p, ln.lineno, ln.bold, ln.align, ln.style, 0, 0, para=ln.para) for p in parts[1:]]
