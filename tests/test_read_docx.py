"""DOCX reader: body order, tables, hints, Word auto-numbering, text boxes; headers and footers left out."""
from __future__ import annotations

import importlib.util
import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from qg_paths import HTML, needs_corpus, needs_soffice

from core.readers import read
from core.readers.docx import missing_targets_external, read_docx
from core.readers.docx_styles import format_number
from core.readers.html import read_html
from core.text import cn_to_int, int_to_cn

DATA = Path(__file__).resolve().parent / "data"
_spec = importlib.util.spec_from_file_location("make_fixtures", DATA / "make_fixtures.py")
fx = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fx)


@pytest.fixture(scope="module")
def rich():  # noqa: ANN201 - a Document
    return read_docx(fx.rich_docx(), "通知.docx")


def texts(doc) -> list[str]:  # noqa: ANN001
    return [ln.text for ln in doc.lines]


def line(doc, text: str):  # noqa: ANN001, ANN201
    return next(ln for ln in doc.lines if ln.text == text)


def test_headers_and_footers_are_not_body(rich):
    joined = "\n".join(texts(rich))
    assert "页眉" not in joined and "第 1 页" not in joined


def test_title_takes_bold_and_centre_from_its_style(rich):
    first = rich.lines[0]
    assert first.text == "关于开展安全检查的通知"
    assert first.bold and first.align == "center" and first.style == "文件标题"
    assert rich.title_hint == "关于开展安全检查的通知"


def test_auto_numbering_markers_are_recovered(rich):
    t = texts(rich)
    start = t.index("一、总体要求")
    assert t[start:start + 5] == ["一、总体要求", "（一）指导思想", "（二）工作目标", "1.排查隐患", "（1）重点部位"]
    # the list continues after an unnumbered paragraph, and the sub-level starts again
    assert t[start + 6:start + 8] == ["二、工作安排", "（一）动员部署"]


def test_marker_already_in_the_text_is_not_doubled_and_bullets_get_none(rich):
    t = texts(rich)
    assert "三、已有编号的段落" in t
    assert "项目符号条目" in t


def test_bold_lead_in_is_one_line_that_is_not_all_bold(rich):
    ln = line(rich, "（一）检查范围。全市各级各类学校。")
    assert not ln.bold


def test_line_break_inside_a_paragraph_makes_two_lines(rich):
    t = texts(rich)
    i = t.index("联系人：王芳")
    assert t[i + 1] == "联系电话：12345678"


def test_field_codes_soft_hyphens_hidden_and_deleted_text_are_not_text(rich):
    t = texts(rich)
    assert "详见市政府网站。" in t
    assert not any("HYPERLINK" in x for x in t)
    assert "Document 软连字符补上的字" in t  # soft hyphen gone, hidden and deleted runs gone, insertion kept


def test_text_box_text_is_read_once_where_it_is_anchored(rich):
    t = texts(rich)
    assert t.count("文本框里的联系人：李明") == 1
    assert t[t.index("附：") + 1] == "文本框里的联系人：李明"


def test_tables_in_document_order_one_line_per_data_row(rich):
    t = texts(rich)
    i = t.index("检查项目\t责任单位")
    assert rich.lines[i].bold and rich.lines[i].style == "tr"
    assert t[i + 1] == "消防设施\t后勤处"
    assert t[i + 2].startswith("各校要高度重视")  # a long layout cell stays a paragraph
    assert t[i + 3] == "嵌套表格\t内层单元格"  # nested table read from its cell
    assert t[i + 4] == "内容控件里的段落。"  # block content control after the tables


def test_signature_block_is_right_aligned_after_blank_paragraphs(rich):
    sig = line(rich, "某某市教育局")
    assert sig.align == "right" and sig.blank_before == 2
    assert line(rich, "2021年3月4日").align == "right"


def test_line_numbers_are_unique_and_in_order(rich):
    assert [ln.lineno for ln in rich.lines] == list(range(1, len(rich.lines) + 1))


