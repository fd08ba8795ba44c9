"""Small pieces every counter form needs: Enter moves on, text is cleaned as it is typed, and domain
issues appear under the field they belong to (red for errors, amber for warnings), never as a storm of
message boxes."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QEvent, QObject, Qt, QTime
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget

from app.domain.clock import SHOP_TZ
from app.domain.errors import DomainError, Issue
from app.i18n import render_issue
from ui.errors import message_for

ERROR_COLOUR = "#c62828"
WARNING_COLOUR = "#9a5b00"  # dark amber: readable on white, distinct from the error red
WARNING_BACKGROUND = "#fff4e0"


class EnterAdvances(QObject):
    """Event filter: Return/Enter in a field moves focus to the next one, as on the paper form; on a
    button it presses the button, so a form can be filled and submitted without the mouse.

    A completer popup sees the key first (it is its own window), so choosing a suggestion with Enter still
    works. Ctrl+Enter is left alone for shortcuts.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
            and isinstance(watched, QWidget)
        ):
            if isinstance(watched, QAbstractButton):
                watched.click()
            else:
                watched.focusNextChild()
            return True
        return False


def install_enter_advances(owner: QObject, widgets: Iterable[QWidget]) -> EnterAdvances:
    """Install one shared :class:`EnterAdvances` filter (parented to ``owner``) on ``widgets``."""
    advancer = EnterAdvances(owner)
    for widget in widgets:
        widget.installEventFilter(advancer)
    return advancer


def clean_as_typed(edit: QLineEdit, normalise: Callable[[str], str]) -> None:
    """Rewrite the text with ``normalise`` on every keystroke, keeping the cursor where the user typed.

    Only user edits are touched (``textEdited``), so programmatic ``setText`` stays exact.
    """

    def _on_edited(text: str) -> None:
        cleaned = normalise(text)
        if cleaned == text:
            return
        cursor = len(normalise(text[: edit.cursorPosition()]))
        edit.setText(cleaned)
        edit.setCursorPosition(min(cursor, len(cleaned)))

    edit.textEdited.connect(_on_edited)


class FieldMessage(QLabel):
    """The line under a field: red for an error, amber (with a sign, not colour alone) for a warning.

    Hidden while empty so a clean form stays compact.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()
        self.kind = ""

    def show_error(self, text: str) -> None:
        self._show(text, f"color: {ERROR_COLOUR};", "error")

    def show_warning(self, text: str) -> None:
        sign = QCoreApplication.translate("FieldMessage", "⚠ 提醒：")
        self._show(sign + text, f"color: {WARNING_COLOUR}; background: {WARNING_BACKGROUND};", "warning")

    def _show(self, text: str, style: str, kind: str) -> None:
        self.setStyleSheet(style)
        self.setText(text)
        self.kind = kind
        self.show()

    def clear_message(self) -> None:
        self.clear()
        self.kind = ""
        self.hide()


class FormFeedback:
    """Routes domain issues to the :class:`FieldMessage` of their field, the rest to a general line.

    Several issue fields may share one message (``intake_date`` and ``settle_date`` both belong under the
    date field), so a field can be registered under more than one name.
    """

    def __init__(self, general: FieldMessage) -> None:
        self._general = general
        self._fields: dict[str, FieldMessage] = {}

    def register(self, message: FieldMessage, *names: str) -> FieldMessage:
        for name in names:
            self._fields[name] = message
        return message

    def message(self, name: str) -> FieldMessage:
        return self._fields.get(name, self._general)

    def clear(self) -> None:
        for message in {*self._fields.values(), self._general}:
            message.clear_message()

    def show_issues(self, issues: Iterable[Issue]) -> None:
        """Errors first; several issues on one field are joined so none is lost."""
        grouped: dict[FieldMessage, list[Issue]] = {}
        for issue in issues:
            grouped.setdefault(self.message(issue.field or ""), []).append(issue)
        for target, items in grouped.items():
            text = "\n".join(render_issue(i) for i in items)
            if any(i.blocking for i in items):
                target.show_error(text)
            else:
                target.show_warning(text)

    def show_exception(self, exc: BaseException) -> None:
        """A domain error goes to its fields; anything else is a general, translated message."""
        if isinstance(exc, DomainError):
            self.show_issues(exc.issues)
            return
        self._general.show_error(message_for(exc))

    def has_errors(self) -> bool:
        return any(m.kind == "error" for m in {*self._fields.values(), self._general})


def to_shop_qdatetime(moment: datetime) -> QDateTime:
    """A UTC moment as the shop's wall-clock time (Asia/Shanghai), whatever the PC's time zone is."""
    local = moment.astimezone(SHOP_TZ)
    return QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute, local.second))


def from_shop_qdatetime(value: QDateTime) -> datetime:
    """The shop wall-clock time in a date-time field as a UTC-aware moment for the services."""
    d, t = value.date(), value.time()
    local = datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), t.second(), tzinfo=SHOP_TZ)
    return local.astimezone(UTC)


def scaled_font(widget: QWidget, factor: float, bold: bool = False) -> QFont:
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    return font


def right_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return label
