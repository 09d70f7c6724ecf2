"""The cleanup rules in Options: grouped (网站标识, 导航, 广告, 预览截断, 页码页眉…), named and described in the UI
language (resources/rules/names.toml), each switched on or off, with a search box over names and descriptions."""
from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from .rule_names import groups, rule_name

log = logging.getLogger("qinggao.options")
ID_ROLE = Qt.ItemDataRole.UserRole


def tr(text: str) -> str:
    return QCoreApplication.translate("Options", text)


def rule_ids() -> list[str]:
    """Every rule and signal a clerk can switch off (Overrides.disabled_rules), in noise.toml order."""
    try:
        from core.rules import rule_catalog

        return [rid for rid, _comment in rule_catalog()]
    except Exception as e:  # noqa: BLE001 - the tab then says the list is unavailable
        log.info("noise rules not listed: %s", e)
        return []


class RulesList(QWidget):
    def __init__(self, disabled: set[str], parent=None):
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(tr("搜索规则，如“导航”“页码”“下载”"))
        self.search.setClearButtonEnabled(True)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([tr("规则"), tr("删除什么")])
        self.tree.setColumnWidth(0, self.fontMetrics().horizontalAdvance("中") * 12)
        self.tree.setUniformRowHeights(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(QLabel(tr("勾选的规则会删除网站添加的内容。取消勾选可保留该类内容。"), self))
        lay.addWidget(self.search)
        lay.addWidget(self.tree, 1)
        self.items: dict[str, QTreeWidgetItem] = {}
        self._fill(disabled)
        if not self.items:
            lay.addWidget(QLabel(tr("规则列表暂不可用。"), self))
        self.search.textChanged.connect(self.filter)

    def _fill(self, disabled: set[str]) -> None:
        heads: dict[str, QTreeWidgetItem] = {}
        for gid, gname in groups():
            if gid == "review":
                continue
            head = QTreeWidgetItem(self.tree, [gname, ""])
            head.setFlags(head.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsAutoTristate)
            head.setCheckState(0, Qt.CheckState.Checked)
            heads[gid] = head
        for rid in rule_ids():
            name = rule_name(rid)
            parent = heads.get(name.group) or heads.setdefault("format", QTreeWidgetItem(self.tree, [name.group_name]))
            it = QTreeWidgetItem(parent, [name.name, name.desc])
            it.setData(0, ID_ROLE, rid)
            it.setToolTip(0, name.desc)
            it.setToolTip(1, name.desc)
            it.setFlags(it.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            it.setCheckState(0, Qt.CheckState.Unchecked if rid in disabled else Qt.CheckState.Checked)
            self.items[rid] = it
        for head in heads.values():
            head.setText(0, f"{head.text(0)}（{head.childCount()}）")
            if not head.childCount():
                head.setHidden(True)

    def disabled(self) -> list[str]:
        return [rid for rid, it in self.items.items() if it.checkState(0) != Qt.CheckState.Checked]

    def set_enabled(self, rid: str, on: bool) -> None:
        self.items[rid].setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def filter(self, text: str) -> int:
        """Show the rules whose name or description holds `text` (groups open on a search); returns how many."""
        needle = text.strip().lower()
        shown = 0
        for i in range(self.tree.topLevelItemCount()):
            head = self.tree.topLevelItem(i)
            in_group = needle and needle in head.text(0).lower()
            visible = 0
            for k in range(head.childCount()):
                it = head.child(k)
                hit = (not needle or in_group or needle in it.text(0).lower() or needle in it.text(1).lower()
                       or needle in str(it.data(0, ID_ROLE)))
                it.setHidden(not hit)
                visible += hit
            head.setHidden(head.childCount() == 0 or visible == 0)
            head.setExpanded(bool(needle) and visible > 0)
            shown += visible
        return shown
