"""Draw the application icon (packaging/qinggao.ico) with Qt: the character 清 on a seal-red square.

Run once when the design changes; the .ico is committed so a release build needs no fonts or Qt tricks.
Each size is drawn by Qt (crisp small sizes) and Pillow packs them into one .ico (Qt's ICO writer stores one).
If the GUI engineer later adds resources/icons/qinggao.ico, the spec uses that one instead.

    .venv/bin/python packaging/make_icon.py
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SIZES = (16, 24, 32, 48, 64, 128, 256)


def draw(size: int):
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPainterPath

    img = QImage(size, size, QImage.Format.Format_ARGB32)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    path = QPainterPath()
    path.addRoundedRect(QRectF(0.5, 0.5, size - 1, size - 1), size * 0.18, size * 0.18)
    p.fillPath(path, QColor("#c0262d"))  # the red of an official seal / 红头
    font = QFont()
    font.setFamilies(["Noto Serif CJK SC", "Noto Sans CJK SC", "SimSun", "Microsoft YaHei"])
    font.setPixelSize(int(size * 0.72))
    font.setBold(True)
    p.setFont(font)
    p.setPen(QColor("#ffffff"))
    p.drawText(QRectF(0, 0, size, size - size * 0.04), Qt.AlignmentFlag.AlignCenter, "清")
    p.end()
    return img


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import io

    from PIL import Image
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - fonts need an application
    images = []
    for s in SIZES:
        buf = QBuffer()
        buf.open(QIODevice.OpenModeFlag.WriteOnly)
        draw(s).save(buf, "PNG")
        images.append(Image.open(io.BytesIO(bytes(buf.data()))).convert("RGBA"))
    out = HERE / "qinggao.ico"
    big = images[-1]
    big.save(out, format="ICO", sizes=[im.size for im in images], append_images=images[:-1])
    big.save(HERE / "qinggao.png")
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
