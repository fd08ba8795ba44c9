"""The vehicle history report on a real database: the right visits, the de-identification rules checked
against the seeded owners (read back from the PDF with pypdf), and the verification code."""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from app.context import AppContext
from app.domain.errors import DomainError
from app.owner_services.deidentify import mask_plate, scrub
from app.owner_services.history import DEIDENTIFIED, FULL, canonical_text, digest_of, group_code
from app.reports.history_report import render_history, suggested_name
from app.seed import bulk_write, generate
from localdb import models as m
from localdb.owner_services_models import HistoryIssue
from tests.integration.orders_helpers import make_order, make_vehicle, settle_in_full

SEED_NOW = datetime(2026, 11, 26, 2, 0, tzinfo=UTC)


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def squash(text: str) -> str:
    """Extracted text without whitespace: table cells may wrap a name or a phone across lines."""
    return re.sub(r"\s+", "", text)


@pytest.fixture
def seeded(bare_ctx: AppContext) -> AppContext:
    bulk_write(bare_ctx.db, generate(120, 7, SEED_NOW), bare_ctx.guard)
    return bare_ctx


def frequent_vehicles(ctx: AppContext, n: int) -> list[int]:
    """The ``n`` vehicles with the most settled visits (the richest histories in the seed)."""
    with ctx.db.read() as s:
        ids = s.scalars(select(m.WorkOrder.vehicle_id).where(m.WorkOrder.state == "settled")).all()
    return [vid for vid, _ in Counter(ids).most_common(n)]


def personal_data(ctx: AppContext, vehicle_id: int) -> set[str]:
    """Every name and phone of the vehicle's owner and of whoever brought it in, as stored."""
    with ctx.db.read() as s:
        v = s.get(m.Vehicle, vehicle_id)
        assert v is not None
        values = {v.owner.name, v.owner.phone}
        for wo in s.scalars(select(m.WorkOrder).where(m.WorkOrder.vehicle_id == vehicle_id)):
            values |= {wo.owner_name, wo.owner_phone, wo.bringer_name, wo.bringer_phone}
    return {x for x in values if len(x) >= 2}


def test_full_history_lists_every_settled_visit_once(seeded: AppContext) -> None:
    vid = frequent_vehicles(seeded, 1)[0]
    with seeded.db.read() as s:
        orders = s.scalars(select(m.WorkOrder).where(m.WorkOrder.vehicle_id == vid)).all()
        expected = sorted(
            {(wo.costlistcode, wo.settled_at) for wo in orders if wo.state == "settled" and not wo.superseded},
            key=lambda x: x[1],  # type: ignore[arg-type,return-value]
        )
        owner = s.get(m.Vehicle, vid).owner  # type: ignore[union-attr]
        owner_name, owner_phone = owner.name, owner.phone
    history = seeded.owner.history.build(vid, FULL)
    assert [v.costlistcode for v in history.visits] == [c for c, _ in expected]
    assert len({v.costlistcode for v in history.visits}) == len(history.visits)  # a correction shows once
    assert history.owner_name == owner_name and history.removed == ()
    text = squash(pdf_text(render_history(seeded.owner.history.issue(vid, FULL))))
    assert owner_name in text and owner_phone in text
    for code, _ in expected:
        assert code in text


def test_deidentified_pdf_has_no_owner_name_or_phone_and_says_what_was_removed(seeded: AppContext) -> None:
    for vid in frequent_vehicles(seeded, 5):
        issued = seeded.owner.history.issue(vid, DEIDENTIFIED)
        raw = pdf_text(render_history(issued))
        text = squash(raw)
        for secret in personal_data(seeded, vid):
            assert squash(secret) not in text, f"{secret!r} leaked into the de-identified history"
        with seeded.db.read() as s:
            vehicle = s.get(m.Vehicle, vid)
            assert vehicle is not None
            plate, vin = vehicle.plate, vehicle.vin
        assert plate not in text and mask_plate(plate) in text and vin in text
        assert "去隐私说明" in text and "机动车所有人姓名" in text and "联系电话" in text
        assert "车牌号码已部分遮盖" in text
        for visit in issued.history.visits:
            assert visit.costlistcode in text


