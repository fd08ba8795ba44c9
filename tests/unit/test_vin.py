"""VIN normalising, validation, check digit, WMI hint and model year (ehr-protocol §8.2)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from app.domain.errors import DomainError
from app.domain.vin import (
    WmiHint,
    check_digit,
    model_year,
    normalize_vin,
    validate_vin,
    vin_issues,
    with_check_digit,
    wmi_hint,
)
from app.i18n import render

VIN_CHARS = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ"

# Real-format VINs whose position 9 is correct.
VALID = [
    "1M8GDM9AXKP042788",  # the textbook example, check digit X
    "LSVAM4187C2184847",  # SAIC VW format, check digit 7 (worked by hand below)
    "11111111111111111",  # every 1: sum 89 ≡ 1 (mod 11)
]


def _error(text: str) -> DomainError:
    with pytest.raises(DomainError) as caught:
        validate_vin(text)
    assert caught.value.field == "vin"
    return caught.value


def test_check_digit_by_hand() -> None:
    """Worked independently of the code: L3 S2 V5 A1 M4 4 1 8 _ C3 2 1 8 4 8 4 7 → 359 ≡ 7 (mod 11)."""
    values = [3, 2, 5, 1, 4, 4, 1, 8, 0, 3, 2, 1, 8, 4, 8, 4, 7]
    weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
    total = sum(v * w for v, w in zip(values, weights, strict=True))
    assert total == 359
    assert check_digit("LSVAM4187C2184847") == str(total % 11) == "7"


@pytest.mark.parametrize("vin", VALID)
def test_known_valid_vins_pass(vin: str) -> None:
    assert check_digit(vin) == vin[8]
    assert validate_vin(vin) == vin
    assert vin_issues(vin) == []


def test_check_digit_x_for_remainder_ten() -> None:
    assert check_digit("1M8GDM9AXKP042788") == "X"


def test_letter_transliteration_covers_every_group() -> None:
    # One letter at position 1 (weight 8) on a zero background: value × 8 mod 11.
    for letter, value in {"A": 1, "H": 8, "J": 1, "N": 5, "P": 7, "R": 9, "S": 2, "Z": 9}.items():
        vin = letter + "0" * 16
        assert check_digit(vin) == ("X" if value * 8 % 11 == 10 else str(value * 8 % 11)), letter


@pytest.mark.parametrize(
    ("wrong", "expected", "actual"),
    [
        ("1M8GDM9A1KP042788", "X", "1"),
        ("LSVAM4180C2184847", "7", "0"),
        ("LSVAM4187C2184848", "9", "7"),  # a typo elsewhere moves the expected digit
    ],
)
def test_wrong_check_digit_is_a_warning_with_the_ux_message(wrong: str, expected: str, actual: str) -> None:
    issues = vin_issues(wrong)
    assert len(issues) == 1
    issue = issues[0]
    assert (issue.code, issue.field, issue.blocking) == ("vin.check_digit", "vin", False)
    assert issue.params["expected"] == expected
    assert issue.params["actual"] == actual
    assert render(issue.code, issue.params, "zh_CN") == (
        f"车架号第9位校验码应为 {expected}，实际为 {actual}。请核对是否有输错的字符；"
        "进口车可能没有校验位，可填写原因后继续。"
    )


def test_validate_vin_still_accepts_a_wrong_check_digit() -> None:
    # Imports may have none: the check digit never blocks.
    assert validate_vin("WVWZZZ1JZXW000001") == "WVWZZZ1JZXW000001"


@given(st.text(alphabet=VIN_CHARS, min_size=17, max_size=17))
def test_with_check_digit_always_yields_a_passing_vin(vin: str) -> None:
    fixed = with_check_digit(vin)
    assert fixed[:8] == vin[:8] and fixed[9:] == vin[9:]
    assert vin_issues(fixed) == []


# Transliteration written out independently of the module, as printed in GB 16735.
TRANSLIT = dict(zip("0123456789", range(10), strict=True)) | dict(
    zip(
        "ABCDEFGHJKLMNPRSTUVWXYZ",
        [1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9],
        strict=True,
    )
)


@given(st.text(alphabet=VIN_CHARS, min_size=17, max_size=17), st.integers(0, 16), st.sampled_from(VIN_CHARS))
def test_single_character_change_is_caught(vin: str, index: int, replacement: str) -> None:
    """Changing one character outside position 9 changes the check digit exactly when its value changes.

    Every weight except position 9's is non-zero mod 11, so only look-alike values (A and J both count
    1) can slip through.
    """
    assume(index != 8 and vin[index] != replacement)
    good = with_check_digit(vin)
    changed = good[:index] + replacement + good[index + 1 :]
    value_changed = TRANSLIT[replacement] != TRANSLIT[good[index]]
    assert (check_digit(changed) != check_digit(good)) is value_changed
    assert [i.code for i in vin_issues(changed)] == (["vin.check_digit"] if value_changed else [])


def test_check_digit_rejects_non_vins() -> None:
    for bad in ["", "1M8GDM9AXKP04278", "1M8GDM9AXKP0427O8"]:
        with pytest.raises(ValueError):
            check_digit(bad)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("lsvam4187c2184847", "LSVAM4187C2184847"),
        (" LSVAM 4187 C218 4847 ", "LSVAM4187C2184847"),
        ("LSVAM-4187-C2184847", "LSVAM4187C2184847"),
        ("ＬＳＶＡＭ４１８７Ｃ２１８４８４７", "LSVAM4187C2184847"),
        ("LSVAM4187C2184847\n", "LSVAM4187C2184847"),
        ("LCOAM4187C2184847", "LCOAM4187C2184847"),  # O is kept, never silently made 0
    ],
)
def test_normalize_vin(typed: str, expected: str) -> None:
    assert normalize_vin(typed) == expected


def test_validate_returns_the_normalised_vin() -> None:
    assert validate_vin(" lsvam4187c2184847 ") == "LSVAM4187C2184847"


@pytest.mark.parametrize("text", ["", "  ", "--"])
def test_empty(text: str) -> None:
    assert _error(text).code == "vin.empty"


@pytest.mark.parametrize("text", ["LSVAM4187C218484", "LSVAM4187C21848470", "LSV"])
def test_wrong_length(text: str) -> None:
    err = _error(text)
    assert err.code == "vin.length"
    assert err.params == {"vin": text, "length": len(text)}


def test_forbidden_letters_give_positions_and_a_suggestion() -> None:
    err = _error("LCOAM4I87C2184847")
    assert err.code == "vin.forbidden_letter"
    assert err.params["positions"] == "3, 7"
    assert err.params["letters"] == "IO"
    assert err.params["suggestion"] == "LC0AM4187C2184847"
    assert len(err.issues) == 1


def test_q_is_suggested_as_zero() -> None:
    err = _error("LSVAM4187C218484Q")
    assert err.params["suggestion"] == "LSVAM4187C2184840"
    assert err.params["positions"] == "17"


def test_suggestion_is_never_applied_automatically() -> None:
    # Even when the suggestion would be a perfect VIN, validation still refuses the typed one.
    assert validate_vin("LSVAM4187C2184847")
    err = _error("LSVAM4187C2184847".replace("0", "O").replace("1", "I"))
    assert err.code == "vin.forbidden_letter"
    assert err.params["suggestion"] == "LSVAM4187C2184847"


@pytest.mark.parametrize(
    ("text", "position", "char"), [("LSVAM4187C218484*", 17, "*"), ("粤SVAM4187C2184847", 1, "粤")]
)
def test_other_characters(text: str, position: int, char: str) -> None:
    err = _error(text)
    assert err.code == "vin.chars"
    assert (err.params["position"], err.params["char"]) == (position, char)


def test_all_problems_are_reported_together() -> None:
    err = _error("LCOAM4187C218484")  # 16 characters and an O
    assert [i.code for i in err.issues] == ["vin.length", "vin.forbidden_letter"]
    assert all(i.blocking for i in err.issues)


def test_wmi_hint_for_known_makers() -> None:
    lsv = wmi_hint("LSVAM4187C2184847")
    assert lsv == WmiHint(
        wmi="LSV",
        manufacturer_zh="上汽大众汽车有限公司",
        manufacturer_en="SAIC Volkswagen",
        brands=("大众", "斯柯达"),
        country="CN",
        certain=True,
    )
    lfv = wmi_hint("lfv2a21k0d3000000")
    assert lfv is not None
    assert lfv.manufacturer_en == "FAW-Volkswagen"
    assert "奥迪" in lfv.brands


def test_wmi_hint_is_none_when_unknown_or_too_short() -> None:
    assert wmi_hint("ZZZAM4187C2184847") is None
    assert wmi_hint("LS") is None
    assert wmi_hint("") is None


def test_wmi_hint_marks_single_source_rows_uncertain() -> None:
    import csv

    from app.domain.vin import WMI_FILE

    with WMI_FILE.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    single = next(r for r in rows if r["certainty"] == "1")
    hint = wmi_hint(single["wmi"] + "0" * 14)
    assert hint is not None and hint.certain is False


@pytest.mark.parametrize(
    ("code", "today", "year"),
    [
        ("A", date(2026, 6, 1), 2010),
        ("C", date(2026, 6, 1), 2012),
        ("J", date(2026, 6, 1), 2018),
        ("S", date(2026, 6, 1), 2025),
        ("T", date(2026, 6, 1), 2026),
        ("V", date(2026, 6, 1), 1997),  # 2027 would be in the future
        ("Y", date(2026, 6, 1), 2000),
        ("1", date(2026, 6, 1), 2001),
        ("9", date(2026, 6, 1), 2009),
        ("V", date(2027, 1, 1), 2027),
        ("1", date(2031, 1, 1), 2031),
    ],
)
def test_model_year(code: str, today: date, year: int) -> None:
    vin = "LSVAM4187" + code + "2184847"
    assert model_year(vin, today) == year


@pytest.mark.parametrize("code", ["0", "I", "O", "Q", "U", "Z"])
def test_model_year_none_for_unused_codes(code: str) -> None:
    assert model_year("LSVAM4187" + code + "2184847", date(2026, 6, 1)) is None


def test_model_year_none_for_short_input() -> None:
    assert model_year("LSVAM4187", date(2026, 6, 1)) is None
