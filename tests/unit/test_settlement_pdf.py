"""The JT/T 1133 settlement list PDF, read back with pypdf: content, font embedding, paging, paper, QR."""

from __future__ import annotations

import io
import re
import shutil
import statistics
import string
import subprocess
import threading
import time
from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm

from app.domain.errors import DomainError
from app.i18n import messages_reports, render
from app.reports import fonts
from app.reports.labels import LABELS
from app.reports.settlement_list import render_settlement_list, suggested_filename
from app.services.dto import (
    FeeLine,
    LabourLine,
    PartLine,
    Payment,
    ShopInfo,
    Totals,
    VehicleDetail,
    WorkOrderDetail,
)

LIST_NO = "SH01-20261126-0003"
PLATE = "沪AD12345"
VIN = "LGXC74C48N0123456"  # valid check digit
CREDIT_CODE = "91310115MA1K4ABC2B"  # valid check character
RATING_URL = "https://ehr.example.invalid/rate?company=310115000012345&bill=SH01-20261126-0003"
FAULT = (
    "车主反映：过减速带时左前方有“咯噔”异响，高速行驶（100 km/h 以上）方向盘轻微抖动，刹车时有尖锐摩擦声；"
    "空调制冷效果差，出风口温度偏高。要求检查底盘悬挂系统、制动系统及空调系统，并更换损坏部件。"
)


def make_shop(**changes: object) -> ShopInfo:
    shop = ShopInfo(
        name="上海安顺汽车维修服务有限公司",
        credit_code=CREDIT_CODE,
        address="上海市浦东新区川沙路 1234 号 3 号厂房",
        phone="021-58881234",
        company_code="310115000012345",
        list_prefix="SH01",
        contact="陈建国",
        home_province="沪",
        labour_rate_fen=12000,
        rating_url=RATING_URL,
    )
    return replace(shop, **changes)


LABOUR = (
    LabourLine("更换前刹车片", Decimal("1.0"), 12000, 7, "李师傅", 12000),
    LabourLine(
        "前悬挂系统检查及左前减震器总成更换", Decimal("2.5"), 12000, 8, "张国强", 30000, "含四轮定位复检"
    ),
    LabourLine("空调系统检测与加注冷媒", Decimal("0.5"), 8555, 7, "李师傅", 4278),
)
PARTS = (
    PartLine("前刹车片（套）", Decimal("1"), "套", 38000, "oem", "3501120XKZ16A", "比亚迪", amount_fen=38000),
    PartLine("左前减震器总成", Decimal("1"), "个", 65000, "salvaged", "2905100-SA01", "", amount_fen=65000),
    PartLine("空调冷媒 R134a", Decimal("0.50"), "kg", 9000, "brand", "R134A-1KG", "巨化", amount_fen=4500),
    PartLine("雨刮片", Decimal("2"), "片", 0, "aftermarket", "WB-24", "博世", customer_supplied=True),
    PartLine("制动液 DOT4", Decimal("1.5"), "L", 4800, "equivalent", "DOT4-1L", "嘉实多", amount_fen=7200),
)
TOTALS = Totals(
    labour_fen=46278, parts_fen=114700, other_fen=2000, gross_fen=162978, discount_fen=5000, due_fen=157978
)


