"""The questions the window asks: closing with work not exported, re-cleaning after the rules changed."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def ask_unexported(parent: QWidget, n: int) -> str:
    """导出 / 不导出 / 取消 for closing with `n` files not exported: "export", "discard" or "cancel"."""
    box = QMessageBox(QMessageBox.Icon.Question, tr("清稿"),
                      tr("有 {n} 个文件清理或修改后还没有导出。关闭前要导出吗？").format(n=n),
                      QMessageBox.StandardButton.NoButton, parent)
    box.setInformativeText(tr("不导出也不会丢失：下次打开时，列表和修改都会恢复。"))
    export_btn = box.addButton(tr("导出"), QMessageBox.ButtonRole.AcceptRole)
    discard_btn = box.addButton(tr("不导出"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(tr("取消"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(export_btn)
    box.setObjectName("closePrompt")
    box.exec()
    return {export_btn: "export", discard_btn: "discard"}.get(box.clickedButton(), "cancel")


def ask_existing(parent: QWidget, names: list[str]) -> str:
    """Outputs of these names exist already (an earlier run): "overwrite", "suffix", "skip" or "cancel"."""
    shown = "、".join(names[:3]) + ("……" if len(names) > 3 else "")
    box = QMessageBox(QMessageBox.Icon.Question, tr("输出文件已存在"),
                      tr("{n} 个文件的输出已经存在（{names}），可能是以前导出的。要怎么办？").format(n=len(names), names=shown),
                      QMessageBox.StandardButton.NoButton, parent)
    box.setInformativeText(tr("原稿永远不会被覆盖。可以在“选项”里设定以后不再询问。"))
    replace = box.addButton(tr("替换"), QMessageBox.ButtonRole.AcceptRole)
    suffix = box.addButton(tr("另存为新文件（加序号）"), QMessageBox.ButtonRole.ActionRole)
    skip = box.addButton(tr("跳过这些文件"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(tr("取消"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(replace)
    box.setObjectName("existingPrompt")
    box.exec()
    return {replace: "overwrite", suffix: "suffix", skip: "skip"}.get(box.clickedButton(), "cancel")


def confirm_reclean(parent: QWidget, n: int) -> bool:
    answer = QMessageBox.question(
        parent, tr("清理规则已更改"),
        tr("要按新的规则重新清理列表中的 {n} 个文件吗？\n已做的审稿修改会尽量保留，不能保留的会告诉你。").format(n=n),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
    return answer == QMessageBox.StandardButton.Yes
