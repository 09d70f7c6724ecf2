"""The queue, driven through the real window: drops, batch, failures, cancel, responsiveness."""
from __future__ import annotations

import shutil
import time
from pathlib import Path

import docx
from PySide6.QtCore import QElapsedTimer, QTimer

from desktop.jobs import JobsModel, State


def _col(window, job, col: int) -> str:
    row = window.model.row_of(job.id)
    return window.model.index(row, col).data()


def test_drop_fills_the_queue_and_export_writes_clean_docx(window, drafts, drop, wait_idle, corpus, docx_text):
    (drafts / "notes.xlsx").write_bytes(b"PK\x03\x04 not a draft")  # (a PDF is read since issue 14)
    sub = drafts / "子文件夹"
    sub.mkdir()
    shutil.copy(corpus / "dev" / "001_68aa153ba2736ca8.txt", sub / "另一篇.txt")
    inputs_before = {p: p.read_bytes() for p in drafts.rglob("*") if p.is_file()}

    drop(window.table.viewport(), [drafts])  # a folder, dropped on the queue itself (not the window frame)
    assert window.model.rowCount() == 9
    wait_idle(window)

    jobs = {j.name: j for j in window.model.jobs}
    assert jobs["notes.xlsx"].state == State.SKIPPED
    assert "不支持的文件类型" in _col(window, jobs["notes.xlsx"], JobsModel.COL_STATUS)
    cleaned = [j for j in window.model.jobs if j.state == State.DONE]
    assert len(cleaned) == 8
    seed = jobs["000_b4075a6b7c439fa0.txt"]
    assert _col(window, seed, JobsModel.COL_TYPE) == "TXT"
    assert _col(window, seed, JobsModel.COL_ENC) == "UTF-8"
    assert int(_col(window, seed, JobsModel.COL_REMOVED)) == len(seed.doc.removed) > 0
    assert "原文缺失" in _col(window, seed, JobsModel.COL_WARN)  # the seed's preview banner is a gap
    assert _col(window, jobs["gne__people.html"], JobsModel.COL_TYPE) == "HTML"

    window.act_export.trigger()
    wait_idle(window)
    for j in cleaned:
        assert j.state == State.EXPORTED, j.error
        assert j.output.parent == j.path.parent / "清稿输出" and j.output.suffix == ".docx"
        assert _col(window, j, JobsModel.COL_OUT) == str(j.output)
    text = docx_text(seed.output)
    assert "今天我们召开一年一度的全市教育系统工作会议" in text
    kept = seed.doc.text()
    noise = [r.text for r in seed.doc.removed if len(r.text) > 4 and r.text not in kept]
    assert noise and not [t for t in noise if t in text]  # what the cleaner removed is not in the DOCX
    assert {p: p.read_bytes() for p in inputs_before} == inputs_before  # inputs untouched


def test_a_failing_file_shows_its_message_and_the_others_finish(window, drafts, drop, wait_idle):
    bad = drafts / "损坏的文件.docx"
    bad.write_bytes(b"PK\x03\x04 this is not really a docx")
    drop(window, [bad, *sorted(drafts.glob("00*.txt"))])
    wait_idle(window)
    jobs = {j.name: j for j in window.model.jobs}
    failed = jobs["损坏的文件.docx"]
    assert failed.state == State.FAILED
    status = _col(window, failed, JobsModel.COL_STATUS)
    assert status.startswith("失败：") and "DOCX" in status and "Traceback" not in failed.error
    assert "损坏的文件.docx" in failed.error and "\n" in failed.error  # names the file, Chinese + English
    assert all(j.state == State.DONE for n, j in jobs.items() if n != "损坏的文件.docx")
    window.table.selectRow(window.model.row_of(failed.id))
    assert "DOCX" in window.review.summary.full_text()  # the review says why, no dialog
    window.act_export.trigger()
    wait_idle(window)
    assert sum(j.state == State.EXPORTED for j in window.model.jobs) == 5


def _many(drafts: Path, n: int) -> Path:
    big = drafts.parent / "big"
    big.mkdir()
    seeds = sorted(drafts.glob("*.txt"))
    for i in range(n):
        shutil.copy(seeds[i % len(seeds)], big / f"稿件{i:03d}.txt")
    return big


