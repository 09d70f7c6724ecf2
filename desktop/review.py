"""Review: the draft and the result side by side, and the clerk's edits on the result.

Edits on blocks (kind, heading level, merge, split, drop), typing in the result, find/replace and filled
placeholders apply at once through core.edits and are kept on the job so a re-clean replays them; restoring
removed lines asks the main window for a re-clean with the lines in Overrides.keep_lines (`restore_requested`),
and undo re-cleans with the last edit left out (`reclean_requested`).
"""
from __future__ import annotations

import copy

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QSpinBox,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from core import edits
from core.edits import EditError

from . import text_diff
from .clipboard import document_mime
from .draft_view import DraftView, changes_by_line
from .elided_label import ElidedLabel
from .find_replace import FindBar
from .i18n import N_
from .jobs import Job, State, empty_hint, message_in_ui_language
from .page_view import PageView
from .placeholders import PlaceholderPanel

KIND_LABELS = {"title": N_("标题"), "subtitle": N_("副标题"), "byline": N_("署名"), "salutation": N_("称谓"),
               "heading": N_("层次标题"), "paragraph": N_("正文"), "signature": N_("落款"), "date": N_("成文日期"),
               "docbreak": N_("另一份文件")}


def tr(text: str) -> str:
    return QCoreApplication.translate("Review", text)


