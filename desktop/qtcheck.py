"""Is the Qt binding sound? PySide6 6.12.0 (with Python 3.11) drops a reference to True on every Python-side
signal emit and to None on every C++ -> Python virtual call (QRunnable.run, ...), so after a few hundred
files the app aborts with "bool_dealloc"/"none_dealloc". pyproject pins the binding below 6.12; --selftest and
the tests run this probe so a bad binding in a build or a fresh environment is caught before a clerk meets it.
"""
from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Probe(QObject):
    ping = Signal(int)


class _Run(QRunnable):
    def run(self) -> None:
        pass


def refcount_drift(n: int = 200) -> dict[str, int]:
    """References to True and None lost by n emits and n runnable calls (0 on a sound binding)."""
    p = _Probe()
    p.ping.connect(lambda _i: None)
    t0, n0 = sys.getrefcount(True), sys.getrefcount(None)
    for i in range(n):
        p.ping.emit(i)
    pool = QThreadPool()
    for _ in range(n):
        pool.start(_Run())
    pool.waitForDone()
    return {"True": t0 - sys.getrefcount(True), "None": n0 - sys.getrefcount(None)}


def binding_ok(n: int = 200) -> bool:
    drift = refcount_drift(n)
    return all(v < n // 2 for v in drift.values())  # a bug loses one per call; allow other threads' noise
