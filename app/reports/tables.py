"""Paragraph styles, tick boxes and the two table shapes reports are made of: field grids and line tables.

Every cell is a ``Paragraph`` (or a flowable) so long texts (a fault description, a part name) wrap inside
their column instead of running over the next one; line tables repeat their caption and header rows on
every page they spill onto.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

Cell = str | Flowable
_GRID_WIDTH = 0.5
_FILL = colors.Color(0.9, 0.9, 0.9)
TICK = "✔"  # drawn inside a stroked box: the shipped font has no ☑/☐, and its □ is too small to tick


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of one document, all in the embedded CJK font."""

    font: str
    size: float
    shading: bool
    title: ParagraphStyle
    text: ParagraphStyle
    right: ParagraphStyle
    center: ParagraphStyle
    heading: ParagraphStyle  # section captions and column headers
    strong: ParagraphStyle  # the amount due in capitals
    strong_right: ParagraphStyle  # the amount due in figures

    def para(self, value: Cell, style: ParagraphStyle | None = None) -> Flowable:
        """A wrapped cell for a plain-text value (escaped, newlines kept); flowables pass through."""
        if not isinstance(value, str):
            return value
        markup = escape(value).replace("\r\n", "\n").replace("\n", "<br/>")
        return Paragraph(markup, style or self.text)

    def ticks(self, options: Sequence[tuple[str, bool]]) -> TickBoxes:
        return TickBoxes(options, self.font, self.size, self.text.leading)


def make_styles(font: str, *, shading: bool, size: float = 8.5) -> Styles:
    def style(name: str, *, align: int = TA_LEFT, scale: float = 1.0) -> ParagraphStyle:
        fs = size * scale
        return ParagraphStyle(name, fontName=font, fontSize=fs, leading=fs * 1.22, alignment=align)

    return Styles(
        font=font,
        size=size,
        shading=shading,
        title=style("title", align=TA_CENTER, scale=2.0),
        text=style("text"),
        right=style("right", align=TA_RIGHT),
        center=style("center", align=TA_CENTER),
        heading=style("heading", align=TA_CENTER),
        strong=style("strong", scale=1.25),
        strong_right=style("strong_right", align=TA_RIGHT, scale=1.25),
    )


class TickBoxes(Flowable):
    """Options with a drawn box each, the chosen ones ticked: "☑ 行业标准　☐ 制造企业标准".

    The tick is a font glyph, so the choice survives text extraction (and tests can read it); the
    options wrap onto further lines when the cell is narrow.
    """

    def __init__(self, options: Sequence[tuple[str, bool]], font: str, size: float, leading: float) -> None:
        super().__init__()
        self.options = list(options)
        self.font, self.size, self.leading = font, size, leading
        self._placed: list[tuple[float, int, str, bool]] = []  # x, line, caption, ticked

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        box, gap = self.size * 0.9, self.size * 0.35
        x, line = 0.0, 0
        self._placed = []
        for caption, ticked in self.options:
            width = box + gap + stringWidth(caption, self.font, self.size)
            if x > 0 and x + width > availWidth:
                x, line = 0.0, line + 1
            self._placed.append((x, line, caption, ticked))
            x += width + self.size * 1.5
        self.width, self.height = availWidth, (line + 1) * self.leading
        return self.width, self.height

    def draw(self) -> None:
        canvas, box = self.canv, self.size * 0.9
        canvas.setLineWidth(0.6)
        for x, line, caption, ticked in self._placed:
            baseline = (
                self.height - (line + 1) * self.leading + (self.leading - self.size) / 2 + self.size * 0.15
            )
            canvas.rect(x, baseline - self.size * 0.08, box, box, stroke=1, fill=0)
            if ticked:
                canvas.setFont(self.font, box)
                canvas.drawCentredString(x + box / 2, baseline + self.size * 0.02, TICK)
            canvas.setFont(self.font, self.size)
            canvas.drawString(x + box + self.size * 0.35, baseline, caption)


