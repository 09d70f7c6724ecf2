"""The window's place on the screen, remembered as fractions of the screen's free area (not pixels), so a size
saved at 100 % comes back the same share of the screen at 150 % or on a smaller laptop; always clamped to fit."""
from __future__ import annotations

import json

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def available(window: QWidget) -> QRect:
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen else QRect(0, 0, 1200, 720)


def save_state(window: QWidget) -> str:
    avail = available(window)
    g = window.normalGeometry() if window.isMaximized() else window.geometry()
    return json.dumps({"x": round((g.x() - avail.x()) / avail.width(), 4),
                       "y": round((g.y() - avail.y()) / avail.height(), 4),
                       "w": round(g.width() / avail.width(), 4), "h": round(g.height() / avail.height(), 4),
                       "max": window.isMaximized()})


def restore_state(window: QWidget, saved: str, default: tuple[int, int]) -> None:
    """Place `window` as saved (or at `default` size, centred), inside the screen's free area."""
    avail = available(window)
    try:
        d = json.loads(saved) if saved else {}
        w, h = round(float(d["w"]) * avail.width()), round(float(d["h"]) * avail.height())
        x, y = avail.x() + round(float(d["x"]) * avail.width()), avail.y() + round(float(d["y"]) * avail.height())
        maximized = bool(d.get("max"))
    except (ValueError, KeyError, TypeError):
        w, h = default
        x, y = avail.x() + (avail.width() - w) // 2, avail.y() + (avail.height() - h) // 2
        maximized = False
    fw = window.frameGeometry().width() - window.geometry().width()  # the title bar and borders count too
    fh = window.frameGeometry().height() - window.geometry().height()
    if not window.isVisible() and not (fw or fh):  # not shown yet: leave room for a usual title bar and border
        fw, fh = 8, 32
    w, h = clamp_size(window, min(w, avail.width() - fw), min(h, avail.height() - fh))
    x = min(max(x, avail.x()), avail.right() - w - fw + 1)
    y = min(max(y, avail.y()), avail.bottom() - h - fh + 1)
    window.resize(w, h)
    window.move(x, y)
    if maximized:
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)


def clamp_size(window: QWidget, w: int, h: int) -> tuple[int, int]:
    avail = available(window)
    mins = window.minimumSizeHint()
    return (max(min(w, avail.width()), min(mins.width(), avail.width())),
            max(min(h, avail.height()), min(mins.height(), avail.height())))
