"""The shipped catalogue (``resources/catalogue/*.csv``) read into typed rows for the order generator.

The generator draws labour items, parts, complaints and makers from the same tables the counter's
autocomplete uses, so demo and benchmark data look like what a shop really writes. Everything is read
once and cached; nothing here is random.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from app.paths import resource

CATALOGUE = resource("catalogue")

# Repair items that are rare at a small shop (see the data README): kept out of the everyday draw.
RARE_ITEMS = frozenset({"发动机大修", "全车喷漆"})

# The regulatory repair category (维修类别) an order gets from its main labour item. The catalogue's own
# ``category`` column is a UI grouping, not this; specialist trades (paint, A/C, tyres) are 专项修理.
_ITEM_REPAIR_CATEGORY = {
    "一级维护": "MAINT_L1",
    "二级维护": "MAINT_L2",
    "发动机大修": "ASSEMBLY_REPAIR",
    "全车喷漆": "ASSEMBLY_REPAIR",
}
_SPECIAL_GROUPS = frozenset({"钣喷", "空调", "轮胎"})


@dataclass(frozen=True, slots=True)
class RepairItem:
    name: str
    group: str  # the catalogue's UI grouping: 保养, 制动, 钣喷 …
    hours: Decimal  # typical billable hours
    low: Decimal
    high: Decimal
    parts: tuple[str, ...]  # names from parts.csv

    @property
    def repair_category(self) -> str:
        if self.name in _ITEM_REPAIR_CATEGORY:
            return _ITEM_REPAIR_CATEGORY[self.name]
        return "SPECIAL_REPAIR" if self.group in _SPECIAL_GROUPS else "MINOR_REPAIR"


@dataclass(frozen=True, slots=True)
class CataloguePart:
    name: str
    unit: str
    low_fen: int
    high_fen: int
    has_oe_number: bool  # False for oil, fluids, paint …: shops write a spec or nothing there


@dataclass(frozen=True, slots=True)
class Complaint:
    text: str
    items: tuple[str, ...]  # most likely first


@dataclass(frozen=True, slots=True)
class Maker:
    wmi: str
    brands: tuple[str, ...]
    country: str
    rank: int  # row number: the file runs from most to least common


@dataclass(frozen=True)
class Catalogue:
    items: dict[str, RepairItem]
    parts: dict[str, CataloguePart]
    complaints: tuple[Complaint, ...]
    makers: tuple[Maker, ...]
    labour_rate_low_fen: int
    labour_rate_high_fen: int


def _rows(name: str, folder: Path) -> list[dict[str, str]]:
    with (folder / name).open(encoding="utf-8", newline="") as handle:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(handle)]


def _split(text: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in text.split(";") if x.strip())


def _brand(text: str) -> str:
    """'蔚来(部分车型由江淮代工)' → '蔚来': the note in brackets is for people, not for a make field."""
    return text.split("(")[0].strip()


def _hour_range(text: str, typical: Decimal) -> tuple[Decimal, Decimal]:
    low, _, high = text.partition("-")
    try:
        return Decimal(low), Decimal(high)
    except ArithmeticError:
        return typical, typical


@lru_cache(maxsize=1)
def load(folder: Path = CATALOGUE) -> Catalogue:
    items: dict[str, RepairItem] = {}
    for row in _rows("repair-items.csv", folder):
        hours = Decimal(row["labour_hours_typical"])
        low, high = _hour_range(row["labour_hours_range"], hours)
        items[row["item_zh"]] = RepairItem(
            row["item_zh"], row["category"], hours, low, high, _split(row["typical_parts"])
        )
    parts = {
        row["name_zh"]: CataloguePart(
            row["name_zh"],
            row["unit"],
            int(Decimal(row["price_yuan_low"]) * 100),
            int(Decimal(row["price_yuan_high"]) * 100),
            row["code_example_pattern"].startswith("OE no.")
            or row["code_example_pattern"].startswith("OE kit"),
        )
        for row in _rows("parts.csv", folder)
    }
    complaints = tuple(
        Complaint(row["complaint_zh"], tuple(i for i in _split(row["likely_items"]) if i in items))
        for row in _rows("complaints.csv", folder)
    )
    makers = tuple(
        Maker(
            row["wmi"],
            tuple(_brand(b) for b in _split(row["brands_zh"]) if "(早期)" not in b),
            row["country"],
            rank,
        )
        for rank, row in enumerate(_rows("wmi-cn.csv", folder))
    )
    shop_rate = next(r for r in _rows("labour-rates.csv", folder) if r["shop_type"].startswith("普通修理厂"))
    return Catalogue(
        items=items,
        parts=parts,
        complaints=tuple(c for c in complaints if c.items),
        makers=tuple(mk for mk in makers if mk.brands),
        labour_rate_low_fen=int(Decimal(shop_rate["rate_yuan_per_hour_low"]) * 100),
        labour_rate_high_fen=int(Decimal(shop_rate["rate_yuan_per_hour_high"]) * 100),
    )
