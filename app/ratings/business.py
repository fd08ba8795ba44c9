"""The business panel: revenue and orders per day/week/month (labour, parts, other), the parts margin where
cost prices were entered, average ticket, top repair items and parts, and typical faults grouped by
brand/model, by month of the year and by mileage band — the analysis the notice asks shops to do to stock
parts and train staff.

Settled, current revisions only (a corrected order counts once). Bucketing is done in Python on shop-local
time, so SQLite and PostgreSQL give the same answer without dialect-specific date functions.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Integer, case, func, literal_column, select
from sqlalchemy.orm import Session

from app.ratings.period import add_months, month_start, utc_bounds
from localdb import models as m
from localdb import ratings_models as rm

TOP = 10
KEEP = 8
CACHE_FORMAT = "v2"  # bump when the cached counts change shape: old rows are then simply recounted
MILEAGE_BANDS: tuple[tuple[str, int | None], ...] = (
    ("<3万公里", 30_000), ("3–6万公里", 60_000), ("6–10万公里", 100_000), ("10–15万公里", 150_000), ("≥15万公里", None),
)  # fmt: skip
GRANULARITIES = ("day", "week", "month")
# The stored integer (hundredths): summing in SQL needs the raw column, not the Decimal type's conversion.
_RAW_QUANTITY = literal_column("part_lines.quantity", Integer)


@dataclass(frozen=True)
class Bucket:
    label: str  # "2026-03-05", "2026-W10" or "2026-03"
    orders: int
    labour_fen: int
    parts_fen: int
    other_fen: int
    revenue_fen: int  # what was due after discounts


@dataclass(frozen=True)
class Ranked:
    name: str
    count: int
    amount_fen: int


@dataclass(frozen=True)
class FaultGroup:
    group: str
    orders: int
    faults: tuple[tuple[str, int], ...]  # most frequent fault descriptions
    items: tuple[tuple[str, int], ...]  # most frequent repair items


@dataclass(frozen=True)
class BusinessPanel:
    start: date
    end: date
    granularity: str
    buckets: tuple[Bucket, ...]
    orders: int
    revenue_fen: int
    labour_fen: int
    parts_fen: int
    other_fen: int
    parts_with_cost_fen: int  # parts revenue on lines that have a cost price
    parts_cost_fen: int
    top_items: tuple[Ranked, ...]
    top_parts: tuple[Ranked, ...]
    by_model: tuple[FaultGroup, ...]
    by_month: tuple[FaultGroup, ...]
    by_mileage: tuple[FaultGroup, ...]

    @property
    def average_ticket_fen(self) -> int | None:
        return round(self.revenue_fen / self.orders) if self.orders else None

    @property
    def parts_margin(self) -> float | None:
        """Gross margin on parts with a cost price; None when no cost price was entered at all."""
        if not self.parts_with_cost_fen:
            return None
        return (self.parts_with_cost_fen - self.parts_cost_fen) / self.parts_with_cost_fen


def bucket_label(day: date, granularity: str) -> str:
    if granularity == "day":
        return day.isoformat()
    if granularity == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    return f"{day.year:04d}-{day.month:02d}"


def mileage_band(km: int | None) -> str | None:
    if km is None:
        return None
    return next(label for label, limit in MILEAGE_BANDS if limit is None or km < limit)


def build(session: Session, start: date, end: date, granularity: str = "month", now: datetime | None = None,
          to_cache: list[rm.DashboardMonth] | None = None) -> BusinessPanel:  # fmt: skip
    """Takings per local day in one grouped query; everything else per month, from the month cache for
    whole months that have ended (``now``), so a year costs one scan of a covering index plus at most
    one uncached month. Newly counted closed months are appended to ``to_cache`` for the caller to store
    in its own short write (a read never holds the database's write lock)."""
    if granularity not in GRANULARITIES:
        raise ValueError(f"unknown granularity {granularity!r}")
    lo, hi = utc_bounds(start, end)
    wo = m.WorkOrder
    day = local_day_sql(session, wo.settled_at)
    days = session.execute(
        select(day, func.count(), func.sum(wo.labour_fen), func.sum(wo.parts_fen), func.sum(wo.other_fen),
               func.sum(wo.due_fen), func.max(wo.id))
        .where(*_current(lo, hi)).group_by(day)
    ).all()  # fmt: skip
    sums: dict[str, list[int]] = {label: [0, 0, 0, 0, 0] for label in _labels(start, end, granularity)}
    prints: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for key, n, labour, parts, other, due, top_id in days:
        local = date.fromisoformat(str(key)[:10])
        acc = sums.setdefault(bucket_label(local, granularity), [0, 0, 0, 0, 0])
        for i, value in enumerate((n, labour, parts, other, due)):
            acc[i] += int(value or 0)
        fp = prints[local.strftime("%Y-%m")]
        fp[0], fp[1], fp[2] = fp[0] + n, fp[1] + int(due or 0), max(fp[2], int(top_id))
    merged = _merge([counts_for(session, a, b, prints, now, to_cache) for a, b in _month_slices(start, end)])
    buckets = tuple(Bucket(label, *vals) for label, vals in sums.items())
    faults, items, totals = merged["faults"], merged["items"], merged["totals"]
    return BusinessPanel(
        start, end, granularity, buckets, sum(b.orders for b in buckets), sum(b.revenue_fen for b in buckets),
        sum(b.labour_fen for b in buckets), sum(b.parts_fen for b in buckets), sum(b.other_fen for b in buckets),
        int(merged["margin"][0]), round(merged["margin"][1] / 100),  # quantity is stored in hundredths
        _ranked(merged["top_items"]), _ranked(merged["top_parts"]),
        _groups(faults["model"], items["model"], totals["model"], 12),
        _groups(faults["month"], items["month"], totals["month"], 12, by_name=True),
        _groups(faults["mileage"], items["mileage"], totals["mileage"], 12, order=[b for b, _ in MILEAGE_BANDS]),
    )  # fmt: skip


def local_day_sql(session: Session, column: Any) -> Any:
    """The shop-local calendar day of a UTC column, in SQL (Asia/Shanghai has no DST: a fixed +8 h)."""
    if session.get_bind().dialect.name == "postgresql":
        return func.to_char(func.timezone("Asia/Shanghai", column), "YYYY-MM-DD")
    return func.date(column, "+8 hours")


def _current(lo: datetime, hi: datetime) -> tuple[Any, ...]:
    wo = m.WorkOrder
    return (wo.state == "settled", wo.superseded.is_(False), wo.settled_at >= lo, wo.settled_at < hi)


def _month_slices(start: date, end: date) -> list[tuple[date, date]]:
    slices, cursor = [], start
    while cursor < end:
        nxt = min(add_months(month_start(cursor), 1), end)
        slices.append((cursor, nxt))
        cursor = nxt
    return slices


def counts_for(session: Session, start: date, end: date, prints: dict[str, list[int]], now: datetime | None,
               to_cache: list[rm.DashboardMonth] | None) -> dict[str, Any]:  # fmt: skip
    """One month's (or a part month's) fault, item, part and margin counts; whole past months are cached."""
    key = start.strftime("%Y-%m")
    whole = start.day == 1 and end == add_months(start, 1)
    closed = whole and now is not None and utc_bounds(start, end)[1] <= now
    fingerprint = ":".join([CACHE_FORMAT, *(str(v) for v in prints.get(key, [0, 0, 0]))])
    if closed:
        cached = session.get(rm.DashboardMonth, key)
        if cached is not None and cached.fingerprint == fingerprint:
            return cached.counts
    counts = _count(session, start, end)
    if closed and now is not None and to_cache is not None:
        to_cache.append(rm.DashboardMonth(month=key, fingerprint=fingerprint, counts=counts, computed_at=now))
    return counts


def _band_sql(column: Any) -> Any:
    whens = [(column < limit, label) for label, limit in MILEAGE_BANDS if limit is not None]
    return case(*whens, else_=case((column.is_(None), None), else_=MILEAGE_BANDS[-1][0]))


def _count(session: Session, start: date, end: date) -> dict[str, Any]:
    lo, hi = utc_bounds(start, end)
    wo, line, part, vehicle = m.WorkOrder, m.LabourLine, m.PartLine, m.Vehicle
    month = f"{start.month}月"
    band = _band_sql(wo.intake_mileage)
    faults: dict[str, dict[str, Counter[str]]] = {k: defaultdict(Counter) for k in ("model", "month", "mileage")}
    items: dict[str, dict[str, Counter[str]]] = {k: defaultdict(Counter) for k in ("model", "month", "mileage")}
    for target, what, joined in ((faults, wo.fault_description, False), (items, line.item, True)):
        query = select(vehicle.brand_model, band, what, func.count())
        # Joins in FROM order (lines → orders → vehicles): PostgreSQL, unlike SQLite, refuses an ON clause
        # that names a table joined only later.
        query = query.select_from(line).join(wo, wo.id == line.work_order_id) if joined else query.select_from(wo)
        query = query.join(vehicle, vehicle.id == wo.vehicle_id)
        for model, mileage, text, n in session.execute(query.where(*_current(lo, hi)).group_by(vehicle.brand_model, band, what)):
            text = (text or "").strip()
            if not text:
                continue
            for kind, group in (("model", model or "未登记车型"), ("month", month), ("mileage", mileage)):
                if group is not None:
                    target[kind][group][text] += n
    tops = {}
    for name, model_ in (("top_items", line), ("top_parts", part)):
        label = line.item if model_ is line else part.name
        tops[name] = {str(n): [int(c), int(a or 0)] for n, c, a in session.execute(
            select(label, func.count(), func.sum(model_.amount_fen)).join(wo, wo.id == model_.work_order_id)
            .where(*_current(lo, hi)).group_by(label))}  # fmt: skip
    margin = session.execute(
        select(func.coalesce(func.sum(part.amount_fen), 0), func.coalesce(func.sum(part.cost_price_fen * _RAW_QUANTITY), 0))
        .join(wo, wo.id == part.work_order_id).where(*_current(lo, hi), part.cost_price_fen.is_not(None))
    ).one()  # fmt: skip
    # A group keeps its KEEP most frequent texts per month (the panel shows three), and its exact total,
    # so a cached month stays small and a year merges in milliseconds.
    return {"faults": _trim(faults), "items": _trim(items), **tops, "margin": [int(margin[0]), int(margin[1])],
            "totals": {kind: {g: sum(c.values()) for g, c in groups.items()} for kind, groups in faults.items()}}


def _trim(groups: dict[str, dict[str, Counter[str]]]) -> dict[str, dict[str, dict[str, int]]]:
    return {kind: {g: dict(c.most_common(KEEP)) for g, c in by.items()} for kind, by in groups.items()}


def _merge(parts: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {"faults": {k: defaultdict(Counter) for k in ("model", "month", "mileage")},
                           "items": {k: defaultdict(Counter) for k in ("model", "month", "mileage")},
                           "top_items": defaultdict(lambda: [0, 0]), "top_parts": defaultdict(lambda: [0, 0]),
                           "margin": [0, 0], "totals": {k: Counter() for k in ("model", "month", "mileage")}}  # fmt: skip
    for part in parts:
        for kind, totals in part["totals"].items():
            out["totals"][kind].update(totals)
        for section in ("faults", "items"):
            for kind, groups in part[section].items():
                for group, counter in groups.items():
                    out[section][kind][group].update(counter)
        for section in ("top_items", "top_parts"):
            for name, (n, amount) in part[section].items():
                acc = out[section][name]
                acc[0], acc[1] = acc[0] + n, acc[1] + amount
        out["margin"] = [out["margin"][0] + part["margin"][0], out["margin"][1] + part["margin"][1]]
    return out


def _ranked(totals: dict[str, list[int]]) -> tuple[Ranked, ...]:
    best = sorted(totals.items(), key=lambda kv: (-kv[1][0], -kv[1][1], kv[0]))[:TOP]
    return tuple(Ranked(name, n, amount) for name, (n, amount) in best)


def _labels(start: date, end: date, granularity: str) -> list[str]:
    """Every bucket of the period, so a day without orders shows as a zero, not a gap that hides it."""
    labels: list[str] = []
    day = start
    while day < end:
        label = bucket_label(day, granularity)
        if not labels or labels[-1] != label:
            labels.append(label)
        day += timedelta(days=1)
    return labels


def _groups(faults: dict[str, Counter[str]], items: dict[str, Counter[str]], totals: Counter[str], limit: int, *,
            by_name: bool = False, order: list[str] | None = None) -> tuple[FaultGroup, ...]:  # fmt: skip
    keys = set(faults) | set(items)
    if order is not None:
        ranked = [k for k in order if k in keys]
    elif by_name:
        ranked = sorted(keys, key=lambda k: int(k.removesuffix("月")))
    else:
        ranked = sorted(keys, key=lambda k: (-totals.get(k, 0), k))[:limit]
    return tuple(FaultGroup(k, totals.get(k, 0),
                            tuple(faults.get(k, Counter()).most_common(3)), tuple(items.get(k, Counter()).most_common(3)))
                 for k in ranked)  # fmt: skip
