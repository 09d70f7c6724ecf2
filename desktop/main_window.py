"""The main window: drop files anywhere, watch the queue clean them, review one, export."""
from __future__ import annotations

import copy
import datetime as _dt
import logging
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QStandardPaths,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QIcon,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QMainWindow,
    QMenu,
    QProgressBar,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QTableView,
    QToolBar,
    QToolButton,
)

from core import edits
from core.api import iter_inputs
from core.edits import Edit, EditError
from core.readers import SUPPORTED, kind_of
from core.resources import resource

from . import help as help_menu
from . import info_panel, naming, prompts, window_fit
from .clipboard import save_paste
from .elided_label import ElidedLabel
from .jobs import Job, JobsModel, State, empty_hint, formats_text, message_in_ui_language
from .keep_work import WorkKeeper
from .paths import log_file, paste_dir
from .review import ReviewPanel
from .settings import Settings
from .worker import CleanRequest, CleanResult, Dispatcher, ExportRequest, clean, export

log = logging.getLogger("qinggao.window")


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def skip_reason(path: Path) -> str | None:
    """Why a file is not cleaned (bilingual, for the row), or None."""
    if path.name.startswith("~$"):
        return f"{path}：Word/WPS 临时文件，已跳过\n{path}: a Word/WPS lock file, skipped"
    if not path.exists():
        return f"{path}：找不到文件，请检查路径\n{path}: file not found; check the path"
    if not kind_of(path):
        ext = path.suffix or "（无扩展名）"
        return (f"{path}：不支持的文件类型（{ext}），请使用 {formats_text()} 文件\n"
                f"{path}: unsupported file type ({ext}); use {formats_text(', ')}")
    return None


class MiddleElide(QStyledItemDelegate):
    """File names and paths elided in the middle ("000_b40…a0.txt"); the other columns keep the end elided."""

    def initStyleOption(self, option, index) -> None:  # noqa: N802 - Qt override
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideMiddle


def tool_icon(name: str, fallback) -> QIcon:
    """A hand-drawn toolbar icon from resources/icons (PNGs, and the SVG when Qt can draw it), else `fallback`."""
    icon = QIcon()
    for size in (16, 24, 32, 48):
        png = resource("icons", f"{name}-{size}.png")
        if png.exists():
            icon.addFile(str(png))
    return fallback if icon.isNull() else icon


def _page_resource(path: Path) -> bool:
    """A file inside a saved page's "NAME_files" folder (scripts, images): not worth a row of its own."""
    return any(p.endswith(("_files", ".files")) for p in path.parent.parts) and not kind_of(path)


