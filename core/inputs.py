"""What a batch is made of: the files named and the files inside dropped folders, each once.

A dropped folder is walked without following links out of it: on a shared machine a folder someone else made
could hold a link to a file the clerk never meant to read (a key, another office's documents), and the batch
would copy it into the output. Such links are listed as skipped, with the reason; links that stay inside the
folder are followed (the file is then cleaned once). The output folders QingGao writes (清稿输出) below a dropped
folder are left out; a folder dropped from inside one is walked like any other."""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from .readers import kind_of

OUT_FOLDER = "清稿输出"

UNSUPPORTED = "不支持的文件类型 / unsupported type"
LINK_OUTSIDE = "链接指向所选文件夹之外，为安全起见没有读取 / a link to a place outside the dropped folder; not read, for safety"


def _real(p: Path) -> Path:
    try:
        return p.resolve()
    except OSError:
        return p.absolute()


def _inside(p: Path, root: Path) -> bool:
    return p == root or root in p.parents


def _walk(folder: Path) -> Iterator[tuple[Path, str | None]]:
    root = _real(folder)
    for here, dirs, files in os.walk(folder, followlinks=False):
        dirs.sort()
        base = Path(here)
        for d in list(dirs):
            sub = base / d
            if d == OUT_FOLDER:
                dirs.remove(d)  # our own outputs of an earlier run
            elif sub.is_symlink():
                dirs.remove(d)  # never walked through: outside is refused, inside is walked anyway
                if not _inside(_real(sub), root):
                    yield sub, LINK_OUTSIDE
        for f in sorted(files, key=lambda f: ((base / f).is_symlink(), f)):  # a file before a link to it
            p = base / f
            if p.is_symlink() and not _inside(_real(p), root):
                yield p, LINK_OUTSIDE
            elif p.is_file():
                yield p, None if kind_of(p) else UNSUPPORTED


def iter_inputs(paths: Iterable[str | Path]) -> Iterator[tuple[Path, str | None]]:
    """Files and folders (recursed) -> (file, None) or (file, reason it is skipped). A file reached twice (named
    twice, named and inside a dropped folder, or through a link) comes once."""
    seen: set[Path] = set()
    for p in map(Path, paths):
        found = _walk(p) if p.is_dir() else iter([(p, None)])
        for f, reason in found:
            key = _real(f) if reason is None else f.absolute()
            if key in seen:
                continue
            seen.add(key)
            yield f, reason
