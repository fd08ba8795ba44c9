"""Session-level building blocks of the ledger, shared by generation, handoffs and expected waste:
writing one append-only row with its links, reversing one, container balances and row views.

Every function here runs inside the caller's unit of work, so a handoff's 出库 and 委外 rows, its
outbox entry and its status change commit together or not at all.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Integer, func, select, type_coerce
from sqlalchemy.orm import Session

from app.waste.codes import next_batch_code
from app.waste.dto import EntryView
from app.waste.kinds import Catalogue, WasteKind, shipped_catalogue
from localdb.waste_models import WasteContainer, WasteEntry, WasteEntryLink, WasteLocalKind

ZERO = Decimal("0.000")


def local_kind(row: WasteLocalKind) -> WasteKind:
    return WasteKind(
        key=row.key, name=row.name, list_name=row.list_name, category=row.category, code=row.code,
        hazard=row.hazard, hazardous=row.hazardous, unit=row.unit, density_kg_per_l=row.density_kg_per_l,
        container_prefix="ZD", icon="custom", local=True,
    )  # fmt: skip


def catalogue_in(s: Session) -> Catalogue:
    """The shipped data file with the shop's own kinds merged in."""
    return shipped_catalogue().with_local(local_kind(r) for r in s.scalars(select(WasteLocalKind)))


def new_entry(
    s: Session,
    *,
    stage: str,
    at: datetime,
    kind: WasteKind,
    container: WasteContainer,
    quantity: Decimal,
    weight_kg: Decimal,
    stock_sign: int,
    stored_sign: int,
    handled_by: str,
    now: datetime,
    sources: Sequence[WasteEntry] = (),
    **extra: object,
) -> WasteEntry:
    """Append one row. ``stock_sign``/``stored_sign`` say how it moves stock on site / in storage."""
    entry = WasteEntry(
        uuid=str(uuid.uuid4()),
        batch_code=next_batch_code(s, "WW" + kind.treatment if stage == "WW" else stage, at),
        stage="WW" + kind.treatment if stage == "WW" else stage,
        occurred_at=at,
        kind_key=kind.key,
        shop_name=kind.name,
        list_name=kind.list_name,
        category=kind.category,
        code=kind.code,
        hazard=kind.hazard,
        hazardous=kind.hazardous,
        container_id=container.id,
        container_count=1,
        quantity=quantity,
        unit=kind.unit,
        weight_kg=weight_kg,
        stock_qty=quantity * stock_sign,
        stock_kg=weight_kg * stock_sign,
        stored_qty=quantity * stored_sign,
        stored_kg=weight_kg * stored_sign,
        facility_code=container.facility_code,
        handled_by=handled_by[:40],
        created_at=now,
        **extra,
    )
    s.add(entry)
    s.flush()
    for source in sources:
        s.add(WasteEntryLink(entry_id=entry.id, source_id=source.id))
    return entry


def reverse_row(s: Session, original: WasteEntry, *, reason: str, by: str, at: datetime, now: datetime) -> WasteEntry:
    """A CX row with the opposite effect of ``original``; the original row is left exactly as it was."""
    entry = WasteEntry(
        uuid=str(uuid.uuid4()),
        batch_code=next_batch_code(s, "CX", at),
        stage="CX",
        occurred_at=at,
        **{name: getattr(original, name) for name in (
            "kind_key", "shop_name", "list_name", "category", "code", "hazard", "hazardous", "container_id",
            "container_count", "unit", "facility_code", "destination", "work_order_id", "handoff_id")},
        quantity=-original.quantity,
        weight_kg=-original.weight_kg,
        stock_qty=-original.stock_qty,
        stock_kg=-original.stock_kg,
        stored_qty=-original.stored_qty,
        stored_kg=-original.stored_kg,
        handled_by=by[:40],
        reverses_id=original.id,
        reason=reason[:200],
        created_at=now,
    )  # fmt: skip
    s.add(entry)
    s.flush()
    s.add(WasteEntryLink(entry_id=entry.id, source_id=original.id))
    return entry


def balance(s: Session, container_id: int) -> tuple[Decimal, Decimal, Decimal, Decimal]:
    """(quantity on site, kg on site, quantity in storage, kg in storage) of one container."""
    row = s.execute(
        select(*(scaled_sum(c) for c in STOCK_COLUMNS)).where(WasteEntry.container_id == container_id)
    ).one()
    return tuple(unscale(v) for v in row)  # type: ignore[return-value]


