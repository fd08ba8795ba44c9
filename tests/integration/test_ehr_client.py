"""EhrClient against the real sandbox over loopback: every outcome class, token handling, ambiguity,
TLS and secrets. No mock anywhere: the sandbox's own counts prove what reached the "province"."""

from __future__ import annotations

import ipaddress
import logging
import re
import socket
import ssl
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from app.domain.clock import ManualClock
from app.domain.errors import DomainError
from app.ehr import EhrClient, Outcome, UploadResult, explain, load_profile
from app.ehr.redact import redact
from app.ehr.results import parse_retry_after
from app.ehr.sandbox import Sandbox, run_sandbox
from app.ehr.sandbox.samples import sample_order, sample_shop, with_vehicle
from app.services.dto import PartLine

CODE = "310115000000001"
PASSWORD = "s3cret-Pa55!"
ACCOUNTS = {CODE: PASSWORD}
START = datetime(2026, 1, 5, 2, 0, tzinfo=UTC)
APP_DIR = Path(__file__).resolve().parents[2] / "app"


@pytest.fixture
def eclock() -> ManualClock:
    return ManualClock(START)


@pytest.fixture
def sb(tmp_path: Path, eclock: ManualClock) -> Iterator[Sandbox]:
    with run_sandbox(db_path=tmp_path / "sandbox.db", accounts=ACCOUNTS, clock=eclock) as sandbox:
        yield sandbox


def _client(sb: Sandbox, clock: ManualClock, name: str = "sandbox", password: str = PASSWORD,
            **overrides: Any) -> EhrClient:  # fmt: skip
    profile = load_profile(name).with_overrides(base_url=sb.base_url, **overrides)
    return EhrClient(profile, CODE, lambda: password, clock)


def _upload(sb: Sandbox, clock: ManualClock, costlistcode: str = "BS-1", **overrides: Any) -> UploadResult:
    with _client(sb, clock, **overrides) as client:
        return client.upload(sample_order(costlistcode), sample_shop())


def _kinds(sb: Sandbox) -> list[tuple[str, str | None]]:
    return [(r.kind, r.code) for r in sb.requests()]


VARIANTS = [
    ("sandbox", {}),
    ("variant-a", {}),
    ("variant-a", {"stringify_sections": True}),
    ("variant-a", {"numbers_as_strings": False, "send_plate_colour": "code"}),
    ("variant-b", {}),
    ("variant-c", {}),
]


@pytest.mark.parametrize(("name", "overrides"), VARIANTS)
def test_happy_path_for_each_variant(sb: Sandbox, eclock: ManualClock, name: str, overrides: dict[str, Any]) -> None:
    result = _upload(sb, eclock, name=name, **overrides)
    assert (result.outcome, result.code, result.status) == (Outcome.ACCEPTED, "1", "新增成功")
    assert (result.duplicate, result.ambiguous, result.requests_sent) == (False, False, 1)
    stored = sb.record("BS-1")
    assert stored is not None and stored.warnings == ()
    assert stored.content["basicInfo"]["vin"] == "LSVAU218XN2183294"
    assert stored.content["vehiclepartslist"][1]["partsquantity"] == "4.5"
    expected_variant = load_profile(name).variant
    assert {r.variant for r in sb.requests() if r.kind != "time"} == {expected_variant}


@pytest.mark.parametrize("name", ["sandbox", "variant-b", "variant-c"])
def test_connection_check(sb: Sandbox, eclock: ManualClock, name: str) -> None:
    with _client(sb, eclock, name) as client:
        ok = client.test_connection()
    assert ok.ok and ok.message_code == "ehr.connection.ok"
    assert ok.server_time == (START if name == "variant-b" else None)
    with _client(sb, eclock, name, password="wrong") as client:
        bad = client.test_connection()
    assert (bad.ok, bad.outcome, bad.code) == (False, Outcome.AUTH_FAILED, "4")


def test_repeat_upload_is_accepted_as_duplicate_with_one_token(sb: Sandbox, eclock: ManualClock) -> None:
    with _client(sb, eclock) as client:
        first = client.upload(sample_order("BS-1"), sample_shop())
        again = client.upload(sample_order("BS-1"), sample_shop())
    assert first.accepted and not first.duplicate
    assert again.accepted and again.duplicate and again.message_code == "ehr.upload.duplicate_accepted"
    assert sb.repeats("BS-1") == 1
    assert [k for k, _ in _kinds(sb)] == ["token", "record", "record"]


