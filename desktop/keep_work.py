"""Keeping the clerk's work across a close or a crash: the window's queue as a session file (desktop.session),
saved at once after an edit and a moment after other queue changes, and queued again on the next start."""
from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from core.readers import kind_of

from . import session
from .jobs import Job, State

log = logging.getLogger("qinggao.session")


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class WorkKeeper(QObject):
    def __init__(self, window) -> None:  # desktop.main_window.MainWindow (not imported: it imports this module)
        super().__init__(window)
        self.w = window
        self.restoring = False
        self._timer = QTimer(self, singleShot=True, interval=400)
        self._timer.timeout.connect(self.save)

    def snapshot(self) -> session.Session:
        cur = self.w.current_job()
        jobs = [j for j in self.w.model.jobs if j.state != State.SKIPPED]
        saved = [session.SavedJob(j.path, list(j.edits), j.output, j.out_dir,
                                  j.state == State.EXPORTED and not j.dirty) for j in jobs]
        return session.Session(saved, jobs.index(cur) if cur in jobs else None)

    def save(self) -> None:
        if self.restoring:
            return
        self._timer.stop()
        try:
            session.save(self.snapshot())
        except OSError as e:  # a full disk must not stop the clerk; the log says why
            log.warning("session not saved: %s", e)

    def changed(self) -> None:
        if not self.restoring:
            self._timer.start()

    def restore(self, skip_reason) -> int:
        """Queue the last session's files again, each cleaned with its edits; select the one that was selected."""
        saved = session.load()
        if not saved.jobs:
            return 0
        w = self.w
        self.restoring = True
        try:
            rows = []
            for sj in saved.jobs:
                job = Job(sj.path, kind=kind_of(sj.path), edits=list(sj.edits), output=sj.output, out_dir=sj.out_dir,
                          resume_exported=sj.exported)
                reason = skip_reason(sj.path)
                if reason:  # gone or moved since: the row says so, its edits stay in the session
                    job.state, job.error = State.FAILED, reason
                rows.append(job)
            w.model.add_many(rows)
            for job in rows:
                if job.state == State.WAITING:
                    w.clean_job(job)
            if saved.selected is not None:
                w.select_job(rows[saved.selected])
        finally:
            self.restoring = False
        w.statusBar().showMessage(tr("已恢复上次的 {n} 个文件和其中的修改。").format(n=len(rows)), 8000)
        log.info("session restored: %d file(s)", len(rows))
        return len(rows)
