"""The queue: one Job per input file, with explicit states, shown by a QAbstractTableModel."""
from __future__ import annotations

import enum
import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from core.edits import Edit
from core.model import Document, Line, Warning

from .i18n import N_, current

_ids = itertools.count(1)
# template placeholders (×, X, runs of _): the same pattern the export highlights (resources/profiles marks)
PLACEHOLDER = re.compile(r"(?<![A-Za-z])[X×Ｘ]+(?![A-Za-z])|_+|＿+")
ModelIndex = QModelIndex | QPersistentModelIndex


def tr(text: str) -> str:
    return QCoreApplication.translate("Jobs", text)


# core's stage names (core.pipeline.STAGES, plus read and export) as the clerk reads them
STAGE_LABEL = {"read": N_("读取"), "fold": N_("统一字符"), "simplify": N_("繁体转简体"), "strip_noise": N_("删除网页杂项"), "reflow": N_("合并断行"),
               "normalize": N_("规范标点"), "structure": N_("识别结构"), "number": N_("整理编号"), "warn": N_("检查"), "settle": N_("复核"),
               "export": N_("导出")}


class State(enum.Enum):
    WAITING = "waiting"  # queued for cleaning
    RUNNING = "running"  # cleaning (or re-cleaning) now
    DONE = "done"  # cleaned; ready to review and export
    EXPORTING = "exporting"
    EXPORTED = "exported"
    FAILED = "failed"
    CANCELLED = "cancelled"
    SKIPPED = "skipped"  # not a file QingGao reads

    @property
    def finished(self) -> bool:
        return self not in (State.WAITING, State.RUNNING, State.EXPORTING)


STATE_LABEL = {
    State.WAITING: N_("等待"), State.RUNNING: N_("处理中"), State.DONE: N_("完成"), State.EXPORTING: N_("导出中"),
    State.EXPORTED: N_("已导出"), State.FAILED: N_("失败"), State.CANCELLED: N_("已取消"), State.SKIPPED: N_("已跳过"),
}
STATE_COLOR = {State.FAILED: "#b3261e", State.SKIPPED: "#8a6d00", State.CANCELLED: "#777777",
               State.EXPORTED: "#1e6b34", State.DONE: "#1e4f8a"}
WARNING_LABEL = {"gap": N_("原文缺失"), "placeholder": N_("待填"), "encoding": N_("编码存疑"),
                 "format": N_("格式提示")}
_CJK = re.compile(r"[\u3400-\u9fff]")


def formats_text(sep: str = "、") -> str:
    """Every file type QingGao reads (core.readers.SUPPORTED), for hints and dialogs: TXT、HTML、DOCX…"""
    from core.readers import SUPPORTED

    return sep.join(dict.fromkeys(ext.lstrip(".").upper() for ext in SUPPORTED))


def empty_hint() -> str:
    return tr("把 {formats} 文件或文件夹拖到窗口任意位置").format(formats=formats_text())


def message_in_ui_language(message: str, lang: str | None = None) -> str:
    """The lines of a bilingual message (QingGaoError: the Chinese line, then the English one) in the UI language."""
    lines = [ln for ln in (message or "").strip().splitlines() if ln.strip()]
    if len(lines) < 2:
        return "\n".join(lines)

    def words(line: str) -> str:  # the line without the file name in front (a name may be Chinese)
        for colon in ("：", ": "):
            if colon in line:
                return line.split(colon, 1)[1]
        return line

    zh = [ln for ln in lines if _CJK.search(words(ln))]
    en = [ln for ln in lines if ln not in zh]
    pick = zh if (lang or current()) == "zh" else en
    return "\n".join(pick or lines)


@dataclass
class Job:
    path: Path
    kind: str | None = None  # txt / html / docx / doc, from the file name
    state: State = State.WAITING
    error: str = ""  # the readable, bilingual reason a file failed or was skipped
    doc: Document | None = None
    draft: list[Line] = field(default_factory=list)  # the lines as read, removed ones included
    edits: list[Edit] = field(default_factory=list)
    output: Path | None = None
    out_dir: Path | None = None  # a fixed output folder for this job (pasted text)
    dirty: bool = False  # edited since its last export
    notes: str = ""  # what the clerk should know about the last re-clean (edits that could not be kept)
    resume_exported: bool = False  # restored from the session as exported: its re-clean is not new work
    stage: str = ""
    task: str = ""  # "clean" or "export": what the job's last task was
    id: int = field(default_factory=lambda: next(_ids))

    @property
    def name(self) -> str:
        return self.path.name

    def status_text(self) -> str:
        label = tr(STATE_LABEL[self.state])
        if self.state == State.RUNNING and self.stage:
            return f"{label}（{tr(STAGE_LABEL.get(self.stage, self.stage))}）"
        if self.state in (State.FAILED, State.SKIPPED) and self.error:
            return f"{label}：{first_line(self.error, self.path)}"
        if self.state in (State.DONE, State.EXPORTED) and self.dirty and self.output:
            return tr("已修改，待重新导出")
        return label

    def warnings_text(self) -> str:
        """"原文缺失 2 · 待填 89 · 编码存疑": gaps and placeholders counted in the blocks, other warnings by kind."""
        if not self.doc:
            return ""
        d = self.doc
        counts = {"gap": sum(b.kind == "gap" for b in d.blocks),
                  "placeholder": sum(len(PLACEHOLDER.findall(b.text + (b.body or ""))) for b in d.blocks)}
        parts = [f"{tr(WARNING_LABEL[c])} {n}" for c, n in counts.items() if n]
        for code in dict.fromkeys(w.code for w in d.warnings):
            if code not in counts:
                parts.append(tr(WARNING_LABEL[code]) if code in WARNING_LABEL else tr("其他提示"))
        return " · ".join(parts)

    def encoding_text(self) -> str:
        d = self.doc
        if not d or not d.encoding or d.format != "txt":
            return "—" if d else ""
        conf = d.encoding_confidence
        enc = d.encoding.upper()
        return enc if conf is None or conf >= 0.99 else f"{enc}（{conf:.0%}）"


