"""Payload mapping: exact golden requests per variant, and the checks that refuse rather than cut.

Golden files live in ``tests/unit/golden/``; set ``BANSHOU_REGEN_GOLDEN=1`` to rewrite them after an
intended change, then read the diff before committing it.
"""

from __future__ import annotations

import dataclasses
import json
import os
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from app.domain.errors import DomainError
from app.ehr.payloads import build_record_request, map_record, plain_decimal, record_request, token_request
from app.ehr.profiles import Profile, load_profile
from app.ehr.results import explain
from app.ehr.sandbox.samples import sample_order, sample_shop, with_vehicle
from app.i18n import CATALOGUE
from app.services.dto import LabourLine, PartLine

GOLDEN = Path(__file__).parent / "golden"
HEADER_TIME = datetime(2026, 1, 5, 2, 0, 7, tzinfo=UTC)  # 10:00:07 in Shanghai
TOKEN = "TOKEN-FIXTURE"
PASSWORD = "PASSWORD-FIXTURE"


def _profiles() -> dict[str, Profile]:
    a = load_profile("variant-a")
    return {
        "a_nested": a,
        "a_stringified": a.with_overrides(stringify_sections=True),
        "a_numbers_colour_code": a.with_overrides(numbers_as_strings=False, send_plate_colour="code"),
        "b": load_profile("variant-b"),
        "c": load_profile("variant-c"),
    }


def _requests(profile: Profile) -> dict[str, Any]:
    order, shop = sample_order(), sample_shop()
    return {
        "token": token_request(profile, shop.company_code, PASSWORD, HEADER_TIME).as_dict(),
        "record": build_record_request(profile, order, shop, TOKEN, HEADER_TIME).as_dict(),
    }


def _rejected(profile: Profile, **changes: Any) -> DomainError:
    with pytest.raises(DomainError) as caught:
        map_record(profile, sample_order(**changes), sample_shop())
    return caught.value


