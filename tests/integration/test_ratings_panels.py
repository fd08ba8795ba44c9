"""Compliance and business panels on a small hand-computed fixture (expected values in comments)."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select, update

from app.context import AppContext
from localdb import models as m
from localdb import ratings_models as rm
from tests.integration.ratings_helpers import settled_order, staff_id

NOV, DEC = date(2026, 11, 1), date(2026, 12, 1)


def _four_orders(ctx: AppContext) -> list[int]:
    """Four settled orders (at the clock's 2026-11-26 10:00 local): labour 100 元 + part 300 元 each;
    orders 0 and 1 with a part cost of 200 元."""
    tech = staff_id(ctx, "李强")
    faults = ["刹车异响", "刹车异响", "空调不制冷", "刹车异响"]
    return [settled_order(ctx, n, [tech], None, fault=faults[n], cost_fen=20000 if n < 2 else None).id
            for n in range(4)]  # fmt: skip


def test_compliance_counts_and_lists(ctx: AppContext) -> None:
    ids = _four_orders(ctx)
    settled = ctx.clock.now()
    with ctx.db.write() as s:
        rows = {e.record_id: e for e in s.scalars(select(m.OutboxEntry))}
        rows[ids[0]].state, rows[ids[0]].updated_at = "done", settled + timedelta(minutes=20)  # ≤ 1 h
        rows[ids[1]].state, rows[ids[1]].updated_at = "done", settled + timedelta(hours=30)  # 1–7 days
        rows[ids[2]].state = "rejected"
        s.add(m.ConfirmedWarning(work_order_id=ids[3], code="vin.check_digit", params={}, reason="旧车",
                                 confirmed_at=settled))  # fmt: skip
    ctx.clock.advance(2 * 86400)  # order 3 has now waited 48 h: needs attention
    p = ctx.ratings.compliance(NOV, DEC)
    # 4 settled; 2 accepted (50 %); 1 within 1 h (25 %) and within 24 h (25 %); 1 rejected; 1 pending,
    # waiting > 24 h; 1 warning → 25 per 100 orders
    assert (p.settled, p.uploaded, p.within_1h, p.within_24h, p.rejected, p.pending, p.attention) == (4, 2, 1, 1, 1, 1, 1)
    assert (p.uploaded_share, p.within_1h_share, p.warnings_per_100) == (0.5, 0.25, 25.0)
    assert dict(p.latency_bands) == {"≤1小时": 1, "1–24小时": 0, "1–7天": 1, ">7天": 0}
    assert [r.work_order_id for r in ctx.ratings.compliance_list(NOV, DEC, "rejected")] == [ids[2]]
    assert {r.work_order_id for r in ctx.ratings.compliance_list(NOV, DEC, "over_24h")} == {ids[1], ids[2], ids[3]}
    assert ctx.ratings.compliance_list(NOV, DEC, "warnings")[0].detail.startswith("vin.check_digit")
    empty = ctx.ratings.compliance(date(2026, 1, 1), date(2026, 2, 1))
    assert (empty.settled, empty.uploaded_share, empty.warnings_per_100) == (0, None, None)


def test_business_panel_sums_margin_and_typical_faults(ctx: AppContext) -> None:
    _four_orders(ctx)
    p = ctx.ratings.business(NOV, DEC, "month")
    # 4 orders × (100 元 labour + 300 元 part) = 1,600 元; average ticket 400 元
    assert (p.orders, p.labour_fen, p.parts_fen, p.revenue_fen, p.average_ticket_fen) == (4, 40000, 120000, 160000, 40000)
    assert [b.label for b in p.buckets] == ["2026-11"]
    # margin on the two parts with a cost price: (600 − 400) / 600 = 33.3 %
    assert (p.parts_with_cost_fen, p.parts_cost_fen) == (60000, 40000)
    assert p.parts_margin is not None and round(p.parts_margin, 3) == 0.333
    assert [(r.name, r.count, r.amount_fen) for r in p.top_items] == [("更换刹车片", 4, 40000)]
    assert [(g.group, g.faults) for g in p.by_model] == [("大众朗逸", (("刹车异响", 3), ("空调不制冷", 1)))]
    assert [g.group for g in p.by_month] == ["11月"] and [g.group for g in p.by_mileage] == ["3–6万公里"]
    days = ctx.ratings.business(NOV, DEC, "day")
    assert len(days.buckets) == 30 and next(b for b in days.buckets if b.label == "2026-11-26").orders == 4
    assert ctx.ratings.business(date(2026, 1, 1), date(2026, 2, 1)).orders == 0


def test_closed_months_are_cached_and_recounted_when_they_change(ctx: AppContext) -> None:
    _four_orders(ctx)
    ctx.clock.advance(10 * 86400)  # December: November is closed
    first = ctx.ratings.business(NOV, DEC)
    with ctx.db.read() as s:
        assert [r.month for r in s.scalars(select(rm.DashboardMonth))] == ["2026-11"]
    with ctx.db.write() as s:  # a late correction of one November order: its month must be counted again
        s.execute(update(m.WorkOrder).where(m.WorkOrder.id == 1).values(superseded=True))
    again = ctx.ratings.business(NOV, DEC)
    assert (first.orders, again.orders) == (4, 3)
    assert sum(n for g in again.by_model for _, n in g.faults) == 3
