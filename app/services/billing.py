"""Line amounts and totals: one pure function used by the services, the seed generator and the live totals
on screen, so that screen, database and paper agree to the fen."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from app.domain.errors import DomainError, Issue
from app.domain.money import check_storable, format_yuan, multiply
from app.domain.workorder import PART_CATEGORIES
from app.services.dto import FeeLine, LabourLine, PartLine, Totals

MAX_ITEM = 200
MAX_PART_NAME = 50
MAX_PART_CODE = 50
MAX_PART_BRAND = 40
MAX_UNIT = 10
MAX_FEE_NAME = 60
PLACEHOLDER_CODES = frozenset({"无", "N/A", "NA", "-", "/", "0", "NONE", "暂无"})


def labour_amount(hours: Decimal, rate_fen: int) -> int:
    return multiply(rate_fen, hours)


def part_amount(quantity: Decimal, unit_price_fen: int) -> int:
    return multiply(unit_price_fen, quantity)


def is_placeholder_code(code: str) -> bool:
    return code.strip().upper() in PLACEHOLDER_CODES


def _places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def check_labour(line: LabourLine, index: int) -> list[Issue]:
    issues = []
    row = index + 1
    if not line.item.strip():
        issues.append(Issue("line.labour_item_empty", "labour", {"row": row}))
    elif len(line.item.strip()) > MAX_ITEM:
        issues.append(Issue("line.too_long", "labour", {"row": row, "max": MAX_ITEM}))
    if line.hours < 0:
        issues.append(Issue("line.hours_negative", "labour", {"row": row}))
    elif _places(line.hours.normalize()) > 1:
        issues.append(Issue("line.hours_precision", "labour", {"row": row, "hours": str(line.hours)}))
    if line.rate_fen < 0:
        issues.append(Issue("line.price_negative", "labour", {"row": row}))
    return issues


def check_part(line: PartLine, index: int) -> list[Issue]:
    issues = []
    row = index + 1
    if not line.name.strip():
        issues.append(Issue("line.part_name_empty", "parts", {"row": row}))
    elif len(line.name.strip()) > MAX_PART_NAME:
        issues.append(Issue("line.too_long", "parts", {"row": row, "max": MAX_PART_NAME}))
    for text, limit in ((line.part_code, MAX_PART_CODE), (line.brand, MAX_PART_BRAND), (line.unit, MAX_UNIT)):
        if len(text.strip()) > limit:
            issues.append(Issue("line.too_long", "parts", {"row": row, "max": limit}))
    if line.quantity <= 0:
        issues.append(Issue("line.quantity_not_positive", "parts", {"row": row}))
    elif _places(line.quantity.normalize()) > 2:
        issues.append(Issue("line.quantity_precision", "parts", {"row": row, "quantity": str(line.quantity)}))
    if line.unit_price_fen < 0 or (line.cost_price_fen is not None and line.cost_price_fen < 0):
        issues.append(Issue("line.price_negative", "parts", {"row": row}))
    if line.category not in PART_CATEGORIES:
        issues.append(Issue("line.part_category", "parts", {"row": row, "category": line.category}))
    if not line.unit.strip():
        issues.append(Issue("line.unit_empty", "parts", {"row": row}))
    return issues


def check_fee(line: FeeLine, index: int) -> list[Issue]:
    issues = []
    if not line.name.strip():
        issues.append(Issue("line.fee_name_empty", "fees", {"row": index + 1}))
    elif len(line.name.strip()) > MAX_FEE_NAME:
        issues.append(Issue("line.too_long", "fees", {"row": index + 1, "max": MAX_FEE_NAME}))
    if line.amount_fen < 0:
        issues.append(Issue("line.price_negative", "fees", {"row": index + 1}))
    return issues


def validate_lines(labour: Iterable[LabourLine], parts: Iterable[PartLine], fees: Iterable[FeeLine]) -> None:
    labour, parts, fees = list(labour), list(parts), list(fees)
    issues: list[Issue] = []
    for i, lab in enumerate(labour):
        issues += check_labour(lab, i)
    for i, part in enumerate(parts):
        issues += check_part(part, i)
    for i, fee in enumerate(fees):
        issues += check_fee(fee, i)
    if issues:
        raise DomainError.of(issues)
    # Every line amount and the order's total must fit their columns (app.domain.money.MAX_FEN).
    for field, amounts in (
        ("labour", [labour_amount(x.hours, x.rate_fen) for x in labour]),
        ("parts", [part_amount(x.quantity, x.unit_price_fen) for x in parts]),
        ("fees", [x.amount_fen for x in fees]),
    ):
        for amount in amounts:
            check_storable(amount, field)
    check_storable(totals(labour, parts, fees).gross_fen, "totals")


def totals(
    labour: Iterable[LabourLine], parts: Iterable[PartLine], fees: Iterable[FeeLine], discount_fen: int = 0
) -> Totals:
    """Sum of the rounded line amounts; the discount is its own line and never exceeds the gross."""
    labour_fen = sum(labour_amount(line.hours, line.rate_fen) for line in labour)
    parts_fen = sum(part_amount(line.quantity, line.unit_price_fen) for line in parts)
    other_fen = sum(line.amount_fen for line in fees)
    gross = labour_fen + parts_fen + other_fen
    if discount_fen < 0:
        raise DomainError("settle.discount_negative", "discount")
    if discount_fen > gross:
        raise DomainError("settle.discount_too_large", "discount", gross=format_yuan(gross))
    return Totals(labour_fen, parts_fen, other_fen, gross, discount_fen, gross - discount_fen)
