"""Turn the chosen elements into lines the way a browser lays them out: block elements and <br> end a line,
inline elements (strong, span, a, font, em) do not. Each line keeps bold/alignment/tag hints."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from bs4 import NavigableString, Tag
from bs4.element import PreformattedString

from ..model import Line
from .html_rules import BLOCK_TAGS, CJK_RE, HEADING_TAGS
from .lines import split_lines

_BOLD_TAGS = frozenset({"b", "strong", "th"}) | HEADING_TAGS
_WEIGHT_RE = re.compile(r"font-weight\s*:\s*([a-z0-9]+)", re.I)
_ALIGN_RE = re.compile(r"text-align\s*:\s*([a-z]+)", re.I)
_SPACE_RUN = re.compile(r"[ \t\r\n\f]+")
# CJK ideographs and full-width punctuation: a source line break between two of them is no space at all
_TIGHT = re.compile(r"[\u3000-\u303f\uff00-\uffef\u2014\u2026\u201c\u201d\u2018\u2019]")
# a data cell may hold a <br> or a short <p> ("××镇卫生院<br>（××分院）"); these make it a layout cell
_CELL_BLOCKS = ("table", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre")
_CELL_MAX = 60  # characters: longer cells are paragraphs of a layout table, not data
CELL_SEP = "\t"
_BLANK = " \t\r\n\f\u3000\u00a0\u2002\u2003\u2009\u200b\ufeff"


@dataclass
class RawLine:
    text: str
    bold: bool
    align: str | None
    tag: str | None
    blank_before: int
    para: int = 0  # which source paragraph the line's text sits in (see Emitter.para)


@dataclass
class _Ctx:
    bold: bool = False
    align: str | None = None
    tag: str | None = None
    pre: bool = False


@dataclass
class _Out:
    lines: list[RawLine] = field(default_factory=list)
    parts: list[tuple[str, bool]] = field(default_factory=list)
    blank: int = 0
    align: str | None = None
    tag: str | None = None
    started: bool = False  # the current line has visible text (its hints come from where that text sits)
    para: int = 0  # the paragraph number now being laid out; a block element's start or end moves it on
    line_para: int = 0  # the paragraph the current line's visible text started in

    def add(self, text: str, ctx: _Ctx) -> None:
        if not text:
            return
        if not self.started and text.strip(_BLANK):
            self.align, self.tag, self.started, self.line_para = ctx.align, ctx.tag, True, self.para
        self.parts.append((text, ctx.bold))

    def next_para(self, pre: bool = False) -> None:
        """A block element starts or ends: what follows is another paragraph, even text of the same parent
        (`<div>a<p>b</p>c</div>` is three). <br> and newlines in <pre> only end a line."""
        self.flush(pre)
        self.para += 1

    def flush(self, pre: bool = False) -> None:
        if not self.parts:
            return
        raw = "".join(p for p, _ in self.parts)
        # a collapsed source line break at the line's start is no indent; "　　" and &nbsp; indents stay
        text = raw if pre else collapse_space(raw).strip(" ")
        if text.strip(_BLANK):
            visible = [b for p, b in self.parts if p.strip(_BLANK)]
            self.lines.append(RawLine(text, bool(visible) and all(visible), self.align, self.tag, self.blank,
                                      self.line_para))
            self.blank = 0
        self.parts = []
        self.align = self.tag = None
        self.started = False


def collapse_space(text: str) -> str:
    """HTML white space: runs become one space, and a source line break between Chinese characters vanishes."""
    def repl(m: re.Match[str]) -> str:
        run = m.group(0)
        if "\n" in run or "\r" in run:
            before = text[m.start() - 1] if m.start() else ""
            after = text[m.end()] if m.end() < len(text) else ""
            if _tight(before) and _tight(after):
                return ""
        return " "
    return _SPACE_RUN.sub(repl, text)


def _tight(ch: str) -> bool:
    return bool(ch) and (bool(CJK_RE.match(ch)) or bool(_TIGHT.match(ch)))


def element_align(el: Tag) -> str | None:
    if el.name == "center":
        return "center"
    a = el.get("align")
    if isinstance(a, str) and a.strip():
        return a.strip().lower()
    style = el.get("style")
    if isinstance(style, str):
        m = _ALIGN_RE.search(style)
        if m:
            return m.group(1).lower()
    return None


def element_bold(el: Tag, inherited: bool) -> bool:
    style = el.get("style")
    if isinstance(style, str):
        m = _WEIGHT_RE.search(style)
        if m:
            v = m.group(1).lower()
            return v in ("bold", "bolder") or (v.isdigit() and int(v) >= 600)
    if el.name in _BOLD_TAGS:
        return True
    return inherited


def _simple_row(tr: Tag) -> list[Tag] | None:
    cells = tr.find_all(["td", "th"], recursive=False)
    if len(cells) < 2:
        return None
    for c in cells:
        if len(c.get_text(strip=True)) > _CELL_MAX:
            return None
        inner = c.find(_CELL_BLOCKS)
        if inner is not None and not (inner.name == "table" and c.find(_CELL_BLOCKS[1:]) is None):
            return None  # a short table nested in a cell is that cell's text (its rows would stand alone)
    return cells


class Emitter:
    def __init__(self) -> None:
        self.out = _Out()

    def walk(self, node: Tag, ctx: _Ctx) -> None:
        name = node.name
        align = element_align(node)
        bold = element_bold(node, ctx.bold)
        block = name in BLOCK_TAGS
        if block:
            ctx = _Ctx(bold=bold, align=align or ctx.align, tag=name, pre=ctx.pre or name == "pre")
        elif bold != ctx.bold:
            ctx = _Ctx(bold=bold, align=ctx.align, tag=ctx.tag, pre=ctx.pre)
        if name == "br":
            if not self.out.parts:
                self.out.blank += 1
            self.out.flush(ctx.pre)
            return
        if name == "hr":
            self.out.next_para(ctx.pre)
            return
        if name == "img":
            return
        if block:
            self.out.next_para(ctx.pre)
        if name == "tr":
            cells = _simple_row(node)
            if cells is not None:
                self._row(cells, ctx)
                return
        had = len(self.out.lines)
        for child in node.children:
            if isinstance(child, Tag):
                self.walk(child, ctx)
            elif isinstance(child, NavigableString) and not isinstance(child, PreformattedString):
                self._text(str(child), ctx)
        if block:
            self.out.next_para(ctx.pre)
            if name == "p" and len(self.out.lines) == had:
                self.out.blank += 1  # an empty paragraph (<p>&nbsp;</p>) is a blank line

    def _text(self, text: str, ctx: _Ctx) -> None:
        if ctx.pre and "\n" in text:
            pieces = text.split("\n")
            for i, piece in enumerate(pieces):
                if i:
                    if not "".join(p for p, _ in self.out.parts).strip(_BLANK):
                        self.out.blank += 1  # an empty line inside <pre>
                    self.out.flush(True)
                self.out.add(piece, ctx)
            return
        self.out.add(text, ctx)

    def _row(self, cells: list[Tag], ctx: _Ctx) -> None:
        texts: list[str] = []
        all_bold = True
        for c in cells:
            sub = Emitter()
            sub.walk(c, ctx)
            sub.out.flush()
            t = " ".join(ln.text.replace(CELL_SEP, " ").strip() for ln in sub.out.lines).strip()
            if t:
                texts.append(t)
                all_bold = all_bold and all(ln.bold for ln in sub.out.lines)
        if texts:
            row_ctx = _Ctx(bold=all_bold, align=ctx.align, tag="tr")
            self.out.add(CELL_SEP.join(texts), row_ctx)
            self.out.flush(pre=True)


def emit(nodes: list[Tag]) -> list[RawLine]:
    em = Emitter()
    for n in nodes:
        em.walk(n, inherited(n))
        em.out.next_para()
    return em.out.lines


def inherited(el: Tag) -> _Ctx:
    """Alignment and bold a chosen element takes from containers outside the chosen part of the page."""
    align: str | None = None
    bold: bool | None = None
    for p in el.parents:
        if p.name is None or p.name == "[document]":
            break
        if align is None and p.name in BLOCK_TAGS:
            align = element_align(p)
        if bold is None:
            style = p.get("style")
            if p.name in _BOLD_TAGS or (isinstance(style, str) and _WEIGHT_RE.search(style)):
                bold = element_bold(p, False)
    return _Ctx(bold=bool(bold), align=align)


def to_lines(raw: list[RawLine]) -> list[Line]:
    """Lines with `para` renumbered 0, 1, 2... over the paragraphs that have text."""
    lines: list[Line] = []
    paras: dict[int, int] = {}
    for r in raw:
        align = r.align if r.align in ("center", "right") else None
        para = paras.setdefault(r.para, len(paras))
        for i, ln in enumerate(split_lines(r.text)):  # strips "　　" and nbsp indents into Line.indent
            lines.append(Line(text=ln.text, lineno=len(lines) + 1, bold=r.bold, align=align, style=r.tag,
                              blank_before=r.blank_before if i == 0 else 0, indent=ln.indent, para=para))
    return lines
