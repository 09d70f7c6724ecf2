"""Which official fonts (and their fallbacks) this PC has, so the app can tell the clerk what to install.

Font families come from `fc-list` where it exists (Linux, some macOS) and otherwise from the name tables of the
font files in the usual folders (Windows: %WINDIR%\\Fonts and the per-user font folder). Pure Python, no Qt.
"""
from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from .export.profile import Profile

FONT_SUFFIXES = {".ttf", ".ttc", ".otf", ".otc"}
_NAME_IDS = {1, 4, 16}  # family, full name, typographic family


class FontStatus(NamedTuple):
    official: str
    installed: bool
    fallback: str | None  # the first installed fallback, else the first listed one, else None
    fallback_installed: bool


def font_dirs() -> list[Path]:
    home = Path.home()
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA") or home / "AppData" / "Local")
        return [windir / "Fonts", local / "Microsoft" / "Windows" / "Fonts"]
    if sys.platform == "darwin":
        return [Path("/System/Library/Fonts"), Path("/Library/Fonts"), home / "Library" / "Fonts"]
    data = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    return [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), home / ".fonts", data / "fonts"]


def font_files(dirs: Iterable[Path] | None = None) -> Iterator[Path]:
    for d in dirs if dirs is not None else font_dirs():
        if not d.is_dir():
            continue
        for root, _, files in os.walk(d):
            for f in files:
                if Path(f).suffix.lower() in FONT_SUFFIXES:
                    yield Path(root) / f


def _decode(platform: int, encoding: int, raw: bytes) -> str | None:
    try:
        if platform in (0, 3) and encoding in (0, 1, 10):
            return raw.decode("utf-16-be")
        if platform == 3 and encoding == 3:  # PRC: GB2312 codes stored as 16-bit values (old 仿宋_GB2312 files)
            return raw.replace(b"\x00", b"").decode("gbk")
        if platform == 1 and encoding == 0:
            return raw.decode("mac_roman")
        if platform == 1 and encoding == 25:
            return raw.decode("gbk")
    except UnicodeDecodeError:
        return None
    return None


def _name_table(f, offset: int) -> set[str]:
    """Names from the 'name' table of the font whose table directory starts at `offset` (reads only that table:
    a Windows font folder can hold a gigabyte of fonts)."""
    f.seek(offset + 4)
    num_tables = struct.unpack(">H", f.read(2))[0]
    f.seek(offset + 12)
    directory = f.read(16 * num_tables)
    for i in range(num_tables):
        tag, _, table_off, length = struct.unpack_from(">4sIII", directory, 16 * i)
        if tag == b"name":
            f.seek(table_off)
            return _parse_name_table(f.read(length))
    return set()


def _parse_name_table(data: bytes) -> set[str]:
    names: set[str] = set()
    _, count, string_off = struct.unpack_from(">HHH", data, 0)
    for j in range(count):
        pid, eid, _, nid, length, off = struct.unpack_from(">HHHHHH", data, 6 + 12 * j)
        if nid in _NAME_IDS:
            s = _decode(pid, eid, data[string_off + off: string_off + off + length])
            if s and s.strip():
                names.add(s.strip())
    return names


def names_in_file(path: Path) -> set[str]:
    """Family and full names in one font file (.ttf/.otf, or every face of a .ttc collection)."""
    try:
        with open(path, "rb") as f:
            head = f.read(12)
            if head[:4] == b"ttcf":
                n = struct.unpack_from(">I", head, 8)[0]
                offsets = struct.unpack(f">{n}I", f.read(4 * n))
            else:
                offsets = (0,)
            out: set[str] = set()
            for off in offsets:
                out |= _name_table(f, off)
            return out
    except (OSError, struct.error, IndexError, ValueError):
        return set()  # an unreadable or truncated font file is simply not counted


def _fc_list() -> set[str] | None:
    exe = shutil.which("fc-list")
    if not exe:
        return None
    try:
        out = subprocess.run([exe, "--format", "%{family}\n%{fullname}\n"], capture_output=True, timeout=30,
                             check=True)
    except (OSError, subprocess.SubprocessError):
        return None
    # each line: one or more comma-separated names (localized names too, e.g. "FangSong_GB2312,仿宋_GB2312")
    return {n.strip() for line in out.stdout.decode("utf-8", "replace").splitlines() for n in line.split(",")
            if n.strip()}


@lru_cache(maxsize=1)
def installed_families() -> frozenset[str]:
    """Every font family / full name on this PC, case-folded."""
    names = _fc_list()
    if names is None:
        names = set()
        for f in font_files():
            names |= names_in_file(f)
    return frozenset(n.casefold() for n in names)


def _aliases(name: str, profile: Profile) -> list[str]:
    return [name, *profile["fonts"].get("english_names", {}).get(name, [])]


def has_font(name: str, profile: Profile, families: frozenset[str] | None = None) -> bool:
    fams = installed_families() if families is None else families
    return any(a.casefold() in fams for a in _aliases(name, profile))


def check_fonts(profile: Profile | str | Path | None = None,
                families: frozenset[str] | None = None) -> list[FontStatus]:
    """For each official font the export names: is it installed, and which fallback would stand in for it.

    `profile`: a loaded Profile, a profile name ("gbt9704") or a path; None = the default profile.
    """
    from .export.docx_styles import official_fonts
    from .export.profile import load_profile

    if not hasattr(profile, "data"):
        profile = load_profile(profile) if profile else load_profile()
    fams = installed_families() if families is None else families
    fallbacks = profile["fonts"]["fallbacks"]
    result = []
    for name in official_fonts(profile):
        alts = fallbacks.get(name, [])
        have = [a for a in alts if has_font(a, profile, fams)]
        fb = have[0] if have else (alts[0] if alts else None)
        result.append(FontStatus(name, has_font(name, profile, fams), fb, bool(have)))
    return result


def missing_fonts(profile: Profile | str | Path | None = None) -> list[FontStatus]:
    """The official fonts this PC lacks (what the app lists for the clerk to install)."""
    return [s for s in check_fonts(profile) if not s.installed]
