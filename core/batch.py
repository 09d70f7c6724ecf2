"""Clean and export many files: one failure never stops the batch; outputs never overwrite inputs."""
from __future__ import annotations

from collections.abc import Callable, Iterable
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
                progress: Progress | None = None) -> FileResult:
    res = FileResult(src)
    try:
        doc = clean_file(src, progress)
        res.doc = doc
        data = render(doc, fmt)
        target = output_path(src, fmt, out_dir, taken)
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


def run_batch(paths: Iterable[str | Path], fmt: str = "docx", out_dir: Path | None = None,
              progress: Progress | None = None,
              on_result: Callable[[FileResult], None] | None = None) -> list[FileResult]:
    progress = progress or NullProgress()
    results: list[FileResult] = []
    taken: set[Path] = set()
    for src, skip in iter_inputs(paths):
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
