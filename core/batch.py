"""Clean and export many files: one failure never stops the batch; outputs never overwrite inputs, nor (unless the
clerk chose `overwrite`) any existing file."""
from __future__ import annotations

import os
import queue
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .api import FileResult, clean_file, iter_inputs, render
from .errors import Cancelled, QingGaoError
from .export.atomic import free_name, remove_stale_parts, write_atomic, write_error
from .export.split import split_at_docbreaks
from .inputs import OUT_FOLDER
from .model import DocInfo, Document, Overrides
from .official import merged_info
from .pool import Event, WorkerPool
from .progress import NullProgress, Progress

if TYPE_CHECKING:
    from .export.profile import Profile


@dataclass
class Options:
    """How outputs are written. `protected`: resolved paths of every input, never written whatever is chosen."""

    overwrite: bool = False  # replace an existing output of the same name (never an input)
    split_docbreaks: bool = False  # each appended document (docbreak) to its own file: stem.docx, stem-2.docx…
    profile: str | Path | Profile | None = None  # style profile for DOCX: name, path or Profile (core.api.render)
    protected: set[Path] = field(default_factory=set)
    info: DocInfo | None = None  # the clerk's 版头/版记 values (--info FILE.json), laid over each document's own
    skip_existing: bool = False  # an input whose output name is already taken is skipped (a re-run after a stop)
    simplify: bool = False  # 繁體 -> 简体 (Overrides.simplify, stages/simplify.py)


def _resolve(p: Path) -> Path:
    try:
        return p.resolve()
    except OSError:
        return p.absolute()


def _claim(target: Path, taken: set[Path], opts: Options) -> Path:
    """`target` itself when it is free, or taken over by choice (overwrite, never an input); else a free name."""
    if opts.overwrite and target not in taken and _resolve(target) not in opts.protected:
        return target
    return free_name(target, taken | opts.protected)


def natural_target(src: Path, fmt: str, out_dir: Path | None, opts: Options) -> Path:
    """The name the output of `src` gets when nothing is in the way."""
    folder = out_dir if out_dir else src.parent / OUT_FOLDER
    target = folder / f"{src.stem}.{fmt}"
    if _resolve(target) == _resolve(src) or _resolve(target) in opts.protected:
        target = target.with_name(f"{src.stem}-清稿.{fmt}")
    return target


def output_path(src: Path, fmt: str, out_dir: Path | None, taken: set[Path], *,
                opts: Options | None = None) -> Path:
    opts = opts or Options()
    return _claim(natural_target(src, fmt, out_dir, opts), taken, opts)


def part_path(first: Path, k: int, taken: set[Path], opts: Options) -> Path:
    """Part k (2, 3…) of a split document goes beside the first: 通知.docx, 通知-2.docx, 通知-3.docx."""
    return _claim(first.with_name(f"{first.stem}-{k}{first.suffix}"), taken, opts)


def _note_other_name(want: Path, got: Path, overwrite: bool) -> str:
    if overwrite:
        return (f"{want.name} 无法覆盖（可能正在 Word/WPS 中打开），已另存为 {got.name}。\n"
                f"{want.name} could not be replaced (open in Word/WPS?); saved as {got.name} instead.")
    return (f"{want.name} 已存在（刚被其他程序创建），已另存为 {got.name}。\n"
            f"{want.name} appeared meanwhile; saved as {got.name} instead.")


@dataclass
class Rendered:
    """What a worker makes of one file: the bytes of each output (one per part when split), nothing written."""

    doc: Document | None = None  # the summary the report needs (lines dropped: they do not travel back)
    datas: list[bytes] = field(default_factory=list)
    error: str | None = None  # bilingual, naming the file


def render_file(src: Path, fmt: str, opts: Options, progress: Progress | None = None) -> Rendered:
    """Clean `src` and render its output(s). A bad input becomes `error`; Cancelled and MemoryError escape (the
    worker turns the latter into the memory-budget message)."""
    try:
        doc = clean_file(src, progress, Overrides(simplify=True) if opts.simplify else None)
        if opts.info:
            doc.info = merged_info(doc.info, opts.info)
        parts = split_at_docbreaks(doc) if opts.split_docbreaks else [doc]
        datas = [render(p, fmt, opts.profile) for p in parts]  # all rendered before anything is written
        return Rendered(doc, datas)
    except (Cancelled, MemoryError):
        raise
    except Exception as e:  # the batch goes on; the message names the file
        return Rendered(error=_error_text(src, e))


