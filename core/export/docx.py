"""`--to docx`: the document model laid out per GB/T 9704-2012 (numbers in resources/profiles/gbt9704.json).

Every block becomes one paragraph in a named style (so a clerk can restyle all headings of a level at once);
direct formatting is kept to what varies per paragraph: title line breaks, the indents of signature, date and
附件 lines, highlights. A docbreak starts a new section on a new page (page numbers restart by default);
split_at_docbreaks() gives the parts as separate Documents for writing them to files of their own.
"""
from __future__ import annotations

import copy
import io
import re
import threading
from collections.abc import Iterable
from typing import BinaryIO

from lxml import etree

from ..model import Block, Document
from .attendance import attendance_paragraph
from .banji import END_LINE, banji
from .banner import (
    banner,
    has_banner,
    letter_footer,
    letter_head_lines,
    letter_header,
    letter_later_header,
    letter_push,
    settings,
)
from .closing import arabic_date, attachment_indent, closing_layout
from .docx_styles import font_table_xml, style_id, styles_xml
from .footer import blank_footer_xml, footer_xml
from .official_info import MOVED, body_blocks, official_info
from .official_runs import opara
from .ooxml import NS, el, ordered, qn, val, xml_bytes
from .package import build_package
from .page_setup import sect_pr, settings_xml
from .paginate import Flow, Flowing
from .profile import TWIPS_PER_PT, Profile, load_profile
from .runs import line_break, run, text_runs
from .split import block_groups, split_at_docbreaks
from .title_lines import break_title

__all__ = ["docx_bytes", "split_at_docbreaks", "write_document"]

NS_W = {"w": NS["w"]}

HEAD_KINDS = ("title", "subtitle", "byline")
WORD_MAX_COLUMNS = 63  # Word's limit: rows with more cells are set as lines of tab-separated cells
CLOSING_KINDS = ("signature", "date")


def _para(profile: Profile, style_key: str, runs: list[etree._Element], **ppr: etree._Element | None
          ) -> etree._Element:
    props = [val("w:pStyle", style_id(profile, style_key)), *[p for p in ppr.values() if p is not None]]
    return el("w:p", children=[ordered("pPr", props), *runs])


def _runs(profile: Profile, style_key: str, text: str, char_style: str | None = None) -> list[etree._Element]:
    """Runs for text that opens a paragraph of style `style_key` (see runs.text_runs for the leading punctuation)."""
    return text_runs(text, profile, char_style, lead_font=profile.font(profile.style(style_key)["font"]))


def _blank(profile: Profile) -> etree._Element:
    """An empty body line: "空一行" is a real empty paragraph, so it holds one grid line in every office suite."""
    return el("w:p", children=[ordered("pPr", [val("w:pStyle", style_id(profile, "body"))])])


