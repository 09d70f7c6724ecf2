"""The clipboard both ways: Ctrl+V with HTML goes through the HTML reader; 复制结果 puts formatted HTML on it."""
from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication

from desktop.jobs import State

# what a browser puts on the clipboard for a copied page part (Qt hands over the HTML without the CF_HTML header)
PAGE = ('<html><body><!--StartFragment--><p style="text-align:center"><b>全市教育系统安全工作会议纪要</b></p>'
        '<p>3月5日，市教育局召开全市教育系统安全工作会议，现将会议主要精神纪要如下。</p>'
        '<p style="text-align:center"><b>会议的主要精神</b></p>'
        '<p>会议指出，各地各校要把安全工作摆在突出位置，压实责任，确保师生安全。</p>'
        '<!--EndFragment--></body></html>')


def _clipboard(html: str | None, text: str) -> None:
    md = QMimeData()
    if html:
        md.setHtml(html)
    md.setText(text)
    QGuiApplication.clipboard().setMimeData(md)


def test_ctrl_v_with_an_html_clipboard_keeps_a_centred_bold_heading(window, qtbot, wait_idle):
    _clipboard(PAGE, "全市教育系统安全工作会议纪要\n3月5日……\n会议的主要精神\n会议指出……")
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)  # Ctrl+V on the queue
    wait_idle(window)
    assert window.model.rowCount() == 1
    job = window.model.jobs[0]
    assert job.state == State.DONE, job.error
    assert job.path.suffix == ".html" and job.doc.format == "html"  # read as a page, not as flat text
    kinds = [(b.kind, b.text) for b in job.doc.blocks]
    assert kinds[0] == ("title", "全市教育系统安全工作会议纪要")
    head = next(b for b in job.doc.blocks if b.text == "会议的主要精神")
    assert head.kind == "heading" and head.align == "center" and head.bold  # its look came through the reader
    assert "会议指出" in job.doc.text()


def test_ctrl_v_with_plain_text_makes_a_text_draft(window, qtbot, wait_idle):
    _clipboard(None, "关于开展安全检查的通知\n各单位：\n请于3月底前完成自查。\n")
    qtbot.keyClick(window.review.draft, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)  # on the draft pane
    wait_idle(window)
    job = window.model.jobs[0]
    assert job.path.suffix == ".txt" and "请于3月底前完成自查" in job.doc.text()


def test_copy_result_puts_html_in_the_profile_fonts_and_plain_text(window, drafts, drop, wait_idle, qtbot):
    drop(window, [drafts / "000_b4075a6b7c439fa0.txt"])
    wait_idle(window)
    job = window.model.jobs[0]
    window.select_job(job)
    window.review.actions_["copy"].trigger()
    md = QGuiApplication.clipboard().mimeData()
    html, text = md.html(), md.text()
    assert text == job.doc.text()
    title = next(b.text for b in job.doc.blocks if b.kind == "title")
    # the title in the title font at 22 pt, centred; the body in 仿宋 at 16 pt with a 2-character indent
    assert "方正小标宋简体" in html and "font-size:22pt" in html and "text-align:center" in html
    assert "'仿宋_GB2312','仿宋'" in html and "font-size:16pt" in html and "text-indent:2em" in html
    assert title in html

    # pasted back, the formatted copy reads as the same document structure
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    wait_idle(window)
    again = window.model.jobs[1]
    assert again.doc.format == "html"
    assert next(b.text for b in again.doc.blocks if b.kind == "title") == title
    assert again.doc.blocks[1].kind == "subtitle"
