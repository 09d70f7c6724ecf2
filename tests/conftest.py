from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qg_paths import CORPUS, DATA, HTML, ROOT, SHARED, need  # noqa: F401  (re-exported for older tests)


def pytest_configure(config):
    config.addinivalue_line("markers", "needs(name): runs only where `name` is available (see tests/qg_paths.py)")


def pytest_runtest_setup(item):
    for mark in item.iter_markers("needs"):
        for what in mark.args:
            need(what)


@pytest.fixture(scope="session")
def dev_seeds() -> list[Path]:
    need("corpus")
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
