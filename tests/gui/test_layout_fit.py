"""The window fits a 1366x768 laptop at 100 % and 150 %, with a real seed selected; sizes come back DPI-proof."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import window_fit

ROOT = Path(__file__).resolve().parents[2]
SEED = "000_b4075a6b7c439fa0.txt"


def _probe(tmp_path: Path, corpus: Path, scale: str, *extra: str) -> dict:
    screen = tmp_path / "screen.json"  # the offscreen platform's screen: a 1366x768 laptop at 96 dpi
    screen.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768,
                                                "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    (tmp_path / "cfg").mkdir(exist_ok=True)
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screen}", "QT_SCALE_FACTOR": scale,
           "QINGGAO_HOME": str(tmp_path / "home"), "PROBE_CONFIG": str(tmp_path / "cfg")}
    out = subprocess.run([sys.executable, str(Path(__file__).with_name("fit_probe.py")), str(corpus / "dev" / SEED),
                          *extra], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("scale", ["1", "1.5"])
def test_the_window_fits_a_1366x768_screen_with_seed_000_selected(tmp_path, corpus, scale):
    got = _probe(tmp_path, corpus, scale)
    dpr = float(scale)
    assert got["dpr"] == dpr
    assert got["min_w"] * dpr <= 1366 and got["min_h"] * dpr <= 768  # never asks for more than the screen
    assert got["x"] >= 0 and got["x"] + got["w"] <= got["avail_w"] and got["y"] + got["h"] <= got["avail_h"]
    assert len(got["summary"]) > 60  # the long summary is there, elided on screen, not widening the window
    placeholders = _probe(tmp_path, corpus, scale, "placeholders")  # with the third pane open too
    assert placeholders["min_w"] * dpr <= 1366


def test_a_size_saved_at_one_scale_comes_back_as_the_same_share_of_the_screen(window):
    avail = window_fit.available(window)
    window.resize(int(avail.width() * 0.75), int(avail.height() * 0.6))
    window.move(avail.x() + 20, avail.y() + 10)
    saved = window_fit.save_state(window)
    state = json.loads(saved)
    assert abs(state["w"] - 0.75) < 0.01 and abs(state["h"] - 0.6) < 0.01  # shares, not pixels
    window.resize(300, 300)
    window_fit.restore_state(window, saved, (800, 600))
    assert abs(window.width() - avail.width() * 0.75) <= 2 and abs(window.height() - avail.height() * 0.6) <= 2
    # a place saved on a bigger screen (or at a smaller scale) is clamped into this one
    window_fit.restore_state(window, json.dumps({"x": 0.9, "y": 0.9, "w": 1.6, "h": 1.4}), (800, 600))
    g = window.geometry()
    assert g.width() <= avail.width() and g.height() <= avail.height()
    assert g.right() <= avail.right() and g.bottom() <= avail.bottom() and g.x() >= avail.x()
    window_fit.restore_state(window, "garbage", (700, 500))  # unreadable: the default size, centred
    assert (window.width(), window.height()) == (700, 500)
