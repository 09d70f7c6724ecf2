"""The CLI and the batch: outputs beside inputs, never over them; one bad file never stops the rest."""
import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest
from qg_paths import CORPUS, QINGGAO_CLI, need, needs_corpus

from core.batch import run_batch
from core.export.atomic import write_atomic

CLI = [str(QINGGAO_CLI)]


def _seed_dir(tmp_path, n):
    src = tmp_path / "下载 的稿子"
    src.mkdir()
    need("corpus")
    seeds = sorted(CORPUS.glob("*.txt"))
    for i in range(n):
        shutil.copy(seeds[i % len(seeds)], src / f"稿子 {i}.txt")
    return src


def test_parallel_batch_writes_every_output_and_reports_the_bad_file(tmp_path):
    src = _seed_dir(tmp_path, 9)
    (src / "坏文件.docx").write_bytes(b"not a zip at all")
    before = {p.name: p.read_bytes() for p in src.iterdir()}
    results = run_batch([src], "docx", tmp_path / "out", workers=2)
    assert len(results) == 10
    failed = [r for r in results if r.error]
    assert len(failed) == 1 and "坏文件.docx" in failed[0].error
    assert len(list((tmp_path / "out").glob("*.docx"))) == 9
    assert {p.name: p.read_bytes() for p in src.iterdir()} == before  # inputs untouched


def test_name_collisions_get_a_suffix_and_existing_files_survive(tmp_path):
    src = _seed_dir(tmp_path, 1)
    out = src / "清稿输出"
    out.mkdir()
    (out / "稿子 0.txt").write_text("clerk's own file", encoding="utf-8")
    r = subprocess.run([*CLI, "clean", str(src / "稿子 0.txt"), "--to", "txt"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert (out / "稿子 0.txt").read_text(encoding="utf-8") == "clerk's own file"
    assert (out / "稿子 0 (2).txt").read_bytes().startswith(b"\xef\xbb\xbf")  # UTF-8 BOM for Notepad


def test_exit_status_and_summary(tmp_path):
    src = _seed_dir(tmp_path, 2)
    (src / "空.txt").write_bytes(b"")
    r = subprocess.run([*CLI, "clean", str(src), "-o", str(tmp_path / "o"), "--to", "json"], capture_output=True, text=True)
    assert r.returncode == 1
    assert "2 done, 1 failed" in r.stderr
    r = subprocess.run([*CLI, "clean"], capture_output=True, text=True)
    assert r.returncode == 2
    r = subprocess.run([*CLI, "clean", str(src), "--stdout"], capture_output=True, text=True)
    assert r.returncode == 2


def test_stdout_json_is_the_document_model():
    import json

    need("corpus")
    seed = sorted(CORPUS.glob("*.txt"))[0]
    r = subprocess.run([*CLI, "clean", str(seed), "--to", "json", "--stdout"], capture_output=True, text=True, check=True)
    d = json.loads(r.stdout)
    assert d["source"] == seed.name and d["blocks"] and {"removed", "changes", "warnings"} <= d.keys()
    assert all({"text", "line", "rule"} <= r_.keys() for r_ in d["removed"])


def test_stdout_txt_is_the_txt_file_without_its_bom(tmp_path):
    need("corpus")
    seed = sorted(CORPUS.glob("*.txt"))[0]
    piped = subprocess.run([*CLI, "clean", str(seed), "--to", "txt", "--stdout"], capture_output=True, check=True).stdout
    subprocess.run([*CLI, "clean", str(seed), "--to", "txt", "-o", str(tmp_path)], capture_output=True, check=True)
    written = next(tmp_path.rglob("*.txt")).read_bytes()
    assert written.startswith(b"\xef\xbb\xbf") and not piped.startswith(b"\xef\xbb\xbf")  # the BOM is for Notepad
    assert piped == written[3:] and piped.decode("utf-8").count("\n") > 5


# --- atomic writes (core/export/atomic.py) ----------------------------------------------------------------------

def _mode(p) -> int:
    return stat.S_IMODE(os.stat(p).st_mode)


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
@pytest.mark.parametrize("umask", [0o022, 0o027, 0o077])
def test_written_file_gets_the_permissions_a_plain_open_would_give(tmp_path, umask):
    old = os.umask(umask)
    try:
        plain = tmp_path / "plain.docx"
        with open(plain, "wb") as f:  # what any other program's "save" leaves
            f.write(b"x")
        out = write_atomic(tmp_path / "out" / "通知.docx", b"data")
    finally:
        os.umask(old)
    assert _mode(out) == _mode(plain) == 0o666 & ~umask  # mkstemp alone would leave 0600
    # overwriting keeps the existing file's mode, as open(path, "wb") does
    os.chmod(out, 0o640)
    again = write_atomic(out, b"new data", overwrite=True)
    assert again == out and out.read_bytes() == b"new data" and _mode(out) == 0o640


def test_bytes_are_fsynced_in_a_temp_file_beside_the_target_then_moved(tmp_path, monkeypatch):
    """Observe (not replace) os.fsync: which file each call flushes, and that a failed flush leaves nothing."""
    synced: list[str] = []
    real_fsync = os.fsync

    def watching_fsync(fd):
        synced.append(os.readlink(f"/proc/self/fd/{fd}"))
        return real_fsync(fd)

    if not Path("/proc/self/fd").is_dir():
        pytest.skip("needs /proc to see which file a descriptor is")
    monkeypatch.setattr(os, "fsync", watching_fsync)
    folder = tmp_path / "输出"
    out = write_atomic(folder / "通知.docx", b"data")
    assert out == folder / "通知.docx" and out.read_bytes() == b"data"
    tmp = Path(synced[0])
    assert tmp.parent == folder and tmp.name.startswith(".qinggao-") and tmp.name.endswith(".part")
    assert Path(synced[-1]) == folder  # the rename is made durable too
    assert sorted(p.name for p in folder.iterdir()) == ["通知.docx"]  # the temp file is gone

    def failing_fsync(fd):  # the disk fails while the new bytes are being flushed
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(OSError):
        write_atomic(out, b"half-written", overwrite=True)
    assert out.read_bytes() == b"data"  # the old file is intact
    assert sorted(p.name for p in folder.iterdir()) == ["通知.docx"]  # and no .part file is left


def test_an_existing_file_is_never_replaced_unless_asked(tmp_path):
    target = tmp_path / "通知.docx"
    target.write_bytes(b"the clerk's own")
    got = write_atomic(target, b"new")
    assert got == tmp_path / "通知 (2).docx" and got.read_bytes() == b"new"
    assert target.read_bytes() == b"the clerk's own"
    assert write_atomic(target, b"newer", taken={tmp_path / "通知 (3).docx"}) == tmp_path / "通知 (4).docx"
    assert write_atomic(target, b"chosen", overwrite=True) == target and target.read_bytes() == b"chosen"


# --- the CLI and the batch: split at docbreaks, overwrite, inputs untouched ---------------------------------------

SEED_WITH_APPENDIX = next(iter(sorted(CORPUS.glob("004_*.txt"))), None)


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int, int]]:
    return {str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns, _mode(p))
            for p in sorted(folder.rglob("*")) if p.is_file() and "清稿输出" not in p.parts}


