"""The sync engine: drains the outbox to the EHR, one committed step at a time. Qt-free.

One pass (:meth:`SyncEngine.drain_once`) keeps up to ``profile.max_in_flight`` uploads going: it claims
due rows (:mod:`app.ehr.outbox` – owner + lease, one per vehicle, settlement order), sends each with the
:class:`~app.ehr.client.EhrClient` on a small thread pool, and marks the result:

* accepted → ``done`` with a receipt (``duplicate`` noted when the province already had it);
* rejected → ``rejected`` with the server's code, status and field, for a person to fix;
* auth failed → back to ``pending`` with a long delay, and the whole engine pauses (every other row
  would fail the same way) until the settings change (:meth:`resume`) or the delay ends;
* transient → ``pending`` with exponential backoff and jitter, capped at a few minutes, never less
  than the server's ``Retry-After``; retries never stop. A send that got no answer is counted in the
  row's ``ambiguous_sends`` – the only way a record may reach the province twice.

A correction (revision > 1) follows ``profile.correction_mode``: ``resend_same_code`` uploads it like any
record; ``manual_only`` marks it rejected with a message sending the user to the provincial portal.

:meth:`run` loops until a stop event, sleeping until the next row is due (or ``poll_s``). Time comes from
the injected clock for every decision (backoff, leases, "needs attention"), so tests with a
:class:`~app.domain.clock.ManualClock` cover a week offline in seconds.
"""

from __future__ import annotations

import logging
import os
import random
import socket
import threading
import uuid
from collections import deque
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from app.domain.clock import Clock
from app.domain.errors import DomainError, Issue
from app.ehr import outbox
from app.ehr.client import EhrClient
from app.ehr.results import Outcome, UploadResult
from app.ehr.training import check_folder
from app.services.dto import ShopInfo, WorkOrderDetail
from app.services.mapping import to_detail
from app.waste.dto import Handoff
from app.waste.handoffs import OUTBOX_KIND as WASTE_KIND
from app.waste.handoffs import read_handoff
from localdb import models as m
from localdb.engine import Database

_log = logging.getLogger("banshou.sync")

_DETAIL_LOADS = (
    joinedload(m.WorkOrder.vehicle),
    joinedload(m.WorkOrder.advisor),
    selectinload(m.WorkOrder.labour_lines).joinedload(m.LabourLine.technician),
    selectinload(m.WorkOrder.part_lines),
    selectinload(m.WorkOrder.fee_lines),
    selectinload(m.WorkOrder.payments),
    selectinload(m.WorkOrder.confirmed_warnings),
)

# Rows claimed per free sending slot: enough to amortise the claim and the order reads, few enough
# that a queued row is sent well within its lease (see SyncEngine.lease).
BATCH_PER_SLOT = 4

REPAIR_KIND = "repair_record"
# What an outbox row sends, by its kind: a settled order, or a dispatched waste handoff.
Payload = WorkOrderDetail | Handoff

# Transient results that mean "nobody answered at all" (no request reached the province).
OFFLINE_CODES = frozenset({"ehr.upload.unreachable", "ehr.upload.tls_failed"})


@dataclass(frozen=True)
class SyncPolicy:
    """Timing rules. Defaults follow ``design.md``; tests shorten the lease for the crash test."""

    base_delay_s: float = 2.0
    max_delay_s: float = 300.0  # "capped at a few minutes"
    max_retry_after_s: float = 3600.0  # a server asking for more than an hour is not taken literally
    auth_delay_s: float = 1800.0  # wrong password: try again in half an hour unless settings change
    lease_s: float | None = None  # None → derived from the profile's timeouts (see SyncEngine.lease)
    poll_s: float = 0.5  # run(): how often to look for new settlements when idle


class Step(StrEnum):
    """What happened to one claimed row in a pass (counted in :class:`DrainCounts`)."""

    ACCEPTED = "accepted"
    DUPLICATE = "duplicate"
    REJECTED = "rejected"
    RETRY = "retry"
    AUTH = "auth_failed"
    LOST = "lost"  # our lease ran out and another worker took the row; our result was dropped


@dataclass(frozen=True)
class RowChange:
    """Plain data for the UI: one outbox row changed state."""

    entry_id: int
    record_id: int
    record_key: str
    state: str
    step: Step


@dataclass
class DrainCounts:
    """What one pass did. ``sent`` counts record requests that left the machine."""

    claimed: int = 0
    accepted: int = 0
    duplicates: int = 0
    rejected: int = 0
    retried: int = 0
    auth_failed: int = 0
    lost: int = 0
    ambiguous: int = 0
    sent: int = 0
    paused: bool = False
    changes: list[RowChange] = field(default_factory=list, repr=False)

    def add(self, other: DrainCounts) -> None:
        for name in ("claimed", "accepted", "duplicates", "rejected", "retried", "auth_failed", "lost",
                     "ambiguous", "sent"):  # fmt: skip
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.paused = other.paused
        self.changes.extend(other.changes)


