"""Issue 16 in the window: a file past its budget is stopped and its row says so while the window stays
responsive; 取消 stops a batch at once and nothing is written after it. Real worker processes, real files."""
from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QTimer

from desktop.jobs import JobsModel, State

MB = 1024 * 1024


def _big(path: Path, seeds: list[Path], mb: float) -> Path:
    unit = "\n".join(s.read_text(encoding="utf-8") for s in seeds).encode("utf-8")
    size = int(mb * MB) - 4096
    path.write_bytes((unit * (size // len(unit) + 1))[:size].rsplit(b"\n", 1)[0] + b"\n")
    return path


def _ticks(clock: QElapsedTimer, gaps: list[int]) -> QTimer:
    """A 20 ms timer noting how late each tick came: a stalled event loop shows as a long gap."""
    last = [0]
    timer = QTimer()
    timer.setInterval(20)

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    timer.timeout.connect(tick)
    return timer


def test_a_file_past_its_budget_is_stopped_and_its_row_says_so(make_window, drafts, drop, wait_idle, tmp_path,
                                                                monkeypatch):
    limits = tmp_path / "limits.json"
    limits.write_text(json.dumps({"budget_base_seconds": 3, "budget_seconds_per_mb": 0}), encoding="utf-8")
    monkeypatch.setenv("QINGGAO_LIMITS", str(limits))
    big = _big(drafts / "大文件.txt", sorted(drafts.glob("*.txt")), 10)  # ~23 s to clean here
    window = make_window(threads=2)
    clock, gaps = QElapsedTimer(), []
    timer = _ticks(clock, gaps)
    clock.start()
    timer.start()
    t0 = time.monotonic()
    drop(window, [drafts])
    wait_idle(window, timeout=60000)
    timer.stop()
    assert time.monotonic() - t0 < 20  # stopped at its budget, not cleaned to the end
    jobs = {j.path: j for j in window.model.jobs}
    stopped = jobs[big]
    assert stopped.state == State.FAILED
    status = window.model.index(window.model.row_of(stopped.id), JobsModel.COL_STATUS).data()
    assert status.startswith("失败：文件过于复杂，已在 3 秒后停止"), status
    assert str(big) in stopped.error and "took longer than 3 s" in stopped.error  # the tooltip, both languages
    assert all(j.state == State.DONE for p, j in jobs.items() if p != big)
    assert len(gaps) > 20 and max(gaps[1:]) < 600, gaps  # the window kept ticking while the file ran


def test_cancel_stops_at_once_and_nothing_is_written_after_it(make_window, drafts, drop, qtbot):
    window = make_window(threads=2)
    window.settings.auto_export = True
    big = drafts.parent / "big"
    big.mkdir()
    seeds = sorted(drafts.glob("*.txt"))
    for i in range(200):
        shutil.copy(seeds[i % len(seeds)], big / f"稿件{i:03d}.txt")
    out = big / "清稿输出"
    drop(window, [big])
    qtbot.waitUntil(lambda: sum(j.state == State.EXPORTED for j in window.model.jobs) >= 10, timeout=60000)
    window.act_cancel.trigger()
    t_cancel = time.time()
    t0 = time.monotonic()
    qtbot.waitUntil(window.is_idle, timeout=3000)  # the requirement is 1 s; the margin is for a loaded machine
    took = time.monotonic() - t0
    qtbot.wait(50)
    states = [j.state for j in window.model.jobs]
    assert not {State.WAITING, State.RUNNING, State.EXPORTING} & set(states)
    assert states.count(State.CANCELLED) > 100
    files = list(out.iterdir())
    assert not [p.name for p in files if p.stat().st_mtime > t_cancel], "written after 取消"
    assert not [p.name for p in files if p.name.startswith(".qinggao-")]
    assert sorted(files) == sorted(j.output for j in window.model.jobs if j.state == State.EXPORTED)
    assert "已取消" in window.statusBar().currentMessage(), window.statusBar().currentMessage()
    assert took < 3


def test_cancelling_a_big_file_takes_effect_within_a_second(window, drafts, drop, wait_idle, tmp_path, qtbot):
    big = _big(tmp_path / "大文件.txt", sorted(drafts.glob("00*.txt")), 4)
    drop(window, [big])
    qtbot.waitUntil(lambda: window.model.jobs[0].state == State.RUNNING, timeout=10000)
    qtbot.wait(300)  # well inside the cleaning of 4 MB
    t = time.monotonic()
    window.act_cancel.trigger()
    qtbot.waitUntil(window.is_idle, timeout=5000)
    assert time.monotonic() - t < 1.0
    assert window.model.jobs[0].state == State.CANCELLED
