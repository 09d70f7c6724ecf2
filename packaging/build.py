"""Build the one-folder bundle dist/QingGao/ on this machine, check it, and (on Windows) the installer.

    .venv/bin/python packaging/build.py                 # Linux or Windows: dist/QingGao/ + frozen self-test
    python packaging/build.py --installer               # Windows: also dist/QingGao-<version>-setup.exe
    python packaging/build.py --dist D --work W         # build somewhere else (the tests do)

Code signing happens only when QINGGAO_SIGN_PFX names a .pfx certificate (see packaging/sign.py):
the two executables are signed before the installer is made, and Inno Setup signs the installer and
its uninstaller through the same script.
"""
from __future__ import annotations

import argparse
import glob
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SPEC = HERE / "qinggao.spec"
ISS = HERE / "qinggao.iss"
_spec = importlib.util.spec_from_file_location("qinggao_bundle_rules", HERE / "bundle_rules.py")
rules = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(rules)
APP_NAME = rules.APP_NAME
EXE = ".exe" if sys.platform == "win32" else ""
GUI = rules.GUI_NAME + EXE
CLI = rules.CLI_NAME + EXE


def version() -> str:
    """The version the installer is stamped with (/DAppVersion): the same one the .exe resources carry."""
    v = rules.app_version(ROOT)
    rules.windows_version(v)  # refuse a version Windows cannot carry before an hour of building
    return v


def run_pyinstaller(dist: Path, work: Path, clean: bool) -> Path:
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
           "--distpath", str(dist), "--workpath", str(work), str(SPEC)]
    if clean:
        cmd.insert(3, "--clean")
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, cwd=ROOT)
    return dist / APP_NAME


def check_bundle(bundle: Path) -> list[str]:
    """What a working bundle must contain; returns the missing items (empty when all is there)."""
    internal = bundle / "_internal"
    must = [bundle / GUI, bundle / CLI,
            internal / "jieba" / "dict.txt",  # hook-jieba
            internal / "docx" / "templates" / "default.docx",  # hook-docx
            internal / "resources" / "dict" / "user.dict",
            internal / "opencc" / "clib" / "share" / "opencc" / "t2s.json"]  # hook-opencc (繁体转简体)
    missing = [str(p.relative_to(bundle)) for p in must if not p.exists()]
    platform_plugin = "qwindows.dll" if sys.platform == "win32" else "libqxcb.so"
    if not list(internal.glob(f"PySide6/**/platforms/{platform_plugin}")):
        missing.append(f"Qt platform plugin {platform_plugin}")
    if list(internal.glob("jieba/lac_small")):
        missing.append("(unwanted) jieba/lac_small was not pruned")
    return missing


def selftest(bundle: Path) -> None:
    """Run the frozen executables' --selftest with fresh user folders, as on a clerk's first start."""
    runs = [[str(bundle / CLI), "--selftest"]]
    if "--selftest" in (ROOT / "desktop" / "app.py").read_text(encoding="utf-8"):  # not in the GUI placeholder
        runs.append([str(bundle / GUI), "--selftest"])
    for cmd in runs:
        with tempfile.TemporaryDirectory(prefix="qinggao-selftest-") as home:
            env = dict(os.environ, XDG_CACHE_HOME=home, XDG_DATA_HOME=home, XDG_CONFIG_HOME=home, LOCALAPPDATA=home,
                       APPDATA=home, QINGGAO_HOME=home, QT_QPA_PLATFORM="offscreen")
            t = time.perf_counter()
            r = subprocess.run(cmd, env=env, capture_output=True, text=True, encoding="utf-8", errors="replace",
                               timeout=300)
            took = time.perf_counter() - t
        name = Path(cmd[0]).name
        if r.returncode != 0:
            sys.exit(f"frozen {name} --selftest FAILED (exit {r.returncode}):\n{r.stdout}\n{r.stderr}")
        print(f"frozen {name} --selftest ok in {took:.1f}s")


def find_iscc() -> str | None:
    for cand in (shutil.which("iscc"), shutil.which("ISCC"),
                 *glob.glob(r"C:\Program Files (x86)\Inno Setup */ISCC.exe"),
                 *glob.glob(r"C:\Program Files\Inno Setup */ISCC.exe")):
        if cand and Path(cand).exists():
            return cand
    return None


def sign_command() -> list[str]:
    return [sys.executable, str(HERE / "sign.py")]


def build_installer(bundle: Path, out_dir: Path, signing: bool) -> Path:
    iscc = find_iscc()
    if not iscc:
        sys.exit("Inno Setup (ISCC.exe) not found: install Inno Setup 6 or put ISCC on PATH.")
    v = version()
    cmd = [iscc, "/Qp", f"/DAppVersion={v}", f"/DSourceDir={bundle}", f"/DOutputDir={out_dir}"]
    if signing:
        # $q is a quote and $f the quoted file name, expanded by Inno Setup when it signs setup and uninstaller.
        py, script = sign_command()
        cmd += ["/DSign", f"/Sqgsign=$q{py}$q $q{script}$q $f"]
    cmd.append(str(ISS))
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, cwd=HERE)
    setup = out_dir / f"QingGao-{v}-setup.exe"
    if not setup.exists():
        sys.exit(f"ISCC finished but {setup} is missing")
    return setup


def folder_size(path: Path) -> tuple[int, int]:
    files = [p for p in path.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files), len(files)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default: dist/)")
    ap.add_argument("--work", type=Path, default=ROOT / "build", help="PyInstaller work folder (default: build/)")
    ap.add_argument("--clean", action="store_true", help="empty PyInstaller's caches first (release builds)")
    ap.add_argument("--no-selftest", action="store_true", help="skip running the frozen --selftest")
    ap.add_argument("--installer", action="store_true", help="Windows: also build the Inno Setup installer")
    args = ap.parse_args(argv)

    print(f"QingGao {version()}", flush=True)
    t = time.perf_counter()
    bundle = run_pyinstaller(args.dist.resolve(), args.work.resolve(), args.clean)
    missing = check_bundle(bundle)
    if missing:
        sys.exit("bundle is incomplete: " + "; ".join(missing))
    size, count = folder_size(bundle)
    print(f"built {bundle} in {time.perf_counter() - t:.0f}s: {size / 2**20:.1f} MiB in {count} files")

    signing = bool(os.environ.get("QINGGAO_SIGN_PFX"))
    if signing:
        subprocess.run([*sign_command(), str(bundle / GUI), str(bundle / CLI)], check=True)
    if not args.no_selftest:
        selftest(bundle)
    if args.installer:
        if sys.platform != "win32":
            sys.exit("--installer needs Windows (Inno Setup)")
        setup = build_installer(bundle, args.dist.resolve(), signing)
        print(f"installer {setup}: {setup.stat().st_size / 2**20:.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
