"""Maintenance reminders: rules by date and by mileage, whichever comes first, with per-vehicle overrides.

Nothing is scheduled in advance. Each time the list is asked for, every active rule is matched against
the settled orders: the latest settled order with a labour item containing one of the rule's keywords
*arms* the reminder (its date and mileage are the last time the work was done), so settling the matching
work re-arms it automatically and a correction or cancellation can never leave a stale date behind.

- due by date = last done + the rule's months (calendar months);
- due by mileage = the day the *estimated* odometer (:mod:`app.owner_services.mileage`) reaches last done
  + the rule's km, so a car that drives a lot is called before its next visit would show it;
- due = the earlier of the two; ``reason`` says which.

The "contacted" mark belongs to one cycle (the arming order), so a new cycle starts unmarked.
"""

from __future__ import annotations

import calendar
import csv
import io
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.domain.clock import Clock, local_date
from app.domain.errors import DomainError, Issue
from app.domain.workorder import State
from app.owner_services.mileage import MileageEstimate, estimate
from app.owner_services.records import current_settled, record_mileage
from app.security.guard import Guard
from app.security.permissions import Perm
from app.security.privacy import ExportGate, masked
from app.services.storage import reading, writing
from localdb import models as m
from localdb.engine import Database
from localdb.owner_services_models import ReminderContact, ReminderOverride, ReminderRule

OVERDUE, DUE, UPCOMING = "overdue", "due", "upcoming"
BY_DATE, BY_MILEAGE = "date", "mileage"
LEAD_DAYS = 7
DEFAULT_RULES = (
    ("更换机油机滤", 6, 5000, ("机油",)),
    ("更换空调滤清器", 12, 20000, ("空调滤",)),
    ("更换刹车油", 24, 40000, ("刹车油", "制动液")),
)


@dataclass(frozen=True)
class RuleInput:
    name: str
    interval_months: int | None
    interval_km: int | None
    keywords: tuple[str, ...]
    active: bool = True


@dataclass(frozen=True)
class Rule:
    id: int
    name: str
    interval_months: int | None
    interval_km: int | None
    keywords: tuple[str, ...]
    active: bool


@dataclass(frozen=True)
class Reminder:
    """One rule for one vehicle in its current cycle."""

    rule_id: int
    rule_name: str
    vehicle_id: int
    plate: str
    brand_model: str
    owner_name: str
    owner_phone: str
    anchor_order_id: int  # the settled order that armed this cycle
    last_done_on: date
    last_done_km: int | None
    due_by_date: date | None
    due_km: int | None
    km_reached_on: date | None  # when the estimated odometer reaches due_km
    due_on: date
    reason: str  # BY_DATE | BY_MILEAGE
    mileage: MileageEstimate
    status: str  # OVERDUE | DUE | UPCOMING
    days_overdue: int
    contacted_at: datetime | None = None
    note: str = ""


