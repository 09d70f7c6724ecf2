"""Logging to a file in the app-data folder; safe when a windowed build has sys.stdout/sys.stderr set to None."""
from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import os
import sys
import threading
from pathlib import Path

from .paths import log_file

log = logging.getLogger("qinggao")
_crash_file = None


class _LogStream:
    """Stands in for a missing sys.stderr: what libraries print goes to the log instead of crashing them."""

    encoding = "utf-8"
    errors = "replace"

    def __init__(self, level: int):
        self.level = level
        self._buf = ""

    def write(self, s: str) -> int:
        self._buf += s
        while "\n" in self._buf:
            line, self._buf = self._buf.split("\n", 1)
            if line.strip():
                log.log(self.level, "%s", line)
        return len(s)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


def setup_logging(level: int = logging.INFO) -> Path:
    """Log to <app data>/logs/qinggao.log (rotated); also to stderr when there is one. Returns the log path."""
    path = log_file()
    root = logging.getLogger()
    if any(getattr(h, "_qinggao", False) for h in root.handlers):
        return path
    handlers: list[logging.Handler] = []
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fh = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
        handlers.append(fh)
    except OSError:
        pass  # a read-only profile: carry on without a log file
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the process
    if sys.stderr is None:
        sys.stderr = _LogStream(logging.WARNING)  # type: ignore[assignment]
    else:
        handlers.append(logging.StreamHandler(sys.stderr))
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s")
    for h in handlers:
        h.setFormatter(fmt)
        h._qinggao = True  # type: ignore[attr-defined]
        root.addHandler(h)
    root.setLevel(level)
    _enable_faulthandler(path)
    threading.excepthook = _thread_excepthook
    return path


def _enable_faulthandler(path: Path) -> None:
    # a hard crash (in Qt, say) leaves its stack in crash.log beside the log
    global _crash_file
    try:
        _crash_file = open(path.with_name("crash.log"), "a", encoding="utf-8")  # noqa: SIM115
        faulthandler.enable(_crash_file)
    except (OSError, ValueError, RuntimeError):
        pass


def _thread_excepthook(args: threading.ExceptHookArgs) -> None:
    log.error("uncaught exception in thread %s", args.thread.name if args.thread else "?",
              exc_info=(args.exc_type, args.exc_value, args.exc_traceback))
