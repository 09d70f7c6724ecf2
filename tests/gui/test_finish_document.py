"""Finishing a document in the window: typing in the result, find/replace, placeholders, restore that shows."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from desktop.jobs import State
from desktop.placeholders import find_placeholders

SEED = "000_b4075a6b7c439fa0.txt"
OTHER = "004_cfa35512ceda4fd7.txt"  # 142 "X" placeholders (X市, X局…)


@pytest.fixture()
def reviewed(window, drafts, drop, wait_idle):
    drop(window, [drafts / SEED])
    wait_idle(window)
    job = window.model.jobs[0]
    assert job.state == State.DONE
    window.select_job(job)
    return window, job


def ime_type(widget, text: str) -> None:
    ev = QInputMethodEvent("", [])
    ev.setCommitString(text)
    QApplication.sendEvent(widget, ev)


def _paragraph(doc, min_len: int = 20) -> int:
    return next(i for i, b in enumerate(doc.blocks) if b.kind == "paragraph" and len(b.text) > min_len)


def _caret(page, index: int, offset: int) -> None:
    page.select_block(index)
    cur = page.textCursor()
    cur.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.MoveAnchor, offset)
    page.setTextCursor(cur)


def test_typing_in_the_result_is_an_edit_the_docx_follows_and_undo_takes_back(reviewed, qtbot, wait_idle,
                                                                            docx_text):
    window, job = reviewed
    page = window.review.page
    assert not page.isReadOnly()
    i = _paragraph(job.doc)
    before = job.doc.blocks[i].text
    _caret(page, i, 4)
    page.setFocus()
    ime_type(page, "已核对")  # what a Chinese input method sends when the clerk picks the words
    qtbot.waitUntil(lambda: len(job.edits) == 1, timeout=3000)  # recorded once the clerk pauses
    assert job.edits[0].op == "set_text"
    assert job.doc.blocks[i].text == before[:4] + "已核对" + before[4:]
    assert any(c.kind == "clerk" and "set_text" in c.detail for c in job.doc.changes)

    window.act_export.trigger()
    wait_idle(window)
    assert before[:4] + "已核对" + before[4:] in docx_text(job.output)

    # Enter in the middle of a paragraph splits it (recorded as a split, replayable)
    _caret(page, i, 10)
    qtbot.keyClick(page, Qt.Key.Key_Return)
    assert window.review.commit_typing()
    assert job.doc.blocks[i].text == (before[:4] + "已核对" + before[4:])[:10]
    assert [e.op for e in job.edits] == ["set_text", "split"]

    # Ctrl+Z in the pane is the review's undo (a re-clean without the last edit), not the text's own
    qtbot.keyClick(page, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_idle(window)
    assert [e.op for e in job.edits] == ["set_text"]
    assert job.doc.blocks[i].text == before[:4] + "已核对" + before[4:]
    window.act_export.trigger()
    wait_idle(window)
    assert before[:4] + "已核对" + before[4:] in docx_text(job.output)


def test_typing_over_a_gap_note_is_refused_and_the_note_comes_back(reviewed, qtbot):
    window, job = reviewed
    gap = next(i for i, b in enumerate(job.doc.blocks) if b.kind == "gap")
    _caret(window.review.page, gap, 2)
    ime_type(window.review.page, "乱")
    assert not window.review.commit_typing()
    assert job.edits == [] and "乱" not in window.review.page.toPlainText()


def test_find_and_replace(reviewed, qtbot, wait_idle):
    window, job = reviewed
    review = window.review
    review.actions_["replace"].trigger()  # Ctrl+H
    bar = review.find_bar
    assert bar.isVisible() and bar.repl.isVisible()
    n = job.doc.text().count("教育")
    bar.find.setText("教育")
    assert bar.occurrences() == n > 3
    bar.repl.setText("育人")
    assert bar.replace_one()  # types over the first one: a set_text edit
    assert job.doc.text().count("教育") == n - 1 and job.edits[-1].op == "set_text"
    bar.btn_all.click()  # the rest at once: one replace edit
    assert "教育" not in job.doc.text() and job.edits[-1].op == "replace" and len(job.edits) == 2
    review.actions_["undo"].trigger()  # one undo takes back the whole 全部替换
    wait_idle(window)
    assert job.doc.text().count("教育") == n - 1


def test_a_placeholder_filled_across_the_batch(window, drafts, drop, wait_idle, docx_text):
    drop(window, [drafts / SEED, drafts / OTHER])
    wait_idle(window)
    a, b = window.model.jobs
    assert "X" in {s.text for s in find_placeholders(a.doc)} and "X" in {s.text for s in find_placeholders(b.doc)}
    window.select_job(b)
    review = window.review
    review.actions_["placeholders"].trigger()
    panel = review.placeholders
    assert panel.isVisible() and panel.list.count() == len(find_placeholders(b.doc)) > 100
    row = next(k for k, s in enumerate(panel.spots) if s.text == "X")
    panel.list.setCurrentRow(row)
    assert panel.what.text() == "X"
    panel.value.setText("青山")
    panel.btn_batch.click()
    for job in (a, b):
        assert "X" not in {s.text for s in find_placeholders(job.doc)}
        assert "青山" in job.doc.text() and job.edits[-1].op == "replace"
    assert "青山市" in b.doc.text() or "青山县" in b.doc.text()
    assert panel.list.count() < 100  # the list follows
    window.act_export.trigger()
    wait_idle(window)
    for job in (a, b):
        text = docx_text(job.output)
        assert "青山" in text and "X市" not in text


def test_fill_one_placeholder_here(reviewed):
    window, job = reviewed
    review = window.review
    review.actions_["placeholders"].trigger()
    panel = review.placeholders
    spot = panel.spots[0]
    panel.list.setCurrentRow(0)
    panel.value.setText("某某单位")
    left = len(panel.spots)
    panel.btn_here.click()
    whole = job.doc.blocks[spot.block].text + (job.doc.blocks[spot.block].body or "")
    assert "某某单位" in whole and len(find_placeholders(job.doc)) == left - 1


def test_restore_waits_for_a_removed_line_and_restores_the_selection_as_own_blocks(reviewed, wait_idle):
    window, job = reviewed
    review = window.review
    assert not review.actions_["restore"].isEnabled()  # a file just selected: nothing picked on the left
    kept = next(b.lines[0] for b in job.doc.blocks if b.kind == "paragraph")
    review.draft.select_line(kept)
    assert not review.actions_["restore"].isEnabled()  # a kept line: nothing to restore
    # the metadata line above the title: the stages would glue it to the title if it were kept
    meta = next(r for r in job.doc.removed if r.text.startswith("发布时间"))
    title = next(b for b in job.doc.blocks if b.kind == "title")
    above = [r.line for r in job.doc.removed if r.line < meta.line]
    assert above
    review.draft.select_line(above[-1])  # select two removed lines by dragging over them
    cur = review.draft.textCursor()
    blk = review.draft.document().firstBlock()
    while blk.userState() != meta.line:
        blk = blk.next()
    cur.setPosition(blk.position() + 3, QTextCursor.MoveMode.KeepAnchor)
    review.draft.setTextCursor(cur)
    assert review.draft.selected_removed_lines() == [above[-1], meta.line]
    assert review.actions_["restore"].isEnabled()
    review.actions_["restore"].trigger()
    wait_idle(window)
    t = next(b for b in job.doc.blocks if b.kind == "title")
    assert t.text == title.text and meta.line not in t.lines  # never glued to the title
    own = [b for b in job.doc.blocks if meta.line in b.lines]
    assert len(own) == 1 and own[0].lines == [meta.line] and own[0].text.startswith("发布时间")
    assert not any(r.line in (meta.line, above[-1]) for r in job.doc.removed)


def test_the_draft_shows_the_selected_line(reviewed):
    window, job = reviewed
    draft = window.review.draft
    r = job.doc.removed[2]
    draft.select_line(r.line)
    tinted = [s.cursor.block().userState() for s in draft.extraSelections()
              if s.format.background().color().name() == "#dbe8fb"]
    assert tinted == [r.line]
