"""The vehicle's repair history at this shop, in two forms, with a verification code.

- ``full``: for the owner: everything, with the owner's name and phone.
- ``deidentified``: for a used-car buyer or an export certificate, by the rules of
  :mod:`app.owner_services.deidentify`; the document states what was removed.

The verification code is a hash of a *canonical text* of the content (one field per line, in a fixed
order), not of the PDF bytes: the same history gives the same code whatever the PDF library or font
version, and a code can be re-checked against data years later. The code (the first 64 bits of the
SHA-256, shown as ``XXXX-XXXX-XXXX-XXXX``) is stored locally with a summary and the canonical text, so when
someone calls with a code, the shop sees exactly what it issued and can compare it with the paper.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.clock import Clock, local_date
from app.domain.errors import DomainError
from app.owner_services import deidentify as di
from app.owner_services.records import record_mileage, settled_orders
from app.security.guard import Guard
from app.security.permissions import Perm
from app.security.privacy import ExportGate, masked
from app.services.storage import reading, writing
from localdb import models as m
from localdb.engine import Database
from localdb.owner_services_models import HistoryIssue

FULL, DEIDENTIFIED = "full", "deidentified"
FORMS = (FULL, DEIDENTIFIED)
CANONICAL_VERSION = "BANSHOU-HISTORY 1"
CODE_LENGTH = 16


@dataclass(frozen=True)
class HistoryPart:
    name: str
    category: str  # PartCategory code (app.domain.workorder.PART_CATEGORIES)
    quantity: Decimal
    unit: str


@dataclass(frozen=True)
class HistoryVisit:
    costlistcode: str
    intake_on: date
    settled_on: date
    mileage: int | None
    repair_category: str
    fault: str
    work: tuple[str, ...]
    parts: tuple[HistoryPart, ...]


@dataclass(frozen=True)
class VehicleHistory:
    """What one history document says. Empty owner fields in the de-identified form."""

    form: str
    issued_on: date
    shop_name: str
    shop_credit_code: str
    shop_phone: str
    vehicle_id: int
    plate: str  # masked in the de-identified form unless the owner consented
    vin: str
    brand_model: str
    vehicle_type: str
    owner_name: str
    owner_phone: str
    visits: tuple[HistoryVisit, ...]
    removed: tuple[str, ...] = ()  # codes of app.owner_services.deidentify.REMOVED_*


@dataclass(frozen=True)
class IssuedHistory:
    history: VehicleHistory
    code: str  # grouped for reading aloud: "1A2B-3C4D-5E6F-7081"
    digest: str


@dataclass(frozen=True)
class Verification:
    """What the shop stored when it issued a code: shown when someone presents a document."""

    code: str
    form: str
    issued_at: datetime
    plate: str
    vin: str
    brand_model: str
    visits: int
    first_on: date | None
    last_on: date | None
    last_mileage: int | None
    list_numbers: tuple[str, ...]
    canonical_text: str


# ------------------------------------------------------------------------------------- canonical text


def _field(value: object) -> str:
    """One field on one line: no line breaks and no separators inside a value."""
    text = "" if value is None else str(value)
    return re.sub(r"[\r\n]+", " ", text).replace("|", "¦").strip()


def canonical_text(h: VehicleHistory) -> str:
    """The content of a history as text, one fact per line, in a fixed order (what the code hashes)."""
    lines = [
        CANONICAL_VERSION,
        f"form|{h.form}",
        f"issued|{h.issued_on.isoformat()}",
        f"shop|{_field(h.shop_credit_code)}|{_field(h.shop_name)}",
        f"vehicle|{_field(h.plate)}|{_field(h.vin)}|{_field(h.brand_model)}|{_field(h.vehicle_type)}",
        f"owner|{_field(h.owner_name)}|{_field(h.owner_phone)}",
        f"removed|{','.join(h.removed)}",
    ]
    for v in h.visits:
        lines.append(
            f"visit|{_field(v.costlistcode)}|{v.intake_on.isoformat()}|{v.settled_on.isoformat()}|"
            f"{_field(v.mileage)}|{_field(v.repair_category)}|{_field(v.fault)}"
        )
        lines += [f"work|{_field(w)}" for w in v.work]
        lines += [f"part|{_field(p.name)}|{_field(p.category)}|{p.quantity}|{_field(p.unit)}" for p in v.parts]
    return "\n".join(lines) + "\n"


def digest_of(h: VehicleHistory) -> str:
    return hashlib.sha256(canonical_text(h).encode("utf-8")).hexdigest()


def group_code(code: str) -> str:
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def normalize_code(text: str) -> str:
    """What a person typed or read over the phone → the stored form (O→0, I/L→1, separators dropped)."""
    raw = re.sub(r"[\s\-_.·—]", "", text).upper().translate(str.maketrans("OIL", "011"))
    if not re.fullmatch(rf"[0-9A-F]{{{CODE_LENGTH}}}", raw):
        raise DomainError("history.code_format", "code", length=CODE_LENGTH)
    return raw


# -------------------------------------------------------------------------------------------- service


def _visit(wo: m.WorkOrder) -> HistoryVisit:
    assert wo.settled_at is not None and wo.costlistcode is not None
    return HistoryVisit(
        costlistcode=wo.costlistcode,
        intake_on=local_date(wo.intake_at),
        settled_on=local_date(wo.settled_at),
        mileage=record_mileage(wo),
        repair_category=wo.repair_category,
        fault=wo.fault_description,
        work=tuple(line.item for line in wo.labour_lines),
        parts=tuple(HistoryPart(p.name, p.category, p.quantity, p.unit) for p in wo.part_lines),
    )


def _deidentify(h: VehicleHistory, names: set[str], plate_consent: bool) -> VehicleHistory:
    def clean(text: str) -> str:
        return di.scrub(text, names)

    visits = tuple(
        replace(
            v,
            fault=clean(v.fault),
            work=tuple(clean(w) for w in v.work),
            parts=tuple(replace(p, name=clean(p.name)) for p in v.parts),
        )
        for v in h.visits
    )
    removed = [di.REMOVED_OWNER_NAME, di.REMOVED_OWNER_PHONE]
    if not plate_consent:
        removed.append(di.REMOVED_PLATE)
    removed.append(di.REMOVED_FREE_TEXT)
    return replace(
        h,
        plate=h.plate if plate_consent else di.mask_plate(h.plate),
        owner_name="",
        owner_phone="",
        visits=visits,
        removed=tuple(removed),
    )


def _summary(h: VehicleHistory) -> dict[str, object]:
    last = h.visits[-1] if h.visits else None
    return {
        "plate": h.plate,
        "vin": h.vin,
        "brand_model": h.brand_model,
        "visits": len(h.visits),
        "first_on": h.visits[0].settled_on.isoformat() if h.visits else None,
        "last_on": last.settled_on.isoformat() if last else None,
        "last_mileage": last.mileage if last else None,
        "list_numbers": [v.costlistcode for v in h.visits],
    }


class HistoryService:
    """Printing a history is ``PRINT``; the full form names the owner, so issuing it is the explicit
    "unmasked" choice of an export (it needs ``VIEW_CONTACTS`` and is recorded as such), while the
    de-identified form is the masked one. Checking a presented code is customer service."""

    def __init__(self, db: Database, clock: Clock, guard: Guard, exports: ExportGate) -> None:
        self._db = db
        self._clock = clock
        self._guard = guard
        self._exports = exports

    def build(self, vehicle_id: int, form: str = FULL, *, plate_consent: bool = False) -> VehicleHistory:
        """The history as it would be printed today (nothing stored; for the preview on screen); the
        owner's name and phone masked for a role that may not see them."""
        actor = self._guard.require(Perm.PRINT)
        if form not in FORMS:
            raise DomainError("history.form_invalid", "form", form=form)
        with reading(self._db) as s:
            history = self._build(s, vehicle_id, form, plate_consent)
        if actor.may(Perm.VIEW_CONTACTS):
            return history
        return masked(history, names=("owner_name",), phones=("owner_phone",))

    def _build(self, s: Session, vehicle_id: int, form: str, plate_consent: bool) -> VehicleHistory:
        vehicle = s.get(m.Vehicle, vehicle_id)
        if vehicle is None:
            raise DomainError("input.not_found", None, what="车辆", id=vehicle_id)
        shop = s.get(m.Shop, 1)
        if shop is None:
            raise DomainError("settle.shop_not_configured", None)
        orders = settled_orders(s, vehicle_id)
        full = VehicleHistory(
            form=FULL,
            issued_on=local_date(self._clock.now()),
            shop_name=shop.name,
            shop_credit_code=shop.credit_code,
            shop_phone=shop.phone,
            vehicle_id=vehicle.id,
            plate=vehicle.plate,
            vin=vehicle.vin,
            brand_model=vehicle.brand_model,
            vehicle_type=vehicle.vehicle_type,
            owner_name=vehicle.owner.name,
            owner_phone=vehicle.owner.phone,
            visits=tuple(_visit(wo) for wo in orders),
        )
        if form == FULL:
            return full
        names = {vehicle.owner.name} | {n for wo in orders for n in (wo.owner_name, wo.bringer_name)}
        return replace(_deidentify(full, names, plate_consent), form=DEIDENTIFIED)

    def issue(self, vehicle_id: int, form: str = FULL, *, plate_consent: bool = False) -> IssuedHistory:
        """Build the history and record its code. Issuing the same content twice gives the same code."""
        if form not in FORMS:
            raise DomainError("history.form_invalid", "form", form=form)
        return self._exports.export("vehicle_history", lambda: self._issue(vehicle_id, form, plate_consent),
                                    unmasked=form == FULL, perm=Perm.PRINT, entity="vehicles",
                                    entity_id=str(vehicle_id))  # fmt: skip

    def _issue(self, vehicle_id: int, form: str, plate_consent: bool) -> IssuedHistory:
        with writing(self._db) as s:
            history = self._build(s, vehicle_id, form, plate_consent)
            if not history.visits:
                raise DomainError("history.no_visits", None, plate=history.plate)
            digest = digest_of(history)
            code = digest[:CODE_LENGTH].upper()
            if s.scalar(select(HistoryIssue.id).where(HistoryIssue.code == code)) is None:
                s.add(
                    HistoryIssue(
                        code=code,
                        digest=digest,
                        vehicle_id=vehicle_id,
                        form=form,
                        canonical_text=canonical_text(history),
                        summary=_summary(history),
                        issued_at=self._clock.now(),
                    )
                )
        return IssuedHistory(history, group_code(code), digest)

    def verify(self, code_text: str) -> Verification:
        """What the shop issued under this code; ``history.code_unknown`` if it never issued it."""
        self._guard.require(Perm.CUSTOMER_CARE)
        code = normalize_code(code_text)
        with reading(self._db) as s:
            row = s.scalar(select(HistoryIssue).where(HistoryIssue.code == code))
            if row is None:
                raise DomainError("history.code_unknown", "code", number=group_code(code))
            sm = row.summary
            return Verification(
                code=group_code(row.code),
                form=row.form,
                issued_at=row.issued_at,
                plate=str(sm.get("plate", "")),
                vin=str(sm.get("vin", "")),
                brand_model=str(sm.get("brand_model", "")),
                visits=int(sm.get("visits", 0)),  # type: ignore[call-overload]
                first_on=date.fromisoformat(str(sm["first_on"])) if sm.get("first_on") else None,
                last_on=date.fromisoformat(str(sm["last_on"])) if sm.get("last_on") else None,
                last_mileage=int(sm["last_mileage"]) if sm.get("last_mileage") is not None else None,  # type: ignore[call-overload]
                list_numbers=tuple(str(x) for x in sm.get("list_numbers", [])),  # type: ignore[attr-defined]
                canonical_text=row.canonical_text,
            )

    def matches(self, code_text: str, history: VehicleHistory) -> bool:
        """Whether ``history`` (the content of a presented document) is exactly what was issued as ``code``."""
        self._guard.require(Perm.CUSTOMER_CARE)
        code = normalize_code(code_text)
        with reading(self._db) as s:
            stored = s.scalar(select(HistoryIssue.digest).where(HistoryIssue.code == code))
        return stored is not None and stored == digest_of(history)
