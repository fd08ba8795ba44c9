"""A QR code flowable that encodes each value once and draws one filled path.

reportlab's ``QrCodeWidget`` encodes its value twice per render (bounds, then drawing) in pure Python and
emits a shape per module run; on the settlement list that was about 60 % of the render time. The rating
URL is the same on every list a shop prints, so the encoded matrix is cached.
"""

from __future__ import annotations

import itertools
from functools import lru_cache

from reportlab.graphics.barcode import qrencoder
from reportlab.platypus import Flowable

QUIET_ZONE = 4  # modules of white border the QR specification asks for


@lru_cache(maxsize=16)
def dark_runs(value: str, level: str = "M") -> tuple[int, tuple[tuple[int, int, int], ...]]:
    """(module count, runs of dark modules as (row, first column, length)) for ``value``."""
    code = qrencoder.QRCode(None, getattr(qrencoder.QRErrorCorrectLevel, level))
    code.addData(value)
    code.make()
    runs: list[tuple[int, int, int]] = []
    for row, modules in enumerate(code.modules):
        col = 0
        for dark, group in itertools.groupby(bool(m) for m in modules):
            length = len(list(group))
            if dark:
                runs.append((row, col, length))
            col += length
    return code.getModuleCount(), tuple(runs)


class QrCode(Flowable):
    """A square QR code of ``size`` points, quiet zone included; vector, so sharp on any printer."""

    def __init__(self, value: str, size: float, level: str = "M") -> None:
        super().__init__()
        self.value, self.level = value, level
        self.width = self.height = size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        count, runs = dark_runs(self.value, self.level)
        module = self.width / (count + 2 * QUIET_ZONE)
        path = self.canv.beginPath()
        for row, col, length in runs:
            y = self.height - (row + QUIET_ZONE + 1) * module
            path.rect((col + QUIET_ZONE) * module, y, length * module, module)
        self.canv.drawPath(path, stroke=0, fill=1)