def test_every_line_names_its_source_paragraph_in_order(rich):
    ps = [ln.para for ln in rich.lines]
    assert None not in ps and ps[0] == 0
    assert all(b - a in (0, 1) for a, b in zip(ps, ps[1:])), ps


def test_lines_of_one_paragraph_cut_by_a_break_share_it(rich):
    phone = line(rich, "联系电话：12345678")
    contact = line(rich, "联系人：王芳")
    assert phone.para == contact.para  # w:br: a hard line break, not a paragraph end
    i = rich.lines.index(phone)
    assert rich.lines[i + 1].para == phone.para + 1


def test_table_rows_text_boxes_and_cells_are_paragraphs_of_their_own(rich):
    t = texts(rich)
    i = t.index("检查项目\t责任单位")
    assert len({ln.para for ln in rich.lines[i:i + 5]}) == 5  # two rows, a layout cell, a nested row, a control
    box = line(rich, "文本框里的联系人：李明")
    assert box.para == line(rich, "附：").para + 1


def test_newlines_in_a_run_share_the_paragraph():
    d = docx.Document()
    d.add_paragraph("全国人民代表大会常务委员会\n关于批准特别国债的决议")  # python-docx writes w:br
    d.add_paragraph("第十届全国人民代表大会常务委员会第二十八次会议审议了国务院的议案。")
    doc = read_docx(_doc_bytes(d), "a.docx")
    assert [(ln.text, ln.para) for ln in doc.lines] == [
        ("全国人民代表大会常务委员会", 0), ("关于批准特别国债的决议", 0),
        ("第十届全国人民代表大会常务委员会第二十八次会议审议了国务院的议案。", 1)]


def _doc_bytes(d) -> bytes:  # noqa: ANN001
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _with_internal_link_to_nowhere(data: bytes) -> bytes:
    """What LibreOffice writes for a saved page's <a href="#">: a hyperlink relationship with an internal target
    ("word/#") that no part answers."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as w:
        for info in src.infolist():
            blob = src.read(info)
            if info.filename == "word/_rels/document.xml.rels":
                blob = blob.replace(b"</Relationships>", b'<Relationship Id="rId900" Type="http://schemas.openxmlformats'
                                    b'.org/officeDocument/2006/relationships/hyperlink" Target="#"/></Relationships>')
            elif info.filename == "word/document.xml":
                link = ('<w:p><w:hyperlink r:id="rId900"><w:r><w:t>返回顶部</w:t></w:r></w:hyperlink></w:p>').encode()
                blob = blob.replace(b"<w:sectPr", link + b"<w:sectPr", 1)
            w.writestr(info, blob)
    return out.getvalue()


def test_a_link_to_a_missing_part_does_not_make_the_docx_unreadable():
    d = docx.Document()
    d.add_paragraph("关于开展安全检查的通知")
    bad = _with_internal_link_to_nowhere(_doc_bytes(d))
    with pytest.raises(KeyError):
        docx.Document(io.BytesIO(bad))  # python-docx alone gives up on it
    assert texts(read_docx(bad, "a.docx")) == ["关于开展安全检查的通知", "返回顶部"]
    assert missing_targets_external(_doc_bytes(d)) is None  # a sound package is left as it is


@pytest.mark.parametrize("parts", [("word/styles.xml",), ("word/numbering.xml",), ("docProps/core.xml",),
                                   ("word/styles.xml", "word/numbering.xml", "docProps/core.xml")])
def test_a_docx_lacking_a_part_it_names_still_gives_its_text(parts):
    # converters that write DOCX by hand list parts they never add; the text needs none of them
    d = docx.Document()
    d.add_paragraph("关于开展安全检查的通知")
    d.add_paragraph("各区县教育局：")
    d.core_properties.title = "安全检查"
    src = zipfile.ZipFile(io.BytesIO(_doc_bytes(d)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as w:
        for info in src.infolist():
            if info.filename not in parts:
                w.writestr(info, src.read(info))
    doc = read_docx(out.getvalue(), "a.docx")
    assert texts(doc) == ["关于开展安全检查的通知", "各区县教育局："]
    assert doc.title_hint == (None if "docProps/core.xml" in parts else "安全检查")


def libreoffice_to_docx(tmp_path: Path, files: list[Path], web_page: bool = False) -> Path:
    """Save `files` as DOCX with LibreOffice (a private profile), as a clerk's office suite would; the folder."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    out = tmp_path / "out"
    web = ["--infilter=HTML (StarWriter)"] if web_page else []  # a page as a document, not as a web view
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless", *web,
                    "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out), *map(str, files)],
                   check=True, capture_output=True, timeout=300)
    return out


