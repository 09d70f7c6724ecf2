"""The budget each file of a batch is cleaned under: wall time, and memory where the platform can cap it.

A file's budget grows with its size (numbers in resources/limits.json, keys budget_*). The pool (core/pool.py)
stops a worker that runs past the time; the worker caps its own memory before each file, so an allocation past the
budget fails there (MemoryError) instead of filling the machine: RLIMIT_AS on Linux, a job object on Windows (other
systems: time only). The messages name the file and say what to do, in Chinese and English.
"""
from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .resources import resource

MB = 1024 * 1024
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a legacy .doc/.wps, whatever the file is called
LIMITS_ENV = "QINGGAO_LIMITS"  # a JSON file whose budget_* keys replace those of resources/limits.json


@dataclass(frozen=True)
class Budget:
    seconds: float  # wall time from the moment the worker takes the file
    mb: float  # growth of the worker's memory while it works on the file; 0: not capped


@lru_cache(maxsize=4)
def _limits(override: str) -> dict[str, Any]:
    data = json.loads(resource("limits.json").read_text(encoding="utf-8"))
    if override:
        data.update(json.loads(Path(override).read_text(encoding="utf-8")))
    return {k: v for k, v in data.items() if k.startswith("budget_")}


def limits() -> dict[str, Any]:
    """The budget_* numbers of resources/limits.json (or of the file named by QINGGAO_LIMITS, key by key)."""
    return _limits(os.environ.get(LIMITS_ENV, ""))


def budget_for(path: Path) -> Budget:
    """The budget for cleaning `path`, from its size on disk."""
    lim = limits()
    try:
        size_mb = path.stat().st_size / MB
        with open(path, "rb") as f:
            legacy = f.read(len(OLE_MAGIC)) == OLE_MAGIC
    except OSError:  # the reader will say what is wrong with it; the budget of an empty file is enough for that
        size_mb, legacy = 0.0, False
    legacy = legacy or path.suffix.lower() in (".doc", ".wps")
    seconds = min(float(lim["budget_max_seconds"]),
                  float(lim["budget_base_seconds"]) + float(lim["budget_seconds_per_mb"]) * size_mb)
    mb = min(float(lim["budget_max_mb"]), float(lim["budget_base_mb"]) + float(lim["budget_mb_per_mb"]) * size_mb)
    # LibreOffice converts a legacy file in a process of its own, which would inherit the cap and fail to start
    return Budget(seconds, 0.0 if legacy else mb)


def _n(x: float) -> str:
    return f"{x:.0f}" if x >= 10 else f"{x:g}"


def _stopped(path: Path | str, zh: str, en: str) -> str:
    return (f"{path}：文件过于复杂，{zh}，其余文件照常处理。请把它拆成几个小文件分别处理，或把它发给维护者。\n"
            f"{path}: {en} and was stopped; the rest of the batch goes on. Split the file into smaller ones, or send "
            f"it to the maintainers.")


def timeout_message(path: Path | str, budget: Budget) -> str:
    s = _n(budget.seconds)
    return _stopped(path, f"已在 {s} 秒后停止处理（时限按文件大小计算）",
                    f"took longer than {s} s (the limit for a file of this size)")


def memory_message(path: Path | str, budget: Budget) -> str:
    m = _n(budget.mb)
    return _stopped(path, f"处理它需要超过 {m} MB 内存（上限按文件大小计算），已停止",
                    f"needed more than {m} MB of memory (the limit for a file of this size)")


def died_message(path: Path | str, exitcode: int | None) -> str:
    if exitcode is None:
        how = "could not start"  # no process to be had: the machine is out of memory or processes
    else:
        how = f"signal {-exitcode}" if exitcode < 0 else f"exit code {exitcode}"
    return (f"{path}：处理此文件的进程意外退出（{how}，可能是内存不足被系统终止），已跳过此文件，其余文件照常处理。"
            f"请单独重试此文件；仍然失败就把它拆成几个小文件，或发给维护者。\n"
            f"{path}: the process cleaning this file died ({how}; out of memory?); skipped, the rest of the batch "
            f"goes on. Retry this file alone; if it fails again, split it or send it to the maintainers.")


# --- the cap itself, set by the worker process on itself ------------------------------------------------------

class MemoryCap:
    """Caps this process's memory at its present use + budget.mb while one file is cleaned."""

    def arm(self, budget: Budget) -> None:
        pass

    def disarm(self) -> None:
        pass


class _LinuxCap(MemoryCap):
    """RLIMIT_AS (address space; the worker has no threads, so it grows with what the file needs) and, as a
    backstop for a worker whose parent died and can no longer stop it, RLIMIT_CPU past the time budget."""

    def __init__(self) -> None:
        import resource as rl

        self.rl = rl
        self.as_ = rl.getrlimit(rl.RLIMIT_AS)
        self.cpu = rl.getrlimit(rl.RLIMIT_CPU)

    def arm(self, budget: Budget) -> None:
        rl = self.rl
        if budget.mb:
            with open("/proc/self/statm", encoding="ascii") as f:
                size = int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
            rl.setrlimit(rl.RLIMIT_AS, (_within(size + int(budget.mb * MB), self.as_[1]), self.as_[1]))
        use = rl.getrusage(rl.RUSAGE_SELF)
        cpu = int(use.ru_utime + use.ru_stime + budget.seconds) + 30  # the parent's wall clock always comes first
        rl.setrlimit(rl.RLIMIT_CPU, (_within(cpu, self.cpu[1]), self.cpu[1]))

    def disarm(self) -> None:
        self.rl.setrlimit(self.rl.RLIMIT_AS, self.as_)
        self.rl.setrlimit(self.rl.RLIMIT_CPU, self.cpu)


