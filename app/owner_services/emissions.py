"""排放性能维护（M 站）records: the repair of a vehicle that failed its emissions test (I/M programme).

The order itself is an ordinary work order (same life cycle, settlement and EHR upload); this side table
holds what the I/M loop needs: the failed test report and its failed items, the diagnosis, the repair, and
the re-test result. The emissions-station system has its own signed interface and is not integrated:
the export (Excel) is the way the data gets there.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from app.domain.clock import Clock
from app.domain.errors import DomainError, Issue
from app.owner_services.export import Sheet, workbook
from app.owner_services.records import OrderRef, order_ref, shown_ref, side_table_query, usable_order
from app.security.guard import Guard
from app.security.permissions import Actor, Perm
from app.security.privacy import ExportGate, mask_name, mask_phones_in
from app.services.storage import reading, writing
from localdb import models as m
from localdb.engine import Database
from localdb.owner_services_models import EmissionsRepair

RESULTS: dict[str, str] = {"pending": "待复检", "pass": "复检合格", "fail": "复检不合格"}
COMMON_FAILED_ITEMS = (
    "CO 超标", "HC 超标", "NOx 超标", "HC+NOx 超标", "λ（过量空气系数）超限", "光吸收系数/烟度超标",
    "OBD 故障指示灯点亮", "OBD 就绪状态未完成", "OBD 通讯失败",
)


@dataclass(frozen=True)
class EmissionsInput:
    test_report_no: str
    failed_items: tuple[str, ...]
    diagnosis: str = ""
    repair: str = ""
    retest_result: str = "pending"
    retest_report_no: str = ""
    retest_on: date | None = None


@dataclass(frozen=True)
class EmissionsRecord:
    order: OrderRef
    test_report_no: str
    failed_items: tuple[str, ...]
    diagnosis: str
    repair: str
    retest_result: str
    retest_report_no: str
    retest_on: date | None


def _check(data: EmissionsInput) -> EmissionsInput:
    problems: list[Issue] = []
    report = data.test_report_no.strip()
    items = tuple(dict.fromkeys(i.strip() for i in data.failed_items if i.strip()))
    if not report:
        problems.append(Issue("emissions.report_required", "test_report_no"))
    if not items:
        problems.append(Issue("emissions.failed_items_required", "failed_items"))
    if data.retest_result not in RESULTS:
        problems.append(Issue("emissions.result_invalid", "retest_result"))
    elif data.retest_result != "pending" and (not data.retest_report_no.strip() or data.retest_on is None):
        problems.append(Issue("emissions.retest_report_required", "retest_report_no"))
    if problems:
        raise DomainError.of(problems)
    return EmissionsInput(report[:40], items, data.diagnosis.strip(), data.repair.strip(), data.retest_result,
                          data.retest_report_no.strip()[:40], data.retest_on)  # fmt: skip


def _record(row: EmissionsRepair, wo: m.WorkOrder, actor: Actor) -> EmissionsRecord:
    return EmissionsRecord(shown_ref(order_ref(wo), actor), row.test_report_no, tuple(row.failed_items or ()),
                           row.diagnosis, row.repair, row.retest_result, row.retest_report_no, row.retest_on)  # fmt: skip


def _masked(r: EmissionsRecord) -> EmissionsRecord:
    """As masked exports show it: the owner's name, and phone numbers typed into the texts."""
    return replace(r, order=replace(r.order, owner_name=mask_name(r.order.owner_name)),
                   diagnosis=mask_phones_in(r.diagnosis), repair=mask_phones_in(r.repair))  # fmt: skip


