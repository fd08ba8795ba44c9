"""经营看板 offscreen: renders with data and with none, follow-up closing, compliance drill-down, exports."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.context import AppContext
from app.ratings.demo import add_simulated_ratings
from localdb.models import OutboxEntry
from tests.integration.ratings_helpers import settled_order, staff_id
from tests.ui.conftest import WAIT_MS
from ui.pages.dashboard_page import TAB_BUSINESS, DashboardPage, period_bounds


def _open(qtbot: QtBot, ctx: AppContext, period: str = "this_month") -> DashboardPage:
    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 720)
    page.show()
    with qtbot.waitSignal(page.loaded, timeout=WAIT_MS):
        page.period.setCurrentIndex(page.period.findData(period) if period != "this_month" else 0)
        if period == "this_month":
            page.refresh()
    return page


def test_period_bounds() -> None:
    assert period_bounds("this_month", date(2026, 11, 26)) == (date(2026, 11, 1), date(2026, 12, 1))
    assert period_bounds("last_month", date(2026, 1, 5)) == (date(2025, 12, 1), date(2026, 1, 1))
    assert period_bounds("last_12", date(2026, 11, 26)) == (date(2025, 12, 1), date(2026, 12, 1))


def test_renders_with_no_data(qtbot: QtBot, ctx: AppContext) -> None:
    page = _open(qtbot, ctx)
    assert page.ratings.cards["overall"].value.text() == "—"
    assert not page.ratings.trend.has_data and page.ratings.lowest.rowCount() == 0
    assert page.compliance.cards["uploaded"].value.text() == "—"
    assert page.business.cards["orders"].value.text() == "0"
    assert not page.grab().isNull()


def _shop_with_ratings(ctx: AppContext) -> int:
    """20 settled jobs, two rejected and one still queued; six days later the simulated owners have rated."""
    tech, advisor = staff_id(ctx, "李强"), staff_id(ctx, "王丽")
    for n in range(20):
        settled_order(ctx, n, [tech], advisor, fault=("刹车异响", "空调不制冷", "保养")[n % 3], cost_fen=20000)
    with ctx.db.write() as s:
        for i, entry in enumerate(s.scalars(select(OutboxEntry).order_by(OutboxEntry.id))):
            entry.state = "rejected" if i in (3, 7) else ("pending" if i == 19 else "done")
    ctx.clock.advance(6 * 86400)  # type: ignore[attr-defined]
    return add_simulated_ratings(ctx.db, ctx.clock.now(), seed=5)


def test_renders_with_data_and_drills_down(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    added = _shop_with_ratings(ctx)
    assert added > 0
    seeded_ctx = ctx
    page = _open(qtbot, seeded_ctx, "last_12")
    data = page.data
    assert data is not None and data.ratings.count == added
    assert page.ratings.cards["overall"].value.text() == f"{data.ratings.overall.value:.2f}"
    assert page.ratings.lowest.rowCount() > 0 and page.ratings.trend.has_data
    assert data.compliance.settled > 0 and data.business.orders == data.compliance.settled
    with qtbot.waitSignal(page.compliance.model.modelReset, timeout=WAIT_MS):
        page.compliance.cards["rejected"].clicked.emit("rejected")
    assert page.compliance.model.rowCount() == data.compliance.rejected > 0
    # follow-up: select the first low rating, write a note and close it
    if page.followup.model.rowCount():
        page.followup.view.selectRow(0)
        page.followup.note.setText("已回访，车主满意")
        with qtbot.waitSignal(page.loaded, timeout=WAIT_MS):
            page.followup.close_button.click()
        assert page.followup.model.rows[0].followup_state in ("closed", "")
    page.tabs.setCurrentIndex(TAB_BUSINESS)
    for tab, name in ((0, "r.xlsx"), (2, "c.xlsx"), (TAB_BUSINESS, "b.xlsx")):
        start, end = page.bounds()
        page.write_excel(tmp_path / name, tab, data, start, end)
        assert len(load_workbook(tmp_path / name).sheetnames) >= 3
    pdf = page.monthly_pdf(date(2026, 11, 1))
    text = PdfReader(__import__("io").BytesIO(pdf)).pages[0].extract_text()
    assert len(PdfReader(__import__("io").BytesIO(pdf)).pages) == 1
    assert "经营与评价月报" in text and "上传合规" in text


def test_import_dialog_previews_errors_and_imports(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    from ui.dialogs.ratings_import_dialog import RatingsImportDialog

    bad = tmp_path / "bad.csv"
    bad.write_text("车牌号,评价时间,维修质量,维修效率,维修收费,服务态度,服务环境\n沪A1,2026-11-20 10:00,5,5,5,5,5\n"
                   "沪A2,2026-11-20 10:00,9,5,5,5,5\n", encoding="utf-8")  # fmt: skip
    dialog = RatingsImportDialog(ctx.ratings)
    qtbot.addWidget(dialog)
    dialog.load(bad)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=WAIT_MS)
    assert dialog.errors.count() == 1 and "第 3 行" in dialog.errors.item(0).text()
    assert not dialog.import_button.isEnabled()
    good = tmp_path / "good.csv"
    good.write_text("车牌号,评价时间,维修质量,维修效率,维修收费,服务态度,服务环境\n沪A1,2026-11-20 10:00,5,4,5,5,5\n",
                    encoding="utf-8")  # fmt: skip
    dialog.load(good)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=WAIT_MS)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=WAIT_MS)
    assert dialog.result is not None and dialog.result.added == 1
