"""styles.xml and fontTable.xml from the profile: named styles a clerk can restyle, fonts set at every level.

Fonts are set in the document defaults and in every style (not only on runs) so a paragraph typed later by the
clerk, or a run whose formatting is cleared, still resolves to the official fonts. Word derives the document
grid's character pitch from the document-default font size, so that is the body size too.
"""
from __future__ import annotations

from lxml import etree

from .ooxml import el, ordered, rfonts, size, val
from .profile import TWIPS_PER_PT, Profile

# Paragraph-style keys in the order they appear in styles.xml (each may be based on "body").
PARA_STYLES = ("body", "title", "subtitle", "byline", "salutation", "heading1", "heading2", "heading3", "heading4",
               "gap", "attachment", "attachment_label", "signature", "date", "footer")
JC = {"left": "left", "center": "center", "right": "right", "both": "both", "justify": "both"}
CUSTOM = {"byline", "gap", "attachment", "attachment_label"}  # not Word built-in styles


def style_id(profile: Profile, key: str) -> str:
    return profile["styles"][key]["id"] if key in profile["styles"] else profile["char_styles"][key]["id"]


def run_fonts(profile: Profile, spec: dict, hint: str | None = "eastAsia") -> etree._Element:
    latin_role = spec.get("latin")
    latin = profile.font(latin_role) if latin_role else profile.font("latin")
    return rfonts(latin, profile.font(spec["font"]), hint)


def _spacing_twips(profile: Profile, spec: dict) -> int:
    pt = spec.get("char_spacing_pt")
    return profile.char_spacing_twips if pt is None else round(pt * TWIPS_PER_PT)


def _style_rpr(profile: Profile, spec: dict) -> etree._Element:
    bold = 1 if spec.get("bold") else 0  # explicit: the title is not bold even if a clerk's template says so
    kids = [run_fonts(profile, spec), val("w:b", bold), val("w:bCs", bold), val("w:spacing", _spacing_twips(profile, spec))]
    kids += size(spec.get("size_pt", profile.body_size_pt))
    kids.append(el("w:lang", {"w:val": "en-US", "w:eastAsia": "zh-CN", "w:bidi": "ar-SA"}))
    return ordered("rPr", kids)


def _style_ppr(profile: Profile, key: str, spec: dict) -> etree._Element:
    first = spec.get("first_line_chars", 0) or 0
    exact_pt = spec.get("exact_line_pt")
    line = round(exact_pt * TWIPS_PER_PT) if exact_pt else profile.line_pitch
    kids = [
        val("w:widowControl", 1 if profile["widow_control"] else 0),
        val("w:adjustRightInd", 0),
        val("w:snapToGrid", 0),  # exact spacing below carries the grid; LibreOffice draws snapped lines taller
        el("w:spacing", {"w:before": 0, "w:after": 0, "w:line": line, "w:lineRule": "exact"}),
        el("w:ind", {"w:firstLine": profile.chars(first) if first else 0,
                     "w:firstLineChars": round(first * 100) if first else 0}),
        val("w:jc", JC[spec.get("align", "both")]),
    ]
    level = spec.get("outline")
    if level:
        kids.append(val("w:outlineLvl", int(level) - 1))
    if key.startswith("heading") and profile["keep_heading_with_next"]:
        kids.append(val("w:keepNext"))
    return ordered("pPr", kids)


def _doc_defaults(profile: Profile) -> etree._Element:
    body = profile.style("body")
    rpr = ordered("rPr", [run_fonts(profile, body), *size(profile.body_size_pt),
                          el("w:lang", {"w:val": "en-US", "w:eastAsia": "zh-CN", "w:bidi": "ar-SA"})])
    ppr = ordered("pPr", [el("w:spacing", {"w:before": 0, "w:after": 0, "w:line": profile.line_pitch,
                                           "w:lineRule": "exact"})])
    return el("w:docDefaults", children=[el("w:rPrDefault", children=[rpr]), el("w:pPrDefault", children=[ppr])])


def _para_style(profile: Profile, key: str) -> etree._Element:
    spec = profile.style(key)
    attrs = {"w:type": "paragraph", "w:styleId": spec["id"]}
    if key == "body":
        attrs["w:default"] = 1
    if key in CUSTOM:
        attrs["w:customStyle"] = 1
    kids = [val("w:name", spec["name"])]
    if key != "body":
        kids.append(val("w:basedOn", profile["styles"]["body"]["id"]))
        kids.append(val("w:next", profile["styles"]["body"]["id"]))
    kids.append(val("w:uiPriority", 9 if key.startswith("heading") else 1))
    kids.append(el("w:qFormat"))
    kids.append(_style_ppr(profile, key, spec))
    kids.append(_style_rpr(profile, spec))
    return el("w:style", attrs, kids)


def _char_style(profile: Profile, key: str) -> etree._Element:
    spec = dict(profile.style("body"))
    spec.update(profile["char_styles"][key])
    return el("w:style", {"w:type": "character", "w:customStyle": 1, "w:styleId": spec["id"]}, [
        val("w:name", spec["name"]), val("w:uiPriority", 1), el("w:qFormat"),
        _style_rpr(profile, spec),
    ])


def styles_xml(profile: Profile) -> etree._Element:
    root = el("w:styles", children=[_doc_defaults(profile)])
    for key in PARA_STYLES:
        root.append(_para_style(profile, key))
    root.append(el("w:style", {"w:type": "character", "w:default": 1, "w:styleId": "DefaultParagraphFont"},
                   [val("w:name", "Default Paragraph Font"), val("w:uiPriority", 1), el("w:semiHidden"),
                    el("w:unhideWhenUsed")]))
    for key in profile["char_styles"]:
        root.append(_char_style(profile, key))
    return root


def official_fonts(profile: Profile) -> list[str]:
    """Every font name the DOCX names, official Chinese fonts first."""
    fonts = profile["fonts"]
    names: list[str] = []
    for role in ("body", "title", "heading1", "kai", "page_number", "latin"):
        if fonts[role] not in names:
            names.append(fonts[role])
    return names


def font_table_xml(profile: Profile) -> etree._Element:
    """The font table names each official font with its fallback as w:altName (Word and WPS use it to substitute)."""
    fonts = profile["fonts"]
    root = el("w:fonts")
    for name in official_fonts(profile):
        alts = fonts["fallbacks"].get(name, [])
        latin = name == fonts["latin"]
        root.append(el("w:font", {"w:name": name}, [
            val("w:altName", alts[0]) if alts else None,
            val("w:charset", "00" if latin else f"{fonts['charset']:02X}"),
            val("w:family", "roman" if latin else "modern"),
            val("w:pitch", "variable" if latin else "fixed"),
        ]))
    return root