class EmissionsService:
    """Customer care (``CUSTOMER_CARE``); the list for the emissions station is an export (``EXPORT``)."""

    def __init__(self, db: Database, clock: Clock, guard: Guard, exports: ExportGate) -> None:
        self._db = db
        self._clock = clock
        self._guard = guard
        self._exports = exports

    def save(self, work_order_id: int, data: EmissionsInput) -> EmissionsRecord:
        """Mark the order as an emissions repair, or update its record (e.g. when the re-test comes back)."""
        actor = self._guard.require(Perm.CUSTOMER_CARE)
        data = _check(data)
        with writing(self._db) as s:
            wo = usable_order(s, work_order_id)
            row = s.get(EmissionsRepair, work_order_id)
            if row is None:
                row = EmissionsRepair(work_order_id=work_order_id)
                s.add(row)
            row.test_report_no, row.failed_items = data.test_report_no, list(data.failed_items)
            row.diagnosis, row.repair, row.retest_result = data.diagnosis, data.repair, data.retest_result
            row.retest_report_no, row.retest_on = data.retest_report_no, data.retest_on
            row.updated_at = self._clock.now()
            s.flush()
            return _record(row, wo, actor)

    def get(self, work_order_id: int) -> EmissionsRecord | None:
        actor = self._guard.require(Perm.CUSTOMER_CARE)
        with reading(self._db) as s:
            row = s.get(EmissionsRepair, work_order_id)
            return _record(row, usable_order(s, work_order_id), actor) if row else None

    def remove(self, work_order_id: int) -> None:
        """The order was marked by mistake: it becomes an ordinary repair again."""
        self._guard.require(Perm.CUSTOMER_CARE)
        with writing(self._db) as s:
            row = s.get(EmissionsRepair, work_order_id)
            if row is not None:
                s.delete(row)

    def list(
        self, date_from: date | None = None, date_to: date | None = None, result: str | None = None
    ) -> list[EmissionsRecord]:
        """Records by intake date (local days, inclusive), newest first; cancelled orders are left out."""
        actor = self._guard.require(Perm.CUSTOMER_CARE)
        stmt = side_table_query(EmissionsRepair, date_from, date_to)
        if result:
            stmt = stmt.where(EmissionsRepair.retest_result == result)
        with reading(self._db) as s:
            return [_record(row, wo, actor) for row, wo in s.execute(stmt)]

    def export_excel(self, records: list[EmissionsRecord], shop_name: str, period: str, *,
                     unmasked: bool = False) -> bytes:  # fmt: skip
        """:func:`export_xlsx`, masked unless ``unmasked``."""
        rows = records if unmasked else [_masked(r) for r in records]
        return self._exports.export("emissions_excel", lambda: export_xlsx(rows, shop_name, period),
                                    unmasked=unmasked, entity="emissions_repairs", rows=len(rows))  # fmt: skip


COLUMNS = (
    ("工单号", 11), ("送修日期", 11), ("车牌号码", 10), ("车辆识别代码(VIN)", 20), ("品牌型号", 14),
    ("送修里程(km)", 10), ("检验报告编号", 18), ("不合格项目", 22), ("故障诊断", 30), ("维修措施", 30),
    ("复检结果", 10), ("复检报告编号", 18), ("复检日期", 11), ("结算清单编号", 22),
)


def export_xlsx(records: list[EmissionsRecord], shop_name: str, period: str) -> bytes:
    """The M-station list in the columns an emissions-station system or the ecology bureau asks for."""
    rows = [
        [r.order.order_no, r.order.intake_on.isoformat(), r.order.plate, r.order.vin, r.order.brand_model,
         r.order.mileage, r.test_report_no, "；".join(r.failed_items), r.diagnosis, r.repair,
         RESULTS.get(r.retest_result, r.retest_result), r.retest_report_no,
         r.retest_on.isoformat() if r.retest_on else "", r.order.costlistcode or ""]
        for r in records
    ]
    passed = sum(1 for r in records if r.retest_result == "pass")
    return workbook(
        Sheet("排放维修", "排放性能维护（维修）记录", f"维修单位：{shop_name}　期间：{period}　共 {len(records)} 辆，复检合格 {passed} 辆",
              [t for t, _ in COLUMNS], [w for _, w in COLUMNS], rows)
    )
