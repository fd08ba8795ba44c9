"""Money as integer fen: parsing what the cashier typed, half-up line amounts, Chinese capitals."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.errors import DomainError
from app.domain.money import MAX_FEN, chinese_capitals, fen_to_yuan, format_yuan, multiply, parse_yuan


@pytest.mark.parametrize(
    ("text", "fen"),
    [
        ("12", 1200),
        ("12.5", 1250),
        ("12.50", 1250),
        ("0.01", 1),
        (".5", 50),
        ("5.", 500),
        ("1.500", 150),  # trailing zeros are not extra precision
        ("1,234.56", 123456),
        ("1,234,567.89", 123456789),
        ("¥1,234.56", 123456),
        ("￥12", 1200),  # full-width yen sign from a Chinese IME
        ("12元", 1200),
        (" 12 ", 1200),
        ("１２", 1200),
        ("１２．３４", 1234),
        ("１，２３４", 123400),
        ("+3", 300),
        ("-0", 0),
    ],
)
def test_parse_yuan_accepts(text: str, fen: int) -> None:
    assert parse_yuan(text) == fen


def test_parse_yuan_accepts_int_and_decimal() -> None:
    assert parse_yuan(12) == 1200
    assert parse_yuan(Decimal("85.55")) == 8555


@pytest.mark.parametrize("text", ["-5", "-0.01", "－5", "-¥5", "¥-5"])
def test_parse_yuan_rejects_negatives(text: str) -> None:
    with pytest.raises(DomainError) as caught:
        parse_yuan(text, field="price")
    assert (caught.value.code, caught.value.field) == ("money.negative", "price")
    assert caught.value.params == {"text": text}


def test_parse_yuan_rejects_negative_numbers() -> None:
    with pytest.raises(DomainError) as caught:
        parse_yuan(Decimal("-1"))
    assert caught.value.code == "money.negative"


@pytest.mark.parametrize("text", ["1.005", "0.001", "12.345"])
def test_parse_yuan_rejects_three_decimals(text: str) -> None:
    with pytest.raises(DomainError) as caught:
        parse_yuan(text)
    assert caught.value.code == "money.too_precise"
    assert caught.value.params == {"text": text}


@pytest.mark.parametrize(
    "text",
    [
        "",
        "  ",
        "abc",
        "12a",
        ".",
        "1.2.3",
        "NaN",
        "Infinity",
        "1e3",
        "1e30",
        "1_000",
        "12,5",
        "1,2345",
        "12。5",
        "9" * 40,
    ],
)
def test_parse_yuan_rejects_garbage(text: str) -> None:
    with pytest.raises(DomainError) as caught:
        parse_yuan(text)
    assert caught.value.code == "money.invalid"


@pytest.mark.parametrize("value", [Decimal("NaN"), Decimal("Infinity"), Decimal("1e30")])
def test_parse_yuan_rejects_non_amount_decimals(value: Decimal) -> None:
    with pytest.raises(DomainError) as caught:
        parse_yuan(value)
    assert caught.value.code == "money.invalid"


@given(st.integers(min_value=0, max_value=MAX_FEN))
def test_parse_yuan_round_trips_format_without_commas(fen: int) -> None:
    assert parse_yuan(format_yuan(fen).replace(",", "")) == fen


@given(st.integers(min_value=0, max_value=MAX_FEN), st.booleans())
def test_parse_yuan_round_trips_format_with_commas_and_symbol(fen: int, symbol: bool) -> None:
    assert parse_yuan(format_yuan(fen, symbol=symbol)) == fen


def test_format_yuan() -> None:
    assert format_yuan(0) == "0.00"
    assert format_yuan(123456789) == "1,234,567.89"
    assert format_yuan(5, symbol=True) == "¥0.05"
    assert format_yuan(-150) == "-1.50"


def test_fen_to_yuan() -> None:
    assert fen_to_yuan(4278) == Decimal("42.78")
    assert fen_to_yuan(5) == Decimal("0.05")


@pytest.mark.parametrize(
    ("unit_fen", "quantity", "fen"),
    [
        (8555, "0.5", 4278),  # 0.5 h × ¥85.55 = ¥42.775 → ¥42.78
        (8545, "0.5", 4273),  # 42.725 → 42.73 (banker's rounding would give 42.72)
        (1, "0.25", 0),
        (1, "0.5", 1),
        (1, "0.49", 0),
        (10000, "1.1", 11000),
        (3333, "3", 9999),
        (0, "4", 0),
    ],
)
def test_multiply_rounds_half_up(unit_fen: int, quantity: str, fen: int) -> None:
    assert multiply(unit_fen, Decimal(quantity)) == fen


@pytest.mark.parametrize(
    ("fen", "capitals"),
    [
        (0, "零元整"),
        (1, "壹分"),
        (5, "伍分"),
        (10, "壹角整"),
        (11, "壹角壹分"),
        (100, "壹元整"),
        (105, "壹元零伍分"),
        (150, "壹元伍角整"),
        (1000, "壹拾元整"),
        (2030, "贰拾元叁角整"),
        (100100, "壹仟零壹元整"),
        (123450, "壹仟贰佰叁拾肆元伍角整"),
        (1000500, "壹万零伍元整"),
        (1010000, "壹万零壹佰元整"),
        (10010000, "壹拾万零壹佰元整"),
        (123456789, "壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分"),
        (100000000, "壹佰万元整"),
        (10000000000, "壹亿元整"),
        (10000000100, "壹亿零壹元整"),
        (10001000000, "壹亿零壹万元整"),
        (1000000000000, "壹佰亿元整"),
    ],
)
def test_chinese_capitals(fen: int, capitals: str) -> None:
    assert chinese_capitals(fen) == capitals


def test_chinese_capitals_negative() -> None:
    assert chinese_capitals(-105) == "负壹元零伍分"