class ReviewPanel(QWidget):
    edited = Signal(int)  # job id: the job's doc changed in place
    restore_requested = Signal(int, object)  # job id, source lines (list of int)
    reclean_requested = Signal(int)  # job id: clean again with job.edits (after an undo)
    fill_batch_requested = Signal(str, str)  # placeholder, value: fill it in every cleaned file
    message = Signal(str)  # a short note for the status bar

    def __init__(self, parent=None):
        super().__init__(parent)
        self.job: Job | None = None
        self.profile: str | None = None
        self._updating = False
        self.draft = DraftView(self)
        self.page = PageView(self)
        self.find_bar = FindBar(self.page, self)
        self.placeholders = PlaceholderPanel(self)
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
        self.summary = ElidedLabel(self)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.actions_: dict[str, QAction] = {}
        self._build()
        self._resize_timer = QTimer(self, singleShot=True, interval=150)
        self._resize_timer.timeout.connect(self._rescale)

    # --- layout and actions ---
    def _action(self, key: str, text: str, shortcut: str | QKeySequence.StandardKey | None, slot,
                tip: str = "", checkable: bool = False) -> QAction:
        a = QAction(text, self)
        a.setCheckable(checkable)
        if shortcut is not None:
            a.setShortcut(QKeySequence(shortcut))
            a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        a.setToolTip((tip or text) + (f"（{a.shortcut().toString(QKeySequence.SequenceFormat.NativeText)}）"
                                           if shortcut is not None else ""))
        a.triggered.connect(lambda _=False: slot())
        self.addAction(a)
        self.actions_[key] = a
        return a

    def _build(self) -> None:
        self._action("merge", tr("合并下段"), "Ctrl+J", lambda: self.apply("merge_next"), tr("与下一段合并"))
        self._action("split", tr("在光标处拆分"), "Ctrl+Return", self.split_at_cursor)
        self._action("drop", tr("删除此段"), "Ctrl+D", lambda: self.apply("drop_block"))
        self._action("restore", tr("恢复此行"), "Ctrl+R", self.restore_current,
                     tr("把左侧选中的已删除行恢复到结果中，各成一段"))
        self._action("undo", tr("撤销修改"), QKeySequence.StandardKey.Undo, self.undo)
        self._action("paragraph", tr("设为正文"), "Ctrl+0", lambda: self.apply("set_kind", "paragraph"))
        self._action("title", tr("设为标题"), "Ctrl+T", lambda: self.apply("set_kind", "title"))
        for n in range(1, 5):
            self._action(f"level{n}", tr("设为{n}级标题").format(n=n), f"Ctrl+{n}",
                         lambda n=n: self.apply("set_level", n))
        self._action("find", tr("查找"), QKeySequence.StandardKey.Find, lambda: self.find_bar.open(False))
        self._action("replace", tr("替换"), "Ctrl+H", lambda: self.find_bar.open(True))
        self._action("placeholders", tr("占位符"), "Ctrl+P", self._toggle_placeholders,
                     tr("列出待填写的占位符（×××、XX、____、20xx）并填写"), checkable=True)
        self._action("copy", tr("复制结果"), "Ctrl+Shift+C", self.copy_result,
                     tr("把清稿结果带格式复制，可直接粘贴到 WPS 或 Word"))

        bar = QToolBar(self)  # a toolbar, not a row of buttons: what does not fit goes behind its » button
        bar.setObjectName("reviewBar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.addWidget(QLabel(tr("类型") + " ", self))
        bar.addWidget(self.kind)
        bar.addWidget(self.level)
        for key in ("merge", "split", "drop", None, "restore", "undo", None, "find", "replace", "placeholders",
                    "copy", None):
            bar.addSeparator() if key is None else bar.addAction(self.actions_[key])
        bar.addWidget(self.marks)
        self.bar = bar

        left = QWidget(self)
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self._caption(tr("原稿（删除的行带删除线，标签是删除原因）"), left))
        ll.addWidget(self.draft)
        right = QWidget(self)
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self._caption(tr("清稿结果（可直接修改文字；按公文版式近似显示）"), right))
        rl.addWidget(self.find_bar)
        rl.addWidget(self.page)
        self.split = QSplitter(Qt.Orientation.Horizontal, self)
        self.split.addWidget(left)
        self.split.addWidget(right)
        self.split.addWidget(self.placeholders)
        self.split.setChildrenCollapsible(False)
        self.split.setStretchFactor(0, 9)  # the page gets a little more: it should hold a 28-character line
        self.split.setStretchFactor(1, 11)
        self.split.setStretchFactor(2, 0)
        self.placeholders.hide()

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(bar)
        lay.addWidget(self.split, 1)
        lay.addWidget(self.summary)

        self.kind.activated.connect(self._kind_chosen)
        self.level.valueChanged.connect(self._level_chosen)
        self.marks.toggled.connect(self._marks_toggled)
        self.page.cursorPositionChanged.connect(self._page_cursor_moved)
        self.page.typed.connect(self.commit_typing)
        self.draft.cursorPositionChanged.connect(self._draft_cursor_moved)
        self.find_bar.replace_all_requested.connect(lambda f, r: self.apply("replace", {"find": f, "repl": r}))
        self.find_bar.replaced_one.connect(self.commit_typing)
        self.find_bar.message.connect(self.message)
        self.placeholders.fill_here.connect(self.fill_here)
        self.placeholders.fill_document.connect(
            lambda f, v: self.apply("replace", {"find": f, "repl": v, "whole": True}))
        self.placeholders.fill_batch.connect(self._fill_batch)
        self.placeholders.spot_chosen.connect(self._show_spot)
        self._enable()

    def _caption(self, text: str, parent: QWidget) -> QLabel:
        label = ElidedLabel(parent)
        label.setText(text)
        return label

    # --- showing a job ---
    def show_job(self, job: Job | None, keep_place: bool = False) -> None:
        if self.job is not None and self.page.has_typing():
            self.commit_typing()  # typing in the file being left (or re-shown) is kept first
        index = self.page.current_index() if keep_place else None
        scroll = self.page.verticalScrollBar().value() if keep_place else 0
        draft_scroll = self.draft.verticalScrollBar().value() if keep_place and job is self.job else 0
        caret = self.page.textCursor().position() if keep_place else 0
        self.job = job
        if job is None or job.doc is None:
            self.draft.clear()
            note = self._state_note(job)
            self.page.show_note(note)  # a failure reads as a message where the page would be, never a traceback
            self.summary.setText(note.splitlines()[0] if note else "")
            self.placeholders.show_document(None)
            self._enable()
            return
        self.page.show_marks = self.marks.isChecked()
        self.page.show_document(job.doc, changes_by_line(job.doc))
        self.draft.show_draft(job.draft, job.doc)
        self.summary.setText(self._summary(job))
        self.placeholders.show_document(job.doc)
        if index is not None and job.doc.blocks:
            self.page.select_block(min(index, len(job.doc.blocks) - 1))
            cur = self.page.textCursor()
            cur.setPosition(min(caret, max(0, self.page.document().characterCount() - 1)))
            self.page.setTextCursor(cur)
            self.page.verticalScrollBar().setValue(scroll)
            self.draft.verticalScrollBar().setValue(draft_scroll)
        self._enable()

    def set_profile(self, profile: str | None) -> None:
        self.profile = profile
        self.page.set_profile(profile)
        if self.job:
            self.show_job(self.job, keep_place=True)

    def _state_note(self, job: Job | None) -> str:
        if job is None:
            return empty_hint() + tr("，或点“添加文件”。")
        if job.state in (State.FAILED, State.SKIPPED):
            return message_in_ui_language(job.error)
        if job.state == State.CANCELLED:
            return tr("已取消。选中后按“重新处理”再试。")
        return tr("正在清理……")

    def _summary(self, job: Job) -> str:
        d = job.doc
        assert d is not None
        count = {k: 0 for k in ("join", "split", "renumber", "clerk")}
        for c in d.changes:
            if c.kind in count:  # a paragraph's joins are one record: count its seams
                count[c.kind] += max(1, len(c.lines) - 1) if c.kind == "join" else 1
        parts = [tr("删除网页杂项 {n} 行").format(n=len(d.removed)), tr("合并 {n} 处").format(n=count["join"]),
                 tr("拆分 {n} 处").format(n=count["split"]), tr("重新编号 {n} 处").format(n=count["renumber"])]
        simplified = sum(len(c.before) for c in d.changes if c.kind == "simplify")
        if simplified:
            parts.append(tr("繁体转简体 {n} 字").format(n=simplified))
        if job.edits:
            parts.append(tr("审稿修改 {n} 处").format(n=len(job.edits)))
        if job.notes:
            parts.append(job.notes)
        if d.warnings:
            parts.append(tr("提示：") + "；".join(message_in_ui_language(w.message).rstrip("。.")
                                                 for w in d.warnings[:3]))  # (no "。；" between two warnings)
        return " · ".join(parts)

    def editable(self) -> bool:
        return self.job is not None and self.job.doc is not None and self.job.state in (State.DONE, State.EXPORTED)

    def _enable(self) -> None:
        has = self.editable()
        self.page.set_editable(has)
        i = self.page.current_index() if has else None
        b = self.job.doc.blocks[i] if has and i is not None and i < len(self.job.doc.blocks) else None
        text_block = b is not None and b.kind not in ("gap", "docbreak")
        for key in ("paragraph", "title", "level1", "level2", "level3", "level4"):
            self.actions_[key].setEnabled(text_block)
        self.kind.setEnabled(text_block)
        self.level.setEnabled(text_block and b.kind == "heading")
        self.actions_["merge"].setEnabled(text_block and i + 1 < len(self.job.doc.blocks)
                                          and self.job.doc.blocks[i + 1].kind not in ("gap", "docbreak"))
        self.actions_["split"].setEnabled(text_block and 0 < self.page.offset_in_block() < len(edits.full_text(b)))
        self.actions_["drop"].setEnabled(b is not None)
        self.actions_["restore"].setEnabled(has and bool(self.draft.selected_removed_lines()))
        self.actions_["undo"].setEnabled(has and bool(self.job.edits))
        for key in ("find", "replace", "copy", "placeholders"):
            self.actions_[key].setEnabled(has)
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

    def _toggle_placeholders(self) -> None:
        on = self.actions_["placeholders"].isChecked()
        self.placeholders.setVisible(on)
        total = sum(self.split.sizes())
        # the panel takes a quarter; the page keeps the most room (it should still hold a whole line)
        self.split.setSizes([int(total * 0.3), int(total * 0.45), int(total * 0.25)] if on
                            else [int(total * 0.45), int(total * 0.55), 0])
        if on:
            self.placeholders.value.setFocus()
            self._chosen_spot()

    def _chosen_spot(self) -> None:
        row = self.placeholders.list.currentRow()
        if 0 <= row < len(self.placeholders.spots):
            s = self.placeholders.spots[row]
            self._show_spot(s.block, s.start, s.end)

    def _show_spot(self, block: int, start: int, end: int) -> None:
        if self.job and self.job.doc and block < len(self.job.doc.blocks) and self.placeholders.isVisible():
            self.page.select_range(block, start, end)

    def resizeEvent(self, e) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(e)
        self._resize_timer.start()

    def _rescale(self) -> None:
        if self.job and self.job.doc and abs(self.page.fit_scale() - self.page.scale) > 0.04:
            self.show_job(self.job, keep_place=True)

    # --- the edits ---
    def apply(self, op: str, value=None, index: int | None = None) -> bool:
        """Apply an edit to the selected block (or `index`); False with a status note when it does not fit."""
        self.commit_typing()
        job = self.job
        if not self.editable():
            return False
        i = self.page.current_index() if index is None else index
        if i is None and op != "replace":
            self.message.emit(tr("先在右侧结果中点选一段。"))
            return False
        try:
            e, _change = edits.edit(job.doc, op, i, value)
        except EditError as err:
            self.message.emit(tr("无法修改：") + self._why(op, err))
            return False
        job.edits.append(e)
        select = (i or 0) if op != "split" else i + 1
        self.show_job(job, keep_place=True)
        if job.doc.blocks and op != "replace":
            self.page.select_block(min(select, len(job.doc.blocks) - 1))
        if op == "replace":
            self.message.emit(tr("已替换：“{p}”→“{t}”").format(p=value["find"], t=value["repl"]))
        self.edited.emit(job.id)
        return True

    @staticmethod
    def _why(op: str, err: EditError) -> str:
        if op == "replace":
            return tr("文中没有要替换的文字。")
        if op in ("merge_next", "split"):
            return tr("“原文缺失”提示和文件分隔不能合并或拆分。")
        return tr("这一段不能这样修改。")

    def commit_typing(self) -> bool:
        """Record what the clerk typed in the result as edits (set_text, merge, split, drop); True if any."""
        job = self.job
        if not self.editable() or not self.page.take_typing():
            return False
        old, new = self.page.rendered, self.page.texts()
        backup, n0 = copy.deepcopy(job.doc), len(job.edits)
        try:
            steps = text_diff.edits_for(old, new, self.page.fixed)
            for op, i, value in steps:
                e, _ = edits.edit(job.doc, op, i, value)
                job.edits.append(e)
        except (text_diff.Refused, EditError):
            job.doc = backup
            del job.edits[n0:]
            self.message.emit(tr("“原文缺失”提示和文件分隔不能直接修改；已还原。"))
            self.page.rendered = new  # so show_job does not try again
            self.show_job(job, keep_place=True)
            return False
        self.page.rendered = new
        if any(op != "set_text" for op, _, _ in steps):
            self.show_job(job, keep_place=True)  # blocks came or went: lay the page out again
        else:
            self.summary.setText(self._summary(job))
            self.placeholders.show_document(job.doc)
            self._enable()
        if steps:
            self.edited.emit(job.id)
        return bool(steps)

    def split_at_cursor(self) -> bool:
        self.commit_typing()
        return self.apply("split", self.page.offset_in_block())

    def fill_here(self, block: int, start: int, end: int, value: str) -> bool:
        if not self.editable() or block >= len(self.job.doc.blocks):
            return False
        whole = edits.full_text(self.job.doc.blocks[block])
        return self.apply("set_text", whole[:start] + value + whole[end:], index=block)

    def _fill_batch(self, find: str, value: str) -> None:
        self.commit_typing()
        self.fill_batch_requested.emit(find, value)

    def copy_result(self) -> bool:
        self.commit_typing()
        if not self.editable():
            return False
        QGuiApplication.clipboard().setMimeData(document_mime(self.job.doc, self.profile))
        self.message.emit(tr("已复制清稿结果，可粘贴到 WPS 或 Word。"))
        return True

    def restore_current(self) -> bool:
        lines = self.draft.selected_removed_lines()
        if self.job is None or not lines:
            self.message.emit(tr("先在左侧原稿中点选一条带删除线的行。"))
            return False
        return self.restore_lines(lines)

    def restore_line(self, lineno: int) -> bool:
        return self.restore_lines([lineno])

    def restore_lines(self, lines: list[int]) -> bool:
        self.commit_typing()
        if not self.editable():
            return False
        self.restore_requested.emit(self.job.id, list(lines))
        return True

    def undo(self) -> bool:
        self.commit_typing()
        if not self.editable() or not self.job.edits:
            return False
        self.job.edits.pop()
        self.reclean_requested.emit(self.job.id)
        return True
