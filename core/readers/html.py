"""Saved HTML pages (and .mht web archives): the page's main text as lines with bold/alignment/tag hints.

decode (html_decode) -> drop what is never text (html_clean) -> choose the main block (html_main)
-> lay out lines (html_emit). The page <title> goes to doc.title_hint only."""
from __future__ import annotations

from bs4 import BeautifulSoup

from ..errors import QingGaoError
from ..model import Document, Line, Warning
from . import guard
from .html_clean import strip_page
from .html_decode import decode_html, html_from_mht, is_mht
from .html_emit import emit, to_lines
from .html_leftout import close_open_comment, comment_warning, left_out
from .html_main import find_main
from .html_rules import hints
from .txt import LOW_CONFIDENCE

BANNER_MAX = 80


def _banners_after(soup: BeautifulSoup, body: list, last_lineno: int) -> list[Line]:
    """A truncation banner ("全文共5268字，当前试读1860字") the page sets just below the article, outside the
    block chosen as its main text: kept as a line so strip_noise turns it into a gap where the text stops."""
    from ..rules import noise_rules
    banners = [r for r in noise_rules() if r.kind == "gap"]
    order = {id(el): i for i, el in enumerate(soup.descendants)}
    end = max((order.get(id(el), -1) for n in body for el in [n, *n.descendants]), default=-1)
    out: list[Line] = []
    for s in soup.find_all(string=True):
        t = " ".join(s.split())
        if order.get(id(s), -1) > end and 0 < len(t) <= BANNER_MAX and any(r.regex.search(t) for r in banners):
            out.append(Line(t, last_lineno + len(out) + 1, para=10**6 + len(out)))
            if len(out) >= 2:
                break
    return out


def read_html(data: bytes, name: str) -> Document:
    declared = None
    fmt = "html"
    if is_mht(data):
        part = html_from_mht(data)
        if part is None:
            raise QingGaoError(name, "这个网页存档（.mht）里没有网页内容。请在浏览器中重新打开原网页，另存为“网页，仅 HTML”再处理。",
                               "this web archive (.mht) holds no HTML page; open the page in a browser again and "
                               "save it as 'Webpage, HTML only'.")
        data, declared = part
        fmt = "mht"
    data, hidden = close_open_comment(data)  # an unclosed "<!--" would hide the rest of the page
    text, enc, conf = decode_html(data, declared)
    soup = BeautifulSoup(text, "lxml")
    guard.check_frames(soup, name)
    title = " ".join(soup.title.get_text().split()) if soup.title else None
    h = hints()
    strip_page(soup, h)
    # the whole document, not soup.body: a stray </html> mid-page (中国政府网 does this) puts the rest outside <body>
    main = find_main(soup, h, title)
    nodes = (main.headline + main.nodes) if main else [soup]
    doc = Document(source=name, format=fmt, encoding=enc, encoding_confidence=round(conf, 2), title_hint=title or None)
    doc.lines = to_lines(emit(nodes))
    if main:
        doc.lines += _banners_after(soup, main.nodes, len(doc.lines))
        missed = left_out(soup, main.headline + main.nodes, sum(len(ln.text) for ln in doc.lines))
        if missed:
            doc.warnings.append(missed)
    if hidden:
        doc.warnings.append(comment_warning(hidden))
    if conf < LOW_CONFIDENCE:
        doc.warnings.append(Warning("encoding", f"网页编码识别把握不大（{enc}，{conf:.0%}），请核对文字是否乱码。"))
    if not doc.lines:
        raise QingGaoError(name, "网页里没有找到正文文字，内容可能由脚本在浏览器里动态加载。请在浏览器中打开网页，"
                                 "选中正文复制，粘贴到记事本另存为 TXT 再处理。",
                           "no body text found in the page; its content is probably loaded by scripts in the "
                           "browser. Open the page in a browser, copy the text, paste it into Notepad, save it as "
                           "TXT and process that.")
    return doc
