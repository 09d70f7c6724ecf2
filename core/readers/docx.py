"""DOCX drafts: body paragraphs and tables in document order (nested tables, content controls and text boxes
included); headers and footers are page furniture and are not read. Each line carries the paragraph's style
name, alignment and whether all its text is bold; Word auto-numbering markers are recovered into the text."""
from __future__ import annotations

import io
import itertools
import posixpath
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from ..errors import QingGaoError
from ..model import Document, Line
from . import guard
from .docx_styles import Numbering, Styles, align_name, load_styles, on_off, wtag, wval
from .lines import split_lines

_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_P, _TBL, _R, _TR, _TC = wtag("p"), wtag("tbl"), wtag("r"), wtag("tr"), wtag("tc")
_SDT, _SDT_CONTENT, _CUSTOM = wtag("sdt"), wtag("sdtContent"), wtag("customXml")
_TXBX = wtag("txbxContent")
# paragraph-level wrappers whose children are runs to read
_RUN_WRAPPERS = {wtag(n) for n in ("hyperlink", "smartTag", "customXml", "sdt", "sdtContent", "ins", "fldSimple",
                                   "dir", "bdo", "moveTo")}
_SKIP = {wtag(n) for n in ("del", "moveFrom", "pPr", "rPr", "proofErr", "bookmarkStart", "bookmarkEnd")}
_BREAKS = {wtag("br"), wtag("cr")}
_CELL_MAX = 60  # characters: longer cells are paragraphs of a layout table, not data
CELL_SEP = "\t"
_NESTED_CELL_MAX = 30  # characters: a data row may nest a small table in a cell; a layout table's cells are longer


@dataclass
class _Para:
    """One output line being built: text pieces with their bold flag."""
    parts: list[tuple[str, bool]] = field(default_factory=list)


@dataclass
class _Out:
    text: str
    bold: bool
    align: str | None
    style: str | None
    blank_before: int
    indent: int = 0
    para: int = 0  # the w:p (or simple table row) the line came from; w:br inside it ends only the line


