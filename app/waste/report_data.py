"""The figures behind the reports, for a period of local dates: the HJ 1259 ledger tables, the declaration
figures in tonnes per waste code, and the mass-balance check against the work orders.

Tonnes are exact: kg carry three decimals, so kg / 1000 has six and nothing is rounded before it is
added up; a declaration's total is therefore always the sum of its rows. The opening and closing stock
come from the same row effects as the stock screen, so the declaration balances by construction:
opening + generated − handed over = closing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import or_, select

from app.domain.clock import SHOP_TZ, Clock
from app.services.storage import reading
from app.waste import rows
from app.waste.dto import EntryView
from app.waste.expected import FINISHED, expected_from_parts
from app.waste.ledger import LedgerService
from localdb.engine import Database
from localdb.models import PartLine, WorkOrder
from localdb.waste_models import WasteEntry

TABLES = (  # key, HJ 1259 appendix table, stages whose rows (and their reversals) it lists
    ("generation", "B.1 产生环节记录表", ("CS",)),
    ("storage_in", "B.2 入库环节记录表", ("RK",)),
    ("storage_out", "B.3 出库环节记录表", ("CK",)),
    ("entrusted", "B.5 委外利用/处置环节记录表", ("WWLY", "WWCZ")),
)


def period_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """UTC bounds of the local dates ``start``..``end`` inclusive."""
    return (datetime.combine(start, time(), SHOP_TZ), datetime.combine(end + timedelta(days=1), time(), SHOP_TZ))


def tonnes(kg: Decimal) -> Decimal:
    return (kg / 1000).quantize(Decimal("0.000001"))


@dataclass(frozen=True)
class DeclarationRow:
    category: str
    code: str
    names: str  # shop names of the kinds filed under this code
    list_name: str
    hazard: str
    opening_t: Decimal
    generated_t: Decimal
    handed_over_t: Decimal
    closing_t: Decimal
    receivers: str


@dataclass(frozen=True)
class BalanceRow:
    kind_key: str
    name: str
    unit: str
    expected: Decimal  # from work-order part lines in the period
    ledgered: Decimal  # net generation in the period
    difference: Decimal  # ledgered − expected
    tolerance: Decimal | None
    ok: bool


@dataclass
class _Sums:
    category: str
    list_name: str
    hazard: str
    names: list[str] = field(default_factory=list)
    receivers: list[str] = field(default_factory=list)
    opening: Decimal = rows.ZERO
    generated: Decimal = rows.ZERO
    handed_over: Decimal = rows.ZERO
    closing: Decimal = rows.ZERO


def _add_once(items: list[str], value: str) -> None:
    if value and value not in items:
        items.append(value)


class ReportData:
    def __init__(self, db: Database, clock: Clock, ledger: LedgerService) -> None:
        self._db, self._clock, self._ledger = db, clock, ledger

    def tables(self, start: date, end: date) -> dict[str, list[EntryView]]:
        """Rows per HJ 1259 table; a reversal is listed in the table of the row it reverses."""
        lo, hi = period_bounds(start, end)
        out: dict[str, list[EntryView]] = {key: [] for key, _, _ in TABLES}
        for e in self._ledger.entries(lo, hi, newest_first=False):
            stage = e.reverses_stage if e.stage == "CX" else e.stage
            for key, _, stages in TABLES:
                if stage in stages:
                    out[key].append(e)
        return out

    def declaration(self, start: date, end: date, hazardous: bool = True) -> list[DeclarationRow]:
        lo, hi = period_bounds(start, end)
        with reading(self._db) as s:
            found = list(s.scalars(select(WasteEntry).where(WasteEntry.occurred_at < hi,
                                                            WasteEntry.hazardous.is_(hazardous))))  # fmt: skip
            stage_of = {e.id: e.stage for e in found}
            by_code: dict[str, _Sums] = {}
            for e in found:
                d = by_code.setdefault(e.code or e.kind_key, _Sums(e.category, e.list_name, e.hazard))
                _add_once(d.names, e.shop_name)
                d.closing += e.stock_kg
                if e.occurred_at < lo:
                    d.opening += e.stock_kg
                    continue
                stage = stage_of.get(e.reverses_id or 0, "") if e.stage == "CX" else e.stage
                if stage == "CS":
                    d.generated += e.stock_kg
                elif stage == "CK":
                    d.handed_over -= e.stock_kg
                    if e.stage == "CK":
                        _add_once(d.receivers, e.destination)
        return [
            DeclarationRow(d.category, code, "、".join(d.names), d.list_name, d.hazard, tonnes(d.opening),
                           tonnes(d.generated), tonnes(d.handed_over), tonnes(d.closing), "；".join(d.receivers))
            for code, d in sorted(by_code.items())
        ]  # fmt: skip

    def mass_balance(self, start: date, end: date) -> list[BalanceRow]:
        """Parts replaced in finished work orders vs. waste generated in the ledger, per kind, native units."""
        lo, hi = period_bounds(start, end)
        cat = self._ledger.catalogue()
        expected: dict[str, Decimal] = {}
        with reading(self._db) as s:
            orders = s.scalars(select(WorkOrder.id).where(
                WorkOrder.state.in_(FINISHED), WorkOrder.superseded.is_(False),
                or_(WorkOrder.settled_at.between(lo, hi), (WorkOrder.settled_at.is_(None) & WorkOrder.completed_at.between(lo, hi)))))  # fmt: skip
            ids = list(orders)
            parts = [(p.name, p.quantity, p.unit) for p in s.scalars(select(PartLine).where(PartLine.work_order_id.in_(ids)))]
            for kind_key, (amount, _names) in expected_from_parts(cat, parts).items():
                expected[kind_key] = amount
            ledgered: dict[str, Decimal] = {}
            for e in s.scalars(select(WasteEntry).where(WasteEntry.occurred_at >= lo, WasteEntry.occurred_at < hi,
                                                       WasteEntry.stage.in_(("CS", "CX")))):  # fmt: skip
                if e.stage == "CX" and e.stock_qty >= 0:
                    continue  # a rejected load coming back, or a storage row's reversal: not generation
                ledgered[e.kind_key] = ledgered.get(e.kind_key, rows.ZERO) + e.stock_qty
        out = []
        for key in sorted(set(expected) | set(ledgered)):
            kind = cat.kinds.get(key)
            if kind is None or kind.balance_tolerance is None:
                continue  # no basis for a comparison (e.g. rags, paint sludge from bodywork)
            want, got = expected.get(key, rows.ZERO), ledgered.get(key, rows.ZERO)
            diff = got - want
            ok = abs(diff) <= want * kind.balance_tolerance if want else got == 0 or kind.balance_tolerance > 0
            out.append(BalanceRow(key, kind.name, kind.unit, want.quantize(rows.ZERO), got.quantize(rows.ZERO),
                                  diff.quantize(rows.ZERO), kind.balance_tolerance, ok))  # fmt: skip
        return out
