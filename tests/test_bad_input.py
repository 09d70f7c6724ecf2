"""Bad input: each problem file gives a clear Chinese + English message naming the file and what to do,
and a batch reports it and goes on. Every file here is a real file of its kind, made or committed."""
from __future__ import annotations

import importlib.util
import io
import os
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from qg_paths import chattr

from core.batch import run_batch
from core.errors import QingGaoError
from core.readers import guard, read

DATA = Path(__file__).resolve().parent / "data"
_spec = importlib.util.spec_from_file_location("make_fixtures", DATA / "make_fixtures.py")
fx = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fx)
BAD = DATA / "bad"
PROSE = "为切实做好今年的安全生产工作，确保人民群众生命财产安全，现就有关事项通知如下。\n"
CJK = re.compile(r"[\u4e00-\u9fff]")


def refused(path: Path) -> QingGaoError:
    before = path.read_bytes() if path.stat().st_size < 50_000_000 else None
    with pytest.raises(QingGaoError) as info:
        read(path)
    e = info.value
    assert e.path == str(path), "the message names the file"
    assert CJK.search(e.zh) and not CJK.search(e.en), "one Chinese and one English message"
    assert str(path) in e.message()
    if before is not None:
        assert path.read_bytes() == before, "input never modified"
    return e


@pytest.mark.parametrize("name", ["空文件.txt", "empty page.html", "空 文档.docx", "old.doc"])
def test_zero_byte_file(tmp_path: Path, name):
    f = tmp_path / name
    f.write_bytes(b"")
    e = refused(f)
    assert "0 字节" in e.zh and "empty" in e.en


def test_png_renamed_txt(tmp_path: Path):
    from PIL import Image

    f = tmp_path / "扫描件.txt"
    buf = io.BytesIO()
    Image.new("RGB", (40, 20), "white").save(buf, "PNG")
    f.write_bytes(buf.getvalue())
    e = refused(f)
    assert "PNG 图片" in e.zh and "PNG image" in e.en


def test_pdf_renamed_txt_says_how_to_get_the_text(tmp_path: Path):
    f = tmp_path / "文件.txt"
    f.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n" + bytes(range(256)) * 4)
    e = refused(f)
    assert "PDF" in e.zh and "PDF" in e.en


def test_binary_content_with_a_text_extension(tmp_path: Path):
    f = tmp_path / "data.txt"
    f.write_bytes(bytes(range(256)) * 40)
    e = refused(f)
    assert "二进制" in e.zh and "binary" in e.en


@pytest.mark.parametrize("enc", ["utf-16-le", "utf-16-be"])
def test_utf16_text_without_a_bom_is_not_taken_for_binary(enc):
    # its NUL bytes and low byte values would look binary to a naive check
    guard.check_text_bytes((PROSE * 20).encode(enc), "讲话稿.txt")
    guard.check_text_bytes(("Total 2021 年 ABC 工作总结\n" * 20).encode(enc), "a.txt")


def test_truncated_docx(tmp_path: Path):
    f = tmp_path / "下载一半.docx"
    f.write_bytes(fx.simple_docx([PROSE] * 50)[:3000])
    e = refused(f)
    assert "损坏或不完整" in e.zh and "damaged" in e.en


def test_docx_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path):
    f = fx.zip_bomb(tmp_path / "炸弹.docx", unpacked_mb=int(guard.limits()["docx_max_uncompressed_mb"]) + 20)
    assert f.stat().st_size < 2_000_000
    e = refused(f)
    assert "异常" in e.zh and f"{guard.limits()['docx_max_uncompressed_mb']} MB" in e.en


def test_docx_member_with_an_absurd_compression_ratio_is_refused(tmp_path: Path):
    f = fx.zip_bomb(tmp_path / "ratio.docx", unpacked_mb=int(guard.limits()["docx_ratio_min_member_mb"]) + 5)
    e = refused(f)
    assert "压缩比" in e.zh and "fill.bin" in e.en


def test_encrypted_docx_says_remove_the_password():
    e = refused(BAD / "encrypted.docx")
    assert "密码" in e.zh and "password" in e.en


def test_old_doc_renamed_docx_says_save_as_docx(tmp_path: Path):
    f = tmp_path / "旧文档.docx"
    f.write_bytes((BAD / "old-word.doc").read_bytes())
    e = refused(f)
    assert ".doc" in e.zh and "另存为" in e.zh and "Save As" in e.en


def test_rtf_renamed_docx(tmp_path: Path):
    f = tmp_path / "a.docx"
    f.write_bytes(b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 SimSun;}} hello}")
    e = refused(f)
    assert "RTF" in e.zh and "RTF" in e.en