class _Walker:
    def __init__(self, styles: Styles, numbering: Numbering, ids: itertools.count | None = None):
        self.styles = styles
        self.numbering = numbering
        self.out: list[_Out] = []
        self.blank = 0
        self.ids = ids if ids is not None else itertools.count()  # shared with the walkers of table cells

    # ---- block level -----------------------------------------------------------------------------------
    def blocks(self, container: etree._Element) -> None:
        for child in container:
            tag = child.tag
            if tag == _P:
                self.paragraph(child)
            elif tag == _TBL:
                self.table(child)
            elif tag in (_SDT, _SDT_CONTENT, _CUSTOM, wtag("ins")):
                self.blocks(child)
            elif tag == _MC + "AlternateContent":
                self._alternate(child, self.blocks)

    def _alternate(self, el: etree._Element, visit) -> None:  # noqa: ANN001 - a bound method
        """mc:AlternateContent holds the same thing twice (DrawingML choice, VML fallback): read it once."""
        branch = el.find(_MC + "Choice")
        if branch is None:
            branch = el.find(_MC + "Fallback")
        if branch is not None:
            visit(branch)

    def table(self, tbl: etree._Element) -> None:
        for tr in _children(tbl, _TR):
            cells = _children(tr, _TC)
            rows: list[list[_Out]] = []
            for tc in cells:
                sub = _Walker(self.styles, self.numbering, self.ids)
                sub.blocks(tc)
                rows.append(sub.out)
            filled = [r for r in rows if r]
            # a data row: short cells (a cell may hold a few short paragraphs: "1.开学检查；" "2.制订计划", or a small
            # nested table, which is then that cell's text: its row standing alone would read as a heading)
            nested = any(tc.find(".//" + _TBL) is not None for tc in cells)
            most = _NESTED_CELL_MAX if nested else _CELL_MAX  # (long cells around a nested table: a layout table)
            simple = len(cells) >= 2 and all(len(r) <= 4 and len("".join(o.text for o in r)) <= most for r in filled)
            if simple and filled:
                # style "tr" marks a table row (as the HTML reader does): cells joined, not a sentence to reflow
                self._emit(CELL_SEP.join("".join(o.text.replace(CELL_SEP, " ") for o in r) for r in filled),
                           all(r[0].bold for r in filled), filled[0][0].align, "tr", next(self.ids))
            else:
                for r in filled:
                    for o in r:
                        o.blank_before += self.blank
                        self.blank = 0
                        self.out.append(o)

    # ---- paragraphs ------------------------------------------------------------------------------------
    def paragraph(self, p: etree._Element) -> None:
        ppr = p.find(wtag("pPr"))
        style_id = wval(ppr.find(wtag("pStyle"))) if ppr is not None else None
        jc = wval(ppr.find(wtag("jc"))) if ppr is not None else None
        align = align_name(jc if jc is not None else self.styles.align(style_id))
        para_bold = bool(self.styles.bold(style_id))
        num_id, ilvl = self._numpr(ppr, style_id)
        marker = self.numbering.marker(num_id, ilvl) if num_id else None
        lines: list[_Para] = [_Para()]
        boxes: list[etree._Element] = []
        self._runs(p, para_bold, lines, boxes)
        style = self.styles.name(style_id)
        para = next(self.ids)
        emitted = False
        for i, ln in enumerate(lines):
            text = "".join(t for t, _ in ln.parts)
            if i == 0 and marker and text.strip() and not text.lstrip().startswith(marker.strip()):
                ln.parts.insert(0, (marker, all(b for t, b in ln.parts if t.strip())))
                text = marker + text
            visible = [b for t, b in ln.parts if t.strip(" \t\u3000\u00a0")]
            if visible:
                self._emit(text, all(visible), align, style, para)
                emitted = True
        if not emitted:
            self.blank += 1
        for box in boxes:
            self.blocks(box)

    def _numpr(self, ppr: etree._Element | None, style_id: str | None) -> tuple[str | None, int | None]:
        num = ppr.find(wtag("numPr")) if ppr is not None else None
        if num is not None:
            nid = wval(num.find(wtag("numId")))
            lvl = wval(num.find(wtag("ilvl")))
            sid, slvl = self.styles.numbering(style_id)
            return nid or sid, int(lvl) if lvl and lvl.isdigit() else (slvl or 0)
        return self.styles.numbering(style_id)

    def _runs(self, el: etree._Element, para_bold: bool, lines: list[_Para], boxes: list[etree._Element]) -> None:
        for child in el:
            tag = child.tag
            if tag == _R:
                self._run(child, para_bold, lines, boxes)
            elif tag in _RUN_WRAPPERS:
                self._runs(child, para_bold, lines, boxes)
            elif tag == _MC + "AlternateContent":
                self._alternate(child, lambda x: self._runs(x, para_bold, lines, boxes))

    def _run(self, r: etree._Element, para_bold: bool, lines: list[_Para], boxes: list[etree._Element]) -> None:
        rpr = r.find(wtag("rPr"))
        bold = para_bold
        if rpr is not None:
            if on_off(rpr.find(wtag("vanish"))):
                return  # hidden text is not printed
            direct = on_off(rpr.find(wtag("b")))
            char_style = self.styles.bold(wval(rpr.find(wtag("rStyle"))), fallback=False)
            bold = direct if direct is not None else (char_style if char_style is not None else para_bold)
        for c in r:
            tag = c.tag
            if tag == wtag("t"):
                lines[-1].parts.append((c.text or "", bold))
            elif tag == wtag("tab") or tag == wtag("ptab"):
                lines[-1].parts.append(("\t", bold))
            elif tag in _BREAKS:
                lines.append(_Para())
            elif tag == wtag("noBreakHyphen"):
                lines[-1].parts.append(("-", bold))
            elif tag in (wtag("drawing"), wtag("pict"), wtag("object")) or tag == _MC + "AlternateContent":
                boxes.extend(_text_boxes(c))
            # softHyphen, instrText (field codes), delText, sym, footnote references: not text

    def _emit(self, text: str, bold: bool, align: str | None, style: str | None, para: int) -> None:
        for i, ln in enumerate(split_lines(text)):
            self.out.append(_Out(ln.text, bold, align, style, self.blank if i == 0 else 0, ln.indent, para))
            self.blank = 0


def _children(el: etree._Element, tag: str) -> list[etree._Element]:
    """Direct children with this tag, looking through content controls and custom XML wrappers."""
    out: list[etree._Element] = []
    for c in el:
        if c.tag == tag:
            out.append(c)
        elif c.tag in (_SDT, _SDT_CONTENT, _CUSTOM):
            out.extend(_children(c, tag))
    return out


