"""Authenticode-sign Windows files with signtool, using a certificate handed over by CI as secrets.

    python packaging/sign.py FILE...

Environment (all set from GitHub secrets in .github/workflows/windows.yml; nothing is signed without them):
    QINGGAO_SIGN_PFX        path of the .pfx certificate file (the workflow decodes it from a base64 secret)
    QINGGAO_SIGN_PASSWORD   its password
    QINGGAO_SIGN_TIMESTAMP  RFC 3161 timestamp server (default http://timestamp.digicert.com)
    SIGNTOOL                signtool.exe to use (default: on PATH, else the newest Windows SDK one)

The password travels in the environment, never on a command line that Inno Setup or a log could echo.
"""
from __future__ import annotations

import glob
import os
import shutil
import subprocess
import sys


def find_signtool() -> str | None:
    if os.environ.get("SIGNTOOL"):
        return os.environ["SIGNTOOL"]
    found = shutil.which("signtool")
    if found:
        return found
    kits = sorted(glob.glob(r"C:\Program Files (x86)\Windows Kits\10\bin\10.*\x64\signtool.exe"))
    return kits[-1] if kits else None


def sign(files: list[str]) -> int:
    pfx = os.environ.get("QINGGAO_SIGN_PFX")
    if not pfx:
        print("sign.py: QINGGAO_SIGN_PFX is not set; nothing signed", file=sys.stderr)
        return 0
    tool = find_signtool()
    if not tool:
        print("sign.py: signtool.exe not found (install the Windows SDK or set SIGNTOOL)", file=sys.stderr)
        return 1
    cmd = [tool, "sign", "/fd", "sha256", "/f", pfx,
           "/tr", os.environ.get("QINGGAO_SIGN_TIMESTAMP", "http://timestamp.digicert.com"), "/td", "sha256",
           "/d", "清稿 QingGao"]
    password = os.environ.get("QINGGAO_SIGN_PASSWORD")
    if password:
        cmd += ["/p", password]
    for f in files:
        r = subprocess.run([*cmd, f], capture_output=True, text=True)
        if r.returncode != 0:
            # signtool's own output never contains the password; our command line does, so it is not printed.
            print(f"sign.py: signing {f} failed:\n{r.stdout}{r.stderr}", file=sys.stderr)
            return r.returncode
        print(f"signed {f}")
    return 0


if __name__ == "__main__":
    sys.exit(sign(sys.argv[1:]))
