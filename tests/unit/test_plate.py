"""Plate normalising and checking (ehr-protocol §8.1)."""

from __future__ import annotations

import pytest

from app.domain.errors import DomainError
from app.domain.plate import (
    PLATE_COLOURS,
    PROVINCES,
    PlateInfo,
    check_plate,
    colour_issue,
    normalize_plate,
)


def _error(text: str) -> DomainError:
    with pytest.raises(DomainError) as caught:
        check_plate(text)
    assert caught.value.field == "plate"
    return caught.value


def test_provinces_are_the_31_distinct_characters() -> None:
    assert len(PROVINCES) == 31
    assert len(set(PROVINCES)) == 31
    assert "使" not in PROVINCES and "领" not in PROVINCES


@pytest.mark.parametrize(
    ("text", "kind", "length", "colour"),
    [
        ("京A12345", "ordinary", 7, 1),
        ("沪KZ9A8B", "ordinary", 7, 1),
        ("粤BD12345", "nev_small", 8, 94),
        ("沪AF12345", "nev_small", 8, 94),
        ("浙AAB1234", "nev_small", 8, 94),
        ("川AK01234", "nev_small", 8, 94),
        ("京A12345D", "nev_large", 8, 93),
        ("苏E00001F", "nev_large", 8, 93),
        ("鲁B1234挂", "trailer", 7, 2),
        ("京A1234学", "learner", 7, 2),
        ("京A1234警", "police", 7, 4),
        ("粤Z1234港", "hk", 7, 3),
        ("粤ZA123澳", "macao", 7, 3),
        ("使014578", "embassy", 7, 3),
        ("沪A0001领", "consulate", 7, 3),
    ],
)
def test_every_plate_kind_is_recognised(text: str, kind: str, length: int, colour: int) -> None:
    assert check_plate(text) == PlateInfo(plate=text, kind=kind, length=length, proposed_colour=colour)


@pytest.mark.parametrize("province", list(PROVINCES))
def test_every_province_character_starts_a_plate(province: str) -> None:
    assert check_plate(f"{province}A12345").plate == f"{province}A12345"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("京A·12345", "京A12345"),
        ("京a12345", "京A12345"),
        (" 京 A 123 45 ", "京A12345"),
        ("京Ａ１２３４５", "京A12345"),  # full-width from a Chinese IME
        ("京A-12345", "京A12345"),
        ("京A－12345", "京A12345"),
        ("京A.12345", "京A12345"),
        ("京A•12345", "京A12345"),
        ("粤b\u3000d12345", "粤BD12345"),  # ideographic space
        ("京A1234O", "京A1234O"),  # never swaps O for 0
        ("京AI2345", "京AI2345"),  # nor I for 1
    ],
)
def test_normalize_plate(typed: str, expected: str) -> None:
    assert normalize_plate(typed) == expected


def test_check_plate_returns_the_normalised_plate() -> None:
    assert check_plate("京a·123 45").plate == "京A12345"


@pytest.mark.parametrize("text", ["", "   ", "·-"])
def test_empty(text: str) -> None:
    assert _error(text).code == "plate.empty"


@pytest.mark.parametrize(
    ("text", "length"), [("京A1234", 6), ("京A1234567", 9), ("京", 1), ("鲁B12345挂", 8), ("沪A00001领", 8)]
)
def test_wrong_length(text: str, length: int) -> None:
    err = _error(text)
    assert err.code == "plate.length"
    assert err.params == {"plate": text, "length": length}


def test_embassy_plate_must_have_six_digits() -> None:
    assert _error("使0145789").code == "plate.length"
    assert _error("使01457A").code == "plate.digit"


@pytest.mark.parametrize(
    ("text", "char"), [("A123456", "A"), ("12345", "1"), ("港A12345", "港"), ("领A1234", "领")]
)
def test_no_province(text: str, char: str) -> None:
    err = _error(text)
    assert err.code == "plate.province"
    assert err.params["char"] == char


