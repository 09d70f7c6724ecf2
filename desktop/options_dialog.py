"""Options: output folder and names, cleanup rules on/off (and 繁体转简体), style profile and font check, language."""
from __future__ import annotations

import json
import logging
import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.resources import resource

from . import naming
from .fontcheck import font_report, role_label
from .i18n import current
from .paths import app_data_dir
from .rules_list import RulesList
from .settings import EXPORT_FORMATS, Settings

log = logging.getLogger("qinggao.options")


def tr(text: str) -> str:
    return QCoreApplication.translate("Options", text)


def user_profiles_dir() -> Path:
    return app_data_dir() / "profiles"


def list_profiles() -> list[tuple[str, str]]:
    """(value stored in settings, name shown): built-in profiles by name, the user's by path."""
    out = []
    for p in sorted(resource("profiles").glob("*.json")) + sorted(user_profiles_dir().glob("*.json")):
        try:
            name = json.loads(p.read_text(encoding="utf-8")).get("name") or p.stem
        except (OSError, ValueError):
            continue
        builtin = p.parent == resource("profiles")
        name = shown_name(name)
        out.append((p.stem if builtin else str(p), name if builtin else f"{name}（{tr('用户')}）"))
    return out


def shown_name(name: str) -> str:
    """A bilingual profile name ("报告 Report（上行文）") in the UI language: the Chinese UI drops the English
    words (a standard's code such as GB/T stays)."""
    if current() != "zh" or not re.search(r"[\u4e00-\u9fff]", name):
        return name
    return re.sub(r"\s*\b[A-Za-z][a-z]+(?:\s+[A-Za-z][a-z]+)*\b\s*", "", name).strip() or name