def make_order(**changes: object) -> WorkOrderDetail:
    vehicle = VehicleDetail(
        id=3,
        plate=PLATE,
        plate_colour=94,  # NEV green (small)
        vin=VIN,
        brand_model="比亚迪 秦PLUS DM-i 2023款",
        engine_no="BYD472QA2301234",
        vehicle_type="car",
        owner_id=11,
        owner_name="王丽华",
        owner_phone="13812345678",
    )
    order = WorkOrderDetail(
        id=42,
        uuid="0f8e7a52-2f49-4d8c-9b0e-4c1b6f1f7a10",
        order_no="WO-20261124-0007",
        state="settled",
        revision=1,
        revision_of=None,
        vehicle=vehicle,
        # 16:40 UTC on the 23rd is 00:40 on the 24th in Shanghai: the local date must be printed.
        intake_at=datetime(2026, 11, 23, 16, 40, tzinfo=UTC),
        intake_mileage=48210,
        bringer_name="刘强",
        bringer_phone="13987654321",
        fault_description=FAULT,
        repair_category="MAINT_L2",
        labour_standard="industry",
        advisor_id=2,
        advisor_name="赵敏",
        labour=LABOUR,
        parts=PARTS,
        fees=(FeeLine("危险废物（废机油、废滤芯）环保处置费", 2000),),
        totals=TOTALS,
        completed_at=datetime(2026, 11, 25, 9, 0, tzinfo=UTC),
        mileage_out=48216,
        completion_cert_no="HG310115-2026-001234",
        costlistcode=LIST_NO,
        settled_at=datetime(2026, 11, 25, 17, 30, tzinfo=UTC),  # 01:30 on the 26th, local
        payments=(Payment("wechat", 100000), Payment("cash", 57978)),
        old_parts="owner",
        warranty_days=30,
        warranty_km=5000,
        warranty_text="新能源专用部件（动力电池、驱动电机、电控）按制造企业规定执行。",
        notes="客户要求旧刹车片 & 减震器 <检查后带走>",
    )
    return replace(order, **changes)


def pages_text(data: bytes) -> list[str]:
    """Text of each page with all whitespace removed, so wrapped cells still match."""
    return ["".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages]


def flat(value: str) -> str:
    return "".join(value.split())


@pytest.fixture(scope="module")
def settled_pdf() -> bytes:
    return render_settlement_list(make_order(), make_shop())


@pytest.fixture(scope="module")
def settled_text(settled_pdf: bytes) -> str:
    return "".join(pages_text(settled_pdf))


# ------------------------------------------------------------------------------------------ content


def test_settled_list_prints_header_parties_and_job(settled_text: str) -> None:
    for needle in (
        "机动车维修费用结算清单",
        "结算清单编号",
        LIST_NO,
        "WO-20261124-0007",
        PLATE,
        VIN,
        "王丽华",
        "刘强13987654321",
        "比亚迪秦PLUSDM-i2023款",
        "BYD472QA2301234",
        "小型轿车",
        "工时定额执行标准✔行业制造企业",
        "上海安顺汽车维修服务有限公司",
        CREDIT_CODE,
        "陈建国",
        "021-58881234",
        "二级维护",
        "48,210km",
        "48,216km",
        "HG310115-2026-001234",
        "赵敏",
        flat(FAULT),
    ):
        assert needle in settled_text, needle
    assert "预览" not in settled_text


def test_dates_are_shop_local(settled_text: str) -> None:
    assert "送修日期2026-11-24" in settled_text
    assert "结算日期2026-11-26" in settled_text
    assert "2026-11-23" not in settled_text


def test_every_labour_line_and_part_is_printed_with_its_category(settled_text: str) -> None:
    for line in LABOUR:
        assert flat(line.item) in settled_text
        assert line.technician_name in settled_text
    assert "含四轮定位复检" in settled_text
    assert "1.0120.00120.00" in settled_text  # hours, rate, amount in their columns
    assert "0.585.5542.78" in settled_text
    for part in PARTS:
        assert flat(part.name) in settled_text
    for category in ("原厂件", "拆车件", "品牌件", "副厂件", "同质配件"):
        assert category in settled_text
    assert "0.5kg90.0045.00品牌件否" in settled_text
    assert "2片0.000.00副厂件是" in settled_text  # the customer-supplied part
    assert "危险废物（废机油、废滤芯）环保处置费20.00" in settled_text


