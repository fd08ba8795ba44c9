"""The emissions (M station) and accident work-order types: side records on ordinary work orders, their
checks, lists and Excel exports."""

from __future__ import annotations

import io
from datetime import date

import pytest
from openpyxl import load_workbook

from app.context import AppContext
from app.domain.errors import DomainError
from app.owner_services import accident, emissions
from app.owner_services.accident import AccidentInput
from app.owner_services.emissions import EmissionsInput
from tests.integration.orders_helpers import make_order, make_vehicle, settle_in_full


def test_emissions_record_from_failed_test_to_passed_retest(ctx: AppContext) -> None:
    order = make_order(ctx, make_vehicle(ctx))
    failed = EmissionsInput("310115202611260012", ("NOx 超标", "OBD 故障指示灯点亮", "NOx 超标"),
                            "三元催化器转化效率低（P0420）", "更换三元催化器，清除故障码")  # fmt: skip
    record = ctx.owner.emissions.save(order.id, failed)
    assert record.failed_items == ("NOx 超标", "OBD 故障指示灯点亮") and record.retest_result == "pending"
    assert record.order.plate == "沪A12345" and record.order.order_no == order.order_no
    with pytest.raises(DomainError) as err:  # a result needs the re-test report
        ctx.owner.emissions.save(order.id, EmissionsInput("310115202611260012", ("NOx 超标",), retest_result="pass"))
    assert err.value.code == "emissions.retest_report_required"
    passed = EmissionsInput(failed.test_report_no, failed.failed_items, failed.diagnosis, failed.repair, "pass",
                            "310115202611270003", date(2026, 11, 27))  # fmt: skip
    ctx.owner.emissions.save(order.id, passed)
    settle_in_full(ctx, ctx.orders.get(order.id))  # an ordinary settlement: the record stays with the order
    [row] = ctx.owner.emissions.list(date(2026, 11, 1), date(2026, 11, 30))
    assert row.retest_result == "pass" and row.order.costlistcode is not None and row.order.state == "settled"
    assert ctx.owner.emissions.list(result="fail") == []
    book = load_workbook(io.BytesIO(emissions.export_xlsx([row], "上海扳手汽车维修有限公司", "2026-11")))
    ws = book["排放维修"]
    assert ws["G4"].value == "310115202611260012" and ws["K4"].value == "复检合格"
    assert ws["H4"].value == "NOx 超标；OBD 故障指示灯点亮" and "复检合格 1 辆" in ws["A2"].value
    ctx.owner.emissions.remove(order.id)
    assert ctx.owner.emissions.get(order.id) is None


def test_emissions_input_is_checked(ctx: AppContext) -> None:
    order = make_order(ctx, make_vehicle(ctx))
    with pytest.raises(DomainError) as err:
        ctx.owner.emissions.save(order.id, EmissionsInput(" ", (), retest_result="maybe"))
    assert [i.code for i in err.value.issues] == [
        "emissions.report_required", "emissions.failed_items_required", "emissions.result_invalid"
    ]


def test_accident_claims_reconcile_by_insurer(ctx: AppContext) -> None:
    a = make_order(ctx, make_vehicle(ctx))
    b = make_order(ctx, make_vehicle(ctx, "沪A67890", "LSVAM4187C2184999"))
    ctx.owner.accidents.save(a.id, AccidentInput("中国人保财险", "RDAA2026310000012345", 30000, direct_claim=True))
    ctx.owner.accidents.save(b.id, AccidentInput("平安产险", "PA2026-778899", 50000))
    settle_in_full(ctx, ctx.orders.get(a.id))
    rows = ctx.owner.accidents.list()
    assert [r.insurer for r in rows] == ["平安产险", "中国人保财险"]  # newest first
    [picc] = ctx.owner.accidents.list(insurer="中国人保财险")
    # Order a: labour 0.5 h × ¥85.55 = ¥42.78; oil 4.5 L × ¥68 = ¥306; filter ¥45; waste-oil fee ¥10 → ¥403.78.
    assert picc.order.due_fen == 40378 and picc.difference_fen == 40378 - 30000 and picc.direct_claim
    assert sorted(ctx.owner.accidents.insurers()) == ["中国人保财险", "平安产险"]
    ws = load_workbook(io.BytesIO(accident.export_xlsx(rows, "上海扳手汽车维修有限公司", "2026-11")))["事故维修"]
    assert ws["A3"].value == "保险公司" and ws["C5"].value == "是" and ws["I5"].value == 300.0
    assert ws["A6"].value == "合计" and ws["I6"].value == 800.0 and ws["J6"].value == 807.56
    with pytest.raises(DomainError) as err:
        ctx.owner.accidents.save(a.id, AccidentInput("", "", -1))
    assert [i.code for i in err.value.issues] == [
        "accident.insurer_required", "accident.claim_required", "accident.amount_invalid"
    ]


def test_a_cancelled_order_cannot_be_a_special_repair(ctx: AppContext) -> None:
    order = make_order(ctx, make_vehicle(ctx))
    ctx.orders.cancel(order.id, "重复开单")
    with pytest.raises(DomainError) as err:
        ctx.owner.accidents.save(order.id, AccidentInput("平安产险", "X1", 100))
    assert err.value.code == "special.order_cancelled"
