"""Where an export goes: output folder, file-name pattern, and what to do when the name is taken.

The default (no folder set, pattern "{name}", add a suffix) is exactly core.batch.output_path. An input is never
overwritten, whatever the settings: a name that lands on a queued input, or on a file beside the source when the
output folder is the source's own folder, always gets a suffix.
"""
from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path

from core.batch import OUT_FOLDER, output_path
from core.export.atomic import free_name
from core.model import Document

from .settings import COLLISION_POLICIES, DEFAULT_PATTERN, EXPORT_FORMATS

TOKENS = ("{name}", "{title}", "{date}")
_BAD = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


def safe_stem(text: str, limit: int = 80) -> str:
    """A file-name stem Windows accepts: no \\ / : * ? " < > |, no trailing dot or space, not a device name."""
    s = _BAD.sub("", text).strip().rstrip(". ")
    s = s[:limit].rstrip(". ")
    if s.upper() in _RESERVED:
        s = "_" + s
    return s


def doc_title(doc: Document | None) -> str:
    if doc:
        for b in doc.blocks:
            if b.kind == "title" and b.text.strip():
                return b.text
    return ""


TOKENS_ZH = {"name": "原文件名", "title": "标题", "date": "日期"}  # what the Chinese UI offers


def apply_pattern(pattern: str, src: Path, doc: Document | None, today: _dt.date | None = None) -> str:
    today = today or _dt.date.today()
    stem = src.stem
    out = pattern or DEFAULT_PATTERN
    for token, value in (("name", stem), ("title", doc_title(doc) or stem), ("date", today.strftime("%Y%m%d"))):
        for name in (token, TOKENS_ZH[token]):  # {name} and {原文件名} are the same
            out = out.replace("{" + name + "}", value)
    return safe_stem(out) or safe_stem(stem) or "清稿"


def output_folder(src: Path, out_dir: str | Path | None, job_out_dir: Path | None = None) -> Path:
    if out_dir:
        return Path(out_dir)
    return job_out_dir or src.parent / OUT_FOLDER


def target_for(src: Path, doc: Document | None, *, fmt: str, out_dir: str | Path | None, pattern: str,
               collision: str, taken: set[Path], inputs: set[Path], job_out_dir: Path | None = None,
               previous: Path | None = None) -> Path:
    """The path to write `src`'s export to; `taken` holds paths already handed out in this session."""
    fmt = fmt if fmt in EXPORT_FORMATS else "docx"
    collision = collision if collision in COLLISION_POLICIES and collision != "ask" else "suffix"  # (asked before)
    folder = output_folder(src, out_dir, job_out_dir)
    stem = apply_pattern(pattern, src, doc)
    if previous is not None and previous.parent == folder and previous.suffix == f".{fmt}" \
            and previous.stem.startswith(stem):
        return previous  # re-export after an edit replaces this job's own earlier output
    if collision == "suffix" and not out_dir and job_out_dir is None and stem == src.stem:
        return output_path(src, fmt, None, taken)  # the CLI's naming, suffix included
    target = folder / f"{stem}.{fmt}"
    resolved_inputs = {_resolve(p) for p in inputs} | {_resolve(src)}
    if _resolve(target) in resolved_inputs:
        target = target.with_name(f"{stem}-清稿.{fmt}")
    beside_source = _resolve(folder) == _resolve(src.parent)
    if collision == "overwrite" and not beside_source and target not in taken \
            and _resolve(target) not in resolved_inputs:
        return target
    return free_name(target, taken)


def existing_output(src: Path, doc: Document | None, *, fmt: str, out_dir: str | Path | None, pattern: str,
                    inputs: set[Path], job_out_dir: Path | None = None, previous: Path | None = None) -> Path | None:
    """The file this export would replace if the clerk chose to (an earlier run's output of the same name), or None
    when the name is free or is this job's own earlier export."""
    want = target_for(src, doc, fmt=fmt, out_dir=out_dir, pattern=pattern, collision="overwrite", taken=set(),
                      inputs=inputs, job_out_dir=job_out_dir, previous=previous)
    if previous is not None and want == previous:
        return None
    return want if want.is_file() else None


def _resolve(p: Path) -> Path:
    try:
        return p.resolve()
    except OSError:
        return p.absolute()
