"""DOCX export: the saved XML carries the GB/T 9704-2012 layout (page, grid, styles, fonts, outline, footers).

Fonts and sizes are checked by effective style resolution (document defaults -> paragraph style chain ->
character style chain -> run), the way Word resolves them, not by looking at one level only.
"""
from __future__ import annotations

import hashlib
import io
import re
import shutil
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.shared import Inches
from lxml import etree

from core.api import clean_file, render
from core.batch import run_batch
from core.export.closing import arabic_date, closing_layout
from core.export.docx import docx_bytes, split_at_docbreaks
from core.export.measure import width_em
from core.export.profile import load_profile, mm_to_twips, with_options
from core.export.title_lines import break_title
from core.fonts import check_fonts, font_files, names_in_file
from core.model import Block, Document, Removed, Warning
from core.resources import resource
from core.segment import words

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"w": W, "r": R}
TWIPS_PER_MM = 72 / 25.4 * 20

LONG_TITLE = "凝心聚力开新局砥砺奋进谱新篇奋力开启全市教育现代化建设新征程"
PARA = ("全市教育系统坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的教育方针，落实立德树人根本任务，"
        "深化教育领域综合改革，统筹推进疫情防控和教育事业改革发展，各项工作取得了新的明显成效，"
        "为加快建设教育强市奠定了坚实基础。")
PARA2 = ("我们要把思想和行动统一到市委市政府的决策部署上来，进一步增强责任感和紧迫感，以更加饱满的热情、"
         "更加务实的作风、更加有力的举措，推动全市教育事业高质量发展，办好人民满意的教育。")


def speech_doc() -> Document:
    """A realistic speech built block by block (the cleaning stages are tested elsewhere)."""
    blocks = [
        Block("title", LONG_TITLE, lines=[3]),
        Block("subtitle", "——在2021年全市教育系统工作会议上的讲话", lines=[4]),
        Block("byline", "市教育局党委书记、局长 赵青山", lines=[5]),
        Block("byline", "（2021年3月4日）", lines=[6]),
        Block("salutation", "同志们：", lines=[8]),
        Block("paragraph", "今天我们召开一年一度的全市教育系统工作会议，主要任务是全面贯彻落实“十四五”规划精神……"
              "刚才，×××同志通报了2020年工作情况，XX个单位作了典型发言。", lines=[9]),
        Block("heading", "一、回顾过去，系统上下用心用情用功夫", level=1, lines=[10]),
        *[Block("paragraph", PARA if i % 2 == 0 else PARA2, lines=[11 + i]) for i in range(8)],
        Block("heading", "二、坚持问题导向。", level=1, body="我们必须清醒看到，当前教育发展还面临不少困难和问题。" + PARA2,
              lines=[20]),
        Block("heading", "（一）校园疫情防控取得重要阶段性胜利。", level=2, body=PARA, lines=[21]),
        Block("heading", "1.加强思想政治引领", level=3, lines=[22]),
        Block("paragraph", "请各单位于XX月XX日前将材料报送至____，联系人：________。", lines=[23]),
        Block("heading", "（1）压紧防疫工作责任。", level=4, body=PARA2, lines=[24]),
        Block("gap", "", omitted_chars=1358, lines=[25]),
        Block("paragraph", PARA, lines=[26]),
        Block("paragraph", "附件：1.2021年全市教育系统安全稳定工作责任分解表和校园疫情防控工作任务清单", lines=[27]),
        Block("paragraph", "2.全市教育系统工作联系人名单", lines=[28]),
        Block("signature", "某市教育局", lines=[30]),
        Block("date", "2021年03月04日", lines=[31]),
        Block("docbreak", "", lines=[32]),
        Block("title", "2021年某市教育系统工作要点", lines=[33]),
        Block("paragraph", PARA2, lines=[34]),
    ]
    return Document(source="讲话.txt", blocks=blocks,
                    removed=[Removed("首页 范文大全", 1, "nav"), Removed("相关推荐", 40, "related")],
                    warnings=[Warning("gap", "原文缺失", 25), Warning("placeholder", "占位符", 34)])


# --- reading the saved package back ---------------------------------------------------------------------------

