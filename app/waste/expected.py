"""Expected waste: what completed and settled work orders should have produced, for a technician to
confirm with the real quantity or dismiss with a reason. Nothing is entered for them silently.

The part lines are matched against the data file's part-to-waste mapping. Expectations are keyed by
the order's *first* revision and the kind, so completing and then settling an order, or correcting a
settled one, never asks twice. Only orders finished within the look-back window are scanned, so a shop
that starts using the ledger is not flooded with its whole history.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.domain.clock import Clock
from app.domain.errors import DomainError
from app.security.guard import Guard
from app.security.permissions import Perm
from app.services.storage import reading, writing
from app.waste import rows
from app.waste.codes import check_quantity, require_text
from app.waste.config import WasteConfig
from app.waste.dto import EntryView, Expectation, GenerationInput
from app.waste.kinds import Catalogue
from app.waste.ledger import LedgerService
from localdb.engine import Database
from localdb.models import PartLine, WorkOrder
from localdb.waste_models import WasteExpectation

FINISHED = ("completed", "settled")


def root_order_id(s: Session, order: WorkOrder) -> int:
    current, seen = order, {order.id}
    while current.revision_of_id is not None and current.revision_of_id not in seen:
        parent = s.get(WorkOrder, current.revision_of_id)
        if parent is None:
            break
        seen.add(parent.id)
        current = parent
    return current.id


def expected_from_parts(cat: Catalogue, parts: list[tuple[str, Decimal, str]]) -> dict[str, tuple[Decimal, list[str]]]:
    """kind → (amount in the kind's unit, part names) for the part lines the mapping recognises."""
    found: dict[str, tuple[Decimal, list[str]]] = {}
    for name, quantity, unit in parts:
        rule = cat.rule_for(name)
        factor = rule.factor(unit) if rule else None
        if rule is None or factor is None or rule.kind not in cat.kinds:
            continue  # e.g. coolant until the shop adds it as a local kind
        amount, names = found.get(rule.kind, (rows.ZERO, []))
        found[rule.kind] = ((amount + quantity * factor).quantize(rows.ZERO), [*names, name])
    return found


class ExpectedWasteService:
    def __init__(self, db: Database, clock: Clock, config: Callable[[], WasteConfig], ledger: LedgerService,
                 guard: Guard) -> None:  # fmt: skip
        self._db = db
        self._clock = clock
        self._config = config
        self._ledger = ledger
        self._guard = guard

    def refresh(self) -> int:
        """Create expectations for newly finished orders; returns how many were added."""
        self._guard.require(Perm.WASTE)
        since = self._clock.now() - timedelta(days=self._config().expected_lookback_days)
        added = 0
        with writing(self._db) as s:
            cat = rows.catalogue_in(s)
            known = {(r, k) for r, k in s.execute(select(WasteExpectation.root_order_id, WasteExpectation.kind_key))}
            orders = s.scalars(
                select(WorkOrder)
                .where(WorkOrder.state.in_(FINISHED), WorkOrder.superseded.is_(False))
                .where(or_(WorkOrder.completed_at >= since, WorkOrder.settled_at >= since))
            )
            for order in orders:
                parts = [(p.name, p.quantity, p.unit) for p in s.scalars(
                    select(PartLine).where(PartLine.work_order_id == order.id).order_by(PartLine.seq))]  # fmt: skip
                root = root_order_id(s, order)
                for kind_key, (amount, names) in expected_from_parts(cat, parts).items():
                    if (root, kind_key) in known or amount <= 0:
                        continue
                    known.add((root, kind_key))
                    s.add(WasteExpectation(
                        root_order_id=root, work_order_id=order.id, kind_key=kind_key, expected_qty=amount,
                        unit=cat.kind(kind_key).unit, source_parts="、".join(names)[:200], status="open",
                        created_at=self._clock.now(),
                    ))  # fmt: skip
                    added += 1
        return added

    def open(self, refresh: bool = True) -> list[Expectation]:
        self._guard.require(Perm.WASTE)
        if refresh:
            self.refresh()
        with reading(self._db) as s:
            cat = rows.catalogue_in(s)
            found = s.execute(
                select(WasteExpectation, WorkOrder)
                .join(WorkOrder, WorkOrder.id == WasteExpectation.work_order_id)
                .where(WasteExpectation.status == "open")
                .order_by(WasteExpectation.id)
            )
            return [self._view(cat, e, o) for e, o in found]

    @staticmethod
    def _view(cat: Catalogue, e: WasteExpectation, o: WorkOrder) -> Expectation:
        kind = cat.kind(e.kind_key)
        return Expectation(
            id=e.id, work_order_id=o.id, order_label=o.costlistcode or f"#{o.id}", plate=o.plate,
            finished_at=o.settled_at or o.completed_at, kind_key=kind.key, kind_name=kind.name,
            expected_qty=e.expected_qty, unit=e.unit, estimated_kg=kind.estimate_kg(e.expected_qty),
            source_parts=e.source_parts, status=e.status, reason=e.reason,
        )  # fmt: skip

    def confirm(self, expectation_id: int, quantity: Decimal, weight_kg: Decimal | None, handled_by: str,
                container_id: int | None = None) -> tuple[EntryView, ...]:  # fmt: skip
        """Write the generation row with the real amount, linked to the work order, and close the item."""
        self._guard.require(Perm.WASTE)
        check_quantity(quantity, "quantity")
        with writing(self._db) as s:
            e = self._open_item(s, expectation_id)
            written = self._ledger.generate_in(s, GenerationInput(
                kind_key=e.kind_key, quantity=quantity, weight_kg=weight_kg, container_id=container_id,
                work_order_id=e.work_order_id, handled_by=handled_by))  # fmt: skip
            e.status, e.entry_id = "confirmed", written[0].id
            e.resolved_by, e.resolved_at = handled_by.strip()[:40], self._clock.now()
            return tuple(rows.to_views(s, written))

    def dismiss(self, expectation_id: int, reason: str, handled_by: str) -> None:
        """No waste after all (the customer took the old battery, the part came back unused, …)."""
        self._guard.require(Perm.WASTE)
        reason = require_text(reason, "reason", "waste.reason_required")
        by = require_text(handled_by, "handled_by", "waste.person_required", 40)
        with writing(self._db) as s:
            e = self._open_item(s, expectation_id)
            e.status, e.reason, e.resolved_by, e.resolved_at = "dismissed", reason, by, self._clock.now()

    @staticmethod
    def _open_item(s: Session, expectation_id: int) -> WasteExpectation:
        e = s.get(WasteExpectation, expectation_id)
        if e is None:
            raise DomainError("input.not_found", "expectation", what="待确认危废", id=expectation_id)
        if e.status != "open":
            raise DomainError("waste.expectation_closed", "expectation", status=e.status)
        return e
