"""The three line tables of a work order — 工时 (labour), 材料 (parts), 其他费用 (fees) — and their live
totals, computed by :func:`app.services.billing.totals` exactly as the service will compute them."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QObject, Qt

from app.domain.workorder import PART_CATEGORIES, label
from app.i18n import language
from app.services import billing
from app.services.dto import FeeLine, LabourLine, PartLine, StaffMember, Totals
from ui.models.catalogue import LabourSuggestion, PartSuggestion, Suggestions
from ui.models.line_table import Column, EditableRow, Kind, LineTableModel, value_or

DEFAULT_PART_CATEGORY = "brand"
_ZERO = Decimal(0)


@dataclass
class LabourRow(EditableRow):
    item: str = ""
    hours: Decimal | None = None
    rate_fen: int | None = None
    technician_id: int | None = None
    note: str = ""


@dataclass
class PartRow(EditableRow):
    name: str = ""
    part_code: str = ""
    brand: str = ""
    category: str = DEFAULT_PART_CATEGORY
    quantity: Decimal | None = None
    unit: str = ""
    unit_price_fen: int | None = None
    customer_supplied: bool = False
    cost_price_fen: int | None = None


@dataclass
class FeeRow(EditableRow):
    name: str = ""
    amount_fen: int | None = None


class LabourModel(LineTableModel[LabourRow]):
    """工时: item (autocomplete fills usual hours), hours, rate per hour, amount, technician."""

    issue_field = "labour"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column("item", self.tr("维修项目"), Kind.COMPLETED_TEXT, self.tr("输入关键字选择常用项目，自动带出工时")),
                Column("hours", self.tr("工时"), Kind.HOURS, self.tr("结算工时，最多 1 位小数")),
                Column("rate_fen", self.tr("单价(元/工时)"), Kind.MONEY),
                Column("amount", self.tr("金额(元)"), Kind.AMOUNT),
                Column("technician_id", self.tr("维修技师"), Kind.CHOICE),
            ],
            parent,
        )
        self.default_rate_fen = 0
        self._technicians: list[tuple[str, object]] = []
        self.suggestions: Suggestions[LabourSuggestion] = Suggestions()

    def set_technicians(self, staff: list[StaffMember], known: dict[int, str] | None = None) -> None:
        """Active technicians, plus names already on the order (a technician who has since left)."""
        names = {s.id: s.name for s in staff} | (known or {})
        self._technicians = [(self.tr("（未指定）"), None), *((n, i) for i, n in names.items())]
        self._refresh_all()

    def choices(self, key: str) -> list[tuple[str, object]]:
        return self._technicians

    def completions(self, key: str) -> list[str]:
        return self.suggestions.names()

    def new_row(self) -> LabourRow:
        return LabourRow(rate_fen=self.default_rate_fen)

    def is_blank(self, row: LabourRow) -> bool:
        return not row.item and row.hours is None

    def apply_suggestion(self, row: LabourRow, key: str, text: str) -> None:
        found = self.suggestions.find(text)
        if found is None:
            return
        if row.hours is None and "hours" not in row.errors:
            row.hours = found.hours
        if found.rate_fen is not None and row.rate_fen in (None, self.default_rate_fen):
            row.rate_fen = found.rate_fen

    def amount_fen(self, row: LabourRow) -> int:
        return billing.labour_amount(value_or(row, "hours", _ZERO), value_or(row, "rate_fen", 0))

    def to_line(self, row: LabourRow) -> LabourLine:
        return LabourLine(
            item=row.item,
            hours=value_or(row, "hours", _ZERO),
            rate_fen=value_or(row, "rate_fen", 0),
            technician_id=row.technician_id,
            note=row.note,
        )

    def from_line(self, line: Any) -> LabourRow:
        return LabourRow(
            item=line.item, hours=line.hours, rate_fen=line.rate_fen, technician_id=line.technician_id, note=line.note
        )


class PartModel(LineTableModel[PartRow]):
    """材料: name (autocomplete fills unit and a mid price), code (empty → shop SKU), category, qty, price."""

    issue_field = "parts"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column("name", self.tr("材料名称"), Kind.COMPLETED_TEXT, self.tr("输入关键字选择常用材料，自动带出单位和参考价")),
                Column("part_code", self.tr("配件编码"), Kind.TEXT, self.tr("原厂或品牌编码；不填则自动生成本店编码")),
                Column("brand", self.tr("品牌"), Kind.TEXT),
                Column("category", self.tr("配件类型"), Kind.CHOICE),
                Column("quantity", self.tr("数量"), Kind.QUANTITY, self.tr("大于 0，最多 2 位小数")),
                Column("unit", self.tr("单位"), Kind.TEXT),
                Column("unit_price_fen", self.tr("单价(元)"), Kind.MONEY),
                Column("amount", self.tr("金额(元)"), Kind.AMOUNT),
                Column("customer_supplied", self.tr("自备"), Kind.CHECK, self.tr("托修方自备配件")),
                Column("cost_price_fen", self.tr("成本价"), Kind.OPTIONAL_MONEY, self.tr("选填，仅本店可见，不打印")),
            ],
            parent,
        )
        lang = language()
        self._categories: list[tuple[str, object]] = [(label(PART_CATEGORIES, c, lang), c) for c in PART_CATEGORIES]
        self.suggestions: Suggestions[PartSuggestion] = Suggestions()

    def choices(self, key: str) -> list[tuple[str, object]]:
        return self._categories

    def completions(self, key: str) -> list[str]:
        return self.suggestions.names()

    def placeholder(self, row: PartRow, key: str) -> str:
        return self.tr("（自动编号）") if key == "part_code" and row.name else ""

    def new_row(self) -> PartRow:
        """Same category as the row above: a job's parts usually come from one supplier."""
        rows = self.row_records()
        category = rows[-1].category if rows else DEFAULT_PART_CATEGORY
        return PartRow(category=category, quantity=Decimal("1"))

    def is_blank(self, row: PartRow) -> bool:
        return not row.name and not row.part_code and row.unit_price_fen is None

    def setData(self, index: Any, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if index.isValid() and self.columns[index.column()].key == "part_code" and billing.is_placeholder_code(
            str(value or "")
        ):
            value = ""  # '无', 'N/A', '-' mean "no code": the shop SKU is assigned instead
        return super().setData(index, value, role)

    def apply_suggestion(self, row: PartRow, key: str, text: str) -> None:
        found = self.suggestions.find(text)
        if found is None:
            return
        row.unit = row.unit or found.unit
        if row.unit_price_fen is None and "unit_price_fen" not in row.errors:
            row.unit_price_fen = found.price_fen
        row.part_code = row.part_code or found.part_code
        row.brand = row.brand or found.brand
        if found.category in PART_CATEGORIES:
            row.category = found.category

    def amount_fen(self, row: PartRow) -> int:
        return billing.part_amount(value_or(row, "quantity", _ZERO), value_or(row, "unit_price_fen", 0))

    def to_line(self, row: PartRow) -> PartLine:
        return PartLine(
            name=row.name,
            quantity=value_or(row, "quantity", _ZERO),
            unit=row.unit,
            unit_price_fen=value_or(row, "unit_price_fen", 0),
            category=row.category,
            part_code=row.part_code,
            brand=row.brand,
            customer_supplied=row.customer_supplied,
            cost_price_fen=None if "cost_price_fen" in row.errors else row.cost_price_fen,
        )

    def from_line(self, line: Any) -> PartRow:
        return PartRow(
            name=line.name,
            part_code=line.part_code,
            brand=line.brand,
            category=line.category,
            quantity=line.quantity,
            unit=line.unit,
            unit_price_fen=line.unit_price_fen,
            customer_supplied=line.customer_supplied,
            cost_price_fen=line.cost_price_fen,
        )


class FeeModel(LineTableModel[FeeRow]):
    """其他费用: name and amount (检测费, 拖车费 …)."""

    issue_field = "fees"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [Column("name", self.tr("项目"), Kind.TEXT), Column("amount_fen", self.tr("金额(元)"), Kind.MONEY)],
            parent,
        )

    def new_row(self) -> FeeRow:
        return FeeRow()

    def is_blank(self, row: FeeRow) -> bool:
        return not row.name and row.amount_fen is None

    def to_line(self, row: FeeRow) -> FeeLine:
        return FeeLine(name=row.name, amount_fen=value_or(row, "amount_fen", 0))

    def from_line(self, line: Any) -> FeeRow:
        return FeeRow(name=line.name, amount_fen=line.amount_fen)


def live_totals(labour: LabourModel, parts: PartModel, fees: FeeModel, discount_fen: int = 0) -> Totals:
    """The totals the service will store for these rows, to the fen."""
    return billing.totals(labour.lines(), parts.lines(), fees.lines(), discount_fen)


def line_models(parent: QObject | None = None) -> tuple[LabourModel, PartModel, FeeModel]:
    return LabourModel(parent), PartModel(parent), FeeModel(parent)
