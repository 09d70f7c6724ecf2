"""公文信息 panel: the 版头, 主送 and 版记 fields of the selected document (GB/T 9704-2012), the document type's
template, and the clerk's own office values (发文机关标志, 印发机关, usual 抄送) remembered in the settings.

install(window) adds the toolbar action and keeps each job's values: a new document starts with the office's
values where its draft has none, and a document cleaned again keeps what the clerk typed.
"""
from __future__ import annotations

from dataclasses import fields, replace

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from core.model import INFO_KEYS, DocInfo, Document
from core.official import official_parts
from core.resources import resource

from .i18n import N_
from .settings import Settings

# (field, label, placeholder); the English UI comes from resources/translations like every other string
FIELDS = (
    ("copy_no", N_("份号"), "000012"),
    ("secret", N_("密级和保密期限"), "秘密★1年"),
    ("urgency", N_("紧急程度"), "特急 / 加急"),
    ("issuer_mark", N_("发文机关标志"), "××市教育局文件"),
    ("doc_number", N_("发文字号"), "×教发〔2024〕5号"),
    ("signer", N_("签发人（上行文）"), "张××"),
    ("addressee", N_("主送机关"), "各县（市、区）教育局"),
    ("cc", N_("抄送机关"), "市委办公室，市政府办公室"),
    ("printer", N_("印发机关"), "××市教育局办公室"),
    ("print_date", N_("印发日期"), "2024年3月5日"),
)
OFFICE = {"issuer_mark": "office_issuer_mark", "printer": "office_printer", "cc": "office_cc"}  # -> Settings


def tr(text: str) -> str:
    return QCoreApplication.translate("InfoPanel", text)


def office_values(settings: Settings) -> dict[str, str]:
    return {k: getattr(settings, opt) for k, opt in OFFICE.items() if getattr(settings, opt)}


def with_office(doc: Document, settings: Settings) -> DocInfo:
    """doc.info with the remembered office values for what neither the clerk nor the draft gives."""
    have = doc.official()
    values = {f.name: getattr(doc.info, f.name) for f in fields(DocInfo)}
    for k, v in office_values(settings).items():
        if not have.get(k):
            values[k] = v
    return DocInfo(**values)


class InfoDialog(QDialog):
    """The fields of one document, filled with what it has (the clerk's values, the draft's own lines, the office's
    remembered values); accept() stores the clerk's values in the document and, if asked, the office's."""

    def __init__(self, doc: Document, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self.s = settings
        self.setWindowTitle(tr("公文信息"))
        self.setObjectName("infoDialog")
        form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        have = {**office_values(settings), **doc.official()}
        for key, label, hint in FIELDS:
            e = QLineEdit(self)
            e.setObjectName(f"info_{key}")
            e.setPlaceholderText(hint)
            e.setText(str(have.get(key, "")))
            self.edits[key] = e
            form.addRow(tr(label), e)
        self.template = QComboBox(self)
        self.template.setObjectName("info_template")
        for value, name in _profiles():
            self.template.addItem(name, value)
        self.template.setCurrentIndex(max(0, self.template.findData(settings.profile)))
        form.addRow(tr("文种模板"), self.template)
        self.remember = QCheckBox(tr("记住标志、印发机关和抄送为本单位默认值"), self)
        self.remember.setObjectName("info_remember")
        note = QLabel(tr("留空的项不排印。"), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.remember)
        lay.addWidget(note)
        lay.addWidget(buttons)

    def values(self) -> DocInfo:
        """What the clerk set: fields that differ from the draft's own values (those stay the draft's)."""
        draft = official_parts(replace(self.doc, info=DocInfo()))  # (a shallow copy: the draft's own values)
        out = {}
        for key in INFO_KEYS:
            v = self.edits[key].text().strip()
            if v and v != draft.get(key, ""):
                out[key] = v
        return DocInfo(**out)

    def accept(self) -> None:
        self.doc.info = self.values()
        if self.remember.isChecked():
            for key, opt in OFFICE.items():
                setattr(self.s, opt, self.edits[key].text().strip())
        self.s.profile = self.template.currentData() or self.s.profile
        super().accept()


def _profiles() -> list[tuple[str, str]]:
    from .options_dialog import list_profiles

    return list_profiles()


def _icon() -> QIcon:
    """resources/icons/info-*.png (desktop/tools/make_icon.py draws them from info.svg)."""
    icon = QIcon()
    for size in (16, 24, 32, 48):
        png = resource("icons", f"info-{size}.png")
        if png.exists():
            icon.addFile(str(png))
    return icon


class InfoController(QObject):
    """The toolbar action and the per-job values, for one main window."""

    def __init__(self, window) -> None:  # desktop.main_window.MainWindow (not imported: it imports this module)
        super().__init__(window)
        self.w = window
        self.kept: dict[int, DocInfo] = {}  # job id -> what the clerk set, re-applied after a re-clean
        self.seen: dict[int, int] = {}  # job id -> id() of the Document last filled
        self.action = QAction(_icon(), tr("公文信息"), window)
        self.action.setObjectName("actInfo")
        self.action.setShortcut(QKeySequence("Ctrl+I"))
        self.action.setToolTip(tr("公文信息：版头、主送、版记（Ctrl+I）"))
        self.action.triggered.connect(lambda _=False: self.open())
        bar = window.findChild(QToolBar, "mainToolbar")
        if bar is not None:
            bar.addAction(self.action)
        window.addAction(self.action)
        window.model.dataChanged.connect(lambda *_: self.fill_new())

    def fill_new(self) -> None:
        """A document that just arrived (cleaned or cleaned again) gets the kept or the office's values."""
        for job in self.w.model.jobs:
            if job.doc is None or self.seen.get(job.id) == id(job.doc):
                continue
            self.seen[job.id] = id(job.doc)
            if job.id in self.kept:
                job.doc.info = self.kept[job.id]
            job.doc.info = with_office(job.doc, self.w.settings)

    def open(self) -> InfoDialog | None:
        job = self.w.current_job()
        if job is None or job.doc is None:
            self.w.statusBar().showMessage(tr("请先选中一个已清理的文稿。"), 6000)
            return None
        dlg = InfoDialog(job.doc, self.w.settings, self.w)
        self.dialog = dlg
        if dlg.exec() == QDialog.DialogCode.Accepted:
            self.kept[job.id] = job.doc.info
            self.seen[job.id] = id(job.doc)
            job.dirty = True
            self.w.model.changed(job)
            self.w.review.set_profile(self.w.settings.profile)
        return dlg


def install(window) -> InfoController:
    return InfoController(window)
