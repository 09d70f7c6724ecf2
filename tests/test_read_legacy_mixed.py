"""Legacy .doc (converted with the real LibreOffice), and TXT files that mix UTF-8 and GBK lines."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from qg_paths import needs_soffice

from core.errors import QingGaoError
from core.readers import read

TITLE = "关于做好2024年防汛工作的通知"
BODY = "各乡镇人民政府，县直各单位：入汛以来，我县降雨明显偏多，各地要立即行动，全面落实防汛责任。"


@needs_soffice
def test_a_real_doc_file_is_converted_and_read(tmp_path: Path):
    import docx
    src = tmp_path / "通知.docx"
    d = docx.Document()
    d.add_paragraph(TITLE)
    d.add_paragraph(BODY)
    d.save(src)
    out = tmp_path / "doc"
    subprocess.run([shutil.which("soffice") or "soffice", "--headless", "--convert-to", "doc", "--outdir", str(out),
                    str(src)], check=True, capture_output=True, timeout=180)
    legacy = out / "通知.doc"
    before = legacy.read_bytes()
    doc = read(legacy)
    assert [ln.text for ln in doc.lines] == [TITLE, BODY]
    assert doc.format == "doc" and legacy.read_bytes() == before  # the input is never touched


def test_without_libreoffice_a_doc_file_says_how_to_save_it_as_docx(tmp_path: Path, monkeypatch):
    f = tmp_path / "旧文件.doc"
    f.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2048)  # an OLE compound file, as Word 97-2003 writes
    monkeypatch.setenv("PATH", str(tmp_path))  # no soffice on this PATH (and no Windows install paths on Linux)
    if Path(r"C:\Program Files\LibreOffice\program\soffice.exe").exists():
        pytest.skip("LibreOffice is installed at its Windows default path")
    with pytest.raises(QingGaoError) as e:
        read(f)
    assert "另存为" in e.value.zh and "DOCX" in e.value.zh and "Save As" in e.value.en and str(f) in e.value.message()


def test_a_txt_mixing_utf8_and_gbk_lines_reads_every_line_and_warns(tmp_path: Path):
    utf8 = f"{TITLE}\n{BODY}\n".encode() * 3
    gbk_line = "这一行是从GBK编码的文件里粘贴过来的文字。\n".encode("gbk")
    f = tmp_path / "混合编码.txt"
    f.write_bytes(utf8 + gbk_line + utf8)
    doc = read(f)
    texts = [ln.text for ln in doc.lines]
    assert "这一行是从GBK编码的文件里粘贴过来的文字。" in texts
    assert texts.count(TITLE) == 6 and all("\ufffd" not in t for t in texts)
    assert [w.code for w in doc.warnings] == ["encoding"] and "GBK" in doc.warnings[0].message
