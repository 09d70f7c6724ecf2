"""One PDF page as PDFium sees it: its characters grouped into visual lines (with position, font size, bold,
colour, turn), the ruling lines it draws (for tables) and how much of it images cover (for scans).

Coordinates are PDF points with y turned to grow downwards (top of the page = 0), so lines sort in reading order.
"""
from __future__ import annotations

import ctypes
import math
import re
from dataclasses import dataclass, field
from functools import cache

import pypdfium2.raw as pdfium_c

from ..rules import load_toml

_SPACE = " \u3000\u00a0"


@cache
def settings() -> dict:
    return load_toml("pdf.toml")


@cache
def _bold_font() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in settings()["fonts"]["bold"]), re.IGNORECASE)


@dataclass
class Glyph:
    ch: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    light: bool  # drawn in a light colour or mostly transparent
    turned: bool  # set at an angle (a diagonal watermark)


@dataclass
class VLine:
    """A visual line of one page."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    page: int  # 0-based
    light: bool = False
    turned: bool = False
    lineno: int = 0  # 1-based over the document, set once all pages are read
    glyphs: list[Glyph] = field(default_factory=list, repr=False)

    @property
    def mid(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass
class Segment:
    """A ruling line drawn on the page: horizontal (y0 == y1) or vertical (x0 == x1)."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def horizontal(self) -> bool:
        return abs(self.y1 - self.y0) < abs(self.x1 - self.x0)


@dataclass
class PageScan:
    width: float
    height: float
    lines: list[VLine]
    segments: list[Segment]
    image_cover: float  # share of the page area under images
    invisible_chars: int  # characters drawn invisibly (an OCR layer over a scan)
    visible_chars: int


def _glyphs(tp, height: float) -> tuple[list[Glyph], int]:  # noqa: ANN001 - a PDFium text page
    n = pdfium_c.FPDFText_CountChars(tp)
    cfg = settings()["geometry"]
    light_at, alpha_at = cfg["watermark_light"], cfg["watermark_alpha"]
    turn_at = math.radians(cfg["watermark_angle_deg"])
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    name = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    bold_font = _bold_font()
    fonts: dict[int, tuple[bool, bool, bool]] = {}  # text object -> bold, light, turned
    scale: dict[int, float] = {}  # text object -> the size its glyphs are drawn at
    hidden: dict[int, bool] = {}  # text object -> drawn invisibly (render mode 3: an OCR layer)
    fsize = ctypes.c_float()
    matrix = pdfium_c.FS_MATRIX()
    out: list[Glyph] = []
    invisible = 0
    for i in range(n):
        code = pdfium_c.FPDFText_GetUnicode(tp, i)
        if code in (0, 0xFFFE, 0xFFFF) or pdfium_c.FPDFText_IsGenerated(tp, i):
            continue  # PDFium's own line ends and spaces: the geometry says where lines and gaps are
        ch = "-" if code == 0xAD else chr(code)  # a drawn soft hyphen is the hyphen the page shows ("2014-2020")
        if ch in "\r\n" or (ch.isspace() and ch not in _SPACE):
            continue
        if not pdfium_c.FPDFText_GetLooseCharBox(tp, i, ctypes.byref(_Rect.buf)):
            continue
        loose = _Rect.buf
        if loose.top <= loose.bottom or loose.right <= loose.left:  # a font without metrics: the ink's box
            pdfium_c.FPDFText_GetCharBox(tp, i, left, right, bottom, top)
            loose = pdfium_c.FS_RECTF(left.value, top.value, right.value, bottom.value)
        obj = pdfium_c.FPDFText_GetTextObject(tp, i)
        key = ctypes.cast(obj, ctypes.c_void_p).value or 0
        if key not in hidden:
            hidden[key] = bool(key) and pdfium_c.FPDFTextObj_GetTextRenderMode(obj) == pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE
        invisible += hidden[key]
        style = fonts.get(key)
        if style is None:  # font, colour and turn are the text object's: asked once per object
            weight = pdfium_c.FPDFText_GetFontWeight(tp, i)
            pdfium_c.FPDFText_GetFontInfo(tp, i, name, len(name), ctypes.byref(flags))
            font = name.value.decode("latin-1", "replace")
            bold = weight >= 600 or bool(bold_font.search(font)) or bool(flags.value & (1 << 18))  # ForceBold
            pdfium_c.FPDFText_GetFillColor(tp, i, r, g, b, a)
            light = min(r.value, g.value, b.value) >= light_at or a.value < alpha_at
            angle = pdfium_c.FPDFText_GetCharAngle(tp, i)
            turned = angle > 0 and min(angle % (2 * math.pi), 2 * math.pi - angle % (2 * math.pi)) > turn_at
            style = fonts[key] = (bold, light, turned)
        bold, light, turned = style
        size = scale.get(key)
        if size is None:  # the font size times the text matrix's scale (WPS sets size 209 and scales by 0.05)
            pdfium_c.FPDFTextObj_GetFontSize(obj, ctypes.byref(fsize))
            pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(matrix))
            size = fsize.value * math.sqrt(abs(matrix.a * matrix.d - matrix.b * matrix.c))
            if size <= 0.5:
                size = max(loose.top - loose.bottom, 1.0)
            scale[key] = size
        # an em box around the middle of the font's own box (the same for every glyph of a font, unlike the ink)
        mid = (loose.top + loose.bottom) / 2
        out.append(Glyph(ch, loose.left, loose.right, height - mid - size / 2, height - mid + size / 2, size, bold, light, turned))
    return out, invisible


