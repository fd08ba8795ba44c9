"""The bulk writer: the same plan as :mod:`app.seed.reference`, written with Core ``executemany`` in a
few big transactions, fast enough for 200,000 orders.

It has to end with exactly the rows the services would have left, so it does what they do in two passes:

1. Walk the plan's :func:`~app.seed.plan.timeline` and hand out ids the way SQLite would have (each
   table counts up from 1 as rows are inserted; the lines copied by ``start_correction`` and replaced a
   moment later use up ids too), shop SKUs on first use, and settlement numbers from the per-day
   counter in settlement order.
2. Build the final rows from the specs with the services' own pure functions (``billing.totals`` and the
   line amounts, ``format_costlistcode``, ``shop_sku``) and insert them in id order, a chunk of orders
   per transaction.

The shop and its staff (a handful of rows) go through their services. The equivalence test
(``tests/integration/test_seed.py``) compares this writer with the reference one row by row.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Table, insert

from app.domain.clock import ManualClock, local_date
from app.domain.workorder import WARRANTY_MINIMUMS, State
from app.security.guard import Guard
from app.seed.plan import Lines, OrderSpec, SeedPlan, Step, timeline
from app.services import billing
from app.services.settlement import SettleRequest, format_costlistcode
from app.services.shop import ShopService
from app.services.staff import StaffService
from app.services.workorders import needs_shop_sku, shop_sku
from localdb import models as m
from localdb.engine import Database, resync_id_sequences

CHUNK_ORDERS = 5_000

Row = dict[str, Any]


def _table(model: type[m.Base]) -> Table:
    return model.__table__  # type: ignore[return-value]


@dataclass(slots=True)
class _Revision:
    """Ids one revision of an order got: its row, the first id of each batch of lines, payments, outbox."""

    order: int
    labour: int = 0
    parts: int = 0
    fees: int = 0
    payments: int = 0
    outbox: int = 0


@dataclass(slots=True)
class _OrderIds:
    revisions: list[_Revision] = field(default_factory=list)
    costlistcode: str | None = None


@dataclass(frozen=True)
class Written:
    orders: int
    corrections: int
    vehicles: int
    lines: int


class _Ids:
    """Pass 1: what each insert would have been numbered, in the order the services insert."""

    def __init__(self, plan: SeedPlan) -> None:
        self.plan = plan
        self.next: dict[str, int] = {}
        self.vehicles: list[int] = [0] * len(plan.vehicles)
        self.vehicle_created: list[datetime | None] = [None] * len(plan.vehicles)
        self.orders = [_OrderIds() for _ in plan.orders]
        self.skus: dict[tuple[str, str], tuple[int, str, str]] = {}  # (name, brand) → (id, sku, unit)
        self.day_seq: dict[str, int] = {}
        for when, index, step in timeline(plan):
            self._apply(when, index, step)

    def take(self, table: str, count: int = 1) -> int:
        first = self.next.get(table, 1)
        self.next[table] = first + count
        return first

    def _apply(self, when: datetime, index: int, step: Step) -> None:
        spec, ids = self.plan.orders[index], self.orders[index]
        if step is Step.VEHICLE:
            self.take("owners")
            self.vehicles[spec.vehicle] = self.take("vehicles")
            self.vehicle_created[spec.vehicle] = when
        elif step is Step.OPEN:
            ids.revisions.append(_Revision(self.take("work_orders")))
        elif step is Step.LINES and spec.lines is not None:
            self._save_lines(ids.revisions[-1], spec.lines)
        elif step is Step.SETTLE and spec.settle is not None:
            self._settle(ids, spec.settle, when)
        elif step is Step.CORRECT and spec.lines is not None:
            ids.revisions.append(_Revision(self.take("work_orders")))
            self._take_lines(spec.lines)  # start_correction copies the lines; save_lines replaces them
        elif step is Step.CORRECT_LINES and spec.correction is not None:
            self._save_lines(ids.revisions[-1], spec.correction.lines)
        elif step is Step.CORRECT_SETTLE and spec.correction is not None:
            self._settle(ids, spec.correction.settle, when)

    def _take_lines(self, lines: Lines) -> tuple[int, int, int]:
        return (
            self.take("labour_lines", len(lines.labour)),
            self.take("part_lines", len(lines.parts)),
            self.take("fee_lines", len(lines.fees)),
        )

    def _save_lines(self, rev: _Revision, lines: Lines) -> None:
        rev.labour, rev.parts, rev.fees = self._take_lines(lines)
        for part in lines.parts:
            key = (part.name, part.brand)
            if needs_shop_sku(part.part_code) and key not in self.skus:
                part_id = self.take("shop_parts")
                self.skus[key] = (part_id, shop_sku(self.plan.shop.list_prefix, part_id), part.unit)

    def _settle(self, ids: _OrderIds, req: SettleRequest, when: datetime) -> None:
        rev = ids.revisions[-1]
        rev.payments = self.take("payments", len(req.payments))
        rev.outbox = self.take("outbox")
        if ids.costlistcode is None:  # a correction keeps the original number
            day = local_date(when).strftime("%Y%m%d")
            self.day_seq[day] = self.day_seq.get(day, 0) + 1
            ids.costlistcode = format_costlistcode(self.plan.shop.list_prefix, day, self.day_seq[day])

    def part_code(self, name: str, brand: str, code: str) -> str:
        return self.skus[(name, brand)][1] if needs_shop_sku(code) else code


class _Rows:
    """Pass 2: the final rows of one order (both revisions), as the services would have left them."""

    def __init__(self, plan: SeedPlan, ids: _Ids) -> None:
        self.plan = plan
        self.ids = ids
        self.uuids = random.Random(plan.shop.credit_code)  # deterministic folder for a given seed
        self.tables: dict[str, list[Row]] = {}

    def _uuid(self) -> str:
        return str(uuid.UUID(int=self.uuids.getrandbits(128), version=4))

    def add(self, table: str, row: Row) -> None:
        self.tables.setdefault(table, []).append(row)

    def order(self, index: int) -> None:
        spec, ids = self.plan.orders[index], self.ids.orders[index]
        vehicle = self.plan.vehicles[spec.vehicle]
        h = spec.header
        first = ids.revisions[0]
        settled = spec.outcome == State.SETTLED
        days, km = WARRANTY_MINIMUMS[h.repair_category]
        row: Row = {
            "id": first.order,
            "uuid": self._uuid(),
            "vehicle_id": self.ids.vehicles[spec.vehicle],
            "plate": vehicle.plate,
            "vin": vehicle.vin,
            "owner_name": vehicle.owner_name,
            "owner_phone": vehicle.owner_phone,
            "state": spec.outcome.value,
            "intake_at": h.intake_at,
            "intake_mileage": h.intake_mileage,
            "bringer_name": h.bringer_name or vehicle.owner_name,
            "bringer_phone": h.bringer_phone or vehicle.owner_phone,
            "fault_description": h.fault_description,
            "repair_category": h.repair_category,
            "labour_standard": h.labour_standard,
            "advisor_id": h.advisor_id,
            # settle() completes an order that was not marked completed, at the settle time
            "completed_at": spec.completed_at or (spec.settled_at if settled else None),
            "mileage_out": spec.mileage_out if spec.completed_at else (h.intake_mileage if settled else None),
            "completion_cert_no": spec.cert_no,
            "cancel_reason": spec.cancel_reason,
            "settled_at": spec.settled_at,
            "costlistcode": ids.costlistcode if settled else None,
            "revision": 1,
            "revision_of_id": None,
            "superseded": spec.correction is not None,
            "warranty_days": days,
            "warranty_km": km,
            "warranty_text": "",
            "notes": "",
            "old_parts": "none",  # open()
            "created_at": h.intake_at,
            "updated_at": _last_change(spec),
            **(_settled(spec.lines, spec.settle) if spec.settle else _money(spec.lines, None)),
        }
        self.add("work_orders", row)
        self._children(first, spec.lines, spec.settle, row)
        if spec.correction is not None:
            c = spec.correction
            second = ids.revisions[1]
            rev2 = {
                **row,
                "id": second.order,
                "uuid": self._uuid(),
                "revision": 2,
                "revision_of_id": first.order,
                "superseded": False,
                "settled_at": c.settled_at,
                "created_at": c.at,
                "updated_at": c.settled_at,
                **_settled(c.lines, c.settle),
            }
            self.add("work_orders", rev2)
            self._children(second, c.lines, c.settle, rev2)

    def _children(self, rev: _Revision, lines: Lines | None, req: SettleRequest | None, order: Row) -> None:
        if lines is not None:
            for seq, x in enumerate(lines.labour):
                self.add(
                    "labour_lines",
                    {
                        "id": rev.labour + seq,
                        "work_order_id": rev.order,
                        "seq": seq + 1,
                        "item": x.item,
                        "hours": x.hours,
                        "rate_fen": x.rate_fen,
                        "amount_fen": billing.labour_amount(x.hours, x.rate_fen),
                        "technician_id": x.technician_id,
                        "note": x.note,
                    },
                )
            for seq, p in enumerate(lines.parts):
                self.add(
                    "part_lines",
                    {
                        "id": rev.parts + seq,
                        "work_order_id": rev.order,
                        "seq": seq + 1,
                        "name": p.name,
                        "part_code": self.ids.part_code(p.name, p.brand, p.part_code),
                        "brand": p.brand,
                        "category": p.category,
                        "quantity": p.quantity,
                        "unit": p.unit,
                        "unit_price_fen": p.unit_price_fen,
                        "amount_fen": billing.part_amount(p.quantity, p.unit_price_fen),
                        "customer_supplied": p.customer_supplied,
                        "cost_price_fen": p.cost_price_fen,
                    },
                )
            for seq, f in enumerate(lines.fees):
                self.add(
                    "fee_lines",
                    {
                        "id": rev.fees + seq,
                        "work_order_id": rev.order,
                        "seq": seq + 1,
                        "name": f.name,
                        "amount_fen": f.amount_fen,
                    },
                )
        if req is None:
            return
        for n, pay in enumerate(req.payments):
            self.add(
                "payments",
                {
                    "id": rev.payments + n,
                    "work_order_id": rev.order,
                    "method": pay.method,
                    "amount_fen": pay.amount_fen,
                },
            )
        when = order["settled_at"]
        self.add(
            "outbox",
            {
                "id": rev.outbox,
                "kind": "repair_record",
                "record_id": rev.order,
                "record_key": order["costlistcode"],
                "revision": order["revision"],
                "vehicle_key": order["vin"],
                "state": "pending",
                "next_attempt_at": when,
                "created_at": when,
                "updated_at": when,
            },
        )

    def drain(self) -> Iterator[tuple[str, list[Row]]]:
        """Tables in foreign-key order; the buffers are emptied for the next chunk."""
        for name in ("work_orders", "labour_lines", "part_lines", "fee_lines", "payments", "outbox"):
            rows = self.tables.pop(name, [])
            if rows:
                yield name, rows


def _last_change(spec: OrderSpec) -> datetime:
    """Every service call on revision 1 stamps ``updated_at``; the correction steps touch the new row."""
    return [when for step, when in spec.steps() if step <= Step.SETTLE][-1]


def _money(lines: Lines | None, req: SettleRequest | None) -> Row:
    if lines is None:
        return {"labour_fen": 0, "parts_fen": 0, "other_fen": 0, "discount_fen": 0, "due_fen": 0}
    t = billing.totals(lines.labour, lines.parts, lines.fees, req.discount_fen if req else 0)
    return {
        "labour_fen": t.labour_fen,
        "parts_fen": t.parts_fen,
        "other_fen": t.other_fen,
        "discount_fen": t.discount_fen,
        "due_fen": t.due_fen,
    }


def _settled(lines: Lines | None, req: SettleRequest) -> Row:
    """What settle() writes onto the order besides state, time and number."""
    return {
        "old_parts": req.old_parts,
        "warranty_days": req.warranty_days,
        "warranty_km": req.warranty_km,
        "warranty_text": req.warranty_text.strip()[:200],
        "notes": req.notes.strip(),
        **_money(lines, req),
    }


_TABLES: dict[str, Table] = {
    name: _table(model)
    for name, model in (
        ("owners", m.Owner),
        ("vehicles", m.Vehicle),
        ("shop_parts", m.ShopPart),
        ("work_orders", m.WorkOrder),
        ("labour_lines", m.LabourLine),
        ("part_lines", m.PartLine),
        ("fee_lines", m.FeeLine),
        ("payments", m.Payment),
        ("outbox", m.OutboxEntry),
        ("settlement_counters", m.SettlementCounter),
    )
}


def _insert(db: Database, batches: Iterator[tuple[str, list[Row]]] | list[tuple[str, list[Row]]]) -> None:
    """One write transaction holding several executemany inserts. The rows carry their ids, so on
    PostgreSQL the tables' id sequences are moved past them before the commit."""
    with db.write() as s:
        conn = s.connection()
        filled = []
        for name, rows in batches:
            if rows:
                conn.execute(insert(_TABLES[name]), rows)
                filled.append(name)
        resync_id_sequences(s, [name for name in filled if "id" in _TABLES[name].c])


