"""A one-line label that never asks for more width than it gets: long text is elided, the whole text is its
tooltip (the review's summary and the status line, which used to set the window's minimum width)."""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy


class ElidedLabel(QLabel):
    def __init__(self, parent=None, mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight):
        super().__init__(parent)
        self._full = ""
        self._mode = mode
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setTextFormat(Qt.TextFormat.PlainText)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        self._full = text or ""
        self._elide()

    def full_text(self) -> str:
        return self._full

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(self.fontMetrics().horizontalAdvance("…") * 4, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(min(self.fontMetrics().horizontalAdvance(self._full) + 8, 400), super().sizeHint().height())

    def resizeEvent(self, e) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(e)
        self._elide()

    def _elide(self) -> None:
        line = self._full.replace("\n", " ")
        shown = self.fontMetrics().elidedText(line, self._mode, max(0, self.width() - 2))
        super().setText(shown)
        self.setToolTip(self._full if shown != line else "")
