"""Settings: the shop's details (checked, saved off-thread), staff, language and font size; first start."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit
from pytestqt.qtbot import QtBot

from app.context import AppContext
from app.settings import LANGUAGE, LARGE_FONT, SettingsStore
from tests.conftest import CREDIT_CODE, SHOP
from tests.ui.conftest import WAIT_MS
from ui.dialogs.shop_setup_dialog import ShopForm, ShopSetupDialog
from ui.pages.settings_page import STAFF_ROLE, SettingsPage


def _page(qtbot: QtBot, ctx: AppContext) -> SettingsPage:
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitUntil(lambda: page.shop_form.view.name.text() == SHOP.name, timeout=WAIT_MS)
    return page


def _staff_names(page: SettingsPage) -> list[str]:
    lst = page.view.staff_list
    return [lst.item(i).data(STAFF_ROLE).name for i in range(lst.count())]


def _type(qtbot: QtBot, widget: QLineEdit, text: str) -> None:
    """Replace the field's text as a person would: keys for ASCII, an IME commit for Chinese."""
    widget.setFocus()
    widget.selectAll()
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    commit = QInputMethodEvent()
    commit.setCommitString(text)
    QApplication.sendEvent(widget, commit)


def test_shows_the_stored_details(qtbot: QtBot, ctx: AppContext) -> None:
    page = _page(qtbot, ctx)
    v = page.shop_form.view
    assert v.credit_code.text() == CREDIT_CODE
    assert v.list_prefix.text() == "SH01"
    assert v.home_province.currentText() == "沪"
    assert v.labour_rate.value() == 100.0
    assert "SH01-" in v.prefix_example.text()
    assert sorted(_staff_names(page)) == sorted(["王丽", "李强"])


def test_edit_and_save_shop_details(qtbot: QtBot, ctx: AppContext) -> None:
    page = _page(qtbot, ctx)
    v = page.shop_form.view
    _type(qtbot, v.name, "上海扳手汽车服务有限公司")
    _type(qtbot, v.phone, "021-66667777")
    v.home_province.setCurrentIndex(v.home_province.findData("苏"))
    v.labour_rate.setValue(120.5)
    with qtbot.waitSignal(page.shop_saved, timeout=WAIT_MS) as saved:
        qtbot.mouseClick(page.view.save_shop, Qt.MouseButton.LeftButton)
    stored = ctx.shop.get()
    assert stored is not None and saved.args == [stored]
    assert (stored.name, stored.phone, stored.home_province) == ("上海扳手汽车服务有限公司", "021-66667777", "苏")
    assert stored.labour_rate_fen == 12050
    assert stored.credit_code == CREDIT_CODE
    assert page.view.shop_status.text() == "✓ 已保存"


def test_bad_credit_code_shows_the_message_and_keeps_the_text(qtbot: QtBot, ctx: AppContext) -> None:
    page = _page(qtbot, ctx)
    v = page.shop_form.view
    error = v.errors["credit_code"]
    bad = CREDIT_CODE[:17] + ("0" if CREDIT_CODE[17] != "0" else "1")
    _type(qtbot, v.credit_code, bad.lower())
    assert not error.isVisible()  # calm: nothing while typing
    v.address.setFocus()  # leaving the field checks it
    qtbot.waitUntil(error.isVisible, timeout=WAIT_MS)
    assert "校验码" in error.text()
    qtbot.mouseClick(page.view.save_shop, Qt.MouseButton.LeftButton)
    assert error.isVisible()
    assert v.credit_code.text() == bad.lower()  # the typed text is kept, not replaced
    assert ctx.shop.get().credit_code == CREDIT_CODE  # nothing saved
    _type(qtbot, v.credit_code, CREDIT_CODE)
    v.address.setFocus()
    qtbot.waitUntil(lambda: not error.isVisible(), timeout=WAIT_MS)


