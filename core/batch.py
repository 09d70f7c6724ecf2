"""Clean and export many files: one failure never stops the batch; outputs never overwrite inputs, nor (unless the
clerk chose `overwrite`) any existing file."""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .api import FileResult, clean_file, iter_inputs, render
from .errors import Cancelled, QingGaoError
from .export.atomic import free_name, write_atomic, write_error
from .export.split import split_at_docbreaks
from .progress import NullProgress, Progress

if TYPE_CHECKING:
    from .export.profile import Profile

OUT_FOLDER = "清稿输出"


@dataclass
class Options:
    """How outputs are written. `protected`: resolved paths of every input, never written whatever is chosen."""

    overwrite: bool = False  # replace an existing output of the same name (never an input)
    split_docbreaks: bool = False  # each appended document (docbreak) to its own file: stem.docx, stem-2.docx…
    profile: str | Path | Profile | None = None  # style profile for DOCX: name, path or Profile (core.api.render)
    protected: set[Path] = field(default_factory=set)


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


def output_path(src: Path, fmt: str, out_dir: Path | None, taken: set[Path], *,
                opts: Options | None = None) -> Path:
    opts = opts or Options()
    folder = out_dir if out_dir else src.parent / OUT_FOLDER
    target = folder / f"{src.stem}.{fmt}"
    if _resolve(target) == _resolve(src) or _resolve(target) in opts.protected:
        target = target.with_name(f"{src.stem}-清稿.{fmt}")
    return _claim(target, taken, opts)


def part_path(first: Path, k: int, taken: set[Path], opts: Options) -> Path:
    """Part k (2, 3…) of a split document goes beside the first: 通知.docx, 通知-2.docx, 通知-3.docx."""
    return _claim(first.with_name(f"{first.stem}-{k}{first.suffix}"), taken, opts)


def _note_other_name(want: Path, got: Path, overwrite: bool) -> str:
    if overwrite:
        return (f"{want.name} 无法覆盖（可能正在 Word/WPS 中打开），已另存为 {got.name}。\n"
                f"{want.name} could not be replaced (open in Word/WPS?); saved as {got.name} instead.")
    return (f"{want.name} 已存在（刚被其他程序创建），已另存为 {got.name}。\n"
            f"{want.name} appeared meanwhile; saved as {got.name} instead.")


def process_one(src: Path, fmt: str, out_dir: Path | None, taken: set[Path],
                progress: Progress | None = None, target: Path | None = None,
                opts: Options | None = None) -> FileResult:
    """Clean `src`, render it and write it (to `target` when the caller reserved one). Every failure becomes a
    bilingual message in the result; only Cancelled escapes."""
    opts = opts or Options()
    res = FileResult(src)
    try:
        doc = clean_file(src, progress)
        res.doc = doc
        parts = split_at_docbreaks(doc) if opts.split_docbreaks else [doc]
        datas = [render(p, fmt, opts.profile) for p in parts]  # all rendered before anything is written
        first = target or output_path(src, fmt, out_dir, taken, opts=opts)
        taken.add(first)
        for k, data in enumerate(datas, 1):
            want = first if k == 1 else part_path(first, k, taken, opts)
            taken.add(want)
            try:
                got = write_atomic(want, data, overwrite=opts.overwrite and _resolve(want) not in opts.protected,
                                   taken=taken | opts.protected)
            except OSError as e:
                raise write_error(src, want, e) from e
            taken.add(got)
            res.outputs.append(got)
            if got != want:
                res.notes.append(_note_other_name(want, got, opts.overwrite))
        res.output = res.outputs[0]
        if len(parts) > 1:
            res.notes.append(f"含附加文稿，已拆分为 {len(parts)} 个文件。\n"
                             f"appended documents: split into {len(parts)} files.")
    except Cancelled:
        raise
    except QingGaoError as e:
        res.error = e.message()
    except OSError as e:
        res.error = (f"{src}：文件读写出错（{e.strerror or e}：{e.filename or ''}），已跳过此文件，其余文件照常处理。\n"
                     f"{src}: file error ({e.strerror or e}: {e.filename or ''}); skipped, the rest of the batch goes on.")
    except Exception as e:  # the batch goes on; the message names the file
        res.error = (f"{src}：处理时出错（{type(e).__name__}: {e}），已跳过此文件，其余文件照常处理。\n"
                     f"{src}: failed ({type(e).__name__}: {e}); skipped, the rest of the batch goes on.")
    return res