@pytest.mark.parametrize("case", sorted(_profiles()))
def test_golden_request(case: str) -> None:
    text = json.dumps(_requests(_profiles()[case]), ensure_ascii=False, indent=2) + "\n"
    path = GOLDEN / f"{case}.json"
    if os.environ.get("BANSHOU_REGEN_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def test_golden_a_nested_reads_as_the_protocol_describes() -> None:
    """A hand check of one golden file, so the goldens are not just whatever the code printed once."""
    body = json.loads((GOLDEN / "a_nested.json").read_text(encoding="utf-8"))["record"]["json_body"]
    assert list(body) == ["access_token", "basicInfo", "vehiclepartslist", "repairprojectlist"]
    assert body["basicInfo"] == {
        "vehicleplatenumber": "沪A12345",
        "companyname": "上海扳手汽车维修有限公司",
        "vin": "LSVAU218XN2183294",
        "repairdate": "20260103",
        "repairmileage": "58230",
        "settledate": "20260105",
        "faultdescription": "发动机故障灯亮，怠速抖动",
        "costlistcode": "BS-20260105-0001",
    }
    assert body["repairprojectlist"] == [
        {"repairproject": "更换火花塞", "workinghours": "1.5"},
        {"repairproject": "检查点火线圈", "workinghours": "0.5"},
    ]
    assert body["vehiclepartslist"][1] == {"partsname": "机油 5W-30", "partscode": "BS-000123",
                                           "partsquantity": "4.5"}  # fmt: skip


def test_stringified_sections_parse_back_to_the_nested_form() -> None:
    profiles = _profiles()
    nested = _requests(profiles["a_nested"])["record"]["json_body"]
    stringified = _requests(profiles["a_stringified"])["record"]["json_body"]
    assert all(isinstance(stringified[k], str) for k in ("basicInfo", "vehiclepartslist", "repairprojectlist"))
    assert {k: json.loads(v) if k != "access_token" else v for k, v in stringified.items()} == nested


def test_numbers_as_numbers_and_plate_colour_code() -> None:
    body = _requests(_profiles()["a_numbers_colour_code"])["record"]["json_body"]
    assert body["basicInfo"]["vehicleplatecolor"] == "1"
    assert [p["partsquantity"] for p in body["vehiclepartslist"]] == [4, 4.5]
    assert body["repairprojectlist"][0]["workinghours"] == 1.5
    assert body["basicInfo"]["repairmileage"] == "58230"  # basic fields stay strings in every source


def test_variant_b_envelope_and_header_in_shanghai_time() -> None:
    spec = build_record_request(load_profile("variant-b"), sample_order(), sample_shop(), TOKEN, HEADER_TIME)
    transaction = spec.json_body["transaction"] if spec.json_body else {}
    assert transaction["header"] == {"date": "20260105", "time": "100007"}
    assert transaction["body"]["reqInfo"]["access_token"] == TOKEN
    assert (spec.content_type or "").startswith("text/html")


def test_variant_c_query_survives_url_encoding() -> None:
    profile = load_profile("variant-c")
    spec = build_record_request(profile, sample_order(), sample_shop(), TOKEN, HEADER_TIME)
    assert spec.method == "GET" and spec.json_body is None and spec.query is not None
    url = httpx.Request(spec.method, profile.url(spec.path), params=spec.query).url
    sent = json.loads(parse_qs(urlsplit(str(url)).query)["repairdata"][0])
    assert sent == json.loads(spec.query["repairdata"])
    assert sent["body"]["vehicleplatecolor"] == "蓝"
    assert "repairProjectList" in sent["body"] and "vehiclePartsList" in sent["body"]
    assert sent["header"] == {"date": "20260105", "time": "100007"}


def test_field_name_overrides_apply_everywhere() -> None:
    profile = load_profile("variant-a").with_overrides(field_names={"vin": "VIN", "partscode": "partsCode"})
    body = build_record_request(profile, sample_order(), sample_shop(), TOKEN, HEADER_TIME).json_body or {}
    assert "VIN" in body["basicInfo"] and "vin" not in body["basicInfo"]
    assert all("partsCode" in p for p in body["vehiclepartslist"])


def test_dates_are_shop_local_and_follow_the_date_format() -> None:
    late_evening = datetime(2026, 1, 3, 17, 0, tzinfo=UTC)  # already 4 January in Shanghai
    profile = load_profile("variant-a").with_overrides(date_format="yyyy-MM-dd")
    record = map_record(profile, sample_order(intake_at=late_evening), sample_shop())
    assert record.basic["repairdate"] == "2026-01-04"
    assert record.basic["settledate"] == "2026-01-05"


def test_surrounding_blanks_are_trimmed_and_nothing_else_changes() -> None:
    record = map_record(load_profile("variant-a"), sample_order(fault_description="  异响 \n"), sample_shop())
    assert record.basic["faultdescription"] == "异响"


@pytest.mark.parametrize(
    ("field", "limit", "changes"),
    [
        ("faultdescription", 200, lambda n: {"fault_description": "响" * n}),
        ("costlistcode", 50, lambda n: {"costlistcode": "B" * n}),
        ("repairproject", 200, lambda n: {"labour": (LabourLine(item="换" * n, hours=Decimal(1), rate_fen=1),)}),
        ("partsname", 50, lambda n: {"parts": (_part(name="件" * n),)}),
        ("partscode", 50, lambda n: {"parts": (_part(part_code="X" * n),)}),
    ],
)
def test_a_field_at_its_limit_passes_whole_and_one_more_is_refused(field: str, limit: int, changes: Any) -> None:
    profile = load_profile("variant-a")
    record = map_record(profile, sample_order(**changes(limit)), sample_shop())
    texts = [*record.basic.values(), *(item for item, _ in record.projects),
             *(text for name, code, _ in record.parts for text in (name, code))]  # fmt: skip
    assert any(len(text) == limit for text in texts)  # sent whole, not cut
    error = _rejected(profile, **changes(limit + 1))
    assert error.field == field
    assert error.params["limit"] == limit and error.params["length"] == limit + 1


def test_company_name_and_plate_limits() -> None:
    profile = load_profile("variant-a")
    with pytest.raises(DomainError) as caught:
        map_record(profile, sample_order(), dataclasses.replace(sample_shop(), name="企" * 101))
    assert caught.value.field == "companyname"
    assert _rejected(profile, vehicle=with_vehicle(sample_order(), plate="沪A1234567").vehicle).field == (
        "vehicleplatenumber"
    )


def _part(**changes: Any) -> PartLine:
    base = PartLine(name="火花塞", quantity=Decimal(1), unit="个", unit_price_fen=1, category="brand",
                    part_code="NGK-1")  # fmt: skip
    return dataclasses.replace(base, **changes)


@pytest.mark.parametrize("code", ["无", "N/A", "n/a", " 无 "])
def test_placeholder_part_codes_are_never_sent(code: str) -> None:
    error = _rejected(load_profile("variant-a"), parts=(_part(part_code=code),))
    assert (error.code, error.field, error.params["line"]) == ("ehr.payload.part_code_placeholder", "partscode", 1)


def test_an_empty_part_code_is_refused_not_filled_in() -> None:
    error = _rejected(load_profile("variant-a"), parts=(_part(), _part(part_code="")))
    assert (error.code, error.field, error.params["line"]) == ("ehr.payload.line_missing", "partscode", 2)


@pytest.mark.parametrize(
    ("changes", "code", "field"),
    [
        ({"state": "completed", "settled_at": None}, "ehr.payload.not_settled", "state"),
        ({"costlistcode": None}, "ehr.payload.missing", "costlistcode"),
        ({"costlistcode": "BS-２０２６"}, "ehr.payload.not_ascii", "costlistcode"),
        ({"intake_mileage": None}, "ehr.payload.missing", "repairmileage"),
        ({"intake_mileage": 2_000_000}, "ehr.payload.out_of_range", "repairmileage"),
        ({"fault_description": "   "}, "ehr.payload.missing", "faultdescription"),
        ({"labour": (), "parts": ()}, "ehr.payload.no_lines", "repairprojectlist"),
        ({"labour": (LabourLine(item="检查", hours=Decimal("1.25"), rate_fen=1),)}, "ehr.payload.too_precise",
         "workinghours"),
        ({"labour": (LabourLine(item="检查", hours=Decimal("-1"), rate_fen=1),)}, "ehr.payload.bad_number",
         "workinghours"),
        ({"parts": (_part(quantity=Decimal(0)),)}, "ehr.payload.bad_number", "partsquantity"),
        ({"parts": (_part(quantity=Decimal("1.125")),)}, "ehr.payload.too_precise", "partsquantity"),
    ],
)  # fmt: skip
def test_refusals_name_the_field(changes: dict[str, Any], code: str, field: str) -> None:
    error = _rejected(load_profile("variant-a"), **changes)
    assert (error.code, error.field) == (code, field)
    assert code in CATALOGUE
    assert "{" not in explain(error.issues[0], "zh_CN") and "{" not in explain(error.issues[0], "en")


def test_zero_hours_and_trailing_zeros_are_fine() -> None:
    order = sample_order(labour=(LabourLine(item="检查", hours=Decimal("0.0"), rate_fen=1),),
                         parts=(_part(quantity=Decimal("2.50")),))  # fmt: skip
    body = build_record_request(load_profile("variant-a"), order, sample_shop(), TOKEN, HEADER_TIME).json_body
    assert body is not None
    assert body["repairprojectlist"][0]["workinghours"] == "0"
    assert body["vehiclepartslist"][0]["partsquantity"] == "2.5"


@pytest.mark.parametrize(("value", "text"), [("1.50", "1.5"), ("2.0", "2"), ("100", "100"), ("0.05", "0.05")])
def test_plain_decimal(value: str, text: str) -> None:
    assert plain_decimal(Decimal(value)) == text


def test_plate_colour_word_needs_a_known_colour() -> None:
    profile = load_profile("variant-c")
    order = with_vehicle(sample_order(), plate_colour=94)
    assert map_record(profile, order, sample_shop()).basic["vehicleplatecolor"] == "渐变绿"
    error = _rejected(profile, vehicle=with_vehicle(sample_order(), plate_colour=0).vehicle)
    assert error.code == "ehr.payload.plate_colour_unknown"


def test_plate_colour_off_sends_no_colour() -> None:
    assert "vehicleplatecolor" not in map_record(load_profile("variant-a"), sample_order(), sample_shop()).basic


def test_record_request_reuses_one_mapping_for_any_token() -> None:
    profile = load_profile("variant-a")
    record = map_record(profile, sample_order(), sample_shop())
    first = record_request(profile, record, "T1", HEADER_TIME).json_body or {}
    second = record_request(profile, record, "T2", HEADER_TIME).json_body or {}
    assert {**first, "access_token": "T2"} == second
