"""The plate field (车牌号码) built for a counter without an IME: home province pre-filled, a one-click grid
of province and tail characters, and the text cleaned as it is typed.

Typing 沪 or 粤 through a Chinese IME is the slowest and most error-prone part of plate entry, so the
province comes from the shop's settings or one click; letters upper-case themselves and full-width
characters, spaces, dots and hyphens disappear as typed (:func:`app.domain.plate.normalize_plate`).
The field says what kind of plate it sees and proposes a colour; the colour stays a choice, because the
clerk may know better (the service asks for a reason when colour and length disagree).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.domain.plate import CONSULATE, EMBASSY, PLATE_COLOURS, PROVINCES, TAILS, check_plate, normalize_plate
from app.i18n import language
from ui.widgets.form_helpers import clean_as_typed

_GRID_COLUMNS = 8
_HEAD_CHARS = PROVINCES + EMBASSY  # 31 + 使 = 32: four full rows of eight
_TAIL_CHARS = CONSULATE + "".join(TAILS)  # 领 挂 学 警 港 澳
YELLOW = 2


class ProvincePicker(QFrame):
    """A popup grid: one click puts a province (or 使) first, or a tail character (领/挂/学/警/港/澳) last."""

    picked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(QLabel(self.tr("省份简称"), self))
        layout.addLayout(self._grid(_HEAD_CHARS))
        layout.addWidget(QLabel(self.tr("末位字（领馆、挂车、教练车、警车、港澳车）"), self))
        layout.addLayout(self._grid(_TAIL_CHARS))
        self.buttons: dict[str, QToolButton] = {
            b.text(): b for b in self.findChildren(QToolButton)
        }

    def _grid(self, chars: str) -> QGridLayout:
        grid = QGridLayout()
        grid.setSpacing(3)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        for index, char in enumerate(chars):
            button = QToolButton(self)
            button.setText(char)
            button.setFont(font)
            button.setFixedSize(38, 34)
            button.setAutoRaise(False)
            button.clicked.connect(lambda _checked=False, c=char: self._on_char_clicked(c))
            grid.addWidget(button, index // _GRID_COLUMNS, index % _GRID_COLUMNS)
        return grid

    def _on_char_clicked(self, char: str) -> None:
        self.hide()
        self.picked.emit(char)

    def popup_below(self, anchor: QWidget) -> None:
        self.adjustSize()
        self.move(anchor.mapToGlobal(QPoint(0, anchor.height())))
        self.show()
        self.buttons[_HEAD_CHARS[0]].setFocus()


def put_char(plate: str, char: str) -> str:
    """``plate`` with ``char`` placed where it belongs: a head character replaces or precedes the first
    character, a tail character replaces an existing tail or is appended."""
    if char in _HEAD_CHARS:
        rest = plate[1:] if plate and plate[0] in _HEAD_CHARS else plate
        return char + rest
    body = plate[:-1] if plate and plate[-1] in _TAIL_CHARS else plate
    return body + char


class PlateEdit(QWidget):
    """[省▾][沪A12345][普通车牌 7位][蓝▾]: plate text, kind and a proposed, changeable plate colour."""

    plate_changed = Signal(str)
    colour_changed = Signal(int)
    editing_finished = Signal()

    def __init__(self, home_province: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._home = home_province if home_province in PROVINCES else ""
        self._large_vehicle = False
        self._proposed: int | None = None

        self.picker_button = QToolButton(self)
        self.picker_button.setText(self.tr("省▾"))
        self.picker_button.setToolTip(self.tr("选择省份简称或末位字（F4）"))
        self.picker_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.line = QLineEdit(self)
        self.line.setPlaceholderText(self.tr("如 沪A12345"))
        self.line.setToolTip(self.tr("字母自动大写，空格、点和横线自动去掉；F4 选择省份"))
        self.line.setMinimumWidth(110)
        self.kind_label = QLabel(self)
        self.kind_label.setMinimumWidth(120)
        self.colour = QComboBox(self)
        self.colour.setToolTip(self.tr("号牌颜色：按车牌位数自动建议，可以修改"))
        lang = language()
        for code, (zh, en) in PLATE_COLOURS.items():
            self.colour.addItem(en if lang == "en" else zh, code)
        self.picker = ProvincePicker(self)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.picker_button)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.kind_label)
        layout.addWidget(self.colour)
        self.setFocusProxy(self.line)
        QWidget.setTabOrder(self.line, self.colour)

        clean_as_typed(self.line, normalize_plate)
        self.picker_button.clicked.connect(self._on_picker_button_clicked)
        self.picker.picked.connect(self._on_picker_picked)
        self.line.textChanged.connect(self._on_line_text_changed)
        self.line.editingFinished.connect(self.editing_finished)
        self.colour.activated.connect(self._on_colour_activated)
        for keys in ("F4", "Alt+Down"):
            shortcut = QShortcut(QKeySequence(keys), self.line)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self._on_picker_button_clicked)
        self.reset()

    # -- public API -------------------------------------------------------------------------------------
    def plate(self) -> str:
        return normalize_plate(self.line.text())

    def set_plate(self, text: str) -> None:
        self.line.setText(normalize_plate(text))
        self.line.setCursorPosition(len(self.line.text()))

    def plate_colour(self) -> int:
        return int(self.colour.currentData())

    def set_plate_colour(self, code: int) -> None:
        index = self.colour.findData(code)
        if index >= 0:
            self.colour.setCurrentIndex(index)

    def set_home_province(self, province: str) -> None:
        """Adopt the shop's province; an untouched field (empty or only the old province) follows it."""
        old = self._home
        self._home = province if province in PROVINCES else ""
        if self.line.text() in ("", old):
            self.reset()

    def set_large_vehicle(self, large: bool) -> None:
        """Large vehicles (trucks, buses) carry yellow ordinary plates; re-propose the colour."""
        self._large_vehicle = large
        self._proposed = None
        self._update_assessment(self.plate())

    def reset(self) -> None:
        """Back to the home province only, ready for the next car."""
        self._proposed = None
        self.set_plate(self._home)
        self.set_plate_colour(1)

    def problem(self) -> DomainError | None:
        """The plate error to show under the field, or ``None`` when the plate is well-formed."""
        try:
            check_plate(self.plate())
        except DomainError as exc:
            return exc
        return None

    # -- slots ------------------------------------------------------------------------------------------
    def _on_picker_button_clicked(self) -> None:
        self.picker.popup_below(self.line)

    def _on_picker_picked(self, char: str) -> None:
        self.set_plate(put_char(self.plate(), char))
        self.line.setFocus(Qt.FocusReason.OtherFocusReason)
        self.plate_changed.emit(self.plate())

    def _on_line_text_changed(self, text: str) -> None:
        self._update_assessment(normalize_plate(text))
        self.plate_changed.emit(normalize_plate(text))

    def _on_colour_activated(self, _index: int) -> None:
        self.colour_changed.emit(self.plate_colour())

    # -- helpers ----------------------------------------------------------------------------------------
    def _update_assessment(self, plate: str) -> None:
        try:
            info = check_plate(plate)
        except DomainError:
            missing = 7 - len(plate)
            if len(plate) < 7:
                self.kind_label.setText(self.tr("还差 {0} 位").format(missing))
            else:
                self.kind_label.setText(self.tr("格式待核对"))
            self.kind_label.setStyleSheet("color: #666;")
            return
        self.kind_label.setText(self._kind_text(info.kind))
        self.kind_label.setStyleSheet("color: #1b5e20;")
        proposed = info.proposed_colour
        if info.kind == "ordinary" and self._large_vehicle:
            proposed = YELLOW
        if proposed != self._proposed:  # a new kind of plate: propose again; otherwise keep the user's choice
            self._proposed = proposed
            self.set_plate_colour(proposed)
            self.colour_changed.emit(proposed)

    def _kind_text(self, kind: str) -> str:
        texts = {
            "ordinary": self.tr("普通车牌 · 7位"),
            "nev_small": self.tr("新能源 · 8位（小型车）"),
            "nev_large": self.tr("新能源 · 8位（大型车）"),
            "trailer": self.tr("挂车号牌"),
            "learner": self.tr("教练车号牌"),
            "police": self.tr("警用号牌"),
            "hk": self.tr("港澳入出境车（港）"),
            "macao": self.tr("港澳入出境车（澳）"),
            "embassy": self.tr("使馆号牌"),
            "consulate": self.tr("领馆号牌"),
        }
        return texts.get(kind, kind)
