"""The review: side-by-side panes, the clerk's edits, and exports that follow them."""
from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from core.edits import CLERK_RULE
from desktop.jobs import State
from desktop.rule_names import rule_name

SEED = "000_b4075a6b7c439fa0.txt"


@pytest.fixture()
def reviewed(window, drafts, drop, wait_idle):
    """The window with one dev seed cleaned and selected."""
    drop(window, [drafts / SEED])
    wait_idle(window)
    job = window.model.jobs[0]
    assert job.state == State.DONE
    window.select_job(job)
    return window, job


def _put_page_cursor(review, index: int, offset: int = 0) -> None:
    review.page.select_block(index)
    cur = review.page.textCursor()
    cur.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.MoveAnchor, offset)
    review.page.setTextCursor(cur)


def _first_paragraphs(doc, n: int = 2) -> int:
    for i in range(len(doc.blocks) - n):
        if all(b.kind == "paragraph" and len(b.text) > 10 for b in doc.blocks[i:i + n]):
            return i
    raise AssertionError("no run of paragraphs")


def test_the_panes_show_removed_lines_struck_and_the_page_laid_out(reviewed):
    window, job = reviewed
    review = window.review
    r = next(r for r in job.doc.removed if len(r.text) > 4)
    assert review.draft.select_line(r.line)
    blk = review.draft.textCursor().block()
    assert rule_name(r.rule).name in blk.text()  # why it was removed is named beside it, in Chinese
    it = blk.begin()
    struck = False
    while not it.atEnd():
        frag = it.fragment()
        if r.text[:4] in frag.text() and frag.charFormat().fontStrikeOut():
            struck = True
        it += 1
    assert struck
    # the result: one text block per document block, title bigger than body text and centred
    page = review.page.document()
    assert page.blockCount() == len(job.doc.blocks)
    ti = next(i for i, b in enumerate(job.doc.blocks) if b.kind == "title")
    pi = next(i for i, b in enumerate(job.doc.blocks) if b.kind == "paragraph")
    title, para = page.findBlockByNumber(ti), page.findBlockByNumber(pi)
    assert title.blockFormat().alignment() & Qt.AlignmentFlag.AlignHCenter
    assert title.begin().fragment().charFormat().fontPointSize() > para.begin().fragment().charFormat().fontPointSize()
    assert para.blockFormat().textIndent() > 0  # 2-character first-line indent
    assert "删除网页杂项" in review.summary.full_text()


def test_restoring_a_removed_line_changes_the_exported_docx(reviewed, wait_idle, docx_text):
    window, job = reviewed
    window.act_export.trigger()
    wait_idle(window)
    before = docx_text(job.output)
    kept = job.doc.text()
    r = next(r for r in job.doc.removed if r.rule != CLERK_RULE and len(r.text) > 4 and r.text not in kept)
    assert r.text not in before

    review = window.review
    assert not review.actions_["restore"].isEnabled()  # nothing picked yet: line 1 is not restored by mistake
    assert review.draft.select_line(r.line)
    assert review.actions_["restore"].isEnabled()
    review.actions_["restore"].trigger()
    wait_idle(window)
    assert job.state == State.DONE and job.dirty
    assert r.text in job.doc.text()
    assert not any(x.line == r.line for x in job.doc.removed)
    assert "已修改" in window.model.index(0, 3).data()

    first = job.output
    window.act_export.trigger()
    wait_idle(window)
    assert job.output == first and job.state == State.EXPORTED  # the re-export replaces its own output
    after = docx_text(job.output)
    assert r.text in after and after != before


def test_block_edits_apply_at_once_and_the_export_follows(reviewed, wait_idle):
    window, job = reviewed
    window.settings.export_format = "json"
    review = window.review
    doc = job.doc
    i = _first_paragraphs(doc, 3)
    a, b, c = (doc.blocks[k].text for k in (i, i + 1, i + 2))

    _put_page_cursor(review, i)
    review.actions_["level2"].trigger()  # Ctrl+2: make it a level-2 heading
    assert doc.blocks[i].kind == "heading" and doc.blocks[i].level == 2
    assert review.level.value() == 2 and review.level.isEnabled()

    _put_page_cursor(review, i + 1)
    review.actions_["merge"].trigger()  # merge the next two paragraphs
    assert doc.blocks[i + 1].text == b + c

    _put_page_cursor(review, i + 1, 5)
    review.actions_["split"].trigger()  # split again, 5 characters in
    assert doc.blocks[i + 1].text == (b + c)[:5] and doc.blocks[i + 2].text == (b + c)[5:]

    _put_page_cursor(review, i + 2)
    kind_row = review.kind.findData("signature")
    review.kind.setCurrentIndex(kind_row)
    review.kind.activated.emit(kind_row)  # what choosing from the drop-down does
    assert doc.blocks[i + 2].kind == "signature"

    n = len(doc.blocks)
    _put_page_cursor(review, i + 2)
    review.actions_["drop"].trigger()
    assert len(doc.blocks) == n - 1 and any(r.rule == CLERK_RULE for r in doc.removed)
    assert len(job.edits) == 5

    window.act_export.trigger()
    wait_idle(window)
    out = json.loads(job.output.read_text(encoding="utf-8"))["blocks"]
    assert out[i] == {"kind": "heading", "level": 2, "text": a}
    assert out[i + 1]["text"] == (b + c)[:5]
    assert (b + c)[5:] not in [blk["text"] for blk in out]


def test_undo_cleans_again_without_the_last_edit(reviewed, wait_idle):
    window, job = reviewed
    review = window.review
    i = _first_paragraphs(job.doc)
    original = [blk.text for blk in job.doc.blocks]
    _put_page_cursor(review, i)
    review.actions_["title"].trigger()
    _put_page_cursor(review, i)
    review.actions_["merge"].trigger()
    assert len(job.doc.blocks) == len(original) - 1
    review.actions_["undo"].trigger()  # takes back the merge, keeps the title
    wait_idle(window)
    assert [blk.text for blk in job.doc.blocks] == original
    assert job.doc.blocks[i].kind == "title" and len(job.edits) == 1


def test_the_summary_counts_each_joined_line_break(reviewed):
    # reflow keeps a paragraph's joins in one record (lines: every source line of it); the clerk reads how many
    # line breaks were taken out, as before
    window, job = reviewed
    joins = [c for c in job.doc.changes if c.kind == "join"]
    seams = sum(len(c.lines) - 1 for c in joins)
    assert any(len(c.lines) > 2 for c in joins) and seams > len(joins)
    assert f"合并 {seams} 处" in window.review.summary.full_text()
