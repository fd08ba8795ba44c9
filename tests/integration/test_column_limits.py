"""Text longer than its column, or an amount larger than its column, is refused with a message, on every
engine.

SQLite stores any length in a ``VARCHAR(n)`` and 64-bit numbers in an ``INTEGER``; PostgreSQL refuses the
whole write ("value too long", "integer out of range"), which reached the user as a bare "saving failed".
The services check the limits themselves, so the answer names the field on both engines and nothing
depends on which one stores the data.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from app.context import AppContext
from app.domain.errors import DomainError
from app.domain.money import MAX_FEN, parse_yuan
from app.services.dto import FeeLine, PartLine
from tests.conftest import SHOP
from tests.integration.orders_helpers import make_order, make_vehicle


@pytest.mark.parametrize(("field", "limit"), [("address", 200), ("phone", 40), ("contact", 40), ("company_code", 40)])
def test_shop_details_longer_than_stored_are_refused(ctx: AppContext, field: str, limit: int) -> None:
    with pytest.raises(DomainError) as err:
        ctx.shop.configure(replace(SHOP, **{field: "1" * (limit + 1)}))
    assert (err.value.code, err.value.issues[0].field, err.value.issues[0].params["max"]) == ("input.too_long", field, limit)
    ctx.shop.configure(replace(SHOP, **{field: "1" * limit}))  # the limit itself fits


@pytest.mark.parametrize(
    ("part", "fee"),
    [
        (PartLine("机油", Decimal(1), "升", 6800, "brand", brand="嘉" * 41), None),
        (PartLine("机油", Decimal(1), "升" * 11, 6800, "brand"), None),
        (None, FeeLine("废" * 61, 1000)),
    ],
)
def test_lines_longer_than_stored_are_refused(ctx: AppContext, part: PartLine | None, fee: FeeLine | None) -> None:
    order = make_order(ctx, make_vehicle(ctx))
    with pytest.raises(DomainError) as err:
        ctx.orders.save_lines(order.id, list(order.labour), [part] if part else list(order.parts), [fee] if fee else [])
    assert err.value.code == "line.too_long"


def test_typed_amounts_above_the_column_range_are_refused() -> None:
    assert parse_yuan("21,474,836.47") == MAX_FEN
    with pytest.raises(DomainError) as err:
        parse_yuan("21474836.48")
    assert err.value.code == "money.too_large"


@pytest.mark.parametrize(
    ("parts", "fees", "field"),
    [
        ([PartLine("发动机总成", Decimal(2), "台", MAX_FEN, "brand")], [], "parts"),  # price × quantity
        ([PartLine("发动机总成", Decimal(1), "台", MAX_FEN, "brand")], [FeeLine("拖车费", 1)], "totals"),
    ],
)
def test_amounts_above_the_column_range_are_refused(ctx: AppContext, parts: list[PartLine], fees: list[FeeLine],
                                                    field: str) -> None:  # fmt: skip
    order = make_order(ctx, make_vehicle(ctx))
    with pytest.raises(DomainError) as err:
        ctx.orders.save_lines(order.id, [], parts, fees)
    assert (err.value.code, err.value.issues[0].field) == ("money.too_large", field)
    assert ctx.orders.get(order.id).parts == order.parts  # nothing was written
