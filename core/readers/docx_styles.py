"""What a DOCX's styles and numbering definitions say about a paragraph: style name, bold, alignment, and the
list marker ("一、", "（一）", "1.") that Word's auto-numbering draws but the text does not contain."""
from __future__ import annotations

from dataclasses import dataclass, field

from docx.styles import BabelFish
from lxml import etree

from ..text import int_to_cn

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = "{" + W + "}"


def wtag(name: str) -> str:
    return _W + name


def wval(el: etree._Element | None, attr: str = "val") -> str | None:
    if el is None:
        return None
    return el.get(_W + attr)


def on_off(el: etree._Element | None) -> bool | None:
    """w:b and friends: present means on unless w:val says 0/false/off."""
    if el is None:
        return None
    v = el.get(_W + "val")
    return v is None or v.lower() not in ("0", "false", "off", "none")


_ALIGN = {"center": "center", "right": "right", "end": "right"}


@dataclass
class StyleInfo:
    name: str
    based_on: str | None = None
    bold: bool | None = None
    align: str | None = None  # raw w:jc value
    num_id: str | None = None
    ilvl: int | None = None


@dataclass
class Styles:
    by_id: dict[str, StyleInfo] = field(default_factory=dict)
    default_para: str | None = None

    def chain(self, style_id: str | None, fallback: bool = True):  # noqa: ANN201 - iterator of StyleInfo
        """The style and the styles it is based on; a paragraph with no style has the default one."""
        seen: set[str] = set()
        sid = style_id or (self.default_para if fallback else None)
        while sid and sid not in seen and sid in self.by_id:
            seen.add(sid)
            info = self.by_id[sid]
            yield info
            sid = info.based_on

    def name(self, style_id: str | None) -> str | None:
        """The name Word shows ("Heading 1", "Title", "标题 1"), not the internal lower-case one."""
        sid = style_id or self.default_para
        info = self.by_id.get(sid) if sid else None
        return BabelFish.internal2ui(info.name) if info else None

    def bold(self, style_id: str | None, fallback: bool = True) -> bool | None:
        return next((s.bold for s in self.chain(style_id, fallback) if s.bold is not None), None)

    def align(self, style_id: str | None) -> str | None:
        return next((s.align for s in self.chain(style_id) if s.align is not None), None)

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        for s in self.chain(style_id):
            if s.num_id is not None:
                return s.num_id, s.ilvl
        return None, None


def load_styles(root: etree._Element | None) -> Styles:
    out = Styles()
    if root is None:
        return out
    for st in root.iter(wtag("style")):
        sid = st.get(_W + "styleId")
        if not sid:
            continue
        info = StyleInfo(name=wval(st.find(wtag("name"))) or sid, based_on=wval(st.find(wtag("basedOn"))))
        rpr = st.find(wtag("rPr"))
        if rpr is not None:
            info.bold = on_off(rpr.find(wtag("b")))
        ppr = st.find(wtag("pPr"))
        if ppr is not None:
            info.align = wval(ppr.find(wtag("jc")))
            num = ppr.find(wtag("numPr"))
            if num is not None:
                info.num_id = wval(num.find(wtag("numId")))
                lvl = wval(num.find(wtag("ilvl")))
                info.ilvl = int(lvl) if lvl and lvl.isdigit() else 0
        out.by_id[sid] = info
        if st.get(_W + "type") == "paragraph" and st.get(_W + "default") in ("1", "true", "on"):
            out.default_para = sid
    return out


def align_name(jc: str | None) -> str | None:
    return _ALIGN.get(jc or "")


