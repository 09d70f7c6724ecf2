"""Checks that run before a reader trusts a file: empty, too large, binary under a text name, damaged or
encrypted DOCX, zip bombs, an old .doc renamed .docx. Each failure is a QingGaoError naming the file and what
to do, in Chinese and English, so the batch reports it and goes on. Limits: resources/limits.json."""
from __future__ import annotations

import io
import json
import zipfile
import zlib
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # only an annotation: importing bs4 costs every start ~55 ms
    from bs4 import BeautifulSoup

from ..errors import QingGaoError
from ..resources import resource

MB = 1024 * 1024
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# signatures of files clerks rename by mistake: (magic bytes, Chinese name, English name)
_SIGNATURES: list[tuple[bytes, str, str]] = [
    (b"\x89PNG\r\n\x1a\n", "PNG 图片", "a PNG image"),
    (b"\xff\xd8\xff", "JPEG 图片", "a JPEG image"),
    (b"GIF87a", "GIF 图片", "a GIF image"),
    (b"GIF89a", "GIF 图片", "a GIF image"),
    (b"BM", "BMP 图片", "a BMP image"),
    (b"%PDF-", "PDF 文件", "a PDF file"),
    (b"Rar!\x1a\x07", "RAR 压缩包", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z 压缩包", "a 7z archive"),
    (b"\x1f\x8b", "gzip 压缩包", "a gzip archive"),
    (b"MZ", "Windows 程序", "a Windows program"),
    (b"\x7fELF", "程序文件", "a program file"),
    (b"ID3", "音频文件", "an audio file"),
]


@lru_cache(maxsize=1)
def limits() -> dict[str, Any]:
    data = json.loads(resource("limits.json").read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def _fail(name: str, zh: str, en: str) -> QingGaoError:
    return QingGaoError(name, zh, en)


def _limit_mb(kind: str, name: str) -> float:
    lim = limits()
    if kind == "html" and name.lower().endswith((".mht", ".mhtml")):
        return float(lim["mht_max_mb"])
    return float(lim.get(f"{kind}_max_mb", lim["txt_max_mb"]))


def check_size(size: int, name: str, kind: str) -> None:
    """Zero-byte and over-limit files, from the size alone (before reading a huge file into memory)."""
    if size == 0:
        raise _fail(name, "文件是空的（0 字节），没有可处理的内容。请确认下载或保存已经完成，重新保存后再试。",
                    "the file is empty (0 bytes); make sure the download or save finished, save it again and retry.")
    limit = _limit_mb(kind, name)
    if size > limit * MB:
        label = {"txt": "TXT", "html": "网页", "docx": "DOCX", "doc": "DOC", "pdf": "PDF"}.get(kind, kind)
        raise _fail(name, f"文件太大（{size / MB:.1f} MB），超过{label}文件 {limit:g} MB 的上限，这不像一篇文稿。"
                          "请只把需要的正文复制出来另存为新文件，再处理。",
                    f"the file is too large ({size / MB:.1f} MB; the limit for {kind.upper()} files is {limit:g} MB) "
                    "and does not look like a draft; copy just the text you need into a new file and process that.")


def check_file(path: Path, kind: str) -> None:
    check_size(path.stat().st_size, str(path), kind)


def sniff(data: bytes) -> str | None:
    """What the bytes really are, whatever the file is called: docx, zip, ole, html, mht, rtf, or None (text)."""
    head = data[:8]
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return "docx" if b"word/" in data[:65536] or b"[Content_Types].xml" in data[:65536] else "zip"
    if head == OLE_MAGIC:
        return "ole"
    if data.startswith(b"{\\rtf"):
        return "rtf"
    start = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"mime-version", b"from:", b"content-type: multipart")) and b"multipart/related" in data[:4096].lower():
        return "mht"
    low = data[:4096].lower()
    if start.startswith(b"<") and (b"<html" in low or b"<head" in low or b"<body" in low):
        return "html"
    return None


