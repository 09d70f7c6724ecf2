"""Small WordprocessingML builder: elements in the order the schema demands (Word rejects files that break it)."""
from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "xml": "http://www.w3.org/XML/1998/namespace",
}
W = NS["w"]


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\r\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """Text without the characters XML 1.0 cannot hold (control characters, lone surrogates)."""
    return _NOT_XML.sub("", text)


_QN: dict[str, str] = {}
_ROOTS = ("w:document", "w:styles", "w:settings", "w:ftr", "w:hdr", "w:fonts")  # parts' root elements declare w: and r:
_ROOT_NSMAP = {"w": W, "r": NS["r"]}


def qn(name: str) -> str:
    """'w:val' -> '{namespace}val'."""
    q = _QN.get(name)  # a 20,000-character draft asks for names ~50,000 times: remember them
    if q is None:
        prefix, _, local = name.partition(":")
        q = _QN[name] = f"{{{NS[prefix]}}}{local}"
    return q


def el(tag: str, attrs: dict[str, object] | None = None, children: Iterable[etree._Element] = (),
       text: str | None = None) -> etree._Element:
    e = etree.Element(qn(tag), nsmap=_ROOT_NSMAP) if tag in _ROOTS else etree.Element(qn(tag))
    if attrs:
        for k, v in attrs.items():
            if v is not None:
                e.set(qn(k), str(v))
    for c in children:
        if c is not None:
            e.append(c)
    if text is not None:
        e.text = text
    return e


def val(tag: str, v: object = None) -> etree._Element:
    return el(tag, {"w:val": v} if v is not None else None)


# Sequences from the ECMA-376 schema (CT_PPrBase, CT_RPr, CT_SectPr): children must appear in this order.
_ORDER = {
    "pPr": ["pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
            "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
            "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
            "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
            "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
            "sectPr", "pPrChange"],
    "rPr": ["rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
            "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing",
            "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText",
            "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath"],
    "sectPr": ["headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar",
               "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote",
               "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings"],
}


_RANK = {tag: {f"{{{W}}}{local}": i for i, local in enumerate(order)} for tag, order in _ORDER.items()}


def ordered(tag: str, children: Iterable[etree._Element | None]) -> etree._Element:
    """A pPr / rPr / sectPr holding `children` sorted into schema order."""
    rank = _RANK[tag]
    kids = [c for c in children if c is not None]
    if len(kids) > 1:
        kids.sort(key=lambda c: rank[c.tag])
    return el(f"w:{tag}", children=kids)


def rfonts(latin: str | None = None, east_asia: str | None = None, hint: str | None = None) -> etree._Element:
    return el("w:rFonts", {"w:ascii": latin, "w:hAnsi": latin, "w:cs": latin, "w:eastAsia": east_asia,
                           "w:hint": hint})


def size(pt: float) -> list[etree._Element]:
    half = round(pt * 2)
    return [val("w:sz", half), val("w:szCs", half)]


def xml_bytes(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
