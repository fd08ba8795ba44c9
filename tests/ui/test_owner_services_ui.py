"""The owner-service screens offscreen (pytest-qt) on a seeded database: the vehicle history with its
verification, the day's reminder list with the contacted mark and CSV, and the special records (defect,
emissions, accident) through their dialogs; screenshots at 1366×768 for a look by eye."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QSize, Qt, QThreadPool
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.context import AppContext
from app.owner_services.defects import DefectInput
from app.owner_services.deidentify import mask_plate
from app.seed import bulk_write, generate
from localdb import models as m
from tests.ui.shots import shots_dir
from ui.pages.defects_page import TAB_EMISSIONS, DefectsPage
from ui.pages.reminders_page import RemindersPage
from ui.pages.vehicle_history_page import VehicleHistoryPage

SHOTS = shots_dir()
SIZE = QSize(1366, 768)
NOW = datetime(2026, 11, 26, 2, 0, tzinfo=UTC)  # the clock fixture's time


@pytest.fixture
def seeded(bare_ctx: AppContext) -> Iterator[AppContext]:
    bulk_write(bare_ctx.db, generate(160, 7, NOW), bare_ctx.guard)
    yield bare_ctx
    QThreadPool.globalInstance().waitForDone(10_000)


@dataclass(frozen=True)
class Car:
    plate: str
    vin: str
    owner: str


def busiest_vehicle(ctx: AppContext) -> Car:
    with ctx.db.read() as s:
        ids = s.scalars(select(m.WorkOrder.vehicle_id).where(m.WorkOrder.state == "settled")).all()
        vehicle = s.get(m.Vehicle, Counter(ids).most_common(1)[0][0])
        assert vehicle is not None
        return Car(vehicle.plate, vehicle.vin, vehicle.owner.name)


def shot(widget: object, name: str) -> None:
    QThreadPool.globalInstance().waitForDone(10_000)
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / name))  # type: ignore[attr-defined]


def show(qtbot: QtBot, page: object) -> None:
    qtbot.addWidget(page)  # type: ignore[arg-type]
    page.resize(SIZE)  # type: ignore[attr-defined]
    page.show()  # type: ignore[attr-defined]


def test_history_page_previews_saves_and_verifies(qtbot: QtBot, seeded: AppContext, tmp_path: Path) -> None:
    vehicle = busiest_vehicle(seeded)
    page = VehicleHistoryPage(seeded)
    show(qtbot, page)
    v = page.view
    v.search.setText(vehicle.plate)
    qtbot.waitUntil(lambda: page.history is not None, timeout=5000)
    assert v.visits.rowCount() == len(page.history.visits) > 1  # type: ignore[union-attr]
    assert vehicle.owner in v.title.text()
    v.deid_radio.setChecked(True)
    qtbot.waitUntil(lambda: page.history is not None and page.history.form == "deidentified", timeout=5000)
    assert vehicle.owner not in v.title.text() and mask_plate(vehicle.plate) in v.title.text()
    assert "机动车所有人姓名" in v.removed.text() and v.consent.isEnabled()
    target = tmp_path / "history.pdf"
    page.save_pdf(str(target))
    qtbot.waitUntil(lambda: "验证码" in v.issued.text(), timeout=10_000)
    assert target.read_bytes().startswith(b"%PDF") and page.last_issued is not None
    v.code.setText(page.last_issued.code.lower())
    qtbot.mouseClick(v.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: v.verify_result.text().startswith("✔"), timeout=5000)
    assert vehicle.vin in v.verify_result.text()
    shot(page, "history.png")
    v.code.setText("0000-0000-0000-0000")
    qtbot.mouseClick(v.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: v.verify_result.text().startswith("✘"), timeout=5000)
    assert "没有出具过" in v.verify_result.text()


def test_reminders_page_lists_marks_and_exports(qtbot: QtBot, seeded: AppContext, tmp_path: Path) -> None:
    seeded.owner.reminders.add_default_rules()
    page = RemindersPage(seeded)
    show(qtbot, page)
    qtbot.waitUntil(lambda: page.loaded, timeout=10_000)
    due = seeded.owner.reminders.due_list()
    assert len(due) == page.view.table.rowCount() > 0
    assert page.view.table.item(0, 0).text().startswith("逾期")
    assert page.view.table.item(0, 4).text() == due[0].owner_phone
    page.loaded = False
    page.mark_contacted(page.reminders[0], "已电话联系，周六来")
    qtbot.waitUntil(lambda: page.loaded, timeout=10_000)
    assert any("周六来" in page.view.table.item(r, 10).text() for r in range(page.view.table.rowCount()))
    assert "已联系 1" in page.view.count.text()
    shot(page, "reminders.png")
    target = tmp_path / "sms.csv"
    page.export_to(str(target))
    qtbot.waitUntil(lambda: "已导出" in page.view.count.text(), timeout=5000)
    lines = target.read_bytes().decode("utf-8-sig").splitlines()
    assert lines[0].startswith("手机号,车主,车牌") and len(lines) == 1 + sum(1 for r in due if r.owner_phone)


def test_reminder_rules_dialog_explains_a_bad_rule(qtbot: QtBot, ctx: AppContext) -> None:
    from ui.dialogs.owner_reminder_rules_dialog import ReminderRulesDialog

    dialog = ReminderRulesDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.name.setText("更换火花塞")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "至少填写一个间隔" in dialog.error.text() and ctx.owner.reminders.rules() == []
    dialog.km.setValue(40000)
    dialog.keywords.setText("火花塞，点火线圈")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    [rule] = ctx.owner.reminders.rules()
    assert rule.keywords == ("火花塞", "点火线圈") and rule.interval_km == 40000 and dialog.table.rowCount() == 1


def _photo(tmp_path: Path, n: int) -> Path:
    path = tmp_path / f"photo{n}.jpg"
    Image.new("RGB", (400, 300), (150, 60 + 30 * n, 40)).save(path)
    return path


def test_special_records_page(qtbot: QtBot, seeded: AppContext, tmp_path: Path) -> None:
    with seeded.db.read() as s:
        models = Counter(v.brand_model for v in s.scalars(select(m.Vehicle)))
        model = models.most_common(1)[0][0]
        orders = s.scalars(select(m.WorkOrder).join(m.Vehicle).where(m.Vehicle.brand_model == model,
                                                                     m.WorkOrder.state == "settled")).all()  # fmt: skip
        by_vehicle = {wo.vehicle_id: wo.id for wo in orders}
        other = s.scalars(select(m.WorkOrder).where(m.WorkOrder.state == "settled").order_by(m.WorkOrder.id.desc())).first()
        assert other is not None
        other_id, other_plate = other.id, other.plate
    for n, order_id in enumerate(list(by_vehicle.values())[:3]):
        seeded.owner.defects.flag(DefectInput(order_id, "电子节气门", "怠速抖动、加速无力", "节气门体积碳，清洗后仍报 P2135",
                                              "技师", (_photo(tmp_path, n),)))  # fmt: skip
    page = DefectsPage(seeded)
    show(qtbot, page)
    defects_tab, emissions_tab, accidents_tab = page.record_tabs
    qtbot.waitUntil(lambda: all(t.loaded for t in page.record_tabs), timeout=10_000)
    assert defects_tab.table.rowCount() == 3 and "电子节气门" in defects_tab.hint.text()
    assert emissions_tab.empty.isVisibleTo(emissions_tab) and not defects_tab.empty.isVisibleTo(defects_tab)

    dialog = defects_tab.open_dialog()
    qtbot.addWidget(dialog)
    dialog.picker.find(other_plate)
    qtbot.waitUntil(lambda: dialog.picker.selected_id() is not None, timeout=5000)
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert "故障部件" in dialog.error.text() and dialog.result_record is None  # the form explains, stays open
    dialog.component.setText("水泵")
    dialog.symptom.setText("水泵轴承异响、渗漏")
    dialog.add_photos([str(_photo(tmp_path, 9))])
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.result_record is not None and len(dialog.result_record.photos) == 1

    page.tabs.setCurrentIndex(TAB_EMISSIONS)
    em = emissions_tab.open_dialog()
    qtbot.addWidget(em)
    em.picker.find(other_plate)
    qtbot.waitUntil(lambda: em.picker.selected_id() == other_id, timeout=5000)
    em.report_no.setText("310115202611200088")
    em.check_item("NOx 超标")
    em.repair.setPlainText("更换三元催化器")
    em.buttons.button(em.buttons.StandardButton.Ok).click()
    assert em.result_record is not None and em.result_record.failed_items == ("NOx 超标",)

    ac = accidents_tab.open_dialog()
    qtbot.addWidget(ac)
    ac.picker.find(other_plate)
    qtbot.waitUntil(lambda: ac.picker.selected_id() == other_id, timeout=5000)
    ac.insurer.setCurrentText("中国人保财险")
    ac.claim_no.setText("RDAA2026310000012345")
    ac.amount.setText("3,500.50")
    ac.direct.setChecked(True)
    ac.buttons.button(ac.buttons.StandardButton.Ok).click()
    assert ac.result_record is not None and ac.result_record.loss_assessment_fen == 350050

    for tab in page.record_tabs:
        tab.loaded = False
    page.refresh()
    qtbot.waitUntil(lambda: all(t.loaded for t in page.record_tabs), timeout=10_000)
    assert (defects_tab.table.rowCount(), emissions_tab.table.rowCount(), accidents_tab.table.rowCount()) == (4, 1, 1)
    assert accidents_tab.table.item(0, 6).text() == "3,500.50"
    page.tabs.setCurrentIndex(0)
    shot(page, "defects.png")
    for tab, export in ((defects_tab, defects_tab.spec.exports[0]), (defects_tab, defects_tab.spec.exports[1]),
                        (accidents_tab, accidents_tab.spec.exports[0])):  # fmt: skip
        target = tmp_path / export.name
        tab.export_to(export, str(target))
        qtbot.waitUntil(lambda t=target: t.exists() and t.stat().st_size > 0, timeout=10_000)
    # the file is written off the GUI thread; the label is updated when that job reports back
    qtbot.waitUntil(lambda: "已导出" in accidents_tab.count.text(), timeout=10_000)