def _error_text(src: Path, e: Exception) -> str:
    if isinstance(e, QingGaoError):
        return e.message()
    if isinstance(e, OSError):
        return (f"{src}：文件读写出错（{e.strerror or e}：{e.filename or ''}），已跳过此文件，其余文件照常处理。\n"
                f"{src}: file error ({e.strerror or e}: {e.filename or ''}); skipped, the rest of the batch goes on.")
    return (f"{src}：处理时出错（{type(e).__name__}: {e}），已跳过此文件，其余文件照常处理。\n"
            f"{src}: failed ({type(e).__name__}: {e}); skipped, the rest of the batch goes on.")


def write_rendered(src: Path, rendered: Rendered, first: Path, taken: set[Path], opts: Options,
                   cancelled: Callable[[], bool] | None = None) -> FileResult:
    """Write a rendered file: part 1 to `first`, parts 2… beside it. Write failures become the result's error;
    Cancelled (asked through `cancelled` before each file takes its name) escapes."""
    res = FileResult(src, doc=rendered.doc, error=rendered.error)
    if rendered.error:
        return res
    try:
        taken.add(first)
        for k, data in enumerate(rendered.datas, 1):
            want = first if k == 1 else part_path(first, k, taken, opts)
            taken.add(want)
            try:
                got = write_atomic(want, data, overwrite=opts.overwrite and _resolve(want) not in opts.protected,
                                   taken=taken | opts.protected, cancelled=cancelled)
            except OSError as e:
                raise write_error(src, want, e) from e
            taken.add(got)
            res.outputs.append(got)
            if got != want:
                res.notes.append(_note_other_name(want, got, opts.overwrite))
        res.output = res.outputs[0]
        if len(rendered.datas) > 1:
            res.notes.append(f"含附加文稿，已拆分为 {len(rendered.datas)} 个文件。\n"
                             f"appended documents: split into {len(rendered.datas)} files.")
    except Cancelled:
        raise
    except Exception as e:  # noqa: BLE001 - the batch goes on; the message names the file
        res.error = _error_text(src, e)
    return res


def process_one(src: Path, fmt: str, out_dir: Path | None, taken: set[Path],
                progress: Progress | None = None, target: Path | None = None,
                opts: Options | None = None) -> FileResult:
    """Clean, render and write `src` in this process, without a budget (run_batch uses worker processes).
    Every failure becomes a bilingual message in the result; only Cancelled escapes."""
    opts = opts or Options()
    try:
        rendered = render_file(src, fmt, opts, progress)
    except MemoryError as e:
        rendered = Rendered(error=_error_text(src, e))
    if rendered.error:
        return FileResult(src, error=rendered.error)
    return write_rendered(src, rendered, target or output_path(src, fmt, out_dir, taken, opts=opts), taken, opts)


def _render_task(arg: tuple[Path, str, Options], progress: Progress) -> Rendered:
    """Runs in a worker process (core.pool), under the file's budget."""
    src, fmt, opts = arg
    rendered = render_file(src, fmt, opts, progress)
    if rendered.doc is not None:
        rendered.doc.lines = []  # the report needs counts, not the whole text twice across processes
    return rendered


def _note_skipped(existing: Path) -> str:
    return (f"{existing.name} 已存在，已跳过（不重新生成）。要重新生成并替换它，请去掉 --skip-existing 改用 --overwrite。\n"
            f"{existing.name} exists: skipped. To make it again and replace it, use --overwrite instead of "
            "--skip-existing.")


def _note_existing(existing: Path, got: Path) -> str:
    return (f"{existing.name} 已存在（可能是上次的输出），新的结果另存为 {got.name}。重新运行时，加 --skip-existing "
            "跳过已有输出的文件，或加 --overwrite 替换它们。\n"
            f"{existing.name} exists (an earlier output?): the new result is {got.name}. When you run again, add "
            "--skip-existing to skip files whose output exists, or --overwrite to replace them.")


def _remove_stale(todo: list[tuple[Path, Path]], notes: dict[Path, list[str]]) -> None:
    """Temp files a killed run left in the output folders go before anything is written there."""
    first: dict[Path, Path] = {}
    for src, target in todo:
        first.setdefault(target.parent, src)
    for folder, src in first.items():
        gone = remove_stale_parts(folder) if folder.is_dir() else []
        if gone:
            notes.setdefault(src, []).append(
                f"已删除上次中断时留在 {folder} 的 {len(gone)} 个临时文件。\n"
                f"removed {len(gone)} temporary file(s) an interrupted run left in {folder}.")


