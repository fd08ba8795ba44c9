"""Maintenance reminders on a real database: by date, by estimated mileage, whichever first, re-arming by
settled matching work, per-vehicle overrides, the contacted mark and the SMS export.

The clock starts on 2025-01-06 and moves forward through each car's life, visit by visit, so every
settlement happens on its own day. Expected values are worked out by hand in the comments.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

import pytest

from app.context import AppContext
from app.domain.clock import SHOP_TZ, ManualClock
from app.domain.errors import DomainError
from app.domain.vin import with_check_digit
from app.owner_services.mileage import BASIS_DEFAULT, BASIS_HISTORY, clean_readings, estimate
from app.owner_services.reminders import (
    BY_DATE,
    BY_MILEAGE,
    DUE,
    OVERDUE,
    UPCOMING,
    RuleInput,
    add_months,
    export_csv,
)
from app.services.dto import LabourLine, VehicleDetail
from app.services.vehicles import VehicleInput
from app.services.workorders import IntakeHeader
from tests.integration.orders_helpers import settle_in_full

OIL = RuleInput("更换机油机滤", 6, 5000, ("机油",))


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(datetime(2025, 1, 6, 2, 0, tzinfo=UTC))  # 10:00 in Shanghai


def car(ctx: AppContext, n: int = 1, owner: str = "张三", phone: str = "13800138000") -> VehicleDetail:
    return ctx.vehicles.create(
        VehicleInput(f"沪B{n:05d}", 1, with_check_digit(f"LSVAM4180C2{n:06d}"), "大众朗逸", "", "car", owner, phone)
    )


def visit(
    ctx: AppContext, clock: ManualClock, vehicle: VehicleDetail, on: date, km: int,
    items: tuple[str, ...] = ("更换机油机滤",), settle: bool = True,
) -> int:  # fmt: skip
    """The car comes in at 10:00 on ``on`` (local) with ``km`` on the clock; the order is settled at once."""
    target = datetime.combine(on, time(10), tzinfo=SHOP_TZ)
    clock.advance((target - clock.now()).total_seconds())
    technician = ctx.staff.list("technician")[0].id
    wo = ctx.orders.open(vehicle.id, IntakeHeader(clock.now() - timedelta(minutes=30), km, "常规保养"))
    wo = ctx.orders.save_lines(wo.id, [LabourLine(i, Decimal("0.5"), 8000, technician) for i in items], [], [])
    if settle:
        settle_in_full(ctx, wo)
    return wo.id


def test_estimated_mileage_from_irregular_visits_brings_the_reminder_forward(
    ctx: AppContext, clock: ManualClock
) -> None:
    rule = ctx.owner.reminders.save_rule(OIL)
    v = car(ctx)
    # Visits 0, 40, 100 and 200 days after 2025-01-06, gaps of 40, 60 and 100 days:
    visit(ctx, clock, v, date(2025, 1, 6), 10000)  # oil
    visit(ctx, clock, v, date(2025, 2, 15), 11200, ("更换刹车片",))
    visit(ctx, clock, v, date(2025, 4, 16), 13600, ("四轮定位",))
    visit(ctx, clock, v, date(2025, 6, 5), 1500, ("洗车",), settle=False)  # a dropped digit: ignored
    anchor = visit(ctx, clock, v, date(2025, 7, 25), 17000)  # oil again: this arms the reminder
    # Pairwise rates (km/day): 1200/40 = 30, 3600/100 = 36, 7000/200 = 35, 2400/60 = 40, 5800/160 = 36.25,
    # 3400/100 = 34 → sorted 30, 34, 35, 36, 36.25, 40 → median (35 + 36) / 2 = 35.5 km/day.
    # Due by date: 2025-07-25 + 6 months = 2026-01-25.
    # Due by mileage: 17,000 + 5,000 = 22,000; (22,000 − 17,000) / 35.5 = 140.8 → day 141 after 2025-07-25
    # = 2025-12-13. Whichever first: 2025-12-13, by mileage.
    [r] = ctx.owner.reminders.for_vehicle(v.id, today=date(2025, 12, 10))
    assert r.rule_id == rule.id and r.anchor_order_id == anchor
    assert (r.last_done_on, r.last_done_km) == (date(2025, 7, 25), 17000)
    assert r.mileage.basis == BASIS_HISTORY and r.mileage.readings == 4 and r.mileage.daily_km == 35.5
    assert r.due_by_date == date(2026, 1, 25) and r.due_km == 22000
    assert r.km_reached_on == date(2025, 12, 13) and r.due_on == date(2025, 12, 13) and r.reason == BY_MILEAGE
    # On 2025-12-10, 138 days after the last reading: 17,000 + 35.5 × 138 = 21,899 km; due in 3 days (≤ 7).
    assert r.mileage.estimated_km == 21899 and r.status == DUE
    assert [x.plate for x in ctx.owner.reminders.due_list(today=date(2025, 12, 10))] == [v.plate]
    # On 2025-12-01 it is 12 days ahead: upcoming, not on the day's list yet.
    assert ctx.owner.reminders.due_list(today=date(2025, 12, 1)) == []
    # On 2025-12-20 it is 7 days overdue, although the last *recorded* mileage (17,000) is far below 22,000.
    [late] = ctx.owner.reminders.due_list(today=date(2025, 12, 20))
    assert late.status == OVERDUE and late.days_overdue == 7 and late.owner_phone == "13800138000"


def test_a_car_that_is_rarely_driven_is_due_by_date(ctx: AppContext, clock: ManualClock) -> None:
    ctx.owner.reminders.save_rule(OIL)
    v = car(ctx)
    visit(ctx, clock, v, date(2025, 1, 6), 50000)  # oil
    visit(ctx, clock, v, date(2025, 5, 6), 50600, ("更换雨刮片",))
    # Rate: 600 km in 120 days = 5 km/day. By mileage: (55,000 − 50,600) / 5 = 880 days after 2025-05-06.
    # By date: 2025-01-06 + 6 months = 2025-07-06, far earlier: due by date.
    [r] = ctx.owner.reminders.due_list(today=date(2025, 7, 10))
    assert r.due_on == date(2025, 7, 6) and r.reason == BY_DATE and r.status == OVERDUE and r.days_overdue == 4
    assert r.km_reached_on == date(2025, 5, 6) + timedelta(days=880)
    # 2025-07-10 is 65 days after the last reading: 50,600 + 5 × 65 = 50,925.
    assert r.mileage.estimated_km == 50925


def test_one_visit_falls_back_to_the_default_rate(ctx: AppContext, clock: ManualClock) -> None:
    ctx.owner.reminders.save_rule(OIL)
    v = car(ctx)
    visit(ctx, clock, v, date(2025, 1, 6), 30000)
    # One reading: 30 km/day assumed. (35,000 − 30,000) / 30 = 166.7 → day 167 after 2025-01-06 = 2025-06-22,
    # before the date (2025-07-06). On 2025-06-01 (146 days): 30,000 + 30 × 146 = 34,380 km.
    [r] = ctx.owner.reminders.for_vehicle(v.id, today=date(2025, 6, 1))
    assert r.mileage.basis == BASIS_DEFAULT and r.mileage.estimated_km == 34380
    assert r.due_on == date(2025, 6, 22) and r.reason == BY_MILEAGE and r.status == UPCOMING


def test_settled_matching_work_re_arms_and_clears_the_contacted_mark(ctx: AppContext, clock: ManualClock) -> None:
    rule = ctx.owner.reminders.save_rule(OIL)
    v = car(ctx)
    first = visit(ctx, clock, v, date(2025, 1, 6), 10000)
    clock.advance(200 * 86400)  # 2025-07-25
    [r] = ctx.owner.reminders.due_list()
    assert r.anchor_order_id == first and r.status == OVERDUE and r.contacted_at is None
    marked = ctx.owner.reminders.mark_contacted(rule.id, v.id, "车主说下周来")
    assert marked.contacted_at == clock.now() and marked.note == "车主说下周来"
    assert ctx.owner.reminders.due_list()[0].note == "车主说下周来"  # still due, but marked
    # Other work settled, and an oil change still open: neither re-arms.
    visit(ctx, clock, v, date(2025, 7, 28), 16000, ("更换刹车片",))
    visit(ctx, clock, v, date(2025, 7, 30), 16100, settle=False)
    assert ctx.owner.reminders.due_list()[0].anchor_order_id == first
    # The oil change settled: a new cycle from 2025-08-05, nothing due, the old mark gone.
    second = visit(ctx, clock, v, date(2025, 8, 5), 16300)
    assert ctx.owner.reminders.due_list() == []
    [r] = ctx.owner.reminders.for_vehicle(v.id)
    assert r.anchor_order_id == second and r.last_done_on == date(2025, 8, 5) and r.contacted_at is None
    assert r.due_by_date == date(2026, 2, 5) and r.due_km == 21300


def test_per_vehicle_override_and_switching_a_rule_off(ctx: AppContext, clock: ManualClock) -> None:
    rule = ctx.owner.reminders.save_rule(OIL)
    taxi, other = car(ctx, 1), car(ctx, 2, "李四", "13900139000")
    visit(ctx, clock, taxi, date(2025, 1, 6), 100000)
    visit(ctx, clock, other, date(2025, 1, 7), 20000)
    ctx.owner.reminders.set_override(rule.id, taxi.id, interval_months=3)  # months only, no km
    [r] = ctx.owner.reminders.for_vehicle(taxi.id, today=date(2025, 3, 1))
    assert r.due_on == date(2025, 4, 6) and r.due_km is None and r.reason == BY_DATE
    ctx.owner.reminders.set_override(rule.id, taxi.id, disabled=True)
    assert ctx.owner.reminders.for_vehicle(taxi.id) == []
    ctx.owner.reminders.clear_override(rule.id, taxi.id)
    assert len(ctx.owner.reminders.for_vehicle(taxi.id)) == 1
    with pytest.raises(DomainError) as err:
        ctx.owner.reminders.set_override(rule.id, taxi.id)  # neither interval
    assert err.value.code == "reminder.interval_required"


def test_rule_input_is_checked(ctx: AppContext) -> None:
    with pytest.raises(DomainError) as err:
        ctx.owner.reminders.save_rule(RuleInput(" ", None, 100, ()))
    assert [i.code for i in err.value.issues] == [
        "reminder.name_required", "reminder.interval_range", "reminder.keywords_required"
    ]
    ctx.owner.reminders.save_rule(OIL)
    with pytest.raises(DomainError) as err:
        ctx.owner.reminders.save_rule(OIL)
    assert err.value.code == "reminder.name_taken"
    assert [r.name for r in ctx.owner.reminders.add_default_rules()] == ["更换机油机滤", "更换空调滤清器", "更换刹车油"]


def test_sms_export(ctx: AppContext, clock: ManualClock) -> None:
    ctx.owner.reminders.save_rule(OIL)
    visit(ctx, clock, car(ctx, 1), date(2025, 1, 6), 10000)
    visit(ctx, clock, car(ctx, 2, "李四", ""), date(2025, 1, 6), 10000)  # no phone: cannot be texted
    due = ctx.owner.reminders.due_list(today=date(2025, 7, 10))
    assert len(due) == 2
    data = export_csv(due, "上海扳手汽车维修有限公司")
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0] == "手机号,车主,车牌,提醒项目,到期日期,预计当前里程,短信内容"
    assert len(lines) == 2 and lines[1].startswith("13800138000,张三,沪B00001,更换机油机滤,2025-06-22,15550,")
    assert "沪B00001" in lines[1] and "已到期" in lines[1] and "上海扳手汽车维修有限公司" in lines[1]


def test_mileage_helpers() -> None:
    # Same-day readings keep the highest; a reading below an earlier one is dropped.
    readings = [(date(2025, 1, 1), 1000), (date(2025, 1, 1), 1200), (date(2025, 2, 1), 900), (date(2025, 3, 1), 3000)]
    assert clean_readings(readings) == [(date(2025, 1, 1), 1200), (date(2025, 3, 1), 3000)]
    # (3000 − 1200) / 59 days = 30.5 km/day; 10 days later: 3000 + 305 = 3305.
    e = estimate(readings, date(2025, 3, 11))
    assert round(e.daily_km, 4) == round(1800 / 59, 4) and e.estimated_km == 3305
    assert estimate([], date(2025, 1, 1)).estimated_km is None
    assert add_months(date(2025, 8, 31), 6) == date(2026, 2, 28) and add_months(date(2025, 11, 15), 3) == date(2026, 2, 15)
