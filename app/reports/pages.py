"""Paper sizes and what is drawn on every page around the flowing content: footer, page count, watermark.

"第 N 页 共 M 页" needs the page count before the last page exists, so the canvas keeps each finished page
and draws the footers only when the document is saved (the usual reportlab recipe), instead of laying
the document out twice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import inch, mm
from reportlab.pdfgen.canvas import Canvas

from app.domain.errors import DomainError


@dataclass(frozen=True)
class Paper:
    """One sheet format and its margins, in points."""

    code: str
    width: float
    height: float
    margin_x: float
    margin_top: float
    margin_bottom: float
    shading: bool  # light grey header fills; off for dot-matrix ribbons, which print grey as noise

    @property
    def frame_width(self) -> float:
        return self.width - 2 * self.margin_x


PAPERS: dict[str, Paper] = {
    "a4": Paper("a4", 210 * mm, 297 * mm, 12 * mm, 12 * mm, 16 * mm, shading=True),
    # 241 mm multi-part continuous form (241-1). Its sheets are 11 in long, so page breaks fall on the
    # perforations; the wider side margins keep clear of the tractor-feed strips, while top and bottom
    # can be tight because a tractor feed has no pinch-roller margin.
    "continuous": Paper("continuous", 241 * mm, 11 * inch, 16 * mm, 8 * mm, 12 * mm, shading=False),
}


def paper_for(code: str) -> Paper:
    """The :class:`Paper` for ``code``; ``report.bad_paper`` for anything else."""
    try:
        return PAPERS[code]
    except KeyError:
        raise DomainError("report.bad_paper", "paper", paper=code, choices=", ".join(PAPERS)) from None


@dataclass(frozen=True)
class PageMarks:
    """Texts repeated on every page: footer left/right, the page counter and an optional watermark."""

    font: str
    footer_left: str
    footer_right: str
    page_label: Callable[[int, int], str]  # (page, pages) → "第 1 页 共 2 页"
    watermark: str = ""


def draw_watermark(canvas: Canvas, marks: PageMarks, paper: Paper) -> None:
    """Large light diagonal text, drawn before the page's content so it never hides a figure."""
    if not marks.watermark:
        return
    canvas.saveState()
    canvas.setFillGray(0.82)
    canvas.translate(paper.width / 2, paper.height / 2)
    canvas.rotate(35)
    size = min(56.0, 0.9 * paper.width / max(len(marks.watermark), 1))
    canvas.setFont(marks.font, size)
    canvas.drawCentredString(0, -size / 3, marks.watermark)
    canvas.restoreState()


def _draw_footer(canvas: Canvas, marks: PageMarks, paper: Paper, page: int, pages: int) -> None:
    canvas.saveState()
    canvas.setFont(marks.font, 8)
    y = paper.margin_bottom / 2
    canvas.drawString(paper.margin_x, y, marks.footer_left)
    canvas.drawCentredString(paper.width / 2, y, marks.page_label(page, pages))
    canvas.drawRightString(paper.width - paper.margin_x, y, marks.footer_right)
    canvas.restoreState()


def numbered_canvas(marks: PageMarks, paper: Paper) -> Callable[..., Canvas]:
    """A ``canvasmaker`` for ``doc.build`` that adds the footer with "page N of M" to every page."""

    class _NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                _draw_footer(self, marks, paper, number, total)
                super().showPage()
            super().save()

    return _NumberedCanvas