def test_totals_discount_capitals_and_payments(settled_text: str) -> None:
    assert "小计462.78" in settled_text
    assert "小计1,147.00" in settled_text
    assert "小计20.00" in settled_text
    assert "工时费462.78材料费1,147.00其他费用20.00" in settled_text
    assert "总费用1,629.78优惠-50.00" in settled_text
    assert "应付金额¥1,579.78大写壹仟伍佰柒拾玖元柒角捌分" in settled_text
    assert "实收金额¥1,579.78" in settled_text
    assert "微信1,000.00；现金579.78" in settled_text


def test_no_discount_line_without_discount() -> None:
    totals = replace(TOTALS, discount_fen=0, due_fen=TOTALS.gross_fen)
    text = "".join(pages_text(render_settlement_list(make_order(totals=totals), make_shop())))
    assert "优惠" not in text
    assert "应付金额¥1,629.78大写壹仟陆佰贰拾玖元柒角捌分" in text


def test_amounts_come_from_the_dto_not_from_adding_lines_up() -> None:
    odd = Totals(
        labour_fen=99999, parts_fen=88888, other_fen=777, gross_fen=189664, discount_fen=1, due_fen=189663
    )
    text = "".join(pages_text(render_settlement_list(make_order(totals=odd), make_shop())))
    assert "小计999.99" in text and "小计888.88" in text and "小计7.77" in text
    assert "¥1,896.63" in text


def test_old_parts_notes_warranty_and_signatures(settled_text: str) -> None:
    assert "旧件处理结果✔旧件已确认，由托修方收回旧件已确认，由承修方留存/处理无旧件" in settled_text
    assert "一式两份" in settled_text
    assert "经托修方签字确认后生效" in settled_text
    assert "托修方自备的配件，承修方不承担其质量保证责任" in settled_text
    assert "自出厂之日起30日或行驶5,000公里，以先达到者为准" in settled_text
    assert "新能源专用部件" in settled_text
    assert "客户要求旧刹车片&减震器<检查后带走>" in settled_text  # escaped, not eaten as markup
    assert "承修方（盖章）" in settled_text
    assert "托修方签名" in settled_text
    assert settled_text.count("日期：________年_____月_____日") == 2


def test_warranty_falls_back_to_the_regulation() -> None:
    order = make_order(warranty_days=None, warranty_km=None, warranty_text="")
    text = "".join(pages_text(render_settlement_list(order, make_shop())))
    assert "质量保证期按《机动车维修管理规定》执行" in text


def test_shop_kept_old_parts_and_manufacturer_standard() -> None:
    order = make_order(old_parts="shop", labour_standard="manufacturer", fees=())
    text = "".join(pages_text(render_settlement_list(order, make_shop())))
    assert "旧件处理结果旧件已确认，由托修方收回✔旧件已确认，由承修方留存/处理无旧件" in text
    assert "工时定额执行标准行业✔制造企业" in text
    assert "其他费用（金额单位：元）序号项目金额无小计20.00" in text  # empty table says so; subtotal from DTO


# ------------------------------------------------------------------------------------- PDF structure


def test_font_is_embedded_as_truetype(settled_pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(settled_pdf))
    embedded = []
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is not None:
                embedded.append("/FontFile2" in descriptor.get_object())
    assert embedded and all(embedded)


def test_sixty_parts_split_over_pages_with_repeated_headers() -> None:
    parts = tuple(
        PartLine(
            f"测试配件{i:02d}号（带较长的名称用于换行检查）",
            Decimal("1"),
            "个",
            1000 + i,
            "oem",
            f"P-{i:04d}",
            "品牌",
            amount_fen=1000 + i,
        )
        for i in range(1, 61)
    )
    pages = pages_text(render_settlement_list(make_order(parts=parts), make_shop()))
    total = len(pages)
    assert total >= 2
    for number, text in enumerate(pages, start=1):
        assert f"第{number}页共{total}页" in text
        assert LIST_NO in text  # footer
    continued = [text for text in pages[1:] if "测试配件" in text]
    assert continued, "parts table never reached a second page"
    for text in continued:
        assert "材料费用（金额单位：元）序号材料名称配件编码品牌数量单价金额配件类型是否托修方自备" in text
    joined = "".join(pages)
    assert all(f"测试配件{i:02d}号" in joined for i in range(1, 61))
    assert "承修方（盖章）" in pages[-1]


