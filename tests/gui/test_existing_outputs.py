"""Issue 15: an export whose output name is taken by an earlier run's file asks (替换 / 另存为新文件 / 跳过 / 取消)
instead of quietly writing "(2)" copies; the answer is followed, and the question is not asked for a job's own
earlier export or when the clerk chose a fixed policy in Options."""
from __future__ import annotations

from pathlib import Path

import pytest

from desktop.jobs import State

TEXT = "关于开展安全检查的通知\n各单位：\n为切实做好安全生产工作，现就有关事项通知如下。\n"


@pytest.fixture()
def earlier(tmp_path) -> tuple[Path, Path]:
    src = tmp_path / "稿件" / "通知.txt"
    src.parent.mkdir()
    src.write_text(TEXT, encoding="utf-8")
    out = src.parent / "清稿输出"
    out.mkdir()
    (out / "通知.docx").write_bytes(b"an earlier run's output")
    return src, out


def _export(window, drop, wait_idle, src: Path, answer: str) -> list[list[str]]:
    asked: list[list[str]] = []
    window.ask_existing = lambda names: asked.append(names) or answer
    drop(window, [src])
    wait_idle(window)
    window.act_export.trigger()
    wait_idle(window)
    return asked


@pytest.mark.parametrize("answer, files, replaced", [
    ("overwrite", ["通知.docx"], True),
    ("suffix", ["通知 (2).docx", "通知.docx"], False),
    ("skip", ["通知.docx"], False),
    ("cancel", ["通知.docx"], False),
])
def test_an_existing_output_is_asked_about_and_the_answer_followed(window, drop, wait_idle, earlier, answer, files,
                                                                    replaced):
    src, out = earlier
    assert window.settings.collision == "ask"  # the default
    asked = _export(window, drop, wait_idle, src, answer)
    assert asked == [["通知.docx"]]
    assert sorted(p.name for p in out.iterdir()) == files
    assert ((out / "通知.docx").read_bytes() != b"an earlier run's output") == replaced
    (job,) = window.model.jobs
    assert job.state == (State.EXPORTED if answer in ("overwrite", "suffix") else State.DONE)


def test_no_question_for_the_jobs_own_export_nor_with_a_fixed_policy(window, drop, wait_idle, earlier):
    src, out = earlier
    asked = _export(window, drop, wait_idle, src, "overwrite")
    (job,) = window.model.jobs
    job.dirty = True  # edited since: exported again over its own file, without a question
    window.act_export.trigger()
    wait_idle(window)
    assert len(asked) == 1 and sorted(p.name for p in out.iterdir()) == ["通知.docx"]
    window.settings.collision = "suffix"
    (out / "other").mkdir()
    src2 = src.parent / "other" / "通知.txt"
    src2.parent.mkdir()
    src2.write_text(TEXT, encoding="utf-8")
    window.settings.out_dir = str(out)
    drop(window, [src2])
    wait_idle(window)
    window.act_export.trigger()
    wait_idle(window)
    assert len(asked) == 1 and "通知 (2).docx" in {p.name for p in out.iterdir()}


@pytest.mark.parametrize("button, answer", [("替换", "overwrite"), ("另存为新文件（加序号）", "suffix"),
                                            ("跳过这些文件", "skip"), ("取消", "cancel")])
def test_the_real_question_names_the_files_and_each_button_gives_its_answer(qtbot, button, answer):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

    from desktop import prompts
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[str] = []

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(30, click)
            return
        seen.append(box.text())
        next(b for b in box.buttons() if b.text() == button).click()

    QTimer.singleShot(30, click)
    assert prompts.ask_existing(parent, ["通知.docx", "报告.docx", "计划.docx", "总结.docx"]) == answer
    assert "4 个文件" in seen[0] and "通知.docx、报告.docx、计划.docx……" in seen[0]
