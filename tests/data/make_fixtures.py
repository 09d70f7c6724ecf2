"""Build the DOCX test files: a draft using the Word features the DOCX reader must handle, and the bad inputs.

Tests import the builders (so the files are made fresh in a temp folder). Two files cannot be made without
outside tools and are committed under tests/data/bad/; run this script to remake them:
    .venv/bin/python tests/data/make_fixtures.py
  encrypted.docx  a real password-protected DOCX (needs `pip install msoffcrypto-tool`; password "qinggao")
  old-word.doc    a real Word 97-2003 file (needs LibreOffice: soffice)
"""
from __future__ import annotations

import io
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import qn

HERE = Path(__file__).resolve().parent
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = (f'xmlns:w="{W_NS}" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:v="urn:schemas-microsoft-com:vml"')

# Word's Chinese multi-level list: 一、 / （一） / 1. / （1）
CN_LIST = f"""<w:abstractNum {NS} w:abstractNumId="90">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
  <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="（%4）"/></w:lvl>
</w:abstractNum>"""
BULLETS = f"""<w:abstractNum {NS} w:abstractNumId="91">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="●"/></w:lvl>
</w:abstractNum>"""
TEXT_BOX = f"""<w:r {NS}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic>
<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx>
<w:txbxContent><w:p><w:r><w:t>文本框里的联系人：李明</w:t></w:r></w:p></w:txbxContent>
</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>
<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>文本框里的联系人：李明</w:t></w:r></w:p>
</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"""
FIELD = [f'<w:r {NS}><w:fldChar w:fldCharType="begin"/></w:r>',
         f'<w:r {NS}><w:instrText xml:space="preserve"> HYPERLINK "http://example.invalid/" </w:instrText></w:r>',
         f'<w:r {NS}><w:fldChar w:fldCharType="separate"/></w:r>',
         f'<w:r {NS}><w:t>市政府网站</w:t></w:r>',
         f'<w:r {NS}><w:fldChar w:fldCharType="end"/></w:r>']


