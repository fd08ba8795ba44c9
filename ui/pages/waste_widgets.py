"""Small pieces of the waste screens: kind icons drawn from a Chinese character (no emoji font needed,
so they render wherever Chinese does), the numeric keypad for greasy fingers, and number formatting."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QEvent, QObject, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QWidget

TOUCH = 52  # px: above the 48 px minimum of ux.md, for gloves and greasy fingers
ICON_GLYPHS = {  # icon key from the data file → (character, colour)
    "oil": ("油", "#6d4c41"), "filter": ("滤", "#8d6e63"), "rag": ("布", "#a1887f"), "can": ("桶", "#546e7a"),
    "battery": ("电", "#c62828"), "catalyst": ("催", "#f9a825"), "paint": ("漆", "#6a1b9a"),
    "solvent": ("溶", "#00838f"), "carbon": ("炭", "#37474f"), "sludge": ("泥", "#4e342e"),
    "brake": ("棉", "#757575"), "lamp": ("灯", "#0277bd"), "board": ("板", "#2e7d32"), "tyre": ("胎", "#212121"),
    "steel": ("钢", "#455a64"), "custom": ("自", "#00695c"),
}  # fmt: skip


def kind_icon(icon: str, size: int = 64) -> QIcon:
    glyph, colour = ICON_GLYPHS.get(icon, ("废", "#607d8b"))
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(colour))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRoundedRect(QRectF(2, 2, size - 4, size - 4), size / 5, size / 5)
    font = QFont()
    font.setPixelSize(int(size * 0.55))
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, glyph)
    painter.end()
    return QIcon(pixmap)


def fmt_qty(value: Decimal | None) -> str:
    if value is None:
        return ""
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def parse_qty(text: str) -> Decimal | None:
    try:
        value = Decimal(text.strip().replace("，", ".").replace(",", "."))
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


class Keypad(QWidget):
    """Digits, point and backspace into whichever of the attached fields last had focus."""

    pressed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._target: QLineEdit | None = None
        grid = QGridLayout(self)
        grid.setSpacing(4)
        grid.setContentsMargins(0, 0, 0, 0)
        keys = ["7", "8", "9", "4", "5", "6", "1", "2", "3", ".", "0", "⌫"]
        self.buttons: dict[str, QPushButton] = {}
        for i, key in enumerate(keys):
            button = QPushButton(key)
            button.setMinimumSize(QSize(TOUCH + 12, TOUCH - 2))
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the field keeps the focus
            button.setStyleSheet("font-size: 20pt;")
            button.clicked.connect(lambda _c=False, k=key: self._on_key_clicked(k))
            grid.addWidget(button, i // 3, i % 3)
            self.buttons[key] = button

    def attach(self, *edits: QLineEdit) -> None:
        for edit in edits:
            edit.installEventFilter(self)
        self._target = edits[0] if edits else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(watched, QLineEdit) and event.type() == QEvent.Type.FocusIn:
            self._target = watched
        return False

    def target(self) -> QLineEdit | None:
        return self._target

    def _on_key_clicked(self, key: str) -> None:
        edit = self._target
        if edit is None:
            return
        if key == "⌫":
            edit.backspace()
        elif key != "." or "." not in edit.text():
            edit.insert(key)
        self.pressed.emit(key)
