"""Take the docs screenshots on a real X display (Xvfb, 1366x768 like a clerk's laptop).

    python -m desktop.tools.screenshots [OUT_DIR]      (default docs/screenshots)

Runs the real `qinggao-gui` twice on the dev seeds (/work/shared/corpus/dev, or QINGGAO_CORPUS): once to show
the queue after a batch and its export, once to show the review of one seed.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .xvfb import gui_env, xvfb

ROOT = Path(__file__).resolve().parents[2]


def corpus() -> Path:
    return Path(os.environ.get("QINGGAO_CORPUS") or ROOT.parent / "shared" / "corpus")


def shoot(display: str, home: Path, files: list[Path], out: Path, *extra: str) -> None:
    exe = Path(sys.executable).with_name("qinggao-gui")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "desktop.app"]
    env = gui_env(display, home, QINGGAO_INSTANCE=f"qinggao-shots-{out.stem}-{os.getpid()}",
                  LANG=os.environ.get("SHOT_LANG", "zh_CN.UTF-8"), LC_ALL=os.environ.get("SHOT_LANG", "zh_CN.UTF-8"))
    subprocess.run([*cmd, *map(str, files), "--new-instance", "--screenshot", str(out), "--quit", *extra],
                   env=env, check=True, timeout=120)
    print(f"wrote {out}")


def interesting_block(path: Path) -> int:
    """A block just before the first gap: the review then shows joins, the gap and removed banner lines."""
    from core.api import clean_file

    blocks = clean_file(path).blocks
    gap = next((i for i, b in enumerate(blocks) if b.kind == "gap"), 0)
    return max(0, gap - 1)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    out = Path(argv[0]) if argv else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "下载的文稿"
        work.mkdir()
        for f in sorted((corpus() / "dev").glob("*.txt")):
            shutil.copy(f, work / f.name)
        for name in ("gne__people.html",):
            if (corpus() / "html" / name).exists():
                shutil.copy(corpus() / "html" / name, work / name)
        (work / "扫描件.pdf").write_bytes(b"%PDF-1.4")  # shows how a skipped file looks
        (work / "损坏的文件.docx").write_bytes(b"PK\x03\x04 broken")  # and a failed one
        files = sorted(work.iterdir())
        with xvfb("1366x768x24") as display:
            failed = [f.name for f in files].index("损坏的文件.docx")
            shoot(display, Path(tmp) / "home1", files, out / "queue.png", "--export", "--select", str(failed))
            seed = sorted(work.glob("000_*.txt"))
            shoot(display, Path(tmp) / "home2", seed, out / "review.png", "--select", "0",
                  "--block", str(interesting_block(seed[0])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
