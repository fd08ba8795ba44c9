"""提醒规则: the shop's maintenance rules (months and/or km, whichever first; keywords that recognise the
work in labour items). Edited rarely, so a dialog rather than a screen."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.owner_services.reminders import Rule, RuleInput
from ui.dialogs.owner_common import fill_rows, read_only_table
from ui.errors import message_for


class ReminderRulesDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("保养提醒规则"))
        self.resize(760, 480)
        self._ctx = ctx
        self._rules: list[Rule] = []
        self.table = read_only_table([self.tr("项目"), self.tr("间隔(月)"), self.tr("间隔(公里)"), self.tr("关键词"),
                                      self.tr("启用")], stretch=3)  # fmt: skip
        self.name = QLineEdit()
        self.months = QSpinBox(minimum=0, maximum=120, specialValueText=self.tr("不按时间"))
        self.km = QSpinBox(minimum=0, maximum=300000, singleStep=1000, specialValueText=self.tr("不按里程"))
        self.keywords = QLineEdit()
        self.keywords.setPlaceholderText(self.tr("用逗号分隔，例如：机油, 机滤"))
        self.active = QCheckBox(self.tr("启用"))
        self.active.setChecked(True)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        self.new_button = QPushButton(self.tr("新建"))
        self.save_button = QPushButton(self.tr("保存规则"))
        self.defaults_button = QPushButton(self.tr("添加常用规则"))
        form = QFormLayout()
        form.addRow(self.tr("提醒项目"), self.name)
        form.addRow(self.tr("每隔（月）"), self.months)
        form.addRow(self.tr("或每隔（公里）"), self.km)
        form.addRow(self.tr("识别关键词"), self.keywords)
        form.addRow("", self.active)
        hint = QLabel(self.tr("两个间隔都填时，以先到者为准。结算了含关键词的维修项目后，提醒自动从那次重新计算。"))
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        for b in (self.defaults_button, self.new_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.table.itemSelectionChanged.connect(self._on_table_itemSelectionChanged)
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.defaults_button.clicked.connect(self._on_defaults_button_clicked)
        self._reload()

    def _reload(self) -> None:
        """Rules are a handful of rows: read on the GUI thread, like a settings form."""
        self._rules = self._ctx.owner.reminders.rules()
        fill_rows(self.table, [[r.name, str(r.interval_months or "—"), f"{r.interval_km:,}" if r.interval_km else "—",
                                "、".join(r.keywords), "是" if r.active else "否"] for r in self._rules])  # fmt: skip

    def _selected(self) -> Rule | None:
        row = self.table.currentRow()
        return self._rules[row] if 0 <= row < len(self._rules) else None

    def _on_table_itemSelectionChanged(self) -> None:
        r = self._selected()
        if r is None:
            return
        self.name.setText(r.name)
        self.months.setValue(r.interval_months or 0)
        self.km.setValue(r.interval_km or 0)
        self.keywords.setText(", ".join(r.keywords))
        self.active.setChecked(r.active)

    def _on_new_button_clicked(self) -> None:
        self.table.clearSelection()
        self.table.setCurrentCell(-1, -1)
        for w in (self.name, self.keywords):
            w.clear()
        self.months.setValue(0)
        self.km.setValue(0)
        self.name.setFocus()

    def _on_save_button_clicked(self) -> None:
        words = tuple(w.strip() for w in self.keywords.text().replace("，", ",").replace("、", ",").split(","))
        rule = RuleInput(self.name.text(), self.months.value() or None, self.km.value() or None, words,
                         self.active.isChecked())  # fmt: skip
        current = self._selected()
        try:
            self._ctx.owner.reminders.save_rule(rule, current.id if current else None)
        except Exception as exc:  # shown under the form; the typed values stay
            self.error.setText(message_for(exc))
            return
        self.error.clear()
        self._reload()

    def _on_defaults_button_clicked(self) -> None:
        self._ctx.owner.reminders.add_default_rules()
        self._reload()
