"""Stage: simplify. Off unless the clerk asks for it (Overrides.simplify: `qinggao clean --simplified`, the Options
checkbox): a draft copied from a Traditional-character mirror ("關於開展安全檢查的通知") becomes Simplified with
OpenCC's t2s conversion, which reads phrases before characters ("乾隆" stays, "頭髮" -> "头发"). It runs right after
fold, so every later rule (noise phrases, headings, dates) reads the Simplified text it was written for.

Only ideographs change: a URL (even one with Chinese in its path), Latin text, digits and punctuation are copied as
they are. Each run of converted characters in a line is recorded as a Change("simplify", before, after).

A draft that is already Simplified is left alone even with the option on (the app keeps the setting for every
file): its few "Traditional" characters are names and places (於潜, 魏其濛) that t2s would wrongly rewrite. The
draft counts as Traditional when characters only Traditional writing uses outnumber those only Simplified writing
uses; a line of it whose own count says Simplified (a mirror's "来源" line) is left as it is too.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..model import Change, Document, Warning

# t2s, not tw2s/tw2sp: a mirror's Traditional text is mainland text run through s2t, so t2s is its inverse;
# tw2sp would also rewrite Taiwan wording (軟體 -> 软件), words the draft never had.
CONFIG = "t2s"
# a URL runs through printable ASCII; Chinese inside its path belongs to it when more path follows ("/關於/a.html")
URL = re.compile(r"(?:[A-Za-z][A-Za-z0-9+.\-]*://|www\.)[!-~]+(?:[\u3400-\u9fff]+[!-~]*[/.?=&#%][!-~]*)*")


def is_ideograph(c: str) -> bool:
    o = ord(c)
    return 0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x3FFFF


@lru_cache(maxsize=1)
def _t2s() -> Any:
    from opencc import OpenCC

    # no "tofu risk" dictionary: it maps to rare characters the official fonts (仿宋_GB2312 …) do not have
    return OpenCC(CONFIG, include_tofu_risk_dictionaries=False)


@lru_cache(maxsize=1)
def _s2t() -> Any:
    from opencc import OpenCC

    return OpenCC("s2t")


@lru_cache(maxsize=16384)
def _simplified_only(c: str) -> bool:
    """A character Traditional writing does not use (这, 们, 国): s2t changes it."""
    return _s2t().convert(c) != c


def simplified_count(text: str) -> int:
    return sum(1 for c in text if is_ideograph(c) and _simplified_only(c))


def _convert_segment(seg: str, runs: list[tuple[str, str]]) -> str:
    new = _t2s().convert(seg)
    if new == seg:
        return seg
    if len(new) != len(seg):  # (t2s maps phrase to phrase of the same length; should one not, keep the text)
        return seg
    out: list[str] = []
    before, after = [], []
    for old, got in zip(seg, new):
        if got != old and is_ideograph(old):
            before.append(old)
            after.append(got)
            out.append(got)
            continue
        if before:
            runs.append(("".join(before), "".join(after)))
            before, after = [], []
        out.append(old)
    if before:
        runs.append(("".join(before), "".join(after)))
    return "".join(out)


def convert_line(text: str) -> tuple[str, list[tuple[str, str]]]:
    """`text` with its Traditional ideographs made Simplified outside URLs, and the runs converted (before, after)."""
    runs: list[tuple[str, str]] = []
    out: list[str] = []
    pos = 0
    for m in URL.finditer(text):
        out.append(_convert_segment(text[pos:m.start()], runs))
        out.append(m.group())
        pos = m.end()
    out.append(_convert_segment(text[pos:], runs))
    return "".join(out), runs


def run(doc: Document) -> Document:
    if not doc.overrides.simplify or not doc.lines:
        return doc
    try:
        whole = "\n".join(ln.text for ln in doc.lines)
        if _t2s().convert(whole) == whole:  # fast path: nothing Traditional in the draft
            return doc
        plans = [(ln, *convert_line(ln.text)) for ln in doc.lines]
        traditional = sum(len(b) for _ln, _new, runs in plans for b, _a in runs)
        simplified = [simplified_count(ln.text) for ln in doc.lines]
    except (ImportError, OSError, RuntimeError) as e:  # a broken install: clean the draft as it is, and say so
        doc.warnings.append(Warning("simplify", f"繁体字转简体字不可用（{type(e).__name__}），文稿未转换；请重新安装清稿。"))
        return doc
    if traditional <= sum(simplified):
        return doc  # an already Simplified draft: its Traditional-looking characters are names and places
    for (ln, new, runs), simple in zip(plans, simplified):
        if not runs or sum(len(b) for b, _a in runs) < simple:
            continue
        ln.text = new
        for before, after in runs:
            doc.changes.append(Change("simplify", f"繁体转简体 / Traditional to Simplified: {before} -> {after}",
                                      [ln.lineno], before, after))
    if doc.title_hint:
        doc.title_hint = convert_line(doc.title_hint)[0]
    return doc
