"""Steps of a dialog shown one at a time, the dialog taking the size of the step on screen.

Why not ``QStackedWidget``: its height-for-width is the largest of *all* pages (Qt ignores the pages'
size policies there), so a short login step with word-wrapped text sits in a dialog as tall as the
longest step, its rows pulled apart. Hidden widgets take no room in a box layout, so only the current
step counts.
"""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget


class StepStack(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._steps: list[QWidget] = []
        self._current = -1
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def addWidget(self, step: QWidget) -> int:  # the QStackedWidget spelling
        self._steps.append(step)
        self._layout.addWidget(step)
        if self._current < 0:
            self._current = 0
        else:
            step.hide()
        return len(self._steps) - 1

    def count(self) -> int:
        return len(self._steps)

    def widget(self, index: int) -> QWidget:
        return self._steps[index]

    def currentIndex(self) -> int:
        return self._current

    def setCurrentIndex(self, index: int) -> None:
        self._current = index
        for i, step in enumerate(self._steps):
            step.setVisible(i == index)
