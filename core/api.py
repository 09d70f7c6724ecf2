"""The library API that both the CLI and the desktop app drive: clean, export, batch."""
from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import QingGaoError
from .inputs import iter_inputs  # noqa: F401  (part of the API: the batch and the app list inputs through it)
from .model import Document, Overrides
from .pipeline import run_stages
from .progress import NullProgress, Progress, checkpoint
from .readers import read
from .readers.empty import check_result
from .readers.lines import split_lines
from .readers.text_tables import plain_tables

if TYPE_CHECKING:
    from .export.profile import Profile

FORMATS = ("docx", "txt", "json")


def clean_document(doc: Document, progress: Progress | None = None) -> Document:
    """Run the cleaning stages on a Document that a reader produced."""
    return run_stages(doc, progress)


def clean_file(path: str | Path, progress: Progress | None = None, overrides: Overrides | None = None, *,
               allow_empty: bool = False) -> Document:
    """Read and clean one file. A result with no text left is a QingGaoError saying why, unless `allow_empty`
    (the app's review, where every removed line can be restored): then it carries a warning saying so."""
    progress = progress or NullProgress()
    checkpoint(progress, "read")
    doc = read(path)
    if overrides:
        doc.overrides = overrides
    doc = clean_document(doc, progress)
    check_result(doc, str(path), warn_only=allow_empty)
    return doc


def clean_text(text: str, source: str = "粘贴文本.txt", progress: Progress | None = None) -> Document:
    doc = Document(source=source, format="txt", encoding="utf-8", encoding_confidence=1.0)
    doc.lines = plain_tables(split_lines(text))
    return clean_document(doc, progress)


def reclean(doc: Document, read_again: Document, overrides: Overrides) -> Document:
    """Re-run cleaning on a fresh copy of the read lines with the clerk's overrides."""
    fresh = copy.deepcopy(read_again)
    fresh.overrides = overrides
    return clean_document(fresh)


def render(doc: Document, fmt: str, profile: str | Path | Profile | None = None) -> bytes:
    """`doc` as the bytes of a "docx", "txt" or "json" file. `profile` (DOCX only): a style profile by name
    (resources/profiles/NAME.json), a path to the clerk's own JSON profile, or a loaded Profile (e.g.
    with_options(load_profile(), closing={"sealed": True}) for the sealed signature layout); None: GB/T 9704."""
    if fmt == "json":
        from .export.json_out import document_json
        return document_json(doc)
    if fmt == "txt":
        return doc.text().encode("utf-8-sig")  # BOM so Notepad opens it right
    if fmt == "docx":
        from .export.docx import docx_bytes
        return docx_bytes(doc, style_profile(profile))
    raise ValueError(fmt)


def style_profile(profile: str | Path | Profile | None) -> Profile | None:
    """A loaded profile for `profile` (see render); an unreadable one is a bilingual error naming its file."""
    if profile is None or not isinstance(profile, (str, Path)):
        return profile
    from .export.profile import ProfileTypeError, load_profile

    try:
        return load_profile(str(profile))
    except (OSError, ValueError) as e:
        cause = e.__cause__ or e  # the loader wraps the OSError / JSON error
        why = cause.strerror if isinstance(cause, OSError) and cause.strerror else str(cause)
        if isinstance(e, ProfileTypeError):
            raise QingGaoError(str(profile), f"样式配置文件有错：{e.zh}。请改正该 JSON 文件，或在选项中改回默认的 GB/T 9704 样式。",
                               f"the style profile is wrong: {e.en}; fix the JSON file or choose the default GB/T 9704 "
                               "style.") from e
        raise QingGaoError(
            str(profile),
            f"样式配置文件无法读取（{why}）。请检查该 JSON 文件，或在选项中改回默认的 GB/T 9704 样式。",
            f"the style profile cannot be read ({why}); fix the JSON file or choose the default GB/T 9704 style.",
        ) from e


@dataclass
class FileResult:
    path: Path
    output: Path | None = None  # the (first) file written
    doc: Document | None = None
    error: str | None = None
    notes: list[str] = field(default_factory=list)  # bilingual notes for the clerk (another name used, split…)
    outputs: list[Path] = field(default_factory=list)  # every file written: one per part when split at docbreaks
    cancelled: bool = False  # the batch was cancelled before this file was done (nothing written for it)
    started: bool = False  # with cancelled: it was being cleaned when the batch stopped (else it never began)
    skipped: bool = False  # not cleaned: its output exists and the clerk asked to skip such files (`output` is it)
