"""Find (Ctrl+F) and replace (Ctrl+H) in the result pane.

Finding moves the pane's selection; replacing one occurrence types over it (recorded as the clerk's typing);
全部替换 is one `replace` edit over the whole document, undone in one step.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor, QTextDocument
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QPushButton, QToolButton, QWidget

from .text_diff import LINE_SEP


def tr(text: str) -> str:
    return QCoreApplication.translate("FindReplace", text)


class FindBar(QWidget):
    replace_all_requested = Signal(str, str)  # find, replace with
    replaced_one = Signal()  # one occurrence was typed over in the pane
    message = Signal(str)

    def __init__(self, page, parent=None):
        super().__init__(parent)
        self.page = page
        self.find = QLineEdit(self)
        self.find.setPlaceholderText(tr("查找内容"))
        self.find.setClearButtonEnabled(True)
        self.repl = QLineEdit(self)
        self.repl.setPlaceholderText(tr("替换为"))
        self.count = QLabel(self)
        self.btn_prev = QPushButton(tr("上一个"), self)
        self.btn_next = QPushButton(tr("下一个"), self)
        self.btn_one = QPushButton(tr("替换"), self)
        self.btn_all = QPushButton(tr("全部替换"), self)
        close = QToolButton(self)
        close.setText("×")
        close.setToolTip(tr("关闭查找（Esc）"))
        close.setAutoRaise(True)
        self.repl_label = QLabel(tr("替换为"), self)
        g = QGridLayout(self)
        g.setContentsMargins(0, 2, 0, 2)
        g.addWidget(QLabel(tr("查找"), self), 0, 0)
        g.addWidget(self.find, 0, 1)
        g.addWidget(self.btn_prev, 0, 2)
        g.addWidget(self.btn_next, 0, 3)
        g.addWidget(self.count, 0, 4)
        g.addWidget(close, 0, 5)
        g.addWidget(self.repl_label, 1, 0)
        g.addWidget(self.repl, 1, 1)
        g.addWidget(self.btn_one, 1, 2)
        g.addWidget(self.btn_all, 1, 3)
        g.setColumnStretch(1, 1)
        self.btn_next.clicked.connect(lambda: self.find_next())
        self.btn_prev.clicked.connect(lambda: self.find_next(backward=True))
        self.btn_one.clicked.connect(self.replace_one)
        self.btn_all.clicked.connect(self.replace_all)
        self.find.returnPressed.connect(lambda: self.find_next())
        self.find.textChanged.connect(self._update_count)
        self.repl.returnPressed.connect(self.replace_one)
        close.clicked.connect(self.hide)
        esc = QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.hide)
        esc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.hide()

    def open(self, replace: bool) -> None:
        """Show the bar (with the replace row for Ctrl+H), the pane's selected text as what to find."""
        for w in (self.repl_label, self.repl, self.btn_one, self.btn_all):
            w.setVisible(replace)
        sel = self.page.textCursor().selectedText().replace(LINE_SEP, "")
        if sel and "\u2029" not in sel:
            self.find.setText(sel)
        self.show()
        self.find.setFocus()
        self.find.selectAll()
        self._update_count()

    def occurrences(self) -> int:
        needle = self.find.text()
        return sum(t.count(needle) for t in self.page.texts()) if needle else 0

    def _update_count(self) -> None:
        n = self.occurrences()
        self.count.setText(tr("共 {n} 处").format(n=n) if self.find.text() else "")

    def find_next(self, backward: bool = False) -> bool:
        needle = self.find.text()
        if not needle:
            return False
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        if self.page.find(needle, flags):
            return True
        cur = self.page.textCursor()  # wrap around once
        cur.movePosition(QTextCursor.MoveOperation.End if backward else QTextCursor.MoveOperation.Start)
        self.page.setTextCursor(cur)
        if self.page.find(needle, flags):
            return True
        self.message.emit(tr("没有找到“{t}”。").format(t=needle))
        return False

    def replace_one(self) -> bool:
        """Type the replacement over the selected occurrence (finding it first), then go to the next one."""
        needle = self.find.text()
        if not needle or self.page.isReadOnly():
            return False
        cur = self.page.textCursor()
        if cur.selectedText() != needle and not self.find_next():
            return False
        self.page.textCursor().insertText(self.repl.text())
        self.replaced_one.emit()
        self._update_count()
        self.find_next()
        return True

    def replace_all(self) -> None:
        if self.find.text() and not self.page.isReadOnly():
            self.replace_all_requested.emit(self.find.text(), self.repl.text())
            self._update_count()
