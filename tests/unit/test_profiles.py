"""Province profiles: the shipped files load, the loader is strict, and no guess becomes a default."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from app.domain.clock import ManualClock
from app.domain.errors import DomainError
from app.ehr import EhrClient
from app.ehr.profiles import PROFILES_DIR, available_profiles, load_profile

SHIPPED = ["sandbox", "variant-a", "variant-b", "variant-c"]
HOSTS_FROM_THE_DOC = ["shanghaiqixiu", "96520.com", "qichedangan", "acb360"]


def _write(tmp_path: Path, name: str, **changes: object) -> Path:
    data = json.loads((PROFILES_DIR / "variant-a.json").read_text(encoding="utf-8"))
    data.update(changes)
    (tmp_path / f"{name}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return tmp_path


def _invalid(tmp_path: Path, **changes: object) -> DomainError:
    with pytest.raises(DomainError) as caught:
        load_profile("p", _write(tmp_path, "p", **changes))
    return caught.value


def test_the_four_profiles_ship_and_are_listed() -> None:
    assert set(SHIPPED) <= set(available_profiles())


@pytest.mark.parametrize("name", SHIPPED)
def test_shipped_profile_loads_with_the_protocol_defaults(name: str) -> None:
    profile = load_profile(name)
    assert profile.name == name
    assert profile.success_code == "1"
    assert profile.token_ttl_s == 1800
    assert (profile.connect_timeout_s, profile.read_timeout_s, profile.max_in_flight) == (5, 15, 2)
    assert profile.correction_mode == "resend_same_code"
    assert profile.date_format == "yyyyMMdd"
    assert profile.numbers_as_strings is True
    assert profile.base_url.endswith("/")


def test_profile_is_frozen() -> None:
    profile = load_profile("variant-a")
    with pytest.raises(dataclasses.FrozenInstanceError):
        profile.base_url = "https://elsewhere.example/"  # type: ignore[misc]
    with pytest.raises(TypeError):
        profile.field_names["vin"] = "VIN"  # type: ignore[index]


@pytest.mark.parametrize("name", ["variant-a", "variant-b", "variant-c"])
def test_province_profiles_point_at_a_placeholder_the_shop_must_replace(name: str) -> None:
    profile = load_profile(name)
    assert profile.is_placeholder
    assert not profile.training
    with pytest.raises(DomainError) as caught:
        EhrClient(profile, "310115000000001", lambda: "pw", ManualClock())
    assert caught.value.code == "ehr.profile.placeholder_url"


@pytest.mark.parametrize("name", SHIPPED)
def test_real_hosts_appear_only_in_comments_marked_unverified(name: str) -> None:
    raw = json.loads((PROFILES_DIR / f"{name}.json").read_text(encoding="utf-8"))
    settings = json.dumps({k: v for k, v in raw.items() if not k.startswith("_")})
    assert not any(host in settings for host in HOSTS_FROM_THE_DOC)
    comments = json.dumps({k: v for k, v in raw.items() if k.startswith("_")}, ensure_ascii=False)
    if any(host in comments for host in HOSTS_FROM_THE_DOC):
        assert "unverified" in comments or "may be out of date" in comments


def test_the_sandbox_profile_is_training_on_loopback() -> None:
    profile = load_profile("sandbox")
    assert profile.training and profile.variant == "A"
    assert profile.base_url.startswith("http://127.0.0.1:")


def test_variant_specifics() -> None:
    b, c = load_profile("variant-b"), load_profile("variant-c")
    assert b.variant == "B" and b.time_path == "time"
    assert c.variant == "C" and c.send_plate_colour == "word"
    assert c.wire("repairprojectlist") == "repairProjectList"
    assert c.wire("vin") == "vin"


def test_missing_profile_is_a_clear_error() -> None:
    with pytest.raises(DomainError) as caught:
        load_profile("atlantis")
    assert (caught.value.code, caught.value.params["name"]) == ("ehr.profile.not_found", "atlantis")


def test_a_name_cannot_escape_the_profiles_folder() -> None:
    with pytest.raises(DomainError) as caught:
        load_profile("../../pyproject")
    assert caught.value.code == "ehr.profile.not_found"


def test_broken_json_is_invalid(tmp_path: Path) -> None:
    (tmp_path / "p.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(DomainError) as caught:
        load_profile("p", tmp_path)
    assert caught.value.code == "ehr.profile.invalid"


@pytest.mark.parametrize(
    ("changes", "needle"),
    [
        ({"variant": "D"}, "variant"),
        ({"colour": "blue"}, "unknown key"),
        ({"token_ttl_s": "1800"}, "token_ttl_s"),
        ({"token_ttl_s": True}, "token_ttl_s"),
        ({"token_ttl_s": 0}, "token_ttl_s"),
        ({"stringify_sections": 1}, "stringify_sections"),
        ({"send_plate_colour": "colour"}, "send_plate_colour"),
        ({"correction_mode": "suffix"}, "correction_mode"),
        ({"field_names": {"plate": "x"}}, "field_names"),
        ({"date_format": "%Y%m%d"}, "date_format"),
        ({"base_url": "ftp://x.example/"}, "base_url"),
        ({"base_url": "https://ehr.example.com/", "training": True}, "training"),
    ],
)
def test_invalid_settings_are_refused_with_a_reason(tmp_path: Path, changes: dict[str, object], needle: str) -> None:
    error = _invalid(tmp_path, **changes)
    assert error.code == "ehr.profile.invalid"
    assert needle in error.params["reason"]


def test_a_required_key_missing_is_invalid(tmp_path: Path) -> None:
    data = json.loads((PROFILES_DIR / "variant-a.json").read_text(encoding="utf-8"))
    del data["record_path"]
    (tmp_path / "p.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DomainError) as caught:
        load_profile("p", tmp_path)
    assert "record_path" in caught.value.params["reason"]


def test_plain_http_is_refused_except_on_this_computer(tmp_path: Path) -> None:
    error = _invalid(tmp_path, base_url="http://10.1.2.3/ehr/")
    assert error.code == "ehr.profile.insecure_url"
    loopback = load_profile("p", _write(tmp_path, "p", base_url="http://127.0.0.1:9000"))
    assert loopback.base_url == "http://127.0.0.1:9000/"


def test_overrides_are_validated_like_the_file() -> None:
    profile = load_profile("variant-a").with_overrides(base_url="https://ehr.shop-province.example.com/api")
    assert profile.base_url == "https://ehr.shop-province.example.com/api/"
    assert not profile.is_placeholder
    assert profile.url("restservices/x") == "https://ehr.shop-province.example.com/api/restservices/x"
    with pytest.raises(DomainError):
        profile.with_overrides(variant="Z")


def test_date_format_renders_only_its_tokens() -> None:
    profile = load_profile("variant-a")
    assert profile.format_date(2026, 1, 5) == "20260105"
    assert profile.with_overrides(date_format="yyyy-MM-dd").format_date(2026, 1, 5) == "2026-01-05"
