from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "dev"
HTML = SHARED / "corpus" / "html"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def dev_seeds() -> list[Path]:
    return sorted(CORPUS.glob("*.txt"))
