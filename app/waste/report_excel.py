"""The ledger tables, declaration figures and mass balance of a period as an Excel workbook (openpyxl).

Numbers stay numbers (Decimal) so the shop can add them up or paste them into the national system; the
first rows of every sheet say which shop, which period and which edition of the 名录 the codes follow.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from app.waste.report_data import TABLES
from app.waste.report_layout import (
    BALANCE_COLUMNS,
    DECLARATION_COLUMNS,
    DECLARATION_TOTALS,
    LEDGER_COLUMNS,
    Col,
    total,
)
from app.waste.reports import PeriodReport

_HEAD = Font(bold=True)
_FILL = PatternFill("solid", fgColor="DDDDDD")


def _sheet(ws: Worksheet, title: str, report: PeriodReport, columns: Sequence[Col], items: Sequence[object]) -> int:
    ws.append([title])
    ws.append([f"{report.shop_name}　统计期间：{report.start.isoformat()} 至 {report.end.isoformat()}　代码依据：{report.edition}"])
    ws.append([col.title for col in columns])
    for cell in ws[3]:
        cell.font, cell.fill = _HEAD, _FILL
    for item in items:
        ws.append([col.value(item) for col in columns])
    for i, col in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(i)].width = max(8, col.weight * 1.6)
    for row in ws.iter_rows(min_row=4):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A4"
    return ws.max_row


def render_excel(report: PeriodReport) -> bytes:
    wb = Workbook()
    first = True
    for key, title, _stages in TABLES:
        ws = wb.active if first else wb.create_sheet()
        assert ws is not None
        ws.title = title.split(" ")[1].replace("/", "、")[:31]  # "/" is not allowed in a sheet name
        first = False
        rows = report.tables[key]
        last = _sheet(ws, title, report, LEDGER_COLUMNS[key], rows)
        weight_col = [c.title for c in LEDGER_COLUMNS[key]].index("重量(kg)")
        ws.cell(last + 1, 1, "合计(kg)").font = _HEAD
        ws.cell(last + 1, weight_col + 1, total([r.weight_kg for r in rows]))
    ws = wb.create_sheet("申报汇总")
    last = _sheet(ws, "危险废物申报（吨）", report, DECLARATION_COLUMNS, report.declaration)
    ws.cell(last + 1, 1, "合计").font = _HEAD
    for col in DECLARATION_TOTALS:
        ws.cell(last + 1, col + 1, total([DECLARATION_COLUMNS[col].value(r) for r in report.declaration]))
    ws.append([])
    ws.append([report.edition_note])
    _sheet(wb.create_sheet("物料平衡"), "物料平衡核对（工单更换件 ↔ 台账产生量）", report, BALANCE_COLUMNS, report.balance)
    _sheet(wb.create_sheet("一般固废"), "一般工业固体废物（废轮胎、废钢铁）", report, DECLARATION_COLUMNS, report.general)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def suggested_name(report: PeriodReport, ext: str) -> str:
    return f"危废台账_{report.start:%Y%m%d}-{report.end:%Y%m%d}.{ext}"

