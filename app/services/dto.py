"""Plain, frozen values that services hand to the UI, the CLI, reports and the EHR mapping.

Money is integer fen; labour hours and part quantities are ``Decimal`` (1 and 2 decimals); times are
timezone-aware UTC ``datetime`` and calendar dates are the shop's local dates. No ORM object ever leaves a
service.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal


@dataclass(frozen=True)
class ShopInfo:
    name: str  # exactly as registered with the EHR (companyname)
    credit_code: str  # 统一社会信用代码 (18 characters)
    address: str
    phone: str
    company_code: str  # EHR enterprise code (companycode)
    list_prefix: str  # ASCII prefix of the settlement list number
    contact: str = ""
    home_province: str = ""  # plate province character pre-filled at intake, e.g. 沪
    labour_rate_fen: int = 10000  # default 工时单价 per hour
    rating_url: str = ""  # provincial rating page for the QR code, when the profile gives one


@dataclass(frozen=True)
class StaffMember:
    id: int
    name: str
    role: str  # "advisor" | "technician" | "owner" | "frontdesk"
    active: bool = True


@dataclass(frozen=True)
class VehicleSummary:
    """One search hit at intake: enough to recognise the car and pre-fill a new work order."""

    id: int
    plate: str
    plate_colour: int
    vin: str
    brand_model: str
    owner_name: str
    owner_phone: str
    last_visit: date | None = None
    last_mileage: int | None = None
    visits: int = 0


@dataclass(frozen=True)
class VehicleDetail:
    id: int
    plate: str
    plate_colour: int
    vin: str
    brand_model: str
    engine_no: str
    vehicle_type: str
    owner_id: int
    owner_name: str
    owner_phone: str


@dataclass(frozen=True)
class VisitSummary:
    work_order_id: int
    intake_date: date
    mileage: int
    fault_description: str
    costlistcode: str | None
    total_fen: int
    prices_hidden: bool = False  # money fields are 0 because the role may not see prices (show "—")


@dataclass(frozen=True)
class LabourLine:
    item: str
    hours: Decimal  # one decimal at most
    rate_fen: int  # per hour
    technician_id: int | None = None
    technician_name: str = ""
    amount_fen: int = 0  # hours × rate, half-up to the fen (computed by the service)
    note: str = ""


@dataclass(frozen=True)
class PartLine:
    name: str
    quantity: Decimal  # two decimals at most
    unit: str
    unit_price_fen: int
    category: str  # PartCategory code, see app.domain.workorder
    part_code: str = ""  # OE or brand number; empty → the shop SKU is assigned by the service
    brand: str = ""
    customer_supplied: bool = False
    cost_price_fen: int | None = None  # never printed
    amount_fen: int = 0


@dataclass(frozen=True)
class FeeLine:
    name: str
    amount_fen: int


@dataclass(frozen=True)
class Payment:
    method: str  # "cash" | "wechat" | "alipay" | "card" | "credit"
    amount_fen: int


@dataclass(frozen=True)
class Totals:
    labour_fen: int
    parts_fen: int
    other_fen: int
    gross_fen: int  # labour + parts + other
    discount_fen: int
    due_fen: int  # gross − discount: the amount in Chinese capitals


@dataclass(frozen=True)
class ConfirmedWarning:
    code: str
    reason: str
    params: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class WorkOrderSummary:
    """One row of the work-order list."""

    id: int
    order_no: str
    state: str
    plate: str
    vin: str
    owner_name: str
    intake_at: datetime
    due_fen: int
    costlistcode: str | None
    settled_at: datetime | None
    revision: int = 1
    upload_state: str | None = None
    prices_hidden: bool = False  # due_fen is 0 because the role may not see prices (show "—")


@dataclass(frozen=True)
class WorkOrderDetail:
    """Everything about one work order (one revision), as shown on screen and printed on the list."""

    id: int
    uuid: str
    order_no: str
    state: str
    revision: int
    revision_of: int | None  # id of the revision this one corrects
    vehicle: VehicleDetail
    intake_at: datetime
    intake_mileage: int | None
    bringer_name: str
    bringer_phone: str
    fault_description: str
    repair_category: str  # RepairCategory code
    labour_standard: str  # "industry" | "manufacturer"
    advisor_id: int | None
    advisor_name: str
    labour: tuple[LabourLine, ...]
    parts: tuple[PartLine, ...]
    fees: tuple[FeeLine, ...]
    totals: Totals
    completed_at: datetime | None = None
    mileage_out: int | None = None
    completion_cert_no: str = ""
    costlistcode: str | None = None
    settled_at: datetime | None = None
    payments: tuple[Payment, ...] = ()
    old_parts: str = "none"  # "owner" | "shop" | "none"
    warranty_days: int | None = None
    warranty_km: int | None = None
    warranty_text: str = ""
    notes: str = ""
    cancel_reason: str = ""
    confirmed_warnings: tuple[ConfirmedWarning, ...] = ()
    superseded: bool = False  # a newer revision replaced this one
    # Every money field (lines, totals, payments) is 0 because the role may not see prices: show "—".
    prices_hidden: bool = False
