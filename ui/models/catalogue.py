"""What the autocompleters offer: the shop's own history first (most used first), then the shipped
catalogue in ``resources/catalogue``. Choosing a suggestion fills its usual hours, unit and price.

The CSV files are read once per process. The shop's history is built from recent work orders through the
services (no SQL here); it runs on a worker thread.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Generic, Protocol, TypeVar

from app.context import AppContext
from app.paths import resource
from app.services.dto import WorkOrderDetail
from app.services.order_list import OrderFilter

HISTORY_ORDERS = 60  # recent orders read for the history; enough to learn a small shop's habits


@dataclass(frozen=True)
class LabourSuggestion:
    name: str
    hours: Decimal | None = None
    rate_fen: int | None = None


@dataclass(frozen=True)
class PartSuggestion:
    name: str
    unit: str = ""
    price_fen: int | None = None
    part_code: str = ""
    brand: str = ""
    category: str = ""


class _Named(Protocol):
    @property
    def name(self) -> str: ...


T = TypeVar("T", bound=_Named)


class Suggestions(Generic[T]):
    """An ordered list of suggestions with exact look-up by name (first one wins: history before catalogue)."""

    def __init__(self, *sources: Iterable[T]) -> None:
        self._items: dict[str, T] = {}
        for source in sources:
            for item in source:
                self._items.setdefault(item.name, item)

    def names(self) -> list[str]:
        return list(self._items)

    def find(self, name: str) -> T | None:
        return self._items.get(name.strip())


def _mid_price_fen(low: str, high: str) -> int | None:
    try:
        return int((Decimal(low) + Decimal(high)) * 50)
    except ArithmeticError:
        return None


def _rows(filename: str) -> list[dict[str, str]]:
    with resource("catalogue", filename).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@lru_cache(maxsize=1)
def catalogue_labour() -> tuple[LabourSuggestion, ...]:
    out = []
    for row in _rows("repair-items.csv"):
        try:
            hours: Decimal | None = Decimal(row["labour_hours_typical"]).quantize(Decimal("0.1"))
        except ArithmeticError:
            hours = None
        out.append(LabourSuggestion(row["item_zh"].strip(), hours))
    return tuple(out)


@lru_cache(maxsize=1)
def catalogue_parts() -> tuple[PartSuggestion, ...]:
    return tuple(
        PartSuggestion(
            row["name_zh"].strip(),
            row["unit"].strip(),
            _mid_price_fen(row["price_yuan_low"], row["price_yuan_high"]),
        )
        for row in _rows("parts.csv")
    )


@lru_cache(maxsize=1)
def complaints() -> tuple[str, ...]:
    return tuple(row["complaint_zh"].strip() for row in _rows("complaints.csv") if row["complaint_zh"].strip())


@dataclass(frozen=True)
class ShopHistory:
    labour: tuple[LabourSuggestion, ...] = ()
    parts: tuple[PartSuggestion, ...] = ()


def history_from_orders(orders: Iterable[WorkOrderDetail]) -> ShopHistory:
    """Most used first; each suggestion carries the values of the newest order that used it."""
    labour_count: Counter[str] = Counter()
    parts_count: Counter[str] = Counter()
    labour: dict[str, LabourSuggestion] = {}
    parts: dict[str, PartSuggestion] = {}
    for order in orders:  # newest first, so setdefault keeps the latest values
        for line in order.labour:
            labour_count[line.item] += 1
            labour.setdefault(line.item, LabourSuggestion(line.item, line.hours, line.rate_fen))
        for p in order.parts:
            parts_count[p.name] += 1
            parts.setdefault(
                p.name, PartSuggestion(p.name, p.unit, p.unit_price_fen, p.part_code, p.brand, p.category)
            )
    return ShopHistory(
        labour=tuple(labour[name] for name, _ in labour_count.most_common()),
        parts=tuple(parts[name] for name, _ in parts_count.most_common()),
    )


def load_shop_history(ctx: AppContext, limit: int = HISTORY_ORDERS) -> ShopHistory:
    """Read the newest orders through the services (call on a worker thread)."""
    summaries = ctx.order_list.page(OrderFilter(), limit=limit)
    return history_from_orders(ctx.orders.get(s.id) for s in summaries)


def labour_suggestions(history: ShopHistory) -> Suggestions[LabourSuggestion]:
    return Suggestions(history.labour, catalogue_labour())


def part_suggestions(history: ShopHistory) -> Suggestions[PartSuggestion]:
    return Suggestions(history.parts, catalogue_parts())