STOCK_COLUMNS = (WasteEntry.stock_qty, WasteEntry.stock_kg, WasteEntry.stored_qty, WasteEntry.stored_kg)


def scaled_sum(column: Any) -> Any:
    """SUM over the stored integers (grams, millilitres): exact, whatever the database's decimal support."""
    return func.coalesce(func.sum(type_coerce(column, Integer)), 0)


def unscale(value: object) -> Decimal:
    return (Decimal(int(value or 0)) / 1000).quantize(ZERO)  # type: ignore[call-overload]


def is_reversed(s: Session, entry_id: int) -> bool:
    return s.scalar(select(WasteEntry.id).where(WasteEntry.reverses_id == entry_id)) is not None


def fifo_sources(s: Session, container_id: int, kg: Decimal, stored_kg: Decimal) -> list[WasteEntry]:
    """The 入库 batches an 出库 of ``kg`` takes, first in first out (HJ 1259 B.3 links 出库 to 入库)."""
    reversed_ids = select(WasteEntry.reverses_id).where(WasteEntry.reverses_id.is_not(None))
    stored_in = list(
        s.scalars(
            select(WasteEntry)
            .where(WasteEntry.container_id == container_id, WasteEntry.stage == "RK")
            .where(WasteEntry.id.not_in(reversed_ids))
            .order_by(WasteEntry.occurred_at, WasteEntry.id)
        )
    )
    total_in = sum((e.stored_kg for e in stored_in), ZERO)
    taken_before = total_in - stored_kg
    picked, cumulative = [], ZERO
    for entry in stored_in:
        start, cumulative = cumulative, cumulative + entry.stored_kg
        if cumulative > taken_before and start < taken_before + kg:
            picked.append(entry)
    return picked


def to_views(s: Session, entries: Iterable[WasteEntry]) -> list[EntryView]:
    """Views with container codes, source batch codes and reversal links, loaded in three queries."""
    rows = list(entries)
    ids = [e.id for e in rows]
    containers = {c.id: c for c in s.scalars(select(WasteContainer).where(
        WasteContainer.id.in_({e.container_id for e in rows})))}  # fmt: skip
    sources: dict[int, list[str]] = {}
    source_entry = WasteEntry.__table__.alias("src")
    for entry_id, code in s.execute(
        select(WasteEntryLink.entry_id, source_entry.c.batch_code)
        .join(source_entry, source_entry.c.id == WasteEntryLink.source_id)
        .where(WasteEntryLink.entry_id.in_(ids))
        .order_by(source_entry.c.id)
    ):
        sources.setdefault(entry_id, []).append(code)
    reversal = {rid: code for rid, code in s.execute(
        select(WasteEntry.reverses_id, WasteEntry.batch_code).where(WasteEntry.reverses_id.in_(ids)))}  # fmt: skip
    originals = {e.id: (e.batch_code, e.stage) for e in rows}
    missing = {e.reverses_id for e in rows if e.reverses_id and e.reverses_id not in originals}
    if missing:
        found = s.execute(select(WasteEntry.id, WasteEntry.batch_code, WasteEntry.stage).where(WasteEntry.id.in_(missing)))
        originals.update({i: (code, stage) for i, code, stage in found})
    views = []
    for e in rows:
        c = containers[e.container_id]
        views.append(EntryView(
            id=e.id, batch_code=e.batch_code, stage=e.stage, occurred_at=e.occurred_at, kind_key=e.kind_key,
            shop_name=e.shop_name, list_name=e.list_name, category=e.category, code=e.code, hazard=e.hazard,
            hazardous=e.hazardous, container_id=e.container_id, container_code=c.code,
            container_type=c.container_type, container_count=e.container_count, quantity=e.quantity, unit=e.unit,
            weight_kg=e.weight_kg, facility_code=e.facility_code, handled_by=e.handled_by,
            destination=e.destination, sources=tuple(sources.get(e.id, ())), work_order_id=e.work_order_id,
            handoff_id=e.handoff_id, reverses=originals[e.reverses_id][0] if e.reverses_id else "",
            reverses_stage=originals[e.reverses_id][1] if e.reverses_id else "",
            reversed_by=reversal.get(e.id, ""), reason=e.reason,
        ))  # fmt: skip
    return views