def add_months(day: date, months: int) -> date:
    """Calendar months, clamped to the month's end (31 Aug + 6 months = 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def matches(keywords: Sequence[str], items: Sequence[str]) -> bool:
    words = [k.casefold() for k in keywords if k.strip()]
    return any(w in item.casefold() for item in items for w in words)


def schedule(
    last_on: date, last_km: int | None, months: int | None, km: int | None, mileage: MileageEstimate
) -> tuple[date | None, int | None, date | None, date, str] | None:
    """(due by date, due km, day the km is reached, due day, reason), or None when no interval applies."""
    by_date = add_months(last_on, months) if months else None
    due_km = last_km + km if km and last_km is not None else None
    by_km = mileage.reached_on(due_km) if due_km is not None else None
    candidates = [(d, r) for d, r in ((by_date, BY_DATE), (by_km, BY_MILEAGE)) if d is not None]
    if not candidates:
        return None
    due_on, reason = min(candidates, key=lambda c: (c[0], c[1] != BY_DATE))
    return by_date, due_km, by_km, due_on, reason


def _rule(r: ReminderRule) -> Rule:
    return Rule(r.id, r.name, r.interval_months, r.interval_km, tuple(r.keywords or ()), r.active)


def _check(rule: RuleInput) -> RuleInput:
    problems: list[Issue] = []
    name = rule.name.strip()[:40]
    if not name:
        problems.append(Issue("reminder.name_required", "name"))
    if not rule.interval_months and not rule.interval_km:
        problems.append(Issue("reminder.interval_required", "interval"))
    if rule.interval_months is not None and not 1 <= rule.interval_months <= 120:
        problems.append(Issue("reminder.interval_range", "interval_months", {"label": "月数", "min": 1, "max": 120}))
    if rule.interval_km is not None and not 500 <= rule.interval_km <= 300_000:
        problems.append(Issue("reminder.interval_range", "interval_km", {"label": "公里数", "min": 500, "max": 300000}))
    keywords = tuple(dict.fromkeys(k.strip() for k in rule.keywords if k.strip()))
    if not keywords:
        problems.append(Issue("reminder.keywords_required", "keywords"))
    if problems:
        raise DomainError.of(problems)
    return RuleInput(name, rule.interval_months or None, rule.interval_km or None, keywords, rule.active)


def masked_reminder(r: Reminder) -> Reminder:
    return masked(r, names=("owner_name",), phones=("owner_phone",))


class ReminderService:
    """Customer care (``CUSTOMER_CARE``: the front desk and the owner); the call list's CSV is an export."""

    def __init__(self, db: Database, clock: Clock, guard: Guard, exports: ExportGate,
                 lead_days: int = LEAD_DAYS) -> None:  # fmt: skip
        self._db = db
        self._clock = clock
        self._guard = guard
        self._exports = exports
        self.lead_days = lead_days

    # -- rules -------------------------------------------------------------------------------------------
    def rules(self) -> list[Rule]:
        self._guard.require(Perm.CUSTOMER_CARE)
        with reading(self._db) as s:
            return [_rule(r) for r in s.scalars(select(ReminderRule).order_by(ReminderRule.id))]

    def save_rule(self, rule: RuleInput, rule_id: int | None = None) -> Rule:
        """Add a rule, or change rule ``rule_id``."""
        self._guard.require(Perm.CUSTOMER_CARE)
        rule = _check(rule)
        with writing(self._db) as s:
            clash = s.scalar(select(ReminderRule.id).where(ReminderRule.name == rule.name))
            if clash is not None and clash != rule_id:
                raise DomainError("reminder.name_taken", "name", name=rule.name)
            row = self._load_rule(s, rule_id) if rule_id is not None else None
            if row is None:
                row = ReminderRule(created_at=self._clock.now())
                s.add(row)
            row.name, row.interval_months, row.interval_km = rule.name, rule.interval_months, rule.interval_km
            row.keywords, row.active = list(rule.keywords), rule.active
            s.flush()
            return _rule(row)

    def add_default_rules(self) -> list[Rule]:
        """The common rules (oil, cabin filter, brake fluid) that are not there yet, for a first start."""
        self._guard.require(Perm.CUSTOMER_CARE)
        existing = {r.name for r in self.rules()}
        for name, months, km, words in DEFAULT_RULES:
            if name not in existing:
                self.save_rule(RuleInput(name, months, km, words))
        return self.rules()

    def set_override(
        self, rule_id: int, vehicle_id: int, *, interval_months: int | None = None,
        interval_km: int | None = None, disabled: bool = False,
    ) -> None:  # fmt: skip
        """This vehicle's own intervals for the rule (either may be empty), or the rule off for it."""
        self._guard.require(Perm.CUSTOMER_CARE)
        with writing(self._db) as s:
            rule = self._load_rule(s, rule_id)
            if not disabled:
                _check(RuleInput(rule.name, interval_months, interval_km, tuple(rule.keywords)))
            row = s.scalar(
                select(ReminderOverride).where(
                    ReminderOverride.rule_id == rule_id, ReminderOverride.vehicle_id == vehicle_id
                )
            )
            if row is None:
                row = ReminderOverride(rule_id=rule_id, vehicle_id=vehicle_id)
                s.add(row)
            row.interval_months, row.interval_km, row.disabled = interval_months, interval_km, disabled

    def clear_override(self, rule_id: int, vehicle_id: int) -> None:
        self._guard.require(Perm.CUSTOMER_CARE)
        with writing(self._db) as s:
            row = s.scalar(
                select(ReminderOverride).where(
                    ReminderOverride.rule_id == rule_id, ReminderOverride.vehicle_id == vehicle_id
                )
            )
            if row is not None:
                s.delete(row)

    @staticmethod
    def _load_rule(s: Session, rule_id: int) -> ReminderRule:
        row = s.get(ReminderRule, rule_id)
        if row is None:
            raise DomainError("reminder.rule_unknown", None, id=rule_id)
        return row

    # -- the schedule ------------------------------------------------------------------------------------
    def today(self) -> date:
        return local_date(self._clock.now())

    def due_list(self, today: date | None = None, lead_days: int | None = None) -> list[Reminder]:
        """Vehicles due within ``lead_days`` or overdue, most overdue first: the day's call list."""
        return [r for r in self.all_reminders(today, lead_days) if r.status != UPCOMING]

    def for_vehicle(self, vehicle_id: int, today: date | None = None) -> list[Reminder]:
        return [r for r in self.all_reminders(today, None, vehicle_id) if r.vehicle_id == vehicle_id]

    def all_reminders(
        self, today: date | None = None, lead_days: int | None = None, vehicle_id: int | None = None
    ) -> list[Reminder]:
        """Every armed reminder; owners' names and phones masked for a role that may not see them."""
        actor = self._guard.require(Perm.CUSTOMER_CARE)
        today = today or self.today()
        lead = self.lead_days if lead_days is None else lead_days
        with reading(self._db) as s:
            rules = [r for r in s.scalars(select(ReminderRule).where(ReminderRule.active.is_(True)))]
            if not rules:
                return []
            anchors = self._anchors(s, rules, vehicle_id)
            if not anchors:
                return []
            vehicle_ids = {v for (_r, v) in anchors}
            readings = self._readings(s, vehicle_id)
            overrides = {
                (o.rule_id, o.vehicle_id): o for o in s.scalars(select(ReminderOverride))
            }
            contacts = {
                (c.rule_id, c.vehicle_id, c.anchor_order_id): c for c in s.scalars(select(ReminderContact))
            }
            vehicles = {
                v.id: v for v in s.scalars(select(m.Vehicle).where(m.Vehicle.id.in_(vehicle_ids)))
            }
            by_id = {r.id: r for r in rules}
            estimates: dict[int, MileageEstimate] = {}
            out: list[Reminder] = []
            for (rule_id, vid), (order_id, done_on, done_km) in anchors.items():
                rule, override = by_id[rule_id], overrides.get((rule_id, vid))
                if override is not None and override.disabled:
                    continue
                months, km = rule.interval_months, rule.interval_km
                if override is not None:
                    months, km = override.interval_months, override.interval_km
                if vid not in estimates:
                    estimates[vid] = estimate(readings.get(vid, []), today)
                mileage = estimates[vid]
                planned = schedule(done_on, done_km, months, km, mileage)
                if planned is None:
                    continue
                by_date, due_km, by_km, due_on, reason = planned
                status = OVERDUE if due_on < today else DUE if due_on <= today + timedelta(days=lead) else UPCOMING
                vehicle, contact = vehicles[vid], contacts.get((rule_id, vid, order_id))
                out.append(
                    Reminder(
                        rule_id, rule.name, vid, vehicle.plate, vehicle.brand_model, vehicle.owner.name,
                        vehicle.owner.phone, order_id, done_on, done_km, by_date, due_km, by_km, due_on, reason,
                        mileage, status, max(0, (today - due_on).days),
                        contact.contacted_at if contact else None, contact.note if contact else "",
                    )
                )  # fmt: skip
        if not actor.may(Perm.VIEW_CONTACTS):
            out = [masked_reminder(r) for r in out]
        return sorted(out, key=lambda r: (r.due_on, r.plate, r.rule_id))

    def _anchors(
        self, s: Session, rules: Sequence[ReminderRule], vehicle_id: int | None
    ) -> dict[tuple[int, int], tuple[int, date, int | None]]:
        """(rule, vehicle) → (order id, settle day, mileage) of the latest settled matching order."""
        words = sorted({k for r in rules for k in (r.keywords or []) if k.strip()})
        if not words:
            return {}
        stmt = (
            current_settled()
            .join(m.LabourLine, m.LabourLine.work_order_id == m.WorkOrder.id)
            .where(or_(*(m.LabourLine.item.contains(w, autoescape=True) for w in words)))
            .add_columns(m.LabourLine.item)
        )
        if vehicle_id is not None:
            stmt = stmt.where(m.WorkOrder.vehicle_id == vehicle_id)
        items: dict[int, list[str]] = defaultdict(list)
        orders: dict[int, m.WorkOrder] = {}
        for wo, item in s.execute(stmt):
            items[wo.id].append(item)
            orders[wo.id] = wo
        anchors: dict[tuple[int, int], tuple[int, date, int | None]] = {}
        latest: dict[tuple[int, int], tuple[datetime, int]] = {}
        for wo in orders.values():
            assert wo.settled_at is not None
            for rule in rules:
                if not matches(rule.keywords or [], items[wo.id]):
                    continue
                key = (rule.id, wo.vehicle_id)
                if key not in latest or (wo.settled_at, wo.id) > latest[key]:
                    latest[key] = (wo.settled_at, wo.id)
                    anchors[key] = (wo.id, local_date(wo.settled_at), record_mileage(wo))
        return anchors

    @staticmethod
    def _readings(s: Session, vehicle_id: int | None) -> dict[int, list[tuple[date, int]]]:
        stmt = select(m.WorkOrder.vehicle_id, m.WorkOrder.intake_at, m.WorkOrder.intake_mileage).where(
            m.WorkOrder.state != State.CANCELLED.value,
            m.WorkOrder.superseded.is_(False),
            m.WorkOrder.intake_mileage.is_not(None),
        )
        if vehicle_id is not None:
            stmt = stmt.where(m.WorkOrder.vehicle_id == vehicle_id)
        out: dict[int, list[tuple[date, int]]] = defaultdict(list)
        for vid, at, km in s.execute(stmt):
            out[vid].append((local_date(at), km))
        return out

    # -- the calls ---------------------------------------------------------------------------------------
    def mark_contacted(self, rule_id: int, vehicle_id: int, note: str = "") -> Reminder:
        """Record that the owner was called about the current cycle (again: the note is replaced)."""
        self._guard.require(Perm.CUSTOMER_CARE)
        current = [r for r in self.for_vehicle(vehicle_id) if r.rule_id == rule_id]
        if not current:
            with reading(self._db) as s:
                name = self._load_rule(s, rule_id).name
            raise DomainError("reminder.not_armed", None, rule=name)
        anchor = current[0].anchor_order_id
        with writing(self._db) as s:
            row = s.scalar(
                select(ReminderContact).where(
                    ReminderContact.rule_id == rule_id,
                    ReminderContact.vehicle_id == vehicle_id,
                    ReminderContact.anchor_order_id == anchor,
                )
            )
            if row is None:
                row = ReminderContact(rule_id=rule_id, vehicle_id=vehicle_id, anchor_order_id=anchor)
                s.add(row)
            row.contacted_at, row.note = self._clock.now(), note.strip()[:200]
        return next(r for r in self.for_vehicle(vehicle_id) if r.rule_id == rule_id)

    def export_csv(self, reminders: Sequence[Reminder], shop_name: str, *, unmasked: bool = False) -> bytes:
        """The call list as CSV for an SMS platform (:func:`export_csv`). Masked by default, which an SMS
        platform cannot send to: the full numbers are the owner's explicit choice (``unmasked``)."""
        rows = list(reminders) if unmasked else [masked_reminder(r) for r in reminders]
        return self._exports.export("reminders_sms_csv", lambda: export_csv(rows, shop_name), unmasked=unmasked,
                                    entity="reminders", rows=len(rows))  # fmt: skip


