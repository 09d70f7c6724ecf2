"""Legacy .doc/.wps: convert with LibreOffice when it is installed.

LibreOffice reads any argument that starts with "-" as an option, and one user profile serves one running
instance: so the input is copied under a fixed safe name into a private temporary folder, and each conversion
runs with its own temporary profile (`-env:UserInstallation`), removed with the folder afterwards. Conversions
running side by side in a batch then never share a profile (they used to fail at random), and no file name can
become an option."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import QingGaoError
from ..model import Document

CONVERT_TIMEOUT_S = 120


def find_soffice() -> str | None:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for p in (r"C:\Program Files\LibreOffice\program\soffice.exe",
              r"C:\Program Files (x86)\LibreOffice\program\soffice.exe"):
        if Path(p).exists():
            return p
    return None


def convert_command(soffice: str, src: Path, outdir: Path, profile: Path) -> list[str]:
    """The soffice call: every path absolute (never read as an option), a profile of its own."""
    for p in (src, outdir, profile):
        if not p.is_absolute():
            raise ValueError(f"path must be absolute: {p}")
    return [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
            "--convert-to", "docx", "--outdir", str(outdir), str(src)]


def convert_to_docx(path: Path) -> bytes:
    """The DOCX bytes LibreOffice makes of a legacy file; QingGaoError when it cannot."""
    soffice = find_soffice()
    if not soffice:
        raise QingGaoError(str(path), "这是旧版 .doc/.wps 文件，请用 Word 或 WPS 打开后“另存为”DOCX 再处理（或安装 LibreOffice）。",
                           "legacy .doc/.wps file: open it in Word or WPS and 'Save As' DOCX (or install LibreOffice).")
    with tempfile.TemporaryDirectory(prefix="qinggao-lo-") as tmp:
        root = Path(tmp).resolve()
        src = root / ("input" + (path.suffix.lower() if path.suffix.lower() in (".doc", ".wps") else ".doc"))
        shutil.copyfile(path, src)  # the clerk's file is only read; LibreOffice sees a name it cannot misread
        outdir = root / "out"
        try:
            subprocess.run(convert_command(soffice, src, outdir, root / "profile"),
                           check=True, capture_output=True, timeout=CONVERT_TIMEOUT_S, stdin=subprocess.DEVNULL)
        except (subprocess.SubprocessError, OSError) as e:
            raise QingGaoError(str(path), "用 LibreOffice 转换旧版文件失败，请用 Word/WPS 另存为 DOCX。",
                               "LibreOffice could not convert this legacy file; save it as DOCX in Word/WPS.") from e
        out = outdir / "input.docx"
        if not out.exists():
            raise QingGaoError(str(path), "转换没有产生 DOCX，请用 Word/WPS 另存为 DOCX。",
                               "conversion produced no DOCX; save it as DOCX in Word/WPS.")
        return out.read_bytes()


def read_legacy(path: Path) -> Document:
    from .docx import read_docx
    doc = read_docx(convert_to_docx(path), path.name)
    doc.format = "doc"
    return doc
