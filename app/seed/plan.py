"""What a seed run writes, as plain values: the shop, its staff, vehicles and one spec per work order.

Both writers (:func:`app.seed.reference.through_services` and :func:`app.seed.bulk.bulk_write`) read the
same :class:`SeedPlan` and walk the same :func:`timeline`, so "what the services would write" is defined
once: every id, every settlement number and every timestamp follows from the order of these events.

Specs reuse the services' own input types (``VehicleInput``, ``IntakeHeader``, the line DTOs,
``SettleRequest``) so nothing has to be translated between the two paths.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import IntEnum

from app.domain.workorder import State
from app.services.dto import FeeLine, LabourLine, PartLine, ShopInfo
from app.services.settlement import SettleRequest
from app.services.vehicles import VehicleInput
from app.services.workorders import IntakeHeader


class Step(IntEnum):
    """One service call in the life of an order. The value breaks ties between steps at the same minute."""

    VEHICLE = 0  # vehicles.create, just before the vehicle's first order is opened
    OPEN = 1
    LINES = 2
    START = 3
    COMPLETE = 4
    CANCEL = 5
    SETTLE = 6
    CORRECT = 7  # settlement.start_correction
    CORRECT_LINES = 8
    CORRECT_SETTLE = 9


@dataclass(frozen=True, slots=True)
class Lines:
    labour: tuple[LabourLine, ...]
    parts: tuple[PartLine, ...]
    fees: tuple[FeeLine, ...]


@dataclass(frozen=True, slots=True)
class Correction:
    """A settled order corrected once: a new revision with changed lines, settled again."""

    at: datetime
    lines_at: datetime
    lines: Lines
    settled_at: datetime
    settle: SettleRequest


@dataclass(frozen=True, slots=True)
class OrderSpec:
    """One visit. ``outcome`` is the final state of revision 1 (``settled`` also for a corrected one)."""

    vehicle: int  # index into SeedPlan.vehicles
    creates_vehicle: bool  # the vehicle's first visit: the car is registered at this intake
    header: IntakeHeader
    outcome: State
    lines_at: datetime | None = None
    lines: Lines | None = None
    started_at: datetime | None = None
    completed_at: datetime | None = None  # None on a settled order: settle() completes it implicitly
    mileage_out: int | None = None
    cert_no: str = ""
    cancelled_at: datetime | None = None
    cancel_reason: str = ""
    settled_at: datetime | None = None
    settle: SettleRequest | None = None
    correction: Correction | None = None

    def steps(self) -> Iterator[tuple[Step, datetime]]:
        """The service calls this order needs, in order (times strictly increase)."""
        at = self.header.intake_at
        if self.creates_vehicle:
            yield Step.VEHICLE, at
        yield Step.OPEN, at
        optional = (
            (Step.LINES, self.lines_at),
            (Step.START, self.started_at),
            (Step.COMPLETE, self.completed_at),
            (Step.CANCEL, self.cancelled_at),
            (Step.SETTLE, self.settled_at),
        )
        for step, when in optional:
            if when is not None:
                yield step, when
        if self.correction is not None:
            yield Step.CORRECT, self.correction.at
            yield Step.CORRECT_LINES, self.correction.lines_at
            yield Step.CORRECT_SETTLE, self.correction.settled_at


@dataclass(frozen=True)
class SeedPlan:
    now: datetime  # the clock's now: every event happens before it
    start: datetime  # when the shop was configured
    shop: ShopInfo
    staff: tuple[tuple[str, str], ...]  # (name, role); staff id = position + 1
    vehicles: tuple[VehicleInput, ...]
    orders: tuple[OrderSpec, ...]


_STEP_BITS = 4
_ORDER_BITS = 24


def timeline(plan: SeedPlan) -> Iterator[tuple[datetime, int, Step]]:
    """Every service call of the plan as ``(when, order index, step)``, in the order a shop makes them.

    Sorted by time, then order index, then step. Events are packed into single integers before sorting:
    a 200,000-order plan has over a million events, and a list of ints sorts fast and stays small.
    """
    if len(plan.orders) >= 1 << _ORDER_BITS:
        raise ValueError("too many orders for one plan")
    keys: list[int] = []
    for index, order in enumerate(plan.orders):
        for step, when in order.steps():
            seconds = int(when.timestamp())
            keys.append((((seconds << _ORDER_BITS) | index) << _STEP_BITS) | step)
    keys.sort()
    step_mask, order_mask = (1 << _STEP_BITS) - 1, (1 << _ORDER_BITS) - 1
    for key in keys:
        step = Step(key & step_mask)
        index = (key >> _STEP_BITS) & order_mask
        yield datetime.fromtimestamp(key >> (_STEP_BITS + _ORDER_BITS), UTC), index, step
