"""The questions the window asks: closing with work not exported, re-cleaning after the rules changed."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


_ROLE = QMessageBox.ButtonRole


def _choose(parent: QWidget, name: str, title: str, text: str, info: str,
            buttons: list[tuple[str, QMessageBox.ButtonRole, str]]) -> str:
    """A question with its own buttons (label, role, answer), the first the default; "cancel" when none is clicked."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setInformativeText(info)
    answers = {}
    for label, role, answer in buttons:
        answers[box.addButton(label, role)] = answer
    box.addButton(tr("取消"), _ROLE.RejectRole)
    box.setDefaultButton(next(iter(answers)))
    box.setObjectName(name)
    box.exec()
    return answers.get(box.clickedButton(), "cancel")


def ask_unexported(parent: QWidget, n: int) -> str:
    """导出 / 不导出 / 取消 for closing with `n` files not exported: "export", "discard" or "cancel"."""
    return _choose(parent, "closePrompt", tr("清稿"), tr("有 {n} 个文件清理或修改后还没有导出。关闭前要导出吗？").format(n=n),
                   tr("不导出也不会丢失：下次打开时，列表和修改都会恢复。"),
                   [(tr("导出"), _ROLE.AcceptRole, "export"), (tr("不导出"), _ROLE.DestructiveRole, "discard")])


def ask_existing(parent: QWidget, names: list[str]) -> str:
    """Outputs of these names exist already (an earlier run): "overwrite", "suffix", "skip" or "cancel"."""
    shown = "、".join(names[:3]) + ("……" if len(names) > 3 else "")
    return _choose(parent, "existingPrompt", tr("输出文件已存在"),
                   tr("{n} 个文件的输出已经存在（{names}），可能是以前导出的。要怎么办？").format(n=len(names), names=shown),
                   tr("原稿永远不会被覆盖。可以在“选项”里设定以后不再询问。"),
                   [(tr("替换"), _ROLE.AcceptRole, "overwrite"), (tr("另存为新文件（加序号）"), _ROLE.ActionRole, "suffix"),
                    (tr("跳过这些文件"), _ROLE.ActionRole, "skip")])


def confirm_reclean(parent: QWidget, n: int) -> bool:
    answer = QMessageBox.question(
        parent, tr("清理规则已更改"),
        tr("要按新的规则重新清理列表中的 {n} 个文件吗？\n已做的审稿修改会尽量保留，不能保留的会告诉你。").format(n=n),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
    return answer == QMessageBox.StandardButton.Yes
