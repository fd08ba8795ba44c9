"""The ratings side of the owner's dashboard: averages with their change, monthly trend, distribution,
lowest-rated jobs, the follow-up list, and per-technician / per-advisor averages.

Every figure is a SQL aggregate over the period's ratings (an indexed range on ``rated_at``) using the
per-dimension columns, so a year of tens of thousands of ratings never travels to Python; only the
rows of the two short lists do. No one is ranked on fewer than :data:`MIN_FOR_RANKING` ratings: two angry
owners should not put a new technician at the bottom of a list.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from app.ratings.business import local_day_sql
from app.ratings.dimensions import ALL_DIMENSIONS
from app.ratings.period import add_months, month_start, previous_period, utc_bounds
from localdb import models as m
from localdb import ratings_models as rm

MIN_FOR_RANKING = 5
TREND_MONTHS = 12
LIST_LIMIT = 50


@dataclass(frozen=True)
class Average:
    key: str  # a dimension, or "overall"
    value: float | None  # None: no ratings in the period
    previous: float | None
    count: int

    @property
    def change(self) -> float | None:
        return None if self.value is None or self.previous is None else round(self.value - self.previous, 2)


@dataclass(frozen=True)
class RatingRow:
    id: int
    rated_at: datetime
    plate: str
    costlistcode: str
    work_order_id: int | None
    scores: dict[str, int]
    mean: float
    min_score: int
    owner_name: str
    owner_phone: str
    technicians: str
    advisor: str
    fault: str
    comment: str
    followup_state: str
    followup_note: str


@dataclass(frozen=True)
class StaffAverage:
    staff_id: int
    name: str
    role: str  # "technician" | "advisor"
    count: int
    average: float
    rank: int | None  # None below MIN_FOR_RANKING ratings


@dataclass(frozen=True)
class RatingsDashboard:
    start: date
    end: date
    dimensions: tuple[str, ...]
    overall: Average
    per_dimension: tuple[Average, ...]
    trend: tuple[tuple[str, dict[str, float | None]], ...]  # ("2026-03", {dimension: avg}) oldest first
    distribution: dict[int, int]  # stars 1..5 → how many dimension scores
    lowest: tuple[RatingRow, ...]
    followups: tuple[RatingRow, ...]
    staff: tuple[StaffAverage, ...]

    @property
    def count(self) -> int:
        return self.overall.count


def build(session: Session, start: date, end: date, dimensions: Sequence[str], threshold: int) -> RatingsDashboard:
    r = rm.Rating
    lo, hi = utc_bounds(start, end)
    in_period = (r.rated_at >= lo, r.rated_at < hi)
    now, before = _averages(session, start, end, dimensions), _averages(session, *previous_period(start, end), dimensions)
    averages = tuple(Average(d, now[d][0], before[d][0], now[d][1]) for d in dimensions)
    overall = Average("overall", now["overall"][0], before["overall"][0], now["overall"][1])
    first_month = add_months(month_start(end if end.day == 1 else add_months(end, 1)), -TREND_MONTHS)
    t_lo, t_hi = utc_bounds(first_month, add_months(first_month, TREND_MONTHS))
    month = func.substr(local_day_sql(session, r.rated_at), 1, 7)
    by_month = {row[0]: row[1:] for row in session.execute(
        select(month, *[func.avg(_column(d)) for d in dimensions])
        .where(r.rated_at >= t_lo, r.rated_at < t_hi).group_by(month))}  # fmt: skip
    trend = tuple(
        (key, {d: _round(by_month[key][i]) if key in by_month else None for i, d in enumerate(dimensions)})
        for key in (add_months(first_month, i).strftime("%Y-%m") for i in range(TREND_MONTHS))
    )
    counts = session.execute(select(*[func.coalesce(func.sum(case((_column(d) == star, 1), else_=0)), 0)
                                      for star in range(1, 6) for d in dimensions]).where(*in_period)).one()  # fmt: skip
    per_star = len(dimensions)
    distribution = {star: int(sum(counts[(star - 1) * per_star:star * per_star])) for star in range(1, 6)}
    lowest = session.scalars(select(r.id).where(*in_period).order_by(r.mean_x100, r.rated_at, r.id).limit(LIST_LIMIT)).all()
    low = session.scalars(select(r.id).where(*in_period, r.min_score <= threshold)
                          .order_by(r.rated_at.desc(), r.id.desc()).limit(LIST_LIMIT * 4)).all()  # fmt: skip
    return RatingsDashboard(start, end, tuple(dimensions), overall, averages, trend, distribution,
                            _rows(session, list(lowest)), _rows(session, list(low)), _staff(session, lo, hi))  # fmt: skip


def _column(dimension: str) -> Any:
    """The dimension's own column; a dimension no column knows is read from the JSON (slower, rare)."""
    if dimension in ALL_DIMENSIONS:
        return getattr(rm.Rating, dimension)
    return rm.Rating.scores[dimension].as_integer()


