"""Switchable faults, so tests and training can see every way a province lets a shop down (§9.1).

A :class:`FaultPlan` is plain data (settable at start, over the control endpoint, or from Python);
:class:`Faults` applies it to record requests one at a time under a lock, so counted faults ("drop the
next 2") stay exact with concurrent clients, and the random failure rate is reproducible from its seed.
Only record calls are faulted (latency applies to every call): the record call is the one whose
outcome the sync engine must get right.
"""

from __future__ import annotations

import dataclasses
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

HTTP_FAULT_STATUSES = (429, 500, 502, 503, 504)


class Fault(StrEnum):
    NONE = "none"
    HTTP = "http"  # answer with ``http_status`` (and Retry-After, when set), store nothing
    DROP_BEFORE_STORE = "drop_before_store"  # read the request, close the connection, store nothing
    DROP_AFTER_STORE = "drop_after_store"  # store the record, then close without answering
    EXPIRE_TOKEN = "expire_token"  # the presented token is treated as expired ("-1")


@dataclass(frozen=True)
class FaultPlan:
    """What goes wrong. Counts apply to the next N record requests; ``None`` means "until cleared"."""

    latency_ms: int = 0
    http_status: int | None = None
    http_count: int | None = None
    retry_after_s: int | None = None
    drop_before_store: int = 0
    drop_after_store: int = 0
    token_expiry_every: int = 0  # every Nth record request finds its token expired; 0 = never
    failure_rate: float = 0.0  # share of record requests that fail at random (HTTP 500/503, drops)
    seed: int | None = None

    def __post_init__(self) -> None:
        if self.http_status is not None and self.http_status not in HTTP_FAULT_STATUSES:
            raise ValueError(f"http_status must be one of {HTTP_FAULT_STATUSES}")
        if not 0.0 <= self.failure_rate <= 1.0:
            raise ValueError("failure_rate must be between 0 and 1")
        counts = (self.latency_ms, self.drop_before_store, self.drop_after_store, self.token_expiry_every)
        if min(counts) < 0 or (self.http_count is not None and self.http_count < 0):
            raise ValueError("counts and latency must not be negative")

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class Decision:
    fault: Fault
    http_status: int | None = None
    retry_after_s: int | None = None


_RANDOM_CHOICES = (
    Decision(Fault.HTTP, 500),
    Decision(Fault.HTTP, 503),
    Decision(Fault.DROP_BEFORE_STORE),
    Decision(Fault.DROP_AFTER_STORE),
)


class Faults:
    """The live fault state of one sandbox."""

    def __init__(self, plan: FaultPlan | None = None, sleep: Callable[[float], None] = time.sleep) -> None:
        """``sleep`` waits for real: latency is about wall time on the socket, not the sandbox clock."""
        self._lock = threading.Lock()
        self._sleep = sleep
        self._plan = FaultPlan()
        self._rng = random.Random()
        self._record_requests = 0
        self.replace(plan or FaultPlan())

    @property
    def plan(self) -> FaultPlan:
        with self._lock:
            return self._plan

    def replace(self, plan: FaultPlan) -> FaultPlan:
        with self._lock:
            self._plan = plan
            self._rng = random.Random(plan.seed)
            self._record_requests = 0
            return plan

    def update(self, **changes: Any) -> FaultPlan:
        """Change some settings, keep the rest; unknown names raise ``TypeError``/``ValueError``."""
        with self._lock:
            current = self._plan
        new = dataclasses.replace(current, **changes)
        if "seed" in changes or new.seed != current.seed:
            return self.replace(new)
        with self._lock:
            self._plan = new
            return new

    def clear(self) -> FaultPlan:
        return self.replace(FaultPlan())

    def delay(self) -> None:
        latency = self.plan.latency_ms
        if latency:
            self._sleep(latency / 1000)

    def next_record(self) -> Decision:
        """Decide the fate of the next record request, consuming one unit of a counted fault."""
        with self._lock:
            plan = self._plan
            self._record_requests += 1
            if plan.http_status is not None and (plan.http_count is None or plan.http_count > 0):
                if plan.http_count is not None:
                    self._plan = dataclasses.replace(plan, http_count=plan.http_count - 1)
                return Decision(Fault.HTTP, plan.http_status, plan.retry_after_s)
            if plan.drop_before_store:
                self._plan = dataclasses.replace(plan, drop_before_store=plan.drop_before_store - 1)
                return Decision(Fault.DROP_BEFORE_STORE)
            if plan.drop_after_store:
                self._plan = dataclasses.replace(plan, drop_after_store=plan.drop_after_store - 1)
                return Decision(Fault.DROP_AFTER_STORE)
            if plan.token_expiry_every and self._record_requests % plan.token_expiry_every == 0:
                return Decision(Fault.EXPIRE_TOKEN)
            if plan.failure_rate and self._rng.random() < plan.failure_rate:
                return self._rng.choice(_RANDOM_CHOICES)
            return Decision(Fault.NONE)


def plan_from_json(data: dict[str, Any], base: FaultPlan | None = None) -> FaultPlan:
    """A plan from the control endpoint's JSON: ``{"clear": true}`` starts from no faults."""
    start = FaultPlan() if data.get("clear") or base is None else base
    changes = {k: v for k, v in data.items() if k != "clear"}
    known = {f.name for f in dataclasses.fields(FaultPlan)}
    unknown = sorted(set(changes) - known)
    if unknown:
        raise ValueError(f"unknown fault settings: {', '.join(unknown)}")
    return dataclasses.replace(start, **changes)
