"""Issue 13: the 公文信息 panel in the real window (offscreen): the toolbar action, fields filled from the draft,
the clerk's values reaching the exported DOCX, the office's values remembered for the next document."""
from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QToolBar

from desktop.info_panel import InfoDialog
from desktop.jobs import State
from desktop.settings import Settings

DRAFT = Path(__file__).resolve().parents[1] / "data" / "official" / "tongzhi_banji.txt"


def _cleaned(window, drop, wait_idle, tmp_path: Path, name: str = "通知.txt"):
    src = tmp_path / name
    shutil.copy(DRAFT, src)
    drop(window, [src])
    wait_idle(window)
    job = next(j for j in window.model.jobs if j.path.name == name)
    assert job.state == State.DONE
    window.select_job(job)
    return job


def test_action_on_the_toolbar_and_fields_filled_from_the_draft(window, drop, wait_idle, tmp_path, qtbot):
    bar = window.findChild(QToolBar, "mainToolbar")
    assert window.info_panel.action in bar.actions() and window.info_panel.action.text() == "公文信息"
    assert not window.info_panel.action.icon().isNull()  # a toolbar button like the others, not bare text
    job = _cleaned(window, drop, wait_idle, tmp_path)
    dlg = InfoDialog(job.doc, window.settings, window)
    qtbot.addWidget(dlg)
    assert dlg.windowTitle().startswith("公文信息")
    assert dlg.edits["doc_number"].text() == "×教发〔2024〕5号"  # the draft's own, with 〔〕
    assert dlg.edits["cc"].text() == "市委教育工委，市政府办公室"
    assert dlg.edits["signer"].text() == "" and dlg.edits["signer"].placeholderText()
    names = [dlg.template.itemText(i) for i in range(dlg.template.count())]
    assert any(n.startswith("请示") for n in names) and any(n.startswith("函") for n in names)


def test_clerk_values_reach_the_export_and_office_values_are_remembered(window, drop, wait_idle, tmp_path, qtbot,
                                                                         docx_text):
    job = _cleaned(window, drop, wait_idle, tmp_path)

    def fill():
        dlg = window.info_panel.dialog
        dlg.edits["doc_number"].setText("青教发〔2024〕9号")
        dlg.edits["issuer_mark"].setText("青山市教育局文件")
        dlg.edits["signer"].setText("赵青山")
        dlg.template.setCurrentIndex(dlg.template.findData("qingshi"))
        dlg.remember.setChecked(True)
        dlg.accept()

    QTimer.singleShot(0, fill)
    window.info_panel.open()
    assert job.doc.info.doc_number == "青教发〔2024〕9号" and job.doc.info.signer == "赵青山"
    s = Settings()
    assert s.profile == "qingshi" and s.office_issuer_mark == "青山市教育局文件"
    assert s.office_printer == "××市教育局办公室"  # the panel showed the draft's 印发机关; remembered with the rest
    window.settings.out_dir = str(tmp_path / "out")
    window.export_pending()
    wait_idle(window)
    assert job.output and job.output.exists()
    xml = zipfile.ZipFile(io.BytesIO(job.output.read_bytes())).read("word/document.xml").decode("utf-8")
    assert "青教发〔2024〕9号" in xml and "签发人：" in xml and "赵青山" in xml and "FF0000" in xml
    assert "青山市教育局文件" in docx_text(job.output)
    # a re-clean keeps what the clerk typed
    window.retry_selected()
    wait_idle(window)
    assert job.doc.info.doc_number == "青教发〔2024〕9号"


def test_a_new_document_starts_with_the_remembered_office_values(window, drop, wait_idle, tmp_path, qtbot):
    window.settings.office_issuer_mark = "青山市教育局文件"
    src = tmp_path / "无版头.txt"
    src.write_text("关于召开会议的通知\n各科室：\n定于下周一上午九点召开全体会议，请准时参加。\n青山市教育局\n2024年3月1日\n",
                   encoding="utf-8")
    drop(window, [src])
    wait_idle(window)
    job = window.model.jobs[-1]
    assert job.doc.info.issuer_mark == "青山市教育局文件"
    assert job.doc.official()["issuer_mark"] == "青山市教育局文件"
