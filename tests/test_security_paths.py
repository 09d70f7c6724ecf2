"""Issue 17: a file name is never an option to an external program; a dropped folder never leaks a linked file
from outside it; the same input named twice is cleaned once; a charset label that is no text encoding falls
back to detection."""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from qg_paths import QINGGAO_CLI, needs_soffice

from core.api import iter_inputs
from core.batch import run_batch
from core.inputs import LINK_OUTSIDE
from core.readers.html import read_html
from core.readers.legacy import convert_command

TEXT = ["关于开展安全检查的通知", "各单位要高度重视，认真组织自查自纠，确保安全生产形势稳定。"]


@pytest.fixture(scope="module")
def real_doc(tmp_path_factory) -> Path:
    """A Word 97-2003 .doc made by the real LibreOffice."""
    import docx
    d = tmp_path_factory.mktemp("doc")
    src = d / "通知.docx"
    w = docx.Document()
    for t in TEXT:
        w.add_paragraph(t)
    w.save(src)
    subprocess.run([shutil.which("soffice") or "soffice", "--headless", "--convert-to", "doc", "--outdir", str(d),
                    str(src)], check=True, capture_output=True, timeout=180)
    return d / "通知.doc"


@needs_soffice
def test_file_names_that_look_like_options_are_converted_as_files(tmp_path, real_doc):
    trap = tmp_path / "trap-profile"  # where the option in the name would put a LibreOffice profile
    names = [f"-env:UserInstallation=file://{trap}/x.doc", "--version.doc"]
    for name in names:
        f = tmp_path / ("./" + name)
        f.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(real_doc, f)
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    env = {**os.environ, "TMPDIR": str(tmp)}
    for name in names:
        r = subprocess.run([str(QINGGAO_CLI), "clean", "./" + name, "--to", "json", "--stdout"], cwd=tmp_path,
                           env=env, capture_output=True, text=True, timeout=300)
        assert r.returncode == 0, r.stderr
        assert TEXT[0] in r.stdout and TEXT[1] in r.stdout  # the file itself was converted and read
    assert not (trap / "x.doc").is_dir() and not (trap / "x.doc" / "user").exists()  # no profile was made there
    assert not any(tmp.iterdir())  # each conversion's own profile and copy are gone afterwards


def test_the_converter_call_takes_absolute_paths_only(tmp_path):
    cmd = convert_command("soffice", tmp_path / "input.doc", tmp_path / "out", tmp_path / "profile")
    assert cmd[1] == f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}"
    assert all(not a.startswith("-") for a in cmd if a.endswith(".doc"))
    with pytest.raises(ValueError):
        convert_command("soffice", Path("-env:UserInstallation=file:/tmp/x.doc"), tmp_path, tmp_path / "p")


def _draft(p: Path, text: str = "\n".join(TEXT)) -> Path:
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return p


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="symlinks")
def test_a_dropped_folder_never_follows_links_out_of_it(tmp_path):
    secret = _draft(tmp_path / "别人的" / "机密.txt", "不该被读取的内容：账号密码清单。")
    other_dir = secret.parent
    dropped = tmp_path / "下载"
    mine = _draft(dropped / "通知.txt")
    _draft(dropped / "子目录" / "计划.txt")
    (dropped / "passwd.txt").symlink_to(secret)
    (dropped / "外部文件夹").symlink_to(other_dir, target_is_directory=True)
    (dropped / "同一篇.txt").symlink_to(mine)  # a link inside the folder: the file is cleaned once
    items = list(iter_inputs([dropped]))
    skipped = {p.name: why for p, why in items if why}
    assert skipped == {"passwd.txt": LINK_OUTSIDE, "外部文件夹": LINK_OUTSIDE}
    assert sorted(p.name for p, why in items if not why) == ["计划.txt", "通知.txt"]
    out = tmp_path / "out"
    results = run_batch([dropped], "txt", out, workers=1)
    written = "".join(p.read_text(encoding="utf-8-sig") for p in out.rglob("*.txt"))
    assert "账号密码" not in written and TEXT[1] in written
    reasons = [r.error for r in results if r.error]
    assert len(reasons) == 2 and all("外" in e and "outside" in e for e in reasons)


def test_an_input_folder_inside_an_output_folder_is_still_walked(tmp_path):
    dropped = tmp_path / "清稿输出" / "再处理"
    _draft(dropped / "通知.txt")
    _draft(dropped / "清稿输出" / "通知.txt")  # our own earlier output below the dropped folder stays out
    items = list(iter_inputs([dropped]))
    assert [(p.relative_to(dropped).as_posix(), why) for p, why in items] == [("通知.txt", None)]


def test_the_same_input_named_three_times_is_cleaned_once(tmp_path):
    f = _draft(tmp_path / "通知.txt")
    out = tmp_path / "out"
    results = run_batch([f, tmp_path / "." / "通知.txt", tmp_path], "txt", out, workers=1)
    assert [r.path.name for r in results] == ["通知.txt"]
    assert [p.name for p in out.iterdir()] == ["通知.txt"]


@pytest.mark.parametrize("label", ["idna", "punycode", "base64", "unicode_escape", "no-such-charset"])
def test_a_charset_label_that_is_no_text_encoding_falls_back_to_detection(label):
    page = (f"<html><head><meta charset=\"{label}\"><title>通知</title></head><body>"
            + "".join(f"<p>{t}</p>" for t in TEXT) + "</body></html>").encode("gbk")
    doc = read_html(page, "通知.html")
    assert [ln.text for ln in doc.lines] == TEXT and doc.encoding == "gb18030"


def test_temporary_folder_is_left_clean_by_a_failed_conversion(tmp_path, monkeypatch):
    # random bytes under a .doc name are refused before LibreOffice is asked
    f = tmp_path / "乱码.doc"
    f.write_bytes(os.urandom(4096))
    from core.errors import QingGaoError
    from core.readers import read
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    with pytest.raises(QingGaoError) as e:
        read(f)
    assert "不是 Word/WPS 文件" in e.value.zh and "not a Word/WPS file" in e.value.en
    assert sorted(p.name for p in tmp_path.iterdir()) == ["乱码.doc"]


def test_an_oversize_paragraph_says_it_is_too_long_not_damaged(tmp_path):
    import random

    import docx

    from core.errors import QingGaoError
    from core.readers import read
    from core.readers.docx import HUGE_TEXT_CHARS
    rnd = random.Random(17)  # varied characters: a repeated phrase would be refused earlier, as a zip bomb
    d = docx.Document()
    d.add_paragraph(TEXT[0])
    d.add_paragraph("".join(chr(rnd.randint(0x4E00, 0x9FA5)) for _ in range(HUGE_TEXT_CHARS + 100_000)))
    d.save(tmp_path / "长段落.docx")
    with pytest.raises(QingGaoError) as e:
        read(tmp_path / "长段落.docx")
    assert "太长" in e.value.zh and "333 万字" in e.value.zh and "too long" in e.value.en and "3,330,000" in e.value.en
    assert "损坏" not in e.value.zh and "damaged" not in e.value.en