SMS_HEADER = ("手机号", "车主", "车牌", "提醒项目", "到期日期", "预计当前里程", "短信内容")


def sms_text(r: Reminder, shop_name: str) -> str:
    """A short message an SMS platform can send as is (the platform adds the signature and opt-out)."""
    km = f"，预计已行驶约 {r.mileage.estimated_km:,} 公里" if r.mileage.estimated_km is not None else ""
    when = "已到期" if r.status == OVERDUE else f"将于 {r.due_on:%m月%d日} 到期"
    return f"尊敬的{r.owner_name[:1]}先生/女士：您的爱车{r.plate}的“{r.rule_name}”{when}{km}。欢迎预约，{shop_name}。"


def export_csv(reminders: Sequence[Reminder], shop_name: str) -> bytes:
    """The call list for an SMS platform: UTF-8 with BOM (so Excel shows the Chinese correctly when the
    clerk checks it first), one row per reminder that has a phone: a row without one cannot be sent."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(SMS_HEADER)
    for r in reminders:
        if not r.owner_phone.strip():
            continue
        writer.writerow(
            [r.owner_phone.strip(), r.owner_name, r.plate, r.rule_name, r.due_on.isoformat(),
             r.mileage.estimated_km if r.mileage.estimated_km is not None else "", sms_text(r, shop_name)]
        )  # fmt: skip
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
