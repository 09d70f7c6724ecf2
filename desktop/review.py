"""Review: the draft and the result side by side, and the clerk's edits on the result.

Edits on blocks (kind, heading level, merge, split, drop) apply at once through core.edits and are kept on the
job so a re-clean replays them; restoring a removed line asks the main window for a re-clean with the line in
Overrides.keep_lines (`restore_requested`), and undo re-cleans with the last edit left out (`reclean_requested`).
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core import edits
from core.edits import EditError

from .draft_view import DraftView, changes_by_line
from .i18n import N_
from .jobs import Job, State
from .page_view import PageView

KIND_LABELS = {"title": N_("标题"), "subtitle": N_("副标题"), "byline": N_("署名"), "salutation": N_("称谓"),
               "heading": N_("层次标题"), "paragraph": N_("正文"), "signature": N_("落款"), "date": N_("成文日期"),
               "docbreak": N_("分文")}


def tr(text: str) -> str:
    return QCoreApplication.translate("Review", text)


class ReviewPanel(QWidget):
    edited = Signal(int)  # job id: the job's doc changed in place
    restore_requested = Signal(int, int)  # job id, source line
    reclean_requested = Signal(int)  # job id: clean again with job.edits (after an undo)
    message = Signal(str)  # a short note for the status bar

    def __init__(self, parent=None):
        super().__init__(parent)
        self.job: Job | None = None
        self._updating = False
        self.draft = DraftView(self)
        self.page = PageView(self)
        self.kind = QComboBox(self)
        for k in edits.SETTABLE_KINDS:
            self.kind.addItem(tr(KIND_LABELS.get(k, k)), k)
        self.kind.setToolTip(tr("段落类型"))
        self.level = QSpinBox(self)
        self.level.setRange(1, 4)
        self.level.setPrefix(tr("层级 "))
        self.level.setToolTip(tr("标题层级：1 一、 2 （一） 3 1. 4 （1）"))
        self.marks = QCheckBox(tr("显示修改标记"), self)
        self.marks.setChecked(True)
        self.summary = QLabel(self)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.actions_: dict[str, QAction] = {}
        self._build()
        self._resize_timer = QTimer(self, singleShot=True, interval=150)
        self._resize_timer.timeout.connect(self._rescale)

    # --- layout and actions ---
    def _action(self, key: str, text: str, shortcut: str | QKeySequence.StandardKey | None, slot,
                tip: str = "") -> QAction:
        a = QAction(text, self)
        if shortcut is not None:
            a.setShortcut(QKeySequence(shortcut))
            a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        a.setToolTip((tip or text) + (f"（{a.shortcut().toString(QKeySequence.SequenceFormat.NativeText)}）"
                                           if shortcut is not None else ""))
        a.triggered.connect(slot)
        self.addAction(a)
        self.actions_[key] = a
        return a

    def _button(self, action: QAction) -> QToolButton:
        b = QToolButton(self)
        b.setDefaultAction(action)
        b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return b

    def _build(self) -> None:
        self._action("merge", tr("合并下段"), "Ctrl+J", lambda: self.apply("merge_next"), tr("与下一段合并"))
        self._action("split", tr("在光标处拆分"), "Ctrl+Return", self.split_at_cursor)
        self._action("drop", tr("删除此段"), "Delete", lambda: self.apply("drop_block"))
        self._action("restore", tr("恢复此行"), "Ctrl+R", self.restore_current, tr("把左侧选中的已删除行恢复到结果中"))
        self._action("undo", tr("撤销修改"), QKeySequence.StandardKey.Undo, self.undo)
        self._action("paragraph", tr("设为正文"), "Ctrl+0", lambda: self.apply("set_kind", "paragraph"))
        self._action("title", tr("设为标题"), "Ctrl+T", lambda: self.apply("set_kind", "title"))
        for n in range(1, 5):
            self._action(f"level{n}", tr("设为{n}级标题").format(n=n), f"Ctrl+{n}",
                         lambda _=False, n=n: self.apply("set_level", n))

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(QLabel(tr("类型"), self))
        bar.addWidget(self.kind)
        bar.addWidget(self.level)
        for key in ("merge", "split", "drop"):
            bar.addWidget(self._button(self.actions_[key]))
        bar.addSpacing(12)
        bar.addWidget(self._button(self.actions_["restore"]))
        bar.addWidget(self._button(self.actions_["undo"]))
        bar.addSpacing(12)
        bar.addWidget(self.marks)
        bar.addStretch(1)

        left = QWidget(self)
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(QLabel(tr("原稿（删除的行带删除线，标签是删除它的规则）"), left))
        ll.addWidget(self.draft)
        right = QWidget(self)
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(QLabel(tr("清稿结果（按公文版式近似显示）"), right))
        rl.addWidget(self.page)
        self.split = QSplitter(Qt.Orientation.Horizontal, self)
        self.split.addWidget(left)
        self.split.addWidget(right)
        self.split.setChildrenCollapsible(False)
        self.split.setStretchFactor(0, 9)  # the page gets a little more: it should hold a 28-character line
        self.split.setStretchFactor(1, 11)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(bar)
        lay.addWidget(self.split, 1)
        lay.addWidget(self.summary)

        self.kind.activated.connect(self._kind_chosen)
        self.level.valueChanged.connect(self._level_chosen)
        self.marks.toggled.connect(self._marks_toggled)
        self.page.cursorPositionChanged.connect(self._page_cursor_moved)
        self.draft.cursorPositionChanged.connect(self._draft_cursor_moved)
        self._enable()

    # --- showing a job ---
    def show_job(self, job: Job | None, keep_place: bool = False) -> None:
        index = self.page.current_index() if keep_place else None
        scroll = self.page.verticalScrollBar().value() if keep_place else 0
        self.job = job
        if job is None or job.doc is None:
            self.draft.clear()
            note = self._state_note(job)
            self.page.show_note(note)  # a failure reads as a message where the page would be, never a traceback
            self.summary.setText(note.splitlines()[0] if note else "")
            self._enable()
            return
        self.page.show_marks = self.marks.isChecked()
        self.page.show_document(job.doc, changes_by_line(job.doc))
        self.draft.show_draft(job.draft, job.doc)
        self.summary.setText(self._summary(job))
        if index is not None and job.doc.blocks:
            self.page.select_block(min(index, len(job.doc.blocks) - 1))
            self.page.verticalScrollBar().setValue(scroll)
        self._enable()

    def set_profile(self, profile: str | None) -> None:
        self.page.set_profile(profile)
        if self.job:
            self.show_job(self.job, keep_place=True)

    def _state_note(self, job: Job | None) -> str:
        if job is None:
            return tr("把 TXT、HTML、DOCX 文件或文件夹拖到窗口任意位置，或点“添加文件”。")
        if job.state in (State.FAILED, State.SKIPPED):
            return job.error
        if job.state == State.CANCELLED:
            return tr("已取消。选中后按“重新处理”再试。")
        return tr("正在清理……")

    def _summary(self, job: Job) -> str:
        d = job.doc
        assert d is not None
        count = {k: 0 for k in ("join", "split", "renumber", "clerk")}
        for c in d.changes:
            if c.kind in count:
                count[c.kind] += 1
        parts = [tr("去除 {n} 行").format(n=len(d.removed)), tr("合并 {n} 处").format(n=count["join"]),
                 tr("拆分 {n} 处").format(n=count["split"]), tr("重新编号 {n} 处").format(n=count["renumber"])]
        if job.edits:
            parts.append(tr("审稿修改 {n} 处").format(n=len(job.edits)))
        if d.warnings:
            parts.append(tr("提示：") + "；".join(w.message for w in d.warnings[:3]))
        return " · ".join(parts)

    def _enable(self) -> None:
        has = self.job is not None and self.job.doc is not None and self.job.state in (State.DONE, State.EXPORTED)
        i = self.page.current_index() if has else None
        b = self.job.doc.blocks[i] if has and i is not None and i < len(self.job.doc.blocks) else None
        text_block = b is not None and b.kind not in ("gap", "docbreak")
        for key in ("paragraph", "title", "level1", "level2", "level3", "level4"):
            self.actions_[key].setEnabled(text_block)
        self.kind.setEnabled(text_block)
        self.level.setEnabled(text_block and b.kind == "heading")
        self.actions_["merge"].setEnabled(text_block and i + 1 < len(self.job.doc.blocks)
                                          and self.job.doc.blocks[i + 1].kind not in ("gap", "docbreak"))
        self.actions_["split"].setEnabled(text_block and 0 < self.page.textCursor().positionInBlock()
                                          < len(edits.full_text(b)))
        self.actions_["drop"].setEnabled(b is not None)
        self.actions_["restore"].setEnabled(has and self.draft.current_is_removed())
        self.actions_["undo"].setEnabled(has and bool(self.job.edits))
        if b is not None:
            self._updating = True
            k = self.kind.findData(b.kind)
            self.kind.setCurrentIndex(k if k >= 0 else 0)
            self.level.setValue(b.level or 1)
            self._updating = False

    # --- events from the panes ---
    def _page_cursor_moved(self) -> None:
        i = self.page.current_index()
        if self.job and self.job.doc and i is not None and i < len(self.job.doc.blocks):
            self.draft.highlight_lines(self.job.doc.blocks[i].lines)
        self._enable()

    def _draft_cursor_moved(self) -> None:
        self._enable()

    def _kind_chosen(self, _row: int) -> None:
        if not self._updating:
            self.apply("set_kind", self.kind.currentData())

    def _level_chosen(self, value: int) -> None:
        if not self._updating and self.level.isEnabled():
            self.apply("set_level", value)

    def _marks_toggled(self, on: bool) -> None:
        if self.job:
            self.show_job(self.job, keep_place=True)

    def resizeEvent(self, e) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(e)
        self._resize_timer.start()

    def _rescale(self) -> None:
        if self.job and self.job.doc and abs(self.page.fit_scale() - self.page.scale) > 0.04:
            self.show_job(self.job, keep_place=True)

    # --- the edits ---
    def apply(self, op: str, value=None, index: int | None = None) -> bool:
        """Apply an edit to the selected block (or `index`); False with a status note when it does not fit."""
        job = self.job
        if job is None or job.doc is None or job.state not in (State.DONE, State.EXPORTED):
            return False
        i = self.page.current_index() if index is None else index
        if i is None:
            self.message.emit(tr("先在右侧结果中点选一段。"))
            return False
        try:
            e, _change = edits.edit(job.doc, op, i, value)
        except EditError as err:
            self.message.emit(tr("无法修改：") + str(err))
            return False
        job.edits.append(e)
        select = i if op != "split" else i + 1
        self.show_job(job, keep_place=True)
        if job.doc.blocks:
            self.page.select_block(min(select, len(job.doc.blocks) - 1))
        self.edited.emit(job.id)
        return True

    def split_at_cursor(self) -> bool:
        return self.apply("split", self.page.textCursor().positionInBlock())

    def restore_current(self) -> bool:
        n = self.draft.current_line()
        if self.job is None or n is None or not self.draft.current_is_removed():
            self.message.emit(tr("先在左侧原稿中点选一条带删除线的行。"))
            return False
        return self.restore_line(n)

    def restore_line(self, lineno: int) -> bool:
        if self.job is None or self.job.state not in (State.DONE, State.EXPORTED):
            return False
        self.restore_requested.emit(self.job.id, lineno)
        return True

    def undo(self) -> bool:
        if self.job is None or not self.job.edits or self.job.state not in (State.DONE, State.EXPORTED):
            return False
        self.job.edits.pop()
        self.reclean_requested.emit(self.job.id)
        return True
