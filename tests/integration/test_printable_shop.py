"""The settlement list carries the rating-page QR code only when the active province profile names a page."""

from __future__ import annotations

import io

from pypdf import PdfReader

from app.context import AppContext
from app.ehr.connection import printable_shop
from app.reports.settlement_list import render_settlement_list
from localdb.models import Setting
from tests.integration.orders_helpers import make_order, make_vehicle, settle_in_full


def _text(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_training_profile_prints_no_rating_qr(ctx: AppContext) -> None:
    order = settle_in_full(ctx, make_order(ctx, make_vehicle(ctx)))
    shop = printable_shop(ctx)
    assert shop is not None and shop.rating_url == "" and shop.name == ctx.shop.get().name  # type: ignore[union-attr]
    assert "扫码评价" not in _text(render_settlement_list(order, shop))


def test_unusable_profile_does_not_stop_printing(ctx: AppContext) -> None:
    with ctx.db.write() as s:
        s.add(Setting(key="ehr.profile", value="no-such-province"))
    shop = printable_shop(ctx)
    assert shop is not None and shop.rating_url == ""