def test_service_message_appears_under_its_field(qtbot: QtBot, ctx: AppContext) -> None:
    page = _page(qtbot, ctx)
    v = page.shop_form.view
    _type(qtbot, v.company_code, "沪企业一号")
    _type(qtbot, v.name, " ")
    v.name.clear()
    qtbot.mouseClick(page.view.save_shop, Qt.MouseButton.LeftButton)
    error = v.errors["name"]
    qtbot.waitUntil(error.isVisible, timeout=WAIT_MS)
    assert error.text() == "请填写“维修企业名称”。"
    assert page.view.save_shop.isEnabled()
    _type(qtbot, v.name, SHOP.name)
    qtbot.mouseClick(page.view.save_shop, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: v.errors["company_code"].isVisible(), timeout=WAIT_MS)
    assert v.company_code.text() == "沪企业一号"
    assert ctx.shop.get().company_code == SHOP.company_code


def test_enter_moves_to_the_next_field(qtbot: QtBot, ctx: AppContext) -> None:
    page = _page(qtbot, ctx)
    page.window().activateWindow()
    v = page.shop_form.view
    v.name.setFocus()
    qtbot.keyClick(v.name, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is v.credit_code


def test_add_and_disable_staff(qtbot: QtBot, ctx: AppContext) -> None:
    page = _page(qtbot, ctx)
    v = page.view
    _type(qtbot, v.staff_name, "赵师傅")
    v.staff_role.setCurrentIndex(v.staff_role.findData("technician"))
    qtbot.mouseClick(v.add_staff, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "赵师傅" in _staff_names(page), timeout=WAIT_MS)
    assert v.staff_name.text() == ""
    assert any(m.name == "赵师傅" and m.role == "technician" for m in ctx.staff.list())
    assert v.staff_list.currentItem().data(STAFF_ROLE).name == "赵师傅"
    assert "维修技师" in v.staff_list.currentItem().text()

    qtbot.mouseClick(v.toggle_active, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "赵师傅" not in _staff_names(page), timeout=WAIT_MS)
    assert all(m.name != "赵师傅" for m in ctx.staff.list())
    v.show_inactive.setChecked(True)
    assert "赵师傅" in _staff_names(page)


def test_staff_without_a_name_says_so(qtbot: QtBot, ctx: AppContext) -> None:
    page = _page(qtbot, ctx)
    qtbot.mouseClick(page.view.add_staff, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.view.staff_error.isVisible, timeout=WAIT_MS)
    assert page.view.staff_error.text() == "请填写“姓名”。"


def test_language_and_large_font_are_stored(qtbot: QtBot, ctx: AppContext) -> None:
    page = _page(qtbot, ctx)
    store = SettingsStore(ctx.db, guard=ctx.guard)
    with qtbot.waitSignal(page.language_changed, timeout=WAIT_MS) as changed:
        page.view.language.setCurrentIndex(page.view.language.findData("en"))
    assert changed.args == ["en"]
    assert store.get(LANGUAGE) == "en"
    assert "重新启动" in page.view.language_hint.text()
    with qtbot.waitSignal(page.large_font_changed) as toggled:
        page.view.large_font.setChecked(True)
    assert toggled.args == [True]
    qtbot.waitUntil(lambda: store.get(LARGE_FONT) is True, timeout=WAIT_MS)


def test_first_start_dialog_reuses_the_form(qtbot: QtBot, bare_ctx: AppContext) -> None:
    dialog = ShopSetupDialog(bare_ctx.shop)
    qtbot.addWidget(dialog)
    dialog.show()
    assert isinstance(dialog.form, ShopForm)
    v = dialog.form.view
    assert v.name.text() == "" and v.labour_rate.value() == 100.0
    v.name.setText(SHOP.name)
    v.credit_code.setText(CREDIT_CODE.lower())
    v.list_prefix.setText("bs")
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    stored = bare_ctx.shop.get()
    assert stored is not None and stored == dialog.stored
    assert (stored.credit_code, stored.list_prefix) == (CREDIT_CODE, "BS")


def test_first_start_dialog_shows_every_local_problem_at_once(qtbot: QtBot, bare_ctx: AppContext) -> None:
    dialog = ShopSetupDialog(bare_ctx.shop)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    errors = dialog.form.view.errors
    assert errors["credit_code"].isVisible() and errors["list_prefix"].isVisible()
    assert dialog.isVisible() and bare_ctx.shop.get() is None
