"""A small pool of worker processes that clean one file each at a time, every file under its budget.

Processes, not threads, because a thread can be neither stopped nor capped: here a file past its time budget is
stopped by killing its worker, a worker caps its own memory while it works (core/budget.py), a worker that dies
(the out-of-memory killer, a crash in a C library) costs only the file it had, and cancel() kills the busy
workers at once. A new worker takes the place of each one lost. The CLI's batch (core/batch.py) and the desktop
app's cleaning (desktop/worker.py) both use it.

Workers never write the clerk's files: they return results and the caller writes, so killing one never leaves
a half-written output behind. Events go to one callback, called on the pool's own thread; each task ends with
exactly one of done / failed / cancelled.
"""
from __future__ import annotations

import collections
import logging
import multiprocessing as mp
import os
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from .budget import Budget, budget_for, died_message, memory_cap, memory_message, timeout_message
from .errors import failure_message

log = logging.getLogger("qinggao.pool")
# modules a forkserver imports once, so each worker forked from it starts warm (Linux)
PRELOAD = ["core.pool", "core.api", "core.batch", "core.export.docx"]
START_GRACE_S = 60.0  # a worker still starting (a fresh interpreter on Windows) gets this on top of the budget


@dataclass
class Event:
    kind: str  # "started", "stage", "done", "failed" or "cancelled"
    key: Hashable  # the caller's name for the task
    value: Any = None  # stage: its name; done: the result; failed: the message; cancelled: whether it had started
    detail: str = ""  # failed: a traceback or what stopped the file, for a log


@dataclass
class _Task:
    key: Hashable
    fn: Callable[[Any, Any], Any]
    arg: Any
    path: Path
    budget: Budget | None  # None: from the file's size, worked out on the pool's thread (not the caller's)
    gen: int  # cancel() ends every task of an earlier generation
    id: int = 0


@dataclass
class _Worker:
    proc: Any  # multiprocessing.Process
    conn: Connection
    task: _Task | None = None
    deadline: float | None = None
    begun: bool = False  # it has taken its task (said "begin")
    served: int = 0  # tasks it finished: a worker that has worked, dying idle, is no fault of the next file


def _context() -> Any:
    """forkserver on Linux: workers are forked from a small clean process, never from the app (whose threads,
    Qt's among them, a fork would copy in whatever state they were); spawn elsewhere (Windows has nothing else)."""
    if sys.platform.startswith("linux"):
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(PRELOAD)  # no effect once this process's forkserver runs: it is warm already
        return ctx
    return mp.get_context("spawn")


