"""Vehicles and their owners: find-before-create search at intake, creation with plate/VIN rules, history.

Search matches any part of the plate, the tail of the VIN, or part of the owner's phone, so the clerk
finds the car before creating a duplicate.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from dataclasses import dataclass

from sqlalchemy import Integer, column, func, or_, select, union
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Session

from app.domain.clock import Clock, local_date
from app.domain.errors import DomainError, Issue, WarningsNotConfirmed
from app.domain.plate import check_plate, colour_issue
from app.domain.vin import validate_vin, vin_issues
from app.domain.workorder import VEHICLE_TYPES, State
from app.security.guard import Guard
from app.security.permissions import Perm
from app.security.privacy import Visibility
from app.services import visible
from app.services.dto import VehicleDetail, VehicleSummary, VisitSummary
from app.services.storage import reading, writing
from localdb import search_index
from localdb.engine import Database
from localdb.models import Owner, Vehicle, WorkOrder

_PHONE = re.compile(r"^[0-9+\- ]{0,20}$")


@dataclass(frozen=True)
class VehicleInput:
    plate: str
    plate_colour: int
    vin: str
    brand_model: str
    engine_no: str
    vehicle_type: str
    owner_name: str
    owner_phone: str


def normalize_query(text: str) -> str:
    return re.sub(r"[\s.·\-]", "", unicodedata.normalize("NFKC", text)).upper()


def check_phone(phone: str, field: str) -> str:
    phone = unicodedata.normalize("NFKC", phone).strip()
    if not _PHONE.match(phone):
        raise DomainError("vehicle.phone_invalid", field, phone=phone)
    return phone


def _to_detail(v: Vehicle) -> VehicleDetail:
    return VehicleDetail(
        id=v.id,
        plate=v.plate,
        plate_colour=v.plate_colour,
        vin=v.vin,
        brand_model=v.brand_model,
        engine_no=v.engine_no,
        vehicle_type=v.vehicle_type,
        owner_id=v.owner_id,
        owner_name=v.owner.name,
        owner_phone=v.owner.phone,
    )


class VehicleService:
    def __init__(self, db: Database, clock: Clock, guard: Guard) -> None:
        self._db = db
        self._clock = clock
        self._guard = guard

    def search(self, text: str, limit: int = 20) -> list[VehicleSummary]:
        """Vehicles whose plate contains ``text``, whose VIN ends with it, or whose owner's phone contains it.

        Two small steps: up to ``limit + 5`` matching vehicles from the trigram index
        (:mod:`localdb.search_index`; a short ``LIKE`` scan for two characters), then visit counts and last
        mileage for just those, through the ``vehicle_id`` and ``vin`` indexes. A single join that
        aggregated every work order cost ~0.8 s per keystroke at 200,000 orders (docs/benchmarks.md).
        From three characters on, the VIN matches anywhere, like the plate (that is what a trigram index
        answers).

        Intake's search (it matches phone numbers, so it is not open to roles that may not see them).
        """
        actor = self._guard.require(Perm.INTAKE)
        q = normalize_query(text)
        if len(q) < 2:
            return []
        like = q.replace("%", "").replace("_", "").replace("\\", "")  # LIKE's wildcards and escape
        columns = (
            Vehicle.id, Vehicle.plate, Vehicle.plate_colour, Vehicle.vin, Vehicle.brand_model, Owner.name,
            Owner.phone,
        )  # fmt: skip
        candidates = select(*columns).join(Owner, Vehicle.owner_id == Owner.id)
        if self._db.is_sqlite and len(like) >= 3:
            hits = (
                sql_text(f"SELECT rowid FROM {search_index.TABLE} WHERE {search_index.TABLE} MATCH :q LIMIT :n")
                .bindparams(q=search_index.match_expression(like), n=limit + 5)
                .columns(column("rowid", Integer))
            )
            candidates = candidates.where(Vehicle.id.in_(hits))
        elif len(like) >= 3:  # PostgreSQL: one LIKE per column, each answered by its pg_trgm GIN index
            # The query is upper-cased like the stored plates and VINs, so LIKE needs no ILIKE, which costs
            # far more wherever the planner scans. Columns the text cannot occur in are not asked at all
            # ("粤B5" is in no VIN and no phone number; a scan of 68,000 phones cost 50 ms), and each column
            # gives at most limit + 5 hits, like the FTS query ("581" is in hundreds of phone numbers).
            pattern = f"%{like}%"
            branches = [select(Vehicle.id).where(Vehicle.plate.like(pattern))]
            if like.isascii():
                branches.append(select(Vehicle.id).where(Vehicle.vin.like(pattern)))
            if _PHONE.match(like):
                branches.append(select(Vehicle.id).join(Owner, Vehicle.owner_id == Owner.id)
                                .where(Owner.phone.like(pattern)))  # fmt: skip
            hits = union(*(branch.limit(limit + 5) for branch in branches))
            candidates = candidates.where(Vehicle.id.in_(hits)).limit(limit + 5)
        else:  # two characters (e.g. "沪A"): too short for a trigram, a scan is quick enough
            candidates = candidates.where(
                or_(
                    Vehicle.plate.contains(like, autoescape=True),
                    Vehicle.vin.endswith(like, autoescape=True),
                    Owner.phone.contains(like, autoescape=True),
                )
            ).limit(limit + 5)
        with reading(self._db) as s:
            rows = s.execute(candidates).all()
            if not rows:
                return []
            visits = {
                vid: (n, last_at)
                for vid, n, last_at in s.execute(
                    select(WorkOrder.vehicle_id, func.count(WorkOrder.id), func.max(WorkOrder.intake_at))
                    .where(WorkOrder.vehicle_id.in_([r[0] for r in rows]))
                    .where(WorkOrder.state != State.CANCELLED.value, WorkOrder.superseded.is_(False))
                    .group_by(WorkOrder.vehicle_id)
                )
            }

            def rank(row: tuple) -> tuple:
                last_at = visits.get(row[0], (0, None))[1]
                return (row[1] != like, last_at is None, -(last_at.timestamp() if last_at else 0), row[1])

            shown = sorted(rows, key=rank)[:limit]
            mileages = self._last_mileages(s, [row[3] for row in shown if row[0] in visits])
            out = []
            for vid, plate, colour, vin, brand_model, owner_name, owner_phone in shown:
                n, last_at = visits.get(vid, (0, None))
                out.append(
                    VehicleSummary(
                        id=vid,
                        plate=plate,
                        plate_colour=colour,
                        vin=vin,
                        brand_model=brand_model,
                        owner_name=owner_name,
                        owner_phone=owner_phone,
                        last_visit=local_date(last_at) if last_at else None,
                        last_mileage=mileages.get(vin) if last_at else None,
                        visits=n,
                    )
                )
            return visible.vehicle_summaries(out, Visibility.of(actor))

    @staticmethod
    def _last_mileages(s: Session, vins: list[str]) -> dict[str, int]:
        """Each VIN's mileage at its latest visit that recorded one, in one query through the ``vin``
        index: one query per result row cost 20 round trips per keystroke, which a server notices."""
        latest_first = func.row_number().over(
            partition_by=WorkOrder.vin, order_by=(WorkOrder.intake_at.desc(), WorkOrder.id.desc())
        )
        ranked = (
            select(WorkOrder.vin, WorkOrder.intake_mileage, latest_first.label("n"))
            .where(WorkOrder.vin.in_(vins), WorkOrder.state != State.CANCELLED.value)
            .where(WorkOrder.intake_mileage.is_not(None), WorkOrder.superseded.is_(False))
            .subquery()
        )
        return {vin: km for vin, km in s.execute(select(ranked.c.vin, ranked.c.intake_mileage).where(ranked.c.n == 1))}

    def get(self, vehicle_id: int) -> VehicleDetail:
        actor = self._guard.require(Perm.VIEW_ORDERS)
        with reading(self._db) as s:
            v = s.get(Vehicle, vehicle_id)
            if v is None:
                raise DomainError("input.not_found", None, what="车辆", id=vehicle_id)
            return visible.vehicle_detail(_to_detail(v), Visibility.of(actor))

    def visits(self, vehicle_id: int, limit: int = 10) -> list[VisitSummary]:
        actor = self._guard.require(Perm.VIEW_ORDERS)
        with reading(self._db) as s:
            rows = s.scalars(
                select(WorkOrder)
                .where(WorkOrder.vehicle_id == vehicle_id, WorkOrder.superseded.is_(False))
                .where(WorkOrder.state != State.CANCELLED.value)
                .order_by(WorkOrder.intake_at.desc())
                .limit(limit)
            )
            return visible.visits([
                VisitSummary(
                    work_order_id=r.id,
                    intake_date=local_date(r.intake_at),
                    mileage=r.intake_mileage or 0,
                    fault_description=r.fault_description,
                    costlistcode=r.costlistcode,
                    total_fen=r.due_fen,
                )
                for r in rows
            ], Visibility.of(actor))

    def _validated(self, data: VehicleInput, confirmations: dict[str, str]) -> tuple[VehicleInput, str]:
        problems: list[Issue] = []
        plate_info = vin = None
        try:
            plate_info = check_plate(data.plate)
        except DomainError as e:
            problems += e.issues
        try:
            vin = validate_vin(data.vin)
        except DomainError as e:
            problems += e.issues
        if data.vehicle_type not in VEHICLE_TYPES:
            problems.append(Issue("vehicle.type_invalid", "vehicle_type", {"type": data.vehicle_type}))
        if not data.owner_name.strip():
            problems.append(Issue("input.required", "owner_name", {"label": "车主姓名"}))
        if problems:
            raise DomainError.of(problems)
        assert plate_info is not None and vin is not None
        phone = check_phone(data.owner_phone, "owner_phone")
        warnings = list(vin_issues(vin))
        colour = colour_issue(plate_info, data.plate_colour)
        if colour:
            warnings.append(colour)
        unconfirmed = [w for w in warnings if not confirmations.get(w.code, "").strip()]
        if unconfirmed:
            raise WarningsNotConfirmed(unconfirmed)
        clean = VehicleInput(
            plate=plate_info.plate,
            plate_colour=data.plate_colour,
            vin=vin,
            brand_model=data.brand_model.strip()[:60],
            engine_no=data.engine_no.strip().upper()[:40],
            vehicle_type=data.vehicle_type,
            owner_name=data.owner_name.strip()[:60],
            owner_phone=phone,
        )
        vin_warned = any(w.code == "vin.check_digit" for w in warnings)
        return clean, confirmations.get("vin.check_digit", "").strip() if vin_warned else ""

    def create(self, data: VehicleInput, confirmations: dict[str, str] | None = None) -> VehicleDetail:
        """Create a vehicle with its owner. Warnings (VIN check digit, plate colour) need a confirmation;
        the VIN one also needs a reason, kept with the vehicle."""
        actor = self._guard.require(Perm.INTAKE)
        clean, vin_reason = self._validated(data, confirmations or {})
        with writing(self._db) as s:
            if s.scalar(select(Vehicle.id).where(Vehicle.vin == clean.vin)) is not None:
                raise DomainError("vehicle.vin_exists", "vin", vin=clean.vin)
            owner = Owner(name=clean.owner_name, phone=clean.owner_phone)
            s.add(owner)
            s.flush()
            v = Vehicle(
                uuid=str(uuid.uuid4()),
                plate=clean.plate,
                plate_colour=clean.plate_colour,
                vin=clean.vin,
                brand_model=clean.brand_model,
                engine_no=clean.engine_no,
                vehicle_type=clean.vehicle_type,
                owner_id=owner.id,
                owner=owner,
                vin_check_reason=vin_reason,
                created_at=self._clock.now(),
            )
            s.add(v)
            s.flush()
            return visible.vehicle_detail(_to_detail(v), Visibility.of(actor))

    def update(
        self, vehicle_id: int, data: VehicleInput, confirmations: dict[str, str] | None = None
    ) -> VehicleDetail:
        actor = self._guard.require(Perm.INTAKE)
        clean, vin_reason = self._validated(data, confirmations or {})
        with writing(self._db) as s:
            v = s.get(Vehicle, vehicle_id)
            if v is None:
                raise DomainError("input.not_found", None, what="车辆", id=vehicle_id)
            other = s.scalar(select(Vehicle.id).where(Vehicle.vin == clean.vin, Vehicle.id != vehicle_id))
            if other is not None:
                raise DomainError("vehicle.vin_exists", "vin", vin=clean.vin)
            v.plate, v.plate_colour, v.vin = clean.plate, clean.plate_colour, clean.vin
            v.brand_model, v.engine_no, v.vehicle_type = clean.brand_model, clean.engine_no, clean.vehicle_type
            v.vin_check_reason = vin_reason
            v.owner.name, v.owner.phone = clean.owner_name, clean.owner_phone
            s.flush()
            return visible.vehicle_detail(_to_detail(v), Visibility.of(actor))