def utf16_without_bom(sample: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" when the bytes are UTF-16 text without a BOM, else None: ASCII characters and
    line ends leave their NULs in one byte lane only, and the whole decodes to printable text (binary data
    decodes to control and unassigned characters)."""
    sample = sample[: len(sample) // 2 * 2]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if max(even, odd) == 0 or min(even, odd) > 0.5 * max(even, odd):
        return None
    enc = "utf-16-le" if odd > even else "utf-16-be"
    text = sample.decode(enc, errors="replace")
    printable = sum(1 for c in text if c.isprintable() or c in "\r\n\t")
    return enc if printable >= 0.97 * len(text) else None


def utf32_without_bom(sample: bytes) -> str | None:
    """"utf-32-le"/"utf-32-be" when the bytes are UTF-32 text without a BOM, else None: every four bytes hold one
    character, whose top byte is 0 and next byte a plane number (0-3 for any character a draft uses)."""
    sample = sample[: len(sample) // 4 * 4]
    if len(sample) < 8:
        return None
    for enc, top, plane in (("utf-32-le", 3, 2), ("utf-32-be", 0, 1)):
        if sample[top::4].count(0) == len(sample) // 4 and all(b <= 3 for b in sample[plane::4]):
            try:
                text = sample.decode(enc)
            except UnicodeDecodeError:
                continue
            if sum(1 for c in text if c.isprintable() or c in "\r\n\t") >= 0.97 * len(text):
                return enc
    return None


def check_text_bytes(data: bytes, name: str) -> None:
    """Refuse binary content that carries a text extension (an image renamed .txt, a program, an archive)."""
    for magic, zh, en in _SIGNATURES:
        if data.startswith(magic) and (magic != b"BM" or b"\x00" in data[:64]) and (magic != b"MZ" or b"\x00" in data[:64]):
            what_zh = "请用能打开它的程序查看；若需要其中的文字，请复制出来另存为 TXT 或 DOCX。"
            if magic == b"%PDF-":
                what_zh = "请用 WPS 或 PDF 阅读器打开，复制文字另存为 TXT，或导出为 DOCX 后再处理。"
            raise _fail(name, f"这个文件其实是{zh}，不是文本文件（扩展名可能改错了）。{what_zh}",
                        f"this file is really {en}, not text (the extension is wrong); open it in a program that "
                        "reads it and save the text as TXT or DOCX.")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or data[:4] == b"\x00\x00\xfe\xff":
        return  # UTF-16 or UTF-32 with a BOM: NULs are expected
    sample = data[:65536]
    if b"\x00" in sample:
        if utf16_without_bom(sample) or utf32_without_bom(sample):
            return  # UTF-16 text: its byte values say nothing about control characters
        raise _binary(name)
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    if sample and controls / len(sample) > float(limits()["binary_control_ratio"]):
        raise _binary(name)


def _binary(name: str) -> QingGaoError:
    return _fail(name, "这不是文本文件，内容是二进制数据（扩展名可能改错了）。请用原来的程序打开，把文字另存为 TXT 或 DOCX 再处理。",
                 "this is not a text file: its content is binary (the extension may be wrong); open it in the program "
                 "that made it and save the text as TXT or DOCX.")


def check_ole(data: bytes, name: str) -> None:
    """An OLE compound file where a DOCX was expected: a password-protected DOCX or an old .doc."""
    if "EncryptedPackage".encode("utf-16-le") in data or "EncryptionInfo".encode("utf-16-le") in data:
        raise _fail(name, "这个 DOCX 设置了打开密码（已加密），无法读取。请在 Word 中打开，点“文件 → 信息 → 保护文档 → "
                          "用密码进行加密”，清空密码后保存（WPS：文件 → 文档加密 → 密码加密，删除密码），再处理。",
                    "this DOCX is password-protected (encrypted) and cannot be read; open it in Word, choose File > "
                    "Info > Protect Document > Encrypt with Password, clear the password, save, and try again.")
    if "WordDocument".encode("utf-16-le") in data:
        raise _fail(name, "这其实是旧版 Word 文档（.doc），只是扩展名写成了 .docx。请用 Word 或 WPS 打开，"
                          "“另存为”Word 文档（*.docx）后再处理。",
                    "this is really an old Word document (.doc) with a .docx name; open it in Word or WPS and "
                    "'Save As' Word Document (*.docx), then try again.")
    raise _fail(name, "这不是 DOCX 文件（是 Office 旧格式的复合文档）。请用 Word 或 WPS 打开，另存为 DOCX 再处理。",
                "this is not a DOCX file (it is an old Office compound file); open it in Word or WPS, save as DOCX "
                "and try again.")


def _damaged(name: str, detail: str) -> QingGaoError:
    return _fail(name, "DOCX 文件已损坏或不完整（可能没有下载完）。请重新下载，或用 Word/WPS 打开后“另存为”DOCX 再试。",
                 f"the DOCX is damaged or incomplete ({detail}; perhaps the download did not finish); download it "
                 "again, or open it in Word/WPS, 'Save As' DOCX and try again.")


def check_docx(data: bytes, name: str) -> None:
    """Everything that must hold before python-docx may open the bytes (it would unpack a zip bomb)."""
    check_size(len(data), name, "docx")
    if data[:8] == OLE_MAGIC:
        check_ole(data, name)
    if data[:1] == b"{" and data.startswith(b"{\\rtf"):
        raise _fail(name, "这其实是 RTF 文件，只是扩展名写成了 .docx。请用 Word/WPS 打开后“另存为”DOCX 再处理。",
                    "this is really an RTF file with a .docx name; open it in Word/WPS, 'Save As' DOCX and try again.")
    if not data.startswith(b"PK"):
        raise _damaged(name, "not a zip package")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as e:
        raise _damaged(name, f"bad zip: {e}") from e
    with zf:
        infos = zf.infolist()
        lim = limits()
        if len(infos) > int(lim["docx_max_members"]):
            raise _bomb(name, f"{len(infos)} 个部件", f"{len(infos)} parts")
        total = sum(i.file_size for i in infos)
        if total > float(lim["docx_max_uncompressed_mb"]) * MB:
            raise _bomb(name, f"解压后 {total / MB:.0f} MB，上限 {lim['docx_max_uncompressed_mb']} MB",
                        f"{total / MB:.0f} MB unpacked; the limit is {lim['docx_max_uncompressed_mb']} MB")
        for i in infos:
            if i.file_size > float(lim["docx_ratio_min_member_mb"]) * MB:
                ratio = i.file_size / max(1, i.compress_size)
                if ratio > float(lim["docx_max_ratio"]):
                    raise _bomb(name, f"“{i.filename}”压缩比 {ratio:.0f}:1", f"'{i.filename}' packs {ratio:.0f}:1")
        _inflate_within(zf, infos, name)
        names = {i.filename for i in infos}
    if "word/document.xml" not in names:
        if any(n.startswith("xl/") for n in names) or any(n.startswith("ppt/") for n in names):
            zh_what, en_what = "这是 Excel 或 PowerPoint 文件", "this is an Excel or PowerPoint file"
        else:
            zh_what, en_what = "这是普通的 ZIP 压缩包", "this is a plain ZIP archive"
        raise _fail(name, f"{zh_what}，不是 Word 文档（里面没有 word/document.xml）。请把文字复制到 Word/WPS，保存为 DOCX 再处理。",
                    f"{en_what}, not a Word document (no word/document.xml inside); copy the text into Word/WPS, "
                    "save it as DOCX and try again.")


def _inflate_within(zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo], name: str) -> None:
    """Unpack every part a chunk at a time, keeping nothing: a directory can lie about sizes, and python-docx
    unpacks a part whole (a part said to be 5 KB that inflates to 2 GB would be in memory before any check).
    zipfile stops each part at its stated size and checks its CRC, so a lie shows here, in 1 MB of memory."""
    for i in infos:
        try:
            with zf.open(i) as f:
                while f.read(_CHUNK):
                    pass
        except zipfile.BadZipFile as e:
            if "CRC" in str(e):
                raise _bomb(name, f"“{i.filename}”的实际内容与目录中写明的大小不符",
                            f"'{i.filename}' does not match the size its directory states") from e
            raise _damaged(name, f"bad zip: {e}") from e
        except (OSError, ValueError, EOFError, NotImplementedError, RuntimeError, zlib.error) as e:
            raise _damaged(name, f"bad zip member {i.filename}: {e}") from e


_CHUNK = 1 << 20


def _bomb(name: str, zh: str, en: str) -> QingGaoError:
    return _fail(name, f"这个 DOCX 解压后大得异常（{zh}），可能已损坏或是恶意文件，已拒绝打开。"
                       "请用 Word/WPS 打开检查，另存为新的 DOCX 再试。",
                 f"this DOCX unpacks to an abnormal size ({en}); it may be damaged or malicious and was not opened. "
                 "Open it in Word/WPS to check, save it as a new DOCX and try again.")


def route(kind: str, data: bytes, name: str) -> tuple[str, str | None]:
    """The reader to use for these bytes: (kind, note for the clerk when the extension was wrong).
    Raises for content no reader takes."""
    check_size(len(data), name, kind)
    found = sniff(data)
    if kind == "pdf":
        return _route_pdf(data, found, name)
    if kind == "docx":
        if found in ("html", "mht"):
            return "html", "文件扩展名是 .docx，但内容是网页，已按网页读取。"
        return "docx", None  # check_docx gives the precise reason for anything else
    if kind == "doc":
        if found == "docx":
            return "docx", "文件扩展名是 .doc，但内容是 DOCX，已按 DOCX 读取。"
        if found in ("html", "mht"):
            return "html", "文件扩展名是 .doc，但内容是网页（很多文库网站这样下载），已按网页读取。"
        if found in ("ole", "rtf"):
            return "doc", None
        return _doc_that_is_not_word(data, name)
    # txt and html
    if found == "docx":
        return "docx", f"文件扩展名是 {Path(name).suffix}，但内容是 DOCX，已按 DOCX 读取。"
    if found == "ole":
        raise _fail(name, "这其实是 Word/WPS 旧格式文档（.doc/.wps），不是文本。请把扩展名改为 .doc，或用 Word/WPS 另存为 DOCX 再处理。",
                    "this is really an old Word/WPS document (.doc/.wps), not text; rename it to .doc, or save it as "
                    "DOCX in Word/WPS, and try again.")
    if found == "zip":
        raise _fail(name, "这其实是 ZIP 压缩包，不是文本。请先解压，再处理里面的文稿。",
                    "this is really a ZIP archive, not text; unpack it first and process the drafts inside.")
    if found == "rtf":
        raise _fail(name, "这其实是 RTF 文档。请用 Word/WPS 打开后“另存为”DOCX 再处理。",
                    "this is really an RTF document; open it in Word/WPS, 'Save As' DOCX and try again.")
    if kind == "txt" and found in ("html", "mht"):
        return "html", "文件扩展名是 .txt，但内容是网页源代码，已按网页读取。"
    check_text_bytes(data, name)
    return kind, None


def _doc_that_is_not_word(data: bytes, name: str) -> tuple[str, str | None]:
    """A .doc/.wps that is neither a Word/WPS compound file nor RTF: plain text some sites save under that name
    is read as text; anything else is refused (LibreOffice would "convert" random bytes into a page of junk)."""
    suffix = Path(name).suffix or ".doc"
    try:
        check_text_bytes(data, name)
    except QingGaoError:
        raise _fail(name, f"这不是 Word/WPS 文件：扩展名是 {suffix}，但内容既不是 Word/WPS 文档，也不是文字（文件可能已损坏，"
                          "或扩展名改错了）。请用 Word 或 WPS 打开它，若能打开，“另存为”DOCX 再处理。",
                    f"this is not a Word/WPS file: it is named {suffix} but holds neither a Word/WPS document nor text "
                    "(it may be damaged or misnamed); open it in Word or WPS and, if it opens, 'Save As' DOCX and "
                    "try again.") from None
    return "txt", f"文件扩展名是 {suffix}，但内容是纯文本，已按文本读取。"


def _route_pdf(data: bytes, found: str | None, name: str) -> tuple[str, str | None]:
    """A .pdf holds "%PDF-" within its first KB (some generators put a few bytes before it); a web page or a
    DOCX saved under a .pdf name is read as what it is; anything else is not a PDF."""
    if b"%PDF-" in data[:1024]:
        return "pdf", None
    if found == "docx":
        return "docx", "文件扩展名是 .pdf，但内容是 DOCX，已按 DOCX 读取。"
    if found in ("html", "mht"):
        return "html", "文件扩展名是 .pdf，但内容是网页，已按网页读取。"
    raise _fail(name, "这不是真正的 PDF 文件（文件开头没有 PDF 标记），可能已损坏、没有下载完，或扩展名改错了。"
                      "请重新下载，或用原来的程序打开后另存为 PDF 或 DOCX 再处理。",
                "this is not a real PDF (no PDF header at the start): it may be damaged, incomplete, or wrongly named; "
                "download it again, or open it in the program that made it and save it as PDF or DOCX.")


def check_frames(soup: BeautifulSoup, name: str) -> None:
    """A frameset page holds no text of its own: the clerk must save the page inside the frame."""
    if soup.find("frameset") is None:
        return
    frames = soup.find_all(["frame", "iframe"])
    srcs = [str(f.get("src")) for f in frames if f.get("src")][:3]
    where = "、".join(srcs) if srcs else "框架"
    raise _fail(name, f"这个网页由框架（frame）拼成，正文在另一个网页里（{where}）。请在浏览器中右键正文 → "
                      "“在新标签页中打开框架”（或直接打开上面的地址），再保存那个网页。",
                f"this page is a frameset: the text is in another page ({', '.join(srcs) or 'a frame'}). In the "
                "browser, right-click the text and open the frame in a new tab (or open that address), then "
                "save that page.")