class WorkerPool:
    """Up to `size` worker processes; submit() tasks, get Events. Thread-safe; close() when done."""

    def __init__(self, size: int, on_event: Callable[[Event], None], *, stages: bool = True) -> None:
        self.size = max(1, size)
        self.on_event = on_event
        self.stages = stages  # False: workers do not report pipeline stages (nobody shows them)
        self._ctx = _context()
        self._lock = threading.Lock()
        self._idle = threading.Condition(self._lock)
        self._queue: collections.deque[_Task] = collections.deque()
        self._to_cancel: list[_Task] = []
        self._gen = 0
        self._active = 0  # tasks submitted and not yet ended
        self._ids = 0
        self._closing = False
        self._workers: list[_Worker] = []
        self._wake_r, self._wake_w = mp.Pipe(duplex=False)
        if os.name == "posix":  # a wake-up never blocks the caller, even if the pool's thread is gone
            os.set_blocking(self._wake_w.fileno(), False)
        self._thread: threading.Thread | None = None

    # --- any thread ---------------------------------------------------------------------------------------------
    def submit(self, key: Hashable, fn: Callable[[Any, Any], Any], arg: Any, path: Path,
               budget: Budget | None = None) -> None:
        """Run fn(arg, progress) in a worker (fn and arg must pickle; fn by reference, from a Qt-free module).
        progress.stage(name) in the worker becomes a "stage" Event. `budget`: by default from the file's size."""
        with self._lock:
            if self._closing:
                raise RuntimeError("the pool is closed")
            self._ids += 1
            self._queue.append(_Task(key, fn, arg, path, budget, self._gen, self._ids))
            self._active += 1
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="qinggao-pool", daemon=True)
                self._thread.start()
        self._wake()

    def cancel(self) -> None:
        """End every task submitted so far: those waiting at once, the running ones by killing their workers.
        Each gets a "cancelled" Event; tasks submitted after this call run normally."""
        with self._lock:
            self._gen += 1
            self._to_cancel.extend(self._queue)
            self._queue.clear()
        self._wake()

    @property
    def busy(self) -> bool:
        with self._lock:
            return self._active > 0

    def wait(self, timeout: float | None = None) -> bool:
        """Block until every task submitted has ended (its last Event delivered); False on timeout."""
        with self._idle:
            return self._idle.wait_for(lambda: self._active == 0, timeout)

    def close(self, timeout: float = 5.0) -> None:
        """Stop: no more Events after this returns; tasks not ended are dropped, workers stopped."""
        with self._lock:
            self._closing = True
            thread = self._thread
        self._wake()
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)
        for w in list(self._workers):
            self._stop(w, gently=w.task is None)
        self._workers.clear()
        with self._idle:  # tasks dropped: nobody waits for them any more
            self._active = 0
            self._idle.notify_all()

    @property
    def closed(self) -> bool:
        with self._lock:
            return self._closing

    def _wake(self) -> None:
        try:
            self._wake_w.send_bytes(b"!")
        except OSError:
            pass

    # --- the pool's thread --------------------------------------------------------------------------------------
    def _emit(self, ev: Event) -> None:
        try:
            self.on_event(ev)
        except Exception:  # noqa: BLE001 - a broken listener must not stop the pool
            log.exception("pool event handler failed on %s", ev.kind)

    def _end(self, ev: Event) -> None:
        self._emit(ev)
        with self._idle:
            self._active -= 1
            self._idle.notify_all()

    def _run(self) -> None:
        try:
            while self._step():
                pass
        except Exception as e:  # noqa: BLE001 - never expected: end every task, so no caller waits forever
            log.exception("worker pool stopped")
            with self._lock:
                self._closing = True
                left, self._queue = list(self._queue) + self._to_cancel, collections.deque()
                self._to_cancel = []
            left += [w.task for w in self._workers if w.task is not None]
            for w in list(self._workers):
                self._stop(w)
            for t in left:
                self._end(Event("failed", t.key, failure_message(t.path, e), traceback.format_exc()))

    def _step(self) -> bool:
        with self._lock:
            if self._closing:
                return False
            cancelled, self._to_cancel = self._to_cancel, []
            gen = self._gen
        for t in cancelled:
            self._end(Event("cancelled", t.key, False))
        for w in [w for w in self._workers if w.task is not None and w.task.gen < gen]:
            task = w.task
            self._stop(w)
            self._end(Event("cancelled", task.key, True))
        self._dispatch()
        objs: list[Any] = [self._wake_r]
        for w in self._workers:
            objs += [w.conn, w.proc.sentinel]
        deadlines = [w.deadline for w in self._workers if w.deadline is not None]
        timeout = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
        ready = wait(objs, timeout)
        if self._wake_r in ready:
            while self._wake_r.poll():
                self._wake_r.recv_bytes()
        for w in list(self._workers):
            if w.conn in ready or w.proc.sentinel in ready:
                self._service(w)
        now = time.monotonic()
        for w in list(self._workers):
            if w.task is not None and w.deadline is not None and now >= w.deadline:
                self._service(w)  # it may have just finished
                if w in self._workers and w.task is not None:
                    task = w.task
                    self._stop(w)
                    log.info("%s: stopped after %.0f s", task.path, task.budget.seconds)
                    self._end(Event("failed", task.key, timeout_message(task.path, task.budget), "time budget"))
        return True

    def _dispatch(self) -> None:
        """Hand waiting tasks to idle workers, starting workers up to `size`."""
        while True:
            idle = next((w for w in self._workers if w.task is None), None)
            with self._lock:
                if not self._queue or (idle is None and len(self._workers) >= self.size):
                    return
                task = self._queue.popleft()
            try:
                task.budget = task.budget or budget_for(task.path)
            except (OSError, ValueError, KeyError) as e:  # resources/limits.json or QINGGAO_LIMITS unreadable
                self._end(Event("failed", task.key, failure_message(task.path, e), traceback.format_exc()))
                continue
            try:
                w = idle or self._start_worker()
            except Exception as e:  # noqa: BLE001 - no process to be had (out of memory…): this one file fails
                self._end(Event("failed", task.key, died_message(task.path, None), f"cannot start a worker: {e}"))
                continue
            w.task = task
            w.deadline = time.monotonic() + task.budget.seconds + (START_GRACE_S if idle is None else 5.0)
            try:
                w.conn.send((task.id, task.fn, task.arg, str(task.path), task.budget, self.stages))
            except (OSError, ValueError):  # the worker is gone: its sentinel says so next round
                pass
            except Exception as e:  # noqa: BLE001 - the task does not pickle: a programming error, told per file
                w.task, w.deadline = None, None
                self._end(Event("failed", task.key, failure_message(task.path, e), traceback.format_exc()))

    def _start_worker(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        proc = self._ctx.Process(target=worker_main, args=(child,), name="qinggao-worker", daemon=True)
        proc.start()
        child.close()
        w = _Worker(proc, parent)
        self._workers.append(w)
        return w

    def _service(self, w: _Worker) -> None:
        """Read what the worker said; if it is gone, its file (if any) failed and it leaves the pool."""
        dead = False
        try:
            while w in self._workers and w.conn.poll():
                self._handle(w, w.conn.recv())
        except (EOFError, OSError):
            dead = True
        if w not in self._workers:
            return
        if dead or w.proc.exitcode is not None:
            w.proc.join(1)
            task = w.task
            if task is not None and not w.begun and w.served:
                # it died idle (killed from outside) just as it was given this file: the file never began
                with self._lock:
                    self._queue.appendleft(task)
            elif task is not None:
                log.info("%s: worker %s died (exit code %s)", task.path, w.proc.pid, w.proc.exitcode)
                self._end(Event("failed", task.key, died_message(task.path, w.proc.exitcode),
                                f"worker died, exit code {w.proc.exitcode}"))
            w.task = None
            self._forget(w)

    def _handle(self, w: _Worker, msg: tuple) -> None:
        task = w.task
        if task is None or msg[1] != task.id:
            return  # about a task already ended (stopped at its deadline as it finished)
        what = msg[0]
        if what == "begin":
            w.begun = True
            w.deadline = time.monotonic() + task.budget.seconds
            self._emit(Event("started", task.key))
            return
        if what == "stage":
            self._emit(Event("stage", task.key, msg[2]))
            return
        w.task, w.deadline, w.begun = None, None, False
        w.served += 1
        if what == "done":
            self._end(Event("done", task.key, msg[2]))
        elif what == "memory":
            log.info("%s: over its memory budget of %.0f MB", task.path, task.budget.mb)
            self._stop(w)  # it exits by itself: no new file for it
            self._end(Event("failed", task.key, memory_message(task.path, task.budget), "memory budget"))
        else:
            self._end(Event("failed", task.key, msg[2], msg[3]))

    def _stop(self, w: _Worker, gently: bool = False) -> None:
        if gently:
            try:
                w.conn.send(None)
                w.proc.join(1)
            except (OSError, ValueError):
                pass
        if w.proc.exitcode is None:
            if hasattr(os, "killpg"):
                try:  # the worker leads its own process group: a LibreOffice it started goes with it
                    os.killpg(w.proc.pid, signal.SIGKILL)
                except OSError:
                    pass
            w.proc.kill()
            w.proc.join(5)
        w.task, w.deadline, w.begun = None, None, False
        self._forget(w)

    def _forget(self, w: _Worker) -> None:
        if w in self._workers:
            self._workers.remove(w)
        w.conn.close()


# --- the worker process ---------------------------------------------------------------------------------------

class _Progress:
    """core.progress.Progress inside a worker: stages go to the parent; a cancel is a kill, so never asked."""

    def __init__(self, conn: Connection, tid: int, stages: bool):
        self.conn, self.tid, self.stages = conn, tid, stages

    def stage(self, name: str) -> None:
        if self.stages:
            self.conn.send(("stage", self.tid, name))

    def is_cancelled(self) -> bool:
        return False


def _warm() -> None:
    try:
        from .rules import noise_rules
        from .segment import dictionary

        dictionary()
        noise_rules()
    except Exception:  # noqa: BLE001 - only a speed-up: the task reports its own errors
        pass


def worker_main(conn: Connection) -> None:
    """Take tasks until told to stop (None) or the parent is gone; each under its budget."""
    # Ctrl+C in a console reaches every process in it: stopping is the parent's job (it kills us when it wants)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(os, "setpgrp"):
        os.setpgrp()
    cap = memory_cap()
    _warm()
    while True:
        try:
            msg = conn.recv()
            if msg is None:
                return
            tid, fn, arg, path, budget, stages = msg
            conn.send(("begin", tid))
            _run_task(conn, cap, tid, fn, arg, path, budget, _Progress(conn, tid, stages))
        except MemoryError:
            return  # told the parent; a fresh worker takes the next file, none of this one's heap kept
        except (EOFError, OSError):
            return  # the parent is gone


def _run_task(conn: Connection, cap: Any, tid: int, fn: Callable[[Any, Any], Any], arg: Any, path: str,
              budget: Budget, progress: _Progress) -> None:
    try:
        try:
            cap.arm(budget)
        except OSError:  # no cap this time (the time budget still holds) rather than no file
            pass
        try:
            result = fn(arg, progress)
        finally:
            try:
                cap.disarm()
            except OSError:
                pass
        reply: tuple = ("done", tid, result)
    except MemoryError:
        conn.send(("memory", tid))
        raise
    except BaseException as e:  # noqa: BLE001 - told to the parent, per file
        reply = ("failed", tid, failure_message(path, e), traceback.format_exc())
    try:
        conn.send(reply)
    except (OSError, EOFError):
        raise  # the parent is gone
    except Exception as e:  # noqa: BLE001 - the result does not pickle
        conn.send(("failed", tid, failure_message(path, e), traceback.format_exc()))