class Saved:
    def __init__(self, data: bytes):
        self.zip = zipfile.ZipFile(io.BytesIO(data))
        self.doc = self.xml("word/document.xml")
        self.styles = self.xml("word/styles.xml")
        self.settings = self.xml("word/settings.xml")
        rels = self.xml("word/_rels/document.xml.rels")
        self.rels = {r.get("Id"): r.get("Target") for r in rels}

    def xml(self, name: str) -> etree._Element:
        return etree.fromstring(self.zip.read(name))

    def paragraphs(self) -> list[etree._Element]:
        return self.doc.findall(".//w:body/w:p", NS)

    def para_with(self, text: str) -> etree._Element:
        for p in self.paragraphs():
            if text in ptext(p):
                return p
        raise AssertionError(f"no paragraph with {text!r}")

    def para_eq(self, text: str) -> etree._Element:
        found = [p for p in self.paragraphs() if ptext(p) == text]
        assert len(found) == 1, text
        return found[0]

    def style(self, sid: str) -> etree._Element:
        st = self.styles.find(f"w:style[@w:styleId='{sid}']", NS)
        assert st is not None, sid
        return st

    def default_style(self, kind: str) -> str:
        st = self.styles.find(f"w:style[@w:type='{kind}'][@w:default='1']", NS)
        return st.get(f"{{{W}}}styleId")

    def chain(self, sid: str | None, kind: str) -> list[etree._Element]:
        """The style and its basedOn ancestors, base first."""
        out = []
        sid = sid or self.default_style(kind)
        while sid:
            st = self.style(sid)
            out.insert(0, st)
            based = st.find("w:basedOn", NS)
            sid = based.get(f"{{{W}}}val") if based is not None else None
        return out

    def effective_rpr(self, p: etree._Element, r: etree._Element) -> dict[str, dict[str, str]]:
        """rPr after resolving docDefaults, the paragraph style chain, the run style chain and the run."""
        layers = [self.styles.find("w:docDefaults/w:rPrDefault/w:rPr", NS)]
        layers += [s.find("w:rPr", NS) for s in self.chain(pval(p, "w:pPr/w:pStyle"), "paragraph")]
        rstyle = pval(r, "w:rPr/w:rStyle")
        if rstyle:
            layers += [s.find("w:rPr", NS) for s in self.chain(rstyle, "character")]
        layers.append(r.find("w:rPr", NS))
        return merge(layers)

    def effective_ppr(self, p: etree._Element) -> dict[str, dict[str, str]]:
        layers = [self.styles.find("w:docDefaults/w:pPrDefault/w:pPr", NS)]
        layers += [s.find("w:pPr", NS) for s in self.chain(pval(p, "w:pPr/w:pStyle"), "paragraph")]
        layers.append(p.find("w:pPr", NS))
        return merge(layers)


def merge(layers) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for layer in layers:
        if layer is None:
            continue
        for child in layer:
            tag = etree.QName(child).localname
            attrs = {etree.QName(k).localname: v for k, v in child.attrib.items()}
            if tag in ("rFonts", "ind", "spacing") and tag in out:  # attribute-wise inheritance
                out[tag] = {**out[tag], **attrs}
            else:
                out[tag] = attrs
    return out


def pval(e: etree._Element, path: str) -> str | None:
    x = e.find(path, NS)
    return None if x is None else x.get(f"{{{W}}}val")


def ptext(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(f"{{{W}}}t"))


def runs(p: etree._Element) -> list[etree._Element]:
    return [r for r in p.findall("w:r", NS) if r.find("w:t", NS) is not None]


def on(attrs: dict[str, str] | None) -> bool:
    return attrs is not None and attrs.get("val", "1") not in ("0", "false", "off")


@pytest.fixture(scope="module")
def profile():
    return load_profile()


@pytest.fixture(scope="module")
def saved():
    return Saved(docx_bytes(speech_doc()))


# --- page, grid, body pitch ------------------------------------------------------------------------------------

def test_page_is_a4_with_gbt_margins_and_a_156_by_225_text_block(saved):
    for sect in saved.doc.iter(f"{{{W}}}sectPr"):
        sz = sect.find("w:pgSz", NS)
        mar = {etree.QName(k).localname: int(v) for k, v in sect.find("w:pgMar", NS).attrib.items()}
        width, height = int(sz.get(f"{{{W}}}w")), int(sz.get(f"{{{W}}}h"))
        assert abs(width / TWIPS_PER_MM - 210) < 0.1 and abs(height / TWIPS_PER_MM - 297) < 0.1
        assert sz.get(f"{{{W}}}orient") in (None, "portrait")
        for side, mm in (("top", 37), ("bottom", 35), ("left", 28), ("right", 26)):
            assert abs(mar[side] / TWIPS_PER_MM - mm) < 0.05, side
        assert abs((width - mar["left"] - mar["right"]) / TWIPS_PER_MM - 156) < 0.1
        assert abs((height - mar["top"] - mar["bottom"]) / TWIPS_PER_MM - 225) < 0.1


