"""Where the signature, the date and the 附件 note go (GB/T 9704-2012 7.3.4, 7.3.5), computed from text widths.

Signature and date are right-aligned paragraphs whose right indents are worked out so that, unsealed (7.3.5.2),
the signature ends two characters in from the right and the date starts two characters right of the signature's
start (a longer date ends two characters in and pushes the signature left); sealed (7.3.5.1), the date ends four
characters in and the signature is centred over it. Widths count what is really laid out: glyph advances plus the
condensed character spacing each character carries.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .measure import width_pt
from .profile import TWIPS_PER_PT, Profile

_CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_DATE = re.compile(r"^(?P<y>[0-9０-９〇○零一二三四五六七八九]{4})\s*年\s*(?P<m>[0-9０-９一二三四五六七八九十]{1,3})\s*月"
                   r"\s*(?P<d>[0-9０-９一二三四五六七八九十]{1,3})\s*日$")


def _number(s: str) -> int | None:
    s = s.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if s.isdigit():
        return int(s)
    if "十" in s:  # 十, 十二, 二十, 二十一
        tens, _, ones = s.partition("十")
        t = _CN_DIGITS.get(tens, 1) if tens else 1
        o = _CN_DIGITS.get(ones, 0) if ones else 0
        return t * 10 + o
    if len(s) == 1 and s in _CN_DIGITS:
        return _CN_DIGITS[s]
    if all(c in _CN_DIGITS for c in s):  # 二〇二一
        return int("".join(str(_CN_DIGITS[c]) for c in s))
    return None


def arabic_date(text: str) -> str:
    """'2021年03月04日' / '二〇二一年三月四日' -> '2021年3月4日'; anything else (placeholders too) unchanged."""
    m = _DATE.match(text.strip())
    if not m:
        return text
    y, mo, d = (_number(m.group(k)) for k in ("y", "m", "d"))
    if y is None or mo is None or d is None or not (1 <= mo <= 12 and 1 <= d <= 31):
        return text
    return f"{y}年{mo}月{d}日"


def body_width_twips(profile: Profile, text: str) -> int:
    spec = profile.style("body")
    return round(width_pt(text, spec["size_pt"], profile.char_spacing_twips / TWIPS_PER_PT) * TWIPS_PER_PT)


@dataclass
class ClosingLayout:
    signature_right: list[int]  # right indent (twips) of each signature line
    date_right: int | None


def closing_layout(profile: Profile, signatures: list[str], date: str | None) -> ClosingLayout:
    c = profile["closing"]
    adv = round(profile.char_advance_pt * TWIPS_PER_PT)  # one laid-out body character
    widths = [body_width_twips(profile, s) for s in signatures]
    sig_w = max(widths, default=0)
    date_w = body_width_twips(profile, date) if date else 0
    if c["sealed"]:
        date_right = c["sealed_date_right_chars"] * adv
        sig_right = max(0, date_right + (date_w - sig_w) // 2) if date else date_right
    else:
        sig_right = c["signature_right_chars"] * adv
        date_right = sig_right + sig_w - c["date_shift_chars"] * adv - date_w if signatures else sig_right
        if date_right < sig_right:  # the date is the longer line: it keeps the margin, the signature moves left
            sig_right += sig_right - date_right
            date_right = c["signature_right_chars"] * adv
    # several signature lines start at the same place (right-aligned, so shorter ones get more right indent)
    return ClosingLayout([sig_right + sig_w - w for w in widths], date_right if date else None)


@dataclass
class Hanging:
    left: int  # twips
    hanging: int


def attachment_indent(profile: Profile, label: str, number: str, first: bool) -> Hanging:
    """附件说明 (7.3.4): two characters in, then `label` ("附件：") and the item `number` ("1.", may be empty).

    The first line hangs label + number; later items hang only their number, so every name (and every wrapped
    line of a name) starts at the same place.
    """
    a = profile["attachment"]
    adv = round(profile.char_advance_pt * TWIPS_PER_PT)
    lw, nw = body_width_twips(profile, label), body_width_twips(profile, number)
    return Hanging(left=a["left_chars"] * adv + lw + nw, hanging=lw + nw if first else nw)
