"""Column types for our own value kinds, so models say what a column means.

- :class:`UTCDateTime` stores timezone-aware UTC; SQLite has no time zones, so naive values are refused
  on the way in (a naive datetime is a bug, not a guess) and UTC is re-attached on the way out.
- :class:`Tenths` and :class:`Hundredths` keep labour hours and part quantities exact as integers.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import DateTime, Integer
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class _ScaledDecimal(TypeDecorator[Decimal]):
    """A Decimal with a fixed number of places, stored as an integer count of the smallest unit."""

    impl = Integer
    cache_ok = True
    scale = 1

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> int | None:
        if value is None:
            return None
        scaled = Decimal(value) * self.scale
        if scaled != scaled.to_integral_value():
            raise ValueError(f"{value} has more places than the column keeps")
        return int(scaled)

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        places = len(str(self.scale)) - 1
        return (Decimal(int(value)) / self.scale).quantize(Decimal(1).scaleb(-places))


class Tenths(_ScaledDecimal):
    cache_ok = True
    scale = 10


class Hundredths(_ScaledDecimal):
    cache_ok = True
    scale = 100
