"""The sandbox's §9.1 ratings call over loopback: simulated owners rate a share of the uploaded jobs some
hours later; the client fetches them page by page, links them to their orders, and never stores one twice."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from app.context import AppContext
from app.domain.clock import ManualClock
from app.domain.errors import DomainError
from app.ehr import EhrClient, Outcome, load_profile
from app.ehr.ratings_fetch import fetch_new_ratings
from app.ehr.sandbox import Sandbox, run_sandbox
from app.ehr.sandbox.wire import RATINGS
from localdb import ratings_models as rm
from tests.integration.ratings_helpers import settled_order, staff_id

CODE, PASSWORD = "310115000000001", "pw-ratings-1"


@pytest.fixture
def sb(tmp_path: Path, clock: ManualClock) -> Iterator[Sandbox]:
    with run_sandbox(db_path=tmp_path / "sandbox.db", accounts={CODE: PASSWORD}, clock=clock) as sandbox:
        yield sandbox


@pytest.fixture
def client(sb: Sandbox, clock: ManualClock) -> Iterator[EhrClient]:
    with EhrClient(load_profile("sandbox").with_overrides(base_url=sb.base_url), CODE, lambda: PASSWORD, clock) as c:
        yield c


def test_ratings_arrive_later_for_a_share_of_jobs_and_are_linked_once(
    ctx: AppContext, sb: Sandbox, client: EhrClient, clock: ManualClock
) -> None:
    shop = ctx.shop.get()
    assert shop is not None
    tech = staff_id(ctx, "李强")
    orders = [settled_order(ctx, n, [tech], staff_id(ctx, "王丽"), fault="异响" if n % 2 else "保养") for n in range(40)]
    assert all(client.upload(o, shop).outcome is Outcome.ACCEPTED for o in orders)
    first = fetch_new_ratings(client, ctx.ratings, ctx.db, page_size=4)
    assert first.fetched == 0  # nobody rates within two hours of the hand-back
    clock.advance(6 * 86400)  # a few days later every owner who will rate has done so
    second = fetch_new_ratings(client, ctx.ratings, ctx.db, page_size=4)
    assert 6 <= second.added <= 24 and second.linked == second.added and second.bad == 0  # ~35 % of 40
    assert fetch_new_ratings(client, ctx.ratings, ctx.db, page_size=4).added == 0
    with ctx.db.read() as s:
        stored = s.query(rm.Rating).all()
        assert len(stored) == second.added and len({r.external_id for r in stored}) == len(stored)
        assert all(set(r.scores) == {"quality", "efficiency", "pricing", "attitude", "environment"} for r in stored)
        assert all(1 <= v <= 5 for r in stored for v in r.scores.values())
        assert all(r.rated_at > orders[0].settled_at for r in stored)  # type: ignore[operator]
        assert len({r.costlistcode for r in stored}) == second.added  # one rating per job


def test_ratings_call_checks_token_and_paging(sb: Sandbox) -> None:
    with httpx.Client(base_url=sb.base_url) as http:
        assert http.post(RATINGS, json={"access_token": "nope", "page": 0, "size": 10}).json()["code"] == "-1"
        assert http.post(RATINGS, json={"access_token": "x", "page": -1, "size": 10}).json()["code"] == "2"


def test_a_profile_without_ratings_call_says_so(sb: Sandbox, clock: ManualClock) -> None:
    profile = load_profile("sandbox").with_overrides(base_url=sb.base_url, ratings_enabled=False)
    with EhrClient(profile, CODE, lambda: PASSWORD, clock) as c, pytest.raises(DomainError) as caught:
        c.fetch_ratings(0, 10)
    assert caught.value.code == "rating.fetch.not_enabled"


def test_poller_fetches_once_per_period_or_when_asked(ctx: AppContext, client: EhrClient, clock: ManualClock) -> None:
    from app.ehr.ratings_fetch import RatingsPoller

    poller = RatingsPoller(ctx.ratings, ctx.db, clock)
    assert poller.maybe_fetch(client) is None  # not within the first 30 minutes after start-up
    poller.request_now()
    first = poller.maybe_fetch(client)
    assert first is not None and first.fetched == 0
    assert poller.maybe_fetch(client) is None  # just fetched
    clock.advance(31 * 60)
    assert poller.maybe_fetch(client) is not None
