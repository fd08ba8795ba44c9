"""Waste kinds, containers, conversions and the part-to-waste mapping, read from the versioned data file
``resources/waste/waste-kinds.json``.

Why data and not code: the 名录 changes (the 2025 edition is in force and our codes were checked against
2021 only), localities differ on codes such as empty oil drums, and a shop may add kinds of its own. The
code only knows the *shape* of the file; every code, unit, density and tolerance comes from it.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from app.domain.errors import DomainError

DATA_FILE = Path(__file__).resolve().parents[2] / "resources" / "waste" / "waste-kinds.json"
KG = "kg"
LITRE = "L"
PLACES = Decimal("0.001")


def _dec(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


@dataclass(frozen=True)
class WasteKind:
    """One kind of waste: the shop's name and the 名录 entry it files under, with handling defaults."""

    key: str
    name: str  # the shop's own name (行业俗称)
    list_name: str  # 国家危险废物名录名称
    category: str  # HW08 …; "" for general solid waste
    code: str  # 900-214-08 …; "" for general solid waste
    hazard: str  # T,I …
    hazardous: bool
    unit: str  # native unit: "L", "kg", or a piece unit ("个", "条")
    density_kg_per_l: Decimal | None = None
    kg_per_piece: Decimal | None = None
    containers: tuple[str, ...] = ()
    container_prefix: str = "RQ"
    icon: str = ""
    treatment: str = "LY"  # LY 利用 | CZ 处置: the 委外 batch-code letters
    balance_tolerance: Decimal | None = None  # mass balance: allowed relative difference
    form: str = ""
    components: str = ""
    note: str = ""
    local: bool = False  # added by the shop

    @property
    def is_piece_unit(self) -> bool:
        return self.unit not in (KG, LITRE)

    def estimate_kg(self, quantity: Decimal) -> Decimal | None:
        """A starting value for the weighed kg (the technician corrects it); ``None`` if no basis."""
        if self.unit == KG:
            factor: Decimal | None = Decimal(1)
        elif self.unit == LITRE:
            factor = self.density_kg_per_l
        else:
            factor = self.kg_per_piece
        return None if factor is None else (quantity * factor).quantize(PLACES)


@dataclass(frozen=True)
class Container:
    id: str
    name: str
    capacity_l: Decimal | None


@dataclass(frozen=True)
class RejectedCode:
    code: str
    kinds: tuple[str, ...]
    name_patterns: tuple[str, ...]
    reason: str
    reason_en: str


@dataclass(frozen=True)
class PartRule:
    match: str
    kind: str
    per: Mapping[str, Decimal]

    def factor(self, unit: str) -> Decimal | None:
        return self.per.get(unit, self.per.get("*"))


@dataclass(frozen=True)
class Catalogue:
    """Everything the data file says, plus the shop's local kinds merged in."""

    version: str
    edition: str
    edition_year: int
    check_required: str
    check_required_en: str
    kinds: Mapping[str, WasteKind]
    containers: Mapping[str, Container]
    rejected: tuple[RejectedCode, ...]
    part_rules: tuple[PartRule, ...]
    to_litres: Mapping[str, Decimal] = field(default_factory=dict)

    def kind(self, key: str) -> WasteKind:
        try:
            return self.kinds[key]
        except KeyError:
            raise DomainError("waste.kind_unknown", "kind", kind=key) from None

    def container_name(self, container_type: str) -> str:
        found = self.containers.get(container_type)
        return found.name if found else container_type

    def check_code(self, kind_key: str, name: str, code: str) -> None:
        """Block a code the data file rejects for this kind (900-044-49 for lead-acid batteries)."""
        for rule in self.rejected:
            if code != rule.code:
                continue
            if kind_key in rule.kinds or any(p in name for p in rule.name_patterns):
                raise DomainError("waste.code_rejected", "code", waste_code=code, reason=rule.reason, reason_en=rule.reason_en)

    def rule_for(self, part_name: str) -> PartRule | None:
        """The first part-mapping rule whose text occurs in the part name (order in the file matters)."""
        for rule in self.part_rules:
            if rule.match in part_name:
                return rule
        return None

    def with_local(self, local: Iterable[WasteKind]) -> Catalogue:
        merged = dict(self.kinds)
        for kind in local:
            merged[kind.key] = replace(kind, local=True)
        return replace(self, kinds=merged)


def _kind(raw: Mapping[str, Any]) -> WasteKind:
    return WasteKind(
        key=raw["key"],
        name=raw["name"],
        list_name=raw.get("list_name", ""),
        category=raw.get("category", ""),
        code=raw.get("code", ""),
        hazard=raw.get("hazard", ""),
        hazardous=bool(raw.get("hazardous", True)),
        unit=raw["unit"],
        density_kg_per_l=_dec(raw.get("density_kg_per_l")),
        kg_per_piece=_dec(raw.get("kg_per_piece")),
        containers=tuple(raw.get("containers", ())),
        container_prefix=raw.get("container_prefix", "RQ"),
        icon=raw.get("icon", ""),
        treatment=raw.get("treatment", "LY"),
        balance_tolerance=_dec(raw.get("balance_tolerance")),
        form=raw.get("form", ""),
        components=raw.get("components", ""),
        note=raw.get("note", ""),
    )


def parse_catalogue(data: Mapping[str, Any]) -> Catalogue:
    """Build a :class:`Catalogue` from the decoded JSON (``waste.data_invalid`` on a malformed file)."""
    try:
        edition = data["edition"]
        kinds = {k["key"]: _kind(k) for k in data["kinds"]}
        containers = {
            c["id"]: Container(c["id"], c["name"], _dec(c.get("capacity_l"))) for c in data["containers"]
        }
        rejected = tuple(
            RejectedCode(r["code"], tuple(r.get("kinds", ())), tuple(r.get("name_patterns", ())), r["reason"],
                         r.get("reason_en", r["reason"]))
            for r in data.get("rejected_codes", ())
        )  # fmt: skip
        rules = tuple(
            PartRule(r["match"], r["kind"], {u: Decimal(str(f)) for u, f in r["per"].items()})
            for r in data["part_mapping"]["rules"]
        )
        to_litres = {u: Decimal(str(f)) for u, f in data["unit_conversions"]["to_litres"].items()}
        return Catalogue(
            version=str(data["version"]),
            edition=edition["list"],
            edition_year=int(edition["year"]),
            check_required=edition["check_required"],
            check_required_en=edition.get("check_required_en", edition["check_required"]),
            kinds=kinds,
            containers=containers,
            rejected=rejected,
            part_rules=rules,
            to_litres=to_litres,
        )
    except (KeyError, TypeError, ValueError, ArithmeticError) as exc:
        raise DomainError("waste.data_invalid", None, reason=f"{type(exc).__name__}: {exc}") from exc


@functools.cache
def shipped_catalogue(path: Path = DATA_FILE) -> Catalogue:
    """The data file as shipped (read once per process; local kinds are merged per call by the service)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DomainError("waste.data_invalid", None, reason=str(exc)) from exc
    return parse_catalogue(data)
