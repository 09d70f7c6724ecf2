"""What goes into the frozen bundle and what is left out, as data plus small pure functions.

Loaded by qinggao.spec (by file path, so packaging/ never lands on sys.path during analysis) and by
tests/test_packaging.py. The spec relies on pyinstaller-hooks-contrib for jieba's dictionary, python-docx's
template and chardet's models; this file only prunes what those hooks collect too generously.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path, PurePath

_VERSION = re.compile(r'^__version__\s*=\s*"([^"]+)"', re.M)


def app_version(root: Path) -> str:
    """core.__version__, read from the source: the spec and build.py must not import the app to learn it."""
    m = _VERSION.search((root / "core" / "__init__.py").read_text(encoding="utf-8"))
    if not m:
        raise ValueError("core/__init__.py has no __version__ = \"x.y.z\" line")
    return m.group(1)


def windows_version(version: str) -> tuple[int, int, int, int]:
    """The four 16-bit numbers of a Windows file version (the .exe's version resource, Inno Setup's
    VersionInfoVersion). Only 1-4 dot-separated numbers can become one: "1.2.0rc1" is refused."""
    if not re.fullmatch(r"\d+(\.\d+){0,3}", version):
        raise ValueError(f"version {version!r} is not 1-4 numbers separated by dots, as Windows needs")
    nums = [int(x) for x in version.split(".")]
    if max(nums) > 65535:
        raise ValueError(f"version {version!r}: Windows allows at most 65535 in each part")
    return tuple(nums + [0] * (4 - len(nums)))  # type: ignore[return-value]


APP_NAME = "QingGao"  # the one-folder bundle: dist/QingGao/
GUI_NAME = "qinggao-gui"  # windowed; a different name from the CLI (Windows file names ignore case)
CLI_NAME = "qinggao"  # console

# Python packages that must never be frozen: test/dev tools, and pkg_resources (jieba imports it if present,
# which drags in setuptools and slows start-up; without it jieba opens its dictionary by path).
PY_EXCLUDES = [
    "tkinter", "_tkinter", "pkg_resources", "setuptools", "distutils", "pip", "wheel",
    "pytest", "_pytest", "hypothesis", "pytest_qt", "pytestqt", "pytest_benchmark",
    "pdfplumber", "pdfminer", "PIL", "numpy", "IPython", "ruff", "importlinter",  # (pypdfium2 is the PDF reader's: kept)
    "PyInstaller", "paddle",
]

# Every PySide6 module the app could pull in but does not use. A module named anywhere in desktop/ is taken
# back out of this list by qt_excludes(), so a new import in the GUI can never be silently missing when frozen.
QT_MODULES_UNUSED = [
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender", "QtAxContainer",
    "QtBluetooth", "QtCharts", "QtConcurrent", "QtDataVisualization", "QtDBus", "QtDesigner", "QtGraphs",
    "QtHelp", "QtHttpServer", "QtLabsStyleKit", "QtLocation", "QtMultimedia", "QtMultimediaWidgets",
    "QtNetwork", "QtNetworkAuth", "QtNfc", "QtOpenGL", "QtOpenGLWidgets", "QtPdf", "QtPdfWidgets",
    "QtPositioning", "QtPrintSupport", "QtQml", "QtQmlFeatures", "QtQuick", "QtQuick3D", "QtQuickControls2",
    "QtQuickTest", "QtQuickWidgets", "QtRemoteObjects", "QtScxml", "QtSensors", "QtSerialBus",
    "QtSerialPort", "QtSpatialAudio", "QtSql", "QtStateMachine", "QtSvgWidgets", "QtTest", "QtTextToSpeech",
    "QtUiTools", "QtWebChannel", "QtWebEngineCore", "QtWebEngineQuick", "QtWebEngineWidgets", "QtWebSockets",
    "QtWebView", "QtXml",
]

# Qt translation catalogues are shipped for these UI languages only (the app speaks Chinese and English).
QT_LANGUAGES = ("zh_CN", "zh_TW", "en")

# Binaries a Qt Widgets app never loads: the software OpenGL renderer (about 20 MB on Windows) and ANGLE.
DROP_BINARIES = {"opengl32sw.dll", "d3dcompiler_47.dll", "libEGL.dll", "libGLESv2.dll"}

# hook-opencc collects everything in the opencc package as data; only clib/share/opencc (the conversion configs and
# dictionaries) is read at run time, by the native module clib/opencc_clib.* (a binary, collected as one)
OPENCC_DEV_DIRS = {"bin", "include", "lib", "lib64"}

_QT_REF = re.compile(r"\b(Qt[0-9A-Z][A-Za-z0-9]*)\b")


def used_qt_modules(src_dirs: Iterable[Path]) -> set[str]:
    """Names of PySide6 modules referenced in the sources (e.g. {"QtCore", "QtWidgets"})."""
    used: set[str] = set()
    for d in src_dirs:
        for f in Path(d).rglob("*.py"):
            for line in f.read_text(encoding="utf-8", errors="replace").splitlines():
                if "PySide6" in line:
                    used.update(_QT_REF.findall(line))
    return used


def qt_excludes(used: set[str]) -> list[str]:
    return [f"PySide6.{m}" for m in QT_MODULES_UNUSED if m not in used]


def _parts(dest: str) -> tuple[str, ...]:
    return PurePath(dest.replace("\\", "/")).parts


def keep_data(dest: str, keep_jieba_idf: bool = False) -> bool:
    """Whether a collected data file (its destination path inside the bundle) is worth shipping."""
    parts = _parts(dest)
    name = parts[-1] if parts else ""
    if parts[:1] == ("jieba",):
        if len(parts) > 1 and parts[1] == "lac_small":
            return False  # paddle ("LAC") model, used only by jieba.enable_paddle()
        if name.endswith(".p"):
            return False  # pickled HMM tables, loaded only under Jython; CPython imports the .py twins
        if name == "idf.txt" and not keep_jieba_idf:
            return False  # jieba.analyse (keyword extraction) is not used
    if "translations" in parts and name.endswith(".qm") and "PySide6" in parts:
        m = re.match(r"[a-z_]+?_([a-z]{2}(?:_[A-Z]{2})?)\.qm$", name)
        return bool(m) and m.group(1) in QT_LANGUAGES
    if parts[:1] == ("resources",):
        return not (name.endswith((".ts", ".pyc")) or "__pycache__" in parts or name.startswith("."))
    if _opencc_dev(parts):
        return False  # OpenCC's command-line tools, C++ headers and static libraries: the binding needs none
    return True


def _opencc_dev(parts: tuple[str, ...]) -> bool:
    return parts[:2] == ("opencc", "clib") and len(parts) > 3 and parts[2] in OPENCC_DEV_DIRS


def keep_binary(dest: str) -> bool:
    parts = _parts(dest)
    # (PyInstaller moves the executables hook-opencc collects as data over to the binaries)
    return parts[-1] not in DROP_BINARIES and not _opencc_dev(parts)


def prune(toc: list, keep) -> list:
    """Filter a PyInstaller TOC (list of (dest, src, typecode) tuples) with keep(dest)."""
    return [entry for entry in toc if keep(entry[0])]
