"""Suspected-defect reports (缺陷线索): a technician flags, from a work order, a suspected quality defect of
the vehicle or of a part, for the manufacturer and the market regulator (缺陷汽车产品召回管理条例).

VIN, plate, model and mileage are taken from the order (snapshots), never typed again. Photos are *copied*
into the data folder (``缺陷照片/<case>/``): a path into the technician's phone folder or a USB stick would
be gone by the time the report is sent, and the data folder is what backups carry.

The hint: the same component failing on several vehicles of the same model within a year is exactly what
a regulator wants to hear about, and what one technician cannot see from one car; :meth:`frequent` finds it.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.domain.clock import Clock, local_date
from app.domain.errors import DomainError, Issue
from app.owner_services.export import Sheet, workbook
from app.owner_services.records import record_mileage, usable_order
from app.security.guard import Guard
from app.security.permissions import Perm
from app.security.privacy import ExportGate, mask_phones_in
from app.services.mapping import order_no
from app.services.storage import reading, writing
from localdb.engine import Database
from localdb.owner_services_models import DefectCase, DefectPhoto

PHOTO_FOLDER = "缺陷照片"
PHOTO_TYPES = frozenset({".jpg", ".jpeg", ".png", ".bmp"})
MAX_PHOTO_MB = 20
HINT_MIN_VEHICLES = 3
HINT_WINDOW_DAYS = 365


@dataclass(frozen=True)
class DefectInput:
    work_order_id: int
    component: str
    symptom: str
    description: str = ""
    technician: str = ""
    photos: tuple[Path, ...] = ()


@dataclass(frozen=True)
class DefectView:
    id: int
    work_order_id: int
    order_no: str
    vin: str
    plate: str
    brand_model: str
    mileage: int | None
    occurred_on: date
    component: str
    symptom: str
    description: str
    technician: str
    photos: tuple[Path, ...]  # absolute paths inside the data folder
    created_at: datetime
    similar: int = 0  # other cases of this model and component (any time)


@dataclass(frozen=True)
class FrequentHint:
    """同车型、同部件、多车: a pattern worth reporting to the manufacturer and the regulator."""

    brand_model: str
    component: str
    vehicles: int
    cases: int
    first_on: date
    last_on: date


def component_key(text: str) -> str:
    """Components typed by different people compare equal: no spaces, case-insensitive."""
    return re.sub(r"\s+", "", text).casefold()


def _safe_name(name: str) -> str:
    return re.sub(r'[<>:"/\\|?*\x00-\x1f\s]+', "_", name)[-80:]


def _check(data: DefectInput) -> list[Path]:
    problems: list[Issue] = []
    if not data.component.strip():
        problems.append(Issue("defect.component_required", "component"))
    if not data.symptom.strip():
        problems.append(Issue("defect.symptom_required", "symptom"))
    if len(data.symptom.strip()) > 200:
        problems.append(Issue("input.too_long", "symptom", {"label": "故障现象", "max": 200}))
    photos = []
    for path in data.photos:
        p = Path(path)
        if not p.is_file():
            problems.append(Issue("defect.photo_missing", "photos", {"path": str(p)}))
        elif p.suffix.lower() not in PHOTO_TYPES:
            problems.append(Issue("defect.photo_type", "photos", {"name": p.name}))
        elif p.stat().st_size > MAX_PHOTO_MB * 1024 * 1024:
            problems.append(Issue("defect.photo_too_large", "photos", {"name": p.name, "max_mb": MAX_PHOTO_MB}))
        else:
            photos.append(p)
    if problems:
        raise DomainError.of(problems)
    return photos


def _scrubbed(c: DefectView) -> DefectView:
    """A case as masked exports show it: no owner fields exist, but the free texts may hold a phone number."""
    return replace(c, symptom=mask_phones_in(c.symptom), description=mask_phones_in(c.description))


class DefectService:
    """The technician who finds a suspected defect flags it from the order (``WORK``); the case list, the
    hint and the reports are customer care (``CUSTOMER_CARE``), and their files exports (``EXPORT``)."""

    def __init__(self, db: Database, clock: Clock, data_root: Path, guard: Guard, exports: ExportGate) -> None:
        self._db = db
        self._clock = clock
        self._root = data_root
        self._guard = guard
        self._exports = exports

    def flag(self, data: DefectInput) -> DefectView:
        """Record a case from a work order, copying its photos in; all or nothing."""
        self._guard.require(Perm.WORK)
        photos = _check(data)
        folder: Path | None = None
        try:
            with writing(self._db) as s:
                wo = usable_order(s, data.work_order_id)
                case = DefectCase(
                    work_order_id=wo.id, vehicle_id=wo.vehicle_id, vin=wo.vin, plate=wo.plate,
                    brand_model=wo.vehicle.brand_model, mileage=record_mileage(wo),
                    occurred_on=local_date(wo.intake_at), component=data.component.strip()[:60],
                    symptom=data.symptom.strip(), description=data.description.strip(),
                    technician=data.technician.strip()[:40], created_at=self._clock.now(),
                )
                s.add(case)
                s.flush()
                folder = self._root / PHOTO_FOLDER / f"{case.id:06d}"
                for seq, src in enumerate(photos, start=1):
                    target = folder / f"{seq:02d}_{_safe_name(src.name)}"
                    try:
                        folder.mkdir(parents=True, exist_ok=True)
                        shutil.copyfile(src, target)
                    except OSError as exc:
                        raise DomainError("defect.photo_copy_failed", "photos", reason=str(exc)) from exc
                    digest = hashlib.sha256(target.read_bytes()).hexdigest()
                    case.photos.append(DefectPhoto(seq=seq, stored_path=target.relative_to(self._root).as_posix(),
                                                   original_name=src.name[:200], sha256=digest))  # fmt: skip
                s.flush()
                case_id = case.id
        except Exception:
            if folder is not None:
                shutil.rmtree(folder, ignore_errors=True)  # nothing of a rolled-back case stays behind
            raise
        return next(c for c in self._cases() if c.id == case_id)

    def get(self, case_id: int) -> DefectView:
        self._guard.require(Perm.CUSTOMER_CARE)
        return next(c for c in self._cases() if c.id == case_id)

    def list(self, date_from: date | None = None, date_to: date | None = None) -> list[DefectView]:
        """Cases newest first; ``similar`` counts the other cases of the same model and component."""
        self._guard.require(Perm.CUSTOMER_CARE)
        return self._cases(date_from, date_to)

    def _cases(self, date_from: date | None = None, date_to: date | None = None) -> list[DefectView]:
        with reading(self._db) as s:
            rows = s.scalars(
                select(DefectCase).options(selectinload(DefectCase.photos)).order_by(DefectCase.id.desc())
            ).all()
            counts: dict[tuple[str, str], int] = defaultdict(int)
            for c in rows:
                counts[(c.brand_model, component_key(c.component))] += 1
            out = []
            for c in rows:
                if (date_from and c.occurred_on < date_from) or (date_to and c.occurred_on > date_to):
                    continue
                out.append(
                    DefectView(
                        c.id, c.work_order_id, order_no(c.work_order_id), c.vin, c.plate, c.brand_model, c.mileage,
                        c.occurred_on, c.component, c.symptom, c.description, c.technician,
                        tuple(self._root / p.stored_path for p in c.photos), c.created_at,
                        counts[(c.brand_model, component_key(c.component))] - 1,
                    )
                )
            return out

    def frequent(
        self, today: date | None = None, min_vehicles: int = HINT_MIN_VEHICLES, window_days: int = HINT_WINDOW_DAYS
    ) -> list[FrequentHint]:
        """Same model, same component, at least ``min_vehicles`` vehicles within the window; most first."""
        self._guard.require(Perm.CUSTOMER_CARE)
        today = today or local_date(self._clock.now())
        since = today - timedelta(days=window_days)
        groups: dict[tuple[str, str], list[DefectView]] = defaultdict(list)
        for c in self._cases(date_from=since, date_to=today):
            groups[(c.brand_model, component_key(c.component))].append(c)
        hints = [
            FrequentHint(cases[0].brand_model, cases[-1].component, len({c.vin for c in cases}), len(cases),
                         min(c.occurred_on for c in cases), max(c.occurred_on for c in cases))
            for cases in groups.values()
            if len({c.vin for c in cases}) >= min_vehicles
        ]
        return sorted(hints, key=lambda h: (-h.vehicles, -h.cases, h.brand_model))

    def export_excel(self, cases: list[DefectView], shop_name: str, period: str, *, unmasked: bool = False) -> bytes:
        """:func:`export_xlsx` for the manufacturer or the regulator; phone numbers typed into the texts are
        masked unless ``unmasked``."""
        rows = cases if unmasked else [_scrubbed(c) for c in cases]
        return self._exports.export("defects_excel", lambda: export_xlsx(rows, shop_name, period), unmasked=unmasked,
                                    entity="defect_cases", rows=len(rows))  # fmt: skip

    def export_pdf(self, cases: list[DefectView], shop_name: str, period: str, *, unmasked: bool = False) -> bytes:
        """The report with photos and the frequent-failure hints (:mod:`app.reports.defect_report`)."""
        from app.reports.defect_report import render_defect_report  # it imports this module

        rows = cases if unmasked else [_scrubbed(c) for c in cases]
        return self._exports.export(
            "defects_pdf", lambda: render_defect_report(rows, self.frequent(), shop_name, period),
            unmasked=unmasked, entity="defect_cases", rows=len(rows),
        )


COLUMNS = (
    ("编号", 6), ("发现日期", 11), ("品牌型号", 14), ("车辆识别代码(VIN)", 20), ("车牌号码", 10),
    ("行驶里程(km)", 11), ("故障部件", 14), ("故障现象", 24), ("技术描述", 36), ("技师", 8),
    ("照片", 8), ("工单号", 11), ("同型同部件其他案例", 10),
)


def export_xlsx(cases: list[DefectView], shop_name: str, period: str) -> bytes:
    """The case list as a workbook for the manufacturer's quality department or the regulator."""
    rows = [
        [c.id, c.occurred_on.isoformat(), c.brand_model, c.vin, c.plate, c.mileage, c.component, c.symptom,
         c.description, c.technician, len(c.photos), c.order_no, c.similar]
        for c in cases
    ]
    return workbook(
        Sheet("缺陷线索", "机动车疑似缺陷线索汇总", f"报告单位：{shop_name}　期间：{period}　共 {len(cases)} 例",
              [t for t, _ in COLUMNS], [w for _, w in COLUMNS], rows)
    )
