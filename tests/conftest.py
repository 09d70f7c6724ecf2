from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qg_paths import CORPUS, DATA, HTML, ROOT, SHARED, missing, need, required  # noqa: F401  (re-exported)


def pytest_configure(config):
    config.addinivalue_line("markers", "needs(name): runs only where `name` is available (see tests/qg_paths.py)")


def pytest_collection_modifyitems(items):
    # a skip marker (not a skip while running) so the report points at the test, not at qg_paths
    for item in items:
        for mark in item.iter_markers("needs"):
            for what in mark.args:
                reason = missing(what)
                if reason and not required(what):
                    item.add_marker(pytest.mark.skip(reason=reason))


def pytest_runtest_setup(item):
    for mark in item.iter_markers("needs"):
        for what in mark.args:
            need(what)  # what is still missing here is required (Linux CI): the test fails saying what


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
