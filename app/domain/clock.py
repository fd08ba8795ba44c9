"""One injectable clock for services, the sync engine and the sandbox.

Tests pass a :class:`ManualClock` to run token expiry, backoff or a week offline in seconds without
patching anything. All times are timezone-aware UTC; local time is only for display and for the settle
date printed on paper (Asia/Shanghai by default).
"""

from __future__ import annotations

import threading
import time
from datetime import UTC, date, datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

SHOP_TZ = ZoneInfo("Asia/Shanghai")


class Clock(Protocol):
    def now(self) -> datetime: ...

    def sleep(self, seconds: float) -> None: ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


class ManualClock:
    """A clock that only moves when told to; ``sleep`` advances it instead of waiting."""

    def __init__(self, start: datetime | None = None) -> None:
        self._now = start or datetime(2026, 1, 5, 2, 0, tzinfo=UTC)
        self._lock = threading.Lock()

    def now(self) -> datetime:
        with self._lock:
            return self._now

    def advance(self, seconds: float) -> None:
        with self._lock:
            self._now += timedelta(seconds=seconds)

    def sleep(self, seconds: float) -> None:
        self.advance(seconds)


def local_date(moment: datetime, tz: ZoneInfo = SHOP_TZ) -> date:
    """The shop's calendar date of a UTC moment (what goes on paper and into ``settledate``)."""
    return moment.astimezone(tz).date()


def to_local(moment: datetime, tz: ZoneInfo = SHOP_TZ) -> datetime:
    return moment.astimezone(tz)