class _Rect:
    buf = pdfium_c.FS_RECTF()


def _group(glyphs: list[Glyph], page: int) -> list[VLine]:
    """Glyphs into visual lines: a glyph belongs to a line when most of its height lies inside the band of the
    line's first glyph (a raised citation mark stays in its line; a large "文件" set between the two lines of a
    joint letterhead belongs to neither); lines sort top to bottom, glyphs left to right."""
    bands: list[list[Glyph]] = []
    for gl in sorted(glyphs, key=lambda g: (g.top + g.bottom) / 2):
        height = max(gl.bottom - gl.top, 0.1)
        home = None
        for band in reversed(bands[-12:]):
            first = band[0]
            overlap = min(first.bottom, gl.bottom) - max(first.top, gl.top)
            if overlap >= 0.6 * min(height, max(first.bottom - first.top, 0.1)) and gl.turned == first.turned:
                home = band
                break
        if home is None:
            bands.append([gl])
        else:
            home.append(gl)
    out = []
    for band in bands:
        out.extend(_split_far(sorted(band, key=lambda g: g.x0), page))
    out.sort(key=lambda ln: (round(ln.top, 0), ln.x0))
    return out


def _split_far(band: list[Glyph], page: int) -> list[VLine]:
    """One band is one visual line, whatever the gaps in it (an issuer and a date on one line of the 版记, the
    columns of an unruled table): _vline turns a wide gap into a space. Table cells are cut out by glyph later."""
    return [_vline(band, page)] if band else []


