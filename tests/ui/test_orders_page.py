"""The work-order list: first page off-thread, more pages on demand, filters, count, empty state, opening."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QSettings, Qt
from pytestqt.qtbot import QtBot

from app.context import AppContext
from app.domain.clock import to_local
from app.services.order_list import OrderFilter
from tests.ui.conftest import SEED_ORDERS, WAIT_MS
from ui.models.order_list_model import (
    CODE_ROLE,
    COL_DUE,
    COL_INTAKE,
    COL_ORDER_NO,
    COL_OWNER,
    COL_STATE,
    COL_UPLOAD,
    SUMMARY_ROLE,
    OrderListModel,
)
from ui.pages.orders_page import HEADER_KEY, OrdersPage


def _page(qtbot: QtBot, ctx: AppContext, page_size: int = 200) -> OrdersPage:
    page = OrdersPage(ctx, page_size=page_size)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    _wait_loaded(qtbot, page)
    return page


def _wait_loaded(qtbot: QtBot, page: OrdersPage) -> None:
    qtbot.waitUntil(lambda: page.model.loaded and page.view.count.text().startswith("共"), timeout=WAIT_MS)


def _count(page: OrdersPage) -> int:
    return int(page.view.count.text().removeprefix("共 ").removesuffix(" 张工单").replace(",", ""))


def _summaries(page: OrdersPage) -> list:
    return [page.model.index(r, 0).data(SUMMARY_ROLE) for r in range(page.model.rowCount())]


def test_first_page_newest_first_and_more_pages_on_demand(qtbot: QtBot, seeded_ctx: AppContext) -> None:
    page = _page(qtbot, seeded_ctx, page_size=200)
    model = page.model
    assert model.rowCount() == 200  # one page, not everything
    assert _count(page) == SEED_ORDERS
    assert page.view.count.text() == f"共 {SEED_ORDERS} 张工单"
    rows = _summaries(page)
    assert [r.intake_at for r in rows] == sorted((r.intake_at for r in rows), reverse=True)
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 400
    model.fetchMore()
    assert model.rowCount() == SEED_ORDERS
    assert not model.canFetchMore()
    ids = [r.id for r in _summaries(page)]
    assert len(set(ids)) == SEED_ORDERS  # keyset paging: no row twice, none skipped


def test_scrolling_to_the_end_fetches_the_next_page(qtbot: QtBot, seeded_ctx: AppContext) -> None:
    page = _page(qtbot, seeded_ctx, page_size=100)
    assert page.model.rowCount() == 100
    page.view.table.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.rowCount() > 100, timeout=WAIT_MS)


def test_cells_text_alignment_and_summary_role(qtbot: QtBot, seeded_ctx: AppContext) -> None:
    page = _page(qtbot, seeded_ctx)
    model = page.model
    first = model.index(0, 0).data(SUMMARY_ROLE)
    assert model.index(0, COL_ORDER_NO).data() == first.order_no
    assert model.index(0, COL_OWNER).data() == first.owner_name
    assert model.index(0, COL_INTAKE).data() == to_local(first.intake_at).strftime("%Y-%m-%d %H:%M")
    due = model.index(0, COL_DUE)
    assert due.data().endswith(f".{first.due_fen % 100:02d}")
    assert due.data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    states = {model.index(r, COL_STATE).data() for r in range(model.rowCount())}
    assert states == {"草稿", "维修中", "已完工", "已结算", "已作废"}
    uploads = {model.index(r, COL_UPLOAD).data() for r in range(model.rowCount())}
    assert {"", "待上传"} <= uploads
    settled = next(r for r in range(model.rowCount()) if model.index(r, COL_STATE).data(CODE_ROLE) == "settled")
    badge = model.index(settled, COL_STATE)
    assert badge.data(Qt.ItemDataRole.BackgroundRole) is not None  # colour, and always the text too
    assert badge.data() == "已结算"


def test_all_upload_states_have_words(qtbot: QtBot, seeded_ctx: AppContext) -> None:
    page = _page(qtbot, seeded_ctx)
    page.model.fetchMore()
    page.model.fetchMore()
    words = {page.model.index(r, COL_UPLOAD).data() for r in range(page.model.rowCount())}
    assert {"待上传", "上传中", "已接收", "被退回"} <= words


def test_filter_by_state(qtbot: QtBot, seeded_ctx: AppContext) -> None:
    page = _page(qtbot, seeded_ctx)
    combo = page.view.state
    assert [combo.itemText(i) for i in range(combo.count())] == ["全部状态", "草稿", "维修中", "已完工", "已结算", "已作废"]
    combo.setCurrentIndex(combo.findData("settled"))
    _wait_loaded(qtbot, page)
    expected = seeded_ctx.order_list.count(OrderFilter(states=("settled",)))
    assert 0 < _count(page) == expected < SEED_ORDERS
    assert {r.state for r in _summaries(page)} == {"settled"}


def test_filter_by_text_is_debounced(qtbot: QtBot, seeded_ctx: AppContext) -> None:
    page = _page(qtbot, seeded_ctx)
    target = _summaries(page)[3]
    page.view.search.setText(target.plate[2:])  # part of the plate
    assert page.model.order_filter.text == ""  # nothing happens until typing pauses
    qtbot.waitUntil(lambda: page.model.order_filter.text == target.plate[2:], timeout=WAIT_MS)
    _wait_loaded(qtbot, page)
    rows = _summaries(page)
    assert rows and all(r.plate == target.plate for r in rows)
    assert _count(page) == len(rows)

    page.view.search.setText("13900000007")  # owner's phone
    qtbot.waitUntil(lambda: page.model.order_filter.text == "13900000007", timeout=WAIT_MS)
    _wait_loaded(qtbot, page)
    assert {r.owner_name for r in _summaries(page)} == {_summaries(page)[0].owner_name}


def test_filter_by_local_date_range(qtbot: QtBot, seeded_ctx: AppContext) -> None:
    page = _page(qtbot, seeded_ctx)
    v = page.view
    assert not v.date_from.isEnabled()
    v.date_from.setDate(QDate(2026, 11, 20))
    v.date_to.setDate(QDate(2026, 11, 21))
    assert page.current_filter().date_from is None  # dates apply only when ticked
    v.use_dates.setChecked(True)
    _wait_loaded(qtbot, page)
    rows = _summaries(page)
    assert len(rows) == 12  # one order every four hours, two local days
    assert {to_local(r.intake_at).date() for r in rows} == {date(2026, 11, 20), date(2026, 11, 21)}
    assert _count(page) == 12


def test_empty_state_says_what_to_do(qtbot: QtBot, ctx: AppContext) -> None:
    page = _page(qtbot, ctx)
    assert page.view.stack.currentWidget() is page.view.empty
    assert page.view.empty.text() == "还没有工单。按 Ctrl+N 接车。"
    assert page.view.count.text() == "共 0 张工单"


def test_no_match_says_so(qtbot: QtBot, seeded_ctx: AppContext) -> None:
    page = _page(qtbot, seeded_ctx)
    page.view.search.setText("不存在的车主")
    qtbot.waitUntil(lambda: page.view.stack.currentWidget() is page.view.empty, timeout=WAIT_MS)
    assert "没有符合条件的工单" in page.view.empty.text()
    page.view.search.clear()
    qtbot.waitUntil(lambda: page.view.stack.currentWidget() is page.view.table, timeout=WAIT_MS)


def test_double_click_and_enter_open_the_order(qtbot: QtBot, seeded_ctx: AppContext) -> None:
    page = _page(qtbot, seeded_ctx)
    table = page.view.table
    second = page.model.index(1, 0).data(SUMMARY_ROLE)
    rect = table.visualRect(page.model.index(1, COL_OWNER))
    with qtbot.waitSignal(page.order_activated) as opened:
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a real double
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # click has both
    assert opened.args == [second.id]
    table.setFocus()
    table.selectRow(4)
    with qtbot.waitSignal(page.order_activated) as opened:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert opened.args == [page.model.index(4, 0).data(SUMMARY_ROLE).id]


def test_refresh_shows_a_new_order_and_keeps_the_selection(qtbot: QtBot, seeded_ctx: AppContext) -> None:
    page = _page(qtbot, seeded_ctx)
    page.view.table.selectRow(2)
    kept = page.model.index(2, 0).data(SUMMARY_ROLE).id
    vehicle = seeded_ctx.vehicles.search("沪A")[0]
    from app.services.workorders import IntakeHeader

    seeded_ctx.orders.open(vehicle.id, IntakeHeader(seeded_ctx.clock.now(), 999_999, "新接车"))
    page.refresh()
    _wait_loaded(qtbot, page)
    assert _count(page) == SEED_ORDERS + 1
    assert page.model.index(0, 0).data(SUMMARY_ROLE).intake_at == seeded_ctx.clock.now()
    assert page.view.table.currentIndex().data(SUMMARY_ROLE).id == kept


def test_column_widths_are_remembered(qtbot: QtBot, ctx: AppContext) -> None:
    page = _page(qtbot, ctx)
    page.view.table.horizontalHeader().resizeSection(COL_OWNER, 222)
    page.save_state()
    assert QSettings().value(HEADER_KEY) is not None
    again = _page(qtbot, ctx)
    assert again.view.table.horizontalHeader().sectionSize(COL_OWNER) == 222


def test_a_stale_first_page_is_ignored(ctx: AppContext) -> None:
    model = OrderListModel(ctx.order_list, page_size=10)
    model.begin_loading(OrderFilter(text="沪A"))
    assert not model.reset_rows(OrderFilter(), [])  # arrived for a filter the user already left
    assert not model.loaded and not model.canFetchMore()
