"""Bytes of a saved page -> text. The declared charset is a claim to check, not a fact: saved pages often
declare GB2312 over a UTF-8 body (re-saved by a browser) or UTF-8 over a GB2312 body."""
from __future__ import annotations

import codecs
import email
import email.policy
import re

from .txt import CHINESE_SUPERSET, decode_evident
from .txt import decode as guess_decode

_DECLARED = [
    re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_\-:.]+)", re.I),
    re.compile(rb"<\?xml[^>]{0,100}encoding\s*=\s*[\"']([A-Za-z0-9_\-]+)", re.I),
]
# charset names pages use that Python's codecs do not know
# codecs Python knows that are not character sets of a page: they map names or escapes, or fail on any byte
_NOT_PAGE_CHARSETS = {"idna", "punycode", "unicode-escape", "raw-unicode-escape", "undefined", "utf-7"}
_ALIASES = {"x-gbk": "gbk", "gb_2312-80": "gb2312", "utf8": "utf-8", "unicode": "utf-16"}
# what a wrong decoding of Chinese bytes produces: replacement characters, C1 controls, and letters of
# alphabets a Chinese draft does not use (Latin-1/Latin Extended, Greek, Cyrillic, Hebrew, Arabic, Thai,
# Hangul, private use, half-width katakana)
_MOJIBAKE = re.compile("[\ufffd\x80-\x9f\u00c0-\u024f\u0370-\u04ff\u0590-\u06ff\u0e00-\u0e7f"
                       "\uac00-\ud7af\ue000-\uf8ff\uff61-\uff9f]")


def declared_charset(data: bytes) -> str | None:
    head = data[:16384]
    for rx in _DECLARED:
        m = rx.search(head)
        if m:
            return normalize_charset(m.group(1).decode("ascii", "ignore"))
    return None


def normalize_charset(name: str | None) -> str | None:
    if not name:
        return None
    name = name.lower().strip().strip("-")
    name = _ALIASES.get(name, name)
    try:
        info = codecs.lookup(name)  # cp936 -> gbk, GB2312 -> gb2312
    except LookupError:
        return None
    codec = info.name
    if not getattr(info, "_is_text_encoding", True) or codec in _NOT_PAGE_CHARSETS:
        return None  # a label no page is written in ("idna", "base64"): detect the encoding instead
    return CHINESE_SUPERSET.get(codec, codec)  # what a Chinese page's declared name really means


def _badness(text: str) -> int:
    """Replacement characters weigh most; then letters of alphabets that a wrong decoding produces."""
    return text.count("\ufffd") * 10 + len(_MOJIBAKE.findall(text))


# what a right decoding of a Chinese page gives: ideographs, CJK and full-width punctuation, “”‘’—…
_GOOD = re.compile("[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uff60\u2010-\u2027"
                   "\U00020000-\U0003134f]")


def _good_share(text: str) -> float:
    """Share of the non-ASCII characters that are Chinese text: 1.0 for a right decoding, low for mojibake."""
    non_ascii = sum(1 for c in text if ord(c) > 127)
    return round(len(_GOOD.findall(text)) / non_ascii, 3) if non_ascii else 1.0


def decode_html(data: bytes, declared: str | None = None) -> tuple[str, str, float]:
    """Return (text, encoding used, confidence)."""
    evident = decode_evident(data)  # a BOM, UTF-16, or valid UTF-8 whatever the page declares
    if evident:
        return evident
    declared = normalize_charset(declared) or declared_charset(data)
    guessed_text, guessed, conf = guess_decode(data)
    candidates: list[str] = []
    # UTF-8 stays a candidate: a UTF-8 page with one damaged byte (a cut-off download) is still UTF-8
    for enc in (declared, "utf-8", guessed, "gb18030"):
        if enc and enc not in candidates:
            candidates.append(enc)
    best: tuple[float, int, str, str] | None = None
    for i, enc in enumerate(candidates):
        try:
            text = guessed_text if enc == guessed else data.decode(enc, errors="replace")
        except (LookupError, UnicodeError, ValueError):
            continue  # a codec that cannot decode bytes at all: the next candidate
        key = (-_good_share(text), i, enc, text)  # ties go to the earlier candidate: the declared one first
        if best is None or key[:2] < best[:2]:
            best = key
    assert best is not None  # gb18030 always decodes
    _, _, enc, text = best
    bad = _badness(text)
    if bad == 0:
        # every non-ASCII byte decoded to a real character: strong evidence, more so when the page said so
        conf = max(conf, 0.95 if enc == declared else 0.85)
    else:
        wrong = len(_MOJIBAKE.findall(text)) / max(1, sum(1 for c in text if ord(c) > 127))
        conf = max(0.3, min(0.9, 0.95 - 5 * wrong))
    return text, enc, conf


def is_mht(data: bytes) -> bool:
    head = data[:4096].lower()
    return b"mime-version" in head and b"multipart/related" in head


def html_from_mht(data: bytes) -> tuple[bytes, str | None] | None:
    """The first text/html part of a web archive (.mht/.mhtml) as (bytes, MIME charset), or None."""
    msg = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in msg.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                return payload, part.get_content_charset()
    return None
