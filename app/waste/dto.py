"""Plain frozen values the waste services take and return. Quantities are ``Decimal`` with three places
plus their unit; kg is always stored next to the native unit (L, pieces) because declarations are in
tonnes (HJ 1259 §5.5.1 e). Times are UTC; dates are the shop's local dates."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any


@dataclass(frozen=True)
class GenerationInput:
    """What the technician enters: kind, amount in its native unit, the weighed kg, where it went."""

    kind_key: str
    quantity: Decimal
    weight_kg: Decimal | None = None  # None → estimated from the data file (density, kg per piece)
    container_id: int | None = None  # None → the kind's current container (a new one if it has none)
    work_order_id: int | None = None
    handled_by: str = ""
    occurred_at: datetime | None = None  # None → now
    store_now: bool = True  # also write the 入库 record (the container already stands in the storage point)


@dataclass(frozen=True)
class EntryView:
    """One ledger row as shown and reported."""

    id: int
    batch_code: str
    stage: str  # CS | RK | CK | WWLY | WWCZ | CX
    occurred_at: datetime
    kind_key: str
    shop_name: str
    list_name: str
    category: str
    code: str
    hazard: str
    hazardous: bool
    container_id: int
    container_code: str
    container_type: str
    container_count: int
    quantity: Decimal
    unit: str
    weight_kg: Decimal
    facility_code: str
    handled_by: str
    destination: str
    sources: tuple[str, ...]  # batch codes this row follows from
    work_order_id: int | None = None
    handoff_id: int | None = None
    reverses: str = ""  # batch code of the row this one reverses
    reverses_stage: str = ""  # and its stage: a reversal is listed in that stage's table
    reversed_by: str = ""  # batch code of the reversal of this row, if any
    reason: str = ""


@dataclass(frozen=True)
class ContainerStock:
    id: int
    code: str
    kind_key: str
    kind_name: str
    container_type: str
    unit: str
    quantity: Decimal  # on site
    weight_kg: Decimal
    stored_quantity: Decimal  # in the storage point (what a handoff can take)
    stored_kg: Decimal
    since: datetime | None  # when it last went from empty to holding waste
    age_days: int | None
    active: bool = True


@dataclass(frozen=True)
class KindStock:
    kind_key: str
    name: str
    category: str
    code: str
    hazardous: bool
    unit: str
    quantity: Decimal
    weight_kg: Decimal
    containers: tuple[ContainerStock, ...]


@dataclass(frozen=True)
class CollectorInput:
    name: str
    licence_no: str
    licence_expires: date
    codes: tuple[str, ...]
    receiver_type: str = "licensed"  # licensed | pilot | exempt
    province: str = ""
    contract_start: date | None = None
    contract_end: date | None = None
    contact: str = ""
    phone: str = ""


@dataclass(frozen=True)
class Collector:
    id: int
    name: str
    licence_no: str
    licence_expires: date
    codes: tuple[str, ...]
    receiver_type: str
    province: str
    contract_start: date | None
    contract_end: date | None
    contact: str
    phone: str
    active: bool
    days_left: int  # until the licence expires (negative: expired)


@dataclass(frozen=True)
class HandoffLineInput:
    container_id: int
    quantity: Decimal  # native unit
    weight_kg: Decimal  # weighed at pickup


@dataclass(frozen=True)
class HandoffInput:
    collector_id: int
    lines: tuple[HandoffLineInput, ...]
    manifest_no: str = ""  # 14 digits from the national system; never generated here
    carrier_name: str = ""
    carrier_plate: str = ""
    payment_fen: int = 0  # > 0 the collector pays the shop; < 0 the shop pays
    treatment: str = ""
    handled_by: str = ""
    departed_at: datetime | None = None


@dataclass(frozen=True)
class HandoffLine:
    seq: int
    container_id: int
    container_code: str
    container_type: str
    kind_key: str
    name: str
    list_name: str
    category: str
    code: str
    hazard: str
    quantity: Decimal
    unit: str
    weight_kg: Decimal


@dataclass(frozen=True)
class Handoff:
    id: int
    uuid: str
    status: str  # draft | in_transit | received | rejected
    collector: Collector
    manifest_no: str
    carrier_name: str
    carrier_plate: str
    payment_fen: int
    treatment: str
    handled_by: str
    departed_at: datetime | None
    received_on: date | None
    status_reason: str
    lines: tuple[HandoffLine, ...]
    batch_codes: tuple[str, ...] = ()  # the 出库 and 委外 rows written when it left
    created_at: datetime | None = None

    @property
    def total_kg(self) -> Decimal:
        return sum((line.weight_kg for line in self.lines), Decimal("0.000"))


@dataclass(frozen=True)
class Expectation:
    """Waste a finished work order should have produced, for a technician to confirm or dismiss."""

    id: int
    work_order_id: int
    order_label: str  # settlement number, or the order id while unsettled
    plate: str
    finished_at: datetime | None
    kind_key: str
    kind_name: str
    expected_qty: Decimal
    unit: str
    estimated_kg: Decimal | None
    source_parts: str
    status: str = "open"
    reason: str = ""


@dataclass(frozen=True)
class Alert:
    """One finding for the alerts panel and the status bar; rendered by the message catalogue."""

    code: str
    severity: str  # info | warn | critical
    params: dict[str, Any] = field(default_factory=dict)
    subject: str = ""  # what it is about (container code, collector name, handoff id)
