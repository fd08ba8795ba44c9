"""Mileage and date rules for a visit (ehr-protocol §8.3).

One API for all of them: a clear error (a value that can never be right) raises :class:`DomainError`;
a doubtful value is returned as a list of non-blocking :class:`Issue` warnings for the user to confirm
with a reason. Provinces flag odd mileage and dates as anomalies, and some software invents values to get
past them; Banshou asks the person at the counter instead, and never fills anything in by itself.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from app.domain.errors import DomainError, Issue

MAX_MILEAGE = 1_999_999
MAX_KM_PER_DAY = 1000
LONG_GAP_DAYS = 180

_MILEAGE_RE = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)(?:KM|公里|千米)?", re.ASCII)
_DATE_RES = (
    re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})", re.ASCII),
    re.compile(r"(\d{4})()(\d{2})(\d{2})", re.ASCII),
    re.compile(r"(\d{4})(年)(\d{1,2})月(\d{1,2})日?", re.ASCII),
)


def parse_mileage(text: str, field: str | None = "intake_mileage") -> int | None:
    """'12,345', '12345 km', '１２３４５公里' → 12345; '' → ``None`` (not entered is not zero).

    Decimals, negatives and anything else raise ``mileage.invalid``: an odometer reading is whole
    kilometres, and guessing what '12.345' meant (twelve or twelve thousand?) is exactly the mistake to
    avoid. The range is checked by :func:`check_mileage`.
    """
    cleaned = _fold(text).upper().replace("，", ",")
    if not cleaned:
        return None
    match = _MILEAGE_RE.fullmatch(cleaned)
    if match is None:
        raise DomainError("mileage.invalid", field, text=text.strip())
    return int(match.group(1).replace(",", ""))


def check_mileage(
    km: int | None,
    *,
    last_km: int | None,
    last_date: date | None,
    on_date: date,
    field: str | None = "intake_mileage",
) -> list[Issue]:
    """Block impossible mileage, return warnings for doubtful mileage.

    ``last_km``/``last_date`` are the latest earlier record for the same VIN (or ``None``). ``None`` for
    ``km`` means "not entered"; whether that is allowed is the form's business, so nothing is reported.
    A zero reading is reported on its own (it usually means "unknown"), without also saying it is lower
    than last time.
    """
    if km is None:
        return []
    if km < 0 or km > MAX_MILEAGE:
        raise DomainError("mileage.range", field, km=km, max=MAX_MILEAGE)
    if km == 0:
        return [Issue("mileage.zero", field, {"km": km}, blocking=False)]
    if last_km is None:
        return []
    if km < last_km:
        return [_lower_than_last(km, last_km, last_date, field)]
    too_fast = _too_fast(km, last_km, last_date, on_date, field)
    return [too_fast] if too_fast else []


def _lower_than_last(km: int, last_km: int, last_date: date | None, field: str | None) -> Issue:
    when = last_date.isoformat() if last_date else "?"
    params = {"km": km, "last_km": last_km, "last_date": when}
    return Issue("mileage.lower_than_last", field, params, blocking=False)


def _too_fast(
    km: int, last_km: int, last_date: date | None, on_date: date, field: str | None
) -> Issue | None:
    """Warn when the distance since the last visit means more than 1,000 km a day.

    A same-day return counts as one day, so a second visit on the same day with 5,000 km more is still
    caught. Without a last date, or with a last record after ``on_date`` (back-dated entry), no rate can
    be computed and nothing is said.
    """
    if last_date is None or last_date > on_date:
        return None
    days = max((on_date - last_date).days, 1)
    per_day = (km - last_km) // days
    if per_day <= MAX_KM_PER_DAY:
        return None
    params = {
        "km": km,
        "last_km": last_km,
        "last_date": last_date.isoformat(),
        "days": days,
        "per_day": per_day,
    }
    return Issue("mileage.too_fast", field, params, blocking=False)


def parse_date(text: str, field: str | None = None) -> date:
    """'2026-11-26', '2026/11/26', '2026.11.26', '20261126' or '2026年11月26日' → a date.

    Anything else, including impossible dates such as 2026-02-30, raises ``date.invalid``: a date that
    was guessed would go to the province as fact.
    """
    cleaned = _fold(text)
    for pattern in _DATE_RES:
        match = pattern.fullmatch(cleaned)
        if match is None:
            continue
        try:
            return date(int(match.group(1)), int(match.group(3)), int(match.group(4)))
        except ValueError:
            break
    raise DomainError("date.invalid", field, text=text.strip())


def check_dates(intake: date, settle: date | None, today: date) -> list[Issue]:
    """Block future dates and a settlement before intake; warn on a very long stay.

    ``today`` is the shop's local date (Asia/Shanghai), passed in so tests and the clock agree. Every
    blocking problem is raised together, so the form can mark both fields at once.
    """
    blocking: list[Issue] = []
    if intake > today:
        blocking.append(_future("intake_date", intake, today))
    if settle is not None and settle > today:
        blocking.append(_future("settle_date", settle, today))
    if settle is not None and settle < intake:
        params = {"intake": intake.isoformat(), "settle": settle.isoformat()}
        blocking.append(Issue("date.settle_before_intake", "settle_date", params))
    if blocking:
        raise DomainError.of(blocking)
    if settle is not None and (settle - intake).days > LONG_GAP_DAYS:
        params = {"intake": intake.isoformat(), "settle": settle.isoformat(), "days": (settle - intake).days}
        return [Issue("date.long_gap", "intake_date", params, blocking=False)]
    return []


def _future(field: str, value: date, today: date) -> Issue:
    return Issue("date.future", field, {"date": value.isoformat(), "today": today.isoformat()})


def _fold(text: str) -> str:
    """Full-width to half-width and no spaces anywhere, as typed through a Chinese IME."""
    folded = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in folded if not ch.isspace())
