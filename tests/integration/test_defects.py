"""Suspected-defect cases: flagged from a work order with photos copied into the data folder, listed with
the same-model same-component hint, exported as PDF (read back) and Excel."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PIL import Image
from pypdf import PdfReader

from app.context import AppContext
from app.domain.errors import DomainError
from app.domain.vin import with_check_digit
from app.owner_services.defects import PHOTO_FOLDER, DefectInput, export_xlsx
from app.reports.defect_report import render_defect_report
from app.services.vehicles import VehicleInput
from tests.integration.orders_helpers import make_order, make_vehicle


def photo(folder: Path, name: str, colour: str = "red") -> Path:
    path = folder / name
    Image.new("RGB", (320, 240), colour).save(path)
    return path


def order_for(ctx: AppContext, n: int, model: str = "大众朗逸", mileage: int = 30000) -> int:
    vehicle = ctx.vehicles.create(
        VehicleInput(f"沪C{n:05d}", 1, with_check_digit(f"LSVAM4180C3{n:06d}"), model, "", "car", "王五", "")
    )
    return make_order(ctx, vehicle, mileage=mileage).id


def test_flag_copies_photos_and_snapshots_the_vehicle(ctx: AppContext, tmp_path: Path) -> None:
    vehicle = make_vehicle(ctx)
    order = make_order(ctx, vehicle, mileage=61234)
    src = [photo(tmp_path, "刹车泵 渗油.jpg"), photo(tmp_path, "IMG_0002.PNG", "blue")]
    case = ctx.owner.defects.flag(
        DefectInput(order.id, "制动总泵", "制动踏板行程变长，总泵处渗油", "拆检发现总泵皮碗老化开裂，行驶 6 万公里", "李强",
                    tuple(src))
    )
    assert (case.vin, case.plate, case.brand_model, case.mileage) == (vehicle.vin, "沪A12345", "大众朗逸", 61234)
    assert case.order_no == order.order_no and case.technician == "李强" and case.similar == 0
    assert len(case.photos) == 2
    for stored, original in zip(case.photos, src, strict=True):
        assert stored.is_file() and stored.read_bytes() == original.read_bytes()
        assert ctx.data_dir.root / PHOTO_FOLDER in stored.parents
    for original in src:
        original.unlink()  # the technician's copies may go: the case keeps its own
    assert all(p.is_file() for p in ctx.owner.defects.get(case.id).photos)


def test_bad_input_saves_nothing(ctx: AppContext, tmp_path: Path) -> None:
    order = make_order(ctx, make_vehicle(ctx))
    (tmp_path / "notes.txt").write_text("x")
    with pytest.raises(DomainError) as err:
        ctx.owner.defects.flag(DefectInput(order.id, "", "", photos=(tmp_path / "missing.jpg", tmp_path / "notes.txt")))
    assert [i.code for i in err.value.issues] == [
        "defect.component_required", "defect.symptom_required", "defect.photo_missing", "defect.photo_type"
    ]
    ctx.orders.cancel(order.id, "客户不修了")
    with pytest.raises(DomainError) as err:
        ctx.owner.defects.flag(DefectInput(order.id, "制动总泵", "渗油", photos=(photo(tmp_path, "a.jpg"),)))
    assert err.value.code == "special.order_cancelled"
    assert ctx.owner.defects.list() == []
    assert not (ctx.data_dir.root / PHOTO_FOLDER).exists() or not any((ctx.data_dir.root / PHOTO_FOLDER).rglob("*.jpg"))


def test_same_model_same_component_on_three_cars_is_a_hint(ctx: AppContext) -> None:
    for n in range(3):  # three different 朗逸, the component typed three ways
        ctx.owner.defects.flag(DefectInput(order_for(ctx, n), ["制动总泵", "制动 总泵", "制动总泵 "][n], "渗油"))
    ctx.owner.defects.flag(DefectInput(order_for(ctx, 10, "丰田卡罗拉"), "制动总泵", "渗油"))
    ctx.owner.defects.flag(DefectInput(order_for(ctx, 11), "水泵", "异响"))
    [hint] = ctx.owner.defects.frequent()
    assert (hint.brand_model, hint.vehicles, hint.cases) == ("大众朗逸", 3, 3)
    by_component = {(c.brand_model, c.component.replace(" ", "")): c.similar for c in ctx.owner.defects.list()}
    assert by_component[("大众朗逸", "制动总泵")] == 2 and by_component[("丰田卡罗拉", "制动总泵")] == 0
    assert ctx.owner.defects.frequent(min_vehicles=4) == []


def test_pdf_and_excel_exports(ctx: AppContext, tmp_path: Path) -> None:
    for n in range(3):
        ctx.owner.defects.flag(
            DefectInput(order_for(ctx, n, mileage=40000 + n), "电子节气门", "怠速抖动、加速无力", "节气门体积碳严重，清洗后仍报 P2135",
                        "李强", (photo(tmp_path, f"p{n}.jpg"),))
        )
    cases, hints = ctx.owner.defects.list(), ctx.owner.defects.frequent()
    pdf = render_defect_report(cases, hints, "上海扳手汽车维修有限公司", "2026-11")
    text = "".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages).replace(" ", "")
    assert "机动车疑似缺陷线索报告" in text and "同车型、同部件多车出现" in text
    for c in cases:
        assert c.vin in text
    assert "P2135" in text and "40,001" in text
    book = load_workbook(io.BytesIO(export_xlsx(cases, "上海扳手汽车维修有限公司", "2026-11")))
    ws = book["缺陷线索"]
    assert ws["A1"].value == "机动车疑似缺陷线索汇总" and ws["D3"].value == "车辆识别代码(VIN)"
    assert {ws.cell(r, 4).value for r in range(4, 7)} == {c.vin for c in cases}
    assert ws.cell(4, 6).value in {40000, 40001, 40002}  # a number, not text
