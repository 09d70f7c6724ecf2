"""The DOCX zip: parts, relationships and content types, written byte-for-byte reproducibly."""
from __future__ import annotations

import io
import zipfile
from html import escape  # not xml.sax.saxutils: it imports urllib.request and http.client (~40 ms)

from lxml import etree

from .ooxml import xml_bytes, xml_safe

_OD = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_FIXED_TIME = (2021, 1, 1, 0, 0, 0)  # zip entry dates: same input, same bytes

# part name in word/ -> (relationship type, content type)
WORD_PARTS = {
    "styles.xml": (f"{_OD}/styles", f"{_CT}.styles+xml"),
    "settings.xml": (f"{_OD}/settings", f"{_CT}.settings+xml"),
    "fontTable.xml": (f"{_OD}/fontTable", f"{_CT}.fontTable+xml"),
    "footer1.xml": (f"{_OD}/footer", f"{_CT}.footer+xml"),
    "footer2.xml": (f"{_OD}/footer", f"{_CT}.footer+xml"),
}


# parts only some documents have (the 信函格式's first-page header and footer, the unnumbered 版记 pages)
EXTRA_PARTS = {
    "header1.xml": (f"{_OD}/header", f"{_CT}.header+xml"),
    "footer3.xml": (f"{_OD}/footer", f"{_CT}.footer+xml"),
    "header2.xml": (f"{_OD}/header", f"{_CT}.header+xml"),  # the letter's later pages: an empty, 1 pt header
    "footer4.xml": (f"{_OD}/footer", f"{_CT}.footer+xml"),  # the blank page and the 版记 page: no page number (7.5)
}


def rel_id(part: str) -> str:
    if part in EXTRA_PARTS:
        return f"rId{len(WORD_PARTS) + list(EXTRA_PARTS).index(part) + 1}"
    return f"rId{list(WORD_PARTS).index(part) + 1}"


def _rels(rels: list[tuple[str, str, str]]) -> bytes:
    items = "".join(f'<Relationship Id="{i}" Type="{t}" Target="{target}"/>' for i, t, target in rels)
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="{_PKG_REL}">{items}</Relationships>').encode()


def _content_types(extra: tuple[str, ...] = ()) -> bytes:
    over = [("/word/document.xml", f"{_CT}.document.main+xml"),
            ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
            ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml")]
    over += [(f"/word/{name}", ct) for name, (_, ct) in WORD_PARTS.items()]
    over += [(f"/word/{name}", EXTRA_PARTS[name][1]) for name in extra]
    items = "".join(f'<Override PartName="{p}" ContentType="{ct}"/>' for p, ct in over)
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'{items}</Types>').encode()


def _core(title: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f'<dc:title>{escape(xml_safe(title), quote=False)}</dc:title><dc:creator>清稿 QingGao</dc:creator>'
            '</cp:coreProperties>').encode()


def _app() -> bytes:
    return (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
            b'<Application>QingGao</Application></Properties>')


def build_package(document: etree._Element | bytes | memoryview, parts: dict[str, etree._Element | bytes], title: str = "",
                  extra: dict[str, etree._Element] | None = None) -> bytes:
    """Zip the main document (an element or its serialised XML) and the word/ parts (keys of WORD_PARTS; elements or serialised XML) into DOCX
    bytes; `extra`: parts of EXTRA_PARTS this document has."""
    extra = extra or {}
    files: list[tuple[str, bytes | memoryview]] = [
        ("[Content_Types].xml", _content_types(tuple(extra))),
        ("_rels/.rels", _rels([
            ("rId1", f"{_OD}/officeDocument", "word/document.xml"),
            ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
             "docProps/core.xml"),
            ("rId3", f"{_OD}/extended-properties", "docProps/app.xml"),
        ])),
        ("docProps/core.xml", _core(title)),
        ("docProps/app.xml", _app()),
        ("word/document.xml", document if isinstance(document, (bytes, memoryview)) else xml_bytes(document)),
        ("word/_rels/document.xml.rels", _rels([(rel_id(n), t, n) for n, (t, _) in WORD_PARTS.items()]
                                               + [(rel_id(n), EXTRA_PARTS[n][0], n) for n in extra])),
    ]
    files += [(f"word/{name}", p if isinstance(p, bytes) else xml_bytes(p))
              for name, p in ((n, parts[n]) for n in WORD_PARTS)]
    files += [(f"word/{name}", xml_bytes(p)) for name, p in extra.items()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files:
            info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data, compresslevel=1)  # twice as fast as the default 6; the file ~10% larger
    return buf.getvalue()