def _within(n: int, hard: int) -> int:
    import resource as rl

    return n if hard == rl.RLIM_INFINITY else min(n, hard)


class _WindowsCap(MemoryCap):
    """A job object holding this worker: ProcessMemoryLimit (committed bytes) while a file is cleaned, and
    KILL_ON_JOB_CLOSE, so a LibreOffice started for a .doc dies with the worker. Nested jobs need Windows 8."""

    def __init__(self) -> None:
        import ctypes

        k32 = ctypes.WinDLL("kernel32", use_last_error=True)
        k32.CreateJobObjectW.restype = ctypes.c_void_p
        k32.CreateJobObjectW.argtypes = (ctypes.c_void_p, ctypes.c_wchar_p)
        k32.GetCurrentProcess.restype = ctypes.c_void_p
        k32.AssignProcessToJobObject.argtypes = (ctypes.c_void_p, ctypes.c_void_p)
        k32.SetInformationJobObject.argtypes = (ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p, ctypes.c_uint32)
        k32.K32GetProcessMemoryInfo.argtypes = (ctypes.c_void_p, ctypes.c_void_p, ctypes.c_uint32)
        self.ctypes, self.k32 = ctypes, k32
        self.job = k32.CreateJobObjectW(None, None)
        if not self.job or not k32.AssignProcessToJobObject(self.job, k32.GetCurrentProcess()):
            raise OSError(ctypes.get_last_error(), "cannot put the worker in a job object")
        self._limit(0)

    def _limit(self, nbytes: int) -> None:
        info = JobExtendedLimits()
        info.BasicLimitInformation.LimitFlags = JOB_KILL_ON_CLOSE | (JOB_PROCESS_MEMORY if nbytes else 0)
        info.ProcessMemoryLimit = nbytes
        c = self.ctypes
        if not self.k32.SetInformationJobObject(self.job, JOB_EXTENDED_LIMIT_INFO, c.byref(info), c.sizeof(info)):
            raise OSError(c.get_last_error(), "SetInformationJobObject failed")

    def arm(self, budget: Budget) -> None:
        if budget.mb:
            pmc = ProcessMemoryCounters()
            pmc.cb = self.ctypes.sizeof(pmc)
            if not self.k32.K32GetProcessMemoryInfo(self.k32.GetCurrentProcess(), self.ctypes.byref(pmc), pmc.cb):
                raise OSError(self.ctypes.get_last_error(), "K32GetProcessMemoryInfo failed")  # not capped
            self._limit(pmc.PrivateUsage + int(budget.mb * MB))

    def disarm(self) -> None:
        self._limit(0)


def memory_cap() -> MemoryCap:
    """The cap this platform allows; one that cannot be set up caps nothing (the time budget still holds)."""
    try:
        if sys.platform.startswith("linux"):
            return _LinuxCap()
        if sys.platform == "win32":
            return _WindowsCap()
    except Exception:  # noqa: BLE001 - a worker without a cap still works; one that fails to start costs files
        pass
    return MemoryCap()


# Windows structures (winnt.h, psapi.h), plain ctypes types so they can be checked on any system
def _structs() -> tuple[type, type, type]:
    import ctypes as c

    class Basic(c.Structure):  # JOBOBJECT_BASIC_LIMIT_INFORMATION
        _fields_ = [("PerProcessUserTimeLimit", c.c_int64), ("PerJobUserTimeLimit", c.c_int64),
                    ("LimitFlags", c.c_uint32), ("MinimumWorkingSetSize", c.c_size_t),
                    ("MaximumWorkingSetSize", c.c_size_t), ("ActiveProcessLimit", c.c_uint32),
                    ("Affinity", c.c_size_t), ("PriorityClass", c.c_uint32), ("SchedulingClass", c.c_uint32)]

    class Extended(c.Structure):  # JOBOBJECT_EXTENDED_LIMIT_INFORMATION
        _fields_ = [("BasicLimitInformation", Basic), ("IoInfo", c.c_uint64 * 6),
                    ("ProcessMemoryLimit", c.c_size_t), ("JobMemoryLimit", c.c_size_t),
                    ("PeakProcessMemoryUsed", c.c_size_t), ("PeakJobMemoryUsed", c.c_size_t)]

    class Counters(c.Structure):  # PROCESS_MEMORY_COUNTERS_EX
        _fields_ = [("cb", c.c_uint32), ("PageFaultCount", c.c_uint32)] + [
            (n, c.c_size_t) for n in ("PeakWorkingSetSize", "WorkingSetSize", "QuotaPeakPagedPoolUsage",
                                      "QuotaPagedPoolUsage", "QuotaPeakNonPagedPoolUsage", "QuotaNonPagedPoolUsage",
                                      "PagefileUsage", "PeakPagefileUsage", "PrivateUsage")]

    return Basic, Extended, Counters


JobBasicLimits, JobExtendedLimits, ProcessMemoryCounters = _structs()
JOB_EXTENDED_LIMIT_INFO = 9  # JobObjectExtendedLimitInformation
JOB_PROCESS_MEMORY = 0x100  # JOB_OBJECT_LIMIT_PROCESS_MEMORY
JOB_KILL_ON_CLOSE = 0x2000  # JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE
