"""Shop-local periods as UTC bounds, shared by the three panels so they agree on what "this month" is."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from app.domain.clock import SHOP_TZ


def utc_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """``[start, end)`` in shop-local days as UTC instants (what the database stores)."""
    return (datetime.combine(start, time(0), SHOP_TZ).astimezone(UTC),
            datetime.combine(end, time(0), SHOP_TZ).astimezone(UTC))  # fmt: skip


def previous_period(start: date, end: date) -> tuple[date, date]:
    """The period of the same length just before; a calendar month maps to the previous calendar month."""
    if start.day == 1 and end.day == 1 and (end - start).days in range(28, 32):
        return month_start(start - timedelta(days=1)), start
    return start - (end - start), start


def month_start(day: date) -> date:
    return day.replace(day=1)


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def local_day(moment: datetime) -> date:
    return moment.astimezone(SHOP_TZ).date()


def month_key(moment: datetime) -> str:
    local = moment.astimezone(SHOP_TZ)
    return f"{local.year:04d}-{local.month:02d}"
