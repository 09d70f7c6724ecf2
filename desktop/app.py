"""Entry point for `qinggao-gui` (placeholder window until the GUI lands)."""
from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication(sys.argv if argv is None else argv)
    w = QLabel("清稿 QingGao")
    w.resize(800, 600)
    w.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
