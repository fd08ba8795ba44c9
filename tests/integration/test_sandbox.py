"""The sandbox as a province: §9.1 codes, §8 checks, repeats, faults and the control endpoints.

These tests speak raw HTTP (a real httpx client over loopback, no EhrClient), so they pin the
sandbox's own behaviour; ``test_ehr_client.py`` then proves the client against it.
"""

from __future__ import annotations

import copy
import json
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.domain.clock import ManualClock
from app.ehr.payloads import build_record_request
from app.ehr.profiles import load_profile
from app.ehr.sandbox import FaultPlan, Sandbox, run_sandbox
from app.ehr.sandbox.samples import sample_order, sample_shop
from app.ehr.sandbox.wire import A_RECORD, A_TOKEN, WASTE

CODE = "310115000000001"
PASSWORD = "s3cret-Pa55"
ACCOUNTS = {CODE: PASSWORD}


@pytest.fixture
def sclock() -> ManualClock:
    return ManualClock(datetime(2026, 1, 5, 2, 0, tzinfo=UTC))


@pytest.fixture
def sb(tmp_path: Path, sclock: ManualClock) -> Iterator[Sandbox]:
    with run_sandbox(db_path=tmp_path / "sandbox.db", accounts=ACCOUNTS, clock=sclock) as sandbox:
        yield sandbox


@pytest.fixture
def http(sb: Sandbox) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=sb.base_url, timeout=5) as client:
        yield client


def _token(http: httpx.Client, password: str = PASSWORD) -> dict[str, Any]:
    return http.post(A_TOKEN, json={"companycode": CODE, "companypassword": password}).json()


def _body(token: str, costlistcode: str = "BS-20260105-0001", **changes: Any) -> dict[str, Any]:
    spec = build_record_request(load_profile("sandbox"), sample_order(costlistcode, **changes), sample_shop(),
                                token, datetime(2026, 1, 5, 2, 0, tzinfo=UTC))  # fmt: skip
    assert spec.json_body is not None
    return spec.json_body


def _send(http: httpx.Client, body: dict[str, Any]) -> dict[str, Any]:
    response = http.post(A_RECORD, json=body)
    assert response.status_code == 200
    return response.json()


def test_binds_loopback_only(sb: Sandbox) -> None:
    assert sb.base_url.startswith("http://127.0.0.1:")
    assert sb.address == ("127.0.0.1", sb.port)


def test_token_is_issued_for_the_right_password_only(http: httpx.Client) -> None:
    good = _token(http)
    assert good["code"] == "1" and re.fullmatch(r"[0-9a-f]{64}", good["access_token"])
    assert _token(http, "wrong") == {"code": "4", "status": "企业编码或密码错误"}
    other = http.post(A_TOKEN, json={"companycode": "999", "companypassword": PASSWORD}).json()
    assert other["code"] == "4"


def test_record_is_added_then_an_identical_repeat_is_counted(http: httpx.Client, sb: Sandbox) -> None:
    token = _token(http)["access_token"]
    assert _send(http, _body(token)) == {"code": "1", "status": "新增成功"}
    assert _send(http, _body(token)) == {"code": "1", "status": "已存在（重复上传）"}
    stored = sb.record("BS-20260105-0001")
    assert stored is not None and stored.repeats == 1 and stored.companycode == CODE
    assert stored.content["basicInfo"]["vin"] == "LSVAU218XN2183294"
    assert sb.stats().repeats == 1 and sb.stats().records == 1


def test_a_repeat_in_another_encoding_is_still_a_repeat(http: httpx.Client, sb: Sandbox) -> None:
    token = _token(http)["access_token"]
    nested = _body(token)
    stringified = {k: v if k == "access_token" else json.dumps(v, ensure_ascii=False) for k, v in nested.items()}
    numbers = copy.deepcopy(nested)
    numbers["repairprojectlist"][0]["workinghours"] = 1.5
    for body in (nested, stringified, numbers):
        assert _send(http, body)["code"] == "1"
    assert sb.repeats("BS-20260105-0001") == 2


@pytest.mark.parametrize("token", ["", "not-a-token"])
def test_missing_or_unknown_token_is_minus_one(http: httpx.Client, token: str, sb: Sandbox) -> None:
    body = _body(token)
    if not token:
        del body["access_token"]
    answer = _send(http, body)
    assert answer["code"] == "-1" and "令牌" in answer["status"]
    assert sb.records() == []


