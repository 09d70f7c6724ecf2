"""Print the frozen bundle's size and start-up times (the numbers quoted in docs/packaging.md).

    .venv/bin/python packaging/build.py && .venv/bin/python packaging/measure.py [dist/QingGao] [--runs N]

Measures, on this machine:
  - size of the one-folder bundle (total, file count, biggest parts);
  - `qinggao --version` (interpreter + CLI start, no jieba), median of N runs;
  - `qinggao --selftest` with an empty user cache (a clerk's very first start: jieba builds its cache) and
    again with the cache in place (every later start);
  - `qinggao clean SEED --to json --stdout` on a dev seed, warm cache;
  - on Linux with Xvfb + xdotool: the frozen GUI's time from launch to a visible window, median of N runs.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
EXE = ".exe" if sys.platform == "win32" else ""
SEEDS = ROOT.parent / "shared" / "corpus" / "dev"


# ---------------------------------------------------------------- virtual display (also used by the tests)

class Xvfb:
    """A private X server on a display number Xvfb picks itself (-displayfd), so parallel runs never clash."""

    def __init__(self, size: str = "1280x800x24"):
        r, w = os.pipe()
        self.proc = subprocess.Popen(["Xvfb", "-displayfd", str(w), "-screen", "0", size, "-nolisten", "tcp"],
                                     pass_fds=(w,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(w)
        with os.fdopen(r) as f:
            num = f.readline().strip()
        if not num:
            self.stop()
            raise RuntimeError("Xvfb did not start")
        self.display = f":{num}"

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()

    def __enter__(self) -> Xvfb:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def visible_windows(pid: int, display: str) -> list[str]:
    """Names of the visible X windows that process `pid` owns (Qt sets _NET_WM_PID)."""
    env = dict(os.environ, DISPLAY=display)
    r = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(pid)], env=env,
                       capture_output=True, text=True)
    names = []
    for wid in r.stdout.split():
        n = subprocess.run(["xdotool", "getwindowname", wid], env=env, capture_output=True, text=True)
        names.append(n.stdout.strip())
    return names


def gui_env(display: str, home: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env.update(DISPLAY=display, XDG_CACHE_HOME=home, XDG_DATA_HOME=home, XDG_CONFIG_HOME=home, QINGGAO_HOME=home)
    return env


def launch_until_window(gui: Path, args: list[str], display: str, home: str, timeout: float = 60.0):
    """Start the GUI and poll until it shows a window: (seconds, window names, process); the caller kills it."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([str(gui), *args], env=gui_env(display, home),
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    while time.perf_counter() - t0 < timeout:
        if proc.poll() is not None:
            return None, [], proc
        names = visible_windows(proc.pid, display)
        if names:
            return time.perf_counter() - t0, names, proc
        time.sleep(0.05)
    return None, [], proc


def stop(proc: subprocess.Popen) -> str:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    out = proc.stdout.read() if proc.stdout else b""
    return out.decode("utf-8", "replace")


# ---------------------------------------------------------------- measurements

def timed(cmd: list[str], env: dict[str, str]) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t


def size_report(bundle: Path) -> list[str]:
    files = [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()]
    total = sum(p.stat().st_size for p in files)
    parts: dict[str, int] = {}
    internal = bundle / "_internal"
    for p in files:
        rel = p.relative_to(internal if internal in p.parents else bundle)
        key = rel.parts[0] if len(rel.parts) > 1 else ("shared libraries" if ".so" in p.name or p.suffix in
                                                        (".dll", ".pyd") else "other files")
        parts[key] = parts.get(key, 0) + p.stat().st_size
    lines = [f"bundle {bundle}: {total / 2**20:.1f} MiB in {len(files)} files"]
    for k, v in sorted(parts.items(), key=lambda kv: -kv[1])[:8]:
        lines.append(f"  {k:<24} {v / 2**20:7.1f} MiB")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("bundle", nargs="?", type=Path, default=ROOT / "dist" / "QingGao")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args(argv)
    bundle: Path = args.bundle
    cli, gui = bundle / f"qinggao{EXE}", bundle / f"qinggao-gui{EXE}"
    if not cli.exists():
        print(f"{cli} not found: run packaging/build.py first", file=sys.stderr)
        return 1

    for line in size_report(bundle):
        print(line)
    with tempfile.TemporaryDirectory(prefix="qinggao-measure-") as home:
        env = dict(os.environ, XDG_CACHE_HOME=home, LOCALAPPDATA=home, APPDATA=home, QINGGAO_HOME=home)
        ver = statistics.median(timed([str(cli), "--version"], env) for _ in range(args.runs))
        print(f"qinggao --version                 {ver:6.2f} s  (median of {args.runs})")
        cold = timed([str(cli), "--selftest"], env)  # the cache folder is empty: jieba builds its cache
        print(f"qinggao --selftest, first start   {cold:6.2f} s  (jieba builds its cache in the user folder)")
        warm = statistics.median(timed([str(cli), "--selftest"], env) for _ in range(args.runs))
        print(f"qinggao --selftest, later starts  {warm:6.2f} s  (median of {args.runs})")
        seeds = sorted(SEEDS.glob("*.txt"))
        if seeds:
            c = statistics.median(timed([str(cli), "clean", str(seeds[0]), "--to", "json", "--stdout"], env)
                                  for _ in range(args.runs))
            print(f"qinggao clean {seeds[0].name} --to json --stdout  {c:6.2f} s  (median of {args.runs})")
        if sys.platform.startswith("linux") and shutil.which("Xvfb") and shutil.which("xdotool") and gui.exists():
            times = []
            with Xvfb() as x:
                for _ in range(args.runs):
                    took, _names, proc = launch_until_window(gui, [], x.display, home)
                    stop(proc)
                    if took is None:
                        print("GUI did not show a window", file=sys.stderr)
                        return 1
                    times.append(took)
            print(f"qinggao-gui launch to window      {statistics.median(times):6.2f} s  "
                  f"(median of {args.runs}, Xvfb)")
        else:
            print("qinggao-gui launch to window      n/a (needs Linux with Xvfb and xdotool)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
