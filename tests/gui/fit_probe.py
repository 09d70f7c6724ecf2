"""Run by test_layout_fit.py in a fresh process (QT_SCALE_FACTOR must be set before Qt starts): open the window
on a 1366x768 screen with one file queued and selected, print its sizes as JSON."""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path


def main() -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, os.environ["PROBE_CONFIG"])
    from desktop import i18n
    from desktop.main_window import MainWindow
    from desktop.settings import Settings

    i18n.install(app, "zh")
    w = MainWindow(Settings())
    w.ask_unexported = lambda n: "discard"
    w.show()
    w.add_paths([Path(sys.argv[1])])
    t = time.monotonic()
    while (not w.is_idle() or w.model.jobs[0].doc is None) and time.monotonic() - t < 60:
        app.processEvents()
        time.sleep(0.02)
    w.select_job(w.model.jobs[0])
    if len(sys.argv) > 2:
        w.review.actions_[sys.argv[2]].trigger()
    for _ in range(30):
        app.processEvents()
        time.sleep(0.01)
    avail = w.screen().availableGeometry()
    print(json.dumps({"min_w": w.minimumSizeHint().width(), "min_h": w.minimumSizeHint().height(),
                      "w": w.frameGeometry().width(), "h": w.frameGeometry().height(),
                      "x": w.frameGeometry().x(), "y": w.frameGeometry().y(),
                      "dpr": w.screen().devicePixelRatio(), "avail_w": avail.width(), "avail_h": avail.height(),
                      "summary": w.review.summary.full_text()}, ensure_ascii=False))
    w.close()


if __name__ == "__main__":
    main()
