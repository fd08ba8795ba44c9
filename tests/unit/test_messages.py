"""The message catalogue: every code in both languages with the same placeholders, and the domain's
codes actually present, so a clerk never sees a bare code like ``plate.letter_io``."""

from __future__ import annotations

import string
from collections.abc import Callable
from datetime import date

import pytest

from app.domain import money, plate, rules, vin
from app.domain.errors import DomainError, Issue
from app.i18n import CATALOGUE, LANGUAGES, render, render_error

# Domain codes with one set of parameters as the domain code really raises them.
DOMAIN_CODES = [
    "plate.empty",
    "plate.length",
    "plate.province",
    "plate.office",
    "plate.letter_io",
    "plate.nev_energy",
    "plate.digit",
    "plate.chars",
    "plate.colour_unknown",
    "plate.colour_mismatch",
    "vin.empty",
    "vin.length",
    "vin.chars",
    "vin.forbidden_letter",
    "vin.check_digit",
    "mileage.invalid",
    "mileage.range",
    "mileage.zero",
    "mileage.lower_than_last",
    "mileage.too_fast",
    "date.invalid",
    "date.future",
    "date.settle_before_intake",
    "date.long_gap",
    "money.invalid",
    "money.negative",
    "money.too_precise",
]


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_every_code_has_both_languages_with_the_same_placeholders(code: str) -> None:
    texts = CATALOGUE[code]
    assert set(texts) == set(LANGUAGES), code
    assert all(texts[lang].strip() for lang in LANGUAGES), code
    assert _placeholders(texts["zh_CN"]) == _placeholders(texts["en"]), code


@pytest.mark.parametrize("code", DOMAIN_CODES)
def test_domain_codes_are_in_the_catalogue(code: str) -> None:
    assert code in CATALOGUE


def _raised(call: Callable[..., object], *args: object, **kwargs: object) -> list[Issue]:
    with pytest.raises(DomainError) as caught:
        call(*args, **kwargs)
    return caught.value.issues


def _real_issues() -> list[Issue]:
    """Issues produced by actually calling the domain code, one or more per code."""
    today = date(2026, 11, 26)
    found: list[Issue] = []
    for text in ["", "A123456", "京A1234", "京1234567", "京A1234O", "粤BL12345", "粤BD1234A", "京A1挂345"]:
        found += _raised(plate.check_plate, text)
    found += _raised(plate.colour_issue, plate.check_plate("京A12345"), 7)
    mismatch = plate.colour_issue(plate.check_plate("京A12345"), 94)
    assert mismatch is not None
    found.append(mismatch)
    for text in ["", "LCOAM4187C21848*"]:  # 16 characters, a "*" and an O
        found += _raised(vin.validate_vin, text)
    found += vin.vin_issues("LSVAM4180C2184847")
    found += _raised(rules.parse_mileage, "12.5")
    found += _raised(rules.check_mileage, -1, last_km=None, last_date=None, on_date=today)
    found += rules.check_mileage(0, last_km=None, last_date=None, on_date=today)
    found += rules.check_mileage(100, last_km=200, last_date=today, on_date=today)
    found += rules.check_mileage(9000, last_km=200, last_date=today, on_date=today)
    found += _raised(rules.parse_date, "2026-02-30")
    found += _raised(rules.check_dates, date(2026, 12, 1), date(2026, 11, 30), today)
    found += rules.check_dates(date(2026, 1, 1), today, today)
    for text in ["abc", "-1", "1.001"]:
        found += _raised(money.parse_yuan, text)
    return found


def test_every_code_the_domain_raises_renders_fully_in_both_languages() -> None:
    issues = _real_issues()
    assert {i.code for i in issues} == set(DOMAIN_CODES)
    for issue in issues:
        for lang in LANGUAGES:
            text = render(issue.code, issue.params, lang)
            assert text != issue.code and "{" not in text, (issue.code, lang)
            assert _placeholders(CATALOGUE[issue.code][lang]) <= set(issue.params), (issue.code, lang)


def test_render_error_joins_every_issue() -> None:
    with pytest.raises(DomainError) as caught:
        vin.validate_vin("LCOAM4187C218484")
    text = render_error(caught.value, "zh_CN")
    assert "17 位" in text and "LC0AM4187C218484" in text