def test_token_is_renewed_by_age_without_a_refusal(sb: Sandbox, eclock: ManualClock) -> None:
    with _client(sb, eclock) as client:
        client.upload(sample_order("BS-1"), sample_shop())
        eclock.advance(1799)
        client.upload(sample_order("BS-2"), sample_shop())
        eclock.advance(1)
        client.upload(sample_order("BS-3"), sample_shop())
    assert _kinds(sb) == [("token", "1"), ("record", "1"), ("record", "1"), ("token", "1"), ("record", "1")]


def test_expired_token_reauthenticates_once_and_retries_once(tmp_path: Path, eclock: ManualClock) -> None:
    with run_sandbox(db_path=tmp_path / "s.db", accounts=ACCOUNTS, clock=eclock, token_ttl_s=60) as sb:
        with _client(sb, eclock) as client:
            client.upload(sample_order("BS-1"), sample_shop())
            eclock.advance(120)  # older than the sandbox's TTL, younger than the client's
            result = client.upload(sample_order("BS-2"), sample_shop())
        assert result.accepted and result.requests_sent == 2
        assert _kinds(sb)[2:] == [("record", "-1"), ("token", "1"), ("record", "1")]


def test_a_token_refused_twice_is_not_retried_a_third_time(sb: Sandbox, eclock: ManualClock) -> None:
    sb.set_faults(token_expiry_every=1)
    result = _upload(sb, eclock)
    assert (result.outcome, result.message_code, result.code) == (Outcome.AUTH_FAILED, "ehr.upload.token_refused", "-1")
    assert result.requests_sent == 2
    assert _kinds(sb) == [("token", "1"), ("record", "-1"), ("token", "1"), ("record", "-1")]


def test_wrong_password_is_auth_failed_and_sends_no_record(sb: Sandbox, eclock: ManualClock) -> None:
    result = _upload(sb, eclock, password="wrong")
    assert (result.outcome, result.code, result.status) == (Outcome.AUTH_FAILED, "4", "企业编码或密码错误")
    assert result.requests_sent == 0 and _kinds(sb) == [("token", "4")]
    assert "企业编码或密码" in explain(result)


def test_server_rejection_keeps_code_status_and_field(sb: Sandbox, eclock: ManualClock) -> None:
    order = with_vehicle(sample_order("BS-1"), vin="LSVAU218IN2183294")  # I is never used in a VIN
    with _client(sb, eclock) as client:
        result = client.upload(order, sample_shop())
    assert (result.outcome, result.code, result.field) == (Outcome.REJECTED, "2", "vin")
    assert result.status is not None and result.status.startswith("校验失败：vin，")
    assert "车辆识别代码（VIN）" in explain(result, "zh_CN") and "VIN" in explain(result, "en")
    assert sb.records() == []


def test_local_refusal_sends_nothing(sb: Sandbox, eclock: ManualClock) -> None:
    part = PartLine(name="机油", quantity=Decimal(4), unit="升", unit_price_fen=1, category="brand", part_code="无")
    with _client(sb, eclock) as client:
        result = client.upload(sample_order("BS-1", parts=(part,)), sample_shop())
    assert (result.outcome, result.field, result.requests_sent) == (Outcome.REJECTED, "partscode", 0)
    assert result.local_issue is not None and result.issue().code == "ehr.payload.part_code_placeholder"
    assert sb.stats().requests == 0


def test_429_is_transient_with_the_retry_after_delay(sb: Sandbox, eclock: ManualClock) -> None:
    with _client(sb, eclock) as client:
        client.test_connection()
        sb.set_faults(http_status=429, http_count=1, retry_after_s=7)
        result = client.upload(sample_order("BS-1"), sample_shop())
    assert (result.outcome, result.http_status, result.retry_after_s) == (Outcome.TRANSIENT, 429, 7.0)
    assert not result.ambiguous and sb.records() == []
    assert "7" in explain(result)


def test_retry_after_as_an_http_date() -> None:
    assert parse_retry_after("Mon, 05 Jan 2026 02:00:30 GMT", START) == 30.0
    assert parse_retry_after("soon", START) is None


