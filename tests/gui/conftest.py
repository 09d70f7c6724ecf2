"""Fixtures for the desktop tests: real Qt (offscreen), settings and app data redirected to a temp dir."""
from __future__ import annotations

import os
import shutil
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from qg_paths import need

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QMimeData, QPoint, QPointF, QSettings, QStandardPaths, Qt, QUrl  # noqa: E402
from PySide6.QtGui import QDragEnterEvent, QDropEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture(autouse=True)
def isolated_user(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """QSettings INI files, the app-data folder (log, pasted text) and Documents all live under tmp_path."""
    home = tmp_path / "user"
    (home / "config").mkdir(parents=True)
    monkeypatch.setenv("QINGGAO_HOME", str(home / "appdata"))
    monkeypatch.setenv("QINGGAO_INSTANCE", f"qinggao-test-{os.getpid()}-{tmp_path.name}")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(home / "config"))
    QStandardPaths.setTestModeEnabled(True)
    return home


@pytest.fixture()
def make_window(qtbot) -> Iterator:
    """Build the real main window (as many times as a test needs, e.g. to restart it)."""
    from desktop.main_window import MainWindow
    from desktop.settings import Settings

    made = []
    interval = sys.getswitchinterval()  # the dispatcher shortens it for the UI's sake; other tests keep theirs

    def make(threads: int = 1) -> MainWindow:
        w = MainWindow(Settings(), threads=threads)
        # closing with unexported work asks (导出/不导出/取消); tests that check the prompt put it back
        w.ask_unexported = lambda n: "discard"
        w.ask_existing = lambda names: "suffix"  # an earlier output of that name: a new name (test_existing_outputs asks)
        qtbot.addWidget(w)
        w.show()
        made.append(w)
        return w

    yield make
    for w in made:
        if w.dispatcher.busy:
            w.dispatcher.cancel()
        w.dispatcher.wait(20000)
    sys.setswitchinterval(interval)


@pytest.fixture()
def window(make_window):
    return make_window()


@pytest.fixture()
def drafts(tmp_path: Path) -> Path:
    """A folder holding real drafts: the five dev seeds (TXT) and two saved HTML pages."""
    need("corpus")
    d = tmp_path / "drafts"
    d.mkdir()
    for f in sorted((CORPUS / "dev").glob("*.txt")):
        shutil.copy(f, d / f.name)
    for name in ("gne__people.html", "magic__5da9b27b0b9b53ae.html"):
        shutil.copy(CORPUS / "html" / name, d / name)
    return d


def drop(target: QWidget, paths: list[Path] | None = None, text: str | None = None) -> QDropEvent:
    """Deliver a real drag-enter + drop of file URLs (or text) the way Qt does: sendEvent, not a mouse drag."""
    md = QMimeData()
    if paths:
        md.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    if text:
        md.setText(text)
    pos = QPoint(target.width() // 2, target.height() // 2)
    with warnings.catch_warnings():  # PySide marks the QPoint constructor deprecated; it is the only one
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(pos, Qt.DropAction.CopyAction, md, Qt.MouseButton.LeftButton,
                                Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted(), "the window refused the drag"
    ev = QDropEvent(QPointF(pos), Qt.DropAction.CopyAction, md, Qt.MouseButton.LeftButton,
                    Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, ev)
    return ev


def wait_idle(qtbot, window, timeout: int = 60000) -> None:
    qtbot.waitUntil(window.is_idle, timeout=timeout)
    qtbot.wait(20)  # let the last queued results reach the model


def docx_text(path: Path) -> str:
    import docx

    d = docx.Document(str(path))
    return "\n".join(p.text for p in d.paragraphs)


@pytest.fixture(name="drop")
def drop_fixture():
    return drop


@pytest.fixture(name="wait_idle")
def wait_idle_fixture(qtbot):
    return lambda window, timeout=60000: wait_idle(qtbot, window, timeout)


@pytest.fixture(name="docx_text")
def docx_text_fixture():
    return docx_text


@pytest.fixture()
def corpus() -> Path:
    need("corpus")
    return CORPUS
