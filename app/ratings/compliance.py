"""The compliance panel: the upload figures a regulator's credit evaluation reads, for settled orders.

Each number has a key, and :func:`rows_behind` returns the orders behind that key, so the owner can go
from "3 rejected" to the three orders in one click. An order's upload is its outbox row (the revision that
is current); its accepted time is when the row went to ``done``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from app.ratings.period import utc_bounds
from app.services.outbox_status import ATTENTION_AFTER, WAITING_STATES
from localdb import models as m

LATENCY_BANDS: tuple[tuple[str, timedelta | None], ...] = (
    ("≤1小时", timedelta(hours=1)), ("1–24小时", timedelta(hours=24)), ("1–7天", timedelta(days=7)), (">7天", None),
)  # fmt: skip
KEYS = ("settled", "uploaded", "not_uploaded", "within_1h", "over_24h", "rejected", "attention", "pending",
        "warnings")  # fmt: skip


@dataclass(frozen=True)
class CompliancePanel:
    settled: int
    uploaded: int
    within_1h: int
    within_24h: int
    rejected: int
    attention: int
    pending: int
    warnings: int
    latency_bands: tuple[tuple[str, int], ...]

    @property
    def uploaded_share(self) -> float | None:
        return self.uploaded / self.settled if self.settled else None

    @property
    def within_1h_share(self) -> float | None:
        return self.within_1h / self.settled if self.settled else None

    @property
    def within_24h_share(self) -> float | None:
        return self.within_24h / self.settled if self.settled else None

    @property
    def warnings_per_100(self) -> float | None:
        return round(100 * self.warnings / self.settled, 1) if self.settled else None


@dataclass(frozen=True)
class ComplianceRow:
    work_order_id: int
    costlistcode: str
    plate: str
    settled_at: datetime
    upload_state: str  # outbox state, "" when no upload row
    latency: timedelta | None
    detail: str  # the server's message or the confirmed warning


@dataclass(frozen=True)
class _Order:
    id: int
    costlistcode: str
    plate: str
    settled_at: datetime
    state: str
    accepted_at: datetime | None
    created_at: datetime | None
    error: str

    @property
    def latency(self) -> timedelta | None:
        return None if self.accepted_at is None else max(self.accepted_at - self.settled_at, timedelta(0))


def _orders(session: Session, start: date, end: date) -> list[_Order]:
    lo, hi = utc_bounds(start, end)
    wo, oe = m.WorkOrder, m.OutboxEntry
    rows = session.execute(
        select(wo.id, wo.costlistcode, wo.plate, wo.settled_at, oe.state, oe.updated_at, oe.created_at, oe.last_error)
        .outerjoin(oe, (oe.record_id == wo.id) & (oe.kind == "repair_record"))
        .where(wo.state == "settled", wo.superseded.is_(False), wo.settled_at >= lo, wo.settled_at < hi)
        .order_by(wo.settled_at)
    ).all()  # fmt: skip
    return [_Order(i, c or "", p, s, st or "", up if st == "done" else None, cr, err or "")
            for i, c, p, s, st, up, cr, err in rows]  # fmt: skip


def _matches(order: _Order, key: str, now: datetime) -> bool:
    latency = order.latency
    return {
        "settled": True,
        "uploaded": order.state == "done",
        "not_uploaded": order.state != "done",
        "within_1h": latency is not None and latency <= timedelta(hours=1),
        "within_24h": latency is not None and latency <= timedelta(hours=24),
        "over_24h": order.state != "done" or (latency is not None and latency > timedelta(hours=24)),
        "rejected": order.state == "rejected",
        "pending": order.state in WAITING_STATES,
        "attention": order.state in WAITING_STATES and order.created_at is not None
        and now - order.created_at > ATTENTION_AFTER,
    }[key]


def build(session: Session, start: date, end: date, now: datetime) -> CompliancePanel:
    """Every figure in one aggregate query (a year is ~100,000 orders: no row reaches Python)."""
    lo, hi = utc_bounds(start, end)
    wo, oe = m.WorkOrder, m.OutboxEntry
    done, waiting = oe.state == "done", oe.state.in_(WAITING_STATES)
    latency = _seconds_between(session, oe.updated_at, wo.settled_at)

    def n(*conditions: Any) -> Any:
        return func.coalesce(func.sum(case((and_(*conditions), 1), else_=0)), 0)

    limits = [limit for _, limit in LATENCY_BANDS if limit is not None]
    row = session.execute(
        select(func.count(wo.id), n(done), *[n(done, latency <= limit.total_seconds()) for limit in limits],
               n(oe.state == "rejected"), n(waiting), n(waiting, oe.created_at < now - ATTENTION_AFTER))
        .outerjoin(oe, (oe.record_id == wo.id) & (oe.kind == "repair_record"))
        .where(wo.state == "settled", wo.superseded.is_(False), wo.settled_at >= lo, wo.settled_at < hi)
    ).one()  # fmt: skip
    settled, uploaded, within = int(row[0]), int(row[1]), [int(v) for v in row[2:2 + len(limits)]]
    rejected, pending, attention = (int(v) for v in row[2 + len(limits):])
    cumulative = [*within, uploaded]
    bands = [cumulative[0]] + [cumulative[i] - cumulative[i - 1] for i in range(1, len(cumulative))]
    return CompliancePanel(
        settled=settled, uploaded=uploaded, within_1h=within[0], within_24h=within[1], rejected=rejected,
        attention=attention, pending=pending, warnings=_warning_count(session, start, end),
        latency_bands=tuple((label, b) for (label, _), b in zip(LATENCY_BANDS, bands, strict=True)),
    )  # fmt: skip


def _seconds_between(session: Session, later: Any, earlier: Any) -> Any:
    if session.get_bind().dialect.name == "postgresql":
        return func.extract("epoch", later - earlier)
    return (func.julianday(later) - func.julianday(earlier)) * 86400.0


def _warning_count(session: Session, start: date, end: date) -> int:
    lo, hi = utc_bounds(start, end)
    wo, cw = m.WorkOrder, m.ConfirmedWarning
    return int(session.scalar(
        select(func.count(cw.id)).join(wo, wo.id == cw.work_order_id)
        .where(wo.state == "settled", wo.superseded.is_(False), wo.settled_at >= lo, wo.settled_at < hi)
    ) or 0)  # fmt: skip


def rows_behind(session: Session, start: date, end: date, key: str, now: datetime) -> tuple[ComplianceRow, ...]:
    """The orders behind one number of the panel (``key`` is one of :data:`KEYS`)."""
    if key not in KEYS:
        raise ValueError(f"unknown compliance key {key!r}")
    if key == "warnings":
        lo, hi = utc_bounds(start, end)
        wo, cw = m.WorkOrder, m.ConfirmedWarning
        found = session.execute(
            select(wo.id, wo.costlistcode, wo.plate, wo.settled_at, cw.code, cw.reason).join(wo, wo.id == cw.work_order_id)
            .where(wo.state == "settled", wo.superseded.is_(False), wo.settled_at >= lo, wo.settled_at < hi)
            .order_by(wo.settled_at)
        ).all()  # fmt: skip
        return tuple(ComplianceRow(i, c or "", p, s, "", None, f"{code}：{reason}") for i, c, p, s, code, reason in found)
    return tuple(ComplianceRow(o.id, o.costlistcode, o.plate, o.settled_at, o.state, o.latency, o.error)
                 for o in _orders(session, start, end) if _matches(o, key, now))  # fmt: skip