def _round(value: float | None) -> float | None:
    return None if value is None else round(float(value), 2)


def _averages(session: Session, start: date, end: date, dimensions: Sequence[str]) -> dict[str, tuple[float | None, int]]:
    lo, hi = utc_bounds(start, end)
    r = rm.Rating
    row = session.execute(
        select(func.avg(r.mean_x100), func.count(r.id),
               *[x for d in dimensions for x in (func.avg(_column(d)), func.count(_column(d)))])
        .where(r.rated_at >= lo, r.rated_at < hi)
    ).one()  # fmt: skip
    result = {"overall": (None if row[0] is None else round(float(row[0]) / 100, 2), int(row[1]))}
    for i, d in enumerate(dimensions):
        result[d] = (_round(row[2 + 2 * i]), int(row[3 + 2 * i]))
    return result


def _staff(session: Session, lo: datetime, hi: datetime) -> tuple[StaffAverage, ...]:
    """Per person: mean of the overall scores of the ratings of jobs they worked on, with the count."""
    r, rt = rm.Rating, rm.RatingTechnician
    grouped = [(sid, "technician", n, avg) for sid, n, avg in session.execute(
        select(rt.staff_id, func.count(), func.avg(r.mean_x100)).join(r, r.id == rt.rating_id)
        .where(r.rated_at >= lo, r.rated_at < hi).group_by(rt.staff_id))]  # fmt: skip
    grouped += [(sid, "advisor", n, avg) for sid, n, avg in session.execute(
        select(r.advisor_id, func.count(), func.avg(r.mean_x100))
        .where(r.rated_at >= lo, r.rated_at < hi, r.advisor_id.is_not(None)).group_by(r.advisor_id))]  # fmt: skip
    names = dict(session.execute(select(m.Staff.id, m.Staff.name)).all())
    result: list[StaffAverage] = []
    for role in ("technician", "advisor"):
        people = [(sid, int(n), round(float(avg) / 100, 2)) for sid, rl, n, avg in grouped if rl == role]
        people.sort(key=lambda p: (p[1] < MIN_FOR_RANKING, -p[2], names.get(p[0], "")))
        rank = 0
        for sid, n, avg in people:
            ranked = n >= MIN_FOR_RANKING
            rank += ranked
            result.append(StaffAverage(sid, names.get(sid, "?"), role, n, avg, rank if ranked else None))
    return tuple(result)


def _rows(session: Session, ids: list[int]) -> tuple[RatingRow, ...]:
    """The rows behind a list, with the job's owner contact, technicians and advisor, in ``ids`` order."""
    if not ids:
        return ()
    r, wo = rm.Rating, m.WorkOrder
    found = session.execute(
        select(r.id, r.rated_at, r.plate, r.costlistcode, r.work_order_id, r.scores, r.mean_x100, r.min_score,
               wo.owner_name, wo.owner_phone, m.Staff.name, wo.fault_description, r.comment,
               r.followup_state, r.followup_note)
        .outerjoin(wo, wo.id == r.work_order_id).outerjoin(m.Staff, m.Staff.id == r.advisor_id)
        .where(r.id.in_(ids))
    ).all()  # fmt: skip
    techs: dict[int, list[str]] = defaultdict(list)
    for rid, name in session.execute(
        select(rm.RatingTechnician.rating_id, m.Staff.name).join(m.Staff, m.Staff.id == rm.RatingTechnician.staff_id)
        .where(rm.RatingTechnician.rating_id.in_(ids)).order_by(m.Staff.name)
    ).all():  # fmt: skip
        techs[rid].append(name)
    rows = {
        f[0]: RatingRow(f[0], f[1], f[2], f[3], f[4], dict(f[5]), f[6] / 100, f[7], f[8] or "", f[9] or "",
                        "、".join(techs.get(f[0], [])), f[10] or "", f[11] or "", f[12], f[13], f[14])
        for f in found
    }  # fmt: skip
    return tuple(rows[i] for i in ids if i in rows)
