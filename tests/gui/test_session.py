"""Never lose work: the close prompt (导出 / 不导出 / 取消) and the session restored on the next start."""
from __future__ import annotations

import json

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import session
from desktop.jobs import State

SEED = "000_b4075a6b7c439fa0.txt"
OTHER = "001_68aa153ba2736ca8.txt"


def _answer(button_text: str, seen: list[str]) -> None:
    """Click a button of the close prompt once it is up (it is modal: exec() returns after the click)."""
    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, click)
            return
        seen.append(box.text())
        next(b for b in box.buttons() if b.text() == button_text).click()

    QTimer.singleShot(50, click)


def _first_paragraph(doc) -> int:
    return next(i for i, b in enumerate(doc.blocks) if b.kind == "paragraph" and len(b.text) > 20)


def test_close_with_unexported_work_asks_and_the_session_comes_back(make_window, drafts, drop, wait_idle, qtbot):
    w = make_window()
    del w.ask_unexported  # the real prompt, not the tests' default answer
    drop(w, [drafts / SEED, drafts / OTHER])
    wait_idle(w)
    seed, other = w.model.jobs
    i = _first_paragraph(seed.doc)
    w.select_job(seed)
    assert w.review.apply("set_kind", "title", index=i)
    assert w.review.apply("set_text", "今天我们召开全市教育工作会议。", index=i + 1)
    w.select_job(other)

    seen: list[str] = []
    _answer("取消", seen)
    w.close()
    assert w.isVisible() and "2 个文件" in seen[0]  # 取消: nothing happens

    _answer("导出", seen)
    w.close()  # 导出: the files are written, then the window closes
    qtbot.waitUntil(lambda: not w.isVisible(), timeout=30000)
    assert seed.output.is_file() and other.output.is_file()

    saved = json.loads(session.session_file().read_text(encoding="utf-8"))
    assert [j["path"] for j in saved["jobs"]] == [str(seed.path), str(other.path)] and saved["selected"] == 1
    assert [e["op"] for e in saved["jobs"][0]["edits"]] == ["set_kind", "set_text"]

    w2 = make_window()  # the next start
    wait_idle(w2)
    a, b = w2.model.jobs
    assert (a.path, b.path) == (seed.path, other.path)
    assert a.doc.blocks[i].kind == "title" and a.doc.blocks[i + 1].text == "今天我们召开全市教育工作会议。"
    assert a.state == State.EXPORTED and not a.dirty and a.output == seed.output  # nothing new to export
    assert w2.current_job() is b  # the file selected at closing
    w2.select_job(a)
    w2.review.actions_["undo"].trigger()  # the restored edits are undoable as before
    wait_idle(w2)
    assert a.doc.blocks[i + 1].text != "今天我们召开全市教育工作会议。" and a.dirty


def test_a_crash_loses_at_most_the_edit_being_typed(make_window, drafts, drop, wait_idle):
    w = make_window()
    drop(w, [drafts / SEED])
    wait_idle(w)
    job = w.model.jobs[0]
    w.select_job(job)
    i = _first_paragraph(job.doc)
    assert w.review.apply("merge_next", index=i)
    merged = job.doc.blocks[i].text
    # no close: the session file already holds the edit, written atomically (no .part file left)
    saved = session.load()
    assert [e.op for e in saved.jobs[0].edits] == ["merge_next"]
    assert not list(session.session_file().parent.glob("*.part"))

    w2 = make_window()  # as after a crash: the first window never closed
    wait_idle(w2)
    again = w2.model.jobs[0]
    assert again.state == State.DONE and again.doc.blocks[i].text == merged


def test_closing_with_everything_exported_does_not_ask(make_window, drafts, drop, wait_idle):
    w = make_window()
    asked: list[int] = []
    w.ask_unexported = lambda n: asked.append(n) or "cancel"
    drop(w, [drafts / SEED])
    wait_idle(w)
    w.export_pending()
    wait_idle(w)
    w.close()
    assert asked == [] and not w.isVisible()


def test_an_unreadable_session_file_is_set_aside(make_window):
    f = session.session_file()
    f.parent.mkdir(parents=True, exist_ok=True)
    f.write_text("{not json", encoding="utf-8")
    w = make_window()
    assert w.model.rowCount() == 0 and f.with_name("session.json.bad").exists()
