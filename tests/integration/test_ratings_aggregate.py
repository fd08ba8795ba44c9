"""Ratings dashboard figures on a small hand-computed fixture (expected values worked out in comments)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from app.context import AppContext
from app.domain.errors import DomainError
from app.ratings.parse import RatingInput
from tests.integration.ratings_helpers import settled_order, staff_id

NOV, DEC = date(2026, 11, 1), date(2026, 12, 1)
DIMS = ("quality", "efficiency", "pricing", "attitude", "environment")


def _rating(rid: str, code: str, when: datetime, scores: list[int], plate: str = "") -> RatingInput:
    return RatingInput(rid, code, plate, when, dict(zip(DIMS, scores, strict=True)))


@pytest.fixture
def rated(ctx: AppContext) -> AppContext:
    ctx.staff.add("张伟", "technician")
    li, zhang, wang = staff_id(ctx, "李强"), staff_id(ctx, "张伟"), staff_id(ctx, "王丽")
    a = [settled_order(ctx, n, [li], wang) for n in range(1, 6)]  # five jobs by 李强
    b = settled_order(ctx, 6, [zhang], wang)  # one job by 张伟
    nov = [
        ([5, 5, 5, 5, 5], a[0]),  # mean 5.0
        ([4, 4, 4, 4, 4], a[1]),  # mean 4.0
        ([5, 4, 5, 4, 5], a[2]),  # mean 4.6
        ([3, 4, 4, 4, 5], a[3]),  # mean 4.0, quality 3 → follow-up
        ([5, 5, 5, 5, 4], a[4]),  # mean 4.8
        ([2, 3, 2, 3, 2], b),  # mean 2.4 → follow-up, lowest
    ]
    ratings = [_rating(f"n{i}", o.costlistcode or "", datetime(2026, 11, 2 + i, 4, tzinfo=UTC), s)
               for i, (s, o) in enumerate(nov)]  # fmt: skip
    # October: two ratings that match no job (unknown plate): means 4.0 and 2.0
    ratings += [_rating("o1", "", datetime(2026, 10, 5, 4, tzinfo=UTC), [4] * 5, plate="沪Z99999"),
                _rating("o2", "", datetime(2026, 10, 6, 4, tzinfo=UTC), [2] * 5, plate="沪Z99999")]  # fmt: skip
    result = ctx.ratings.ingest(ratings, source="ehr")
    assert (result.added, result.skipped, result.linked) == (8, 0, 6)
    return ctx


def test_averages_and_change_against_the_previous_month(rated: AppContext) -> None:
    d = rated.ratings.dashboard(NOV, DEC)
    # overall: (5 + 4 + 4.6 + 4 + 4.8 + 2.4) / 6 = 24.8 / 6 = 4.133 → 4.13; October (4 + 2) / 2 = 3.0
    assert (d.overall.value, d.overall.previous, d.overall.change, d.count) == (4.13, 3.0, 1.13, 6)
    by = {a.key: a for a in d.per_dimension}
    assert by["quality"].value == 4.0  # 5+4+5+3+5+2 = 24 / 6
    assert by["quality"].change == 1.0  # October quality (4 + 2) / 2 = 3.0
    assert by["efficiency"].value == 4.17  # 5+4+4+4+5+3 = 25 / 6
    assert by["environment"].value == 4.17  # 5+4+5+5+4+2 = 25 / 6
    # 30 scores: 5★ 5+0+3+1+4+0 = 13, 4★ 0+5+2+3+1+0 = 11, 3★ 1+2 = 3, 2★ 3, 1★ 0
    assert d.distribution == {1: 0, 2: 3, 3: 3, 4: 11, 5: 13}


def test_trend_lists_twelve_months_with_gaps_as_none(rated: AppContext) -> None:
    trend = dict(rated.ratings.dashboard(NOV, DEC).trend)
    assert next(iter(trend)) == "2025-12" and list(trend)[-1] == "2026-11" and len(trend) == 12
    assert trend["2026-11"]["quality"] == 4.0 and trend["2026-10"]["quality"] == 3.0
    assert trend["2026-09"]["quality"] is None


def test_lists_lowest_and_followups_with_job_and_owner_contact(rated: AppContext) -> None:
    d = rated.ratings.dashboard(NOV, DEC)
    assert [r.mean for r in d.lowest[:3]] == [2.4, 4.0, 4.0]
    assert d.lowest[0].technicians == "张伟" and d.lowest[0].advisor == "王丽"
    assert d.lowest[0].owner_phone == "13800138000" and d.lowest[0].fault == "刹车异响"
    assert [r.mean for r in d.followups] == [2.4, 4.0]  # newest first: B (Nov 7), A4 (Nov 5)
    rated.ratings.record_followup(d.followups[0].id, "已电话回访，免费复检", close=True)
    again = rated.ratings.dashboard(NOV, DEC).followups[0]
    assert (again.followup_state, again.followup_note) == ("closed", "已电话回访，免费复检")
    with pytest.raises(DomainError) as caught:
        rated.ratings.record_followup(d.followups[1].id, " ", close=True)
    assert caught.value.code == "rating.followup.note_required"


def test_staff_averages_rank_only_with_five_ratings(rated: AppContext) -> None:
    staff = {(s.name, s.role): s for s in rated.ratings.dashboard(NOV, DEC).staff}
    li = staff[("李强", "technician")]  # (5 + 4 + 4.6 + 4 + 4.8) / 5 = 4.48, five ratings → ranked
    assert (li.count, li.average, li.rank) == (5, 4.48, 1)
    zhang = staff[("张伟", "technician")]  # one rating: shown with its count, never ranked
    assert (zhang.count, zhang.average, zhang.rank) == (1, 2.4, None)
    wang = staff[("王丽", "advisor")]
    assert (wang.count, wang.average, wang.rank) == (6, 4.13, 1)


def test_a_period_without_ratings(rated: AppContext) -> None:
    d = rated.ratings.dashboard(date(2026, 1, 1), date(2026, 2, 1))
    assert (d.count, d.overall.value, d.overall.previous, d.overall.change) == (0, None, None, None)
    assert all(a.value is None for a in d.per_dimension)
    assert d.distribution == {1: 0, 2: 0, 3: 0, 4: 0, 5: 0}
    assert (d.lowest, d.followups, d.staff) == ((), (), ())


def test_plate_and_date_link_only_to_a_job_settled_before_the_rating(ctx: AppContext) -> None:
    order = settled_order(ctx, 9, [staff_id(ctx, "李强")], None)
    settled = ctx.clock.now()  # 2026-11-26 02:00 UTC
    after = _rating("p1", "", settled.replace(day=28), [5] * 5, plate="沪A10009")
    before = _rating("p2", "", settled.replace(day=20), [5] * 5, plate="沪A10009")
    assert ctx.ratings.ingest([after, before], source="import").linked == 1
    row = ctx.ratings.dashboard(NOV, DEC).lowest
    linked = {r.plate: r.work_order_id for r in row if r.rated_at.day == 28}
    assert linked == {"沪A10009": order.id}
