"""The CLI and the batch: outputs beside inputs, never over them; one bad file never stops the rest."""
import shutil
import subprocess

from qg_paths import CORPUS, QINGGAO_CLI, need

from core.batch import run_batch

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