def test_spreadsheet_renamed_docx(tmp_path: Path):
    f = tmp_path / "表格.docx"
    with zipfile.ZipFile(f, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
    e = refused(f)
    assert "Excel" in e.zh and "word/document.xml" in e.en


@pytest.mark.parametrize("suffix,kind", [(".txt", "txt"), (".html", "html")])
def test_file_over_the_size_limit_is_refused_with_the_limit_stated(tmp_path: Path, suffix, kind):
    limit = guard.limits()[f"{kind}_max_mb"]
    f = tmp_path / f"巨大 文件{suffix}"
    with f.open("wb") as fh:
        fh.truncate(int((limit + 1) * guard.MB))  # sparse: the guard must refuse from the size alone
    e = refused(f)
    assert f"{limit} MB" in e.zh and f"{limit} MB" in e.en


def test_docx_inside_a_txt_name_is_read_as_docx(tmp_path: Path):
    f = tmp_path / "报告.txt"
    f.write_bytes(fx.simple_docx(["一、主要工作", PROSE.strip()]))
    doc = read(f)
    assert [ln.text for ln in doc.lines] == ["一、主要工作", PROSE.strip()]
    assert any(w.code == "format" and "DOCX" in w.message for w in doc.warnings)


def test_html_saved_as_doc_is_read_as_html(tmp_path: Path):
    # 文库 sites often hand out a "Word" file that is a web page
    f = tmp_path / "范文.doc"
    f.write_text(f"<html><head><meta charset='utf-8'></head><body><div><p>{PROSE}</p></div></body></html>",
                 encoding="utf-8")
    doc = read(f)
    assert doc.lines[0].text == PROSE.strip()
    assert any(w.code == "format" for w in doc.warnings)


@pytest.mark.parametrize("name", ["会议 纪要（2021年）.txt", "关于 开展 检查 的通知.docx", "讲话 稿.html"])
def test_chinese_names_with_spaces_are_read(tmp_path: Path, name):
    f = tmp_path / "子 文件夹" / name
    f.parent.mkdir()
    if name.endswith(".txt"):
        f.write_bytes(PROSE.encode("gbk"))
    elif name.endswith(".docx"):
        f.write_bytes(fx.simple_docx([PROSE.strip()]))
    else:
        f.write_text(f"<html><body><p>{PROSE}</p></body></html>", encoding="utf-8")
    doc = read(f)
    assert doc.source == name
    assert doc.lines[0].text == PROSE.strip()


def test_batch_reports_bad_files_and_goes_on(tmp_path: Path):
    src = tmp_path / "待处理 文稿"
    src.mkdir()
    (src / "空.txt").write_bytes(b"")
    (src / "加密.docx").write_bytes((BAD / "encrypted.docx").read_bytes())
    (src / "坏的.docx").write_bytes(b"PK\x03\x04" + os.urandom(200))
    (src / "图片.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (src / "好的 通知.txt").write_bytes(("关于开展安全检查的通知\n各学校：\n" + PROSE).encode("gbk"))
    results = run_batch([src], fmt="txt", out_dir=tmp_path / "out")
    by_name = {r.path.name: r for r in results}
    assert by_name["好的 通知.txt"].error is None and by_name["好的 通知.txt"].output.exists()
    for bad in ("空.txt", "加密.docx", "坏的.docx", "图片.txt"):
        err = by_name[bad].error
        assert err and bad in err and CJK.search(err), bad
        assert "处理时出错" not in err, f"{bad}: a reader error, not a crash"


# --- output faults: the folder, the file, the clerk's choice -------------------------------------------------------

NOTICE = ("关于开展安全检查的通知\n各学校：\n" + PROSE).encode("gbk")


@pytest.fixture()
def read_only():
    """Make a folder really read-only. A normal user: chmod 555. Root ignores modes, so there the immutable
    attribute (chattr +i), which the kernel enforces even for root. Undone after the test."""
    undo = []

    def lock(folder: Path) -> None:
        if os.name == "nt":
            pytest.skip("Windows does not enforce a read-only attribute on folders")
        if os.geteuid() != 0:
            os.chmod(folder, 0o555)
            undo.append(lambda: os.chmod(folder, 0o755))
        elif chattr("+i", folder):
            undo.append(lambda: chattr("-i", folder))
        else:
            pytest.skip("root on a file system without chattr +i: no way to make a folder read-only")
        with pytest.raises(OSError):
            (folder / "probe").write_bytes(b"")  # it really refuses new files

    yield lock
    for u in reversed(undo):
        u()


@pytest.fixture()
def open_in_word(monkeypatch):
    """Make replacing one file fail as Windows does while Word has it open, the folder staying writable.
    Windows: really hold it open (Python opens without FILE_SHARE_DELETE, so a rename onto it is refused).
    Linux as root: chattr +i, a real kernel refusal (PermissionError) of replacing that one file."""
    undo = []

    def lock(path: Path) -> str:
        if os.name == "nt":
            f = open(path, "rb")  # noqa: SIM115 - held until the test ends
            undo.append(f.close)
            return "held open"
        if chattr("+i", path):
            undo.append(lambda: chattr("-i", path))
            return "immutable"
        # Without root, Linux has no way to make rename() onto one file fail while its folder stays writable, which
        # is exactly Windows' sharing violation. So only here: os.replace raises that error (PermissionError,
        # errno 13, WinError 32) for this one path; every other call is the real one.
        real = os.replace

        def replace(src, dst, *a, **k):
            if Path(dst) == path:
                raise PermissionError(13, "The process cannot access the file because it is being used by "
                                          "another process", str(dst))
            return real(src, dst, *a, **k)

        monkeypatch.setattr(os, "replace", replace)
        return "simulated"

    yield lock
    for u in reversed(undo):
        u()


def _cli(*args: str) -> subprocess.CompletedProcess:
    from qg_paths import QINGGAO_CLI

    return subprocess.run([str(QINGGAO_CLI), "clean", *args], capture_output=True, text=True)


def _drafts(root: Path, *names: str) -> list[Path]:
    out = []
    for n in names:
        f = root / n
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_bytes(NOTICE)
        out.append(f)
    return out


def test_missing_output_folder_is_created(tmp_path: Path):
    (src,) = _drafts(tmp_path, "通知.txt")
    out = tmp_path / "还 没有" / "的 文件夹"
    r = _cli(str(src), "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert [p.name for p in out.iterdir()] == ["通知.docx"]


def test_output_folder_that_cannot_be_created_fails_each_file_clearly(tmp_path: Path):
    a, b = _drafts(tmp_path, "甲 通知.txt", "乙 通知.txt")
    blocker = tmp_path / "输出"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    r = _cli(str(a), str(b), "-o", str(blocker / "子目录"))
    assert r.returncode == 1
    assert "Traceback" not in r.stderr and "0 done, 2 failed" in r.stderr
    for src in (a, b):  # each file reported, the batch went on to the second
        assert str(src) in r.stderr
    assert "不存在，也无法创建" in r.stderr and "cannot be created" in r.stderr
    assert str(blocker / "子目录") in r.stderr and "-o" in r.stderr
    assert blocker.read_text(encoding="utf-8") == "a file where the folder should be"


def test_read_only_output_folder_fails_that_file_and_the_batch_goes_on(tmp_path: Path, read_only):
    good, bad = _drafts(tmp_path, "甲/通知.txt", "乙/通知.txt")
    locked = bad.parent / "清稿输出"
    locked.mkdir()
    read_only(locked)
    r = _cli(str(good.parent), str(bad.parent))
    assert r.returncode == 1, r.stderr  # some failed
    assert "Traceback" not in r.stderr and "1 done, 1 failed" in r.stderr
    assert (good.parent / "清稿输出" / "通知.docx").is_file()
    line = next(ln for ln in r.stderr.splitlines() if ln.startswith("失败"))
    assert str(bad) in line and str(locked) in line and "只读" in line and "通知.docx" in line
    assert f"{bad}: the output folder {locked} is read-only" in r.stderr
    # a missing folder inside a read-only one cannot be created: said so, not "read-only"
    (res,) = run_batch([good], "docx", out_dir=locked / "新建")
    assert res.output is None and "不存在，也无法创建" in res.error and str(good) in res.error


def test_output_open_in_word_is_written_under_another_name_and_said(tmp_path: Path, open_in_word, capsys):
    from core.cli import main

    (src,) = _drafts(tmp_path, "通知.txt")
    out = tmp_path / "输出"
    (first,) = run_batch([src], "docx", out_dir=out)
    target = out / "通知.docx"
    assert first.output == target
    before = target.read_bytes()
    open_in_word(target)
    (res,) = run_batch([src], "docx", out_dir=out, overwrite=True)
    assert res.error is None and res.output == out / "通知 (2).docx"
    assert res.output.read_bytes() == before  # the same export, under the other name
    assert len(res.notes) == 1 and "通知.docx" in res.notes[0] and "通知 (2).docx" in res.notes[0]
    assert "Word" in res.notes[0] and CJK.search(res.notes[0].splitlines()[0])
    assert target.read_bytes() == before
    # the command line says so too, and it is not a failure
    assert main(["clean", str(src), "-o", str(out), "--overwrite"]) == 0
    err = capsys.readouterr().err
    assert "通知 (3).docx" in err and "could not be replaced" in err and "Traceback" not in err
    assert sorted(p.name for p in out.iterdir()) == ["通知 (2).docx", "通知 (3).docx", "通知.docx"]


def test_a_folder_with_the_output_name_is_never_replaced(tmp_path: Path):
    (src,) = _drafts(tmp_path, "通知.txt")
    out = tmp_path / "输出"
    (out / "通知.docx").mkdir(parents=True)  # a real obstacle on every system
    (res,) = run_batch([src], "docx", out_dir=out)
    assert res.output == out / "通知 (2).docx" and not res.notes  # not chosen: just the next free name
    (res,) = run_batch([src], "docx", out_dir=out, overwrite=True)
    assert res.error is None and res.output == out / "通知 (3).docx"
    assert "could not be replaced" in res.notes[0]
    assert (out / "通知.docx").is_dir()