def test_token_expires_after_its_ttl_on_the_sandbox_clock(http: httpx.Client, sclock: ManualClock) -> None:
    token = _token(http)["access_token"]
    sclock.advance(1799)
    assert _send(http, _body(token, "BS-1"))["code"] == "1"
    sclock.advance(1)
    assert _send(http, _body(token, "BS-2"))["code"] == "-1"


def _mutated(token: str, section: str, key: str | None, value: Any, index: int = 0) -> dict[str, Any]:
    body = _body(token)
    target = body[section] if key is None or section == "basicInfo" else body[section][index]
    if key is None:
        body[section] = value
    else:
        target[key] = value
    return body


@pytest.mark.parametrize(
    ("section", "key", "value", "field"),
    [
        ("basicInfo", "vehicleplatenumber", "沪A1234", "vehicleplatenumber"),
        ("basicInfo", "vehicleplatenumber", "沪AI2345", "vehicleplatenumber"),
        ("basicInfo", "vehicleplatenumber", "A123456", "vehicleplatenumber"),
        ("basicInfo", "vin", "LSVAU218XN218329", "vin"),
        ("basicInfo", "vin", "LSVAU218XN21832O4", "vin"),
        ("basicInfo", "repairdate", "2026-01-03", "repairdate"),
        ("basicInfo", "repairdate", "20260230", "repairdate"),
        ("basicInfo", "repairdate", "20260106", "settledate"),  # settle before intake
        ("basicInfo", "settledate", "20260106", "settledate"),  # tomorrow in Shanghai
        ("basicInfo", "repairmileage", "12.5", "repairmileage"),
        ("basicInfo", "repairmileage", 58230, "repairmileage"),
        ("basicInfo", "faultdescription", "", "faultdescription"),
        ("basicInfo", "faultdescription", "响" * 201, "faultdescription"),
        ("basicInfo", "costlistcode", "BS-二〇二六", "costlistcode"),
        ("repairprojectlist", "workinghours", "1.25", "workinghours"),
        ("repairprojectlist", "workinghours", "-1", "workinghours"),
        ("repairprojectlist", "repairproject", "换" * 201, "repairproject"),
        ("vehiclepartslist", "partsquantity", "0", "partsquantity"),
        ("vehiclepartslist", "partsquantity", "1.125", "partsquantity"),
        ("vehiclepartslist", "partscode", "无", "partscode"),
        ("vehiclepartslist", "partscode", "N/A", "partscode"),
        ("vehiclepartslist", "partsname", "件" * 51, "partsname"),
    ],
)
def test_blocking_rules_answer_two_and_name_the_field(
    http: httpx.Client, sb: Sandbox, section: str, key: str, value: Any, field: str
) -> None:
    answer = _send(http, _mutated(_token(http)["access_token"], section, key, value))
    assert answer["code"] == "2"
    assert answer["status"].startswith(f"校验失败：{field}，")
    assert sb.records() == []


def test_at_least_one_line_is_required(http: httpx.Client) -> None:
    body = _body(_token(http)["access_token"])
    body["repairprojectlist"], body["vehiclepartslist"] = [], []
    assert _send(http, body)["status"].startswith("校验失败：repairprojectlist，")


def test_warnings_are_stored_with_the_record(http: httpx.Client, sb: Sandbox) -> None:
    token = _token(http)["access_token"]
    body = _mutated(token, "basicInfo", "vin", "LSVAU2180N2183294")  # check digit should be X
    body["basicInfo"]["repairmileage"] = "0"
    assert _send(http, body)["code"] == "1"
    stored = sb.record("BS-20260105-0001")
    assert stored is not None and set(stored.warnings) == {"vin_check_digit", "mileage_zero"}


