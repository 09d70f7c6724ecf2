from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qg_paths import CORPUS, DATA, HTML, ROOT, SHARED  # noqa: F401  (re-exported for older tests)


@pytest.fixture(scope="session")
def dev_seeds() -> list[Path]:
    return sorted(CORPUS.glob("*.txt"))


def pytest_sessionfinish(session, exitstatus):
    session.config._qg_exitstatus = int(exitstatus)


def pytest_unconfigure(config):
    # Some PySide6 builds abort while the interpreter tears Qt objects down after the run; the results are
    # already reported by then, so leave with pytest's own status instead of the C-level abort.
    import sys

    status = getattr(config, "_qg_exitstatus", None)
    if status is not None and "PySide6" in sys.modules:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)
