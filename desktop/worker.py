"""Long work off the UI thread (Anki's CollectionOp/QueryOp pattern).

Cleaning runs in core's worker processes (core/pool.py): each file under its budget of time and memory, a file
past it stopped (its worker killed) with a message, a cancel effective at once. Exports, which only render a
cleaned document and write it, run as `Task`s (QRunnables) in a thread pool. Results of both travel by the signals
of the long-lived `Dispatcher` (a QObject living on the main thread), so they arrive on the main thread through
queued connections; neither a runnable nor the pool's thread owns a signal (a runnable-owned QObject dies with it
and crashes Qt). Every failure becomes a readable message for the row plus a traceback for the log, never a
dialog.
"""
from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal

from core.errors import Cancelled, QingGaoError, failure_message
from core.model import Document
from core.pool import Event, WorkerPool

from .settings import DEFAULT_PROFILE
from .tasks import CleanRequest, CleanResult, clean

__all__ = ["CleanRequest", "CleanResult", "Dispatcher", "ExportRequest", "clean", "export", "failure_message"]
log = logging.getLogger("qinggao.worker")
SWITCH_INTERVAL_S = 0.0005


@dataclass
class ExportRequest:
    path: Path  # the source, for messages
    doc: Document
    fmt: str
    target: Path
    profile: str | None = None
    split_docbreaks: bool | None = None  # None: the saved setting (Settings.split_docbreaks)


class CancelToken:
    """One per batch: Cancel sets it; exports check it before they start and just before a file takes its name
    (cleaning is stopped by killing its worker process instead)."""

    def __init__(self) -> None:
        self._ev = threading.Event()

    def cancel(self) -> None:
        self._ev.set()

    @property
    def cancelled(self) -> bool:
        return self._ev.is_set()


class _Progress:
    """core.progress.Progress for one task: reports stages to the dispatcher, answers is_cancelled."""

    def __init__(self, dispatcher: Dispatcher, job_id: int, token: CancelToken):
        self.d, self.job_id, self.token = dispatcher, job_id, token

    def stage(self, name: str) -> None:
        self.d.stage.emit(self.job_id, name)

    def is_cancelled(self) -> bool:
        return self.token.cancelled


def export(req: ExportRequest, progress: Any) -> Path:
    """Render and write the export; returns the (first) file written.

    desktop.naming already applied the clerk's collision policy, so an existing file at `req.target` is one the
    clerk may replace (overwrite chosen, or this job's own earlier export); a target that did not exist is written
    without replacing anything that appeared since. Split parts (name-2.docx…) follow the same rule. A file that
    cannot be replaced (open in Word) is written under the next free name, which the returned path shows."""
    from core.api import render
    from core.export.atomic import write_atomic, write_error
    from core.export.split import split_at_docbreaks

    progress.stage("export")
    split = req.split_docbreaks if req.split_docbreaks is not None else _saved_split_setting()
    parts = split_at_docbreaks(req.doc) if split else [req.doc]
    datas = [render(p, req.fmt, profile=req.profile or DEFAULT_PROFILE) for p in parts]
    replace = req.target.is_file()
    source = _resolved(req.path)
    written: list[Path] = []
    for k, data in enumerate(datas, 1):
        want = req.target if k == 1 else req.target.with_name(f"{req.target.stem}-{k}{req.target.suffix}")
        try:
            got = write_atomic(want, data, overwrite=replace and _resolved(want) != source,
                               taken={source, *written}, cancelled=progress.is_cancelled)
        except OSError as e:
            raise write_error(req.path, want, e) from e
        if got != want:
            log.warning("%s: %s could not be replaced (open in Word/WPS?); written as %s", req.path, want, got)
        written.append(got)
    return written[0]


def _saved_split_setting() -> bool:
    try:
        from .settings import Settings

        return bool(Settings().split_docbreaks)
    except Exception:  # noqa: BLE001 - unreadable settings: the default, one file
        log.info("split_docbreaks setting unreadable", exc_info=True)
        return False


def _resolved(p: Path) -> Path:
    try:
        return p.resolve()
    except OSError:
        return p.absolute()


def warm_up() -> threading.Thread:
    """Import the pipeline and load its rule data in the background at start-up, so the first file of the first
    batch does not hold the interpreter while modules load (jieba has its own warm-up in core.segment)."""

    def run() -> None:
        try:
            import core.api  # noqa: F401
            import core.edits  # noqa: F401
            import core.export.docx  # noqa: F401
            import core.readers.html  # noqa: F401
            from core.rules import noise_rules

            noise_rules()
        except Exception:  # noqa: BLE001 - only a speed-up; the real work reports its own errors
            log.info("warm-up incomplete", exc_info=True)

    t = threading.Thread(target=run, name="core-warmup", daemon=True)
    t.start()
    return t