def default_owner() -> str:
    """host:pid:random – unique per worker, readable in the table when someone looks at a stuck row."""
    return f"{socket.gethostname()[:30]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class SyncEngine:
    """Drives one data folder's outbox through one :class:`EhrClient`. Thread-safe for one driver."""

    def __init__(self, db: Database, clock: Clock, client: EhrClient, shop_info: Callable[[], ShopInfo | None], *,
                 policy: SyncPolicy | None = None, owner: str | None = None,
                 rng: random.Random | None = None,
                 on_change: Callable[[RowChange], None] | None = None) -> None:  # fmt: skip
        self._db = db
        self._clock = clock
        self._client = client
        self._shop_info = shop_info
        self.policy = policy or SyncPolicy()
        self.owner = owner or default_owner()
        self._rng = rng or random.Random()
        self._rng_lock = threading.Lock()
        self._on_change = on_change
        self._pool = ThreadPoolExecutor(max_workers=client.profile.max_in_flight, thread_name_prefix="ehr-send")
        self._auth_issue: Issue | None = None
        self._auth_until: datetime | None = None
        self._offline_until: datetime | None = None  # province unreachable: one probe per backoff step
        self.last_success_at: datetime | None = None
        check_folder(db, client.profile)

    @property
    def client(self) -> EhrClient:
        return self._client

    @property
    def lease(self) -> timedelta:
        """Longer than the slowest possible wait + upload: up to ``BATCH_PER_SLOT`` sends ahead of a row
        on its slot, each a token call plus the record sent twice, all at full timeouts."""
        if self.policy.lease_s is not None:
            return timedelta(seconds=self.policy.lease_s)
        p = self._client.profile
        worst_send = 3 * (p.connect_timeout_s + p.read_timeout_s)
        return timedelta(seconds=worst_send * BATCH_PER_SLOT + 30)  # a queued row waits ≤ BATCH_PER_SLOT sends

    @property
    def auth_problem(self) -> Issue | None:
        """Set while sending is paused because the enterprise code or password is wrong."""
        return self._auth_issue

    def resume(self) -> None:
        """The settings changed: forget the auth pause and the token, try again on the next pass."""
        self._auth_issue, self._auth_until, self._offline_until = None, None, None
        self._client.forget_token()

    def close(self) -> None:
        self._pool.shutdown(wait=True)
        self._client.close()

    # -- one pass --------------------------------------------------------------------------------

    def drain_once(self, stop: threading.Event | None = None) -> DrainCounts:
        """Send everything due now (new rows that become due during the pass included), then return."""
        check_folder(self._db, self._client.profile)  # every pass: the folder may have been marked since
        counts = DrainCounts()
        if self._paused():
            counts.paused = True
            return counts
        shop = self._shop_info()
        if shop is None:
            raise DomainError("sync.no_shop", None)
        limit = self._client.profile.max_in_flight
        running: dict[Future[tuple[Step, UploadResult | None, RowChange]], outbox.Claim] = {}
        queue: deque[tuple[outbox.Claim, Payload | None]] = deque()
        while True:
            stopping = (stop is not None and stop.is_set()) or self._paused()
            if stopping and queue:  # claimed but not sent: hand back at once rather than wait for the lease
                outbox.release(self._db, [c for c, _ in queue], self.owner, self._clock.now())
                queue.clear()
            if not stopping and len(queue) < limit:
                # Claim a few sends' worth at a time and load their orders in one read: per-row
                # transactions were the bottleneck (see sync_bench), not the network.
                busy = frozenset(c.vehicle_key for c in running.values()) | {c.vehicle_key for c, _ in queue}
                batch = outbox.claim(self._db, self.owner, self._clock.now(), self.lease,
                                     limit * BATCH_PER_SLOT - len(queue) - len(running), busy)  # fmt: skip
                counts.claimed += len(batch)
                loaded = self._load_many(batch)
                queue.extend((c, loaded.get(c.id)) for c in batch)
            while queue and len(running) < limit:
                entry, order = queue.popleft()
                running[self._pool.submit(self._process, entry, order, shop)] = entry
            if not running:
                break
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                running.pop(future)
                self._tally(counts, *future.result())
        counts.paused = self._paused()
        return counts

    def next_due(self) -> datetime | None:
        """When the next row becomes claimable (see :func:`app.ehr.outbox.next_due`)."""
        return outbox.next_due(self._db)

    def run(self, stop: threading.Event, wake: threading.Event | None = None,
            on_pass: Callable[[DrainCounts], None] | None = None) -> None:  # fmt: skip
        """Drain until ``stop`` is set; sleep (really) between passes until due, ``wake`` or ``poll_s``.

        A storage error (database locked for long, disk full) is logged and retried; a
        :class:`DomainError` about the setup (training folder, no shop) ends the loop for the caller to show.
        """
        wake = wake or threading.Event()
        while not stop.is_set():
            try:
                counts = self.drain_once(stop)
            except DomainError as exc:
                if exc.code.startswith("storage."):
                    _log.warning("sync pass failed: %s", exc.code)
                    stop.wait(self.policy.poll_s * 4)
                    continue
                raise
            if on_pass is not None:
                on_pass(counts)
            due = self.wake_at()
            wait_s = self.policy.poll_s
            if due is not None:
                wait_s = min(wait_s, max(0.0, (due - self._clock.now()).total_seconds()))
            if wait_s > 0 and not stop.is_set():
                wake.wait(wait_s)
                wake.clear()

    # -- one row ---------------------------------------------------------------------------------

    def _process(self, entry: outbox.Claim, order: Payload | None,
                 shop: ShopInfo) -> tuple[Step, UploadResult | None, RowChange]:  # fmt: skip
        """Runs on a sender thread: (maybe) send, then mark. Never raises for a row's own trouble.

        ``order`` is what the row's ``kind`` points at: a settled order, or a waste handoff (§9.1).
        """
        now = self._clock.now()
        try:
            if order is None:
                issue = Issue("sync.record_missing", None, {"id": entry.record_id})
                return self._finish(entry, Step.REJECTED, None, outbox.mark_rejected(
                    self._db, entry, self.owner, now, issue, sent=False))  # fmt: skip
            if entry.revision > 1 and self._client.profile.correction_mode == "manual_only":
                issue = Issue("sync.correction_manual_only", None, {"number": entry.record_key})
                return self._finish(entry, Step.REJECTED, None, outbox.mark_rejected(
                    self._db, entry, self.owner, now, issue, sent=False))  # fmt: skip
            if isinstance(order, Handoff):
                result = self._client.upload_waste(order)
            else:
                result = self._client.upload(order, shop)
        except DomainError as exc:  # no password in the keyring, no keyring at all, an unusable profile
            return self._auth_failed(entry, exc.issues[0], None, sent=False)
        except Exception as exc:  # a bug must not lose the row: it goes back to pending
            _log.exception("sync: unexpected error on outbox row %s", entry.id)
            issue = Issue("sync.internal_error", None, {"reason": type(exc).__name__})
            when = self._clock.now() + timedelta(seconds=self._backoff(entry.attempts + 1, None))
            return self._finish(entry, Step.RETRY, None, outbox.mark_retry(
                self._db, entry, self.owner, self._clock.now(), issue, when, sent=False, ambiguous=0))  # fmt: skip
        return self._mark(entry, result)

    def _load_many(self, batch: list[outbox.Claim]) -> dict[int, Payload]:
        """What each claimed row sends, by outbox id; a row whose record is gone (or of an unknown kind)
        is left out and ends ``rejected`` as ``sync.record_missing``.

        ``record_id`` means a work order for ``repair_record`` rows and a handoff for ``waste_handoff``
        rows, so the kind decides which table is read.
        """
        found: dict[int, Payload] = {}
        order_ids = [c.record_id for c in batch if c.kind == REPAIR_KIND]
        if order_ids:
            with self._db.read() as s:  # eager loads: one query per collection for the whole batch
                rows = s.scalars(select(m.WorkOrder).where(m.WorkOrder.id.in_(order_ids)).options(*_DETAIL_LOADS))
                orders = {wo.id: to_detail(wo) for wo in rows.unique()}
            found |= {c.id: orders[c.record_id] for c in batch if c.kind == REPAIR_KIND and c.record_id in orders}
        for c in batch:  # waste handoffs are few (a pickup every few weeks): one read each is enough
            if c.kind == WASTE_KIND:
                try:
                    found[c.id] = read_handoff(self._db, self._clock, c.record_id)
                except DomainError as exc:
                    if exc.code != "input.not_found":
                        raise
        return found

    def _mark(self, entry: outbox.Claim, result: UploadResult) -> tuple[Step, UploadResult | None, RowChange]:
        now = self._clock.now()
        sent = result.requests_sent > 0
        ambiguous = int(result.ambiguous)
        if result.outcome is Outcome.ACCEPTED:
            receipt = {"code": result.code, "status": result.status, "duplicate": result.duplicate,
                       "revision": entry.revision, "at": now.isoformat()}  # fmt: skip
            step = Step.DUPLICATE if result.duplicate else Step.ACCEPTED
            self.last_success_at = now
            return self._finish(entry, step, result, outbox.mark_done(self._db, entry, self.owner, now, receipt,
                                                                      ambiguous))  # fmt: skip
        if result.outcome is Outcome.REJECTED:
            return self._finish(entry, Step.REJECTED, result, outbox.mark_rejected(
                self._db, entry, self.owner, now, result.issue(), sent=sent, ambiguous=ambiguous))  # fmt: skip
        if result.outcome is Outcome.AUTH_FAILED:
            return self._auth_failed(entry, result.issue(), result, sent=sent)
        delay = self._backoff(entry.attempts + 1, result.retry_after_s)
        if result.message_code in OFFLINE_CODES:
            # Nobody answers: stop this pass instead of dialling every queued record (2,000 rows after a
            # week offline would mean 2,000 failed connections every few minutes). This row is the probe.
            until = now + timedelta(seconds=delay)
            if self._offline_until is None or until < self._offline_until:
                self._offline_until = until
        return self._finish(entry, Step.RETRY, result, outbox.mark_retry(
            self._db, entry, self.owner, now, result.issue(), now + timedelta(seconds=delay), sent=sent,
            ambiguous=ambiguous))  # fmt: skip

    def _auth_failed(self, entry: outbox.Claim, issue: Issue, result: UploadResult | None, *,
                     sent: bool) -> tuple[Step, UploadResult | None, RowChange]:  # fmt: skip
        now = self._clock.now()
        until = now + timedelta(seconds=self.policy.auth_delay_s)
        self._auth_issue, self._auth_until = issue, until
        _log.warning("sync paused: EHR sign-in refused (%s)", issue.code)
        return self._finish(entry, Step.AUTH, result, outbox.mark_retry(
            self._db, entry, self.owner, now, issue, until, sent=sent,
            ambiguous=int(result.ambiguous) if result else 0))  # fmt: skip

    def _finish(self, entry: outbox.Claim, step: Step, result: UploadResult | None,
                marked: bool) -> tuple[Step, UploadResult | None, RowChange]:  # fmt: skip
        if not marked:
            _log.warning("sync: lost the lease on outbox row %s before marking it", entry.id)
            step = Step.LOST
        state = {Step.ACCEPTED: "done", Step.DUPLICATE: "done", Step.REJECTED: "rejected"}.get(step, "pending")
        change = RowChange(entry.id, entry.record_id, entry.record_key, state, step)
        if marked and self._on_change is not None:
            self._on_change(change)
        return step, result, change

    # -- helpers ---------------------------------------------------------------------------------

    def _paused(self) -> bool:
        return self.paused_until() is not None

    def paused_until(self) -> datetime | None:
        """While sending is held back (wrong password, or the province unreachable): until when."""
        now = self._clock.now()
        if self._auth_until is not None and now >= self._auth_until:
            self._auth_until = None  # the delay is over: try again (the issue stays shown until success)
        if self._offline_until is not None and now >= self._offline_until:
            self._offline_until = None
        held = [t for t in (self._auth_until, self._offline_until) if t is not None]
        return max(held) if held else None

    def wake_at(self) -> datetime | None:
        """When a pass could next do something: the next due row, but not before a hold ends."""
        due = self.next_due()
        held = self.paused_until()
        if due is None:
            return None
        return max(due, held) if held is not None else due

    def _backoff(self, failures: int, retry_after_s: float | None) -> float:
        """Exponential, capped, with "equal jitter" (half fixed, half random) so many shops coming back
        online at once do not retry in step; never shorter than the server's Retry-After."""
        ceiling = min(self.policy.max_delay_s, self.policy.base_delay_s * 2 ** min(max(failures - 1, 0), 30))
        with self._rng_lock:
            delay = ceiling / 2 + self._rng.uniform(0, ceiling / 2)
        if retry_after_s is not None:
            delay = max(delay, min(retry_after_s, self.policy.max_retry_after_s))
        return delay

    def _tally(self, counts: DrainCounts, step: Step, result: UploadResult | None, change: RowChange) -> None:
        if result is not None:
            counts.sent += result.requests_sent
            counts.ambiguous += int(result.ambiguous)
        if step in (Step.ACCEPTED, Step.DUPLICATE):
            self._auth_issue = None
        attr = {Step.ACCEPTED: "accepted", Step.DUPLICATE: "duplicates", Step.REJECTED: "rejected",
                Step.RETRY: "retried", Step.AUTH: "auth_failed", Step.LOST: "lost"}[step]  # fmt: skip
        setattr(counts, attr, getattr(counts, attr) + 1)
        counts.changes.append(change)
