"""Render ``resources/icons/banshou.svg`` to ``banshou.png`` (256 px, window and Linux desktop icon) and
``banshou.ico`` (16–256 px, Windows executable, installer and shortcuts).

Why generated, yet committed: the build machines (and Windows) should not need an SVG toolchain; rerun
this after editing the SVG:  ``QT_QPA_PLATFORM=offscreen .venv/bin/python installer/make_icons.py``.
The ICO is written by hand (PNG-compressed entries, allowed since Windows Vista) so no Qt image plugin
for ICO is needed.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def write_ico(path: Path, images: list[bytes]) -> None:
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, blobs = b"", b""
    for size, blob in zip(ICO_SIZES, images, strict=True):
        dim = 0 if size >= 256 else size  # 0 means 256 in the ICO directory
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset + len(blobs))
        blobs += blob
    path.write_bytes(header + entries + blobs)


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / "banshou.svg"))
    if not renderer.isValid():
        print("banshou.svg is not a valid SVG", file=sys.stderr)
        return 1
    (ICONS / "banshou.png").write_bytes(png_bytes(render(renderer, 256)))
    write_ico(ICONS / "banshou.ico", [png_bytes(render(renderer, s)) for s in ICO_SIZES])
    print(f"wrote {ICONS / 'banshou.png'} and {ICONS / 'banshou.ico'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