class MainWindow(QMainWindow):
    batch_finished = Signal()  # the pool went idle (tests and the screenshot tool wait on it)

    def __init__(self, settings: Settings | None = None, threads: int = 2):
        super().__init__()
        self.settings = settings or Settings()
        self.setWindowTitle(tr("清稿 — 文稿清理与公文排版"))
        self.setAcceptDrops(True)
        self.model = JobsModel(self)
        self.dispatcher = Dispatcher(self, threads)
        self.taken: set[Path] = set()  # output paths handed out this session
        self._targets: dict[int, Path] = {}  # job id -> the path its export asked for
        self._batch_total = 0
        self._batch_done = 0
        self._batch_cancelled = 0
        self._export_folders: set[Path] = set()
        # while work runs, the table and the progress bar refresh 10 times a second, not on every event
        self._refresh = QTimer(self, interval=100)
        self._refresh.timeout.connect(self._flush)
        self.keeper = WorkKeeper(self)  # the session file: queue, edits, selection
        self._build_ui()
        self._connect()
        self.info_panel = info_panel.install(self)  # 公文信息: toolbar action and per-document values (issue 13)
        self._restore_layout()
        self.restore_session()
        if self.current_job() is None:
            self.review.show_job(None)  # the empty queue's hint where the page will be

    # ------------------------------------------------------------------ UI
    def _build_ui(self) -> None:
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        for col in (JobsModel.COL_FILE, JobsModel.COL_OUT):  # long names keep their start and their end
            self.table.setItemDelegateForColumn(col, MiddleElide(self.table))
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        h = self.table.horizontalHeader()
        h.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        h.setStretchLastSection(True)
        # widths in characters of the UI font, so they scale with the screen's DPI and the language
        em = self.fontMetrics().horizontalAdvance("中")
        for col, chars in ((0, 16), (1, 3.5), (2, 6), (3, 14), (4, 5), (5, 9)):
            self.table.setColumnWidth(col, int(em * chars) + 12)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)

        self.review = ReviewPanel(self)
        self.review.set_profile(self.settings.profile)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.review)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        st = self.style()
        icon = st.standardIcon
        SP = QStyle.StandardPixmap
        self.act_add_files = self._action(tr("添加文件"), QKeySequence.StandardKey.Open, self.add_files_dialog,
                                          icon(SP.SP_FileIcon))
        self.act_add_folder = self._action(tr("添加文件夹"), "Ctrl+Shift+O", self.add_folder_dialog,
                                           icon(SP.SP_DirIcon))
        self.act_paste = self._action(tr("粘贴文本"), "Ctrl+V", self.paste_text,
                                      icon(SP.SP_FileDialogDetailedView))
        # Ctrl+V anywhere (an editable field takes its own paste first); Ctrl+Shift+V too, as before
        self.act_paste.setShortcuts([QKeySequence("Ctrl+V"), QKeySequence("Ctrl+Shift+V")])
        self.act_export = self._action(tr("导出"), "Ctrl+E", self.export_pending, icon(SP.SP_DialogSaveButton))
        self.act_cancel = self._action(tr("取消"), "Esc", self.cancel, icon(SP.SP_BrowserStop))
        self.act_retry = self._action(tr("重新处理"), "F5", self.retry_selected, icon(SP.SP_BrowserReload))
        self.act_remove = self._action(tr("从列表移除"), None, self.remove_selected, icon(SP.SP_TrashIcon))
        self.act_clear = self._action(tr("清空列表"), "Ctrl+Shift+Del", self.clear_finished,
                                      icon(SP.SP_DialogResetButton))
        self.act_open_out = self._action(tr("打开输出文件夹"), "Ctrl+Shift+F", self.open_output_folder,
                                         icon(SP.SP_DirOpenIcon))
        self.act_options = self._action(tr("选项"), QKeySequence.StandardKey.Preferences, self.show_options,
                                        tool_icon("options", icon(SP.SP_FileDialogInfoView)))
        if self.act_options.shortcut().isEmpty():
            self.act_options.setShortcut(QKeySequence("Ctrl+,"))
        self.act_log = self._action(tr("查看日志"), "Ctrl+L", self.open_log,
                                    tool_icon("log", icon(SP.SP_MessageBoxInformation)))
        # Delete on the queue removes rows; on the review it drops a block (the review's own shortcut)
        self.act_remove.setShortcut(QKeySequence.StandardKey.Delete)
        self.act_remove.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.table.addAction(self.act_remove)

        tb = QToolBar(tr("工具栏"), self)
        tb.setObjectName("mainToolbar")
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        tb.setMovable(False)
        for a in (self.act_add_files, self.act_add_folder, self.act_paste, None, self.act_export, self.act_cancel,
                  None, self.act_open_out, self.act_options, self.act_log):
            tb.addSeparator() if a is None else tb.addAction(a)
        self.help_menu = help_menu.build_menu(self)
        help_button = QToolButton(self)
        help_button.setText(tr("帮助"))
        help_button.setIcon(icon(SP.SP_MessageBoxQuestion))
        help_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        help_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        help_button.setMenu(self.help_menu)
        tb.addWidget(help_button)
        self.toolbar = tb
        self.addToolBar(tb)
        for a in (self.act_add_files, self.act_add_folder, self.act_paste, self.act_export, self.act_cancel,
                  self.act_retry, self.act_clear, self.act_open_out, self.act_options, self.act_log):
            self.addAction(a)  # shortcuts work wherever the focus is

        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(260)
        self.progress.setTextVisible(True)
        self.progress.setFormat("%v / %m")
        self.progress.setValue(0)
        self.progress.setMaximum(1)
        self.progress.hide()  # shown while a batch runs and after it, never as "0 / 1" on an empty queue
        self.status = ElidedLabel(self)
        self.statusBar().addWidget(self.status, 1)
        self.statusBar().addPermanentWidget(self.progress)
        self._update_status()

    def _action(self, text: str, shortcut, slot, icon=None) -> QAction:
        a = QAction(text, self)
        if icon is not None:
            a.setIcon(icon)
        if shortcut is not None:
            a.setShortcut(QKeySequence(shortcut))
            a.setToolTip(f"{text}（{a.shortcut().toString(QKeySequence.SequenceFormat.NativeText)}）")
        a.triggered.connect(lambda _=False: slot())
        return a

    def _connect(self) -> None:
        d = self.dispatcher
        d.started.connect(self._on_started)
        d.stage.connect(self._on_stage)
        d.cleaned.connect(self._on_cleaned)
        d.exported.connect(self._on_exported)
        d.failed.connect(self._on_failed)
        d.cancelled.connect(self._on_cancelled)
        d.idle.connect(self._on_idle)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.review.edited.connect(self._on_edited)
        self.review.restore_requested.connect(self.restore_line)
        self.review.fill_batch_requested.connect(self.fill_batch)
        self.review.reclean_requested.connect(lambda jid: self._reclean(jid))
        self.review.message.connect(lambda m: self.statusBar().showMessage(m, 6000))

    # ------------------------------------------------------------------ layout memory
    def _restore_layout(self) -> None:
        s = self.settings
        window_fit.restore_state(self, s.window, self.default_size())  # as a share of the screen: DPI-proof
        if not s.state.isEmpty():
            self.restoreState(s.state)
        if not s.splitter.isEmpty():
            self.splitter.restoreState(s.splitter)
        else:  # the queue gets a quarter, at most about eight rows: the review needs the room on a small screen
            h = self.height()
            queue = min(int(h * 0.26), self.table.verticalHeader().defaultSectionSize() * 9)
            self.splitter.setSizes([queue, h - queue])

    def default_size(self) -> tuple[int, int]:
        """Most of the screen, at most 1280x800: fits a 1366x768 laptop with its taskbar."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        avail = screen.availableGeometry() if screen else None
        if avail is None or avail.width() <= 0:
            return 1200, 720
        return min(1280, int(avail.width() * 0.94)), min(800, int(avail.height() * 0.92))

    def save_layout(self) -> None:
        s = self.settings
        s.window = window_fit.save_state(self)
        s.state = self.saveState()
        s.splitter = self.splitter.saveState()
        s.sync()

    # ------------------------------------------------------------------ never lose work
    def unexported(self) -> list[Job]:
        """Cleaned files whose result is not in an output file: never exported, or edited since."""
        return [j for j in self.model.jobs if j.doc is not None and (
            j.state == State.DONE or (j.state == State.EXPORTED and j.dirty))]

    def ask_unexported(self, n: int) -> str:
        return prompts.ask_unexported(self, n)  # a method, so tests can answer it

    def save_session(self) -> None:
        self.keeper.save()

    def _session_changed(self) -> None:
        self.keeper.changed()

    def restore_session(self) -> int:
        n = self.keeper.restore(skip_reason)
        self._update_status()
        return n

    def closeEvent(self, e) -> None:  # noqa: N802 - Qt override
        self.review.commit_typing()
        pending = self.unexported()
        if pending and not getattr(self, "_closing_after_export", False):
            choice = self.ask_unexported(len(pending))
            if choice == "cancel":
                e.ignore()
                return
            if choice == "export":
                self.export_pending()
                self._closing_after_export = True
                self.batch_finished.connect(self.close)  # close once the files are written
                e.ignore()
                return
        self.save_session()
        self.save_layout()
        if self.dispatcher.busy:
            self.dispatcher.cancel()
            self.dispatcher.wait(5000)
        self.dispatcher.shutdown()
        super().closeEvent(e)

    # ------------------------------------------------------------------ drops
    def dragEnterEvent(self, e: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        md = e.mimeData()
        if (md.hasUrls() and any(u.isLocalFile() for u in md.urls())) or md.hasText():
            e.acceptProposedAction()
        else:
            e.ignore()

    def dragMoveEvent(self, e) -> None:  # noqa: N802 - Qt override
        e.acceptProposedAction()

    def dropEvent(self, e: QDropEvent) -> None:  # noqa: N802 - Qt override
        md = e.mimeData()
        files = [u.toLocalFile() for u in md.urls() if u.isLocalFile()] if md.hasUrls() else []
        if files:
            self.add_paths(files)
        elif md.hasText() and md.text().strip():
            self.add_text(md.text())  # text dragged from a browser becomes a draft, like a paste
        e.acceptProposedAction()

    # ------------------------------------------------------------------ adding work
    def add_paths(self, paths: list[str | Path]) -> int:
        """Queue files and folders (recursed); returns how many files were queued for cleaning."""
        dup = 0
        live = self.model.live_paths()
        rows: list[Job] = []
        for p, _reason in iter_inputs([Path(x) for x in paths]):  # skip_reason says why, in both languages
            p = p.absolute()
            if _page_resource(p):
                continue
            reason = _reason or skip_reason(p)  # a link out of a dropped folder is skipped, with why
            if reason:
                rows.append(Job(p, kind=None, state=State.SKIPPED, error=reason))
            elif p in live:
                dup += 1
            else:
                live.add(p)
                rows.append(Job(p, kind=kind_of(p)))
        self.model.add_many(rows)  # all rows first, then the work: the pool does not slow the listing down
        self._session_changed()
        new = [j for j in rows if j.state == State.WAITING]
        for job in new:
            self._clean(job)
        queued, skipped = len(new), len(rows) - len(new)
        first_new = new[0] if new else None
        note = tr("已加入 {n} 个文件").format(n=queued)
        if skipped:
            note += tr("，跳过 {n} 个").format(n=skipped)
        if dup:
            note += tr("，{n} 个已在列表中").format(n=dup)
        self.statusBar().showMessage(note, 8000)
        log.info("queued %d, skipped %d, duplicates %d", queued, skipped, dup)
        if first_new is not None and not self.table.selectionModel().currentIndex().isValid():
            self.select_job(first_new)
        self._update_status()
        return queued

    def add_text(self, text: str) -> Job | None:
        """Pasted (or dropped) text becomes a UTF-8 draft in the app-data folder, cleaned like any file."""
        if not text.strip():
            self.statusBar().showMessage(tr("剪贴板里没有文字。"), 6000)
            return None
        folder = paste_dir()
        folder.mkdir(parents=True, exist_ok=True)
        stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        path = naming.free_name(folder / f"粘贴文本-{stamp}.txt")
        path.write_text(text, encoding="utf-8")
        return self._add_pasted(path)

    def _add_pasted(self, path: Path) -> Job:
        docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        job = Job(path, kind=kind_of(path), out_dir=Path(docs) / naming.OUT_FOLDER)
        self.model.add(job)
        self._clean(job)
        self.select_job(job)
        self._update_status()
        self._session_changed()
        return job

    def paste_text(self) -> Job | None:
        """The clipboard as a new draft: HTML (from a browser or WPS) through the HTML reader, so centred and bold
        headings are kept; plain text otherwise."""
        path = save_paste(QGuiApplication.clipboard().mimeData(), paste_dir())
        if path is None:
            self.statusBar().showMessage(tr("剪贴板里没有文字。"), 6000)
            return None
        return self._add_pasted(path)

    def add_files_dialog(self) -> None:
        exts = " ".join(f"*{e}" for e in SUPPORTED)
        files, _ = QFileDialog.getOpenFileNames(self, tr("添加文件"), self.settings.last_dir or str(Path.home()),
                                                tr("文稿") + f" ({exts});;" + tr("所有文件") + " (*)")
        if files:
            self.settings.last_dir = str(Path(files[0]).parent)
            self.add_paths(files)

    def add_folder_dialog(self) -> None:
        d = QFileDialog.getExistingDirectory(self, tr("添加文件夹"), self.settings.last_dir or str(Path.home()))
        if d:
            self.settings.last_dir = d
            self.add_paths([d])

    # ------------------------------------------------------------------ running work
    def _submit(self, job: Job, kind: str, fn, req) -> None:
        if not self.dispatcher.busy:
            self._batch_total = self._batch_done = self._batch_cancelled = 0
        self._batch_total += 1
        job.task = kind
        self.dispatcher.submit(job.id, kind, fn, req)
        if not self._refresh.isActive():
            self._refresh.start()
            self._flush()

    def clean_job(self, job: Job) -> None:
        self._clean(job)

    def _clean(self, job: Job) -> None:
        current = self.current_job() is job
        if current:
            self.review.commit_typing()  # typing not yet recorded goes into the re-clean's edits
        job.state, job.error, job.stage, job.notes = State.WAITING, "", "", ""
        self.model.changed(job)
        self._submit(job, "clean", clean, CleanRequest(job.path, list(job.edits), self.settings.disabled_rules,
                                                      self.settings.simplify))
        if current:
            self.review.show_job(job, keep_place=True)  # read-only while it is cleaned again

    def _reclean(self, job_id: int) -> None:
        job = self.model.job(job_id)
        if job is not None:
            self._clean(job)
            self.save_session()

    def restore_line(self, job_id: int, lines: int | list[int]) -> None:
        """Restore removed lines: clean again with them in Overrides.keep_lines, replaying the other edits."""
        job = self.model.job(job_id)
        if job is None:
            return
        lines = [lines] if isinstance(lines, int) else list(lines)
        job.edits += [Edit("restore_line", value=n) for n in lines]
        self.statusBar().showMessage(tr("正在恢复 {n} 行……").format(n=len(lines)), 4000)
        self._clean(job)
        self.save_session()

    def fill_batch(self, find: str, value: str) -> int:
        """Fill a placeholder in every cleaned file of the queue (one `replace` edit each); returns the files."""
        files = 0
        for job in self.model.jobs:
            if job.doc is None or job.state not in (State.DONE, State.EXPORTED):
                continue
            try:
                e, _ = edits.edit(job.doc, "replace", None, {"find": find, "repl": value, "whole": True})
            except EditError:
                continue
            job.edits.append(e)
            job.dirty = job.output is not None
            self.model.changed(job)
            files += 1
        self._flush()
        if self.current_job() is not None:
            self.review.show_job(self.current_job(), keep_place=True)
        self.statusBar().showMessage(tr("已在 {n} 个文件中把“{p}”填为“{t}”。").format(n=files, p=find, t=value), 10000)
        self.save_session()
        if self.settings.auto_export:
            for job in self.model.jobs:
                if job.dirty and job.state == State.EXPORTED:
                    self._export(job)
        return files

    def _export(self, job: Job, collision: str | None = None) -> None:
        s = self.settings
        target = naming.target_for(job.path, job.doc, fmt=s.export_format, out_dir=s.out_dir,
                                   pattern=s.name_pattern, collision=collision or s.collision, taken=self.taken,
                                   inputs={j.path for j in self.model.jobs}, job_out_dir=job.out_dir,
                                   previous=job.output)
        self.taken.add(target)
        self._targets[job.id] = target
        job.state = State.EXPORTING
        self.model.changed(job)
        req = ExportRequest(job.path, copy.deepcopy(job.doc), s.export_format, target, s.profile, s.split_docbreaks)
        self._submit(job, "export", export, req)

    def export_pending(self) -> int:
        """Export every cleaned file not exported yet (or edited since); with none, re-export the selection."""
        self.review.commit_typing()
        todo = [j for j in self.model.jobs if j.doc is not None and
                (j.state == State.DONE or (j.state == State.EXPORTED and j.dirty))]
        if not todo:
            todo = [j for j in self.selected_jobs() if j.doc is not None and j.state in (State.DONE, State.EXPORTED)]
        if not todo:
            self.statusBar().showMessage(tr("没有需要导出的文件。"), 6000)
            return 0
        self._export_folders.clear()
        policy = None
        if self.settings.collision == "ask":
            clash = self._existing_outputs(todo)
            if clash:
                policy = self.ask_existing([p.name for p in clash.values()])
                if policy == "cancel":
                    return 0
                if policy == "skip":
                    todo = [j for j in todo if j.id not in clash]
                    self.statusBar().showMessage(tr("已跳过 {n} 个已有输出的文件。").format(n=len(clash)), 6000)
        for j in todo:
            self._export(j, policy if policy in ("overwrite", "suffix") else None)
        return len(todo)

    def _existing_outputs(self, todo: list[Job]) -> dict[int, Path]:
        s = self.settings
        inputs = {j.path for j in self.model.jobs}
        found = {}
        for j in todo:
            p = naming.existing_output(j.path, j.doc, fmt=s.export_format, out_dir=s.out_dir, pattern=s.name_pattern,
                                       inputs=inputs, job_out_dir=j.out_dir, previous=j.output)
            if p is not None:
                found[j.id] = p
        return found

    def ask_existing(self, names: list[str]) -> str:
        return prompts.ask_existing(self, names)  # a method, so tests can answer it

    def cancel(self) -> None:
        if self.dispatcher.busy:
            self.dispatcher.cancel()
            self.statusBar().showMessage(tr("正在取消……"), 4000)

    def retry_selected(self) -> int:
        """F5: clean the selected files again whatever their state (an export that failed is written again)."""
        n = 0
        for j in self.selected_jobs():
            if j.state in (State.SKIPPED, State.WAITING, State.RUNNING, State.EXPORTING):
                continue
            if j.state == State.FAILED and j.doc is not None and j.task == "export":
                self._export(j)
            else:
                self._clean(j)
            n += 1
        return n

    def reclean_all(self) -> int:
        """Clean every finished file of the queue again (after the rules changed), keeping the clerk's edits."""
        todo = [j for j in self.model.jobs if j.state in (State.DONE, State.EXPORTED, State.FAILED, State.CANCELLED)
                and not (j.state == State.FAILED and j.task == "export")]
        for j in todo:
            self._clean(j)
        return len(todo)

    def confirm_reclean(self, n: int) -> bool:
        return prompts.confirm_reclean(self, n)

    def remove_selected(self) -> None:
        rows = [self.model.row_of(j.id) for j in self.selected_jobs() if j.state not in (State.RUNNING,
                                                                                        State.EXPORTING)]
        self.model.remove_rows([r for r in rows if r is not None])
        self._on_current_row(self.table.currentIndex())
        self._update_status()
        self._session_changed()

    def clear_finished(self) -> None:
        rows = [i for i, j in enumerate(self.model.jobs) if j.state.finished]
        self.model.remove_rows(rows)
        self._on_current_row(self.table.currentIndex())
        self._update_status()
        self._session_changed()

    # ------------------------------------------------------------------ results (main thread)
    def _on_started(self, job_id: int) -> None:
        job = self.model.job(job_id)
        if job and job.state == State.WAITING:
            job.state = State.RUNNING
            self.model.changed(job)

    def _on_stage(self, job_id: int, name: str) -> None:
        job = self.model.job(job_id)
        if job and job.state == State.RUNNING:
            job.stage = name
            self.model.changed(job)

    def _finish_one(self) -> None:
        self._batch_done += 1

    def _flush(self) -> None:
        self.model.flush()
        self._update_status()

    def _on_cleaned(self, job_id: int, res: CleanResult) -> None:
        self._finish_one()
        job = self.model.job(job_id)
        if job is None:
            return
        had_output = job.output is not None
        changed = job.doc is None or job.doc.to_json() != res.doc.to_json()
        job.doc, job.draft, job.state, job.stage = res.doc, res.draft, State.DONE, ""
        job.dirty = had_output and (job.dirty or changed)
        if had_output and not job.dirty:  # cleaned again to the same result: its output is still current
            job.state = State.EXPORTED
        if job.resume_exported:  # back from the last session as it was exported: nothing new to export
            job.state, job.dirty, job.resume_exported = State.EXPORTED, False, False
        if res.skipped_edits:
            where = "；".join(res.skipped_notes)
            job.notes = tr("{n} 处修改因原文已变而未保留：").format(n=res.skipped_edits) + where
            self.statusBar().showMessage(f"{job.name}：{job.notes}", 15000)
            log.info("%s: edits not kept after the re-clean: %s", job.path, where)
        self.model.changed(job)
        self._session_changed()
        if self.current_job() is job:
            self.review.show_job(job, keep_place=True)
        if self.settings.auto_export:
            self._export(job)

    def _on_exported(self, job_id: int, path: Path) -> None:
        self._finish_one()
        job = self.model.job(job_id)
        if job is None:
            return
        job.output, job.state, job.dirty, job.stage = Path(path), State.EXPORTED, False, ""
        asked = self._targets.pop(job_id, job.output)
        if asked != job.output:  # Windows refused to replace it: open in Word or another program
            self.statusBar().showMessage(tr("“{old}”正被其他程序打开（如 Word），已另存为“{new}”。").format(
                old=asked.name, new=job.output.name), 12000)
        self.taken.add(job.output)
        self._export_folders.add(job.output.parent)
        self.model.changed(job)
        self._session_changed()
        if self.current_job() is job:
            self.review.show_job(job, keep_place=True)

    def _on_failed(self, job_id: int, message: str) -> None:
        self._finish_one()
        job = self.model.job(job_id)
        if job is None:
            return
        job.state, job.error, job.stage = State.FAILED, message, ""
        self.model.changed(job)
        if self.current_job() is job:
            self.review.show_job(job)

    def _on_cancelled(self, job_id: int) -> None:
        self._finish_one()
        self._batch_cancelled += 1
        job = self.model.job(job_id)
        if job is None:
            return
        # an export cancelled leaves the cleaned result; a clean cancelled leaves nothing to review
        job.state = State.DONE if job.doc is not None and job.task == "export" else State.CANCELLED
        job.stage = ""
        self.model.changed(job)

    def _on_idle(self) -> None:
        self._refresh.stop()
        self._flush()
        if self._batch_cancelled:
            self.statusBar().showMessage(tr("已取消：完成 {d} 个，取消 {n} 个").format(
                d=self._batch_done - self._batch_cancelled, n=self._batch_cancelled), 12000)
        if self.settings.open_folder and self._export_folders:
            for folder in sorted(self._export_folders):
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
        self._export_folders.clear()
        self.batch_finished.emit()

    def _on_edited(self, job_id: int) -> None:
        job = self.model.job(job_id)
        if job is None:
            return
        job.dirty = job.output is not None
        self.model.changed(job)
        self._flush()
        self.save_session()  # at once: a crash loses at most the edit being typed
        if self.settings.auto_export and job.output is not None:
            self._export(job)

    def _update_status(self) -> None:
        busy = self.dispatcher.busy
        jobs = self.model.jobs
        self.progress.setVisible(bool(jobs) and self._batch_total > 0)
        self.progress.setMaximum(max(1, self._batch_total))
        self.progress.setValue(self._batch_done if busy or self._batch_total else 0)
        self.act_cancel.setEnabled(busy)
        done = sum(j.state in (State.DONE, State.EXPORTED) for j in jobs)
        failed = sum(j.state == State.FAILED for j in jobs)
        waiting = sum(j.state in (State.WAITING, State.RUNNING, State.EXPORTING) for j in jobs)
        exported = sum(j.state == State.EXPORTED for j in jobs)
        if not jobs:
            self.status.setText(empty_hint())
        else:
            self.status.setText(tr("共 {t} 个：完成 {d}（已导出 {e}），失败 {f}，处理中 {w}").format(
                t=len(jobs), d=done, e=exported, f=failed, w=waiting))

    # ------------------------------------------------------------------ selection and review
    def current_job(self) -> Job | None:
        idx = self.table.currentIndex()
        return self.model.jobs[idx.row()] if idx.isValid() and idx.row() < len(self.model.jobs) else None

    def selected_jobs(self) -> list[Job]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        if not rows and self.table.currentIndex().isValid():
            rows = [self.table.currentIndex().row()]
        return [self.model.jobs[r] for r in rows if r < len(self.model.jobs)]

    def select_job(self, job: Job) -> None:
        row = self.model.row_of(job.id)
        if row is not None:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex | None = None) -> None:
        job = self.model.jobs[current.row()] if current.isValid() and current.row() < len(self.model.jobs) else None
        self.review.show_job(job)
        self._session_changed()

    def _context_menu(self, pos) -> None:
        jobs = self.selected_jobs()
        if not jobs:
            return
        m = QMenu(self)
        m.addAction(self.act_retry)
        m.addAction(self.act_export)
        j = jobs[0]
        m.addAction(tr("打开原稿"), lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(j.path))))
        if j.output:
            m.addAction(tr("打开输出文件"), lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(j.output))))
        if j.error:
            m.addAction(tr("复制错误信息"),
                        lambda: QGuiApplication.clipboard().setText(message_in_ui_language(j.error)))
        m.addSeparator()
        m.addAction(self.act_remove)
        m.exec(self.table.viewport().mapToGlobal(pos))

    # ------------------------------------------------------------------ other actions
    def open_output_folder(self) -> None:
        j = self.current_job()
        folder = j.output.parent if j and j.output else (
            Path(self.settings.out_dir) if self.settings.out_dir else (j.path.parent / naming.OUT_FOLDER if j else None))
        if folder and folder.exists():
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
        else:
            self.statusBar().showMessage(tr("还没有输出文件夹。"), 6000)

    def open_log(self) -> None:
        path = log_file()
        if path.exists():
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        else:
            self.statusBar().showMessage(tr("还没有日志。"), 6000)

    def show_options(self) -> bool:
        from .options_dialog import OptionsDialog

        rules_before, simplify_before = sorted(self.settings.disabled_rules), self.settings.simplify
        dlg = OptionsDialog(self.settings, self)
        ok = dlg.exec() == OptionsDialog.DialogCode.Accepted
        if ok:
            self.review.set_profile(self.settings.profile)
            self.rules_changed(rules_before, simplify_before)
        return ok

    def rules_changed(self, before: list[str], simplify_before: bool | None = None) -> int:
        """After Options: when the rule switches (or 繁转简) changed, offer to clean the queue again; returns files
        re-cleaned. Switching 繁转简 off again is how its conversions are undone."""
        simplify_same = simplify_before is None or simplify_before == self.settings.simplify
        if sorted(self.settings.disabled_rules) == sorted(before) and simplify_same:
            return 0
        n = sum(j.state in (State.DONE, State.EXPORTED, State.FAILED, State.CANCELLED) for j in self.model.jobs)
        if n and self.confirm_reclean(n):
            return self.reclean_all()
        return 0

    def is_idle(self) -> bool:
        return not self.dispatcher.busy

    def activate_from_other_launch(self, files: list[str]) -> None:
        if files:
            self.add_paths(files)
        self.setWindowState((self.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive)
        self.show()
        self.raise_()
        self.activateWindow()