@pytest.mark.slow
@needs_soffice
@needs_corpus
def test_a_real_page_saved_as_docx_by_libreoffice_with_hash_links_is_read(tmp_path: Path):
    # 中国青年网 page: its "#" links become internal relationships to nothing. The page is UTF-8 but declares
    # GB2312, which LibreOffice believes, so the copy given to it declares what the bytes are.
    raw = (HTML / "magic__9c642bd57e7c44cd.html").read_bytes()
    assert b"charset=gb2312" in raw
    (tmp_path / "page.html").write_bytes(raw.replace(b"charset=gb2312", b"charset=utf-8"))
    libreoffice_to_docx(tmp_path, [tmp_path / "page.html"], web_page=True)
    saved = (tmp_path / "out" / "page.docx").read_bytes()
    assert missing_targets_external(saved) is not None, "LibreOffice no longer writes internal '#' targets"
    text = "\n".join(texts(read(tmp_path / "out" / "page.docx")))
    assert "2020年高考填报志愿时，刘佳芸选择了“养老服务管理”专业" in text


def test_heading_and_title_styles_are_named_as_word_shows_them():
    d = docx.Document()
    d.add_heading("工作报告", 0)
    d.add_heading("一、主要工作", 1)
    wps = d.styles.add_style("标题 1", docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
    wps.font.bold = True
    d.add_paragraph("二、存在问题", style="标题 1")
    doc = read_docx(_doc_bytes(d), "a.docx")
    assert [(ln.text, ln.style, ln.bold) for ln in doc.lines] == [
        ("工作报告", "Title", False), ("一、主要工作", "Heading 1", True), ("二、存在问题", "标题 1", True)]


def test_run_formatting_overrides_style_bold():
    d = docx.Document()
    p = d.add_paragraph()
    p.add_run("全部加粗的一行").bold = True
    p = d.add_paragraph()
    p.add_run("部分").bold = True
    p.add_run("加粗")
    d.add_paragraph("居中").alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc = read_docx(_doc_bytes(d), "a.docx")
    assert [(ln.bold, ln.align) for ln in doc.lines] == [(True, None), (False, None), (False, "center")]


def test_restarted_list_begins_again():
    d = docx.Document()
    numbering = d.part.numbering_part.element
    numbering.find(docx.oxml.ns.qn("w:num")).addprevious(parse_xml(fx.CN_LIST))
    numbering.append(parse_xml(f'<w:num {fx.NS} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    numbering.append(parse_xml(f'<w:num {fx.NS} w:numId="95"><w:abstractNumId w:val="90"/>'
                               '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))
    for text, num in (("甲", 90), ("乙", 90), ("丙", 95), ("丁", 95)):
        fx._numbered(d, text, num, 0)
    assert [ln.text for ln in read_docx(_doc_bytes(d), "a.docx").lines] == ["一、甲", "二、乙", "一、丙", "二、丁"]


@pytest.mark.parametrize("n,fmt,expect", [
    (1, "decimal", "1"), (3, "chineseCounting", "三"), (12, "chineseCountingThousand", "十二"),
    (20, "taiwaneseCountingThousand", "二十"), (3, "chineseLegalSimplified", "叁"), (2, "ideographTraditional", "乙"),
    (4, "decimalEnclosedCircle", "④"), (2, "upperLetter", "B"), (4, "lowerRoman", "iv"), (7, "decimalFullWidth", "７"),
    (1, "bullet", None),
])
def test_number_formats(n, fmt, expect):
    assert format_number(n, fmt) == expect


def test_chinese_counting_numbers():
    assert [format_number(n, "chineseCounting") for n in (1, 10, 11, 20, 35, 100, 105, 110, 999)] == [
        "一", "十", "十一", "二十", "三十五", "一百", "一百零五", "一百一十", "九百九十九"]
    assert format_number(115, "chineseLegalSimplified") == "壹佰壹拾伍"
    # the same counting the numbering stage writes and reads back (core.text)
    assert all(cn_to_int(int_to_cn(n)) == n for n in range(1, 100))


def test_report_sample_with_a_table():
    sample = DATA / "samples" / "s13_report_with_table.docx"
    if not sample.exists():
        pytest.skip("sample set not present")
    doc = read(sample)
    assert doc.lines[0].bold and doc.lines[0].align == "center"
    assert "指标\t单位\t年度目标\t上半年完成" in texts(doc)
    assert doc.lines[-1].align == "right"


@pytest.mark.slow
@needs_soffice
def test_numbering_written_by_libreoffice_is_recovered(tmp_path: Path):
    # LibreOffice rewrites the Chinese list as taiwaneseCountingThousand and renumbers everything: a real writer
    src = tmp_path / "in" / "通知.docx"
    src.parent.mkdir()
    src.write_bytes(fx.rich_docx())
    doc = read(libreoffice_to_docx(tmp_path, [src]) / "通知.docx")
    t = texts(doc)
    for expect in ("一、总体要求", "（二）工作目标", "1.排查隐患", "（1）重点部位", "二、工作安排", "（一）动员部署",
                   "文本框里的联系人：李明", "检查项目\t责任单位", "某某市教育局"):
        assert expect in t, expect
    assert t.count("文本框里的联系人：李明") == 1
    assert "页眉：某某市教育局文件" not in t


@pytest.mark.slow
@needs_soffice
@needs_corpus
def test_real_pages_saved_as_docx_keep_the_paragraphs_the_html_reader_sees(tmp_path: Path):
    # a clerk opens a saved page in an office suite and saves it as DOCX: LibreOffice turns <p> into w:p and
    # <br> into w:br, so both readers must group the same lines into the same paragraphs
    names = ["gne__other.html", "gne__sxmu.html"]  # title lines cut by <br>; a long law, one <p> per article
    for n in names:
        shutil.copy(HTML / n, tmp_path / n)
    libreoffice_to_docx(tmp_path, [tmp_path / n for n in names], web_page=True)
    for n in names:
        html_lines = read_html((HTML / n).read_bytes(), n).lines
        docx_lines = read(tmp_path / "out" / n.replace(".html", ".docx")).lines
        where = {ln.text: i for i, ln in enumerate(docx_lines)}
        pairs = 0
        for a, b in zip(html_lines, html_lines[1:]):
            i, j = where.get(a.text), where.get(b.text)
            if i is None or j != i + 1:
                continue  # a line the office suite laid out differently
            pairs += 1
            same_html, same_docx = a.para == b.para, docx_lines[i].para == docx_lines[j].para
            assert same_html == same_docx, (n, a.text, b.text)
        assert pairs >= len(html_lines) * 0.75, (n, pairs)
    other = read(tmp_path / "out" / "gne__other.docx").lines
    title = [ln for ln in other if ln.text in ("全国人民代表大会常务委员会", "调整2007年末国债余额限额的决议")]
    assert len(title) == 2 and title[0].para == title[1].para