def _vline(glyphs: list[Glyph], page: int) -> VLine:
    text: list[str] = []
    prev: Glyph | None = None
    for gl in glyphs:
        if prev is not None:
            gap = gl.x0 - prev.x1
            size = max(min(gl.size, prev.size), 1.0)
            latin = prev.ch.isascii() and gl.ch.isascii() and prev.ch.isalnum() and gl.ch.isalnum()
            if (gap > 0.15 * size and latin) or gap > 0.6 * size:
                text.append(" ")
        if gl.ch in _SPACE:
            text.append(" ")
        else:
            text.append(gl.ch)
        prev = gl
    sizes = sorted(g.size for g in glyphs if g.ch not in _SPACE) or [glyphs[0].size]
    seen = [g for g in glyphs if g.ch not in _SPACE] or glyphs
    return VLine(text=re.sub(r" {2,}", " ", "".join(text)).strip(), x0=min(g.x0 for g in seen),
                 x1=max(g.x1 for g in seen), top=min(g.top for g in seen), bottom=max(g.bottom for g in seen),
                 size=sizes[len(sizes) // 2], bold=all(g.bold for g in seen), page=page,
                 light=all(g.light for g in seen), turned=any(g.turned for g in seen), glyphs=glyphs)


def _segments(page, height: float) -> tuple[list[Segment], float]:  # noqa: ANN001 - a pypdfium2 page
    """Ruling lines (thin rectangles, stroked lines and rectangle edges) and the share of the page images cover."""
    segs: list[Segment] = []
    width = pdfium_c.FPDF_GetPageWidthF(page.raw)
    area = max(width * height, 1.0)
    cover = 0.0
    lb, bb, rb, tb = (ctypes.c_float() for _ in range(4))
    for obj, kind in _objects(page.raw):
        if not pdfium_c.FPDFPageObj_GetBounds(obj, lb, bb, rb, tb):
            continue
        x0, x1, y0, y1 = lb.value, rb.value, height - tb.value, height - bb.value
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            cover += max(0.0, min(x1, width) - max(x0, 0)) * max(0.0, min(y1, height) - max(y0, 0)) / area
            continue
        w, h = x1 - x0, y1 - y0
        if w < 2.5 and h >= 4:
            segs.append(Segment((x0 + x1) / 2, y0, (x0 + x1) / 2, y1))
        elif h < 2.5 and w >= 4:
            segs.append(Segment(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2))
        elif w >= 4 and h >= 4 and pdfium_c.FPDFPath_CountSegments(obj) <= 6:
            # a rectangle (a cell's frame): its four edges
            segs += [Segment(x0, y0, x1, y0), Segment(x0, y1, x1, y1), Segment(x0, y0, x0, y1), Segment(x1, y0, x1, y1)]
        elif w >= 4 and h >= 4:
            segs += _path_edges(obj, height)
    return segs, min(cover, 1.0)


def _objects(page, depth: int = 0):  # noqa: ANN001, ANN202 - PDFium handles
    """(object, type) of the page's paths and images, looking into form XObjects; text objects (most of a page)
    are skipped without building a wrapper for each."""
    wanted = (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_IMAGE)
    count = pdfium_c.FPDFFormObj_CountObjects(page) if depth else pdfium_c.FPDFPage_CountObjects(page)
    for i in range(count):
        obj = pdfium_c.FPDFFormObj_GetObject(page, i) if depth else pdfium_c.FPDFPage_GetObject(page, i)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind in wanted:
            yield obj, kind
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < 4:
            yield from _objects(obj, depth + 1)


def _path_edges(path, height: float) -> list[Segment]:  # noqa: ANN001 - a PDFium path object
    """The straight horizontal and vertical pieces of a path that draws several lines (a whole grid)."""
    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(path, ctypes.byref(m)):
        return []
    x, y = ctypes.c_float(), ctypes.c_float()
    out: list[Segment] = []
    start = last = None
    for i in range(pdfium_c.FPDFPath_CountSegments(path)):
        seg = pdfium_c.FPDFPath_GetPathSegment(path, i)
        if not pdfium_c.FPDFPathSegment_GetPoint(seg, x, y):
            continue
        px, py = m.a * x.value + m.c * y.value + m.e, height - (m.b * x.value + m.d * y.value + m.f)
        kind = pdfium_c.FPDFPathSegment_GetType(seg)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO or last is None:
            start = last = (px, py)
            continue
        if kind == pdfium_c.FPDF_SEGMENT_LINETO:
            _edge(out, last, (px, py))
            if pdfium_c.FPDFPathSegment_GetClose(seg) and start is not None:
                _edge(out, (px, py), start)
        last = (px, py)
    return out


def _edge(out: list[Segment], a: tuple[float, float], b: tuple[float, float]) -> None:
    if abs(a[1] - b[1]) < 1.0 and abs(a[0] - b[0]) >= 4:
        out.append(Segment(min(a[0], b[0]), a[1], max(a[0], b[0]), a[1]))
    elif abs(a[0] - b[0]) < 1.0 and abs(a[1] - b[1]) >= 4:
        out.append(Segment(a[0], min(a[1], b[1]), a[0], max(a[1], b[1])))


def scan_page(pdf, index: int) -> PageScan:  # noqa: ANN001 - a pypdfium2 PdfDocument
    page = pdf[index]
    try:
        width, height = page.get_size()
        tp = page.get_textpage()
        try:
            glyphs, invisible = _glyphs(tp.raw, height)
        finally:
            tp.close()
        segs, cover = _segments(page, height)
    finally:
        page.close()
    visible = len(glyphs) - invisible
    return PageScan(width, height, _group(glyphs, index), segs, cover, invisible, visible)