def notices(doc: Document) -> list[Warning]:
    """The doc's warnings, plus the gaps and template placeholders the clerk must see when core did not warn."""
    out = list(doc.warnings)
    codes = {w.code for w in out}
    if "gap" not in codes:
        for b in doc.blocks:
            if b.kind == "gap":
                n = f"{b.omitted_chars}字" if b.omitted_chars else ""
                out.append(Warning("gap", tr("此处原文缺失{n}，需找到全文补齐").format(n=n), b.lines[0] if b.lines else None))
    if "placeholder" not in codes:
        for b in doc.blocks:
            for m in PLACEHOLDER.finditer(b.text + (b.body or "")):
                out.append(Warning("placeholder", tr("模板占位符“{p}”待填写").format(p=m.group()),
                                   b.lines[0] if b.lines else None))
    return out


def first_line(message: str, path: Path) -> str:
    """The line of a bilingual (zh, then en) message in the UI language, without the file name (the row shows it)."""
    lines = message_in_ui_language(message).splitlines()
    if not lines:
        return ""
    line = lines[0]
    for prefix in (str(path), path.name):
        if line.startswith(prefix):
            line = line[len(prefix):].lstrip("：: ")
    return line


_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)  # built once: flag maths is slow in Python


class JobsModel(QAbstractTableModel):
    COLUMNS = (N_("文件"), N_("类型"), N_("编码"), N_("状态"), N_("删除杂项"), N_("提示"), N_("输出"))
    COL_FILE, COL_TYPE, COL_ENC, COL_STATUS, COL_REMOVED, COL_WARN, COL_OUT = range(7)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.jobs: list[Job] = []
        self._rows: dict[int, int] = {}
        self._dirty: set[int] = set()  # job ids whose row changed since the last flush()

    # --- Qt model API ---
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.jobs)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return tr(self.COLUMNS[section])
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        job = self.jobs[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(job, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(job, col)
        if role == Qt.ItemDataRole.ForegroundRole and col == self.COL_STATUS and job.state in STATE_COLOR:
            return QBrush(QColor(STATE_COLOR[job.state]))
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.COL_REMOVED:
            return _RIGHT
        if role == Qt.ItemDataRole.UserRole:
            return job.id
        return None

    def _display(self, job: Job, col: int) -> str:
        if col == self.COL_FILE:
            return job.name
        if col == self.COL_TYPE:
            return (job.doc.format if job.doc else job.kind or "").upper()
        if col == self.COL_ENC:
            return job.encoding_text()
        if col == self.COL_STATUS:
            return job.status_text()
        if col == self.COL_REMOVED:
            return str(len(job.doc.removed)) if job.doc else ""
        if col == self.COL_WARN:
            return job.warnings_text()
        if col == self.COL_OUT:
            return str(job.output) if job.output else ""
        return ""

    def _tooltip(self, job: Job, col: int) -> str | None:
        if col == self.COL_FILE:  # the whole name (the column elides it in the middle) and why it failed
            why = first_line(job.error, job.path) if job.error else ""
            return str(job.path) + (f"\n{tr(STATE_LABEL[job.state])}：{why}" if why else "")
        if col == self.COL_STATUS and job.error:
            return message_in_ui_language(job.error)
        if col == self.COL_WARN and job.doc:
            ws = notices(job.doc)
            return "\n".join(w.message + (f"（第{w.line}行）" if w.line else "") for w in ws) or None
        if col == self.COL_OUT and job.output:
            return str(job.output)
        return None

    # --- queue operations ---
    def add(self, job: Job) -> None:
        self.add_many([job])

    def add_many(self, jobs: list[Job]) -> None:
        """Append rows in one insert (a 300-file drop is one view update, not 300)."""
        if not jobs:
            return
        first = len(self.jobs)
        self.beginInsertRows(QModelIndex(), first, first + len(jobs) - 1)
        for k, job in enumerate(jobs):
            self.jobs.append(job)
            self._rows[job.id] = first + k
        self.endInsertRows()

    def remove_rows(self, rows: list[int]) -> None:
        for row in sorted(set(rows), reverse=True):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.jobs[row]
            self.endRemoveRows()
        self._rows = {j.id: i for i, j in enumerate(self.jobs)}

    def job(self, job_id: int) -> Job | None:
        row = self._rows.get(job_id)
        return self.jobs[row] if row is not None else None

    def row_of(self, job_id: int) -> int | None:
        return self._rows.get(job_id)

    def changed(self, job: Job) -> None:
        """Note that a row changed; views learn of it at the next flush() (the window flushes 10 times a second,
        so a busy batch does not repaint the table for every stage of every file)."""
        if job.id in self._rows:
            self._dirty.add(job.id)

    def flush(self) -> None:
        rows = [self._rows[i] for i in self._dirty if i in self._rows]
        self._dirty.clear()
        if rows:
            self.dataChanged.emit(self.index(min(rows), 0), self.index(max(rows), len(self.COLUMNS) - 1))

    def in_state(self, *states: State) -> list[Job]:
        return [j for j in self.jobs if j.state in states]

    def live_paths(self) -> set[Path]:
        """Files queued and not failed or cancelled (a new drop of those retries them)."""
        live = (State.WAITING, State.RUNNING, State.DONE, State.EXPORTING, State.EXPORTED)
        return {j.path for j in self.jobs if j.state in live}
