"""Fetching new owner ratings from the EHR and storing them through :class:`RatingsService`.

Ratings are appended oldest first by the server, so each round starts at the page holding the first
rating we have not seen (the stored count of EHR ratings tells where that is) and reads to the end;
re-reading a page is harmless because ingest skips ids it already has. A round is cheap when nothing is
new: one request. Runs on the caller's thread; the sync worker calls :class:`RatingsPoller` after its passes.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select

from app.domain.clock import Clock
from app.domain.errors import DomainError
from app.ehr.client import EhrClient
from app.ratings.parse import parse_objects
from app.ratings.service import RatingsService
from localdb import ratings_models as rm
from localdb.engine import Database

PAGE_SIZE = 100
_log = logging.getLogger("banshou.ehr")


@dataclass(frozen=True)
class FetchResult:
    fetched: int
    added: int
    linked: int
    bad: int  # objects the checks refused (counted, logged by the caller, never stored half)


def fetch_new_ratings(client: EhrClient, ratings: RatingsService, db: Database, *, page_size: int = PAGE_SIZE) -> FetchResult:
    profile = client.profile
    with db.read() as session:
        known = int(session.scalar(select(func.count()).select_from(rm.Rating).where(rm.Rating.source == "ehr")) or 0)
    page = known // page_size
    fetched = added = linked = bad = 0
    while True:
        objects, total = client.fetch_ratings(page, page_size)
        parsed = parse_objects(objects, profile.ratings_dimensions, profile.ratings_columns) if objects else None
        if parsed is not None:
            result = ratings.ingest(parsed.ratings, source="ehr")
            fetched, added, linked, bad = (fetched + len(objects), added + result.added, linked + result.linked,
                                           bad + len(parsed.errors))  # fmt: skip
        page += 1
        if not objects or page * page_size >= total:
            return FetchResult(fetched, added, linked, bad)


class RatingsPoller:
    """Decides when the sync worker's pass also fetches ratings: every ``every`` (owners rate over hours
    and days, so polling more often only costs requests), or at the next pass after :meth:`request_now`.

    A failure is logged and retried next period; it never disturbs uploads, which matter more.
    """

    def __init__(self, ratings: RatingsService, db: Database, clock: Clock, every: timedelta = timedelta(minutes=30)) -> None:
        self._ratings, self._db, self._clock, self._every = ratings, db, clock, every
        self._last: datetime | None = clock.now()  # the first round one period after start-up
        self.last_result: FetchResult | None = None

    def request_now(self) -> None:
        self._last = None

    def maybe_fetch(self, client: EhrClient) -> FetchResult | None:
        profile = client.profile
        now = self._clock.now()
        if not profile.ratings_enabled or not profile.ratings_path:
            return None
        if self._last is not None and now - self._last < self._every:
            return None
        self._last = now
        try:
            self.last_result = fetch_new_ratings(client, self._ratings, self._db)
        except DomainError as exc:
            _log.warning("ratings fetch failed: %s %s", exc.code, exc.params)
            return None
        except Exception:  # a ratings problem must never stop the upload worker
            _log.exception("ratings fetch failed")
            return None
        if self.last_result.added:
            _log.info("ratings fetched: %s new (%s linked)", self.last_result.added, self.last_result.linked)
        return self.last_result