def _title(profile: Profile, text: str) -> etree._Element:
    t = profile["title"]
    spec = profile.style("title")
    max_chars = t["max_chars_per_line"] or int(profile.text_width / TWIPS_PER_PT // spec["size_pt"])
    runs: list[etree._Element] = []
    for i, line in enumerate(break_title(text, max_chars, t["two_lines"], t["three_lines"])):
        if i:
            runs.append(line_break())
        runs += _runs(profile, "title", line) if i == 0 else text_runs(line, profile)
    return _para(profile, "title", runs)


def _heading(profile: Profile, b: Block) -> etree._Element:
    level = min(max(b.level or 1, 1), 4)
    runs = _runs(profile, f"heading{level}", b.text)
    if b.body:  # run-in heading: the rest of the paragraph in the body font, via a character style
        runs += text_runs(b.body, profile, style_id(profile, "body_run"))
    return _para(profile, f"heading{level}", runs)


def _gap(profile: Profile, b: Block) -> etree._Element | None:
    marks = profile["marks"]
    if not marks.get("gap_note"):
        return None
    n = b.omitted_chars
    note = marks["gap_text"].format(n=n) if n else marks["gap_text_unknown"]
    return _para(profile, "gap", [run(note, highlight=marks["highlight"])])


def _table(profile: Profile, rows: list[list[str]]) -> etree._Element:
    """Table rows (cells joined by tabs in the model) as a real table across the text block, single rules,
    columns as wide as their longest cell needs (within limits), each cell a body paragraph without indent."""
    cols = max(len(r) for r in rows)
    width = profile.text_width
    need = [max(2, min(14, max(len(r[k]) if k < len(r) else 0 for r in rows))) for k in range(cols)]
    total = sum(need)  # (once, not per column: a row of 50,000 cells)
    widths = [width * n // total for n in need]
    rule = {"w:val": "single", "w:sz": 4, "w:space": 0, "w:color": "000000"}
    borders = el("w:tblBorders", children=[el(f"w:{side}", rule) for side in
                                           ("top", "left", "bottom", "right", "insideH", "insideV")])
    tbl_pr = el("w:tblPr", children=[el("w:tblW", {"w:w": width, "w:type": "dxa"}), val("w:jc", "center"), borders,
                                     el("w:tblLayout", {"w:type": "fixed"})])
    grid = el("w:tblGrid", children=[el("w:gridCol", {"w:w": w}) for w in widths])
    # each cell a copy of one empty cell, its width and runs put in (building its six elements anew for each of
    # 100,000 cells of a wide table costs twice as much; the XML is the same)
    blank = el("w:tc", children=[el("w:tcPr", children=[el("w:tcW", {"w:w": 0, "w:type": "dxa"})]),
                                 _para(profile, "body", [], ind=_ind(first=0, left=0))])
    tcw = qn("w:w")
    trs = []
    for r in rows:
        cells = r + [""] * (cols - len(r))
        tcs = []
        for c, w in zip(cells, widths):
            tc = copy.deepcopy(blank)
            tc[0][0].set(tcw, str(w))  # tcPr/tcW
            if c:
                tc[1].extend(text_runs(c, profile))  # (after its pPr, as _para puts them)
            tcs.append(tc)
        trs.append(el("w:tr", children=tcs))
    return el("w:tbl", children=[tbl_pr, grid, *trs])


def _ind(left: int | None = None, right: int | None = None, hanging: int | None = None,
         first: int | None = None) -> etree._Element:
    """Direct indents in twips. The *Chars="0" attributes are what Word writes to say "not in character units":
    without them a character-unit indent inherited from the style (firstLineChars 200) would win."""
    return el("w:ind", {"w:left": left, "w:right": right, "w:hanging": hanging, "w:firstLine": first,
                        "w:firstLineChars": 0, "w:hangingChars": 0 if hanging is not None else None})


class _Writer:
    """Turns one part's blocks (between docbreaks) into paragraphs."""

    def __init__(self, profile: Profile, out: _Body):
        self.p = profile
        self.out = out
        a = profile["attachment"]
        self.att_re = re.compile(a["pattern"])
        self.item_re = re.compile(a["item_pattern"])
        self.label_re = re.compile(a["label_pattern"])

    def blank(self, n: int) -> None:
        self.out.extend(_blank(self.p) for _ in range(n))

    def write(self, blocks: list[Block]) -> None:
        i = 0
        n = len(blocks)
        while i < n:
            b = blocks[i]
            if b.kind in HEAD_KINDS:
                j = i
                while j < n and blocks[j].kind in HEAD_KINDS:
                    self.head(blocks[j])
                    j += 1
                if j < n and blocks[j].kind not in CLOSING_KINDS:
                    self.blank(self.p["title"]["blank_lines_after"])
                i = j
            elif b.kind in CLOSING_KINDS:
                j = i
                while j < n and blocks[j].kind in CLOSING_KINDS:
                    j += 1
                self.closing(blocks[i:j], first_in_part=i == 0)
                i = j
            elif b.style == "tr":
                j = i
                while j < n and blocks[j].style == "tr":
                    j += 1
                rows = [blk.text.split("\t") for blk in blocks[i:j]]
                if max(len(r) for r in rows) <= WORD_MAX_COLUMNS:
                    self.out.append(_table(self.p, rows))
                else:  # (a row of 50,000 cells: a table Word cannot show, and 3 KB of XML tree a cell)
                    self.out.extend(_para(self.p, "body", text_runs(blk.text, self.p), ind=_ind(first=0, left=0))
                                    for blk in blocks[i:j])
                i = j
            elif b.part == "attendance":  # a 纪要's 出席/请假/列席 lists (10.3): one blank line after the body
                j = i
                while j < n and blocks[j].part == "attendance":
                    j += 1
                if i:
                    self.blank(self.p["attendance"]["blank_lines_before"])
                self.out.extend(attendance_paragraph(self.p, blk) for blk in blocks[i:j])
                i = j
            elif b.kind == "paragraph" and self.att_re.match(b.text):
                j = i + 1
                while j < n and blocks[j].kind == "paragraph" and self.item_re.match(blocks[j].text):
                    j += 1
                self.attachments(blocks[i:j], first_in_part=i == 0)
                i = j
            else:
                self.block(b)
                i += 1

    def head(self, b: Block) -> None:
        if b.kind == "title":
            self.out.append(_title(self.p, b.text))
        else:
            self.out.append(_para(self.p, b.kind, _runs(self.p, b.kind, b.text + (b.body or ""))))

    def block(self, b: Block) -> None:
        if b.kind == "heading":
            self.out.append(_heading(self.p, b))
        elif b.kind == "gap":
            g = _gap(self.p, b)
            if g is not None:
                self.out.append(g)
        elif b.kind == "salutation":
            self.out.append(_para(self.p, "salutation", _runs(self.p, "salutation", b.text)))
        elif b.kind == "paragraph" and self.label_re.match(b.text):
            self.out.append(_para(self.p, "attachment_label", _runs(self.p, "attachment_label", b.text)))
        else:  # paragraph, and any kind a later model adds: body text, never lost
            self.out.append(_para(self.p, "body", _runs(self.p, "body", b.text + (b.body or ""))))

    def attachments(self, blocks: list[Block], first_in_part: bool) -> None:
        if not first_in_part:
            self.blank(self.p["attachment"]["blank_lines_before"])
        m = self.att_re.match(blocks[0].text)
        assert m
        label = blocks[0].text[:m.end()]
        rest = blocks[0].text[m.end():]
        num = self.item_re.match(rest)
        first_num = num.group() if num else ""
        h = attachment_indent(self.p, label, first_num, first=True)
        self.out.append(_para(self.p, "attachment", _runs(self.p, "attachment", blocks[0].text),
                              ind=_ind(left=h.left, hanging=h.hanging)))
        for b in blocks[1:]:
            num = self.item_re.match(b.text)
            h = attachment_indent(self.p, label, num.group() if num else "", first=False)
            self.out.append(_para(self.p, "attachment", _runs(self.p, "attachment", b.text),
                                  ind=_ind(left=h.left, hanging=h.hanging)))

    def closing(self, blocks: list[Block], first_in_part: bool) -> None:
        c = self.p["closing"]
        if not first_in_part:
            self.blank(c["blank_lines_before_sealed" if c["sealed"] else "blank_lines_before"])
        fix = arabic_date if c["date_arabic"] else (lambda s: s)
        sigs = [b.text for b in blocks if b.kind == "signature"]
        dates = [fix(b.text) for b in blocks if b.kind == "date"]
        lay = closing_layout(self.p, sigs, dates[0] if dates else None)
        si = 0
        for b in blocks:
            if b.kind == "signature":
                right = lay.signature_right[si]
                si += 1
                self.out.append(_para(self.p, "signature", _runs(self.p, "signature", b.text), ind=_ind(right=right, first=0)))
            else:
                right = lay.date_right if lay.date_right is not None else 0
                self.out.append(_para(self.p, "date", _runs(self.p, "date", fix(b.text)), ind=_ind(right=right, first=0)))


def _is_letter(profile: Profile, info: dict) -> bool:
    return settings(profile)["format"] == "letter" and has_banner(info)


class _Body:
    """The body of word/document.xml, written to `out` as it is made: each element is measured into the flow and
    serialised when the next one comes, and only the last stays an element (a section break may still ride on
    it). A 10 MB draft's tree (600,000 elements, ~200 bytes each) is never whole in memory."""

    def __init__(self, profile: Profile, out: BinaryIO, start: Flow):
        self.out = out
        self.flowing = Flowing(profile, start)
        self.last: etree._Element | None = None
        self.count = 0
        self._measured = False
        probe = etree.SubElement(el("w:document"), qn("w:p"))
        self._decl = etree.tostring(probe, encoding="UTF-8")[len(b"<w:p"):-len(b"/>")]

    def append(self, e: etree._Element) -> None:
        self._flush()
        self.last, self._measured = e, False
        self.count += 1

    def extend(self, elements: Iterable[etree._Element]) -> None:
        for e in elements:
            self.append(e)

    def flow(self) -> Flow:
        """The flow after every element so far."""
        if self.last is not None and not self._measured:
            self.flowing.add(self.last)
            self._measured = True
        return self.flowing.flow

    def _flush(self) -> None:
        if self.last is None:
            return
        self.flow()
        # under a root that declares w: and r:, as in the whole tree; the element's copy repeats the declarations,
        # which the real root makes once. (A new root each time: taking a big element out of one is slow in lxml.)
        el("w:document").append(self.last)
        self.out.write(etree.tostring(self.last, encoding="UTF-8").replace(self._decl, b"", 1))
        self.last = None

    def close(self, tail: etree._Element) -> None:
        """Write the last element and the body's own `tail` (its final w:sectPr)."""
        self._flush()
        self.append(tail)
        self._measured = True
        self._flush()


_HEAD, _TAIL = xml_bytes(el("w:document", children=[el("w:body", text="@")])).split(b"@")


def write_document(doc: Document, profile: Profile, out: BinaryIO) -> bool:
    """word/document.xml: one section per part between docbreaks; the 版头 opens the first, the 版记 ends the last
    (GB/T 9704 7.2, 7.4: only for a document that has them; the parts' own blocks are not repeated in the body).
    True when the unnumbered footer (footer4.xml) is used: the 版记 follows a blank page."""
    info = official_info(doc, profile)
    letter = _is_letter(profile, info)
    groups = block_groups(doc.blocks) or [[]]
    restart = bool(profile["page_number"]["restart_after_docbreak"])
    out.write(_HEAD)
    body = _Body(profile, out, Flow(1, letter_push(profile, info)))
    for k, blocks in enumerate(groups):
        if k == 0:
            blocks = body_blocks(blocks, doc.info.addressee)
            body.extend(banner(profile, info) + letter_head_lines(profile, info))
        before = body.count
        _Writer(profile, body).write([b for b in blocks if b.part not in MOVED])
        if body.count == before:
            body.append(_blank(profile))
        if k < len(groups) - 1:  # the section break rides on the part's last paragraph
            body.last[0].append(sect_pr(profile, restart_numbering=restart and k > 0,  # [0] is the w:pPr
                                        letter_first_page=letter and k == 0))
    end = banji(profile, info, body.flow())
    last = sect_pr(profile, restart_numbering=restart and len(groups) > 1, letter_first_page=letter and len(groups) == 1)
    if end.blank_page:  # 7.5: the text's section ends here; the blank page and the 版记 page are unnumbered
        _end_section(profile, body, last)
        last = sect_pr(profile, page_numbers=False, letter_later=letter)
    body.extend(end.elements)
    body.close(last)
    out.write(_TAIL)
    return end.blank_page


def _end_section(profile: Profile, body: _Body, sect: etree._Element) -> None:
    """Put the section break `sect` on the body's last paragraph (a table cannot carry one: then on a paragraph
    of its own, as low as the 版记's end line, so it cannot push the text onto another page)."""
    last = body.last
    if last is None or last.tag != qn("w:p") or last.find("w:pPr", NS_W) is None:
        last = opara(profile, [], line=END_LINE)
        body.append(last)
    last.find("w:pPr", NS_W).append(sect)


_parts_lock = threading.Lock()
_parts: dict[int, tuple[Profile, dict[str, bytes]]] = {}  # id(profile) -> (profile kept alive, its parts)


def _profile_parts(profile: Profile) -> dict[str, bytes]:
    """styles, settings, font table and footers depend on the profile alone: built and serialised once per
    profile object (a few ms of every export otherwise)."""
    with _parts_lock:
        hit = _parts.get(id(profile))
        if hit is not None and hit[0] is profile:
            return hit[1]
    parts = {
        "styles.xml": xml_bytes(styles_xml(profile)),
        "settings.xml": xml_bytes(settings_xml(profile)),
        "fontTable.xml": xml_bytes(font_table_xml(profile)),
        "footer1.xml": xml_bytes(footer_xml(profile, odd=True)),
        "footer2.xml": xml_bytes(footer_xml(profile, odd=False)),
    }
    with _parts_lock:
        if len(_parts) >= 8:  # profiles made per export (with_options) must not pile up
            _parts.pop(next(iter(_parts)))
        _parts[id(profile)] = (profile, parts)
    return parts


def docx_bytes(doc: Document, profile: Profile | None = None) -> bytes:
    """The DOCX file for `doc` (A4, GB/T 9704-2012 layout) as bytes."""
    profile = profile or load_profile()
    title = next((b.text for b in doc.blocks if b.kind == "title"), "")
    extra = {}
    info = official_info(doc, profile)
    if _is_letter(profile, info):
        header = letter_header(profile, info)
        extra = {"header1.xml": header if header is not None else el("w:hdr", children=[_blank(profile)]),
                 "footer3.xml": letter_footer(profile), "header2.xml": letter_later_header(profile)}
    document = io.BytesIO()
    if write_document(doc, profile, document):
        extra["footer4.xml"] = blank_footer_xml(profile)
    return build_package(document.getbuffer(), _profile_parts(profile), title, extra)