class OptionsDialog(QDialog):
    def __init__(self, settings: Settings, parent=None):
        super().__init__(parent)
        self.s = settings
        self.setWindowTitle(tr("选项"))
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._output_tab(), tr("输出"))
        self.tabs.addTab(self._rules_tab(), tr("清理规则"))
        self.tabs.addTab(self._style_tab(), tr("版式与字体"))
        self.tabs.addTab(self._language_tab(), tr("语言"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.tabs)
        lay.addWidget(buttons)
        avail = (self.screen() or QGuiApplication.primaryScreen()).availableGeometry()
        self.resize(min(640, avail.width()), min(520, int(avail.height() * 0.95)))  # fits a 150 % laptop

    # --- tabs ---
    def _output_tab(self) -> QWidget:
        w = QWidget(self)
        form = QFormLayout(w)
        self.beside = QRadioButton(tr("每个文件旁边的“清稿输出”文件夹"), w)
        self.chosen = QRadioButton(tr("指定文件夹："), w)
        group = QButtonGroup(w)
        group.addButton(self.beside)
        group.addButton(self.chosen)
        self.out_dir = QLineEdit(self.s.out_dir, w)
        browse = QPushButton(tr("浏览…"), w)
        browse.clicked.connect(self._browse)
        (self.chosen if self.s.out_dir else self.beside).setChecked(True)
        row = QHBoxLayout()
        row.addWidget(self.chosen)
        row.addWidget(self.out_dir, 1)
        row.addWidget(browse)
        box = QVBoxLayout()
        box.addWidget(self.beside)
        box.addLayout(row)
        form.addRow(tr("输出文件夹"), box)

        self.pattern = QLineEdit(self.s.name_pattern, w)
        self.pattern_preview = QLabel(w)
        self.pattern.textChanged.connect(self._preview)
        form.addRow(tr("文件名"), self.pattern)
        tokens = {k: "{" + (naming.TOKENS_ZH[k] if current() == "zh" else k) + "}" for k in naming.TOKENS_ZH}
        form.addRow("", QLabel(tr("可用：{a} 原文件名，{b} 文稿标题，{c} 今天日期").format(
            a=tokens["name"], b=tokens["title"], c=tokens["date"]), w))
        form.addRow("", self.pattern_preview)
        self._preview()

        self.collision = QComboBox(w)
        self.collision.addItem(tr("每次询问"), "ask")
        self.collision.addItem(tr("加序号，如“通知 (2).docx”"), "suffix")
        self.collision.addItem(tr("覆盖以前的输出（从不覆盖原稿）"), "overwrite")
        self.collision.setCurrentIndex(max(0, self.collision.findData(self.s.collision)))
        form.addRow(tr("文件名已存在时"), self.collision)

        self.fmt = QComboBox(w)
        for f in EXPORT_FORMATS:
            self.fmt.addItem(f.upper(), f)
        self.fmt.setCurrentIndex(max(0, self.fmt.findData(self.s.export_format)))
        form.addRow(tr("导出格式"), self.fmt)
        self.auto_export = QCheckBox(tr("清理完成后自动导出"), w)
        self.auto_export.setChecked(self.s.auto_export)
        form.addRow("", self.auto_export)
        self.open_folder = QCheckBox(tr("导出完成后打开输出文件夹"), w)
        self.open_folder.setChecked(self.s.open_folder)
        form.addRow("", self.open_folder)
        self.split_docbreaks = QCheckBox(tr("文稿后附带的其他文稿各存为一个文件（如“通知.docx”“通知-2.docx”）"), w)
        self.split_docbreaks.setToolTip(tr("不勾选时，附带的文稿接在同一个文件里，从新的一页开始。"))
        self.split_docbreaks.setChecked(self.s.split_docbreaks)
        form.addRow("", self.split_docbreaks)
        return w

    def _rules_tab(self) -> QWidget:
        w = QWidget(self)
        lay = QVBoxLayout(w)
        lay.setContentsMargins(0, 0, 0, 0)
        self.rules = RulesList(set(self.s.disabled_rules), w)
        lay.addWidget(self.rules, 1)
        # not a rule: it rewrites characters rather than removing a site's text, and is off unless asked for
        self.simplify = QCheckBox(tr("把繁体字转换为简体字（默认关闭）"), w)
        self.simplify.setToolTip(tr("从繁体网站复制的文稿转为简体，每处转换都记录在审阅中；已是简体的文稿不变。"))
        self.simplify.setChecked(self.s.simplify)
        lay.addWidget(self.simplify)
        return w

    def _style_tab(self) -> QWidget:
        w = QWidget(self)
        lay = QVBoxLayout(w)
        form = QFormLayout()
        self.profile = QComboBox(w)
        for value, name in list_profiles():
            self.profile.addItem(name, value)
        i = self.profile.findData(self.s.profile)
        self.profile.setCurrentIndex(max(0, i))
        self.profile.currentIndexChanged.connect(self._fill_fonts)
        open_dir = QPushButton(tr("打开用户样式文件夹"), w)
        open_dir.clicked.connect(self._open_profiles)
        row = QHBoxLayout()
        row.addWidget(self.profile, 1)
        row.addWidget(open_dir)
        form.addRow(tr("样式"), row)
        lay.addLayout(form)
        lay.addWidget(QLabel(tr("字体检查：本机缺少的公文字体，以及将用来代替的字体"), w))
        self.fonts = QTableWidget(0, 3, w)
        self.fonts.setObjectName("fontTable")
        self.fonts.setHorizontalHeaderLabels([tr("用途"), tr("公文字体"), tr("本机情况")])
        self.fonts.horizontalHeader().setStretchLastSection(True)
        self.fonts.verticalHeader().setVisible(False)
        self.fonts.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        lay.addWidget(self.fonts, 1)
        self.font_note = QLabel(w)
        self.font_note.setWordWrap(True)
        lay.addWidget(self.font_note)
        self._fill_fonts()
        return w

    def _language_tab(self) -> QWidget:
        w = QWidget(self)
        form = QFormLayout(w)
        self.language = QComboBox(w)
        self.language.addItem(tr("跟随系统"), "auto")
        self.language.addItem("中文", "zh")
        self.language.addItem("English", "en")  # each language named in itself, as everywhere
        self.language.setCurrentIndex(max(0, self.language.findData(self.s.language)))
        form.addRow(tr("界面语言"), self.language)
        form.addRow("", QLabel(tr("重新启动后生效。"), w))
        return w

    # --- helpers ---
    def _browse(self) -> None:
        d = QFileDialog.getExistingDirectory(self, tr("选择输出文件夹"), self.out_dir.text() or str(Path.home()))
        if d:
            self.out_dir.setText(d)
            self.chosen.setChecked(True)

    def _preview(self) -> None:
        sample = naming.apply_pattern(self.pattern.text(), Path("关于做好2021年教育工作的通知.txt"), None)
        self.pattern_preview.setText(tr("示例：") + f"{sample}.docx")

    def _open_profiles(self) -> None:
        d = user_profiles_dir()
        d.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(d)))

    def _fill_fonts(self) -> None:
        rows = font_report(self.profile.currentData())
        self.fonts.setRowCount(len(rows))
        missing = 0
        for r, row in enumerate(rows):
            state = tr("已安装") if row.installed else tr("缺少，显示为：") + (row.fallback or tr("系统默认字体"))
            missing += not row.installed
            for c, text in enumerate((role_label(row.role), row.official, state)):
                it = QTableWidgetItem(text)
                if c == 2 and not row.installed:
                    it.setForeground(Qt.GlobalColor.darkRed)
                self.fonts.setItem(r, c, it)
        self.fonts.resizeColumnsToContents()
        self.font_note.setText(
            tr("本机缺少 {n} 种公文字体。导出的 DOCX 仍写入公文字体名，在装有这些字体的电脑上会正确显示。").format(n=missing)
            if missing else tr("公文字体齐全。"))

    def accept(self) -> None:
        s = self.s
        s.out_dir = self.out_dir.text().strip() if self.chosen.isChecked() else ""
        s.name_pattern = self.pattern.text().strip() or "{name}"
        s.collision = self.collision.currentData()
        s.export_format = self.fmt.currentData()
        s.auto_export = self.auto_export.isChecked()
        s.open_folder = self.open_folder.isChecked()
        s.split_docbreaks = self.split_docbreaks.isChecked()
        s.profile = self.profile.currentData() or s.profile
        s.disabled_rules = self.rules.disabled()
        s.simplify = self.simplify.isChecked()
        s.language = self.language.currentData()
        s.sync()
        super().accept()
