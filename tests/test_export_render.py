"""The exported DOCX rendered by a real office suite (LibreOffice headless -> PDF), measured with pdfplumber.

No font named 仿宋_GB2312 exists on Linux, so LibreOffice substitutes Noto CJK: the test measures positions,
sizes and counts, which substitution does not change when the layout is right.
"""
from __future__ import annotations

import shutil
import subprocess
import unicodedata
import uuid
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pytest
from qg_paths import need
from test_export_docx import LONG_TITLE, PARA, PARA2, speech_doc

from core.api import clean_file, render
from core.export.docx import docx_bytes
from core.model import Block, Document

pytestmark = pytest.mark.slow

MM = 72 / 25.4
LEFT, RIGHT, TOP, BOTTOM = 28 * MM, (210 - 26) * MM, 37 * MM, (297 - 35) * MM
BODY_ADV = 15.7  # pt: 16 pt glyph condensed by 0.3 pt
DATA = Path(__file__).resolve().parent / "data"
SAMPLES = ["s02_notice_issue_plan_gbk.txt", "s10_plan_jiceng_long.txt", "s11_collection_three_summaries.txt",
           "s13_report_with_table.docx", "s15_plan_aiwei_appended.txt", "s18_summary_plan_shichang_long.txt"]
PUNCT = set("，。、；：？！”’）》〉」』】…—·“‘（《")


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def body_doc() -> Document:
    """Plain body text over several pages: every middle page must be a full 22 x 28 page."""
    blocks = [Block("title", "关于进一步做好全市教育系统安全稳定工作的通知"), Block("salutation", "各县（市、区）教育局：")]
    blocks += [Block("paragraph", (PARA + PARA2) * (1 + i % 2)) for i in range(14)]
    return Document("正文.txt", blocks=blocks)


@pytest.fixture(scope="session")
def pdfs(tmp_path_factory, dev_seeds) -> dict[str, pdfplumber.PDF]:
    need("soffice")  # skipped where LibreOffice is absent (Windows CI); Linux CI must have it
    exe = soffice()
    out = tmp_path_factory.mktemp("render")
    files = {"speech": docx_bytes(speech_doc()), "body": docx_bytes(body_doc())}
    for seed in dev_seeds:
        files[seed.stem] = render(clean_file(seed), "docx")
    for sample in SAMPLES:  # long ones and ones with appended documents (docbreaks)
        files[sample] = render(clean_file(DATA / "samples" / sample), "docx")
    paths = []
    for name, data in files.items():
        p = out / f"{Path(name).stem}.docx"
        p.write_bytes(data)
        paths.append(str(p))
    profile_dir = Path("/tmp") / f"qinggao-lo-{uuid.uuid4().hex}"  # private profile: parallel runs don't collide
    try:
        subprocess.run([exe, f"-env:UserInstallation={profile_dir.as_uri()}", "--headless", "--norestore",
                        "--convert-to", "pdf", "--outdir", str(out), *paths],
                       check=True, capture_output=True, timeout=600)
    finally:
        shutil.rmtree(profile_dir, ignore_errors=True)
    result = {}
    for name in files:
        pdf = out / f"{Path(name).stem}.pdf"
        assert pdf.exists(), f"LibreOffice did not convert {name}.docx"
        result[name] = pdfplumber.open(pdf)
    yield result
    for pdf in result.values():
        pdf.close()


@dataclass
class Line:
    top: float
    bottom: float
    x0: float
    x1: float
    text: str
    sizes: set[float]
    fonts: list[str]


def lines_of(page) -> list[Line]:
    rows: list[list[dict]] = []
    for c in sorted(page.chars, key=lambda c: (round(c["top"]), c["x0"])):
        if c["text"].isspace():
            continue
        if rows and abs(rows[-1][0]["top"] - c["top"]) < 2:
            rows[-1].append(c)
        else:
            rows.append([c])
    out = []
    for row in sorted(rows, key=lambda r: r[0]["top"]):
        row.sort(key=lambda c: c["x0"])
        out.append(Line(min(c["top"] for c in row), max(c["bottom"] for c in row), row[0]["x0"],
                        max(c["x1"] for c in row), "".join(c["text"] for c in row),
                        {round(c["size"], 1) for c in row}, [c["fontname"] for c in row]))
    return out


def body_lines(page) -> list[Line]:
    return [ln for ln in lines_of(page) if ln.bottom <= BOTTOM + 2]


