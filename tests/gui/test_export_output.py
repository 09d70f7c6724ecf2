"""Export from the window: appended documents to their own files, a locked output, a read-only output folder."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from qg_paths import chattr

from desktop.jobs import State
from desktop.options_dialog import OptionsDialog
from desktop.worker import ExportRequest, export


@pytest.fixture()
def seed_with_appendix(tmp_path, corpus) -> Path:
    d = tmp_path / "稿件"
    d.mkdir()
    src = d / "工作要点.txt"
    shutil.copy(next(iter(sorted((corpus / "dev").glob("004_*.txt")))), src)
    return src


def _export_all(window, wait_idle) -> None:
    window.act_export.trigger()
    wait_idle(window)


def test_split_option_writes_each_appended_document_to_its_own_file(window, seed_with_appendix, drop, wait_idle,
                                                                    qtbot, docx_text):
    dlg = OptionsDialog(window.settings, window)
    qtbot.addWidget(dlg)
    assert not dlg.split_docbreaks.isChecked()  # off by default: one file, a new page per appended document
    dlg.split_docbreaks.setChecked(True)
    dlg.accept()
    assert window.settings.split_docbreaks is True

    drop(window, [seed_with_appendix])
    wait_idle(window)
    (job,) = window.model.jobs
    titles = [b.text for b in job.doc.blocks if b.kind == "title"]
    kinds = [b.kind for b in job.doc.blocks]
    appended_first = job.doc.blocks[kinds.index("docbreak") + 1].text
    _export_all(window, wait_idle)
    assert job.state == State.EXPORTED, job.error
    out = seed_with_appendix.parent / "清稿输出"
    assert sorted(p.name for p in out.iterdir()) == ["工作要点-2.docx", "工作要点.docx"]
    assert job.output == out / "工作要点.docx"
    first, second = docx_text(out / "工作要点.docx"), docx_text(out / "工作要点-2.docx")
    assert titles[0] in first and appended_first in second and appended_first not in first

    # exported again: the job's own files are replaced, not multiplied
    window.select_job(job)
    _export_all(window, wait_idle)
    assert sorted(p.name for p in out.iterdir()) == ["工作要点-2.docx", "工作要点.docx"]

    # switched off again: one file holding both documents
    window.settings.split_docbreaks = False
    window.settings.out_dir = str(seed_with_appendix.parent / "一个文件")
    window.select_job(job)
    _export_all(window, wait_idle)
    (single,) = (seed_with_appendix.parent / "一个文件").iterdir()
    assert appended_first in docx_text(single) and titles[0] in docx_text(single)


def test_re_export_while_the_output_is_open_in_word_writes_another_name(window, seed_with_appendix, drop,
                                                                         wait_idle, monkeypatch):
    drop(window, [seed_with_appendix])
    wait_idle(window)
    (job,) = window.model.jobs
    _export_all(window, wait_idle)
    first = job.output
    before = first.read_bytes()
    if os.name == "nt":
        held = open(first, "rb")  # noqa: SIM115 - Word holds it the same way: no rename onto it
    elif chattr("+i", first):  # root: the kernel refuses to replace this file (PermissionError), like Windows
        held = None
    else:
        # Without root Linux cannot make a rename onto one file fail while its folder stays writable, which is
        # Windows' sharing violation for a file open in Word: raise exactly that error for this one path.
        held = None
        real = os.replace

        def replace(src, dst, *a, **k):
            if Path(dst) == first:
                raise PermissionError(13, "being used by another process", str(dst))
            return real(src, dst, *a, **k)

        monkeypatch.setattr(os, "replace", replace)
    try:
        window.select_job(job)
        _export_all(window, wait_idle)
        assert job.state == State.EXPORTED, job.error
        assert job.output == first.with_name(f"{first.stem} (2){first.suffix}")
        assert first.read_bytes() == before
    finally:
        if held is not None:
            held.close()
        elif os.name != "nt":
            chattr("-i", first)


def test_a_read_only_output_folder_fails_the_export_with_a_clear_message(window, seed_with_appendix, drop,
                                                                          wait_idle):
    out = seed_with_appendix.parent / "清稿输出"
    out.mkdir()
    if os.name == "nt":
        pytest.skip("Windows does not enforce a read-only attribute on folders")
    if os.geteuid() != 0:
        os.chmod(out, 0o555)
    elif not chattr("+i", out):
        pytest.skip("root on a file system without chattr +i: no way to make a folder read-only")
    try:
        drop(window, [seed_with_appendix])
        wait_idle(window)
        (job,) = window.model.jobs
        _export_all(window, wait_idle)
        assert job.state == State.FAILED
        assert str(seed_with_appendix) in job.error and str(out) in job.error
        assert "只读" in job.error and "read-only" in job.error and "Traceback" not in job.error
    finally:
        if os.geteuid() != 0:
            os.chmod(out, 0o755)
        else:
            chattr("-i", out)


def test_the_export_task_passes_profile_and_split_through(tmp_path, seed_with_appendix):
    """The worker's own entry, as the pool runs it: explicit split flag and a user's style profile reach the files."""
    import json
    import zipfile

    from core.api import clean_file
    from core.resources import resource

    class Progress:
        def stage(self, name: str) -> None:
            pass

        def is_cancelled(self) -> bool:
            return False

    data = json.loads(resource("profiles", "gbt9704.json").read_text(encoding="utf-8"))
    data["styles"]["body"]["size_pt"] = 14
    mine = tmp_path / "四号字.json"
    mine.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    doc = clean_file(seed_with_appendix)
    target = tmp_path / "out" / "要点.docx"
    got = export(ExportRequest(seed_with_appendix, doc, "docx", target, str(mine), split_docbreaks=True), Progress())
    assert got == target and sorted(p.name for p in target.parent.iterdir()) == ["要点-2.docx", "要点.docx"]
    for f in target.parent.iterdir():
        styles = zipfile.ZipFile(f).read("word/styles.xml").decode("utf-8")
        assert 'w:sz w:val="28"' in styles and 'w:sz w:val="32"' not in styles.split("Heading1")[0]
    got = export(ExportRequest(seed_with_appendix, doc, "txt", tmp_path / "t" / "要点.txt", None,
                               split_docbreaks=False), Progress())
    assert [p.name for p in got.parent.iterdir()] == ["要点.txt"]