class Dispatcher(QObject):
    """Owns the worker processes (cleaning), the thread pool (exports) and the signals every task reports through."""

    started = Signal(int)  # job id
    stage = Signal(int, str)  # job id, pipeline stage
    cleaned = Signal(int, object)  # job id, CleanResult
    exported = Signal(int, object)  # job id, Path written
    failed = Signal(int, str)  # job id, readable message (traceback went to the log)
    cancelled = Signal(int)
    idle = Signal()  # nothing queued or running any more (after the slots above have seen the last result)
    _done = Signal(str, int, object)  # from the thread pool: outcome, job id, payload; relayed on the main thread
    _event = Signal(object)  # from the process pool's thread: a core.pool.Event; handled on the main thread

    def __init__(self, parent: QObject | None = None, threads: int = 2):
        super().__init__(parent)
        # The UI thread re-takes the GIL after every Qt call; with the default 5 ms switch interval a busy
        # thread makes each of those waits up to 5 ms, and a table repaint (hundreds of calls) stalls. 0.5 ms
        # keeps the window ticking through a batch at no measurable cost to the batch.
        sys.setswitchinterval(SWITCH_INTERVAL_S)
        self.threads = max(1, threads)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(self.threads)
        self.procs: WorkerPool | None = None  # started with the first file to clean
        self.token = CancelToken()
        self._pending = 0
        self._done.connect(self._relay, Qt.ConnectionType.QueuedConnection)
        self._event.connect(self._on_event, Qt.ConnectionType.QueuedConnection)

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def submit(self, job_id: int, kind: str, fn: Callable[[Any, Any], Any], req: Any) -> None:
        """Run fn(req, progress); its result goes out as `cleaned` or `exported`. A "clean" runs in a worker
        process (fn from a Qt-free module: desktop.tasks), anything else in the thread pool."""
        if self.token.cancelled and not self.busy:
            self.token = CancelToken()  # a new batch after a cancel
        self._pending += 1
        if kind == "clean":
            if self.procs is None or self.procs.closed:
                self.procs = WorkerPool(self.threads, self._event.emit)
            self.procs.submit(job_id, fn, req, req.path)
        else:
            self.pool.start(Task(self, job_id, kind, fn, req, self.token))

    def cancel(self) -> None:
        """Files being cleaned stop at once (their workers are killed) and files waiting never start, each
        reported `cancelled`; exports not started are cancelled, a running one writes nothing more."""
        log.info("cancel requested; %d tasks pending", self._pending)
        self.token.cancel()
        if self.procs is not None:
            self.procs.cancel()

    def _on_event(self, ev: Event) -> None:
        """On the main thread: a clean's progress or outcome, from the process pool."""
        job_id = int(ev.key)
        if ev.kind == "started":
            self.started.emit(job_id)
        elif ev.kind == "stage":
            self.stage.emit(job_id, ev.value)
        elif ev.kind == "done":
            self._relay("clean", job_id, ev.value)
        elif ev.kind == "failed":
            log.warning("clean of job %d failed: %s\n%s", job_id, ev.value.splitlines()[0], ev.detail)
            self._relay("failed", job_id, ev.value)
        else:
            self._relay("cancelled", job_id, None)

    def _relay(self, outcome: str, job_id: int, payload: Any) -> None:
        """On the main thread: count the task done, tell the window, then say so if the pool is idle."""
        self._pending = max(0, self._pending - 1)
        if outcome == "failed":
            self.failed.emit(job_id, payload)
        elif outcome == "cancelled":
            self.cancelled.emit(job_id)
        else:
            (self.cleaned if outcome == "clean" else self.exported).emit(job_id, payload)
        if self._pending == 0:
            self.idle.emit()

    def wait(self, msecs: int = -1) -> bool:
        """Block until every task has ended (its result queued for the main thread); False on timeout."""
        ok = self.pool.waitForDone(msecs)
        if self.procs is not None:
            ok = self.procs.wait(None if msecs < 0 else msecs / 1000) and ok
        return ok

    def shutdown(self) -> None:
        """Stop the worker processes (the window is closing); no result arrives after this."""
        if self.procs is not None:
            self.procs.close()
            self.procs = None


class Task(QRunnable):
    def __init__(self, d: Dispatcher, job_id: int, kind: str, fn: Callable[[Any, Any], Any], req: Any,
                 token: CancelToken):
        super().__init__()
        self.setAutoDelete(True)
        self.d, self.job_id, self.kind, self.fn, self.req, self.token = d, job_id, kind, fn, req, token

    def run(self) -> None:
        d, job_id = self.d, self.job_id
        if self.token.cancelled:
            d._done.emit("cancelled", job_id, None)
            return
        d.started.emit(job_id)
        path = getattr(self.req, "path", Path("?"))
        try:
            result = self.fn(self.req, _Progress(d, job_id, self.token))
        except Cancelled:
            d._done.emit("cancelled", job_id, None)
        except QingGaoError as e:  # a bad input, explained in its message: no traceback needed
            log.warning("%s %s failed: %s", self.kind, path, e)
            d._done.emit("failed", job_id, e.message())
        except BaseException as e:  # noqa: BLE001 - one file never stops the batch
            log.error("%s %s failed:\n%s", self.kind, path, traceback.format_exc())
            d._done.emit("failed", job_id, failure_message(path, e))
        else:
            d._done.emit(self.kind, job_id, result)