def footer_lines(page) -> list[Line]:
    return [ln for ln in lines_of(page) if ln.top > BOTTOM]


def is_cjk_line(text: str) -> bool:
    return all(unicodedata.east_asian_width(c) in ("W", "F") for c in text)


# --- page and text block ----------------------------------------------------------------------------------------

def test_every_page_is_a4_and_text_stays_in_the_block(pdfs):
    for name, pdf in pdfs.items():
        for page in pdf.pages:
            assert abs(page.width - 210 * MM) < 1 and abs(page.height - 297 * MM) < 1, name
            for ln in body_lines(page):
                assert ln.x0 >= LEFT - 0.5 and ln.top >= TOP - 1, (name, ln.text)
                # only hanging punctuation may stand past the right edge
                assert ln.x1 <= RIGHT + 0.5 or ln.text[-1] in PUNCT, (name, ln.text)


def page_numbers(pdf) -> list[int]:
    return [int(footer_lines(p)[0].text.replace(" ", "").strip("—")) for p in pdf.pages]


def test_every_page_but_a_documents_last_fills_22_grid_lines(pdfs):
    """Lines sit on a 28.95 pt grid; a page that does not end its document (or an appended one) uses all
    22 lines of it (blank lines of the layout count as lines); pages of plain text show 22 text lines."""
    full_text_pages = 0
    for name, pdf in pdfs.items():
        numbers = page_numbers(pdf)
        for i, page in enumerate(pdf.pages):
            lines = body_lines(page)
            tops = [ln.bottom for ln in lines]  # bottoms: lines of 22 pt and 16 pt share the grid there
            for a, b in zip(tops, tops[1:]):
                steps = (b - a) / 28.95
                assert abs(steps - round(steps)) < 0.02 and round(steps) >= 1, (name, i + 1)
            ends_document = i == len(pdf.pages) - 1 or numbers[i + 1] == 1
            if ends_document:
                continue
            slots = round((tops[-1] - tops[0]) / 28.95) + 1
            assert slots in (21, 22), (name, i + 1, slots)  # 21: the 22nd is a blank line (空一行 before 附件)
            if len(lines) == 22:
                full_text_pages += 1
    assert full_text_pages >= 10


def test_full_lines_of_chinese_hold_28_characters(pdfs):
    counts: dict[int, int] = {}
    for name in ("body", "speech"):
        for page in pdfs[name].pages:
            lines = body_lines(page)
            for ln, nxt in zip(lines, lines[1:]):
                full = abs(ln.x0 - LEFT) < 1.5 and abs(nxt.x0 - LEFT) < 1.5 and ln.x1 > RIGHT - BODY_ADV
                if not (full and is_cjk_line(ln.text) and ln.sizes == {16.0}):
                    continue
                n = len(ln.text)
                counts[n] = counts.get(n, 0) + 1
                if n != 28:  # line-breaking rules only: punctuation hanging past the margin, or kept off a line start
                    assert n == 29 and ln.text[-1] in PUNCT or n == 27 and (nxt.text[0] in PUNCT or
                                                                           ln.text[-1] in PUNCT), (n, ln.text)
    total = sum(counts.values())
    assert total >= 40 and counts.get(28, 0) >= 0.75 * total, counts


def test_sizes_title_22_body_16_and_title_centred(pdfs):
    page = pdfs["speech"].pages[0]
    lines = body_lines(page)
    title = [ln for ln in lines if ln.sizes == {22.0}]
    assert len(title) == 2 and "".join(ln.text for ln in title) == LONG_TITLE
    for ln in title:
        assert abs((ln.x0 + ln.x1) / 2 - (LEFT + RIGHT) / 2) < 2
    assert (title[0].x1 - title[0].x0) < (title[1].x1 - title[1].x0)  # trapezoid, upper line shorter
    body = [ln for ln in lines if ln.top > title[-1].bottom]
    assert body and all(ln.sizes == {16.0} for ln in body)
    sub = next(ln for ln in body if ln.text.startswith("——"))
    assert abs((sub.x0 + sub.x1) / 2 - (LEFT + RIGHT) / 2) < 2
    assert "CJK" in sub.fonts[0] and "Liberation" not in sub.fonts[0]  # the dashes are not in Times/Liberation
    salutation = next(ln for ln in body if ln.text == "同志们：")
    assert abs(salutation.x0 - LEFT) < 1.5
    first_para = next(ln for ln in body if ln.text.startswith("今天我们"))
    assert abs(first_para.x0 - LEFT - 2 * BODY_ADV) < 2.5  # first-line indent two characters


