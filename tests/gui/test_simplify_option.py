"""繁體 -> 简体 in the app: the Options checkbox (off by default) reaches the clean of every file in the queue; the
review counts and marks the conversions; the clerk's edits survive a re-clean; switching it off again undoes them."""
from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from core.api import clean_file
from desktop.options_dialog import OptionsDialog

DATA = Path(__file__).resolve().parents[1] / "data" / "traditional"
FANTI, JIANTI = DATA / "anquan_jiancha_fanti.txt", DATA / "anquan_jiancha_jianti.txt"


def _options(window, on: bool) -> None:
    """Open Options the way the menu does, tick or untick the box, press OK."""
    seen = []

    def answer() -> None:
        dlg = QApplication.activeModalWidget()
        assert isinstance(dlg, OptionsDialog)
        seen.append(dlg.simplify.isChecked())
        dlg.simplify.setChecked(on)
        dlg.accept()

    QTimer.singleShot(0, answer)
    assert window.show_options()
    assert seen == [not on]  # the box showed the saved setting


def test_the_options_checkbox_reaches_the_clean_and_unticking_undoes_it(window, drop, wait_idle, tmp_path, qtbot):
    src = tmp_path / "關於開展校園安全隱患排查整治工作的通知.txt"
    shutil.copy(FANTI, src)
    assert window.settings.simplify is False  # off by default
    dlg = OptionsDialog(window.settings, window)
    qtbot.addWidget(dlg)
    assert dlg.simplify.text() == "把繁体字转换为简体字（默认关闭）" and not dlg.simplify.isChecked()

    drop(window, [src])
    wait_idle(window)
    job = window.model.jobs[0]
    assert job.doc.blocks[0].text.startswith("關於開展")

    window.confirm_reclean = lambda n: True
    _options(window, True)
    wait_idle(window)
    assert window.settings.simplify is True
    want = clean_file(JIANTI).text()
    assert job.doc.text() == want
    window.select_job(job)
    assert "繁体转简体 75 字" in window.review.summary.full_text()
    draft = window.review.draft.toPlainText()
    assert "關於開展校園安全隱患" in draft  # the left pane keeps the draft as read…
    differ = sum(a != b for a, b in zip(FANTI.read_text(encoding="utf-8").splitlines(),
                                        JIANTI.read_text(encoding="utf-8").splitlines()))
    assert draft.count(" 简") == differ == 7  # …with each line that held Traditional characters marked

    i = next(k for k, b in enumerate(job.doc.blocks) if b.text.startswith("各学校要于10月20日前"))
    assert window.review.apply("set_text", job.doc.blocks[i].text.replace("10月20日", "10月25日"), index=i)
    window.act_retry.trigger()  # F5: cleaned again with the option, the edit replayed
    wait_idle(window)
    assert "各学校要于10月25日前将自查报告（含整改台账）" in job.doc.text()

    _options(window, False)  # unticking cleans the queue again without conversion
    wait_idle(window)
    text = job.doc.text()
    assert text.startswith("關於開展校園安全隱患排查整治工作的通知\n")
    assert not [c for c in job.doc.changes if c.kind == "simplify"]
    # the edit was made on Simplified words the draft no longer has: the clerk is told, as for any edit whose words
    # a re-clean took away
    assert "10月20日" in text and "1 处修改因原文已变而未保留" in job.notes
