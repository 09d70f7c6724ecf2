from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qg_paths import CORPUS, DATA, HTML, ROOT, SHARED  # noqa: F401  (re-exported for older tests)


@pytest.fixture(scope="session")
def dev_seeds() -> list[Path]:
    return sorted(CORPUS.glob("*.txt"))
