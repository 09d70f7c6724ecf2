"""Start a private Xvfb X server on a free display number (for the launch test and the screenshots)."""
from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def free_display(start: int = 90, stop: int = 400) -> int:
    for n in range(start, stop):
        if not Path(f"/tmp/.X{n}-lock").exists() and not Path(f"/tmp/.X11-unix/X{n}").exists():
            return n
    raise RuntimeError("no free X display number")


@contextmanager
def xvfb(size: str = "1366x768x24", dpi: int = 96) -> Iterator[str]:
    """Yield a DISPLAY string (":93") served by a fresh Xvfb, killed on exit."""
    exe = shutil.which("Xvfb")
    if not exe:
        raise FileNotFoundError("Xvfb is not installed (apt-get install xvfb)")
    for _attempt in range(5):
        n = free_display()
        proc = subprocess.Popen([exe, f":{n}", "-screen", "0", size, "-dpi", str(dpi), "-nolisten", "tcp"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        sock = Path(f"/tmp/.X11-unix/X{n}")
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and proc.poll() is None and not sock.exists():
            time.sleep(0.05)
        if proc.poll() is None and sock.exists():
            break
        proc.kill()  # lost a race for the display number: try the next one
        proc.wait()
    else:
        raise RuntimeError("Xvfb did not start")
    try:
        yield f":{n}"
    finally:
        stop_process(proc, 5)


def stop_process(proc: subprocess.Popen, timeout: float = 10) -> None:
    """Terminate, and kill if it does not end within `timeout` seconds (bench, packaging and tests use it)."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def gui_env(display: str, home: Path, **extra: str) -> dict[str, str]:
    """Environment for a real (xcb) qinggao-gui: our display, a private settings/app-data folder."""
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env.update(DISPLAY=display, QINGGAO_HOME=str(home / "appdata"), XDG_CONFIG_HOME=str(home / "config"),
               XDG_CACHE_HOME=env.get("XDG_CACHE_HOME", str(Path.home() / ".cache")),
               QINGGAO_INSTANCE=f"qinggao-xvfb-{display.strip(':')}-{os.getpid()}")
    env.update(extra)
    return env
