"""Waste reports read back: the Excel workbook with openpyxl, the PDFs with pypdf; tonnes totals match
the rows and the declaration balances (opening + generated − handed over = closing)."""

from __future__ import annotations

import io
from datetime import date, timedelta
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from app.context import AppContext
from app.waste.dto import HandoffInput, HandoffLineInput
from tests.integration.orders_helpers import make_order, make_vehicle, settle_in_full
from tests.integration.test_waste_ledger import MANIFEST, add_collector, generate

DAY = date(2026, 11, 26)


@pytest.fixture
def busy(ctx: AppContext) -> tuple[AppContext, int]:
    """Last month: oil and a battery; this period: more oil, two batteries, a catalyst, a reversal, a handoff."""
    ctx.clock.advance(-40 * 86400)
    generate(ctx, "waste_oil", "150", "132")
    generate(ctx, "lead_battery", "1", "14.2")
    ctx.clock.advance(39 * 86400)
    settle_in_full(ctx, make_order(ctx, make_vehicle(ctx)))  # 4.5 L oil + 1 filter expected
    oil, _ = generate(ctx, "waste_oil", "4.2", "3.7")
    battery, _ = generate(ctx, "lead_battery", "2", "30.1")
    generate(ctx, "catalyst", "1", "4.8")
    wrong, _ = generate(ctx, "catalyst", "1", "5")
    ctx.waste.ledger.reverse(wrong.id, "重复登记", "李强")
    generate(ctx, "tyres", "4", "36")
    collector = add_collector(ctx)
    h = ctx.waste.handoffs.create(HandoffInput(collector, (
        HandoffLineInput(oil.container_id, Decimal("154.2"), Decimal("135.7")),
        HandoffLineInput(battery.container_id, Decimal(3), Decimal("44.3"))),
        manifest_no=MANIFEST, carrier_name="绿源物流", carrier_plate="沪D12345", handled_by="王丽",
        payment_fen=12000), dispatch=True)  # fmt: skip
    ctx.clock.advance(3600)
    return ctx, h.id


def test_declaration_balances_and_totals_match(busy: tuple[AppContext, int]) -> None:
    ctx, _ = busy
    report = ctx.waste.reports.period(DAY - timedelta(days=20), DAY)
    rows = {r.code: r for r in report.declaration}
    assert set(rows) == {"900-214-08", "900-052-31", "900-049-50"}
    oil = rows["900-214-08"]
    assert (oil.opening_t, oil.generated_t, oil.handed_over_t, oil.closing_t) == (
        Decimal("0.132"), Decimal("0.0037"), Decimal("0.1357"), Decimal("0"))
    for r in report.declaration:
        assert r.opening_t + r.generated_t - r.handed_over_t == r.closing_t
    assert rows["900-049-50"].generated_t == Decimal("0.0048")  # the reversed duplicate is netted out
    assert [g.names for g in report.general] == ["废轮胎"]
    balance = {b.kind_key: b for b in report.balance}
    assert balance["waste_oil"].expected == Decimal("4.5") and balance["waste_oil"].ledgered == Decimal("4.2")
    assert balance["waste_oil"].ok
    assert not balance["oil_filter"].ok  # a filter was replaced but never ledgered
    assert len(report.tables["entrusted"]) == 2 and len(report.tables["generation"]) == 6  # 5 + 1 reversal


def test_excel_reads_back_with_tonnes_totals_matching_rows(busy: tuple[AppContext, int]) -> None:
    ctx, _ = busy
    wb = load_workbook(io.BytesIO(ctx.waste.reports.excel(DAY - timedelta(days=20), DAY)))
    assert wb.sheetnames[:4] == ["产生环节记录表", "入库环节记录表", "出库环节记录表", "委外利用、处置环节记录表"]
    ws = wb["申报汇总"]
    header = [c.value for c in ws[3]]
    generated, handed = header.index("本期产生(t)") + 1, header.index("本期委外(t)") + 1
    body = [r for r in ws.iter_rows(min_row=4, values_only=True) if r[0] and str(r[1] or "").count("-") == 2]
    total_row = next(r for r in ws.iter_rows(min_row=4, values_only=True) if r[0] == "合计")
    assert len(body) == 3
    assert Decimal(str(total_row[generated - 1])) == sum(Decimal(str(r[generated - 1])) for r in body) == Decimal("0.0386")
    assert Decimal(str(total_row[handed - 1])) == Decimal("0.18")
    gen = wb["产生环节记录表"]
    codes = [r[0] for r in gen.iter_rows(min_row=4, values_only=True)]
    assert "HWCS20261126001" in codes[0] or any("HWCS" in str(c) for c in codes)
    assert any("冲正" in str(c) for c in codes)
    assert "2025" in str(ws.cell(ws.max_row, 1).value)  # the 2025-edition check note travels with the figures


def test_period_pdf_reads_back(busy: tuple[AppContext, int]) -> None:
    ctx, _ = busy
    pdf = PdfReader(io.BytesIO(ctx.waste.reports.pdf(DAY - timedelta(days=20), DAY)))
    text = "".join(page.extract_text() for page in pdf.pages)
    for expected in ("危险废物管理台账", "B.1 产生环节记录表", "B.5 委外利用/处置环节记录表", "900-052-31",
                     "危险废物申报汇总", "0.0386", "0.18", "物料平衡核对", "需核对", "第 1 页 共"):  # fmt: skip
        assert expected in text, expected


def test_handoff_record_pdf_for_signatures(busy: tuple[AppContext, int]) -> None:
    ctx, handoff_id = busy
    pages = PdfReader(io.BytesIO(ctx.waste.reports.handoff_pdf(handoff_id))).pages
    text = "".join(p.extract_text() for p in pages).replace("\n", "")  # cells wrap long names
    for expected in ("危险废物转移交接记录", MANIFEST, "上海绿源再生资源有限公司", "沪D12345", "FY-001", "DC-001",
                     "180", "承运人签字", "接受人签字", "接收方支付给本单位", "120.00 元", "不代替"):  # fmt: skip
        assert expected in text, expected