def test_cancel_stops_a_long_batch(window, drafts, drop, wait_idle, qtbot):
    big = _many(drafts, 200)
    drop(window, [big])
    assert window.act_cancel.isEnabled()
    qtbot.waitUntil(lambda: any(j.state == State.DONE for j in window.model.jobs), timeout=30000)
    window.act_cancel.trigger()
    t = time.monotonic()
    wait_idle(window, timeout=30000)
    assert time.monotonic() - t < 3  # running files stop at once (their workers are killed), the rest never start
    states = [j.state for j in window.model.jobs]
    assert states.count(State.CANCELLED) > 100
    assert State.WAITING not in states and State.RUNNING not in states
    assert not window.act_cancel.isEnabled()
    # a later drop starts a fresh batch that is not cancelled
    drop(window, [drafts / "000_b4075a6b7c439fa0.txt"])
    wait_idle(window)
    assert window.model.jobs[-1].state == State.DONE


def test_the_window_stays_responsive_during_a_large_batch(window, drafts, drop, wait_idle, qtbot):
    from core.segment import warm_up_in_background
    from desktop.worker import warm_up

    warm_up().join()  # as the app does at start-up: loading modules and jieba holds the interpreter a moment
    warm_up_in_background().join()
    big = _many(drafts, 300)
    clock = QElapsedTimer()
    gaps: list[int] = []
    progress: list[int] = []
    last = [0]
    timer = QTimer()
    timer.setInterval(20)

    def tick() -> None:  # runs only when the event loop gets to it
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now
        progress.append(window.progress.value())

    timer.timeout.connect(tick)
    clock.start()
    timer.start()
    t0 = time.monotonic()
    drop(window, [big])  # queuing 300 files happens on the UI thread: it must be quick too
    queued_in = time.monotonic() - t0
    wait_idle(window, timeout=120000)
    timer.stop()
    took = clock.elapsed()
    assert window.model.rowCount() == 300 and all(j.state == State.DONE for j in window.model.jobs)
    assert queued_in < 2.0
    assert took > 300  # a real batch, long enough to tell
    assert len(gaps) > took / 20 / 3  # the loop kept ticking through the batch...
    assert max(gaps[1:]) < 600, gaps  # ...never stalled (the first result also lays out the review)...
    assert sorted(gaps)[int(len(gaps) * 0.9)] < 120, gaps  # ...and mostly ticked on time
    assert len(set(progress)) > 5 and progress == sorted(progress)  # ...and the progress bar moved on


def test_the_qt_binding_keeps_its_references():
    """A binding that loses references aborts the app mid-batch (PySide6 6.12.0 did)."""
    from desktop.qtcheck import refcount_drift

    assert refcount_drift() == {"True": 0, "None": 0}


def test_export_follows_the_name_pattern_and_never_overwrites(window, drafts, drop, wait_idle, tmp_path):
    out = tmp_path / "输出"
    window.settings.out_dir = str(out)
    window.settings.name_pattern = "{name}-清稿"
    a = drafts / "000_b4075a6b7c439fa0.txt"
    other = tmp_path / "other"
    other.mkdir()
    b = other / a.name  # same name, different folder: both go to one output folder
    shutil.copy(a, b)
    out.mkdir()
    (out / "000_b4075a6b7c439fa0-清稿.docx").write_bytes(b"an earlier file the clerk keeps")
    drop(window, [a, b])
    wait_idle(window)
    window.act_export.trigger()
    wait_idle(window)
    outs = sorted(j.output.name for j in window.model.jobs)
    assert outs == ["000_b4075a6b7c439fa0-清稿 (2).docx", "000_b4075a6b7c439fa0-清稿 (3).docx"]
    assert (out / "000_b4075a6b7c439fa0-清稿.docx").read_bytes() == b"an earlier file the clerk keeps"
    for j in window.model.jobs:
        docx.Document(str(j.output))  # a real DOCX


def test_auto_export_and_pasted_text(window, wait_idle, isolated_user, docx_text):
    from PySide6.QtGui import QGuiApplication

    window.settings.auto_export = True
    QGuiApplication.clipboard().setText("关于做好2021年教育工作的通知\n各县(市、区)教育局:\n现将有关事项通知如下。\n")
    job = window.paste_text()
    assert job is not None and job.path.read_text(encoding="utf-8").startswith("关于做好")
    wait_idle(window)
    assert job.state == State.EXPORTED, job.error
    assert job.output.parent.name == "清稿输出" and isolated_user in job.output.parents or job.output.exists()
    assert "现将有关事项通知如下" in docx_text(job.output)


def test_text_dropped_from_a_browser_becomes_a_draft(window, drop, wait_idle):
    drop(window.review.page.viewport(), text="关于开展安全检查的通知\n各单位：\n请于3月底前完成自查。\n")
    wait_idle(window)
    job = window.model.jobs[0]
    assert job.path.suffix == ".txt" and job.state == State.DONE
    assert "请于3月底前完成自查" in job.doc.text()
