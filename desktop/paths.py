"""Where the app keeps its own files (log, pasted drafts): the user's app-data folder, never the install folder."""
from __future__ import annotations

import os
import sys
from pathlib import Path

APP_DIR_NAME = "QingGao"


def app_data_dir() -> Path:
    """%LOCALAPPDATA%\\QingGao on Windows, ~/.local/share/qinggao elsewhere; QINGGAO_HOME overrides (tests)."""
    override = os.environ.get("QINGGAO_HOME")
    if override:
        d = Path(override)
    elif sys.platform == "win32":
        d = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local") / APP_DIR_NAME
    elif sys.platform == "darwin":
        d = Path.home() / "Library" / "Application Support" / APP_DIR_NAME
    else:
        d = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "qinggao"
    return d


def log_file() -> Path:
    return app_data_dir() / "logs" / "qinggao.log"


def paste_dir() -> Path:
    """Pasted text is saved here as a UTF-8 TXT so it is cleaned (and re-cleaned) like any file."""
    return app_data_dir() / "粘贴文本"