def _paras(path: Path) -> list[str]:
    import docx

    return [p.text for p in docx.Document(str(path)).paragraphs if p.text.strip()]


def _sections(path: Path) -> int:
    import zipfile

    return zipfile.ZipFile(path).read("word/document.xml").decode("utf-8").count("<w:sectPr")


@needs_corpus
@pytest.mark.parametrize("fmt", ["docx", "txt"])
def test_split_docbreaks_writes_each_appended_document_to_its_own_file(tmp_path, fmt):
    from core.api import clean_file

    src = tmp_path / "下载 的稿子"
    src.mkdir()
    seed = src / "工作要点.txt"
    shutil.copy(SEED_WITH_APPENDIX, seed)
    whole = clean_file(seed)
    assert [b.kind for b in whole.blocks].count("docbreak") == 1  # the seed has one appended document
    r = subprocess.run([*CLI, "clean", str(seed), "--to", fmt, "--split-docbreaks"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    out = src / "清稿输出"
    assert sorted(p.name for p in out.iterdir()) == [f"工作要点-2.{fmt}", f"工作要点.{fmt}"]
    assert "拆分为 2 个文件" in r.stderr and "split into 2 files" in r.stderr
    before, after = [], []
    seen = before
    for b in whole.blocks:
        if b.kind == "docbreak":
            seen = after
        else:
            seen.append(b.text + (b.body or ""))
    if fmt == "txt":
        first = (out / "工作要点.txt").read_text(encoding="utf-8-sig").splitlines()
        second = (out / "工作要点-2.txt").read_text(encoding="utf-8-sig").splitlines()
        assert (first, second) == (before, after)
    else:
        first, second = _paras(out / "工作要点.docx"), _paras(out / "工作要点-2.docx")
        assert first[0] == before[0] and second[0] == after[0] and second[-1] == after[-1]
        assert not set(after) & set(first) and not set(before) & set(second)
        assert _sections(out / "工作要点.docx") == _sections(out / "工作要点-2.docx") == 1  # no page break left
    # without the option: one file, the appended document after a section break
    r = subprocess.run([*CLI, "clean", str(seed), "-o", str(tmp_path / "whole")], capture_output=True, text=True)
    assert r.returncode == 0 and [p.name for p in (tmp_path / "whole").iterdir()] == ["工作要点.docx"]
    assert _sections(tmp_path / "whole" / "工作要点.docx") == 2


@needs_corpus
def test_split_parts_never_take_an_existing_name_and_work_in_a_parallel_batch(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for i in range(9):
        shutil.copy(SEED_WITH_APPENDIX if i % 3 == 0 else sorted(CORPUS.glob("*.txt"))[i % 4], src / f"稿{i}.txt")
    out = tmp_path / "out"
    out.mkdir()
    (out / "稿0-2.docx").write_bytes(b"the clerk's own")
    results = run_batch([src], "docx", out, workers=2, split_docbreaks=True)
    assert all(r.error is None for r in results), [r.error for r in results]
    by = {r.path.name: r for r in results}
    assert [p.name for p in by["稿0.txt"].outputs] == ["稿0.docx", "稿0-2 (2).docx"]
    assert [p.name for p in by["稿3.txt"].outputs] == ["稿3.docx", "稿3-2.docx"]
    assert [p.name for p in by["稿1.txt"].outputs] == ["稿1.docx"]
    assert (out / "稿0-2.docx").read_bytes() == b"the clerk's own"
    assert len({p for r in results for p in r.outputs}) == sum(len(r.outputs) for r in results) == 12
    # --overwrite: every name taken as it comes (稿0-2.docx too, the clerk chose so); nothing new is added
    again = {r.path.name: r for r in run_batch([src], "docx", out, workers=2, split_docbreaks=True, overwrite=True)}
    assert [p.name for p in again["稿0.txt"].outputs] == ["稿0.docx", "稿0-2.docx"]
    assert all(again[n].outputs == by[n].outputs for n in by if n != "稿0.txt")
    assert len(list(out.iterdir())) == 13 and (out / "稿0-2.docx").read_bytes() != b"the clerk's own"


@needs_corpus
def test_overwrite_replaces_earlier_outputs_only_when_chosen_and_never_an_input(tmp_path):
    import docx

    from core.api import clean_file, render

    folder = tmp_path / "稿件"
    folder.mkdir()
    shutil.copy(sorted(CORPUS.glob("*.txt"))[0], folder / "讲话.txt")
    d = docx.Document()
    d.add_paragraph("关于做好2021年教育工作的通知")
    d.add_paragraph("现将有关事项通知如下。" * 5)
    d.save(folder / "讲话.docx")  # an input with the very name the TXT's output would take
    out = folder / "清稿输出"
    out.mkdir()
    (out / "讲话.txt").write_text("an earlier output", encoding="utf-8")
    before = _snapshot(folder)

    r = subprocess.run([*CLI, "clean", str(folder), "--to", "txt"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert (out / "讲话.txt").read_text(encoding="utf-8") == "an earlier output"  # kept: not chosen
    assert sorted(p.name for p in out.iterdir()) == ["讲话 (2).txt", "讲话 (3).txt", "讲话.txt"]

    r = subprocess.run([*CLI, "clean", str(folder / "讲话.txt"), "--to", "txt", "--overwrite"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert (out / "讲话.txt").read_bytes() == render(clean_file(folder / "讲话.txt"), "txt")  # replaced: chosen
    assert len(list(out.iterdir())) == 3

    # -o the inputs' own folder with --overwrite: the DOCX input is never the TXT's output
    r = subprocess.run([*CLI, "clean", str(folder / "讲话.txt"), str(folder / "讲话.docx"), "-o", str(folder),
                        "--overwrite"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    now = _snapshot(folder)
    assert {k: now[k] for k in before} == before  # bytes, mtime and mode of every input unchanged
    made = sorted(p.name for p in folder.iterdir() if p.is_file())
    assert made == ["讲话-清稿 (2).docx", "讲话-清稿.docx", "讲话.docx", "讲话.txt"]


@needs_corpus
def test_inputs_are_never_modified_by_a_batch(tmp_path):
    """Bytes, modification time and mode of every input, after DOCX, TXT and JSON runs with every option."""
    from qg_paths import HTML

    src = tmp_path / "in"
    (src / "子目录").mkdir(parents=True)
    for s in sorted(CORPUS.glob("*.txt")):
        shutil.copy2(s, src / s.name)
    shutil.copy2(next(iter(sorted(HTML.glob("*.html")))), src / "子目录" / "网页.html")
    os.chmod(src / "000_b4075a6b7c439fa0.txt", 0o444)  # a read-only input stays read-only and unread-into
    before = _snapshot(src)
    for args in (["--to", "docx"], ["--to", "txt", "--split-docbreaks"], ["--to", "json", "-o", str(tmp_path / "j")],
                 ["--to", "docx", "--overwrite", "--split-docbreaks"]):
        r = subprocess.run([*CLI, "clean", str(src), *args], capture_output=True, text=True)
        assert r.returncode == 0, r.stderr
    assert _snapshot(src) == before
    names = [p.name for p in (src / "清稿输出").iterdir()]
    assert len(names) == 6 + 6 and not [n for n in names if " (2)" in n]  # docx and txt, 5 + one appended part