def test_paper_sizes() -> None:
    a4 = PdfReader(io.BytesIO(render_settlement_list(make_order(), make_shop()))).pages[0].mediabox
    assert float(a4.width) == pytest.approx(210 * mm, abs=0.5)
    assert float(a4.height) == pytest.approx(297 * mm, abs=0.5)
    data = render_settlement_list(make_order(), make_shop(), paper="continuous")
    form = PdfReader(io.BytesIO(data)).pages[0].mediabox
    assert float(form.width) == pytest.approx(241 * mm, abs=0.5)
    assert float(form.height) == pytest.approx(279.4 * mm, abs=0.5)
    assert LIST_NO in "".join(pages_text(data))


def test_unknown_paper_is_a_domain_error() -> None:
    with pytest.raises(DomainError) as caught:
        render_settlement_list(make_order(), make_shop(), paper="a5")
    assert caught.value.code == "report.bad_paper"
    assert "a5" in render(caught.value.code, caught.value.params, "zh_CN")


def _rect_ops(data: bytes) -> int:
    reader = PdfReader(io.BytesIO(data))
    return sum(page.get_contents().get_data().count(b" re") for page in reader.pages)


def test_rating_qr_only_when_the_shop_has_a_rating_url(settled_pdf: bytes, settled_text: str) -> None:
    bare = render_settlement_list(make_order(), make_shop(rating_url=""))
    assert "扫码评价本次维修" in settled_text
    assert "扫码评价本次维修" not in "".join(pages_text(bare))
    assert _rect_ops(settled_pdf) > _rect_ops(bare) + 100  # the QR modules are drawn as rectangles


@pytest.mark.skipif(
    not (shutil.which("pdftoppm") and shutil.which("zbarimg")), reason="needs poppler-utils and zbar-tools"
)
def test_rating_qr_scans_back_to_the_url(settled_pdf: bytes, tmp_path: Path) -> None:
    """180 dpi is what a 24-pin dot-matrix printer prints; the code must still scan there."""
    pdf = tmp_path / "list.pdf"
    pdf.write_bytes(settled_pdf)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "180", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "p")], check=True
    )
    png = next(tmp_path.glob("p*.png"))
    out = subprocess.run(["zbarimg", "-q", "--raw", str(png)], capture_output=True, text=True, check=False)
    assert out.stdout.strip() == RATING_URL


def test_output_is_deterministic(settled_pdf: bytes) -> None:
    assert render_settlement_list(make_order(), make_shop()) == settled_pdf


# --------------------------------------------------------------------------------- previews, revisions


def test_unsettled_order_prints_a_preview_without_number() -> None:
    order = make_order(state="completed", costlistcode=None, settled_at=None, payments=())
    text = "".join(pages_text(render_settlement_list(order, make_shop())))
    assert "未结算/预览" in text
    assert "预览" in text
    assert LIST_NO not in text
    assert "实收金额支付方式" in text  # left blank for the pen
    assert suggested_filename(order) == f"预览_WO-20261124-0007_{PLATE}.pdf"


def test_correction_shows_its_revision() -> None:
    order = make_order(revision=2, revision_of=41)
    text = "".join(pages_text(render_settlement_list(order, make_shop())))
    assert "更正版第2版" in text
    assert suggested_filename(order) == f"结算清单_{LIST_NO}_{PLATE}_第2版.pdf"