def _skipped(src: Path, skip: str) -> FileResult:
    return FileResult(src, error=f"{src}：已跳过 / skipped: {skip}")


POLL_S = 0.05  # how often the batch asks progress.is_cancelled() while it waits for workers


def run_batch(paths: Iterable[str | Path], fmt: str = "docx", out_dir: Path | None = None,
              progress: Progress | None = None,
              on_result: Callable[[FileResult], None] | None = None,
              workers: int | None = None, *, overwrite: bool = False, split_docbreaks: bool = False,
              profile: str | Path | Profile | None = None, info: DocInfo | None = None,
              skip_existing: bool = False, simplify: bool = False) -> list[FileResult]:
    """Clean and export every file under `paths`. overwrite: replace earlier outputs of the same name (an input
    never); split_docbreaks: write each appended document to its own file; profile: DOCX style profile;
    simplify: convert Traditional characters to Simplified (stages/simplify.py).

    Each file is cleaned and rendered in a worker process (`workers` of them, default one per CPU) under its
    budget (core/budget.py): past it the file fails with a message and the batch goes on, as it does when a worker
    dies. Outputs are written here, in this process, so a stopped worker never leaves half a file. Once
    progress.is_cancelled() says so (asked every POLL_S), nothing more is written, running files stop at once,
    and each file not done gets a result with `cancelled` set (and `started` if it had begun). on_result is
    called for each file done, failed or skipped, as it ends (not for cancelled ones)."""
    items = list(iter_inputs(paths))
    opts = Options(overwrite, split_docbreaks, profile, {_resolve(src) for src, _ in items}, info,
                   skip_existing=skip_existing and not overwrite, simplify=simplify)
    progress = progress or NullProgress()
    results: list[FileResult] = []

    def report(res: FileResult) -> None:
        results.append(res)
        if on_result and not res.cancelled:
            on_result(res)

    # names are chosen here, in input order, before any work starts: the same names whichever file ends first
    taken: set[Path] = set()
    todo: list[tuple[Path, Path]] = []
    notes: dict[Path, list[str]] = {}  # told with the file's result: its name was taken, a stale temp file went
    for src, skip in items:
        if skip:
            report(_skipped(src, skip))
            continue
        natural = natural_target(src, fmt, out_dir, opts)
        if opts.skip_existing and natural.is_file():
            report(FileResult(src, output=natural, skipped=True, notes=[_note_skipped(natural)]))
            continue
        target = _claim(natural, taken, opts)
        taken.add(target)
        if target != natural and natural.is_file():
            notes.setdefault(src, []).append(_note_existing(natural, target))
        todo.append((src, target))
    _remove_stale(todo, notes)
    if not todo:
        return results
    events: queue.Queue[Event] = queue.Queue()
    size = workers if workers is not None else (os.cpu_count() or 1)
    pool = WorkerPool(min(max(1, size), len(todo)), events.put, stages=False)  # files run side by side
    wopts = replace(opts, protected=set())  # workers only render: which names are inputs matters here alone
    stopped = False
    try:
        for i, (src, _target) in enumerate(todo):
            pool.submit(i, _render_task, (src, fmt, wopts), src)
        left = len(todo)
        while left:
            if not stopped and progress.is_cancelled():
                pool.cancel()
                stopped = True
            try:
                ev = events.get(timeout=POLL_S)
            except queue.Empty:
                continue
            if ev.kind not in ("done", "failed", "cancelled"):
                continue
            left -= 1
            src, target = todo[ev.key]
            if ev.kind == "failed":
                res = FileResult(src, error=ev.value)
            elif ev.kind == "cancelled" or stopped or progress.is_cancelled():
                res = FileResult(src, cancelled=True, started=ev.kind == "done" or bool(ev.value))
            else:
                try:
                    res = write_rendered(src, ev.value, target, taken, opts, cancelled=progress.is_cancelled)
                except Cancelled:
                    res = FileResult(src, cancelled=True, started=True)
                if res.outputs:
                    res.notes[:0] = notes.get(src, [])
            report(res)
    finally:
        pool.close()
    return results
