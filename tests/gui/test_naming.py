"""Output names: folder, pattern, collisions — and an input is never overwritten."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from core.batch import output_path
from core.model import Block, Document
from desktop import naming


def _target(src: Path, *, out_dir="", pattern="{name}", collision="suffix", taken=None, inputs=(), doc=None,
            fmt="docx", previous=None) -> Path:
    return naming.target_for(src, doc, fmt=fmt, out_dir=out_dir, pattern=pattern, collision=collision,
                             taken=set() if taken is None else taken, inputs=set(inputs), previous=previous)


def test_defaults_are_the_cli_naming(tmp_path):
    src = tmp_path / "通知.txt"
    src.write_text("x", encoding="utf-8")
    assert _target(src) == output_path(src, "docx", None, set()) == tmp_path / "清稿输出" / "通知.docx"


def test_pattern_tokens_and_unsafe_characters(tmp_path):
    src = tmp_path / "稿.txt"
    doc = Document("稿.txt", blocks=[Block("title", '关于"做好"2021年/教育工作的通知?')])
    stem = naming.apply_pattern("{date}-{title}", src, doc, today=dt.date(2021, 3, 4))
    assert stem == "20210304-关于做好2021年教育工作的通知"
    assert naming.apply_pattern("{title}", src, None) == "稿"  # no title: the file's own name
    assert naming.apply_pattern("CON", src, None) == "_CON"  # a Windows device name
    assert naming.apply_pattern("***", src, None) == "稿"


def test_a_collision_gets_a_suffix_and_keeps_the_existing_file(tmp_path):
    src = tmp_path / "a.txt"
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.docx").write_bytes(b"keep me")
    taken: set[Path] = set()
    first = _target(src, out_dir=out, taken=taken)
    taken.add(first)
    second = _target(src, out_dir=out, taken=taken)
    assert (first.name, second.name) == ("a (2).docx", "a (3).docx")


def test_overwrite_replaces_an_earlier_output_but_never_an_input(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.docx").write_bytes(b"an earlier output")
    src = tmp_path / "a.txt"
    assert _target(src, out_dir=out, collision="overwrite") == out / "a.docx"
    # the output folder holds an input with that very name: suffix, whatever the setting
    draft = out / "a.docx"
    assert _target(src, out_dir=out, collision="overwrite", inputs=[draft]) == out / "a-清稿.docx"
    # exporting beside the source (output folder = input folder) never replaces a file there
    (tmp_path / "b.docx").write_bytes(b"the clerk's own DOCX draft")
    b = tmp_path / "b.txt"
    assert _target(b, out_dir=tmp_path, collision="overwrite") == tmp_path / "b (2).docx"
    # a DOCX input exported as DOCX into its own folder
    d = tmp_path / "c.docx"
    d.write_bytes(b"input")
    assert _target(d, out_dir=tmp_path, collision="overwrite", inputs=[d]) == tmp_path / "c-清稿.docx"


def test_a_re_export_replaces_the_jobs_own_earlier_output(tmp_path):
    src = tmp_path / "a.txt"
    prev = tmp_path / "清稿输出" / "a (2).docx"
    assert _target(src, previous=prev) == prev
    assert _target(src, previous=prev, fmt="txt") != prev  # another format is another file