def _numbered(d: docx.document.Document, text: str, num_id: int, ilvl: int) -> None:
    p = d.add_paragraph(text)
    p._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {NS}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def rich_docx() -> bytes:
    """A notice with the Word features real drafts use. Comments give what the reader must make of each."""
    d = docx.Document()
    d.core_properties.title = "关于开展安全检查的通知"
    sec = d.sections[0]
    sec.header.paragraphs[0].text = "页眉：某某市教育局文件"  # page furniture: not body
    sec.footer.paragraphs[0].text = "第 1 页 共 2 页"

    numbering = d.part.numbering_part.element
    first_num = numbering.find(qn("w:num"))
    first_num.addprevious(parse_xml(CN_LIST))
    first_num.addprevious(parse_xml(BULLETS))
    numbering.append(parse_xml(f'<w:num {NS} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    numbering.append(parse_xml(f'<w:num {NS} w:numId="91"><w:abstractNumId w:val="91"/></w:num>'))

    centered = d.styles.add_style("文件标题", WD_STYLE_TYPE.PARAGRAPH)
    centered.font.bold = True
    centered.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    d.add_paragraph("关于开展安全检查的通知", style="文件标题")  # bold + centre from the style only

    d.add_paragraph("各区县教育局：")
    p = d.add_paragraph("为切实做好校园安全工作，现将有关事项通知如下。")
    p.paragraph_format.first_line_indent = docx.shared.Pt(32)

    _numbered(d, "总体要求", 90, 0)  # -> 一、总体要求
    _numbered(d, "指导思想", 90, 1)  # -> （一）指导思想
    _numbered(d, "工作目标", 90, 1)  # -> （二）工作目标
    _numbered(d, "排查隐患", 90, 2)  # -> 1.排查隐患
    _numbered(d, "重点部位", 90, 3)  # -> （1）重点部位
    d.add_paragraph("不在列表里的说明段落。")
    _numbered(d, "工作安排", 90, 0)  # -> 二、工作安排 (continues the list)
    _numbered(d, "动员部署", 90, 1)  # -> （一）动员部署 (sub-level restarts)
    _numbered(d, "三、已有编号的段落", 90, 0)  # text already carries the marker: not doubled
    _numbered(d, "项目符号条目", 91, 0)  # bullet: no text marker

    p = d.add_paragraph()
    p.add_run("（一）检查范围。").bold = True  # bold lead-in: one line, not all bold
    p.add_run("全市各级各类学校。")

    p = d.add_paragraph()
    p.add_run("联系人：王芳").add_break()  # <w:br/> inside a paragraph -> two lines
    p.add_run("联系电话：12345678")

    p = d.add_paragraph("详见")
    for x in FIELD:  # field code: instruction hidden, result kept
        p._p.append(parse_xml(x))
    p._p.append(parse_xml(f'<w:r {NS}><w:t>。</w:t></w:r>'))

    p = d.add_paragraph()
    p._p.append(parse_xml(f'<w:r {NS}><w:t>Docu</w:t><w:softHyphen/><w:t>ment 软连字符</w:t></w:r>'))
    p._p.append(parse_xml(f'<w:r {NS}><w:rPr><w:vanish/></w:rPr><w:t>隐藏文字</w:t></w:r>'))
    p._p.append(parse_xml(f'<w:del {NS} w:id="1" w:author="a"><w:r><w:delText>删掉的字</w:delText></w:r></w:del>'))
    p._p.append(parse_xml(f'<w:ins {NS} w:id="2" w:author="a"><w:r><w:t>补上的字</w:t></w:r></w:ins>'))

    p = d.add_paragraph("附：")
    p._p.append(parse_xml(TEXT_BOX))  # a text box anchored here, DrawingML choice + VML fallback

    t = d.add_table(rows=2, cols=2)  # a data table: one line per row
    t.cell(0, 0).text, t.cell(0, 1).text = "检查项目", "责任单位"
    t.cell(1, 0).text, t.cell(1, 1).text = "消防设施", "后勤处"
    for c in t.rows[0].cells:
        c.paragraphs[0].runs[0].bold = True

    lay = d.add_table(rows=1, cols=2)  # a layout table: long cell text stays paragraphs
    lay.cell(0, 0).text = "各校要高度重视，成立以校长为组长的安全检查工作领导小组，明确责任分工，确保检查工作落到实处，不走过场。"
    inner = lay.cell(0, 1).add_table(rows=1, cols=2)  # nested table
    inner.cell(0, 0).text, inner.cell(0, 1).text = "嵌套表格", "内层单元格"

    body = d.element.body
    body.sectPr.addprevious(parse_xml(
        f'<w:sdt {NS}><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>内容控件里的段落。</w:t></w:r></w:p>'
        '</w:sdtContent></w:sdt>'))
    d.add_paragraph("")
    d.add_paragraph("")
    sig = d.add_paragraph("某某市教育局")
    sig.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    d.add_paragraph("2021年3月4日").alignment = WD_ALIGN_PARAGRAPH.RIGHT
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def simple_docx(paragraphs: list[str]) -> bytes:
    d = docx.Document()
    for t in paragraphs:
        d.add_paragraph(t)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def zip_bomb(path: Path, unpacked_mb: int, member: str = "word/media/fill.bin") -> Path:
    """A DOCX-shaped zip whose one member unpacks to `unpacked_mb` MB of zeros (a few hundred KB packed)."""
    base = simple_docx(["正常的段落。"])
    with zipfile.ZipFile(io.BytesIO(base)) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            out.writestr(item, src.read(item.filename))
        chunk = bytes(1024 * 1024)
        with out.open(member, "w", force_zip64=True) as f:
            for _ in range(unpacked_mb):
                f.write(chunk)
    return path


def make_encrypted(path: Path) -> None:
    from msoffcrypto.format.ooxml import OOXMLFile  # generation only

    plain = io.BytesIO(simple_docx(["加密文档的正文。"]))
    with path.open("wb") as out:
        OOXMLFile(plain).encrypt("qinggao", out)


def make_old_doc(path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise SystemExit("LibreOffice (soffice) is needed to make old-word.doc")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "old-word.docx"
        src.write_bytes(simple_docx(["旧版 Word 文档的正文。"]))
        subprocess.run([soffice, "--headless", "--convert-to", "doc", "--outdir", tmp, str(src)], check=True,
                       capture_output=True, timeout=180)
        shutil.copy(Path(tmp) / "old-word.doc", path)


if __name__ == "__main__":
    bad = HERE / "bad"
    bad.mkdir(exist_ok=True)
    make_old_doc(bad / "old-word.doc")
    try:
        make_encrypted(bad / "encrypted.docx")
    except ImportError:
        print("msoffcrypto-tool is not installed: encrypted.docx not remade", file=sys.stderr)
    print("made", sorted(p.name for p in bad.iterdir()))
