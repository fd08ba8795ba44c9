#!/usr/bin/env bash
# Build the Linux bundle and its tarball:  bash installer/build_linux.sh
#
#   dist/banshou/                          the one-folder bundle (run dist/banshou/banshou)
#   dist/banshou-<version>-linux-<arch>.tar.gz   what a shop downloads; unpack, then ./banshou/install.sh
#
# The bundle runs on Linux systems whose glibc is at least the build machine's (printed below); build on
# the oldest base you must support (e.g. a UOS/Kylin/Deepin-era Debian 10 container) for older systems.
# Needs the project venv (`make test` or `make run` creates it); installs PyInstaller into it if missing.
# Prints the bundle size, the tarball size and the build time (docs/benchmarks.md, "Bundle").
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${VENV:-.venv}"
PY="$VENV/bin/python"
[ -x "$PY" ] || { echo "no venv at $VENV: run 'make test' (or 'make run') first"; exit 1; }
"$PY" -c "import PyInstaller" 2>/dev/null || "$VENV/bin/pip" install -q pyinstaller

VERSION="$("$PY" -c 'import tomllib; print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')"
ARCH="$(uname -m)"
GLIBC="$(ldd --version 2>/dev/null | head -1 | grep -oE '[0-9]+\.[0-9]+$' || echo unknown)"
start=$(date +%s.%N)

# English UI strings: compile the Qt Linguist source when it exists (the .qm is a build product).
# Only when the .qm is missing or older than the .ts, so a build never rewrites an up-to-date file.
if [ -f resources/translations/banshou_en.ts ] && [ resources/translations/banshou_en.ts -nt resources/translations/banshou_en.qm ]; then
  "$VENV/bin/pyside6-lrelease" -silent resources/translations/banshou_en.ts -qm resources/translations/banshou_en.qm
fi

"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller installer/banshou.spec

# Desktop integration travels inside the bundle folder; install.sh registers it for the current user.
cp installer/banshou.desktop dist/banshou/banshou.desktop
cp resources/icons/banshou.png dist/banshou/banshou.png
cat > dist/banshou/install.sh <<'SH'
#!/usr/bin/env sh
# Adds Banshou to this user's application menu (no root needed). Data lives in ~/.local/share/Banshou
# and is never inside this folder, so replacing this folder with a newer version keeps it: the new
# version backs the database up and upgrades it on first start.
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps"
mkdir -p "$apps" "$icons"
cp "$here/banshou.png" "$icons/banshou.png"
sed "s|^Exec=banshou|Exec=\"$here/banshou\"|" "$here/banshou.desktop" > "$apps/banshou.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$apps" || true
echo "Banshou added to the application menu: $apps/banshou.desktop"
SH
chmod +x dist/banshou/install.sh dist/banshou/banshou

TARBALL="dist/banshou-${VERSION}-linux-${ARCH}.tar.gz"
tar -C dist -czf "$TARBALL" banshou
end=$(date +%s.%N)

bundle_mb=$(du -sm dist/banshou | cut -f1)
tar_mb=$(du -sm "$TARBALL" | cut -f1)
printf 'bundle: dist/banshou  %s MB  (%s files)\n' "$bundle_mb" "$(find dist/banshou -type f | wc -l)"
printf 'tarball: %s  %s MB\n' "$TARBALL" "$tar_mb"
printf 'build time: %s s (PyInstaller --clean + tarball) on %s cores\n' "$(awk "BEGIN{printf \"%.1f\", $end - $start}")" "$(nproc)"
printf 'runs on: Linux %s with glibc >= %s (the build machine'"'"'s)\n' "$ARCH" "$GLIBC"
