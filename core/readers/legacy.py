"""Legacy .doc/.wps: convert with LibreOffice when it is installed."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import QingGaoError
from ..model import Document


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


def read_legacy(path: Path) -> Document:
    soffice = find_soffice()
    if not soffice:
        raise QingGaoError(str(path), "这是旧版 .doc/.wps 文件，请用 Word 或 WPS 打开后“另存为”DOCX 再处理（或安装 LibreOffice）。",
                           "legacy .doc/.wps file: open it in Word or WPS and 'Save As' DOCX (or install LibreOffice).")
    with tempfile.TemporaryDirectory() as tmp:
        try:
            subprocess.run([soffice, "--headless", "--convert-to", "docx", "--outdir", tmp, str(path)],
                           check=True, capture_output=True, timeout=120)
        except (subprocess.SubprocessError, OSError) as e:
            raise QingGaoError(str(path), "用 LibreOffice 转换旧版文件失败，请用 Word/WPS 另存为 DOCX。",
                               "LibreOffice could not convert this legacy file; save it as DOCX in Word/WPS.") from e
        out = Path(tmp) / (path.stem + ".docx")
        if not out.exists():
            raise QingGaoError(str(path), "转换没有产生 DOCX，请用 Word/WPS 另存为 DOCX。",
                               "conversion produced no DOCX; save it as DOCX in Word/WPS.")
        from .docx import read_docx
        doc = read_docx(out.read_bytes(), path.name)
    doc.format = "doc"
    return doc