def test_changed_content_is_a_correction_unless_refused(tmp_path: Path, sclock: ManualClock) -> None:
    for refuse, expected in ((False, "1"), (True, "3")):
        with run_sandbox(db_path=tmp_path / f"c{refuse}.db", accounts=ACCOUNTS, clock=sclock,
                         refuse_corrections=refuse) as sandbox, httpx.Client(base_url=sandbox.base_url) as http:  # fmt: skip
            token = _token(http)["access_token"]
            _send(http, _body(token))
            answer = _send(http, _body(token, fault_description="异响"))
            assert answer["code"] == expected
            stored = sandbox.record("BS-20260105-0001")
            assert stored is not None
            assert (stored.corrections, stored.refused_corrections) == ((0, 1) if refuse else (1, 0))
            assert stored.content["basicInfo"]["faultdescription"] == ("发动机故障灯亮，怠速抖动" if refuse else "异响")
            if refuse:
                assert answer["status"].startswith("costlistcode ")


def test_http_fault_with_retry_after_stores_nothing(http: httpx.Client, sb: Sandbox) -> None:
    token = _token(http)["access_token"]
    sb.set_faults(http_status=429, http_count=1, retry_after_s=7)
    response = http.post(A_RECORD, json=_body(token))
    assert response.status_code == 429 and response.headers["Retry-After"] == "7"
    assert sb.records() == []
    assert _send(http, _body(token))["code"] == "1"  # the count ran out


def test_drop_before_store_stores_nothing(http: httpx.Client, sb: Sandbox) -> None:
    token = _token(http)["access_token"]
    sb.set_faults(drop_before_store=1)
    with pytest.raises(httpx.RemoteProtocolError):
        http.post(A_RECORD, json=_body(token))
    assert sb.records() == []
    assert sb.requests()[-1].fault == "drop_before_store"


def test_drop_after_store_keeps_the_record_and_a_retry_is_a_repeat(http: httpx.Client, sb: Sandbox) -> None:
    token = _token(http)["access_token"]
    sb.set_faults(drop_after_store=1)
    with pytest.raises(httpx.RemoteProtocolError):
        http.post(A_RECORD, json=_body(token))
    assert [r.costlistcode for r in sb.records()] == ["BS-20260105-0001"]
    assert _send(http, _body(token))["status"] == "已存在（重复上传）"
    assert sb.repeats("BS-20260105-0001") == 1


def test_token_expiry_every_n_requests(http: httpx.Client, sb: Sandbox) -> None:
    sb.set_faults(token_expiry_every=3)
    token = _token(http)["access_token"]
    codes = []
    for i in range(3):
        codes.append(_send(http, _body(token, f"BS-{i}"))["code"])
    assert codes == ["1", "1", "-1"]
    assert _send(http, _body(token, "BS-x"))["code"] == "-1"  # that token is gone for good


def test_latency_is_real_time(http: httpx.Client, sb: Sandbox) -> None:
    sb.set_faults(latency_ms=150)
    started = time.monotonic()
    _token(http)
    assert time.monotonic() - started >= 0.14


def _fault_sequence(tmp_path: Path, sclock: ManualClock, name: str) -> list[str]:
    plan = FaultPlan(failure_rate=0.5, seed=42)
    with run_sandbox(db_path=tmp_path / name, accounts=ACCOUNTS, clock=sclock, faults=plan) as sandbox:
        with httpx.Client(base_url=sandbox.base_url, timeout=5) as http:
            token = _token(http)["access_token"]
            for i in range(12):
                try:
                    http.post(A_RECORD, json=_body(token, f"BS-{i}"))
                except httpx.RemoteProtocolError:
                    pass
        return [r.fault for r in sandbox.requests() if r.kind == "record"]


def test_random_failures_are_reproducible_from_the_seed(tmp_path: Path, sclock: ManualClock) -> None:
    first = _fault_sequence(tmp_path, sclock, "one.db")
    assert first == _fault_sequence(tmp_path, sclock, "two.db")
    assert {"none", "http"} <= set(first) and len(set(first)) >= 3


