"""TXT in whatever encoding a Chinese Windows PC produced it."""
from __future__ import annotations

import codecs

import chardet

from ..model import Document, Warning
from .guard import utf16_without_bom, utf32_without_bom
from .lines import split_lines
from .text_tables import plain_tables

# UTF-32's BOMs first: the little-endian one starts with UTF-16's
_BOMS = [(codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")]
# A Chinese charset, by the codec name a page declares or chardet guesses, -> the superset that decodes all
# of it: text called GB2312/GBK may hold characters only GB18030 has, Big5 text HKSCS additions.
CHINESE_SUPERSET = {"gb2312": "gb18030", "gbk": "gb18030", "gb18030": "gb18030", "big5": "big5hkscs"}
# what chardet calls text a Chinese PC wrote when it guesses from too little: ASCII is UTF-8's subset; a
# Western code page is GBK it could not place
_CHARDET_NAMES = {**CHINESE_SUPERSET, "ascii": "utf-8", "iso-8859-1": "gb18030", "windows-1252": "gb18030"}
LOW_CONFIDENCE = 0.6


def decode_evident(data: bytes) -> tuple[str, str, float] | None:
    """(text, encoding, confidence) when the bytes show their encoding: a byte-order mark, UTF-16 without one
    (Notepad's "Unicode" with the BOM cut off: its NULs sit in one byte lane; checked before UTF-8, which
    accepts NULs), or valid UTF-8 (non-ASCII bytes that are valid UTF-8 are UTF-8 in practice). Else None."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc, errors="replace"), enc, 1.0
    if b"\x00" in data[:65536]:
        enc = utf32_without_bom(data[:65536]) or utf16_without_bom(data[:65536])
        if enc:
            return data.decode(enc, errors="replace"), enc, 0.9
    try:
        return data.decode("utf-8"), "utf-8", 1.0
    except UnicodeDecodeError:
        return None


MIXED = "utf-8+gb18030"
# what a Chinese PC writes; any other guess of chardet's (cp720, koi8-r…) is GBK it could not place
_PLAUSIBLE = {"utf-8", "gb18030", "big5hkscs", "utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "utf-32"}


def decode_mixed(data: bytes) -> tuple[str, float] | None:
    """Text pasted together from a UTF-8 and a GBK file: most lines valid UTF-8, some not. Each line is decoded
    on its own (UTF-8, else GB18030); returns (text, share of non-ASCII lines that were UTF-8)."""
    lines = data.split(b"\n")
    wide = [ln for ln in lines if any(b > 0x7F for b in ln)]
    good = 0
    for ln in wide:
        try:
            ln.decode("utf-8")
            good += 1
        except UnicodeDecodeError:
            pass
    if not wide or good < 0.6 * len(wide) or good < 3:
        return None
    out = []
    for ln in lines:
        try:
            out.append(ln.decode("utf-8"))
        except UnicodeDecodeError:
            out.append(ln.decode("gb18030", errors="replace"))
    return "\n".join(out), good / len(wide)


def decode(data: bytes) -> tuple[str, str, float]:
    """Return (text, encoding used, confidence)."""
    evident = decode_evident(data)
    if evident:
        return evident
    mixed = decode_mixed(data)
    if mixed:
        return mixed[0], MIXED, round(mixed[1], 2)
    guess = chardet.detect(data[:200_000])
    name = (guess.get("encoding") or "gb18030").lower()
    conf = float(guess.get("confidence") or 0.0)
    enc = _CHARDET_NAMES.get(name, name)
    if enc not in _PLAUSIBLE:
        enc, conf = "gb18030", min(conf, 0.5)
    if enc.startswith("utf-16") and len(data) % 2:
        enc = "gb18030"
    try:
        text = data.decode(enc)
    except (UnicodeDecodeError, LookupError):
        # GB18030 decodes any byte string a Chinese PC writes; fall back to it with replacement
        enc, conf = "gb18030", min(conf, 0.5)
        text = data.decode(enc, errors="replace")
    return text, enc, conf


def read_txt(data: bytes, name: str) -> Document:
    text, enc, conf = decode(data)
    doc = Document(source=name, format="txt", encoding=enc, encoding_confidence=round(conf, 2))
    doc.lines = plain_tables(split_lines(text))
    if enc == MIXED:
        doc.warnings.append(Warning("encoding", "文件混有两种编码：大部分是 UTF-8，其余几行按 GBK 读取，请核对这几行是否乱码。"))
    elif conf < LOW_CONFIDENCE:
        doc.warnings.append(Warning("encoding", f"编码识别把握不大（{enc}，{conf:.0%}），请核对文字是否乱码。"))
    return doc
