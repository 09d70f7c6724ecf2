"""Write outputs atomically and never over an input or (unless asked) an existing file."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


def free_name(target: Path, taken: set[Path] | None = None) -> Path:
    """`target`, or `target (2)`, `(3)`… — the first name that does not exist yet."""
    taken = taken or set()
    if not target.exists() and target not in taken:
        return target
    n = 2
    while True:
        cand = target.with_name(f"{target.stem} ({n}){target.suffix}")
        if not cand.exists() and cand not in taken:
            return cand
        n += 1


def write_atomic(target: Path, data: bytes) -> Path:
    """Write to a temp file beside `target`, then move it into place."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".qinggao-", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return target