# ---- numbering -------------------------------------------------------------------------------------------

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _roman(n: int) -> str:
    vals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
            (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for v, s in vals:
        while n >= v:
            out += s
            n -= v
    return out


def _letters(n: int) -> str:
    # Word repeats the letter: 27 -> AA
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_LEGAL_SIMPLIFIED = str.maketrans("一二三四五六七八九十百", "壹贰叁肆伍陆柒捌玖拾佰")
_LEGAL_TRADITIONAL = str.maketrans("一二三四五六七八九十百", "壹貳參肆伍陸柒捌玖拾佰")


def format_number(n: int, fmt: str) -> str | None:
    """A counter in a numFmt; None for formats with no text marker (bullets, pictures)."""
    if fmt in ("decimal", "decimalZero"):
        return f"{n:02d}" if fmt == "decimalZero" and n < 10 else str(n)
    if fmt == "chineseLegalSimplified":
        return int_to_cn(n).translate(_LEGAL_SIMPLIFIED)
    if fmt == "ideographLegalTraditional":
        return int_to_cn(n).translate(_LEGAL_TRADITIONAL)
    if fmt.endswith(("Counting", "CountingThousand")):  # chinese/taiwanese/japanese counting: 一 二 … 十一
        return int_to_cn(n)
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join("〇一二三四五六七八九"[int(d)] for d in str(n))
    if fmt == "ideographTraditional":  # 甲 乙 丙
        return _STEMS[(n - 1) % 10]
    if fmt == "ideographZodiac":  # 子 丑 寅
        return _BRANCHES[(n - 1) % 12]
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(0xFF10 + int(d)) for d in str(n))
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return _CIRCLED[n - 1] if 1 <= n <= len(_CIRCLED) else str(n)
    if fmt == "decimalEnclosedParen":
        return f"({n})"
    if fmt == "decimalEnclosedFullstop":
        return f"{n}."
    if fmt == "upperLetter":
        return _letters(n)
    if fmt == "lowerLetter":
        return _letters(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "none":
        return ""
    return None  # bullet, pictures and anything exotic: no marker text


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    legal: bool = False


class Numbering:
    """Counters for Word auto-numbering, advanced paragraph by paragraph in document order."""

    def __init__(self, root: etree._Element | None):
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.num_to_abs: dict[str, str] = {}
        self.overrides: dict[str, dict[int, int]] = {}  # numId -> ilvl -> start
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()
        if root is None:
            return
        for ab in root.iter(wtag("abstractNum")):
            levels: dict[int, _Level] = {}
            for lvl in ab.iter(wtag("lvl")):
                i = int(lvl.get(_W + "ilvl") or 0)
                levels[i] = _Level(
                    fmt=wval(lvl.find(wtag("numFmt"))) or "decimal",
                    text=wval(lvl.find(wtag("lvlText"))) or "",
                    start=int(wval(lvl.find(wtag("start"))) or 1),
                    legal=bool(on_off(lvl.find(wtag("isLgl")))),
                )
            self.abstract[ab.get(_W + "abstractNumId") or ""] = levels
        for num in root.iter(wtag("num")):
            nid = num.get(_W + "numId") or ""
            self.num_to_abs[nid] = wval(num.find(wtag("abstractNumId"))) or ""
            for ov in num.iter(wtag("lvlOverride")):
                so = ov.find(wtag("startOverride"))
                if so is not None:
                    self.overrides.setdefault(nid, {})[int(ov.get(_W + "ilvl") or 0)] = int(wval(so) or 1)

    def marker(self, num_id: str | None, ilvl: int | None) -> str | None:
        """Advance the list's counter and return the marker text Word would draw, or None (bullet / no list)."""
        if not num_id or num_id == "0" or num_id not in self.num_to_abs:
            return None
        ilvl = ilvl or 0
        abs_id = self.num_to_abs[num_id]
        levels = self.abstract.get(abs_id, {})
        if ilvl not in levels:
            return None
        counters = self.counters.setdefault(abs_id, {})
        if num_id in self.overrides and num_id not in self.started:
            # a "restart numbering" list instance: its overridden levels begin again
            for lv, start in self.overrides[num_id].items():
                counters[lv] = start - 1
        self.started.add(num_id)
        counters[ilvl] = counters.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]  # a new item restarts its sub-levels
        lvl = levels[ilvl]
        if format_number(1, lvl.fmt) is None:
            return None
        out = lvl.text
        for k in range(9, 0, -1):
            token = f"%{k}"
            if token in out:
                ref = levels.get(k - 1, _Level())
                n = counters.get(k - 1, ref.start)
                fmt = "decimal" if lvl.legal else ref.fmt
                out = out.replace(token, format_number(n, fmt) or "")
        return out
