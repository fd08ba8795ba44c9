"""Mileage and date rules (ehr-protocol §8.3): blocks raise, warnings are returned."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.domain.errors import DomainError, Issue
from app.domain.rules import MAX_MILEAGE, check_dates, check_mileage, parse_date, parse_mileage

TODAY = date(2026, 11, 26)
LAST = date(2026, 11, 16)  # ten days before TODAY


def _codes(issues: list[Issue]) -> list[str]:
    assert all(not i.blocking for i in issues)
    return [i.code for i in issues]


# --- parse_mileage -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "km"),
    [
        ("12345", 12345),
        ("12,345", 12345),
        ("1,234,567", 1234567),
        ("12345 km", 12345),
        ("12345KM", 12345),
        ("12345公里", 12345),
        ("１２３４５", 12345),
        ("１２，３４５", 12345),
        ("  0 ", 0),
        ("007", 7),
    ],
)
def test_parse_mileage_accepts(text: str, km: int) -> None:
    assert parse_mileage(text) == km


@pytest.mark.parametrize("text", ["", "   ", "\u3000"])
def test_parse_mileage_empty_is_none_not_zero(text: str) -> None:
    assert parse_mileage(text) is None


@pytest.mark.parametrize(
    "text", ["12.5", "12,345.0", "-5", "－5", "abc", "12a45", "12,34", "1,2345", "km", "1e5", "١٢٣"]
)
def test_parse_mileage_rejects(text: str) -> None:
    with pytest.raises(DomainError) as caught:
        parse_mileage(text)
    assert caught.value.code == "mileage.invalid"
    assert caught.value.params == {"text": text.strip()}
    assert caught.value.field == "intake_mileage"


# --- check_mileage -------------------------------------------------------------------------------


def test_normal_mileage_has_no_issues() -> None:
    assert check_mileage(52000, last_km=50000, last_date=LAST, on_date=TODAY) == []
    assert check_mileage(52000, last_km=None, last_date=None, on_date=TODAY) == []
    assert check_mileage(MAX_MILEAGE, last_km=None, last_date=None, on_date=TODAY) == []


def test_not_entered_is_not_judged_here() -> None:
    assert check_mileage(None, last_km=50000, last_date=LAST, on_date=TODAY) == []


@pytest.mark.parametrize("km", [-1, MAX_MILEAGE + 1, 10_000_000])
def test_out_of_range_blocks(km: int) -> None:
    with pytest.raises(DomainError) as caught:
        check_mileage(km, last_km=None, last_date=None, on_date=TODAY)
    assert caught.value.code == "mileage.range"
    assert caught.value.params == {"km": km, "max": MAX_MILEAGE}


def test_max_mileage_value() -> None:
    assert MAX_MILEAGE == 1_999_999


def test_zero_warns_once() -> None:
    assert _codes(check_mileage(0, last_km=None, last_date=None, on_date=TODAY)) == ["mileage.zero"]
    # Lower than last time too, but "zero" already says it all.
    assert _codes(check_mileage(0, last_km=50000, last_date=LAST, on_date=TODAY)) == ["mileage.zero"]


def test_lower_than_last_warns_with_params() -> None:
    issues = check_mileage(49999, last_km=50000, last_date=LAST, on_date=TODAY)
    assert _codes(issues) == ["mileage.lower_than_last"]
    assert issues[0].params == {"km": 49999, "last_km": 50000, "last_date": "2026-11-16"}


def test_equal_to_last_is_fine() -> None:
    assert check_mileage(50000, last_km=50000, last_date=LAST, on_date=TODAY) == []


def test_too_fast_boundary_is_1000_km_a_day() -> None:
    # Ten days since the last visit: 10,000 km is fine, 10,011 km is 1,001 a day.
    assert check_mileage(60000, last_km=50000, last_date=LAST, on_date=TODAY) == []
    issues = check_mileage(60011, last_km=50000, last_date=LAST, on_date=TODAY)
    assert _codes(issues) == ["mileage.too_fast"]
    assert issues[0].params["per_day"] == 1001
    assert issues[0].params["days"] == 10


def test_extra_digit_is_caught_as_too_fast() -> None:
    issues = check_mileage(520000, last_km=50000, last_date=LAST, on_date=TODAY)
    assert _codes(issues) == ["mileage.too_fast"]
    assert issues[0].params["per_day"] == 47000


def test_same_day_return_counts_as_one_day() -> None:
    assert check_mileage(50900, last_km=50000, last_date=TODAY, on_date=TODAY) == []
    assert _codes(check_mileage(51500, last_km=50000, last_date=TODAY, on_date=TODAY)) == ["mileage.too_fast"]


def test_no_rate_without_a_usable_last_date() -> None:
    assert check_mileage(900000, last_km=50000, last_date=None, on_date=TODAY) == []
    assert check_mileage(900000, last_km=50000, last_date=TODAY + timedelta(days=1), on_date=TODAY) == []


def test_field_can_be_named() -> None:
    issues = check_mileage(0, last_km=None, last_date=None, on_date=TODAY, field="mileage_out")
    assert issues[0].field == "mileage_out"


# --- parse_date ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "2026-11-26",
        "2026/11/26",
        "2026.11.26",
        "20261126",
        "2026年11月26日",
        "2026年11月26",
        " 2026-11-26 ",
        "２０２６－１１－２６",
        "2026 年 11 月 26 日",
    ],
)
def test_parse_date_formats(text: str) -> None:
    assert parse_date(text) == date(2026, 11, 26)


def test_parse_date_single_digit_month_and_day() -> None:
    assert parse_date("2026-1-5") == date(2026, 1, 5)
    assert parse_date("2026年1月5日") == date(2026, 1, 5)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "2026-02-30",
        "2026-13-01",
        "2026-11/26",
        "26-11-2026",
        "2026112",
        "202611261",
        "tomorrow",
        "2026-11",
    ],
)
def test_parse_date_rejects(text: str) -> None:
    with pytest.raises(DomainError) as caught:
        parse_date(text, field="intake_date")
    assert caught.value.code == "date.invalid"
    assert caught.value.field == "intake_date"
    assert caught.value.params == {"text": text.strip()}


# --- check_dates ---------------------------------------------------------------------------------


def test_ordinary_dates_pass() -> None:
    assert check_dates(LAST, TODAY, TODAY) == []
    assert check_dates(TODAY, TODAY, TODAY) == []
    assert check_dates(TODAY, None, TODAY) == []


def test_future_intake_blocks() -> None:
    with pytest.raises(DomainError) as caught:
        check_dates(TODAY + timedelta(days=1), None, TODAY)
    assert (caught.value.code, caught.value.field) == ("date.future", "intake_date")
    assert caught.value.params == {"date": "2026-11-27", "today": "2026-11-26"}


def test_future_settle_blocks() -> None:
    with pytest.raises(DomainError) as caught:
        check_dates(TODAY, TODAY + timedelta(days=1), TODAY)
    assert (caught.value.code, caught.value.field) == ("date.future", "settle_date")


def test_settle_before_intake_blocks() -> None:
    with pytest.raises(DomainError) as caught:
        check_dates(TODAY, LAST, TODAY)
    assert (caught.value.code, caught.value.field) == ("date.settle_before_intake", "settle_date")
    assert caught.value.params == {"intake": "2026-11-26", "settle": "2026-11-16"}


def test_all_blocking_date_problems_are_raised_together() -> None:
    with pytest.raises(DomainError) as caught:
        check_dates(TODAY + timedelta(days=5), TODAY + timedelta(days=2), TODAY)
    assert [(i.code, i.field) for i in caught.value.issues] == [
        ("date.future", "intake_date"),
        ("date.future", "settle_date"),
        ("date.settle_before_intake", "settle_date"),
    ]


def test_long_gap_boundary_is_180_days() -> None:
    assert check_dates(TODAY - timedelta(days=180), TODAY, TODAY) == []
    issues = check_dates(TODAY - timedelta(days=181), TODAY, TODAY)
    assert _codes(issues) == ["date.long_gap"]
    assert issues[0].params["days"] == 181
