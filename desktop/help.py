"""The 帮助 menu: the user guide, the keyboard shortcuts, where the log and settings live, the version."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QUrl, qVersion
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from core import __version__
from core.resources import resource

from .i18n import current
from .paths import app_data_dir, log_file


def tr(text: str) -> str:
    return QCoreApplication.translate("Help", text)


def build_menu(window) -> QMenu:
    m = QMenu(tr("帮助"), window)
    guide = QAction(tr("使用说明"), m)
    guide.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
    guide.triggered.connect(lambda: show_guide(window))
    m.addAction(guide)
    m.addAction(tr("快捷键"), lambda: show_shortcuts(window))
    m.addAction(tr("日志和设置在哪里"), lambda: show_places(window))
    m.addSeparator()
    m.addAction(tr("关于清稿"), lambda: show_about(window))
    window.addAction(guide)  # F1 works wherever the focus is
    return m


def _dialog(parent: QWidget, title: str, body: QWidget | None = None) -> tuple[QDialog, QVBoxLayout]:
    dlg = QDialog(parent)
    dlg.setWindowTitle(title)
    lay = QVBoxLayout(dlg)
    if body is not None:
        lay.addWidget(body, 1)
    return dlg, lay


def _finish(dlg: QDialog, lay: QVBoxLayout) -> QDialog:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dlg)
    buttons.rejected.connect(dlg.reject)
    lay.addWidget(buttons)
    dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dlg.show()
    return dlg


def guide_path():
    return resource("help", f"guide_{current()}.md")


def show_guide(window) -> QDialog:
    view = QTextBrowser()
    view.setOpenExternalLinks(True)
    path = guide_path()
    view.setMarkdown(path.read_text(encoding="utf-8") if path.exists() else tr("找不到使用说明。"))
    dlg, lay = _dialog(window, tr("使用说明"), view)
    dlg.resize(min(720, window.width()), min(560, window.height()))
    return _finish(dlg, lay)


def shortcut_rows(window) -> list[tuple[str, str]]:
    """(what, keys) for every action of the window and the review that has a shortcut."""
    rows, seen = [], set()
    for a in [*window.actions(), *window.review.actions()]:
        keys = a.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        text = a.text().replace("&", "")
        if keys and (text, keys) not in seen:
            seen.add((text, keys))
            rows.append((text, keys))
    return rows


def show_shortcuts(window) -> QDialog:
    rows = shortcut_rows(window)
    table = QTableWidget(len(rows), 2)
    table.setHorizontalHeaderLabels([tr("操作"), tr("按键")])
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    for r, (text, keys) in enumerate(rows):
        table.setItem(r, 0, QTableWidgetItem(text))
        table.setItem(r, 1, QTableWidgetItem(keys))
    table.resizeColumnsToContents()
    table.horizontalHeader().setStretchLastSection(True)
    dlg, lay = _dialog(window, tr("快捷键"), table)
    dlg.resize(420, min(560, window.height()))
    return _finish(dlg, lay)


def show_places(window) -> QDialog:
    dlg, lay = _dialog(window, tr("日志和设置在哪里"))
    grid = QGridLayout()
    places = [(tr("日志文件"), log_file()), (tr("设置文件"), window.settings.file()),
              (tr("程序数据文件夹（粘贴的文稿、用户样式、上次的列表）"), app_data_dir())]
    for r, (what, path) in enumerate(places):
        grid.addWidget(QLabel(what), r, 0)
        label = QLabel(str(path))
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        grid.addWidget(label, r, 1)
        btn = QPushButton(tr("打开"))
        target = str(path if r == 2 else type(app_data_dir())(str(path)).parent)
        btn.clicked.connect(lambda _=False, t=target: QDesktopServices.openUrl(QUrl.fromLocalFile(t)))
        grid.addWidget(btn, r, 2)
    lay.addLayout(grid)
    return _finish(dlg, lay)


def show_about(window) -> QDialog:
    text = QLabel(tr("清稿 {v}\n把网上下载的文稿清理干净，按 GB/T 9704-2012 排成公文格式。\n界面库 Qt {qt}").format(
        v=__version__, qt=qVersion()))
    text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    dlg, lay = _dialog(window, tr("关于清稿"), text)
    return _finish(dlg, lay)