def test_control_endpoints(http: httpx.Client, sb: Sandbox) -> None:
    assert http.post("/_sandbox/faults", json={"http_status": 503, "http_count": 2}).json()["http_count"] == 2
    assert http.get("/_sandbox/faults").json()["http_status"] == 503
    assert http.post("/_sandbox/faults", json={"nonsense": 1}).status_code == 400
    assert http.post("/_sandbox/faults", json={"http_status": 418}).status_code == 400
    assert http.post("/_sandbox/faults", json={"clear": True}).json()["http_status"] is None
    token = _token(http)["access_token"]
    _send(http, _body(token))
    _send(http, _body(token))
    assert http.get("/_sandbox/stats").json()["repeats"] == 1
    assert http.get("/_sandbox/duplicates").json() == {
        "duplicates": [{"costlistcode": "BS-20260105-0001", "repeats": 1}], "total": 1}  # fmt: skip
    one = http.get("/_sandbox/records", params={"costlistcode": "BS-20260105-0001"}).json()["record"]
    assert one["repeats"] == 1
    assert len(http.get("/_sandbox/records").json()["records"]) == 1
    log = http.get("/_sandbox/requests").json()["requests"]
    assert [r["kind"] for r in log] == ["token", "record", "record"]
    assert http.post("/_sandbox/reset").json() == {"reset": True}
    assert sb.stats().records == 0 and sb.stats().requests == 0
    assert _send(http, _body(token))["code"] == "-1"  # reset forgets tokens too
    assert http.get("/_sandbox/nothing").status_code == 404


def test_unknown_paths_and_methods(http: httpx.Client) -> None:
    assert http.get("/restservices/other").status_code == 404
    assert http.get(A_RECORD).status_code == 405


def _waste(token: str, **changes: Any) -> dict[str, Any]:
    line = {"wastecategory": "HW08", "wastecode": "900-214-08", "wastename": "废矿物油", "containercode": "C01",
            "quantity": "100", "unit": "L", "weightkg": "88"}  # fmt: skip
    info = {"manifestno": "20263101000123", "handoverdate": "20260105", "receivername": "上海绿源",
            "receiverlicenseno": "沪环危废经字 2024-031 号", "carriername": "绿源物流", "carrierplate": "沪D12345",
            "wastelist": [line]}  # fmt: skip
    for key, value in changes.items():
        (line if key in line else info)[key] = value
    return {"access_token": token, "wasteInfo": info}


def test_waste_call_stores_counts_repeats_and_names_the_field(http: httpx.Client, sb: Sandbox) -> None:
    assert http.post(WASTE, json=_waste("nope")).json()["code"] == "-1"
    token = _token(http)["access_token"]
    assert http.post(WASTE, json=_waste(token)).json() == {"code": "1", "status": "新增成功"}
    assert http.post(WASTE, json=_waste(token)).json() == {"code": "1", "status": "已存在（重复上传）"}
    for change, name in ((dict(manifestno="2026310100012"), "manifestno"), (dict(wastelist=[]), "wastelist"),
                         (dict(quantity="0"), "quantity"), (dict(wastecode="900-44-49"), "wastecode")):  # fmt: skip
        reply = http.post(WASTE, json=_waste(token, **change)).json()
        assert reply["code"] == "2" and reply["status"].startswith(f"校验失败：{name}，")
    [stored] = sb.waste_records()
    assert (stored.manifestno, stored.repeats, stored.companycode) == ("20263101000123", 1, CODE)
    assert stored.content["wastelist"][0]["wastecode"] == "900-214-08"
    assert sb.stats().records == 0 and sb.stats().record_requests == 0  # records and their counts unaffected


def test_the_database_file_never_holds_a_password_or_token(http: httpx.Client, sb: Sandbox, tmp_path: Path) -> None:
    token = _token(http)["access_token"]
    _send(http, _body(token))
    _token(http, "wrong-password-XYZ")
    sb.stop()
    raw = (tmp_path / "sandbox.db").read_bytes()
    for secret in (PASSWORD, "wrong-password-XYZ", token):
        assert secret.encode() not in raw


def test_cli_starts_serves_and_stops(tmp_path: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "app.ehr.sandbox", "--port", "0", "--db", str(tmp_path / "cli.db"),
         "--account", f"{CODE}:{PASSWORD}", "--faults", '{"latency_ms": 1}'],
        stdout=subprocess.PIPE, text=True, cwd=Path(__file__).resolve().parents[2],
    )  # fmt: skip
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        match = re.search(r"(http://127\.0\.0\.1:\d+/)", line)
        assert match, line
        with httpx.Client(base_url=match.group(1), timeout=5) as http:
            assert _token(http)["code"] == "1"
            assert http.get("/_sandbox/faults").json()["latency_ms"] == 1
    finally:
        process.terminate()
        assert process.wait(timeout=10) == 0
