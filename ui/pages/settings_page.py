"""设置: the shop's registered details, the staff list, and language / font size.

Everything that touches the database runs through :func:`ui.tasks.run_in_background`, so saving never
freezes the counter. Language and font size are stored in the data folder (``app.settings``); the larger
font applies at once, the language after a restart (the page says so), because screens built by other
modules do not retranslate themselves live.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.domain.errors import DomainError
from app.i18n import render_error
from app.services.dto import ShopInfo, StaffMember
from app.settings import LANGUAGE, LARGE_FONT, SettingsStore
from ui.dialogs.shop_setup_dialog import ERROR_STYLE, HINT_STYLE, ShopForm
from ui.errors import show_error
from ui.tasks import run_in_background

STAFF_ROLE = Qt.ItemDataRole.UserRole


class SettingsView(QWidget):
    """Lays out the three groups; the shop form is built by the page (it needs the service)."""

    def __init__(self, shop_form: ShopForm, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop_form = shop_form
        self.save_shop = QPushButton(self.tr("保存企业信息"))
        self.save_shop.setShortcut(QKeySequence.StandardKey.Save)
        self.save_shop.setToolTip(self.tr("保存企业信息 (Ctrl+S)"))
        self.shop_status = QLabel()
        shop_box = QGroupBox(self.tr("维修企业信息"))
        shop_layout = QVBoxLayout(shop_box)
        shop_layout.addWidget(shop_form)
        save_row = QHBoxLayout()
        save_row.addWidget(self.shop_status, 1)
        save_row.addWidget(self.save_shop)
        shop_layout.addLayout(save_row)
        shop_layout.addStretch(1)

        self.staff_list = QListWidget()
        self.staff_list.setMinimumHeight(150)
        self.show_inactive = QCheckBox(self.tr("显示已停用的员工"))
        self.toggle_active = QPushButton(self.tr("停用"))
        self.toggle_active.setEnabled(False)
        self.staff_name = QLineEdit(maxLength=40, placeholderText=self.tr("姓名"))
        self.staff_role = QComboBox(sizeAdjustPolicy=QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.add_staff = QPushButton(self.tr("添加员工"))
        self.staff_error = QLabel(styleSheet=ERROR_STYLE, wordWrap=True, visible=False)
        staff_box = QGroupBox(self.tr("员工"))
        staff_layout = QVBoxLayout(staff_box)
        staff_layout.addWidget(self.staff_list, 1)
        list_row = QHBoxLayout()
        list_row.addWidget(self.show_inactive, 1)
        list_row.addWidget(self.toggle_active)
        staff_layout.addLayout(list_row)
        add_row = QHBoxLayout()
        add_row.addWidget(self.staff_name, 1)
        add_row.addWidget(self.staff_role)
        add_row.addWidget(self.add_staff)
        staff_layout.addLayout(add_row)
        staff_layout.addWidget(self.staff_error)
        staff_layout.addWidget(
            QLabel(self.tr("员工不会被删除，只会停用，以便历史工单保留他们的姓名。"), styleSheet=HINT_STYLE, wordWrap=True)
        )

        self.language = QComboBox()  # each language named in itself (endonyms are not translated)
        self.language.addItem("中文（简体）", "zh_CN")
        self.language.addItem("English", "en")
        self.language_hint = QLabel(self.tr("更改语言后，重新启动扳手生效。"), styleSheet=HINT_STYLE, wordWrap=True)
        self.large_font = QCheckBox(self.tr("大字体（适合老花眼，立即生效）"))
        display_box = QGroupBox(self.tr("语言与显示"))
        display_form = QFormLayout(display_box)
        display_form.addRow(self.tr("界面语言"), self.language)
        display_form.addRow("", self.language_hint)
        display_form.addRow(self.large_font)

        right = QVBoxLayout()
        right.addWidget(staff_box, 1)
        right.addWidget(display_box)
        columns = QHBoxLayout()
        columns.addWidget(shop_box, 3)
        columns.addLayout(right, 2)
        inner = QWidget()
        inner.setLayout(columns)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)


class SettingsPage(QWidget):
    """Wires the settings view to the shop, staff and settings services."""

    shop_saved = Signal(object)  # ShopInfo as stored
    large_font_changed = Signal(bool)
    language_changed = Signal(str)  # stored; takes effect after a restart

    def __init__(self, ctx: AppContext, settings: SettingsStore | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._settings = settings or SettingsStore(ctx.db, ctx.shop.get, guard=ctx.guard)
        self._role_labels = {
            "advisor": self.tr("服务顾问"),
            "technician": self.tr("维修技师"),
            "frontdesk": self.tr("前台"),
            "owner": self.tr("店主"),
        }
        self._loading = False
        self._staff_cache: list[StaffMember] = []
        self.shop_form = ShopForm(ctx.shop, self)
        self.view = SettingsView(self.shop_form, self)
        for code, text in self._role_labels.items():
            self.view.staff_role.addItem(text, code)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

        v = self.view
        v.save_shop.clicked.connect(self._on_save_shop_clicked)
        self.shop_form.saved.connect(self._on_shop_form_saved)
        self.shop_form.busy_changed.connect(self._on_shop_form_busy_changed)
        v.add_staff.clicked.connect(self._on_add_staff_clicked)
        v.staff_name.returnPressed.connect(self._on_add_staff_clicked)
        v.show_inactive.toggled.connect(self._on_show_inactive_toggled)
        v.staff_list.currentItemChanged.connect(self._on_staff_list_currentItemChanged)
        v.toggle_active.clicked.connect(self._on_toggle_active_clicked)
        v.language.currentIndexChanged.connect(self._on_language_currentIndexChanged)
        v.large_font.toggled.connect(self._on_large_font_toggled)
        self.reload()

    # -- loading -----------------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the shop, the staff and the display settings off the GUI thread, then fill the page."""
        ctx, settings = self._ctx, self._settings

        def load() -> tuple[ShopInfo | None, list[StaffMember], str, bool]:
            return ctx.shop.get(), ctx.staff.list(include_inactive=True), settings.get(LANGUAGE), settings.get(LARGE_FONT)

        run_in_background(self, load, self._on_loaded)

    def _on_loaded(self, loaded: tuple[ShopInfo | None, list[StaffMember], str, bool]) -> None:
        shop, staff, language, large = loaded
        self.shop_form.set_info(shop)
        self._show_staff(staff)
        self._loading = True  # filling the controls is not a change by the user
        self.view.language.setCurrentIndex(max(self.view.language.findData(language), 0))
        self.view.large_font.setChecked(large)
        self._loading = False

    def _reload_staff(self, select_id: int | None = None) -> None:
        run_in_background(
            self, lambda: self._ctx.staff.list(include_inactive=True), lambda rows: self._show_staff(rows, select_id)
        )

    def _show_staff(self, staff: list[StaffMember], select_id: int | None = None) -> None:
        lst = self.view.staff_list
        lst.clear()
        show_inactive = self.view.show_inactive.isChecked()
        for member in staff:
            if not member.active and not show_inactive:
                continue
            role = self._role_labels.get(member.role, member.role)
            text = f"{member.name}　·　{role}"
            if not member.active:
                text += self.tr("（已停用）")
            item = QListWidgetItem(text)
            item.setData(STAFF_ROLE, member)
            if not member.active:
                item.setForeground(Qt.GlobalColor.gray)
            lst.addItem(item)
            if member.id == select_id:
                lst.setCurrentItem(item)
        self._staff_cache = staff
        self._on_staff_list_currentItemChanged(lst.currentItem(), None)

    # -- shop --------------------------------------------------------------------------------------------
    def _on_save_shop_clicked(self) -> None:
        self.view.shop_status.clear()
        self.shop_form.submit()

    def _on_shop_form_saved(self, info: ShopInfo) -> None:
        self.view.shop_status.setStyleSheet("color: #2e7d32;")
        self.view.shop_status.setText(self.tr("✓ 已保存"))
        self.shop_saved.emit(info)

    def _on_shop_form_busy_changed(self, busy: bool) -> None:
        self.view.save_shop.setEnabled(not busy)
        if busy:
            self.view.shop_status.setStyleSheet(HINT_STYLE)
            self.view.shop_status.setText(self.tr("正在保存…"))

    # -- staff -------------------------------------------------------------------------------------------
    def _on_add_staff_clicked(self) -> None:
        name = self.view.staff_name.text()
        role = str(self.view.staff_role.currentData())
        self.view.add_staff.setEnabled(False)
        run_in_background(self, lambda: self._ctx.staff.add(name, role), self._on_staff_added, self._on_staff_failed)

    def _on_staff_added(self, member: StaffMember) -> None:
        self.view.add_staff.setEnabled(True)
        self.view.staff_name.clear()
        self.view.staff_error.setVisible(False)
        self._reload_staff(member.id)

    def _on_staff_failed(self, exc: BaseException) -> None:
        self.view.add_staff.setEnabled(True)
        self.view.toggle_active.setEnabled(self.view.staff_list.currentItem() is not None)
        if not isinstance(exc, DomainError):
            show_error(self, exc)
            return
        self.view.staff_error.setText(render_error(exc))
        self.view.staff_error.setVisible(True)

    def _on_show_inactive_toggled(self, _checked: bool) -> None:
        self._show_staff(self._staff_cache)

    def _on_staff_list_currentItemChanged(self, current: QListWidgetItem | None, _previous: object) -> None:
        member: StaffMember | None = current.data(STAFF_ROLE) if current else None
        self.view.toggle_active.setEnabled(member is not None)
        self.view.toggle_active.setText(self.tr("停用") if member is None or member.active else self.tr("重新启用"))

    def _on_toggle_active_clicked(self) -> None:
        item = self.view.staff_list.currentItem()
        if item is None:
            return
        member: StaffMember = item.data(STAFF_ROLE)
        self.view.toggle_active.setEnabled(False)
        run_in_background(
            self,
            lambda: self._ctx.staff.set_active(member.id, not member.active),
            lambda changed: self._reload_staff(changed.id),
            self._on_staff_failed,
        )

    # -- language and font -------------------------------------------------------------------------------
    def _on_language_currentIndexChanged(self, _index: int) -> None:
        if self._loading:
            return
        language = str(self.view.language.currentData())
        run_in_background(self, lambda: self._settings.set(LANGUAGE, language), lambda _r: self.language_changed.emit(language))

    def _on_large_font_toggled(self, checked: bool) -> None:
        if self._loading:
            return
        self.large_font_changed.emit(checked)
        run_in_background(self, lambda: self._settings.set(LARGE_FONT, checked))
