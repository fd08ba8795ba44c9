"""Estimating today's odometer reading from a vehicle's visits (pure functions, no database).

Why Theil–Sen (the median of the slopes between every pair of readings) over the last few visits rather
than a least-squares line or "last minus first": visits come at irregular intervals, and one mistyped
mileage or a car that stood in a garage for months pulls a least-squares line far off, while the median
of pairwise rates barely moves. Only the last :data:`RECENT_READINGS` readings count, because a car's
use changes (a new commute, a second car in the family).

Readings are cleaned first: several readings on one day keep the highest, and a reading lower than an
earlier one (a typo or a swapped cluster) is dropped. With one usable reading there is no rate to
measure, so :data:`DEFAULT_DAILY_KM` is assumed (about 11,000 km a year, a typical private car in China).
The estimate continues from the *last* reading, not from the fitted line, because that reading is a fact.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import median

DEFAULT_DAILY_KM = 30.0
RECENT_READINGS = 6

BASIS_HISTORY = "history"  # a rate measured from at least two readings
BASIS_DEFAULT = "default"  # one reading: the default rate was assumed
BASIS_NONE = "none"  # no reading at all


@dataclass(frozen=True)
class MileageEstimate:
    daily_km: float
    basis: str
    readings: int  # usable readings after cleaning
    last_on: date | None = None
    last_km: int | None = None
    estimated_km: int | None = None  # on the day asked for

    def reached_on(self, target_km: int) -> date | None:
        """The day the odometer is expected to show ``target_km`` (None if it never will at this rate)."""
        if self.last_on is None or self.last_km is None:
            return None
        if target_km <= self.last_km:
            if self.daily_km <= 0:
                return self.last_on
            # already passed at the last visit: estimate when, going back along the same rate
            return self.last_on - timedelta(days=math.floor((self.last_km - target_km) / self.daily_km))
        if self.daily_km <= 0:
            return None
        return self.last_on + timedelta(days=math.ceil((target_km - self.last_km) / self.daily_km))


def clean_readings(readings: Iterable[tuple[date, int]]) -> list[tuple[date, int]]:
    """One reading per day (the highest), in date order, never going backwards."""
    per_day: dict[date, int] = {}
    for day, km in readings:
        if km is None or km < 0:
            continue
        per_day[day] = max(km, per_day.get(day, km))
    out: list[tuple[date, int]] = []
    for day in sorted(per_day):
        km = per_day[day]
        if out and km < out[-1][1]:
            continue  # lower than an earlier reading: a typo, not a real odometer
        out.append((day, km))
    return out


def daily_rate(readings: list[tuple[date, int]]) -> float | None:
    """Theil–Sen rate (km/day) of cleaned readings; None with fewer than two."""
    recent = readings[-RECENT_READINGS:]
    slopes = [
        (k2 - k1) / (d2 - d1).days
        for i, (d1, k1) in enumerate(recent)
        for d2, k2 in recent[i + 1 :]
    ]
    return max(0.0, median(slopes)) if slopes else None


def estimate(
    readings: Iterable[tuple[date, int]], on: date, default_daily_km: float = DEFAULT_DAILY_KM
) -> MileageEstimate:
    """The odometer reading expected on ``on`` from the visits' readings."""
    usable = clean_readings(readings)
    if not usable:
        return MileageEstimate(default_daily_km, BASIS_NONE, 0)
    rate = daily_rate(usable)
    basis = BASIS_HISTORY if rate is not None else BASIS_DEFAULT
    rate = default_daily_km if rate is None else rate
    last_on, last_km = usable[-1]
    days = max(0, (on - last_on).days)
    return MileageEstimate(rate, basis, len(usable), last_on, last_km, last_km + round(rate * days))
