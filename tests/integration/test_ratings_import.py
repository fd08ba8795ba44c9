"""Importing a provincial portal's rating export from real .csv and .xlsx files: preview, per-row errors,
all or nothing, and re-import without duplicates."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.context import AppContext
from app.domain.errors import DomainError
from app.i18n import render
from app.ratings.dimensions import SHANGHAI_DIMENSIONS
from localdb import ratings_models as rm
from tests.integration.ratings_helpers import settled_order, staff_id

SH_HEADERS = ["id", "vehicleNum", "createTime", "keepAppointment", "attitude", "quality", "speed", "price", "content"]


def _csv(path: Path, headers: list[str], rows: list[list[object]], encoding: str = "utf-8-sig") -> Path:
    with path.open("w", newline="", encoding=encoding) as f:
        writer = csv.writer(f)
        writer.writerow(headers)
        writer.writerows(rows)
    return path


def _stored(ctx: AppContext) -> int:
    with ctx.db.read() as s:
        return s.query(rm.Rating).count()


def test_shanghai_export_imports_links_and_reimports_without_duplicates(ctx: AppContext, tmp_path: Path) -> None:
    order = settled_order(ctx, 1, [staff_id(ctx, "李强")], staff_id(ctx, "王丽"))
    ctx.ratings.use_profile_dimensions(SHANGHAI_DIMENSIONS)
    path = _csv(tmp_path / "评价.csv", SH_HEADERS, [
        ["c-1", "沪A10001", "2026-11-27 09:30:00", 5, 5, 4, 5, 3, "师傅很专业"],
        ["c-2", "沪B55555", "2026/11/28 10:00", 4, 4, 4, 4, 4, ""],
    ])  # fmt: skip
    preview = ctx.ratings.preview_file(path)
    assert preview.importable and len(preview.ratings) == 2 and preview.already_stored == 0
    assert preview.ratings[0].scores == {"keep_appointment": 5, "attitude": 5, "quality": 4, "efficiency": 5,
                                         "pricing": 3}  # fmt: skip
    result = ctx.ratings.import_preview(preview)
    assert (result.added, result.skipped, result.linked) == (2, 0, 1)
    again = ctx.ratings.preview_file(path)
    assert again.already_stored == 2
    assert ctx.ratings.import_preview(again).added == 0 and _stored(ctx) == 2
    rows = ctx.ratings.dashboard(date(2026, 11, 1), date(2026, 12, 1)).lowest
    linked = next(r for r in rows if r.plate == "沪A10001")
    assert linked.work_order_id == order.id and linked.technicians == "李强" and linked.comment == "师傅很专业"


def test_xlsx_with_chinese_headers_and_no_ids_is_stable_on_reimport(ctx: AppContext, tmp_path: Path) -> None:
    order = settled_order(ctx, 2, [staff_id(ctx, "李强")], None)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["结算清单编号", "车牌号", "评价时间", "维修质量", "维修效率", "维修收费", "服务态度", "服务环境"])
    sheet.append([order.costlistcode, "", "2026-11-27 12:00", 5, 4, 4, 5, 5])
    sheet.append(["", "沪C12345", "2026-11-28", 3.0, 3, 2, 4, 4])
    sheet.append([None] * 8)  # Excel's trailing blank row
    path = tmp_path / "ratings.xlsx"
    book.save(path)
    first = ctx.ratings.import_preview(ctx.ratings.preview_file(path))
    assert (first.added, first.linked) == (2, 1)
    assert ctx.ratings.import_preview(ctx.ratings.preview_file(path)).added == 0 and _stored(ctx) == 2


def test_malformed_rows_are_each_reported_and_nothing_is_imported(ctx: AppContext, tmp_path: Path) -> None:
    headers = ["车牌号", "评价时间", "维修质量", "维修效率", "维修收费", "服务态度", "服务环境"]
    path = _csv(tmp_path / "bad.csv", headers, [
        ["沪A11111", "2026-11-27 09:30", 5, 5, 5, 5, 5],  # fine
        ["沪A22222", "2026-11-27 09:30", 6, 5, 5, 5, 5],  # row 3: score 6
        ["沪A33333", "昨天", 5, 5, 5, 5, 5],  # row 4: time
        ["", "2026-11-27 09:30", 5, 5, 5, 5, 5],  # row 5: no plate
        ["沪A44444", "2026-11-27 09:30", 5, 5, "", 5, 5],  # row 6: empty score
    ], encoding="gb18030")  # fmt: skip
    preview = ctx.ratings.preview_file(path)
    assert [(e.row, e.code) for e in preview.errors] == [
        (3, "rating.import.bad_score"), (4, "rating.import.bad_time"), (5, "rating.import.no_plate_or_code"),
        (6, "rating.import.bad_score"),
    ]  # fmt: skip
    assert "1 到 5" in render(preview.errors[0].code, preview.errors[0].params)
    with pytest.raises(DomainError) as caught:
        ctx.ratings.import_preview(preview)
    assert caught.value.code == "rating.import.has_errors" and caught.value.params == {"count": 4}
    assert _stored(ctx) == 0


def test_missing_columns_and_unsupported_files(ctx: AppContext, tmp_path: Path) -> None:
    preview = ctx.ratings.preview_file(_csv(tmp_path / "x.csv", ["车牌号", "评价时间", "维修质量"], [["沪A1", "2026-11-27", 5]]))
    assert preview.errors[0].code == "rating.import.missing_columns" and not preview.importable
    assert "维修效率" in preview.errors[0].params["columns"]
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    with pytest.raises(DomainError) as caught:
        ctx.ratings.preview_file(tmp_path / "x.pdf")
    assert caught.value.code == "rating.import.unsupported_file"