def test_english_labels() -> None:
    data = render_settlement_list(make_order(), make_shop(), lang="en")
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages)
    for needle in (
        "Motor Vehicle Repair Settlement List",
        "Settlement list No.",
        "Part category",
        "OEM",
        "Salvaged",
        "Amount due",
        "Discount",
        "Old parts",
        "Customer signature",
        "Page 1 of 2",
        "Second-level maintenance",
        "WeChat Pay",
        "Scan to rate this repair",
    ):
        assert needle in text, needle
    assert "机动车维修费用结算清单" not in text
    assert "壹仟伍佰柒拾玖元柒角捌分" in text  # the capitals stay: they are what the figures are checked by


def test_cancelled_and_superseded_orders_are_marked() -> None:
    cancelled = make_order(state="cancelled", costlistcode=None, settled_at=None, payments=())
    assert "已作废" in "".join(pages_text(render_settlement_list(cancelled, make_shop())))
    superseded = make_order(superseded=True)
    text = "".join(pages_text(render_settlement_list(superseded, make_shop())))
    assert "已被更正版取代" in text and LIST_NO in text


def test_concurrent_renders_match_a_serial_one(settled_pdf: bytes) -> None:
    """Lists are rendered on worker threads; reportlab mutates the shared font face while subsetting,
    so without the build lock this failed with KeyError in makeSubset about one run in three."""
    results: list[bytes] = []

    def work() -> None:
        results.append(render_settlement_list(make_order(), make_shop()))

    threads = [threading.Thread(target=work) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [settled_pdf] * 3


# ----------------------------------------------------------------------------------------- file names


def test_suggested_filename_is_findable_and_windows_safe() -> None:
    assert suggested_filename(make_order()) == f"结算清单_{LIST_NO}_{PLATE}.pdf"
    assert suggested_filename(make_order(), lang="en") == f"SettlementList_{LIST_NO}_{PLATE}.pdf"
    odd = make_order(costlistcode='SH01/2026:11*26?"0003" ')
    name = suggested_filename(odd)
    assert not set('<>:"/\\|?*') & set(name)
    assert name.startswith("结算清单_SH01-2026-11-26-") and name.endswith(f"_{PLATE}.pdf")
    unplated = make_order(vehicle=replace(make_order().vehicle, plate=""))
    assert suggested_filename(unplated) == f"结算清单_{LIST_NO}_{VIN}.pdf"  # a new car without plates


# ------------------------------------------------------------------------------------ font, messages


def test_missing_font_is_a_clear_domain_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(fonts, "_registered", None)
    monkeypatch.setattr(fonts, "CJK_FONT_FILE", tmp_path / "gone.ttc")
    with pytest.raises(DomainError) as caught:
        render_settlement_list(make_order(), make_shop())
    assert caught.value.code == "report.font_missing"
    assert "gone.ttc" in render(caught.value.code, caught.value.params, "en")


def test_font_registration_is_once_and_thread_safe(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts, "_registered", None)
    names: list[str] = []
    threads = [threading.Thread(target=lambda: names.append(fonts.cjk_font())) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert names == [fonts.CJK_FONT_NAME] * 4


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_messages_and_labels_have_both_languages_with_same_placeholders() -> None:
    for code, texts in messages_reports.MESSAGES.items():
        assert code.startswith("report.")
        assert set(texts) == {"zh_CN", "en"}
        assert _fields(texts["zh_CN"]) == _fields(texts["en"]), code
    for key, (zh, en) in LABELS.items():
        assert re.search(r"[\u4e00-\u9fff]", zh) and en.isascii(), key
        assert _fields(zh) == _fields(en), key


# ------------------------------------------------------------------------------------------- timing


def test_render_time_is_reported() -> None:
    """Not a timed assertion (shared, noisy machines): prints the median for the report."""
    order, shop = make_order(), make_shop()
    render_settlement_list(order, shop)  # font registration and imports
    samples = []
    for _ in range(15):
        start = time.perf_counter()
        render_settlement_list(order, shop)
        samples.append(time.perf_counter() - start)
    print(
        f"\nsettlement list render: median {statistics.median(samples) * 1000:.0f} ms, "
        f"max {max(samples) * 1000:.0f} ms over {len(samples)} runs"
    )