def grid_commands(styles: Styles, shaded_rows: int = 0) -> list[tuple]:
    """Thin black grid, middle-aligned cells, tight padding; the first ``shaded_rows`` rows filled."""
    commands: list[tuple] = [
        ("GRID", (0, 0), (-1, -1), _GRID_WIDTH, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]
    if shaded_rows:
        commands += fill(styles, (0, 0), (-1, shaded_rows - 1))
    return commands


def fill(styles: Styles, start: tuple[int, int], end: tuple[int, int]) -> list[tuple]:
    """A light background for captions; nothing on dot-matrix paper, where grey prints as noise."""
    return [("BACKGROUND", start, end, _FILL)] if styles.shading else []


def widths(total: float, weights: Sequence[float]) -> list[float]:
    """Column widths in points from relative weights, so one layout fits A4 and the 241 mm form."""
    scale = total / sum(weights)
    return [w * scale for w in weights]


# ---------------------------------------------------------------------------------------------- fields


@dataclass(frozen=True)
class Field:
    """One labelled value; ``span`` value columns wide (the last field of a row stretches to the end)."""

    caption: str
    value: Cell
    span: int = 1


@dataclass(frozen=True)
class Section:
    caption: str
    rows: Sequence[Sequence[Field]]


FIELD_WEIGHTS = (13, 19, 13, 19, 15, 21)  # three label/value pairs; the last value is widest


def field_grid(sections: Sequence[Section], *, width: float, styles: Styles) -> Table:
    """Labelled values, up to three per row, with a shaded caption row per section."""
    n = len(FIELD_WEIGHTS)
    data: list[list[Cell]] = []
    commands = grid_commands(styles)
    for section in sections:
        r = len(data)
        data.append([styles.para(section.caption, styles.heading)] + [""] * (n - 1))
        commands += [("SPAN", (0, r), (-1, r)), *fill(styles, (0, r), (-1, r))]
        for fields in section.rows:
            r, row = len(data), []
            for i, f in enumerate(fields):
                span = n - len(row) - 1 if i == len(fields) - 1 else f.span
                row += [styles.para(f.caption), styles.para(f.value)] + [""] * (span - 1)
                if span > 1:
                    commands.append(("SPAN", (len(row) - span, r), (len(row) - 1, r)))
            data.append(row)
    return Table(data, colWidths=widths(width, FIELD_WEIGHTS), style=TableStyle(commands))


# ----------------------------------------------------------------------------------------- line tables


@dataclass(frozen=True)
class Column:
    title: str
    weight: float
    align: str = "left"  # "left" | "right" | "center"


@dataclass(frozen=True)
class Subtotal:
    caption: str
    amount: str
    column: int  # the amount column it sits under


def line_table(
    caption: str,
    columns: Sequence[Column],
    rows: Sequence[Sequence[Cell]],
    *,
    width: float,
    styles: Styles,
    subtotal: Subtotal,
    empty: str,
) -> Table:
    """A numbered list of lines (labour, parts, fees) with a 小计 row.

    The caption and header rows repeat at the top of every page the table spills onto, so a page
    torn off a continuous form still says which table its lines belong to.
    """
    n = len(columns)
    by_align = {"left": styles.text, "right": styles.right, "center": styles.center}
    data: list[list[Cell]] = [
        [styles.para(caption, styles.heading)] + [""] * (n - 1),
        [styles.para(c.title, styles.heading) for c in columns],
    ]
    commands = [*grid_commands(styles, shaded_rows=2), ("SPAN", (0, 0), (-1, 0))]
    for values in rows:
        data.append([styles.para(v, by_align[c.align]) for v, c in zip(values, columns, strict=True)])
    if not rows:
        data.append([styles.para(empty, styles.center)] + [""] * (n - 1))
        commands.append(("SPAN", (0, len(data) - 1), (-1, len(data) - 1)))
    r, col = len(data), subtotal.column
    last: list[Cell] = [""] * n
    last[0] = styles.para(subtotal.caption, styles.center)
    last[col] = styles.para(subtotal.amount, styles.right)
    data.append(last)
    if col > 1:
        commands.append(("SPAN", (0, r), (col - 1, r)))
    if col < n - 1:
        commands.append(("SPAN", (col + 1, r), (n - 1, r)))
    return Table(
        data, colWidths=widths(width, [c.weight for c in columns]), repeatRows=2, style=TableStyle(commands)
    )
