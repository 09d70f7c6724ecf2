"""The entry point: single instance, logging without a console, language, the real X launch."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt, QTranslator
from qg_paths import needs_xvfb

from desktop import i18n
from desktop.jobs import State
from desktop.paths import log_file
from desktop.single_instance import InstanceServer
from desktop.tools import update_ts

ROOT = Path(__file__).resolve().parents[2]


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT), **extra)
    return env


def test_a_second_launch_hands_its_files_to_the_running_window(window, drafts, wait_idle, qtbot):
    server = InstanceServer(os.environ["QINGGAO_INSTANCE"], window)
    assert server.listen()
    server.files_received.connect(window.activate_from_other_launch)
    seed = drafts / "001_68aa153ba2736ca8.txt"
    with qtbot.waitSignal(server.files_received, timeout=20000) as got:
        proc = subprocess.Popen([sys.executable, "-m", "desktop.app", str(seed)], env=_env(), cwd=ROOT)
    assert got.args == [[str(seed)]]
    assert proc.wait(20) == 0  # the second launch exits once the first took the files
    wait_idle(window)
    assert [j.path for j in window.model.jobs] == [seed] and window.model.jobs[0].state == State.DONE
    server.close()


def test_selftest_runs_without_console_streams_and_logs_to_a_file(isolated_user):
    """A windowed Windows build has sys.stdout and sys.stderr set to None."""
    code = ("import sys\nsys.stdout = None\nsys.stderr = None\n"
            "from desktop.app import main\nraise SystemExit(main(['--selftest']))\n")
    r = subprocess.run([sys.executable, "-c", code], env=_env(), cwd=ROOT, capture_output=True, timeout=120)
    assert r.returncode == 0, r.stderr.decode("utf-8", "replace")
    assert r.stdout == b""  # nothing went to the missing console...
    log = log_file().read_text(encoding="utf-8")  # ...it is all in the log (QINGGAO_HOME is the test's)
    assert "gui selftest ok" in log and "selftest ok" in log


def test_language_follows_the_system_locale(qapp):
    assert i18n.pick_language("auto", QLocale("zh_CN")) == "zh"
    assert i18n.pick_language("auto", QLocale("zh_TW")) == "zh"
    assert i18n.pick_language("auto", QLocale("en_US")) == "en"
    assert i18n.pick_language("auto", QLocale("de_DE")) == "en"
    assert i18n.pick_language("zh", QLocale("en_US")) == "zh"


def test_the_english_ui(make_window, qapp):
    assert i18n.install(qapp, "auto", QLocale("en_GB")) == "en"
    try:
        w = make_window()
        assert w.act_add_files.text() == "Add files" and w.act_paste.text() == "Paste text"
        assert w.model.headerData(0, Qt.Orientation.Horizontal) == "File"
        assert w.review.actions_["restore"].text() == "Restore line"
    finally:
        assert i18n.install(qapp, "zh") == "zh"
    assert make_window().act_add_files.text() == "添加文件"


def test_every_ui_string_is_translated_and_the_qm_is_current(qapp):
    messages = update_ts.collect()
    ts = update_ts.read_ts()
    assert len(messages) > 100
    missing = [m.source for m in messages if not ts.get((m.context, m.source), ("", False))[1]]
    assert missing == [], "run: python -m desktop.tools.update_ts, then translate"
    for m in messages:  # placeholders survive translation
        for ph in ("{n}", "{p}", "{t}", "{name}", "{title}", "{date}"):
            assert (ph in m.source) == (ph in ts[(m.context, m.source)][0]), (m.source, ph)
    t = QTranslator()
    assert t.load(str(update_ts.QM))
    stale = [m.source for m in messages if t.translate(m.context, m.source) != ts[(m.context, m.source)][0]]
    assert stale == [], "the .qm is older than the .ts: run python -m desktop.tools.update_ts"


def test_logging_setup_survives_missing_streams(monkeypatch, isolated_user):
    import logging

    from desktop import logs

    root = logging.getLogger()
    saved = root.handlers[:]
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    try:
        path = logs.setup_logging()
        print("a library printing to the missing console")  # must not raise
        sys.stderr.write("a warning written to stderr\n")
        logging.getLogger("qinggao.test").warning("到日志里去")
        for h in root.handlers:
            h.flush()
        text = path.read_text(encoding="utf-8")
        assert "到日志里去" in text and "a warning written to stderr" in text
    finally:
        for h in root.handlers[:]:
            if h not in saved:
                root.removeHandler(h)
                h.close()


@pytest.mark.slow
@needs_xvfb
def test_qinggao_gui_opens_on_a_real_x_display_with_files_queued(tmp_path, drafts):
    from desktop.tools.xvfb import gui_env, xvfb

    exe = Path(sys.executable).with_name("qinggao-gui")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "desktop.app"]
    files = sorted(drafts.glob("00[01]_*.txt"))
    ready = tmp_path / "ready.json"
    with xvfb() as display:
        env = gui_env(display, tmp_path / "home")
        t0 = time.monotonic()
        proc = subprocess.Popen([*cmd, *map(str, files), "--ready-file", str(ready)], env=env, cwd=tmp_path)
        try:
            while not ready.exists() and time.monotonic() - t0 < 15 and proc.poll() is None:
                time.sleep(0.02)
            took = time.monotonic() - t0
            assert ready.exists(), f"no window (exit code {proc.poll()})"
            info = json.loads(ready.read_text(encoding="utf-8"))
            assert info["queued"] == 2 and info["rows"] == 2 and info["visible"]
            assert took < 3.0, f"took {took:.2f} s"
            # the window is really mapped on the X server, under its title
            if shutil.which("xwininfo"):
                tree = subprocess.run(["xwininfo", "-root", "-tree"], env=env, capture_output=True, text=True,
                                      timeout=10).stdout
                assert "QingGao" in tree
        finally:
            proc.terminate()
            proc.wait(10)
    log = (tmp_path / "home" / "appdata" / "logs" / "qinggao.log").read_text(encoding="utf-8")
    assert "window ready after" in log


def test_a_crashed_instance_does_not_block_the_next_one(qapp, isolated_user):
    """A killed window leaves its socket file behind (Unix); the next launch takes the name over."""
    name = os.environ["QINGGAO_INSTANCE"] + "-stale"
    code = ("import sys, time\nfrom PySide6.QtCore import QCoreApplication\nfrom PySide6.QtNetwork import QLocalServer\n"
            f"app = QCoreApplication([])\ns = QLocalServer()\nassert s.listen({name!r})\nprint('up', flush=True)\n"
            "time.sleep(60)\n")
    proc = subprocess.Popen([sys.executable, "-c", code], env=_env(), stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "up"
    proc.kill()
    proc.wait(10)
    server = InstanceServer(name)
    try:
        assert server.listen()
    finally:
        server.close()


def test_closing_the_window_during_a_batch_stops_the_work(make_window, drafts, drop, qtbot):
    import shutil as _shutil

    big = drafts.parent / "many"
    big.mkdir()
    for i in range(150):
        _shutil.copy(drafts / "000_b4075a6b7c439fa0.txt", big / f"{i:03d}.txt")
    w = make_window()
    drop(w, [big])
    qtbot.waitUntil(lambda: any(j.state == State.DONE for j in w.model.jobs), timeout=30000)
    t = time.monotonic()
    w.close()
    assert time.monotonic() - t < 6  # running files stop at their next stage; the rest never start
    assert w.dispatcher.pool.activeThreadCount() == 0
    assert sum(j.state == State.DONE for j in w.model.jobs) < 150
