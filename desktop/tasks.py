"""What the desktop app runs in core's worker processes (core/pool.py): cleaning one file for review.

Qt-free on purpose: a worker imports this module to unpickle the task, and must not load Qt for it."""
from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.model import Document, Line, Overrides


@dataclass
class CleanResult:
    doc: Document
    draft: list[Line]
    skipped_edits: int = 0
    skipped_notes: list[str] = field(default_factory=list)  # which edits no longer fit, for the clerk


@dataclass
class CleanRequest:
    path: Path
    edits: list = field(default_factory=list)
    disabled_rules: list[str] = field(default_factory=list)
    simplify: bool = False  # 繁體 -> 简体 (the Options checkbox)


def _overrides(disabled_rules: list[str], simplify: bool = False) -> Overrides | None:
    return Overrides(disabled_rules=set(disabled_rules), simplify=simplify) if disabled_rules or simplify else None


def clean(req: CleanRequest, progress: Any) -> CleanResult:
    """Read the draft (kept for the review's left pane) and clean it, replaying the clerk's edits."""
    from core import edits
    from core.api import clean_file
    from core.readers import read

    draft = [copy.copy(ln) for ln in read(req.path).lines]
    base = _overrides(req.disabled_rules, req.simplify)
    if req.edits:
        res = edits.clean_with_edits(req.path, req.edits, progress, base)
        return CleanResult(res.doc, draft, len(res.skipped), [edits.describe(e) for e in res.skipped])
    # (a page whose every line was taken for noise opens in the review with a warning: each line can be restored)
    return CleanResult(clean_file(req.path, progress, base, allow_empty=True), draft)
