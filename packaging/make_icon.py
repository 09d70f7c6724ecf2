"""Make packaging/qinggao.ico, the icon of the executables, the installer and its shortcuts.

It packs the app's own icon images (resources/icons/qinggao-<size>.png, the ones the window uses) so the
.exe, the Start-menu shortcut and the running window look the same. Without them it draws a stand-in with Qt:
the character 清 on a seal-red square. Run it when the icon changes; the .ico is committed, so a release
build needs neither Pillow nor fonts.

    .venv/bin/python packaging/make_icon.py
"""
from __future__ import annotations

import io
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ICONS = HERE.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def draw(size: int) -> bytes:
    """PNG bytes of the stand-in icon at one size (each size drawn, not scaled, so 16 px stays crisp)."""
    from PySide6.QtCore import QBuffer, QIODevice, QRectF, Qt
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
    buf = QBuffer()
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    img.save(buf, "PNG")
    return bytes(buf.data())


def main() -> int:
    from PIL import Image  # Qt's ICO writer stores a single image; Pillow packs all sizes into one file

    pngs = [ICONS / f"qinggao-{s}.png" for s in SIZES]
    if all(p.exists() for p in pngs):
        images = [Image.open(p).convert("RGBA") for p in pngs]
        origin = f"packed from {ICONS}"
    else:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtGui import QGuiApplication

        app = QGuiApplication(sys.argv[:1])  # noqa: F841 - fonts need an application
        images = [Image.open(io.BytesIO(draw(s))).convert("RGBA") for s in SIZES]
        origin = "drawn (resources/icons has no qinggao-<size>.png set)"
    out = HERE / "qinggao.ico"
    images[-1].save(out, format="ICO", sizes=[im.size for im in images], append_images=images[:-1])
    print(f"{out}: {origin}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
