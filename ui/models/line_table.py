"""The editable table model behind the three line tables of a work order (工时, 材料, 其他费用); the
concrete tables are in :mod:`ui.models.line_models`.

Rows are small mutable records while the clerk types; :meth:`LineTableModel.lines` turns them into the
service DTOs, and the same DTOs feed :func:`app.services.billing.totals` for the live totals, so screen,
database and paper agree to the fen. Text that does not parse (``abc`` hours, a negative price) is kept
as typed, shown red with the reason, and blocks saving, so nothing the clerk typed silently disappears.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from app.domain.errors import DomainError, Issue
from app.domain.money import format_yuan, parse_yuan
from app.i18n import render_error, render_issue

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
"""Custom role exposing the row record of an index (Vorta's pattern)."""

_ERROR_BRUSH = QBrush(QColor("#fdecea"))
_PLACEHOLDER_BRUSH = QBrush(QColor("#8a8a8a"))
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

Index = QModelIndex | QPersistentModelIndex


class Kind(Enum):
    TEXT = "text"
    COMPLETED_TEXT = "completed_text"  # free text with autocomplete; choosing fills the row
    HOURS = "hours"
    QUANTITY = "quantity"
    MONEY = "money"
    OPTIONAL_MONEY = "optional_money"
    AMOUNT = "amount"  # computed, read-only
    CHOICE = "choice"  # stored value is an id or code, shown by its label
    CHECK = "check"


NUMERIC = frozenset({Kind.HOURS, Kind.QUANTITY, Kind.MONEY, Kind.OPTIONAL_MONEY, Kind.AMOUNT})


@dataclass(frozen=True)
class Column:
    key: str  # attribute of the row record
    title: str
    kind: Kind
    tooltip: str = ""


@dataclass
class EditableRow:
    """Typed values plus what could not be parsed: attribute → (text as typed, message)."""

    errors: dict[str, tuple[str, str]] = field(default_factory=dict)
    issue: str = ""  # a problem the service reported for the whole row


R = TypeVar("R", bound=EditableRow)


def parse_decimal(text: str) -> Decimal | None:
    """'1.5', '１．５', ' 2 ' → Decimal; '' → None; anything else raises ``ValueError``."""
    cleaned = unicodedata.normalize("NFKC", text).strip().replace("，", ",")
    if not cleaned:
        return None
    if not _NUMBER.fullmatch(cleaned):
        raise ValueError(cleaned)
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(cleaned) from None


def format_decimal(value: Decimal | None, places: int) -> str:
    """At least ``places`` decimals, but never hide extra ones the user typed (the service reports them)."""
    if value is None:
        return ""
    exponent = value.as_tuple().exponent
    shown = max(places, -exponent if isinstance(exponent, int) and exponent < 0 else 0)
    return f"{value:.{shown}f}"


class LineTableModel(QAbstractTableModel, Generic[R]):
    """Shared editing, parsing, error marking and DTO conversion; subclasses give columns and rows."""

    lines_changed = Signal()
    issue_field = ""  # the DomainError field of this table: "labour", "parts" or "fees"

    def __init__(self, columns: list[Column], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self._rows: list[R] = []
        self._read_only = False

    # -- to be provided by subclasses -------------------------------------------------------------------
    def new_row(self) -> R:
        raise NotImplementedError

    def is_blank(self, row: R) -> bool:
        raise NotImplementedError

    def to_line(self, row: R) -> Any:
        raise NotImplementedError

    def from_line(self, line: Any) -> R:
        raise NotImplementedError

    def amount_fen(self, row: R) -> int:
        return 0

    def choices(self, key: str) -> list[tuple[str, object]]:
        return []

    def completions(self, key: str) -> list[str]:
        return []

    def apply_suggestion(self, row: R, key: str, text: str) -> None:
        """Fill usual values after ``key`` was set to ``text`` (autocomplete choice)."""

    def placeholder(self, row: R, key: str) -> str:
        return ""

    # -- rows -------------------------------------------------------------------------------------------
    def column_index(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == key)

    def row_records(self) -> list[R]:
        return list(self._rows)

    def set_lines(self, lines: Any) -> None:
        self.beginResetModel()
        self._rows = [self.from_line(line) for line in lines]
        self.endResetModel()
        self.lines_changed.emit()

    def lines(self) -> list[Any]:
        """Every row as a DTO; unparsed or empty numbers count as 0 (used for the live totals too)."""
        return [self.to_line(row) for row in self._rows]

    def add_row(self) -> int:
        position = len(self._rows)
        self.beginInsertRows(QModelIndex(), position, position)
        self._rows.append(self.new_row())
        self.endInsertRows()
        self.lines_changed.emit()
        return position

    def remove_rows(self, rows: list[int]) -> None:
        for position in sorted(set(rows), reverse=True):
            if 0 <= position < len(self._rows):
                self.beginRemoveRows(QModelIndex(), position, position)
                del self._rows[position]
                self.endRemoveRows()
        self.lines_changed.emit()

    def drop_blank_rows(self) -> None:
        """Rows added but never filled are noise, not lines; drop them before saving."""
        self.remove_rows([i for i, row in enumerate(self._rows) if self.is_blank(row) and not row.errors])

    def set_read_only(self, read_only: bool) -> None:
        if read_only != self._read_only:
            self._read_only = read_only
            self._refresh_all()  # the views re-read the flags

    def is_read_only(self) -> bool:
        return self._read_only

    # -- errors -----------------------------------------------------------------------------------------
    def cell_errors(self) -> list[str]:
        """One sentence per unparsed cell, naming the table row and column."""
        out = []
        for number, row in enumerate(self._rows, start=1):
            for key, (_text, message) in row.errors.items():
                title = next(c.title for c in self.columns if c.key == key)
                out.append(self.tr("第 {0} 行“{1}”：{2}").format(number, title, message))
        return out

    def mark_issues(self, issues: list[Issue]) -> None:
        """Colour the rows a service error names (params ``row``, 1-based) and keep its sentence as tooltip."""
        for row in self._rows:
            row.issue = ""
        for issue in issues:
            number = issue.params.get("row")
            if issue.field == self.issue_field and isinstance(number, int) and 0 < number <= len(self._rows):
                row = self._rows[number - 1]
                row.issue = "\n".join(filter(None, [row.issue, render_issue(issue)]))
        self._refresh_all()

    def _refresh_all(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.columns) - 1))

    # -- Qt model API -----------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Vertical:
            return section + 1 if role == Qt.ItemDataRole.DisplayRole else None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind in NUMERIC:
            return _RIGHT
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        kind = self.columns[index.column()].kind
        if self._read_only or kind == Kind.AMOUNT:
            return base
        if kind == Kind.CHECK:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == ROW_ROLE:
            return row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(row, column, role)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind in NUMERIC:
            return _RIGHT
        if role == Qt.ItemDataRole.CheckStateRole and column.kind == Kind.CHECK:
            return Qt.CheckState.Checked if getattr(row, column.key) else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.BackgroundRole and (column.key in row.errors or row.issue):
            return _ERROR_BRUSH
        if role == Qt.ItemDataRole.ForegroundRole and self._shows_placeholder(row, column):
            return _PLACEHOLDER_BRUSH
        if role == Qt.ItemDataRole.ToolTipRole:
            message = row.errors.get(column.key, ("", ""))[1]
            return "\n".join(filter(None, [message, row.issue])) or column.tooltip or None
        return None

    def _shows_placeholder(self, row: R, column: Column) -> bool:
        return column.kind == Kind.TEXT and not getattr(row, column.key) and bool(self.placeholder(row, column.key))

    def _text(self, row: R, column: Column, role: int) -> Any:
        if column.key in row.errors:
            return row.errors[column.key][0]
        if column.kind == Kind.AMOUNT:
            return format_yuan(self.amount_fen(row))
        value = getattr(row, column.key)
        if column.kind == Kind.CHOICE:
            if role == Qt.ItemDataRole.EditRole:
                return value
            return next((label for label, v in self.choices(column.key) if v == value), "")
        if column.kind == Kind.CHECK:
            return None
        if column.kind in (Kind.MONEY, Kind.OPTIONAL_MONEY):
            if value is None:
                return ""
            return format_yuan(value) if role == Qt.ItemDataRole.DisplayRole else f"{value / 100:.2f}"
        if column.kind == Kind.HOURS:
            return format_decimal(value, 1)
        if column.kind == Kind.QUANTITY:
            return format_decimal(value, 2)
        if not value and role == Qt.ItemDataRole.DisplayRole:
            return self.placeholder(row, column.key)
        return value

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or self._read_only:
            return False
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if column.kind == Kind.CHECK and role == Qt.ItemDataRole.CheckStateRole:
            setattr(row, column.key, Qt.CheckState(value) == Qt.CheckState.Checked)
        elif role != Qt.ItemDataRole.EditRole or column.kind in (Kind.AMOUNT, Kind.CHECK):
            return False
        elif column.kind == Kind.CHOICE:
            setattr(row, column.key, value)
        elif column.kind in (Kind.TEXT, Kind.COMPLETED_TEXT):
            text = str(value or "").strip()
            setattr(row, column.key, text)
            if column.kind == Kind.COMPLETED_TEXT and text:
                self.apply_suggestion(row, column.key, text)
        else:
            self._set_number(row, column, str(value or ""))
        row.issue = ""
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), len(self.columns) - 1))
        self.lines_changed.emit()
        return True

    def _set_number(self, row: R, column: Column, text: str) -> None:
        row.errors.pop(column.key, None)
        try:
            if column.kind in (Kind.MONEY, Kind.OPTIONAL_MONEY):
                value: Any = parse_yuan(text) if text.strip() else None
            else:
                value = parse_decimal(text)
        except DomainError as exc:
            row.errors[column.key] = (text, render_error(exc))
            return
        except ValueError:
            row.errors[column.key] = (text, self.tr("请填写数字，例如 1.5"))
            return
        setattr(row, column.key, value)


def value_or(row: EditableRow, key: str, zero: Any) -> Any:
    """The typed value for totals and saving: an unparsed or empty cell counts as ``zero``."""
    value = getattr(row, key)
    return zero if key in row.errors or value is None else value
