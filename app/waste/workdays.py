"""Working days per the Chinese holiday calendar (调休 included), for the 5-working-day confirmation rule.

The ``chinese-calendar`` package carries the State Council's yearly holiday notice as data and needs an
update every year. Past its last year we count Monday to Friday and say so (``covered`` is False), so
the UI can tell the user that the deadline is approximate and the package needs updating.
"""

from __future__ import annotations

import functools
from datetime import date, timedelta

try:  # optional: without it every day is counted Monday–Friday, and the UI says so
    import chinese_calendar as _cc
except ImportError:  # pragma: no cover - the dependency is declared; this guards a broken install
    _cc = None


@functools.cache
def last_covered_year() -> int | None:
    """The last year the installed holiday data knows, or ``None`` without the package."""
    if _cc is None:
        return None
    return max(d.year for d in _cc.holidays)


def is_workday(day: date) -> tuple[bool, bool]:
    """(is a working day, the holiday data covered it)."""
    last = last_covered_year()
    if _cc is not None and last is not None and day.year <= last:
        try:
            return bool(_cc.is_workday(day)), True
        except NotImplementedError:
            pass
    return day.weekday() < 5, False


def add_working_days(start: date, days: int) -> tuple[date, bool]:
    """The date ``days`` working days after ``start``, and whether the data covered every day counted."""
    current, left, covered = start, days, True
    while left > 0:
        current += timedelta(days=1)
        working, known = is_workday(current)
        covered = covered and known
        if working:
            left -= 1
    return current, covered
