"""Paths and requirement markers the tests share (a plain module: `conftest` names are ambiguous once tests/gui
has its own).

Some tests need things that are not on every machine: the shared corpus beside the repo, LibreOffice, an X
server, PyInstaller. Mark such a test `@needs_soffice` (or call `need("soffice")` in a fixture): where the thing
is absent the test is skipped with a reason saying what is missing and how to get it. The Windows workflow
(.github/workflows/windows.yml) runs the suite that way. On Linux CI, where scripts/setup.sh installs the tools,
a missing tool is a broken setup, so there the test fails instead of quietly skipping.
"""
from __future__ import annotations

import importlib.util
import os
import shutil
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "dev"
HTML = SHARED / "corpus" / "html"
SCORER = SHARED / "eval" / "score.py"
DATA = Path(__file__).resolve().parent / "data"

EXE = ".exe" if sys.platform == "win32" else ""
# the installed console command (`pip install -e .` puts it in .venv/bin, or Scripts\ on Windows)
QINGGAO_CLI = Path(sysconfig.get_path("scripts")) / f"qinggao{EXE}"

SETUP = "scripts/setup.sh installs it"
# name -> (present?, what is missing, how to get it, installed by scripts/setup.sh)
_CHECKS = {
    "corpus": (lambda: any(CORPUS.glob("*.txt")) and HTML.is_dir(),
               "the shared corpus is not beside the repo", f"it lives in {SHARED / 'corpus'}", False),
    "scorer": (SCORER.is_file, "the shared scorer is not beside the repo", f"it lives at {SCORER}", False),
    "soffice": (lambda: bool(shutil.which("soffice") or shutil.which("libreoffice")),
                "LibreOffice (soffice) is not installed", SETUP, True),
    "xvfb": (lambda: bool(shutil.which("Xvfb")), "Xvfb (a virtual X server) is not installed", SETUP, True),
    "xdotool": (lambda: bool(shutil.which("xdotool")), "xdotool is not installed", SETUP, True),
    "pyinstaller": (lambda: importlib.util.find_spec("PyInstaller") is not None,
                    "PyInstaller is not installed, so there is no frozen bundle", "pip install -e '.[dev]'", False),
}


def missing(what: str) -> str | None:
    """Why `what` is unavailable here, or None when it is there."""
    present, reason, how, _ = _CHECKS[what]
    return None if present() else f"{reason} ({how})"


def required(what: str) -> bool:
    """True where a missing `what` is a broken setup rather than a reason to skip."""
    return _CHECKS[what][3] and bool(os.environ.get("CI")) and sys.platform.startswith("linux")


def need(what: str) -> None:
    """Skip the running test (or fixture) when `what` is unavailable; fail on Linux CI for setup.sh's tools."""
    reason = missing(what)
    if reason is None:
        return
    if required(what):
        pytest.fail(f"{reason}; Linux CI must have it")
    pytest.skip(reason)


# Markers: tests/conftest.py calls need() for each name before the test runs.
needs_corpus = pytest.mark.needs("corpus")
needs_scorer = pytest.mark.needs("scorer")
needs_soffice = pytest.mark.needs("soffice")
needs_xvfb = pytest.mark.needs("xvfb")
needs_xdotool = pytest.mark.needs("xdotool")
needs_pyinstaller = pytest.mark.needs("pyinstaller")


def chattr(flag: str, path: Path) -> bool:
    """Set or clear a Linux file attribute (+i: immutable, which even root cannot replace: how the tests make a
    file "open in Word" or a folder read-only for real); False where chattr is missing or refuses."""
    import subprocess
    try:
        return subprocess.run(["chattr", flag, str(path)], capture_output=True).returncode == 0
    except OSError:
        return False