@pytest.mark.parametrize(("status", "ambiguous"), [(503, False), (500, True)])
def test_server_errors_are_transient(sb: Sandbox, eclock: ManualClock, status: int, ambiguous: bool) -> None:
    sb.set_faults(http_status=status, http_count=1)
    result = _upload(sb, eclock)
    assert (result.outcome, result.http_status, result.ambiguous) == (Outcome.TRANSIENT, status, ambiguous)
    assert sb.records() == [] and sb.stats().repeats == 0


def test_drop_before_store_is_ambiguous_and_the_retry_is_not_a_repeat(sb: Sandbox, eclock: ManualClock) -> None:
    sb.set_faults(drop_before_store=1)
    with _client(sb, eclock) as client:
        lost = client.upload(sample_order("BS-1"), sample_shop())
        retry = client.upload(sample_order("BS-1"), sample_shop())
    # The client cannot tell a drop before storing from one after: both are ambiguous.
    assert (lost.outcome, lost.ambiguous, lost.message_code) == (Outcome.TRANSIENT, True, "ehr.upload.no_answer")
    assert retry.accepted and not retry.duplicate
    assert sb.stats().repeats == 0  # the sandbox proves nothing was stored the first time


def test_drop_after_store_makes_the_retry_a_counted_repeat(sb: Sandbox, eclock: ManualClock) -> None:
    sb.set_faults(drop_after_store=1)
    with _client(sb, eclock) as client:
        lost = client.upload(sample_order("BS-1"), sample_shop())
        retry = client.upload(sample_order("BS-1"), sample_shop())
    assert lost.ambiguous and lost.outcome is Outcome.TRANSIENT
    assert retry.accepted and retry.duplicate
    assert sb.repeats("BS-1") == 1


def test_read_timeout_is_ambiguous(sb: Sandbox, eclock: ManualClock) -> None:
    with _client(sb, eclock, read_timeout_s=0.2) as client:
        client.test_connection()
        sb.set_faults(latency_ms=500)
        lost = client.upload(sample_order("BS-1"), sample_shop())
        assert lost.ambiguous and lost.message_code == "ehr.upload.no_answer"
        deadline = time.monotonic() + 3
        while sb.record("BS-1") is None and time.monotonic() < deadline:
            time.sleep(0.02)
        sb.clear_faults()
        retry = client.upload(sample_order("BS-1"), sample_shop())
    assert retry.duplicate and sb.repeats("BS-1") == 1


def test_unreachable_is_transient_and_not_ambiguous(eclock: ManualClock) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    profile = load_profile("sandbox").with_overrides(base_url=f"http://127.0.0.1:{port}/")
    with EhrClient(profile, CODE, lambda: PASSWORD, eclock) as client:
        result = client.upload(sample_order("BS-1"), sample_shop())
    assert (result.outcome, result.ambiguous, result.message_code) == (
        Outcome.TRANSIENT, False, "ehr.upload.unreachable")  # fmt: skip


def test_random_faults_repeats_never_exceed_ambiguous_sends(sb: Sandbox, eclock: ManualClock) -> None:
    sb.set_faults(failure_rate=0.4, seed=3)
    ambiguous = sent = 0
    with _client(sb, eclock) as client:
        for i in range(12):
            for _attempt in range(30):
                result = client.upload(sample_order(f"BS-{i}"), sample_shop())
                ambiguous += result.ambiguous
                sent += result.requests_sent
                if result.accepted:
                    break
            assert result.accepted
    stats = sb.stats()
    assert stats.records == 12
    assert stats.repeats <= ambiguous
    assert stats.record_requests == sent
    assert ambiguous > 0  # the seed does produce lost answers, so the bound is tested


def test_corrections(tmp_path: Path, eclock: ManualClock) -> None:
    changed = sample_order("BS-1", fault_description="异响")
    for refuse in (False, True):
        with run_sandbox(db_path=tmp_path / f"{refuse}.db", accounts=ACCOUNTS, clock=eclock,
                         refuse_corrections=refuse) as sb, _client(sb, eclock) as client:  # fmt: skip
            client.upload(sample_order("BS-1"), sample_shop())
            result = client.upload(changed, sample_shop())
            if refuse:
                assert (result.outcome, result.code, result.field) == (Outcome.REJECTED, "3", "costlistcode")
            else:
                assert result.accepted and not result.duplicate
                stored = sb.record("BS-1")
                assert stored is not None and stored.corrections == 1


