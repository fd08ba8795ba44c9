"""The one Excel writer of the owner-service lists (defects, emissions, accidents), so the three exports
look alike and none repeats the openpyxl boilerplate: a title row, a subtitle row (shop, period), a bold
header, wrapped cells, frozen header, and numbers kept as numbers so the shop can add them up."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

Cell = str | int | float | None


@dataclass(frozen=True)
class Sheet:
    title: str  # sheet tab name (≤ 31 characters)
    heading: str  # first row
    subtitle: str  # second row: shop, period, filters
    headers: Sequence[str]
    widths: Sequence[float]
    rows: Sequence[Sequence[Cell]]
    footer: Sequence[Cell] = ()  # a totals row, when the list has one


def workbook(*sheets: Sheet) -> bytes:
    # openpyxl is imported here, not at module level: it costs ~0.3 s of every start-up otherwise.
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    first = wb.active
    assert first is not None
    wb.remove(first)
    for sheet in sheets:
        ws = wb.create_sheet(sheet.title[:31])
        ws.append([sheet.heading])
        ws["A1"].font = Font(bold=True, size=13)
        ws.append([sheet.subtitle])
        ws.append(list(sheet.headers))
        for cell in ws[3]:
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="DDDDDD")
        for row in sheet.rows:
            ws.append(list(row))
        if sheet.footer:
            ws.append(list(sheet.footer))
            for cell in ws[ws.max_row]:
                cell.font = Font(bold=True)
        for i, width in enumerate(sheet.widths, start=1):
            ws.column_dimensions[get_column_letter(i)].width = width
        for row in ws.iter_rows(min_row=4):
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.freeze_panes = "A4"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()