@pytest.mark.parametrize("text", ["京123456", "京8D12345"])
def test_second_character_must_be_a_letter(text: str) -> None:
    err = _error(text)
    assert err.code == "plate.office"
    assert err.params["char"] == text[1]


@pytest.mark.parametrize(
    ("text", "position", "char", "digit"),
    [
        ("京A1234O", 7, "O", "0"),
        ("京AI2345", 3, "I", "1"),
        ("京A12O45", 5, "O", "0"),
        ("粤BD1O345", 5, "O", "0"),
        ("京AO2345D", 3, "O", "0"),  # large NEV with O for 0: fits the large form best
        ("粤BD1234O", 8, "O", "0"),  # small NEV with O for 0 at the end
    ],
)
def test_letters_i_and_o_are_reported_with_their_position(
    text: str, position: int, char: str, digit: str
) -> None:
    err = _error(text)
    assert err.code == "plate.letter_io"
    assert err.params == {"plate": text, "position": position, "char": char, "digit": digit}


@pytest.mark.parametrize(
    ("text", "code", "position"),
    [
        ("京A1挂345", "plate.chars", 4),  # tail character in the middle
        ("京A12#45", "plate.chars", 5),
        ("粤BI12345", "plate.nev_energy", 3),
        ("粤BL12345", "plate.nev_energy", 3),  # L is after K
        ("京A123456", "plate.nev_energy", 8),  # large NEV needs the energy letter last
        ("粤BD1234A", "plate.digit", 8),
        ("京A1234AD", "plate.digit", 7),
    ],
)
def test_other_bad_characters_name_the_position(text: str, code: str, position: int) -> None:
    err = _error(text)
    assert err.code == code
    assert err.params["position"] == position
    assert err.params["char"] == text[position - 1]


def test_consulate_with_letter_in_serial_is_rejected() -> None:
    err = _error("沪A00A1领")
    assert (err.code, err.params["position"]) == ("plate.digit", 5)


def test_plate_colours_table() -> None:
    assert PLATE_COLOURS[1] == ("蓝", "blue")
    assert PLATE_COLOURS[94] == ("渐变绿", "gradient green")
    assert set(PLATE_COLOURS) == {1, 2, 3, 4, 5, 9, 93, 94}
    for kind_plate in [
        "京A12345",
        "粤BD12345",
        "京A12345D",
        "鲁B1234挂",
        "京A1234警",
        "粤Z1234港",
        "使014578",
    ]:
        assert check_plate(kind_plate).proposed_colour in PLATE_COLOURS


@pytest.mark.parametrize(
    ("plate", "colour", "warns"),
    [
        ("粤BD12345", 94, False),
        ("京A12345D", 93, False),
        ("粤BD12345", 1, True),
        ("粤BD12345", 5, True),  # plain green is not a new-energy plate colour
        ("京A12345", 1, False),
        ("京A12345", 2, False),
        ("京A12345", 5, True),
        ("京A12345", 93, True),
        ("京A12345", 94, True),
        ("鲁B1234挂", 2, False),
    ],
)
def test_colour_mismatch_is_a_warning(plate: str, colour: int, warns: bool) -> None:
    issue = colour_issue(check_plate(plate), colour)
    if not warns:
        assert issue is None
        return
    assert issue is not None
    assert issue.code == "plate.colour_mismatch"
    assert issue.blocking is False
    assert issue.params["plate"] == plate
    assert issue.params["length"] == len(plate)


def test_unknown_colour_code_is_an_error() -> None:
    with pytest.raises(DomainError) as caught:
        colour_issue(check_plate("京A12345"), 7)
    assert caught.value.code == "plate.colour_unknown"


def test_proposed_colour_never_warns() -> None:
    for plate in ["京A12345", "粤BD12345", "京A12345D", "鲁B1234挂", "京A1234学", "京A1234警", "使014578"]:
        info = check_plate(plate)
        assert colour_issue(info, info.proposed_colour) is None
