"""Small charts painted with QPainter: a line chart (monthly trend per dimension) and a stacked bar chart
(score distribution, revenue by labour/parts/other, latency bands).

Why not QtCharts: these few chart kinds are ~200 lines here, render identically offscreen in tests, and keep
the installer free of the Addons module; see docs/charts.md. Values are plain floats; ``None`` is a gap
(a month without ratings), never drawn as zero.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

PALETTE = ("#1565c0", "#2e7d32", "#ef6c00", "#6a1b9a", "#00838f", "#c62828")


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float | None, ...]
    colour: str


class _Chart(QWidget):
    """Title, legend, y grid and x labels; subclasses draw the data inside :meth:`plot_rect`."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.labels: tuple[str, ...] = ()
        self.series: tuple[Series, ...] = ()
        self.y_min: float = 0.0
        self.y_max: float | None = None  # None: from the data
        self.y_format: Callable[[float], str] = lambda v: f"{v:g}"
        self.empty_text = "暂无数据"
        self.setMinimumSize(260, 170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_data(self, labels: Sequence[str], series: Sequence[Series]) -> None:
        self.labels = tuple(labels)
        self.series = tuple(series)
        self.update()

    @property
    def has_data(self) -> bool:
        return any(v is not None and v != 0 for s in self.series for v in s.values)

    def top(self) -> float:
        if self.y_max is not None:
            return self.y_max
        highest = max((self.stack_total(i) for i in range(len(self.labels))), default=0.0)
        return _nice(highest) if highest > 0 else 1.0

    def stack_total(self, index: int) -> float:
        return max((s.values[index] or 0.0 for s in self.series if index < len(s.values)), default=0.0)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("#ffffff"))
        font = QFont(self.font())
        font.setBold(True)
        p.setFont(font)
        p.setPen(QColor("#333333"))
        p.drawText(QRectF(8, 4, self.width() - 16, 20), Qt.AlignmentFlag.AlignLeft, self.title)
        p.setFont(self.font())
        self._legend(p)
        plot = QRectF(46, 30, self.width() - 56, self.height() - 58)
        if not self.labels or not self.has_data:
            p.setPen(QColor("#888888"))
            p.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.empty_text)
            p.end()
            return
        top = self.top()
        span = (top - self.y_min) or 1.0
        p.setPen(QPen(QColor("#e0e0e0"), 1))
        for i in range(5):
            value = self.y_min + span * i / 4
            y = plot.bottom() - plot.height() * i / 4
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            p.setPen(QColor("#666666"))
            p.drawText(QRectF(0, y - 8, 42, 16), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                       self.y_format(value))  # fmt: skip
            p.setPen(QPen(QColor("#e0e0e0"), 1))
        step = plot.width() / len(self.labels)
        every = max(1, int(len(self.labels) / max(1, plot.width() / 52)) + 1)
        p.setPen(QColor("#666666"))
        for i, label in enumerate(self.labels):
            if i % every == 0:
                p.drawText(QRectF(plot.left() + i * step - 10, plot.bottom() + 2, step + 20, 18),
                           Qt.AlignmentFlag.AlignHCenter, label)  # fmt: skip

        def to_y(value: float) -> float:
            return plot.bottom() - plot.height() * (value - self.y_min) / span

        self.draw_data(p, plot, step, to_y)
        p.end()

    def _legend(self, p: QPainter) -> None:
        if len(self.series) < 2:
            return
        x = self.width() - 8.0
        for s in reversed(self.series):
            width = p.fontMetrics().horizontalAdvance(s.name) + 22
            x -= width
            p.fillRect(QRectF(x, 9, 10, 10), QColor(s.colour))
            p.setPen(QColor("#444444"))
            p.drawText(QRectF(x + 13, 4, width, 20), Qt.AlignmentFlag.AlignLeft, s.name)

    def draw_data(self, p: QPainter, plot: QRectF, step: float, to_y: Callable[[float], float]) -> None:
        raise NotImplementedError


class LineChart(_Chart):
    """One line per series; a ``None`` breaks the line (no rating that month)."""

    def draw_data(self, p: QPainter, plot: QRectF, step: float, to_y: Callable[[float], float]) -> None:
        for s in self.series:
            pen = QPen(QColor(s.colour), 2)
            p.setPen(pen)
            previous: QPointF | None = None
            for i, value in enumerate(s.values):
                if value is None:
                    previous = None
                    continue
                point = QPointF(plot.left() + (i + 0.5) * step, to_y(value))
                if previous is not None:
                    p.drawLine(previous, point)
                p.setBrush(QColor(s.colour))
                p.drawEllipse(point, 2.5, 2.5)
                previous = point


class BarChart(_Chart):
    """Stacked bars (one stack per label); a single series is a plain bar chart with value labels."""

    def stack_total(self, index: int) -> float:
        return sum(s.values[index] or 0.0 for s in self.series if index < len(s.values))

    def draw_data(self, p: QPainter, plot: QRectF, step: float, to_y: Callable[[float], float]) -> None:
        width = max(2.0, step * 0.64)
        for i in range(len(self.labels)):
            base = self.y_min
            x = plot.left() + i * step + (step - width) / 2
            for s in self.series:
                value = s.values[i] if i < len(s.values) else None
                if not value:
                    continue
                p.fillRect(QRectF(x, to_y(base + value), width, to_y(base) - to_y(base + value)), QColor(s.colour))
                base += value
            if len(self.series) == 1 and base > self.y_min and step > 24:
                p.setPen(QColor("#333333"))
                p.drawText(QRectF(x - 10, to_y(base) - 16, width + 20, 14), Qt.AlignmentFlag.AlignHCenter,
                           self.y_format(base))  # fmt: skip


def _nice(value: float) -> float:
    """The next round number (1, 1.2, 1.6, 2, 2.4, 3, 4, 5, 6, 8 × 10ⁿ) above ``value``, so the four grid
    steps fall on readable values without wasting half the height."""
    magnitude = 10 ** (len(str(int(value))) - 1) if value >= 1 else 1
    for factor in (1, 1.2, 1.6, 2, 2.4, 3, 4, 5, 6, 8, 10):
        if value <= factor * magnitude:
            return float(factor * magnitude)
    return float(10 * magnitude)
