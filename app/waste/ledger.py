"""产生 and 入库: the technician's entries, containers, reversals, stock per kind and per container.

Append-only by construction: this module only ever ``add``s ledger rows. A wrong row is answered by a
reversal row (CX) with the reason and the person's name; stock is the sum of every row's own effect, so
it is right after any mix of entries and reversals without re-deriving anything.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from app.domain.clock import Clock
from app.domain.errors import DomainError
from app.security.guard import Guard
from app.security.permissions import Perm
from app.services.storage import reading, writing
from app.waste import rows
from app.waste.codes import check_quantity, require_text
from app.waste.config import WasteConfig
from app.waste.dto import ContainerStock, EntryView, GenerationInput, KindStock
from app.waste.kinds import Catalogue, WasteKind
from localdb.engine import Database
from localdb.models import WorkOrder
from localdb.waste_models import WasteContainer, WasteEntry, WasteEntryLink, WasteLocalKind

ZERO = rows.ZERO


class LedgerService:
    """The technician's ledger (``WASTE``: technicians and the owner; the front desk does not keep it)."""

    def __init__(self, db: Database, clock: Clock, config: Callable[[], WasteConfig], guard: Guard) -> None:
        self._db = db
        self._clock = clock
        self._config = config
        self._guard = guard

    # -- kinds -------------------------------------------------------------------------------------------
    def catalogue(self) -> Catalogue:
        self._guard.require(Perm.WASTE)
        with reading(self._db) as s:
            return rows.catalogue_in(s)

    def add_local_kind(self, kind: WasteKind, by: str = "") -> WasteKind:
        """Add a shop-specific kind (e.g. coolant under a locally required code). Shipped keys stay data."""
        self._guard.require(Perm.WASTE)
        key = require_text(kind.key, "key", "waste.kind_key_required", 40)
        name = require_text(kind.name, "name", "waste.kind_name_required", 60)
        with writing(self._db) as s:
            cat = rows.catalogue_in(s)
            if key in cat.kinds:
                raise DomainError("waste.kind_exists", "key", kind=key)
            cat.check_code(key, name, kind.code.strip())
            s.add(WasteLocalKind(
                key=key, name=name, list_name=kind.list_name.strip(), category=kind.category.strip(),
                code=kind.code.strip(), hazard=kind.hazard.strip(), hazardous=kind.hazardous, unit=kind.unit,
                density_kg_per_l=kind.density_kg_per_l, created_by=by[:40], created_at=self._clock.now(),
            ))  # fmt: skip
        return self.catalogue().kind(key)

    # -- containers --------------------------------------------------------------------------------------
    def open_container(self, kind_key: str, container_type: str | None = None) -> ContainerStock:
        self._guard.require(Perm.WASTE)
        with writing(self._db) as s:
            container = self._new_container(s, rows.catalogue_in(s).kind(kind_key), container_type)
            return self._container_stocks(s, [container])[0]

    def _new_container(self, s: Session, kind: WasteKind, container_type: str | None) -> WasteContainer:
        prefix = kind.container_prefix
        used = s.scalar(select(func.count()).where(WasteContainer.code.like(f"{prefix}-%"))) or 0
        container = WasteContainer(
            code=f"{prefix}-{used + 1:03d}",
            kind_key=kind.key,
            container_type=container_type or (kind.containers[0] if kind.containers else "box"),
            facility_code=self._config().facility_code,
            created_at=self._clock.now(),
        )
        s.add(container)
        s.flush()
        return container

    def _container_for(self, s: Session, kind: WasteKind, container_id: int | None) -> WasteContainer:
        if container_id is None:
            found = s.scalar(
                select(WasteContainer)
                .where(WasteContainer.kind_key == kind.key, WasteContainer.active.is_(True))
                .order_by(WasteContainer.id.desc())
                .limit(1)
            )
            return found or self._new_container(s, kind, None)
        container = s.get(WasteContainer, container_id)
        if container is None:
            raise DomainError("input.not_found", "container", what="容器", id=container_id)
        if container.kind_key != kind.key:
            raise DomainError("waste.container_other_kind", "container", container=container.code)
        return container

    def containers(self, kind_key: str | None = None, with_empty: bool = True) -> list[ContainerStock]:
        self._guard.require(Perm.WASTE)
        with reading(self._db) as s:
            stmt = select(WasteContainer).where(WasteContainer.active.is_(True)).order_by(WasteContainer.code)
            if kind_key:
                stmt = stmt.where(WasteContainer.kind_key == kind_key)
            found = self._container_stocks(s, list(s.scalars(stmt)))
        return [c for c in found if with_empty or c.quantity or c.weight_kg]

    def _container_stocks(self, s: Session, containers: list[WasteContainer]) -> list[ContainerStock]:
        cat = rows.catalogue_in(s)
        now = self._clock.now()
        out = []
        for c in containers:
            qty, kg, stored_qty, stored_kg = rows.balance(s, c.id)
            since = self._filled_since(s, c.id) if (qty or kg) else None
            kind = cat.kinds.get(c.kind_key)
            out.append(ContainerStock(
                id=c.id, code=c.code, kind_key=c.kind_key, kind_name=kind.name if kind else c.kind_key,
                container_type=c.container_type, unit=kind.unit if kind else "", quantity=qty, weight_kg=kg,
                stored_quantity=stored_qty, stored_kg=stored_kg, since=since,
                age_days=(now - since).days if since else None, active=c.active,
            ))  # fmt: skip
        return out

    @staticmethod
    def _filled_since(s: Session, container_id: int) -> datetime | None:
        """When the container last went from empty to holding waste: its age for the storage-time alert."""
        since, level = None, ZERO
        for at, kg in s.execute(
            select(WasteEntry.occurred_at, WasteEntry.stock_kg)
            .where(WasteEntry.container_id == container_id)
            .order_by(WasteEntry.occurred_at, WasteEntry.id)
        ):
            if level <= 0 and kg > 0:
                since = at
            level += kg
            if level <= 0:
                since = None
        return since

    # -- generation and storage --------------------------------------------------------------------------
    def generate(self, inp: GenerationInput) -> tuple[EntryView, ...]:
        """Write the 产生 row (and the 入库 row when the container already stands in the storage point)."""
        self._guard.require(Perm.WASTE)
        with writing(self._db) as s:
            written = self.generate_in(s, inp)
            return tuple(rows.to_views(s, written))

    def generate_in(self, s: Session, inp: GenerationInput) -> list[WasteEntry]:
        """The body of :meth:`generate`, for callers that add more to the same unit of work (they have
        checked the permission themselves, before opening it)."""
        cat = rows.catalogue_in(s)
        kind = cat.kind(inp.kind_key)
        if kind.hazardous and not kind.code:
            raise DomainError("waste.kind_needs_code", "kind", kind=kind.name)
        quantity = check_quantity(inp.quantity, "quantity")
        if kind.is_piece_unit and quantity != quantity.to_integral_value():
            raise DomainError("waste.pieces_whole", "quantity", unit=kind.unit)
        weight = inp.weight_kg if inp.weight_kg is not None else kind.estimate_kg(quantity)
        if weight is None:
            raise DomainError("waste.weight_required", "weight_kg", kind=kind.name)
        weight = check_quantity(weight, "weight_kg")
        if kind.unit == "kg" and weight != quantity:
            weight = quantity  # one measure: the kg entered is the quantity
        if inp.work_order_id is not None and s.get(WorkOrder, inp.work_order_id) is None:
            raise DomainError("input.not_found", "work_order", what="工单", id=inp.work_order_id)
        by = require_text(inp.handled_by, "handled_by", "waste.person_required", 40)
        now = self._clock.now()
        at = inp.occurred_at or now
        if at > now:
            raise DomainError("waste.future_time", "occurred_at")
        container = self._container_for(s, kind, inp.container_id)
        cfg = self._config()
        made = rows.new_entry(
            s, stage="CS", at=at, kind=kind, container=container, quantity=quantity, weight_kg=weight,
            stock_sign=1, stored_sign=0, handled_by=by, now=now, work_order_id=inp.work_order_id,
            destination=cfg.facility_type if inp.store_now else "",
        )  # fmt: skip
        made.facility_code = cfg.generation_facility_code
        written = [made]
        if inp.store_now:
            written.append(self._store(s, made, kind, container, by, at, now))
        return written

    def store_in(self, generation_id: int, handled_by: str) -> EntryView:
        """The 入库 row for a 产生 batch written without one (carried to the storage point later)."""
        self._guard.require(Perm.WASTE)
        by = require_text(handled_by, "handled_by", "waste.person_required", 40)
        with writing(self._db) as s:
            made = s.get(WasteEntry, generation_id)
            if made is None or made.stage != "CS" or rows.is_reversed(s, made.id):
                raise DomainError("waste.not_storable", "entry", id=generation_id)
            reversal = aliased(WasteEntry)  # a second WasteEntry, or the subquery correlates to the outer one
            already = s.scalar(
                select(WasteEntry.id)
                .join(WasteEntryLink, WasteEntryLink.entry_id == WasteEntry.id)
                .where(WasteEntryLink.source_id == made.id, WasteEntry.stage == "RK")
                .where(~select(reversal.id).where(reversal.reverses_id == WasteEntryLink.entry_id).exists())
            )
            if already is not None:
                raise DomainError("waste.already_stored", "entry", batch=made.batch_code)
            kind = rows.catalogue_in(s).kind(made.kind_key)
            container = s.get(WasteContainer, made.container_id)
            assert container is not None
            now = self._clock.now()
            return rows.to_views(s, [self._store(s, made, kind, container, by, now, now)])[0]

    def _store(self, s: Session, made: WasteEntry, kind: WasteKind, container: WasteContainer, by: str,
               at: datetime, now: datetime) -> WasteEntry:  # fmt: skip
        return rows.new_entry(
            s, stage="RK", at=at, kind=kind, container=container, quantity=made.quantity,
            weight_kg=made.weight_kg, stock_sign=0, stored_sign=1, handled_by=by, now=now, sources=[made],
            work_order_id=made.work_order_id,
        )  # fmt: skip

    # -- reversals ---------------------------------------------------------------------------------------
    def reverse(self, entry_id: int, reason: str, by: str) -> tuple[EntryView, ...]:
        """Cancel a 产生 or 入库 row by a reversal row; a 产生 row takes its live 入库 row with it.

        Handoff rows are reversed only by rejecting the handoff, so a trip's rows stay together.
        """
        self._guard.require(Perm.WASTE)
        reason = require_text(reason, "reason", "waste.reason_required")
        by = require_text(by, "handled_by", "waste.person_required", 40)
        with writing(self._db, action="reverse") as s:
            original = s.get(WasteEntry, entry_id)
            if original is None:
                raise DomainError("input.not_found", "entry", what="台账记录", id=entry_id)
            if original.stage == "CX" or rows.is_reversed(s, original.id):
                raise DomainError("waste.already_reversed", "entry", batch=original.batch_code)
            if original.stage not in ("CS", "RK"):
                raise DomainError("waste.reverse_via_handoff", "entry", batch=original.batch_code)
            targets = [original]
            if original.stage == "CS":
                targets += [
                    e for e in s.scalars(
                        select(WasteEntry).join(WasteEntryLink, WasteEntryLink.entry_id == WasteEntry.id)
                        .where(WasteEntryLink.source_id == original.id, WasteEntry.stage == "RK"))
                    if not rows.is_reversed(s, e.id)
                ]  # fmt: skip
            qty, kg, stored_qty, stored_kg = rows.balance(s, original.container_id)
            after = (qty - sum(t.stock_qty for t in targets), kg - sum(t.stock_kg for t in targets),
                     stored_qty - sum(t.stored_qty for t in targets), stored_kg - sum(t.stored_kg for t in targets))
            if min(after) < 0:
                raise DomainError("waste.reversal_negative", "entry", batch=original.batch_code)
            now = self._clock.now()
            written = [rows.reverse_row(s, t, reason=reason, by=by, at=now, now=now) for t in reversed(targets)]
            return tuple(rows.to_views(s, written))

    # -- reading -----------------------------------------------------------------------------------------
    def stock(self) -> list[KindStock]:
        """On-hand stock per kind, each with its containers (empty containers left out)."""
        self._guard.require(Perm.WASTE)
        by_kind: dict[str, list[ContainerStock]] = {}
        for c in self.containers(with_empty=False):
            by_kind.setdefault(c.kind_key, []).append(c)
        cat = self.catalogue()
        out = []
        for key, containers in sorted(by_kind.items()):
            kind = cat.kinds.get(key)
            out.append(KindStock(
                kind_key=key, name=kind.name if kind else key, category=kind.category if kind else "",
                code=kind.code if kind else "", hazardous=kind.hazardous if kind else True,
                unit=kind.unit if kind else "", quantity=sum((c.quantity for c in containers), ZERO),
                weight_kg=sum((c.weight_kg for c in containers), ZERO), containers=tuple(containers),
            ))  # fmt: skip
        return out

    def entries(self, start: datetime | None = None, end: datetime | None = None, *,
                stages: tuple[str, ...] = (), limit: int | None = None, newest_first: bool = True) -> list[EntryView]:  # fmt: skip
        self._guard.require(Perm.WASTE)
        with reading(self._db) as s:
            stmt = select(WasteEntry)
            if start is not None:
                stmt = stmt.where(WasteEntry.occurred_at >= start)
            if end is not None:
                stmt = stmt.where(WasteEntry.occurred_at < end)
            if stages:
                stmt = stmt.where(WasteEntry.stage.in_(stages))
            order = (WasteEntry.occurred_at.desc(), WasteEntry.id.desc()) if newest_first else (
                WasteEntry.occurred_at, WasteEntry.id)  # fmt: skip
            return rows.to_views(s, s.scalars(stmt.order_by(*order).limit(limit)))

    def chain(self, batch_code: str) -> list[EntryView]:
        """Every row linked to ``batch_code`` forwards and backwards: 产生 → 入库 → 出库 → 委外 (and reversals)."""
        self._guard.require(Perm.WASTE)
        with reading(self._db) as s:
            start = s.scalar(select(WasteEntry).where(WasteEntry.batch_code == batch_code))
            if start is None:
                raise DomainError("input.not_found", "batch_code", what="批次", id=batch_code)
            seen, todo = {start.id}, [start.id]
            while todo:
                current = todo.pop()
                for a, b in s.execute(select(WasteEntryLink.entry_id, WasteEntryLink.source_id).where(
                        (WasteEntryLink.entry_id == current) | (WasteEntryLink.source_id == current))):  # fmt: skip
                    for other in (a, b):
                        if other not in seen:
                            seen.add(other)
                            todo.append(other)
            found = s.scalars(select(WasteEntry).where(WasteEntry.id.in_(seen)).order_by(WasteEntry.id))
            return rows.to_views(s, found)

    def last_entry_at(self) -> datetime | None:
        self._guard.require(Perm.WASTE)
        with reading(self._db) as s:
            return s.scalar(select(func.max(WasteEntry.occurred_at)))

