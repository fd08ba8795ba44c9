#!/usr/bin/env bash
# Debian packages Banshou needs on Linux: the Qt platform libraries (xcb for a real window, EGL/GL and
# fontconfig even offscreen), a system CJK font for the UI (the app ships WenQuanYi Micro Hei as a
# fallback and for PDFs), and Python's venv module. Installs only what is missing; needs root or sudo.
set -euo pipefail
PACKAGES=(
  python3-venv libegl1 libgl1 libfontconfig1 libxkbcommon0 libxkbcommon-x11-0 libdbus-1-3 libglib2.0-0
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-xkb1
  libxcb-shape0 libxcb-randr0 libxcb-xinerama0 fonts-noto-cjk
)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
echo "安装系统依赖 / installing system packages: ${missing[*]}"
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
