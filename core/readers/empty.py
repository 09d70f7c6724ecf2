"""A file with nothing to clean is a failure the clerk is told about, not an empty document reported as done:
a TXT of spaces and blank lines, a file holding only a byte-order mark, a Word file or web page holding only
pictures, a page whose every line was taken for site furniture."""
from __future__ import annotations

import io
import re
import zipfile

from ..errors import QingGaoError
from ..model import Document, Warning

# white space, zero-width and direction marks, BOM, word joiner, controls: nothing a reader of the page sees
_INVISIBLE = re.compile(r"[\s\u200b-\u200f\u2028-\u202f\u2060-\u2064\ufeff\x00-\x1f\x7f-\x9f]+")
_MEDIA = re.compile(rb"<img\b|<image\b|<svg\b", re.I)


def has_text(text: str) -> bool:
    return bool(_INVISIBLE.sub("", text))


def _pictures(kind: str, data: bytes) -> bool:
    if kind == "docx":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                return any(n.startswith("word/media/") for n in z.namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            return False
    return kind == "html" and bool(_MEDIA.search(data))


def check_read(doc: Document, kind: str, data: bytes, path: str) -> None:
    """Raise when the reader found no visible character in the whole file."""
    if any(has_text(ln.text) for ln in doc.lines):
        return
    if _pictures(kind, data):
        what = "Word 文件" if kind == "docx" else "网页"
        raise QingGaoError(path, f"这个{what}里只有图片，没有文字（可能是扫描件或截图）。请找到文字版的原稿，"
                                 "或先用 WPS/手机的“图片转文字”识别出文字，另存为 TXT 或 DOCX 再处理。",
                           f"this {'Word file' if kind == 'docx' else 'page'} holds only pictures, no text (a scan or a "
                           "screenshot?); find the text version, or turn the pictures into text with an OCR tool and "
                           "save it as TXT or DOCX, then try again.")
    raise QingGaoError(path, "空白文件：里面只有空格、空行或看不见的字符，没有文字。请确认保存的是正文，重新复制保存后再试。",
                       "blank file: it holds only spaces, empty lines or invisible characters, no text; make sure "
                       "the text itself was saved, copy and save it again, then retry.")


def check_result(doc: Document, path: str, warn_only: bool = False) -> None:
    """Raise when cleaning left no text: every line was taken for noise. The clerk learns how much was removed
    and how to keep it (switch the rule off, or restore lines in the app). warn_only: a warning instead."""
    if any(b.text.strip() or (b.body or "").strip() for b in doc.blocks if b.kind not in ("gap", "docbreak")):
        return
    n = len(doc.removed)
    rules = sorted({r.rule for r in doc.removed})[:3]
    if warn_only:
        doc.warnings.append(Warning("empty", f"清理后没有剩下正文：全部 {n} 行都被识别为网页杂项。如果这是误判，"
                                             "请在左侧选中需要的行，点“恢复此行”。"))
        return
    raise QingGaoError(path, f"清理后没有剩下正文：全部 {n} 行都被识别为网页杂项（规则：{'、'.join(rules) or '无'}）。"
                             "如果这是误判，请在“选项”中关闭这些规则后重新处理，或在软件中恢复需要的行。",
                       f"nothing is left after cleaning: all {n} lines were taken for web-page furniture (rules: "
                       f"{', '.join(rules) or 'none'}); if that is wrong, switch those rules off in Options and clean "
                       "again, or restore the lines you need in the app.")