def test_document_grid_gives_word_22_lines_of_28_characters(saved):
    sect = saved.doc.find(".//w:body/w:sectPr", NS)
    grid = sect.find("w:docGrid", NS)
    assert grid.get(f"{{{W}}}type") == "linesAndChars"
    assert grid.get(f"{{{W}}}linePitch") == "579"
    mar = sect.find("w:pgMar", NS)
    text_w = (int(sect.find("w:pgSz", NS).get(f"{{{W}}}w")) - int(mar.get(f"{{{W}}}left"))
              - int(mar.get(f"{{{W}}}right"))) / 20
    text_h = (int(sect.find("w:pgSz", NS).get(f"{{{W}}}h")) - int(mar.get(f"{{{W}}}top"))
              - int(mar.get(f"{{{W}}}bottom"))) / 20
    # Word: character pitch = document-default font size + charSpace/4096 pt
    default_sz = int(saved.styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:sz", NS).get(f"{{{W}}}val")) / 2
    assert default_sz == 16
    pitch = default_sz + int(grid.get(f"{{{W}}}charSpace")) / 4096
    assert int(text_w // pitch) == 28
    assert int(text_h // (579 / 20)) == 22


def test_body_lines_are_exactly_28_95_pt_and_condensed_to_28_per_line(saved):
    p = saved.para_with("全市教育系统坚持")
    ppr = saved.effective_ppr(p)
    assert ppr["spacing"]["line"] == "579" and ppr["spacing"]["lineRule"] == "exact"
    assert ppr["spacing"].get("before", "0") == "0" and ppr["spacing"].get("after", "0") == "0"
    assert ppr["jc"]["val"] == "both"
    assert not on(ppr.get("widowControl", {"val": "1"}))
    assert ppr["ind"]["firstLineChars"] == "200" and ppr["ind"]["firstLine"] == "640"
    rpr = saved.effective_rpr(p, runs(p)[0])
    size = int(rpr["sz"]["val"]) / 2
    advance = size + int(rpr["spacing"]["val"]) / 20
    assert size == 16
    text_w = 156 * 72 / 25.4
    # 28 fit with room for LibreOffice's grid narrowing (about 1.7 pt), 29 never do
    assert 28 * advance <= text_w - 1.7 and 29 * advance > text_w


# --- fonts and sizes by effective style resolution --------------------------------------------------------------

@pytest.mark.parametrize("text,east_asia,size", [
    ("凝心聚力", "方正小标宋简体", 22),
    ("在2021年全市教育系统工作会议", "楷体_GB2312", 16),
    ("赵青山", "楷体_GB2312", 16),
    ("同志们", "仿宋_GB2312", 16),
    ("一、回顾过去", "黑体", 16),
    ("（一）校园疫情", "楷体_GB2312", 16),
    ("1.加强思想政治引领", "仿宋_GB2312", 16),
    ("（1）压紧防疫", "仿宋_GB2312", 16),
    ("全市教育系统坚持", "仿宋_GB2312", 16),
    ("某市教育局", "仿宋_GB2312", 16),
])
def test_each_kind_resolves_to_its_official_font_and_size(saved, text, east_asia, size):
    p = saved.para_with(text)
    for r in runs(p):
        t = ptext(r)
        if not any("\u4e00" <= c <= "\u9fff" for c in t):
            continue
        rpr = saved.effective_rpr(p, r)
        assert rpr["rFonts"]["eastAsia"] == east_asia, t
        assert int(rpr["sz"]["val"]) == size * 2, t
        assert not on(rpr.get("b")), t  # nothing is bold, the title included
        if "cjk" not in t:
            assert rpr["rFonts"]["ascii"] in ("Times New Roman", east_asia)
        break
    else:
        raise AssertionError(text)


def test_digits_and_latin_are_times_new_roman_everywhere_in_body_text(saved):
    for p in saved.paragraphs():
        style = pval(p, "w:pPr/w:pStyle")
        for r in runs(p):
            t = ptext(r)
            if re.search(r"[0-9A-Za-z]", t):
                fonts = saved.effective_rpr(p, r)["rFonts"]
                assert fonts["ascii"] == "Times New Roman" == fonts["hAnsi"], (style, t)


def test_fonts_are_named_in_defaults_and_styles_never_by_theme(saved):
    dflt = saved.styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts", NS)
    assert dflt.get(f"{{{W}}}ascii") == "Times New Roman"
    assert dflt.get(f"{{{W}}}eastAsia") == "仿宋_GB2312"
    for st in saved.styles.findall("w:style[@w:type='paragraph']", NS):
        f = st.find("w:rPr/w:rFonts", NS)
        assert f is not None and f.get(f"{{{W}}}eastAsia"), st.get(f"{{{W}}}styleId")
    for f in saved.styles.iter(f"{{{W}}}rFonts"):
        assert not any("Theme" in k for k in f.attrib), "theme fonts override named ones in Word"


def test_run_in_heading_keeps_heading_font_off_the_body(saved):
    p = saved.para_with("二、坚持问题导向。")
    rs = runs(p)
    head = [r for r in rs if "坚持问题导向" in ptext(r)]
    body = [r for r in rs if "清醒看到" in ptext(r) or "高质量发展" in ptext(r)]
    assert head and body
    assert saved.effective_rpr(p, head[0])["rFonts"]["eastAsia"] == "黑体"
    for r in body:
        assert saved.effective_rpr(p, r)["rFonts"]["eastAsia"] == "仿宋_GB2312"
    assert ptext(p) == "二、坚持问题导向。我们必须清醒看到，当前教育发展还面临不少困难和问题。" + PARA2


def test_headings_are_named_styles_with_outline_levels(saved):
    for level, text in ((1, "一、回顾过去"), (2, "（一）校园疫情"), (3, "1.加强思想"), (4, "（1）压紧")):
        p = saved.para_with(text)
        sid = pval(p, "w:pPr/w:pStyle")
        assert pval(saved.style(sid), "w:name") == f"heading {level}"  # Word's built-in name: 标题 1 … 标题 4
        assert saved.effective_ppr(p)["outlineLvl"]["val"] == str(level - 1)
    assert "outlineLvl" not in saved.effective_ppr(saved.para_with("全市教育系统坚持"))
    assert "outlineLvl" not in saved.effective_ppr(saved.para_with("凝心聚力"))


def test_curly_quotes_dashes_and_ellipses_get_the_east_asian_hint(saved):
    seen = 0
    for p in saved.paragraphs():
        for r in runs(p):
            if any(c in ptext(r) for c in "“”‘’—…"):
                seen += 1
                assert saved.effective_rpr(p, r)["rFonts"].get("hint") == "eastAsia", ptext(r)
    assert seen >= 2
    # a dash that opens a paragraph is named in the Chinese font for every script (LibreOffice ignores the hint)
    sub = saved.para_with("——在2021年")
    lead = runs(sub)[0]
    assert ptext(lead) == "——"
    fonts = saved.effective_rpr(sub, lead)["rFonts"]
    assert fonts["ascii"] == fonts["eastAsia"] == "楷体_GB2312"


# --- title, closing, attachments --------------------------------------------------------------------------------

def test_long_title_breaks_into_a_trapezoid_between_words(saved, profile):
    p = saved.para_with("凝心聚力")
    assert pval(p, "w:pPr/w:pStyle") == "Title"
    assert saved.effective_ppr(p)["jc"]["val"] == "center"
    assert saved.effective_ppr(p)["ind"].get("firstLine", "0") == "0"
    lines, cur = [], ""
    for child in p.findall("w:r", NS):
        if child.find("w:br", NS) is not None:
            lines.append(cur)
            cur = ""
        cur += ptext(child)
    lines.append(cur)
    assert len(lines) == 2 and "".join(lines) == LONG_TITLE
    assert width_em(lines[0]) < width_em(lines[1]) <= 20  # 正梯形 by default, each line fits 22 pt x 20
    boundaries = set()
    pos = 0
    for w in words(LONG_TITLE):
        pos += len(w)
        boundaries.add(pos)
    assert len(lines[0]) in boundaries


@pytest.mark.parametrize("title", [
    "关于做好2021年全市教育系统安全稳定工作和校园疫情防控工作的通知",
    "中共某市委办公室某市人民政府办公室关于印发《某市深化新时代教育评价改革实施方案》的通知",
    "关于进一步加强和改进新时代全市中小学校党的建设工作推动教育事业高质量发展的实施意见",
    "在2021年全市教育系统工作会议上的讲话",
])
def test_title_lines_fit_keep_words_whole_and_form_a_trapezoid_or_diamond(title):
    lines = break_title(title, 20, "upper_shorter", "either")
    assert "".join(lines) == title
    assert all(width_em(x) <= 20 for x in lines)
    cuts = set()
    pos = 0
    for w in words(title):
        pos += len(w)
        cuts.add(pos)
    pos = 0
    for x in lines[:-1]:
        pos += len(x)
        assert pos in cuts, (x, lines)
        assert x[-1] not in "《“（" and lines[lines.index(x) + 1][0] not in "，。、》”）"
    lens = [width_em(x) for x in lines]
    if len(lines) == 2:
        assert lens[0] < lens[1]
    elif len(lines) >= 3:
        peak = lens.index(max(lens))
        rising = all(a < b for a, b in zip(lens, lens[1:]))
        falling = all(a > b for a, b in zip(lens, lens[1:]))
        diamond = 0 < peak < len(lens) - 1 and all(a < b for a, b in zip(lens[:peak], lens[1:peak + 1])) and \
            all(a > b for a, b in zip(lens[peak:], lens[peak + 1:]))
        assert rising or falling or diamond, lines  # three_lines: either


def test_title_shape_follows_the_profile():
    title = "关于做好2021年全市教育系统安全稳定工作和校园疫情防控工作的通知"
    up = break_title(title, 20, "upper_longer", "either")
    assert len(up) == 2 and width_em(up[0]) > width_em(up[1])
    assert break_title("2021年某市教育系统工作要点", 20) == ["2021年某市教育系统工作要点"]


@pytest.mark.parametrize("raw,clean", [
    ("2021年03月04日", "2021年3月4日"), ("二〇二一年三月四日", "2021年3月4日"), ("２０２１年１２月３１日", "2021年12月31日"),
    ("二〇二〇年十二月二十一日", "2020年12月21日"), ("X年XX月XX日", "X年XX月XX日"), ("2021年13月4日", "2021年13月4日"),
])
def test_dates_are_written_in_arabic_numerals_without_padding(raw, clean):
    assert arabic_date(raw) == clean


def test_signature_and_date_unsealed_layout(saved, profile):
    sig, date = saved.para_eq("某市教育局"), saved.para_eq("2021年3月4日")
    assert ptext(date) == "2021年3月4日"
    body = saved.paragraphs()
    i = body.index(sig)
    assert ptext(body[i - 1]) == "" and ptext(body[i - 2]) != ""  # one blank line after the body (附件说明)
    assert body[i + 1] is date
    for p in (sig, date):
        ppr = saved.effective_ppr(p)
        assert ppr["jc"]["val"] == "right" and ppr["ind"].get("firstLine", "0") == "0"
    lay = closing_layout(profile, ["某市教育局"], "2021年3月4日")
    adv = profile.char_advance_pt * 20
    assert int(saved.effective_ppr(sig)["ind"]["right"]) == lay.signature_right[0] >= round(2 * adv)
    assert int(saved.effective_ppr(date)["ind"]["right"]) == lay.date_right
    # the longer date keeps the two-character margin and the signature moves left
    assert lay.date_right == round(2 * adv) or lay.signature_right[0] == round(2 * adv)


def test_sealed_layout_puts_the_date_four_characters_in_and_centres_the_signature(profile):
    p = with_options(profile, closing={"sealed": True})
    lay = closing_layout(p, ["某市教育局"], "2021年3月4日")
    adv = p.char_advance_pt * 20
    assert lay.date_right == round(4 * adv)
    from core.export.closing import body_width_twips
    sig_w, date_w = body_width_twips(p, "某市教育局"), body_width_twips(p, "2021年3月4日")
    # centres line up: right + width/2 equal within a twip or two
    assert abs((lay.signature_right[0] + sig_w / 2) - (lay.date_right + date_w / 2)) <= 2
    s = Saved(docx_bytes(speech_doc(), p))
    body = s.paragraphs()
    i = body.index(s.para_with("某市教育局"))
    assert [ptext(x) for x in body[i - 2:i]] == ["", ""]  # room for the seal


def test_render_passes_the_style_profile_through_sealed_by_option_or_by_a_users_json(profile, tmp_path):
    """What the app and the CLI call: render(doc, "docx", profile=...) with a Profile, a name or a JSON path."""
    import json

    from core.errors import QingGaoError

    four_in = str(round(4 * profile.char_advance_pt * 20))

    def date_right(data: bytes) -> str:
        return Saved(data).effective_ppr(Saved(data).para_eq("2021年3月4日"))["ind"]["right"]

    assert date_right(render(speech_doc(), "docx")) != four_in  # unsealed by default
    assert date_right(render(speech_doc(), "docx", profile="gbt9704")) != four_in
    assert date_right(render(speech_doc(), "docx", profile=with_options(profile, closing={"sealed": True}))) == four_in
    raw = json.loads(resource("profiles", "gbt9704.json").read_text(encoding="utf-8"))
    raw["closing"]["sealed"] = True
    mine = tmp_path / "盖章版.json"
    mine.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    for given in (mine, str(mine)):
        assert date_right(render(speech_doc(), "docx", profile=given)) == four_in
    only = tmp_path / "只改盖章.json"  # a clerk's profile that names only what it changes; the rest is GB/T 9704
    only.write_text('{"closing": {"sealed": true}}', encoding="utf-8")
    assert date_right(render(speech_doc(), "docx", profile=only)) == four_in
    bad = tmp_path / "坏样式.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(QingGaoError) as info:
        render(speech_doc(), "docx", profile=bad)
    assert str(bad) in info.value.message() and "样式" in info.value.zh and "style profile" in info.value.en


def test_short_date_starts_two_characters_right_of_a_long_signature(profile):
    lay = closing_layout(profile, ["某某市教育体育局办公室"], "2021年3月4日")
    from core.export.closing import body_width_twips
    adv = profile.char_advance_pt * 20
    sig_start = -lay.signature_right[0] - body_width_twips(profile, "某某市教育体育局办公室")
    date_start = -lay.date_right - body_width_twips(profile, "2021年3月4日")
    assert abs(date_start - sig_start - 2 * adv) <= 2
    assert lay.signature_right[0] == round(2 * adv)


def test_attachment_lines_hang_so_names_align(saved, profile):
    first, second = saved.para_with("附件：1."), saved.para_with("2.全市教育系统")
    body = saved.paragraphs()
    assert ptext(body[body.index(first) - 1]) == ""  # 正文下空一行
    f, s = saved.effective_ppr(first)["ind"], saved.effective_ppr(second)["ind"]
    assert f["left"] == s["left"]
    adv = profile.char_advance_pt * 20
    assert abs(int(f["left"]) - int(f["hanging"]) - 2 * adv) <= 1  # "附件" starts two characters in
    assert int(s["hanging"]) < int(f["hanging"])  # "2." hangs under "1.", the name under the name


# --- footers and page numbers ----------------------------------------------------------------------------------

def test_page_numbers_odd_right_even_left_with_page_field(saved, profile):
    assert saved.settings.find("w:evenAndOddHeaders", NS) is not None
    sect = saved.doc.find(".//w:body/w:sectPr", NS)
    refs = {f.get(f"{{{W}}}type"): saved.rels[f.get(f"{{{R}}}id")] for f in sect.findall("w:footerReference", NS)}
    assert set(refs) == {"default", "even"}
    for kind, target in refs.items():
        ftr = saved.xml(f"word/{target}")
        p = ftr.find("w:p", NS)
        instr = "".join(t.text for t in ftr.iter(f"{{{W}}}instrText"))
        assert instr.strip() == "PAGE"
        types = [f.get(f"{{{W}}}fldCharType") for f in ftr.iter(f"{{{W}}}fldChar")]
        assert types == ["begin", "separate", "end"]
        assert ptext(p) == "— 1 —"
        ppr = saved.effective_ppr(p)
        one_char = 14 * 20
        if kind == "default":  # odd pages
            assert ppr["jc"]["val"] == "right" and int(ppr["ind"]["right"]) == one_char
        else:
            assert ppr["jc"]["val"] == "left" and int(ppr["ind"]["left"]) == one_char
        rpr = saved.effective_rpr(p, runs(p)[0])
        assert rpr["sz"]["val"] == "28"
        assert rpr["rFonts"]["ascii"] == rpr["rFonts"]["eastAsia"] == "宋体"
    # footer distance puts the number line about 7 mm under the text block
    mar = sect.find("w:pgMar", NS)
    gap_mm = (int(mar.get(f"{{{W}}}bottom")) - int(mar.get(f"{{{W}}}footer"))) / TWIPS_PER_MM
    assert 7 <= gap_mm <= 7 + 14 / 72 * 25.4


# --- gaps, placeholders, docbreaks -----------------------------------------------------------------------------

def highlighted(p: etree._Element) -> list[str]:
    return [ptext(r) for r in runs(p) if r.find("w:rPr/w:highlight", NS) is not None]


def test_gap_becomes_a_highlighted_note_and_placeholders_are_highlighted(saved):
    gap = saved.para_with("此处原文缺失")
    assert ptext(gap) == "【此处原文缺失1358字】" and highlighted(gap) == ["【此处原文缺失1358字】"]
    assert highlighted(saved.para_with("请各单位")) == ["XX", "XX", "____", "________"]
    assert highlighted(saved.para_with("今天我们召开")) == ["×××", "XX"]
    plain = Saved(docx_bytes(Document("t.txt", blocks=[Block("paragraph", "用Excel和XML报送X光片数据。"),
                                                       Block("signature", "××市教育局")])))
    assert highlighted(plain.para_with("Excel")) == []
    assert highlighted(plain.para_eq("××市教育局")) == ["××"]  # also when the placeholder opens the paragraph


def test_gap_notes_and_highlights_can_be_switched_off(profile):
    p = with_options(profile, marks={"gap_note": False, "placeholders": False})
    s = Saved(docx_bytes(speech_doc(), p))
    assert not any("此处原文缺失" in ptext(x) for x in s.paragraphs())
    assert not any(highlighted(x) for x in s.paragraphs())
    assert "×××同志" in ptext(s.para_with("今天我们召开"))


def test_docbreak_starts_a_new_section_on_a_new_page_numbered_from_one(saved):
    sects = list(saved.doc.iter(f"{{{W}}}sectPr"))
    assert len(sects) == 2
    first, last = sects
    assert first.getparent().getparent() is saved.para_eq("2021年3月4日")  # rides on the part's last paragraph
    assert pval(last, "w:type") in (None, "nextPage")
    assert last.find("w:pgNumType", NS).get(f"{{{W}}}start") == "1"
    assert first.find("w:pgNumType", NS).get(f"{{{W}}}start") is None
    assert last.find("w:docGrid", NS) is not None and last.find("w:footerReference", NS) is not None


def test_split_at_docbreaks_gives_each_document_its_blocks_and_notes():
    parts = split_at_docbreaks(speech_doc())
    assert [p.blocks[0].text for p in parts] == [LONG_TITLE, "2021年某市教育系统工作要点"]
    assert all(b.kind != "docbreak" for p in parts for b in p.blocks)
    assert sum(len(p.blocks) for p in parts) == len(speech_doc().blocks) - 1
    assert [w.line for w in parts[0].warnings] == [25] and [w.line for w in parts[1].warnings] == [34]
    assert [r.line for r in parts[1].removed] == [40]
    one = split_at_docbreaks(Document("a.txt", blocks=[Block("docbreak", ""), Block("paragraph", "正文。")]))
    assert len(one) == 1 and [b.kind for b in one[0].blocks] == ["paragraph"]
    for part in parts:
        docx_bytes(part)


# --- profile, python-docx round trip, seeds, batch --------------------------------------------------------------

def test_layout_numbers_come_from_the_profile(profile):
    raw = Path(profile.source).read_text(encoding="utf-8")
    assert '"_comment"' in raw
    changed = with_options(profile, page={"margin_top_mm": 30, "line_pitch_twips": 600})
    s = Saved(docx_bytes(speech_doc(), changed))
    sect = s.doc.find(".//w:body/w:sectPr", NS)
    assert sect.find("w:pgMar", NS).get(f"{{{W}}}top") == str(mm_to_twips(30))
    assert sect.find("w:docGrid", NS).get(f"{{{W}}}linePitch") == "600"
    assert s.effective_ppr(s.para_with("全市教育系统坚持"))["spacing"]["line"] == "600"


def test_python_docx_opens_the_file_and_sees_styles_and_text():
    d = docx.Document(io.BytesIO(docx_bytes(speech_doc())))
    texts = [p.text for p in d.paragraphs]
    assert "同志们：" in texts and "2021年3月4日" in texts
    names = {p.style.name for p in d.paragraphs if p.text}
    assert {"Title", "Heading 1", "Heading 2", "Heading 3", "Heading 4", "Normal"} <= names
    assert d.settings.odd_and_even_pages_header_footer
    assert abs(d.sections[0].page_width.mm - 210) < 0.1


def test_letter_sized_docx_input_is_exported_on_a4(tmp_path):
    src = docx.Document()
    sec = src.sections[0]
    sec.page_width, sec.page_height, sec.orientation = Inches(8.5), Inches(11), WD_ORIENT.PORTRAIT
    src.add_paragraph("关于做好2021年教育工作的通知")
    src.add_paragraph("各县（市、区）教育局：")
    src.add_paragraph("现将有关事项通知如下。" * 5)
    path = tmp_path / "letter.docx"
    src.save(path)
    out = Saved(render(clean_file(path), "docx"))
    sz = out.doc.find(".//w:body/w:sectPr/w:pgSz", NS)
    assert (sz.get(f"{{{W}}}w"), sz.get(f"{{{W}}}h")) == (str(mm_to_twips(210)), str(mm_to_twips(297)))


def test_deterministic_bytes():
    assert docx_bytes(speech_doc()) == docx_bytes(speech_doc())


def test_txt_output_is_clean_text_one_paragraph_per_line_with_bom():
    data = render(speech_doc(), "txt")
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").split("\n")
    assert lines[0] == LONG_TITLE and lines[4] == "同志们："
    assert "二、坚持问题导向。我们必须清醒看到" in lines[15]
    assert "【此处原文缺失1358字】" in lines
    assert data.decode("utf-8-sig").endswith("\n") and "\r" not in data.decode("utf-8-sig")


def test_dev_seeds_export_without_error(dev_seeds):
    assert dev_seeds
    for seed in dev_seeds:
        doc = clean_file(seed)
        d = docx.Document(io.BytesIO(render(doc, "docx")))
        assert any(p.text for p in d.paragraphs), seed
        for part in split_at_docbreaks(doc):
            docx_bytes(part)


SAMPLES = Path(__file__).resolve().parent / "data" / "samples"
HTML_PAGES = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "html"


def test_samples_and_saved_html_pages_export_without_error():
    inputs = [p for p in sorted(SAMPLES.iterdir()) if p.suffix in (".txt", ".html", ".docx")]
    inputs += sorted(HTML_PAGES.glob("*.html"))
    assert len(inputs) >= 15
    for src in inputs:
        doc = clean_file(src)
        Saved(render(doc, "docx"))
        for part in split_at_docbreaks(doc):
            Saved(docx_bytes(part))


def test_odd_documents_export_without_error():
    odd = [
        Document("empty.txt"),
        Document("only-break.txt", blocks=[Block("docbreak", "")]),
        Document("only-date.txt", blocks=[Block("date", "2021年3月4日")]),
        Document("weird.txt", blocks=[Block("heading", "无级别标题", level=None), Block("heading", "七级", level=7),
                                      Block("gap", "", omitted_chars=None), Block("title", "《" * 30 + "\x0c" + "》" * 30),
                                      Block("paragraph", "<&>\"'\x0b控制\t字符\n\ud800"), Block("signature", "甲"),
                                      Block("signature", "乙单位"), Block("paragraph", "附件：")]),
    ]
    for d in odd:
        Saved(docx_bytes(d))


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir() if p.is_file()}


def test_batch_writes_atomically_and_never_touches_inputs(tmp_path, dev_seeds):
    inp = tmp_path / "in"
    inp.mkdir()
    for s in dev_seeds:
        shutil.copy(s, inp / s.name)
    before = _digest(inp)
    first = run_batch([inp], "docx")
    second = run_batch([inp], "docx")
    assert all(r.error is None for r in first + second), [r.error for r in first + second]
    assert _digest(inp) == before
    out = inp / "清稿输出"
    names = sorted(p.name for p in out.iterdir())
    assert not [n for n in names if n.endswith(".part") or n.startswith(".qinggao-")]
    assert len(names) == 2 * len(dev_seeds)  # the second run did not overwrite the first
    assert all(r.output and r.output.stat().st_size > 5000 for r in first + second)
    assert {r.output for r in first}.isdisjoint({r.output for r in second})


def test_docx_input_exported_into_its_own_folder_is_not_overwritten(tmp_path):
    src = docx.Document()
    src.add_paragraph("关于做好2021年教育工作的通知")
    src.add_paragraph("现将有关事项通知如下。" * 5)
    path = tmp_path / "通知.docx"
    src.save(path)
    before = path.read_bytes()
    (res,) = run_batch([path], "docx", out_dir=tmp_path)
    assert res.error is None and res.output != path and res.output.parent == tmp_path
    assert path.read_bytes() == before
    assert "现将有关事项" in ptext(Saved(res.output.read_bytes()).para_with("现将有关事项"))


# --- fonts -----------------------------------------------------------------------------------------------------

def test_font_table_names_the_official_fonts_with_fallbacks(saved):
    table = saved.xml("word/fontTable.xml")
    alt = {f.get(f"{{{W}}}name"): pval(f, "w:altName") for f in table.findall("w:font", NS)}
    assert alt["仿宋_GB2312"] == "仿宋" and alt["楷体_GB2312"] == "楷体" and alt["方正小标宋简体"] == "华文中宋"
    assert "黑体" in alt and "Times New Roman" in alt


def test_check_fonts_reports_installed_officials_and_fallbacks(profile):
    fams = frozenset({"仿宋", "simhei", "simsun", "times new roman", "华文中宋"})
    status = {s.official: s for s in check_fonts(profile, fams)}
    assert not status["仿宋_GB2312"].installed and status["仿宋_GB2312"].fallback == "仿宋"
    assert status["仿宋_GB2312"].fallback_installed
    assert status["黑体"].installed  # found by its English name SimHei
    assert status["方正小标宋简体"].fallback == "华文中宋" and status["方正小标宋简体"].fallback_installed
    assert not status["楷体_GB2312"].fallback_installed and status["楷体_GB2312"].fallback == "楷体"
    assert status["Times New Roman"].installed
    english = frozenset({"fangsong_gb2312"})
    assert {s.official: s for s in check_fonts(profile, english)}["仿宋_GB2312"].installed
    by_name = check_fonts("gbt9704", fams)  # the app passes the profile's name
    assert [s.official for s in by_name] == list(status)


def test_font_names_gb2312_encoded_and_truncated_files(tmp_path):
    from core.fonts import _decode
    raw = b"".join(b"\x00" + c.encode() if c.isascii() else c.encode("gbk") for c in "仿宋_GB2312")
    assert _decode(3, 3, raw) == "仿宋_GB2312"  # the name table of the old FangSong_GB2312 file
    assert _decode(3, 1, "楷体".encode("utf-16-be")) == "楷体"
    bad = tmp_path / "broken.ttf"
    bad.write_bytes(b"\x00\x01\x00\x00\x00\x09garbage")
    assert names_in_file(bad) == set()


def test_font_names_are_read_from_real_font_files():
    cjk = [f for f in font_files() if "NotoSansCJK" in f.name or "NotoSerifCJK" in f.name]
    if not cjk:
        pytest.skip("no Noto CJK font files on this machine")
    names = set().union(*(names_in_file(f) for f in cjk))
    assert any(n.startswith("Noto S") and "CJK SC" in n for n in names)
    assert check_fonts()  # the real scan runs and answers for every official font


def test_table_rows_become_a_real_table_with_every_cell(profile):
    from core.model import Block, Document
    rows = ["指标\t单位\t年度目标\t上半年完成", "家庭医生签约服务\t万人\t12.0\t7.1", "孕产妇系统管理率\t%\t90"]
    doc = Document(source="t.docx", blocks=[Block("paragraph", "上半年主要指标完成情况见下表。"),
                                             *(Block("paragraph", r, style="tr") for r in rows),
                                             Block("paragraph", "下半年，我们将继续努力。")])
    tables = Saved(render(doc, "docx")).doc.findall(".//w:body/w:tbl", NS)
    assert len(tables) == 1
    cells = [["".join(t.text or "" for t in tc.iterfind(".//w:t", NS)) for tc in tr.findall("w:tc", NS)]
             for tr in tables[0].findall("w:tr", NS)]
    assert cells == [r.split("\t") for r in rows[:2]] + [["孕产妇系统管理率", "%", "90", ""]]
    widths = [int(g.get(f"{{{NS['w']}}}w")) for g in tables[0].iterfind(".//w:gridCol", NS)]
    assert widths[0] > widths[1] and abs(sum(widths) - profile.text_width) <= len(widths)


def test_document_xml_is_written_a_paragraph_at_a_time_declaring_its_namespaces_once():
    # (a 10 MB draft's whole tree took 150-400 MB: the export measures and writes each element as the next comes)
    from core.api import clean_text
    from core.export.docx import write_document

    draft = (SAMPLES / "s01_speech_anquan.txt").read_text(encoding="utf-8")
    doc = clean_text(draft + "\n\f\n" + draft)  # two documents: the first part's last paragraph carries a section break
    writes: list[bytes] = []

    class Sink:
        def write(self, data: bytes) -> None:
            writes.append(bytes(data))

    write_document(doc, load_profile(), Sink())
    xml = b"".join(writes)
    assert xml.count(b"xmlns:w=") == 1 and xml.count(b"xmlns:r=") == 1  # on the root only, as in the whole tree
    body = etree.fromstring(xml).find(f"{{{W}}}body")
    paragraphs = body.findall(f"{{{W}}}p")
    assert len(writes) >= len(paragraphs) > len(doc.blocks) // 2  # one write per element, not one for the body
    breaks = [p for p in paragraphs if p.find(f"{{{W}}}pPr/{{{W}}}sectPr") is not None]
    assert len(breaks) == 1 and body[-1].tag == f"{{{W}}}sectPr"
    assert xml == zipfile.ZipFile(io.BytesIO(docx_bytes(doc))).read("word/document.xml")
