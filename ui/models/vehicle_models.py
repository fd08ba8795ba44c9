"""Read-only table models for intake: vehicle search hits and a vehicle's last visits.

Both adapt lists of frozen service DTOs; columns are declared once with a getter and an alignment, and
the row object is available through :data:`ROW_ROLE`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from app.domain.money import format_yuan
from app.services.dto import VehicleSummary, VisitSummary
from ui.models.line_table import ROW_ROLE

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class ReadColumn(Generic[T]):
    title: str
    text: Callable[[T], str]
    numeric: bool = False


class ReadOnlyTableModel(QAbstractTableModel, Generic[T]):
    def __init__(self, columns: list[ReadColumn[T]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self._rows: list[T] = []

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, position: int) -> T:
        return self._rows[position]

    def rows(self) -> list[T]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        if role == Qt.ItemDataRole.TextAlignmentRole and self.columns[section].numeric:
            return _RIGHT
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(item)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return _RIGHT
        if role == ROW_ROLE:
            return item
        return None


def km_text(km: int | None) -> str:
    return f"{km:,}" if km is not None else ""


class VehicleResultsModel(ReadOnlyTableModel[VehicleSummary]):
    """Search hits: enough to recognise the car at a glance."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                ReadColumn(self.tr("车牌"), lambda v: v.plate),
                ReadColumn(self.tr("车主"), lambda v: f"{v.owner_name} {v.owner_phone}".strip()),
                ReadColumn(self.tr("品牌型号"), lambda v: v.brand_model),
                ReadColumn(self.tr("上次来店"), lambda v: v.last_visit.isoformat() if v.last_visit else self.tr("首次")),
                ReadColumn(self.tr("上次里程"), lambda v: km_text(v.last_mileage), numeric=True),
            ],
            parent,
        )


class VisitsModel(ReadOnlyTableModel[VisitSummary]):
    """A vehicle's last visits; an unsettled one is named, so the clerk opens it instead of a duplicate."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                ReadColumn(self.tr("日期"), lambda v: v.intake_date.isoformat()),
                ReadColumn(self.tr("里程"), lambda v: km_text(v.mileage or None), numeric=True),
                ReadColumn(self.tr("故障描述"), lambda v: v.fault_description),
                ReadColumn(self.tr("结算单号"), lambda v: v.costlistcode or self.tr("未结算")),
                ReadColumn(self.tr("金额"), lambda v: format_yuan(v.total_fen), numeric=True),
            ],
            parent,
        )
