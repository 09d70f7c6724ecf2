"""The session file: the queue, each file's review edits and the selected file, so nothing is lost when the window
closes (or the app crashes) before the clerk exported.

`session.json` in the app-data folder, rewritten atomically (core.export.atomic) after every edit and, a moment
later, after other queue changes; on the next start the files are queued again and cleaned with their edits
replayed. An unreadable session file is set aside (session.json.bad) rather than stopping the app.
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.edits import Edit, edit_from_json, edit_to_json
from core.export.atomic import write_atomic

from .paths import app_data_dir

log = logging.getLogger("qinggao.session")
VERSION = 1


def session_file() -> Path:
    return app_data_dir() / "session.json"


@dataclass
class SavedJob:
    path: Path
    edits: list[Edit] = field(default_factory=list)
    output: Path | None = None  # its last export
    out_dir: Path | None = None  # a fixed output folder (pasted text)
    exported: bool = False  # exported and not edited since: comes back as 已导出, not as work to export


@dataclass
class Session:
    jobs: list[SavedJob] = field(default_factory=list)
    selected: int | None = None  # row of the selected file


def to_json(s: Session) -> dict[str, Any]:
    return {"version": VERSION, "selected": s.selected, "jobs": [
        {"path": str(j.path), "edits": [edit_to_json(e) for e in j.edits],
         "output": str(j.output) if j.output else None, "out_dir": str(j.out_dir) if j.out_dir else None,
         "exported": j.exported} for j in s.jobs]}


def from_json(d: dict[str, Any]) -> Session:
    jobs = []
    for j in d.get("jobs", []):
        jobs.append(SavedJob(Path(j["path"]), [edit_from_json(e) for e in j.get("edits", [])],
                             Path(j["output"]) if j.get("output") else None,
                             Path(j["out_dir"]) if j.get("out_dir") else None, bool(j.get("exported"))))
    sel = d.get("selected")
    return Session(jobs, int(sel) if isinstance(sel, int) and 0 <= sel < len(jobs) else None)


def save(s: Session, path: Path | None = None) -> Path:
    path = path or session_file()
    data = json.dumps(to_json(s), ensure_ascii=False, indent=1).encode("utf-8")
    return write_atomic(path, data, overwrite=True)


def load(path: Path | None = None) -> Session:
    """The saved session; an empty one when there is none or it cannot be read (that file is kept aside)."""
    path = path or session_file()
    if not path.is_file():
        return Session()
    try:
        return from_json(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError) as e:
        log.warning("session file %s unreadable (%s); starting with an empty queue", path, e)
        try:
            path.replace(path.with_name(path.name + ".bad"))
        except OSError:
            pass
        return Session()
