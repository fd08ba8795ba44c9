"""Column layouts shared by the Excel and the PDF ledger reports, so the two never drift apart.

The ledger columns follow HJ 1259-2022 Appendix B; both names of the waste are printed (the shop's own
and the 名录 name), as the standard asks. A value is a ``str`` or a ``Decimal`` (Excel keeps numbers as
numbers; the PDF formats them).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from app.domain.clock import to_local
from app.waste.dto import EntryView
from app.waste.report_data import BalanceRow, DeclarationRow

Value = str | Decimal


@dataclass(frozen=True)
class Col:
    title: str
    weight: float
    value: Callable[[object], Value]
    align: str = "left"


def _e(fn: Callable[[EntryView], Value]) -> Callable[[object], Value]:
    return fn  # type: ignore[return-value]


def _time(e: EntryView) -> str:
    return to_local(e.occurred_at).strftime("%Y-%m-%d %H:%M")


def _batch(e: EntryView) -> str:
    return e.batch_code + (f"\n冲正 {e.reverses}：{e.reason}" if e.reverses else "")


_NAMES = [
    Col("废物名称（本单位）", 9, _e(lambda e: e.shop_name)),
    Col("名录名称", 16, _e(lambda e: e.list_name)),
    Col("类别", 5, _e(lambda e: e.category)),
    Col("代码", 8, _e(lambda e: e.code)),
]
_AMOUNT = [
    Col("数量", 6, _e(lambda e: e.quantity), "right"),
    Col("单位", 4, _e(lambda e: e.unit), "center"),
    Col("重量(kg)", 7, _e(lambda e: e.weight_kg), "right"),
]
_CONTAINER = [
    Col("容器编码", 7, _e(lambda e: e.container_code)),
    Col("容器类型", 8, _e(lambda e: e.container_type)),
]

LEDGER_COLUMNS: dict[str, list[Col]] = {
    "generation": [Col("产生批次编码", 13, _e(_batch)), Col("产生时间", 10, _e(_time)), *_NAMES, *_AMOUNT, *_CONTAINER,
                   Col("产生设施编码", 7, _e(lambda e: e.facility_code)), Col("经办人", 5, _e(lambda e: e.handled_by)),
                   Col("去向", 6, _e(lambda e: e.destination))],
    "storage_in": [Col("入库批次编码", 13, _e(_batch)), Col("入库时间", 10, _e(_time)), *_CONTAINER, *_NAMES, *_AMOUNT,
                   Col("贮存设施编码", 7, _e(lambda e: e.facility_code)), Col("经办人", 5, _e(lambda e: e.handled_by)),
                   Col("产生批次编码", 13, _e(lambda e: "\n".join(e.sources)))],
    "storage_out": [Col("出库批次编码", 13, _e(_batch)), Col("出库时间", 10, _e(_time)), *_CONTAINER, *_NAMES, *_AMOUNT,
                    Col("经办人", 5, _e(lambda e: e.handled_by)), Col("去向", 12, _e(lambda e: e.destination)),
                    Col("入库批次编码", 13, _e(lambda e: "\n".join(e.sources)))],
    "entrusted": [Col("委外批次编码", 13, _e(_batch)), Col("出厂时间", 10, _e(_time)), *_CONTAINER, *_NAMES, *_AMOUNT,
                  Col("利用/处置", 5, _e(lambda e: "利用" if e.stage.endswith("LY") else "处置")),
                  Col("接收单位及许可证", 14, _e(lambda e: e.destination)),
                  Col("出库批次编码", 13, _e(lambda e: "\n".join(e.sources)))],
}  # fmt: skip


def _d(fn: Callable[[DeclarationRow], Value]) -> Callable[[object], Value]:
    return fn  # type: ignore[return-value]


DECLARATION_COLUMNS = [
    Col("类别", 5, _d(lambda r: r.category)),
    Col("代码", 8, _d(lambda r: r.code)),
    Col("废物名称", 14, _d(lambda r: r.names)),
    Col("危险特性", 5, _d(lambda r: r.hazard)),
    Col("上期末贮存(t)", 8, _d(lambda r: r.opening_t), "right"),
    Col("本期产生(t)", 8, _d(lambda r: r.generated_t), "right"),
    Col("本期委外(t)", 8, _d(lambda r: r.handed_over_t), "right"),
    Col("本期末贮存(t)", 8, _d(lambda r: r.closing_t), "right"),
    Col("接收单位", 20, _d(lambda r: r.receivers)),
]
DECLARATION_TOTALS = (4, 5, 6, 7)  # the tonne columns summed in the total row


def _b(fn: Callable[[BalanceRow], Value]) -> Callable[[object], Value]:
    return fn  # type: ignore[return-value]


BALANCE_COLUMNS = [
    Col("废物", 14, _b(lambda r: r.name)),
    Col("单位", 4, _b(lambda r: r.unit), "center"),
    Col("工单应产生", 8, _b(lambda r: r.expected), "right"),
    Col("台账已登记", 8, _b(lambda r: r.ledgered), "right"),
    Col("差额", 8, _b(lambda r: r.difference), "right"),
    Col("允许偏差", 6, _b(lambda r: f"{r.tolerance * 100:.0f}%" if r.tolerance is not None else "—"), "right"),
    Col("结论", 6, _b(lambda r: "相符" if r.ok else "需核对"), "center"),
]


def fmt(value: Value) -> str:
    """Numbers without trailing zeros beyond three places (0.125, 12.5, 3)."""
    if isinstance(value, Decimal):
        text = f"{value:f}"
        if "." in text:
            head, tail = text.split(".")
            tail = tail.rstrip("0").ljust(3, "0") if len(tail.rstrip("0")) > 0 else ""
            text = f"{head}.{tail}" if tail else head
        return text
    return value


def total(values: list[Value]) -> Decimal:
    return sum((v for v in values if isinstance(v, Decimal)), Decimal(0))
