"""Money as integer fen. ``Decimal`` only at the edges (typing, printing); never ``float``.

Line amounts are rounded half-up to the fen, as a cashier would; the amount due is also written in
Chinese capitals (大写) on the settlement list.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from app.domain.errors import DomainError

_FEN = Decimal("0.01")

MAX_FEN = 2**31 - 1
"""The largest amount a row can hold (¥21,474,836.47): amounts are INTEGER columns, 32 bits on
PostgreSQL. No repair comes near it, so a larger amount is a typo; it is refused with a message rather
than failing the write on PostgreSQL (SQLite would have stored it, so the two engines would differ)."""


def parse_yuan(text: str | Decimal | int, field: str | None = None) -> int:
    """'12.5', '¥1,234.56', '１２' → fen. Rejects negatives, more than two decimals and garbage.

    Typed text must look like an amount a person writes: digits, an optional decimal point, commas only
    as thousands separators. ``Decimal`` alone would also take '1e3', '1_000' or '12,5' (read as 125),
    which at a till are typos, not amounts.
    """
    if isinstance(text, int):
        value = Decimal(text)
    elif isinstance(text, Decimal):
        value = text
    else:
        value = _parse_typed(text, field)
    if not value.is_finite():
        raise DomainError("money.invalid", field, text=str(text))
    if value < 0:
        raise DomainError("money.negative", field, text=str(text))
    try:
        exact = value == value.quantize(_FEN)
    except InvalidOperation:  # too many digits for the decimal context: no real amount
        raise DomainError("money.invalid", field, text=str(text)) from None
    if not exact:
        raise DomainError("money.too_precise", field, text=str(text))
    fen = int(value * 100)
    check_storable(fen, field)
    return fen


def check_storable(fen: int, field: str | None) -> None:
    """Refuse an amount (typed, or computed from a price and a quantity) above :data:`MAX_FEN`."""
    if fen > MAX_FEN:
        raise DomainError("money.too_large", field, text=format_yuan(fen), max=format_yuan(MAX_FEN))


_TYPED_AMOUNT = re.compile(r"([+-]?)(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?", re.ASCII)


def _parse_typed(text: str, field: str | None) -> Decimal:
    cleaned = text.strip().translate(_FULLWIDTH).replace("¥", "").replace("元", "").strip()
    match = _TYPED_AMOUNT.fullmatch(cleaned)
    if match is None or not (match.group(2) or match.group(3)):
        raise DomainError("money.invalid", field, text=text)
    sign, whole, frac = match.group(1), match.group(2).replace(",", ""), match.group(3) or ""
    return Decimal(f"{sign}{whole or '0'}.{frac or '0'}")


def fen_to_yuan(fen: int) -> Decimal:
    return (Decimal(fen) / 100).quantize(_FEN)


def format_yuan(fen: int, symbol: bool = False) -> str:
    """12345 → '123.45' (or '¥123.45'); thousands separators for readability."""
    sign = "-" if fen < 0 else ""
    text = f"{sign}{abs(fen) // 100:,}.{abs(fen) % 100:02d}"
    return ("¥" + text) if symbol else text


def multiply(unit_fen: int, quantity: Decimal) -> int:
    """unit price × quantity, rounded half-up to the fen (e.g. 0.5 h × ¥85.55 = ¥42.78)."""
    return int((Decimal(unit_fen) * quantity).quantize(Decimal(1), rounding=ROUND_HALF_UP))


_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL_UNITS = ["", "拾", "佰", "仟"]
_BIG_UNITS = ["", "万", "亿", "万亿"]


def _four_digits(n: int) -> str:
    """0 < n < 10000 → capitals with internal zeros collapsed (e.g. 1005 → 壹仟零伍)."""
    out = []
    zero_pending = False
    for pos in range(3, -1, -1):
        d = (n // 10**pos) % 10
        if d == 0:
            zero_pending = bool(out)
            continue
        if zero_pending:
            out.append("零")
            zero_pending = False
        out.append(_DIGITS[d] + _SMALL_UNITS[pos])
    return "".join(out)


def chinese_capitals(fen: int) -> str:
    """Amount in Chinese capitals as written on invoices: 1234.50 → 壹仟贰佰叁拾肆元伍角 ... 整."""
    if fen < 0:
        return "负" + chinese_capitals(-fen)
    yuan, rest = divmod(fen, 100)
    jiao, fen_part = divmod(rest, 10)
    parts: list[str] = []
    if yuan:
        groups = []
        n = yuan
        while n:
            groups.append(n % 10000)
            n //= 10000
        text = ""
        need_zero = False
        for idx in range(len(groups) - 1, -1, -1):
            g = groups[idx]
            if g == 0:
                need_zero = bool(text)
                continue
            if text and (need_zero or g < 1000):
                text += "零"
            text += _four_digits(g) + _BIG_UNITS[idx]
            need_zero = False
        parts.append(text + "元")
    if jiao == 0 and fen_part == 0:
        return ("".join(parts) or "零元") + "整"
    if jiao:
        parts.append(_DIGITS[jiao] + "角")
    elif yuan:
        parts.append("零")
    if fen_part:
        parts.append(_DIGITS[fen_part] + "分")
    else:
        parts.append("整")
    return "".join(parts)


_FULLWIDTH = {0xFF10 + i: 0x30 + i for i in range(10)} | {
    0xFF0E: 0x2E,  # ．
    0xFF0C: 0x2C,  # ，
    0xFFE5: 0xA5,  # ￥
    0xFF0D: 0x2D,  # －, so a full-width minus is reported as negative, not as garbage
    0xFF0B: 0x2B,  # ＋
}
