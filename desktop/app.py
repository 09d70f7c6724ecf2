"""Entry point for `qinggao-gui [FILE...]`: one window per user, files from the command line queued.

Windows "Open with" and "Send to" start `qinggao-gui FILE...`; when a window is already open the files go to
its queue (single_instance) and this process exits. Logging goes to a file in the app-data folder, since a
windowed build has no console (sys.stdout/sys.stderr are None there).
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import tempfile
import time
import traceback
from pathlib import Path

T0 = time.perf_counter()
log = logging.getLogger("qinggao.app")
APP_NAME = "QingGao"


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="qinggao-gui", description="清稿 QingGao")
    p.add_argument("files", nargs="*", help="files or folders to queue")
    p.add_argument("--selftest", action="store_true", help="check the install (core, Qt, resources) and exit")
    p.add_argument("--new-instance", action="store_true", help="do not hand the files to a running window")
    # for tests and the screenshot tool
    p.add_argument("--ready-file", type=Path, help=argparse.SUPPRESS)
    p.add_argument("--screenshot", type=Path, help=argparse.SUPPRESS)
    p.add_argument("--select", type=int, default=None, help=argparse.SUPPRESS)
    p.add_argument("--block", type=int, default=None, help=argparse.SUPPRESS)
    p.add_argument("--export", action="store_true", help=argparse.SUPPRESS)
    # review set-ups for the docs' pictures: "type:TEXT" (typed at the block's start), "replace:FIND=REPL",
    # "placeholders" (the panel open on the first "X")
    p.add_argument("--show", action="append", default=[], help=argparse.SUPPRESS)
    p.add_argument("--quit", action="store_true", help=argparse.SUPPRESS)
    return p


def app_icon():
    from PySide6.QtGui import QIcon

    from core.resources import resource

    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        png = resource("icons", f"qinggao-{size}.png")
        if png.exists():
            icon.addFile(str(png))
    svg = resource("icons", "qinggao.svg")
    if icon.isNull() and svg.exists():
        icon.addFile(str(svg))
    return icon


def selftest() -> int:
    """Prove the install works: core (jieba, DOCX), Qt modules and plugins, translations and icon."""
    from core.resources import resource
    from core.selftest import run_selftest

    problems = []
    try:
        from PySide6 import QtCore, QtGui, QtNetwork, QtWidgets  # noqa: F401
    except ImportError as e:
        problems.append(f"Qt import: {e}")
    for rel in (("translations", "qinggao_en.qm"), ("icons", "qinggao.svg")):
        if not resource(*rel).exists():
            problems.append(f"missing resource {'/'.join(rel)}")
    if not problems:
        from .qtcheck import binding_ok, refcount_drift

        if not binding_ok():
            problems.append(f"the Qt binding loses references ({refcount_drift()}); use PySide6 < 6.12")
    if not problems:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        try:
            from PySide6.QtCore import QSettings
            from PySide6.QtWidgets import QApplication

            from .main_window import MainWindow
            from .settings import Settings

            app = QApplication.instance() or QApplication([sys.argv[0]])
            with tempfile.TemporaryDirectory() as tmp:
                w = MainWindow(Settings(QSettings(str(Path(tmp) / "t.ini"), QSettings.Format.IniFormat)))
                w.close()
                del w
            del app
        except Exception as e:  # noqa: BLE001 - reported, not raised
            problems.append(f"window: {type(e).__name__}: {e}")
    rc = run_selftest()
    for p in problems:
        log.error("selftest: %s", p)
        if sys.stderr:
            print(f"selftest: {p}", file=sys.stderr)
    ok = rc == 0 and not problems
    log.info("gui selftest %s", "ok" if ok else "FAILED")
    if sys.stderr:
        print("gui selftest ok" if ok else "gui selftest FAILED", file=sys.stderr)
    return 0 if ok else 1


def _excepthook(exc_type, exc, tb) -> None:
    """An unexpected error: full details to the log, a readable note (never a traceback) on screen."""
    log.error("uncaught exception:\n%s", "".join(traceback.format_exception(exc_type, exc, tb)))
    try:
        from PySide6.QtWidgets import QApplication, QMessageBox

        from .paths import log_file

        if QApplication.instance() is not None:
            QMessageBox.warning(None, "清稿 QingGao",
                                f"出现了意外错误，已记录到日志，当前操作可能没有完成。\n"
                                f"An unexpected error occurred; it was written to the log.\n\n{log_file()}")
    except Exception:  # noqa: BLE001 - never fail while reporting a failure
        pass


def _write_ready(path: Path, window, queued: int) -> None:
    data = {"pid": os.getpid(), "queued": queued, "rows": window.model.rowCount(),
            "elapsed_s": round(time.perf_counter() - T0, 3), "visible": window.isVisible()}
    tmp = path.with_suffix(path.suffix + ".part")
    tmp.write_text(json.dumps(data), encoding="utf-8")
    os.replace(tmp, path)
    log.info("window ready after %.2f s with %d file(s) queued", data["elapsed_s"], queued)


def _screenshot_when_idle(app, window, args) -> None:
    """Wait for the batch, optionally export and select a row, then save a PNG of the window."""
    from PySide6.QtCore import QTimer

    state = {"exported": False}

    def tick() -> None:
        if not window.is_idle():
            QTimer.singleShot(200, tick)
            return
        if args.export and not state["exported"]:
            state["exported"] = True
            if window.export_pending():
                QTimer.singleShot(200, tick)
                return
        if args.select is not None and window.model.rowCount() > args.select:
            window.select_job(window.model.jobs[args.select])
        if args.block is not None:  # put the review's cursor on a block: its source lines light up on the left
            QTimer.singleShot(300, lambda: window.review.page.select_block(args.block))
        if args.show:
            QTimer.singleShot(500, lambda: _set_up_review(window, args.show))
        QTimer.singleShot(1200, shoot)

    def shoot() -> None:
        args.screenshot.parent.mkdir(parents=True, exist_ok=True)
        screen = window.screen()
        pix = screen.grabWindow(0, window.frameGeometry().x(), window.frameGeometry().y(),
                                window.frameGeometry().width(), window.frameGeometry().height()) \
            if os.environ.get("QT_QPA_PLATFORM", "") != "offscreen" else window.grab()
        if pix.isNull() or pix.width() < 10:
            pix = window.grab()
        pix.save(str(args.screenshot))
        log.info("screenshot saved to %s", args.screenshot)
        if args.quit:
            window.ask_unexported = lambda n: "discard"  # a picture run: the session keeps the work anyway
            window.close()
            app.quit()

    QTimer.singleShot(300, tick)


def _set_up_review(window, shows: list[str]) -> None:
    review = window.review
    for show in shows:
        kind, _, value = show.partition(":")
        if kind == "type" and review.editable():
            review.page.textCursor().insertText(value)
            review.commit_typing()
        elif kind == "replace":
            find, _, repl = value.partition("=")
            review.find_bar.open(True)
            review.find_bar.find.setText(find)
            review.find_bar.repl.setText(repl)
            review.find_bar.find_next()
        elif kind == "placeholders":
            review.actions_["placeholders"].setChecked(True)
            review._toggle_placeholders()
            panel = review.placeholders
            row = next((k for k, s in enumerate(panel.spots) if s.text == value), 0)
            panel.list.setCurrentRow(row)
            panel.value.setText("椒江")


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from .logs import setup_logging

    log_path = setup_logging()
    sys.excepthook = _excepthook
    log.info("qinggao-gui starting: %s (log %s)", argv, log_path)
    if "--selftest" in argv:
        return selftest()

    from PySide6.QtCore import QCoreApplication, Qt, QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    if sys.platform == "win32":  # taskbar groups and shows our icon, not python's
        try:
            import ctypes

            ctypes.windll.shell32.SetCurrentProcessExplicitAppUserModelID("QingGao.QingGao")
        except Exception:  # noqa: BLE001
            pass
    created = QApplication.instance() is None
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "qinggao-gui", *argv])
    # Qt took its own options (-platform, -style ...) out of app.arguments(); the rest are ours
    args, _unknown = build_parser().parse_known_args(app.arguments()[1:] if created else argv)
    files = [str(Path(f).absolute()) for f in args.files]

    from .single_instance import InstanceServer, default_name, send_to_running

    name = os.environ.get("QINGGAO_INSTANCE") or default_name()
    if not args.new_instance and send_to_running(name, files):
        log.info("handed %d file(s) to the running window", len(files))
        return 0
    server = InstanceServer(name, app)
    server.listen()

    from . import i18n
    from .main_window import MainWindow
    from .settings import Settings

    settings = Settings()
    lang = i18n.install(app, settings.language)
    QGuiApplication.setApplicationDisplayName("清稿" if lang == "zh" else "QingGao")
    app.setWindowIcon(app_icon())
    window = MainWindow(settings)
    server.files_received.connect(window.activate_from_other_launch)
    window.show()
    queued = window.add_paths(files) if files else 0

    from core.segment import warm_up_in_background

    from .worker import warm_up

    # the pipeline's modules and the word index (core.segment) load in threads while the clerk looks at the window
    QTimer.singleShot(100, lambda: (warm_up(), warm_up_in_background()))
    if args.ready_file:
        QTimer.singleShot(0, lambda: _write_ready(args.ready_file, window, queued))
    if args.screenshot:
        _screenshot_when_idle(app, window, args)
    rc = app.exec()
    server.close()
    log.info("qinggao-gui exits with %d", rc)
    return rc


if __name__ == "__main__":
    sys.exit(main())
