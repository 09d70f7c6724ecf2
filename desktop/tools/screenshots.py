"""Take the docs screenshots on a real X display (Xvfb, 1366x768 like a clerk's laptop).

    python -m desktop.tools.screenshots [OUT_DIR]      (default docs/screenshots)

Runs the real `qinggao-gui` on the dev seeds (/work/shared/corpus/dev, or QINGGAO_CORPUS) at 100 % and at 150 %
(QT_SCALE_FACTOR=1.5, the common Windows setting on a 1366x768 laptop): the queue after a batch and its export,
the review of one seed, editing (typed text, find/replace) and the placeholder panel. Files are NAME-100.png and
NAME-150.png; the 100 % queue and review are also queue.png and review.png.
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


def shoot(display: str, home: Path, files: list[Path], out: Path, *extra: str, scale: str = "1") -> None:
    exe = Path(sys.executable).with_name("qinggao-gui")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "desktop.app"]
    shutil.rmtree(home, ignore_errors=True)  # a fresh user each time: no session or window size carried over
    env = gui_env(display, home, QINGGAO_INSTANCE=f"qinggao-shots-{out.stem}-{os.getpid()}",
                  LANG=os.environ.get("SHOT_LANG", "zh_CN.UTF-8"), LC_ALL=os.environ.get("SHOT_LANG", "zh_CN.UTF-8"),
                  QT_SCALE_FACTOR=scale)
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
        failed = [f.name for f in files].index("损坏的文件.docx")
        seed = sorted(work.glob("000_*.txt"))
        other = sorted(work.glob("004_*.txt"))
        block = str(interesting_block(seed[0]))
        with xvfb("1366x768x24") as display:
            for pct, scale in (("100", "1"), ("150", "1.5")):
                home = Path(tmp) / "home"
                shutil.rmtree(work / "清稿输出", ignore_errors=True)  # each picture exports to fresh names
                shoot(display, home, files, out / f"queue-{pct}.png", "--export", "--select", str(failed), scale=scale)
                shoot(display, home, seed, out / f"review-{pct}.png", "--select", "0", "--block", block, scale=scale)
                shoot(display, home, seed, out / f"editing-{pct}.png", "--select", "0", "--block", "3",
                      "--show", "type:（经核对）", "--show", "replace:×个单位=5个单位", scale=scale)
                shoot(display, home, [*seed, *other], out / f"placeholders-{pct}.png", "--select", "0", "--block",
                      "0", "--show", "placeholders:X", scale=scale)
        for name in ("queue", "review"):
            shutil.copy(out / f"{name}-100.png", out / f"{name}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
