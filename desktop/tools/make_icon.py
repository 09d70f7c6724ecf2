"""Draw the app icon — "清" in a red seal square — as an SVG (glyph as a path, so no font is needed to show it)
and PNGs for the window and the packager's .ico; render the hand-drawn toolbar icons (options.svg, log.svg) to
PNGs too, so a build without Qt's SVG plugin still shows them.

    python -m desktop.tools.make_icon        (writes resources/icons/qinggao.svg, qinggao-<size>.png, and
                                              options-<size>.png, log-<size>.png)
"""
from __future__ import annotations

import sys

from PySide6.QtCore import QByteArray, QPointF, QRectF
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPainterPath
from PySide6.QtSvg import QSvgRenderer

from core.resources import resource

SIZES = (16, 24, 32, 48, 64, 128, 256)
RED = "#c8161d"  # 印泥红
FONTS = ["Noto Serif CJK SC", "Source Han Serif SC", "SimSun"]


def glyph_path(char: str, box: float) -> QPainterPath:
    font = QFont()
    font.setFamilies(FONTS)
    font.setWeight(QFont.Weight.Black)
    font.setPixelSize(100)
    path = QPainterPath()
    path.addText(QPointF(0, 0), font, char)
    r = path.boundingRect()
    scale = box / max(r.width(), r.height())
    out = QPainterPath()
    for poly in path.toFillPolygons():
        pts = [QPointF((p.x() - r.center().x()) * scale + 128, (p.y() - r.center().y()) * scale + 128) for p in poly]
        out.moveTo(pts[0])
        for p in pts[1:]:
            out.lineTo(p)
        out.closeSubpath()
    return out


def svg_text() -> str:
    path = glyph_path("清", 150)
    d = []
    for i in range(path.elementCount()):
        e = path.elementAt(i)
        d.append(f"{'M' if e.isMoveTo() else 'L'}{e.x:.1f} {e.y:.1f}")
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 256 256" width="256" height="256">\n'
        '  <title>清稿 QingGao</title>\n'
        f'  <rect x="8" y="8" width="240" height="240" rx="28" fill="{RED}"/>\n'
        '  <rect x="24" y="24" width="208" height="208" rx="14" fill="none" stroke="#ffffff" stroke-width="6"/>\n'
        f'  <path fill="#ffffff" fill-rule="nonzero" d="{" ".join(d)}Z"/>\n'
        '</svg>\n')


TOOL_ICONS = ("options", "log", "info")
TOOL_SIZES = (16, 24, 32, 48)


def render_png(svg: str, size: int, path) -> None:
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    img = QImage(size, size, QImage.Format.Format_ARGB32)
    img.fill(QColor(0, 0, 0, 0))
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(p, QRectF(0, 0, size, size))
    p.end()
    img.save(str(path))


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    svg = svg_text()
    out = resource("icons")
    out.mkdir(parents=True, exist_ok=True)
    (out / "qinggao.svg").write_text(svg, encoding="utf-8")
    for size in SIZES:
        render_png(svg, size, out / f"qinggao-{size}.png")
    for name in TOOL_ICONS:
        drawn = (out / f"{name}.svg").read_text(encoding="utf-8")
        for size in TOOL_SIZES:
            render_png(drawn, size, out / f"{name}-{size}.png")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