def _text_boxes(el: etree._Element) -> list[etree._Element]:
    """Outermost w:txbxContent elements inside a drawing, reading only the DrawingML choice of an
    mc:AlternateContent (its VML fallback repeats the same text box)."""
    found: list[etree._Element] = []
    for tb in el.iter(_TXBX):
        anc = tb.getparent()
        skip = False
        while anc is not None and anc is not el.getparent():
            if anc.tag == _MC + "Fallback" or (anc.tag == _TXBX):
                skip = True
                break
            anc = anc.getparent()
        if not skip:
            found.append(tb)
    return found


_RELS_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def missing_targets_external(data: bytes) -> bytes | None:
    """The package with every relationship that points at a part it lacks marked external, or None when there
    is none. LibreOffice saves a web page's `href="#"` links as internal targets ("word/#"); Word and WPS open
    such a file, python-docx fails looking for the part."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = set(z.namelist())
        fixed: dict[str, bytes] = {}
        for rels in (n for n in names if n.endswith(".rels")):
            base = posixpath.dirname(posixpath.dirname(rels))  # word/_rels/document.xml.rels -> word
            root = etree.fromstring(z.read(rels))
            dangling = [r for r in root.iter(_RELS_NS + "Relationship") if r.get("TargetMode") != "External"
                        and _part_name(base, r.get("Target", "")) not in names]
            for r in dangling:
                r.set("TargetMode", "External")
            if dangling:
                fixed[rels] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        if not fixed:
            return None
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as w:
            for info in z.infolist():
                w.writestr(info, fixed.get(info.filename) or z.read(info))
    return out.getvalue()


def _part_name(base: str, target: str) -> str:
    return posixpath.normpath(target.lstrip("/") if target.startswith("/") else posixpath.join(base, target))


def _open_package(data: bytes):  # noqa: ANN202 - a python-docx Document
    import docx

    try:
        return docx.Document(io.BytesIO(data))
    except KeyError:  # a relationship to a part the package lacks
        repaired = missing_targets_external(data)
        if repaired is None:
            raise
        return docx.Document(io.BytesIO(repaired))


# libxml2's limit for one text node is 10,000,000 bytes; Chinese takes 3 bytes a character in UTF-8
HUGE_TEXT_CHARS = 10_000_000 // 3 // 10000 * 10000


def _optional(get):  # noqa: ANN001, ANN202 - a python-docx part getter and what it gives
    """A part the text does not need (styles, numbering, properties): None when absent or marked external."""
    try:
        return get()
    except (KeyError, ValueError, NotImplementedError, AttributeError):
        return None


def read_docx(data: bytes, name: str) -> Document:
    guard.check_docx(data, name)  # before python-docx unpacks anything
    try:
        d = _open_package(data)
    except MemoryError:
        raise  # over the file's memory budget (core/budget.py): the batch says so, not "damaged"
    except Exception as e:  # python-docx raises several types for a damaged package
        if "huge" in str(e).lower():  # libxml2 refuses one text run over 10,000,000 bytes: the file is sound
            raise QingGaoError(name, f"文件里有一段文字太长（一段超过 {HUGE_TEXT_CHARS // 10000} 万字），超出能处理的上限，"
                                     "这不像一篇文稿。请在 Word/WPS 中把需要的正文复制到新文件（或分成几段）后再处理。",
                               f"one paragraph of this file is too long (over {HUGE_TEXT_CHARS:,} characters, the "
                               "limit); that is no draft. Copy the text you need into a new file in Word/WPS (or split "
                               "it into paragraphs) and try again.") from e
        raise QingGaoError(name, "DOCX 文件已损坏或不是真正的 DOCX，请用 Word/WPS 打开后另存为 DOCX 再试。",
                           f"the DOCX is damaged or not a real DOCX ({type(e).__name__}); open it in Word/WPS, "
                           "save as DOCX and try again.") from e
    walker = _Walker(load_styles(_optional(lambda: d.styles.element)),
                     Numbering(_optional(lambda: d.part.numbering_part.element)))
    walker.blocks(d.element.body)
    doc = Document(source=name, format="docx", encoding="utf-8", encoding_confidence=1.0)
    doc.title_hint = (_optional(lambda: d.core_properties.title) or "").strip() or None
    paras: dict[int, int] = {}  # renumbered 0, 1, 2... over the paragraphs that have text
    doc.lines = [Line(text=o.text, lineno=i, bold=o.bold, align=o.align, style=o.style, blank_before=o.blank_before,
                      indent=o.indent, para=paras.setdefault(o.para, len(paras)))
                 for i, o in enumerate(walker.out, start=1)]
    return doc
