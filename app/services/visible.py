"""What the work-order and vehicle services hand back to the acting person: owners' names and phone
numbers masked without :attr:`Perm.VIEW_CONTACTS`, money hidden without :attr:`Perm.VIEW_PRICES`.

Applied to the finished DTO, after the unit of work, so the mapping (:mod:`app.services.mapping`) stays
one shape that the EHR upload and the settlement list also use unmasked. The masking itself is
:mod:`app.security.privacy`'s, shared by every service and export.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from app.security.privacy import Visibility, masked, without_prices
from app.services.dto import (
    VehicleDetail,
    VehicleSummary,
    VisitSummary,
    WorkOrderDetail,
    WorkOrderSummary,
)

OWNER_NAMES = ("owner_name",)
OWNER_PHONES = ("owner_phone",)


def vehicle_detail(v: VehicleDetail, view: Visibility) -> VehicleDetail:
    return v if view.contacts else masked(v, names=OWNER_NAMES, phones=OWNER_PHONES)


def vehicle_summaries(rows: Sequence[VehicleSummary], view: Visibility) -> list[VehicleSummary]:
    if view.contacts:
        return list(rows)
    return [masked(r, names=OWNER_NAMES, phones=OWNER_PHONES) for r in rows]


def visits(rows: Sequence[VisitSummary], view: Visibility) -> list[VisitSummary]:
    return list(rows) if view.prices else [without_prices(r, ("total_fen",)) for r in rows]


def order_summaries(rows: Sequence[WorkOrderSummary], view: Visibility) -> list[WorkOrderSummary]:
    out = list(rows)
    if not view.contacts:
        out = [masked(r, names=OWNER_NAMES) for r in out]
    if not view.prices:
        out = [without_prices(r, ("due_fen",)) for r in out]
    return out


def order_detail(d: WorkOrderDetail, view: Visibility) -> WorkOrderDetail:
    if not view.contacts:
        d = replace(masked(d, names=("bringer_name",), phones=("bringer_phone",)),
                    vehicle=vehicle_detail(d.vehicle, view))
    if not view.prices:
        d = without_prices(
            d, (),
            labour=tuple(without_prices(x, ("rate_fen", "amount_fen")) for x in d.labour),
            parts=tuple(without_prices(x, ("unit_price_fen", "amount_fen", "cost_price_fen")) for x in d.parts),
            fees=tuple(without_prices(x, ("amount_fen",)) for x in d.fees),
            totals=without_prices(d.totals, ("labour_fen", "parts_fen", "other_fen", "gross_fen", "discount_fen",
                                             "due_fen")),
            payments=tuple(without_prices(p, ("amount_fen",)) for p in d.payments),
        )  # fmt: skip
    return d