# --- page numbers -----------------------------------------------------------------------------------------------

def test_page_numbers_alternate_sides_about_7mm_below_the_block(pdfs):
    one_char = 14
    for name, pdf in pdfs.items():
        expected = 0
        for page in pdf.pages:
            foot = footer_lines(page)
            assert len(foot) == 1, (name, page.page_number)
            ln = foot[0]
            text = ln.text.replace(" ", "")
            assert text.startswith("—") and text.endswith("—"), text
            n = int(text.strip("—"))
            expected = n if n == 1 else expected + 1  # restarts at an appended document
            assert n == expected, (name, page.page_number)
            assert ln.sizes == {14.0}
            if n % 2:
                assert abs(ln.x1 - (RIGHT - one_char)) < 1.5, (name, n, ln.x1)
            else:
                assert abs(ln.x0 - (LEFT + one_char)) < 1.5, (name, n, ln.x0)
            dash_mm = ((ln.top + ln.bottom) / 2 - BOTTOM) / MM
            assert 6 <= dash_mm <= 8, (name, n, dash_mm)


def test_docbreak_starts_a_new_page_numbered_one(pdfs):
    pdf = pdfs["speech"]
    starts = [p for p in pdf.pages if any(ln.text == "2021年某市教育系统工作要点" for ln in body_lines(p))]
    assert len(starts) == 1
    page = starts[0]
    assert body_lines(page)[0].text == "2021年某市教育系统工作要点"
    assert footer_lines(page)[0].text.replace(" ", "") == "—1—"


# --- closing, attachments, highlights ---------------------------------------------------------------------------

def _find(pdf, text) -> Line:
    for page in pdf.pages:
        for ln in body_lines(page):
            if ln.text == text:
                return ln
    raise AssertionError(text)


def test_signature_and_date_per_7_3_5(pdfs):
    pdf = pdfs["speech"]
    sig, date = _find(pdf, "某市教育局"), _find(pdf, "2021年3月4日")
    assert abs((date.top - sig.top) - 28.95) < 0.5  # date on the next line
    assert abs((date.x0 - sig.x0) - 2 * BODY_ADV) < 3  # starts two characters right of the signature's start
    margin = RIGHT - max(sig.x1, date.x1)
    assert abs(margin - 2 * BODY_ADV) < 3  # the longer line ends two characters in from the right


def test_attachment_names_align(pdfs):
    pdf = pdfs["speech"]
    for page in pdf.pages:
        lines = body_lines(page)
        idx = [i for i, ln in enumerate(lines) if ln.text.startswith("附件：1.")]
        if idx:
            break
    first, wrap, second = lines[idx[0]], lines[idx[0] + 1], lines[idx[0] + 2]
    assert abs(first.x0 - LEFT - 2 * BODY_ADV) < 2.5
    chars = sorted((c for c in page.chars if abs(c["top"] - first.top) < 2), key=lambda c: c["x0"])
    name_x = chars[[c["text"] for c in chars].index(".") + 1]["x0"]  # the name starts after "1."
    assert abs(wrap.x0 - name_x) < 1.5, (wrap.x0, name_x)
    assert second.text.startswith("2.")
    assert abs(second.x0 - chars[3]["x0"]) < 1.5  # "2." under "1."


def test_placeholders_and_gap_note_are_highlighted(pdfs):
    pdf = pdfs["speech"]
    found = 0
    for page in pdf.pages:
        marks = [r for r in page.rects if r.get("non_stroking_color") in ((1, 1, 0), [1, 1, 0], (1.0, 1.0, 0.0))]
        for c in page.chars:
            if c["text"] in "×【" and c["top"] < BOTTOM:
                cx, cy = (c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2
                assert any(r["x0"] - 1 <= cx <= r["x1"] + 1 and r["top"] - 1 <= cy <= r["bottom"] + 1 for r in marks)
                found += 1
    assert found >= 4


def test_dev_seeds_render(pdfs, dev_seeds):
    for seed in dev_seeds:
        pdf = pdfs[seed.stem]
        assert pdf.pages and footer_lines(pdf.pages[0])[0].text.replace(" ", "") == "—1—"
        text = "".join(ln.text for p in pdf.pages for ln in body_lines(p))
        assert len(text) > 500
