"""Paths the tests share (a plain module: `conftest` names are ambiguous once tests/gui has its own)."""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "dev"
HTML = SHARED / "corpus" / "html"
DATA = Path(__file__).resolve().parent / "data"
