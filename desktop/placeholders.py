"""The placeholder panel: the template placeholders left in a document (×××, XX, ____, 20xx…) with their
context, and filling one in — here, in the whole document, or in every file of the batch at once.

The placeholders are those core's warn stage counts (core.stages.warn.PLACEHOLDER), plus a year written
20xx / 20××. Filling here is an edit of that block's text; in the document, a `replace` edit; in the batch, a
`replace` edit on each file that has the placeholder (the main window applies those).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.edits import full_text
from core.model import Document
from core.stages.warn import PLACEHOLDER as CORE_PLACEHOLDER

PLACEHOLDER = re.compile(r"(?:19|20)[xX×Ｘ]{2}|(?<![A-Za-z])x{2,3}(?![A-Za-z])|" + CORE_PLACEHOLDER.pattern)
CONTEXT = 8  # characters shown on each side


def tr(text: str) -> str:
    return QCoreApplication.translate("Placeholders", text)


@dataclass(frozen=True)
class Spot:
    block: int
    start: int  # offsets in the block's whole text
    end: int
    text: str
    context: str


def find_placeholders(doc: Document) -> list[Spot]:
    out = []
    for i, b in enumerate(doc.blocks):
        if b.kind in ("gap", "docbreak"):
            continue
        whole = full_text(b)
        for m in PLACEHOLDER.finditer(whole):
            a, z = max(0, m.start() - CONTEXT), min(len(whole), m.end() + CONTEXT)
            ctx = ("…" if a else "") + whole[a:z] + ("…" if z < len(whole) else "")
            out.append(Spot(i, m.start(), m.end(), m.group(), ctx))
    return out


class PlaceholderPanel(QWidget):
    fill_here = Signal(int, int, int, str)  # block, start, end, value
    fill_document = Signal(str, str)  # placeholder text, value
    fill_batch = Signal(str, str)
    spot_chosen = Signal(int, int, int)  # block index, start, end: to show it in the page

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("placeholderPanel")
        self.spots: list[Spot] = []
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.what = QLineEdit(self)
        self.what.setToolTip(tr("要替换的占位符；可以带上前后的字，只替换这种写法"))
        self.value = QLineEdit(self)
        self.value.setPlaceholderText(tr("如单位名称、日期"))
        self.btn_here = QPushButton(tr("填入此处"), self)
        self.btn_doc = QPushButton(tr("本文全部"), self)
        self.btn_batch = QPushButton(tr("所有文件"), self)
        self.btn_here.setToolTip(tr("只填列表中选中的这一处"))
        self.btn_doc.setToolTip(tr("本文中所有相同的占位符都填入"))
        self.btn_batch.setToolTip(tr("列表中所有已清理文件里相同的占位符都填入"))
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(tr("占位符"), self.what)
        form.addRow(tr("填写为"), self.value)
        row = QHBoxLayout()
        for b in (self.btn_here, self.btn_doc, self.btn_batch):
            row.addWidget(b)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 0, 0, 0)
        lay.addWidget(self.heading)
        lay.addWidget(self.list, 1)
        lay.addLayout(form)
        lay.addLayout(row)
        self.list.currentRowChanged.connect(self._chosen)
        self.list.itemClicked.connect(lambda _it: self._chosen(self.list.currentRow()))
        self.btn_here.clicked.connect(self._here)
        self.btn_doc.clicked.connect(lambda: self._emit(self.fill_document))
        self.btn_batch.clicked.connect(lambda: self._emit(self.fill_batch))
        self.value.returnPressed.connect(self._here)
        self.show_document(None)

    def show_document(self, doc: Document | None) -> None:
        keep = self.list.currentRow()
        self.spots = find_placeholders(doc) if doc is not None else []
        self.list.blockSignals(True)
        self.list.clear()
        for s in self.spots:
            it = QListWidgetItem(f"{s.text}　{s.context}", self.list)
            it.setToolTip(s.context)
        self.list.blockSignals(False)
        self.heading.setText(tr("本文有 {n} 处占位符待填写").format(n=len(self.spots)) if self.spots
                             else tr("本文没有待填写的占位符"))
        if self.spots:
            self.list.setCurrentRow(min(max(keep, 0), len(self.spots) - 1))
        self._enable()

    def _chosen(self, row: int) -> None:
        if 0 <= row < len(self.spots):
            spot = self.spots[row]
            self.what.setText(spot.text)
            self.spot_chosen.emit(spot.block, spot.start, spot.end)
        self._enable()

    def _enable(self) -> None:
        has = bool(self.spots)
        for b in (self.btn_here, self.btn_doc, self.btn_batch):
            b.setEnabled(has)

    def _here(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.spots) and self.value.text():
            s = self.spots[row]
            self.fill_here.emit(s.block, s.start, s.end, self.value.text())

    def _emit(self, signal) -> None:
        if self.what.text() and self.value.text():
            signal.emit(self.what.text(), self.value.text())

    def sizeHint(self):  # noqa: N802 - Qt override
        hint = super().sizeHint()
        hint.setWidth(self.fontMetrics().horizontalAdvance("中") * 16)
        return hint

    def keyPressEvent(self, e) -> None:  # noqa: N802 - Qt override
        if e.key() == Qt.Key.Key_Escape:
            self.hide()
        super().keyPressEvent(e)
