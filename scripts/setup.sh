#!/usr/bin/env bash
# Set up everything on a fresh Debian/Ubuntu machine (.venv in the repo root), then start the app.
#   bash scripts/setup.sh              set up and start the app
#   bash scripts/setup.sh --no-launch  set up only (CI)
set -euo pipefail
cd "$(dirname "$0")/.."

# System packages: LibreOffice (render DOCX to PDF in tests), CJK fonts, poppler, Xvfb and Qt's xcb deps.
need=()
command -v soffice >/dev/null || need+=(libreoffice-writer-nogui)
command -v pdftotext >/dev/null || need+=(poppler-utils)
command -v Xvfb >/dev/null || need+=(xvfb xauth)
command -v xdotool >/dev/null || need+=(xdotool)  # find the frozen GUI's window in tests/test_packaging.py
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need+=(fonts-noto-cjk)
for p in libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-cursor0 libxkbcommon-x11-0 libegl1 libgl1 libfontconfig1 libdbus-1-3; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
done
if [ ${#need[@]} -gt 0 ] && command -v apt-get >/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[dev]"

if [ "${1:-}" != "--no-launch" ]; then
  exec .venv/bin/qinggao-gui
fi