def bulk_write(db: Database, plan: SeedPlan, guard: Guard) -> Written:
    """Write ``plan`` into an empty, migrated database; the result equals :func:`through_services`.

    ``guard`` is the folder's: a new seed folder is in first setup, so its user may configure the shop
    and add staff; a folder with accounts refuses, as it should (seeding never touches a real shop)."""
    ShopService(db, ManualClock(plan.start), guard).configure(plan.shop)
    staff = StaffService(db, guard)
    for name, role in plan.staff:
        staff.add(name, role)
    ids = _Ids(plan)
    by_id = sorted(range(len(plan.vehicles)), key=lambda v: ids.vehicles[v])
    owners = [
        {"id": ids.vehicles[v], "name": plan.vehicles[v].owner_name, "phone": plan.vehicles[v].owner_phone}
        for v in by_id
    ]
    rng = random.Random(f"vehicles/{plan.shop.credit_code}")
    vehicles = [
        {
            "id": ids.vehicles[v],
            "uuid": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "plate": x.plate,
            "plate_colour": x.plate_colour,
            "vin": x.vin,
            "brand_model": x.brand_model,
            "engine_no": x.engine_no,
            "vehicle_type": x.vehicle_type,
            "owner_id": ids.vehicles[v],
            "vin_check_reason": "",
            "created_at": ids.vehicle_created[v],
        }
        for v in by_id
        for x in (plan.vehicles[v],)
    ]
    shop_parts = [
        {"id": i, "sku": sku, "name": name, "brand": brand, "unit": unit}
        for (name, brand), (i, sku, unit) in sorted(ids.skus.items(), key=lambda kv: kv[1][0])
    ]
    _insert(db, [("owners", owners), ("vehicles", vehicles), ("shop_parts", shop_parts)])
    rows = _Rows(plan, ids)
    order_indices = sorted(range(len(plan.orders)), key=lambda i: ids.orders[i].revisions[0].order)
    for start in range(0, len(order_indices), CHUNK_ORDERS):
        for index in order_indices[start : start + CHUNK_ORDERS]:
            rows.order(index)
        _insert(db, list(rows.drain()))
    counters = [{"day": day, "last_seq": seq} for day, seq in sorted(ids.day_seq.items())]
    _insert(db, [("settlement_counters", counters)])
    corrections = sum(1 for o in plan.orders if o.correction is not None)
    lines = sum(len(o.lines.labour) + len(o.lines.parts) + len(o.lines.fees) for o in plan.orders if o.lines)
    return Written(len(plan.orders), corrections, len(plan.vehicles), lines)