PARALLEL_FROM = 8  # below this many files a process pool costs more than it saves


def _work(src: Path, fmt: str, target: Path, reserved: set[Path], opts: Options) -> FileResult:
    """Runs in a worker process: clean, render and write one file to its reserved name (split parts avoid every
    name reserved for the batch)."""
    res = process_one(src, fmt, target.parent, set(reserved), target=target, opts=opts)
    res.doc = None if res.doc is None else _summary(res.doc)
    return res


def _summary(doc):
    # documents travel back between processes: keep what the summary needs, not the whole text twice
    doc.lines = []
    return doc


def _skipped(src: Path, skip: str) -> FileResult:
    return FileResult(src, error=f"{src}：已跳过 / skipped: {skip}")


def run_batch(paths: Iterable[str | Path], fmt: str = "docx", out_dir: Path | None = None,
              progress: Progress | None = None,
              on_result: Callable[[FileResult], None] | None = None,
              workers: int | None = None, *, overwrite: bool = False, split_docbreaks: bool = False,
              profile: str | Path | Profile | None = None) -> list[FileResult]:
    """Clean and export every file under `paths`. overwrite: replace earlier outputs of the same name (an input
    never); split_docbreaks: write each appended document to its own file; profile: DOCX style profile."""
    items = list(iter_inputs(paths))
    opts = Options(overwrite, split_docbreaks, profile, {_resolve(src) for src, _ in items})
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if workers > 1 and sum(1 for _, skip in items if not skip) >= PARALLEL_FROM:
        return _run_parallel(items, fmt, out_dir, progress or NullProgress(), on_result, workers, opts)
    progress = progress or NullProgress()
    results: list[FileResult] = []
    taken: set[Path] = set()
    for src, skip in items:
        if progress.is_cancelled():
            break
        if skip:
            res = _skipped(src, skip)
        else:
            try:
                res = process_one(src, fmt, out_dir, taken, progress, opts=opts)
            except Cancelled:
                break
        results.append(res)
        if on_result:
            on_result(res)
    return results


def _run_parallel(items, fmt: str, out_dir: Path | None, progress: Progress,
                  on_result: Callable[[FileResult], None] | None, workers: int, opts: Options) -> list[FileResult]:
    """Big batches use every core; names are reserved here so two workers never pick the same output."""
    results: list[FileResult] = []
    taken: set[Path] = set()
    todo: list[tuple[Path, Path]] = []
    for src, skip in items:
        if skip:
            res = _skipped(src, skip)
            results.append(res)
            if on_result:
                on_result(res)
            continue
        target = output_path(src, fmt, out_dir, taken, opts=opts)
        taken.add(target)
        todo.append((src, target))
    # what a worker needs to know of the others' names: only split parts pick names there, and only overwrite must
    # be told which files are inputs (else an existing name is skipped anyway) — each set is pickled per file
    wopts = replace(opts, protected=opts.protected if opts.overwrite else set())
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(_work, src, fmt, target, taken - {target} if opts.split_docbreaks else set(), wopts): src
                   for src, target in todo}
        for fut in as_completed(futures):
            if progress.is_cancelled():
                for f in futures:
                    f.cancel()
                break
            try:
                res = fut.result()
            except Exception as e:  # a worker died (out of memory…): report the file, go on
                src = futures[fut]
                res = FileResult(src, error=f"{src}：处理进程意外退出（{type(e).__name__}），请单独重试此文件。\n"
                                            f"{src}: the worker process failed ({type(e).__name__}); retry this file alone.")
            results.append(res)
            if on_result:
                on_result(res)
    return results