def test_variant_b_takes_the_header_time_from_the_server(sb: Sandbox, eclock: ManualClock) -> None:
    skewed = ManualClock(START - timedelta(hours=3))  # the shop PC's clock is 3 hours behind
    with _client(sb, skewed, "variant-b") as client:
        assert client.upload(sample_order("BS-1"), sample_shop()).accepted
    with _client(sb, skewed, "variant-b", time_path=None) as client:
        refused = client.test_connection()
    assert refused.outcome is Outcome.AUTH_FAILED and "报文头" in (refused.status or "")


def test_concurrent_uploads_share_one_sign_in(sb: Sandbox, eclock: ManualClock) -> None:
    sb.set_faults(latency_ms=50)
    results: list[UploadResult] = []
    with _client(sb, eclock) as client:
        threads = [threading.Thread(target=lambda i=i: results.append(
            client.upload(sample_order(f"BS-{i}"), sample_shop()))) for i in range(2)]  # fmt: skip
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert all(r.accepted for r in results) and len(results) == 2
    assert [k for k, _ in _kinds(sb)].count("token") == 1


def test_secrets_never_reach_the_logs(sb: Sandbox, eclock: ManualClock, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    for name in ("sandbox", "variant-c", "variant-b"):
        _upload(sb, eclock, f"BS-{name}", name=name, stringify_sections=name == "variant-b")
    _upload(sb, eclock, "BS-x", password="wrong-" + PASSWORD)
    text = caplog.text
    assert PASSWORD not in text and "s3cret" not in text
    assert not re.search(r"[0-9a-f]{64}", text)  # sandbox tokens are 64 hex characters
    assert "***" in text  # bodies and URLs were logged, and masked
    assert any(r.name == "httpx" and "companydata" in r.getMessage() for r in caplog.records)


def test_redaction_covers_every_form_a_secret_travels_in(caplog: pytest.LogCaptureFixture) -> None:
    cases = [
        '{"access_token": "abc123", "x": 1}',
        '{"basicInfo":"{\\"access_token\\":\\"abc123\\"}"}',
        "{'companypassword': 'abc123'}",
        "GET /api?companydata=%7B%22companypassword%22%3A%22abc123%22%7D",
        "access_token=abc123&x=1",
    ]
    for case in cases:
        assert "abc123" not in redact(case) and "***" in redact(case), case
    from app.ehr.redact import install_redaction

    install_redaction()
    caplog.set_level(logging.INFO)
    logging.getLogger("banshou").info("sent %s", {"companypassword": "abc123"})
    assert "abc123" not in caplog.text and "***" in caplog.text


def test_tls_verification_is_never_switched_off_in_app() -> None:
    forbidden = re.compile(r"verify\s*=\s*False|CERT_NONE|check_hostname\s*=\s*False|_create_unverified_context")
    offenders = [str(p) for p in APP_DIR.rglob("*.py") if forbidden.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_missing_ca_bundle_is_a_clear_error(eclock: ManualClock, tmp_path: Path) -> None:
    profile = load_profile("sandbox").with_overrides(ca_bundle=str(tmp_path / "none.pem"))
    with pytest.raises(DomainError) as caught:
        EhrClient(profile, CODE, lambda: PASSWORD, eclock)
    assert caught.value.code == "ehr.profile.ca_bundle_unreadable"


def _self_signed(tmp_path: Path) -> tuple[Path, Path]:
    """A throwaway certificate for 127.0.0.1 (real wall-clock validity: TLS checks real time)."""
    x509 = pytest.importorskip("cryptography.x509")
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "banshou test")])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
        .sign(key, hashes.SHA256())
    )  # fmt: skip
    cert_path, key_path = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))  # fmt: skip
    return cert_path, key_path


def test_tls_is_verified_and_a_ca_bundle_is_honoured(tmp_path: Path, eclock: ManualClock) -> None:
    cert, key = _self_signed(tmp_path)
    server_tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_tls.load_cert_chain(cert, key)
    with run_sandbox(db_path=tmp_path / "tls.db", accounts=ACCOUNTS, clock=eclock, tls=server_tls) as sb:
        assert sb.base_url.startswith("https://127.0.0.1:")
        untrusted = _upload(sb, eclock, name="variant-a")
        assert (untrusted.outcome, untrusted.message_code) == (Outcome.TRANSIENT, "ehr.upload.tls_failed")
        assert not untrusted.ambiguous and sb.stats().requests == 0
        trusted = _upload(sb, eclock, name="variant-a", ca_bundle=str(cert))
        assert trusted.accepted
