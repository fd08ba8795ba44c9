"""设置 › 电子健康档案: province profile, enterprise code, password (to the OS keyring only), 测试连接.

The keyring check runs when the page is built: without a secure keyring the password field is disabled
and the page says plainly that Banshou will not store the password elsewhere (design practice 9).
测试连接 and 保存 run off the GUI thread (the test makes an HTTP call; saving talks to the keyring).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.domain.clock import to_local
from app.domain.errors import DomainError
from app.ehr.connection import EhrSettings, check_connection, configure, load_settings
from app.ehr.results import ConnectionResult
from app.i18n import render, render_error
from app.security.credentials import CredentialStore
from ui.tasks import run_in_background

PROFILES = (("sandbox", "培训模式（本机模拟服务器）"), ("variant-a", "省级系统 · A 型接口（上海、浙江、湖南等）"),
            ("variant-b", "省级系统 · B 型接口（四川成都）"), ("variant-c", "省级系统 · C 型接口（广东佛山）"))  # fmt: skip


class EhrSettingsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        title = QLabel(self.tr("电子健康档案连接"))
        title.setStyleSheet("font-size: 20px; font-weight: bold;")
        outer.addWidget(title)
        hint = QLabel(self.tr("结算后的维修记录会自动上传到这里选择的省级系统。未设置正式省份前，扳手处于培训模式，"
                              "记录只上传到本机的模拟服务器。"))  # fmt: skip
        hint.setWordWrap(True)
        outer.addWidget(hint)
        self.keyring_label = QLabel()
        self.keyring_label.setWordWrap(True)
        self.keyring_label.setStyleSheet("color: #b71c1c; background: #ffebee; padding: 6px; border-radius: 4px;")
        self.keyring_label.hide()
        outer.addWidget(self.keyring_label)
        form = QFormLayout()
        self.profile_combo = QComboBox()
        for name, label in PROFILES:
            self.profile_combo.addItem(self.tr(label), name)
        self.base_url_edit = QLineEdit()
        self.base_url_edit.setPlaceholderText(self.tr("省级系统地址，如 https://…（以所在省的接入指南为准）"))
        self.company_code_edit = QLineEdit()
        self.company_code_edit.setPlaceholderText(self.tr("15 位企业编码（companycode）"))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("留空则保持已保存的密码"))
        form.addRow(self.tr("省份配置"), self.profile_combo)
        form.addRow(self.tr("接口地址"), self.base_url_edit)
        form.addRow(self.tr("企业编码"), self.company_code_edit)
        form.addRow(self.tr("密码"), self.password_edit)
        outer.addLayout(form)
        buttons = QHBoxLayout()
        self.test_button = QPushButton(self.tr("测试连接"))
        self.save_button = QPushButton(self.tr("保存"))
        self.save_button.setDefault(True)
        buttons.addWidget(self.test_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        outer.addLayout(buttons)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        outer.addWidget(self.result_label)
        outer.addStretch(1)


class EhrSettingsPage(QWidget):
    settings_saved = Signal()  # the sync worker rebuilds its engine

    def __init__(self, ctx: AppContext, credentials: CredentialStore | None = None,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._ctx = ctx
        self._credentials = credentials or CredentialStore()
        self.view = EhrSettingsView(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.view.profile_combo.currentIndexChanged.connect(self._on_profile_combo_currentIndexChanged)
        self.view.test_button.clicked.connect(self._on_test_button_clicked)
        self.view.save_button.clicked.connect(self._on_save_button_clicked)
        self._secure = self._credentials.is_secure()
        if not self._secure:
            self.view.keyring_label.setText(render("secrets.no_keyring"))
            self.view.keyring_label.show()
        self.load()

    def load(self) -> None:
        settings = load_settings(self._ctx.db)
        shop = self._ctx.shop.get()
        index = self.view.profile_combo.findData(settings.profile or "sandbox")
        self.view.profile_combo.setCurrentIndex(max(index, 0))
        self.view.base_url_edit.setText(settings.base_url or "")
        self.view.company_code_edit.setText(shop.company_code if shop else "")
        self._on_profile_combo_currentIndexChanged(self.view.profile_combo.currentIndex())

    def _settings(self) -> EhrSettings:
        name = self.view.profile_combo.currentData()
        url = self.view.base_url_edit.text().strip() or None
        return EhrSettings(None if name == "sandbox" and not url else name, url if name != "sandbox" else None)

    def _on_profile_combo_currentIndexChanged(self, _index: int) -> None:
        real = self.view.profile_combo.currentData() != "sandbox"
        self.view.base_url_edit.setEnabled(real)
        self.view.password_edit.setEnabled(real and self._secure)

    def _on_test_button_clicked(self) -> None:
        settings, code = self._settings(), self.view.company_code_edit.text().strip()
        typed = self.view.password_edit.text()
        ctx, credentials = self._ctx, self._credentials

        def test() -> ConnectionResult:
            profile = settings.resolve()
            password = typed or credentials.get_password(code) or ""
            return check_connection(profile, code, password, ctx)

        self.view.test_button.setEnabled(False)
        self.view.result_label.setText(self.tr("正在连接……"))
        run_in_background(self, test, self._on_tested, self._on_failed)

    def _on_tested(self, result: ConnectionResult) -> None:
        self.view.test_button.setEnabled(True)
        if result.ok:
            text = render("ehr.connection.ok")
            if result.server_time is not None:
                drift = abs((result.server_time - self._ctx.clock.now()).total_seconds())
                text += self.tr("（服务器时间 {0}）").format(to_local(result.server_time).strftime("%H:%M:%S"))
                if drift > 300:
                    text += self.tr(" 本机时钟与服务器相差 {0} 分钟，请校准电脑时间。").format(int(drift // 60))
        else:
            text = render(result.message_code, {"code": result.code or "", "status": result.status or "",
                                                "http_status": result.http_status or 0, "label": "",
                                                "seconds": 0})  # fmt: skip
        self.view.result_label.setStyleSheet("color: #2e7d32;" if result.ok else "color: #c62828;")
        self.view.result_label.setText(text)

    def _on_failed(self, exc: BaseException) -> None:
        self.view.test_button.setEnabled(True)
        self.view.save_button.setEnabled(True)
        self.view.result_label.setStyleSheet("color: #c62828;")
        self.view.result_label.setText(render_error(exc) if isinstance(exc, DomainError) else str(exc))

    def _on_save_button_clicked(self) -> None:
        settings, code = self._settings(), self.view.company_code_edit.text().strip()
        password = self.view.password_edit.text() or None
        ctx, credentials = self._ctx, self._credentials
        self.view.save_button.setEnabled(False)
        run_in_background(self, lambda: configure(ctx, credentials, settings, company_code=code, password=password),
                          self._on_saved, self._on_failed)  # fmt: skip

    def _on_saved(self, _profile: object) -> None:
        self.view.save_button.setEnabled(True)
        self.view.password_edit.clear()
        self.view.result_label.setStyleSheet("color: #2e7d32;")
        self.view.result_label.setText(self.tr("已保存。"))
        self.settings_saved.emit()
