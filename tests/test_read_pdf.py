"""PDF input (issue 14): the 12 real PDFs of ../shared/corpus/pdf, their gold scores, the page's geometry as
evidence on PDFs LibreOffice makes from DOCX here, and bad PDFs (scanned, encrypted, damaged, misnamed)."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from docx import Document as Docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from qg_paths import DATA, QINGGAO_CLI, SCORER, SHARED, need, needs_scorer, needs_soffice

from core.api import clean_file, iter_inputs
from core.errors import QingGaoError
from core.model import Overrides
from core.readers import read

PDFS = SHARED / "corpus" / "pdf"
SCANS = {"p11_scan_imageonly_tianjian_han.pdf", "p12_scan_imageonly_book_mineru.pdf"}


def _shared(name: str) -> Path:
    p = PDFS / name
    if not p.is_file():
        pytest.skip(f"{p} is absent (the shared PDF corpus lives beside the repo)")
    return p


@pytest.mark.parametrize("name", [f"p{i:02d}" for i in range(1, 13)])
def test_every_shared_pdf_reads_or_says_it_is_a_scan(name):
    if not PDFS.is_dir():
        pytest.skip(f"{PDFS} is absent")
    path = next(PDFS.glob(name + "_*.pdf"))
    if path.name in SCANS:
        with pytest.raises(QingGaoError) as e:
            clean_file(path)
        assert "扫描件" in e.value.zh and "OCR" in e.value.zh and "scanned PDF" in e.value.en
        assert e.value.path == str(path)
        return
    doc = clean_file(path)
    text = doc.text()
    assert len(text) > 60 and doc.blocks
    assert not re.search(r"^\s*[-—–]{1,3}\s*\d{1,3}\s*[-—–]{1,3}\s*$", text, re.M), "a page number was left in"
    if path.name.startswith("p08"):
        ocr = [w for w in doc.warnings if w.code == "ocr"]
        assert ocr and "识别错误较多" in ocr[0].message  # the noisy OCR layer ("ZOq5", "说阴") is flagged as noisy


def test_the_running_head_and_page_number_of_a_one_page_standard_go():
    doc = clean_file(_shared("p07_biaozhun_anhui_jsyd_p173.pdf"))
    rules = {r.text: r.rule for r in doc.removed}
    assert rules.get("安徽省建设用地使用标准（2020年版）") == "pdf-running-head"
    assert rules.get("173") == "pdf-page-number"
    rows = [b for b in doc.blocks if b.style == "tr"]
    assert len(rows) >= 8 and any("2.5000" in b.text and "\t" in b.text for b in rows)  # ruled tables: table rows


def test_page_numbers_are_recorded_and_a_clerk_can_restore_one():
    path = _shared("p01_redhead_tongzhi_fgb2019-860.pdf")
    doc = clean_file(path)
    numbers = [r for r in doc.removed if r.rule == "pdf-page-number"]
    assert [r.text for r in numbers] == [f"—{i}—" for i in range(1, 6)]
    again = clean_file(path, overrides=Overrides(keep_lines={numbers[0].line}))
    assert "—1—" in again.text() and "—2—" not in again.text()
    off = clean_file(path, overrides=Overrides(disabled_rules={"pdf-page-number"}))
    # with the geometry rule off, the text rule for "— 3 —" lines still takes them, under its own id
    assert {r.rule for r in off.removed if r.text == "—3—"} == {"page-number"}


def test_wraps_are_joined_and_recorded():
    doc = clean_file(_shared("p02_zfgzbg_beijing2024.pdf"))
    joins = [c for c in doc.changes if c.kind == "join" and "right edge" in c.detail]
    assert len(joins) > 300  # 13 pages of wrapped lines
    assert all(len(b.text) < 5000 for b in doc.blocks)


@needs_scorer
def test_gold_pdfs_meet_the_floors(tmp_path):
    """Gold written before QingGao ran on them (tests/data/pdf, docs/samples.md); the PDFs stay in the shared
    corpus and are copied beside their gold for the scorer."""
    gold = tmp_path / "gold"
    gold.mkdir()
    for g in sorted((DATA / "pdf").glob("*.gold.json")):
        name = g.name[: -len(".gold.json")]
        shutil.copy(g, gold / g.name)
        shutil.copy(_shared(name + ".pdf"), gold / (name + ".pdf"))
    cmd = [sys.executable, str(SCORER), "--gold", str(gold), "--out", str(tmp_path / "out"),
           "--run", f"{QINGGAO_CLI} clean {{in}} --to json --stdout > {{out}}"]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=600).stdout
    mean = out.strip().splitlines()[-1]
    assert "MEAN over 5 docs (0 failed)" in mean, out
    got = {k: float(v) for k, v in re.findall(r"(\w+)=([0-9.]+)", mean)}
    assert got["para_f1"] >= 0.95 and got["precision"] >= 0.98, out


# ---- geometry on PDFs LibreOffice makes here ----------------------------------------------------------------
HEAD = "××县教育局办公室编印"
PARAS = [("为进一步加强全县中小学校园安全管理工作，切实保障广大师生生命财产安全，维护正常教育教学秩序，根据上级有关文件"
          "精神，结合我县教育工作实际，现就做好本学期校园安全工作有关事项通知如下，请各校认真抓好落实。")]
for k in range(1, 16):
    PARAS.append(f"第{k}项工作要求各学校要高度重视校园安全工作，把安全工作摆在突出位置，建立健全校园安全管理责任体系，"
                 "层层签订安全责任书，明确校长为第一责任人，分管领导为直接责任人，做到责任到人、任务到岗、措施到位，"
                 f"确保各项安全措施落到实处，坚决防止重大安全事故发生，本项工作于{k}月底前完成并报县教育局备案。")


def _field(run, code: str) -> None:
    for kind, text in (("begin", None), (None, code), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText" if text == code else "w:t")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)


def _draft_docx(path: Path) -> None:
    d = Docx()
    st = d.styles["Normal"]
    st.font.size = Pt(16)
    st.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "Noto Sans CJK SC")
    sec = d.sections[0]
    sec.header.paragraphs[0].text = HEAD
    sec.header.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    foot = sec.footer.paragraphs[0]
    foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
    foot.add_run("— ")
    _field(foot.add_run(), "PAGE")
    foot.add_run(" —")
    for t in PARAS:
        p = d.add_paragraph(t)
        p.paragraph_format.first_line_indent = Pt(32)  # two characters
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    d.save(path)


@pytest.fixture(scope="module")
def made_pdf(tmp_path_factory) -> Path:
    need("soffice")
    out = tmp_path_factory.mktemp("pdfgeo")
    src = out / "draft.docx"
    _draft_docx(src)
    profile = Path("/tmp") / f"qinggao-lo-{uuid.uuid4().hex}"
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    try:
        subprocess.run([exe, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                        "--convert-to", "pdf", "--outdir", str(out), str(src)], check=True, capture_output=True, timeout=300)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return out / "draft.pdf"


@needs_soffice
def test_geometry_joins_every_wrap_keeps_every_paragraph_and_drops_heads_and_footers(made_pdf):
    doc = clean_file(made_pdf)
    paras = [b.text for b in doc.blocks if b.kind in ("paragraph", "heading")]
    assert [re.sub(r"\s", "", b.text + (b.body or "")) for b in doc.blocks] == PARAS  # every wrap joined, every start kept
    assert len(paras) == len(PARAS)
    removed = [(r.rule, r.text.replace(" ", "")) for r in doc.removed]
    pages = sum(1 for rule, _ in removed if rule == "pdf-page-number")
    heads = sum(1 for rule, t in removed if rule == "pdf-running-head" and t == HEAD)
    assert pages >= 3 and heads == pages  # a head and a "— N —" footer on every page, all gone
    assert all(re.fullmatch(r"—\d+—", t) for rule, t in removed if rule == "pdf-page-number")


# ---- bad PDFs ------------------------------------------------------------------------------------------------
def test_a_damaged_pdf_says_so(tmp_path):
    p = tmp_path / "坏.pdf"
    p.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\n" + bytes(range(256)) * 40)
    with pytest.raises(QingGaoError) as e:
        read(p)
    assert "损坏" in e.value.zh and "damaged" in e.value.en


def test_a_web_page_named_pdf_is_read_as_a_page_and_text_is_refused(tmp_path):
    page = tmp_path / "页面.pdf"
    page.write_text("<html><body><p>关于做好校园安全工作的通知。各学校要高度重视。</p></body></html>", encoding="utf-8")
    doc = read(page)
    assert doc.format == "html" and any(".pdf" in w.message for w in doc.warnings)
    txt = tmp_path / "文字.pdf"
    txt.write_text("这只是一段文字。", encoding="utf-8")
    with pytest.raises(QingGaoError) as e:
        read(txt)
    assert "不是真正的 PDF" in e.value.zh


@needs_soffice
def test_an_encrypted_pdf_says_it_needs_its_password_and_the_batch_goes_on(tmp_path, made_pdf):
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    src = tmp_path / "加密.docx"
    _draft_docx(src)
    opts = json.dumps({"EncryptFile": {"type": "boolean", "value": "true"},
                       "DocumentOpenPassword": {"type": "string", "value": "qg"}})
    profile = Path("/tmp") / f"qinggao-lo-{uuid.uuid4().hex}"
    try:
        subprocess.run([exe, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore", "--convert-to",
                        f"pdf:writer_pdf_Export:{opts}", "--outdir", str(tmp_path), str(src)],
                       check=True, capture_output=True, timeout=300)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    locked = tmp_path / "加密.pdf"
    with pytest.raises(QingGaoError) as e:
        read(locked)
    assert "密码" in e.value.zh and "password" in e.value.en
    shutil.copy(made_pdf, tmp_path / "正常.pdf")
    got = {}
    for path, problem in iter_inputs([locked, tmp_path / "正常.pdf"]):
        try:
            got[path.name] = clean_file(path).blocks if problem is None else problem
        except QingGaoError as err:
            got[path.name] = err
    assert isinstance(got["加密.pdf"], QingGaoError) and len(got["正常.pdf"]) == len(PARAS)