def test_free_text_is_scrubbed_of_phones_and_names(ctx: AppContext) -> None:
    vehicle = make_vehicle(ctx)  # owner 张三, 13800138000
    order = make_order(ctx, vehicle)
    with ctx.db.write() as s:  # the clerk typed personal data into the fault description
        wo = s.get(m.WorkOrder, order.id)
        assert wo is not None
        wo.fault_description = "张三说冷车异响，张先生请回电 138 0013 8000 或 021-5555 6666"
    settle_in_full(ctx, ctx.orders.get(order.id))
    history = ctx.owner.history.build(vehicle.id, DEIDENTIFIED)
    assert history.visits[0].fault == "***说冷车异响，***请回电 *** 或 ***"
    assert scrub("更换机油机滤", {"张三"}) == "更换机油机滤"  # ordinary work text is left alone
    assert mask_plate("沪A12345") == "沪A***45" and mask_plate("沪AD12345") == "沪A****45"


def test_owner_consent_keeps_the_full_plate(ctx: AppContext) -> None:
    vehicle = make_vehicle(ctx)
    settle_in_full(ctx, make_order(ctx, vehicle))
    history = ctx.owner.history.build(vehicle.id, DEIDENTIFIED, plate_consent=True)
    assert history.plate == "沪A12345" and "plate_masked" not in history.removed
    assert history.owner_name == "" and history.owner_phone == ""


def test_verification_code_validates_and_a_changed_document_does_not(seeded: AppContext) -> None:
    vid = frequent_vehicles(seeded, 1)[0]
    service = seeded.owner.history
    issued = service.issue(vid, DEIDENTIFIED)
    text = pdf_text(render_history(issued))
    [printed] = set(re.findall(r"[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}", text))
    assert printed == issued.code
    # The shop enters the code read from the paper (lower case, O typed for 0, spaces instead of dashes).
    check = service.verify(printed.lower().replace("-", " ").replace("0", "O"))
    last = issued.history.visits[-1]
    assert check.code == issued.code and check.form == DEIDENTIFIED and check.visits == len(issued.history.visits)
    assert check.vin in squash(text) and check.plate in squash(text)
    assert check.list_numbers == tuple(v.costlistcode for v in issued.history.visits)
    assert check.last_mileage == last.mileage and check.canonical_text == canonical_text(issued.history)
    assert service.matches(printed, issued.history)
    # A document whose content was changed (a lower last mileage, a visit removed) does not match the code …
    rolled_back = replace(last, mileage=(last.mileage or 0) - 20000)
    changed = replace(issued.history, visits=(*issued.history.visits[:-1], rolled_back))
    assert not service.matches(printed, changed)
    assert not service.matches(printed, replace(issued.history, visits=issued.history.visits[1:]))
    # … and the code such a document would carry was never issued.
    with pytest.raises(DomainError) as err:
        service.verify(group_code(digest_of(changed)[:16].upper()))
    assert err.value.code == "history.code_unknown"
    with pytest.raises(DomainError) as err:
        service.verify("12-34")
    assert err.value.code == "history.code_format"


def test_same_content_gives_the_same_code_and_a_new_visit_a_new_one(ctx: AppContext) -> None:
    vehicle = make_vehicle(ctx)
    settle_in_full(ctx, make_order(ctx, vehicle, mileage=40000, hours_ago=30 * 24))
    first = ctx.owner.history.issue(vehicle.id, FULL)
    again = ctx.owner.history.issue(vehicle.id, FULL)
    assert first.code == again.code
    deid = ctx.owner.history.issue(vehicle.id, DEIDENTIFIED)
    assert deid.code != first.code
    settle_in_full(ctx, make_order(ctx, vehicle, mileage=45000))
    later = ctx.owner.history.issue(vehicle.id, FULL)
    assert later.code != first.code and len(later.history.visits) == 2
    with ctx.db.read() as s:
        assert len(s.scalars(select(HistoryIssue)).all()) == 3
    assert suggested_name(later).startswith("维修履历_车主版_") and suggested_name(later).endswith(".pdf")


def test_a_vehicle_without_settled_visits_has_no_history(ctx: AppContext) -> None:
    vehicle = make_vehicle(ctx)
    make_order(ctx, vehicle)  # still open
    with pytest.raises(DomainError) as err:
        ctx.owner.history.issue(vehicle.id, FULL)
    assert err.value.code == "history.no_visits"
    assert ctx.owner.history.build(vehicle.id, FULL).visits == ()
