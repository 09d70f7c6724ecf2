"""Clean and export many files: one failure never stops the batch; outputs never overwrite inputs."""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

from .api import FileResult, clean_file, iter_inputs, render
from .errors import Cancelled, QingGaoError
from .export.atomic import free_name, write_atomic
from .progress import NullProgress, Progress

OUT_FOLDER = "清稿输出"


def output_path(src: Path, fmt: str, out_dir: Path | None, taken: set[Path]) -> Path:
    folder = out_dir if out_dir else src.parent / OUT_FOLDER
    target = folder / f"{src.stem}.{fmt}"
    if target.resolve() == src.resolve():
        target = target.with_name(f"{src.stem}-清稿.{fmt}")
    return free_name(target, taken)


def process_one(src: Path, fmt: str, out_dir: Path | None, taken: set[Path],
                progress: Progress | None = None, target: Path | None = None) -> FileResult:
    res = FileResult(src)
    try:
        doc = clean_file(src, progress)
        res.doc = doc
        data = render(doc, fmt)
        target = target or output_path(src, fmt, out_dir, taken)
        taken.add(target)
        res.output = write_atomic(target, data)
    except Cancelled:
        raise
    except QingGaoError as e:
        res.error = e.message()
    except PermissionError as e:
        res.error = (f"{src}：无法写入输出（{e.filename}），请检查输出文件夹是否只读或文件是否在 Word 中打开。\n"
                     f"{src}: cannot write the output ({e.filename}); check the folder is writable and the file is not open.")
    except Exception as e:  # the batch goes on; the message names the file
        res.error = (f"{src}：处理时出错（{type(e).__name__}: {e}），已跳过此文件，其余文件照常处理。\n"
                     f"{src}: failed ({type(e).__name__}: {e}); skipped, the rest of the batch goes on.")
    return res


PARALLEL_FROM = 8  # below this many files a process pool costs more than it saves


def _work(src: Path, fmt: str, target: Path) -> FileResult:
    """Runs in a worker process: clean, render and write one file to its reserved name."""
    res = process_one(src, fmt, target.parent, {target}, target=target)
    res.doc = None if res.doc is None else _summary(res.doc)
    return res


def _summary(doc):
    # documents travel back between processes: keep what the summary needs, not the whole text twice
    doc.lines = []
    return doc


def run_batch(paths: Iterable[str | Path], fmt: str = "docx", out_dir: Path | None = None,
              progress: Progress | None = None,
              on_result: Callable[[FileResult], None] | None = None,
              workers: int | None = None) -> list[FileResult]:
    items = list(iter_inputs(paths))
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if workers > 1 and sum(1 for _, skip in items if not skip) >= PARALLEL_FROM:
        return _run_parallel(items, fmt, out_dir, progress or NullProgress(), on_result, workers)
    progress = progress or NullProgress()
    results: list[FileResult] = []
    taken: set[Path] = set()
    for src, skip in items:
        if progress.is_cancelled():
            break
        if skip:
            res = FileResult(src, error=f"{src}：已跳过 / skipped: {skip}")
        else:
            try:
                res = process_one(src, fmt, out_dir, taken, progress)
            except Cancelled:
                break
        results.append(res)
        if on_result:
            on_result(res)
    return results


def _run_parallel(items, fmt: str, out_dir: Path | None, progress: Progress,
                  on_result: Callable[[FileResult], None] | None, workers: int) -> list[FileResult]:
    """Big batches use every core; names are reserved here so two workers never pick the same output."""
    results: list[FileResult] = []
    taken: set[Path] = set()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = {}
        for src, skip in items:
            if skip:
                res = FileResult(src, error=f"{src}：已跳过 / skipped: {skip}")
                results.append(res)
                if on_result:
                    on_result(res)
                continue
            target = output_path(src, fmt, out_dir, taken)
            taken.add(target)
            futures[pool.submit(_work, src, fmt, target)] = src
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
