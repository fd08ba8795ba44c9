"""Province profiles: everything on the wire that differs between provinces, as data, not code.

No province has published its interface (``ehr-protocol.md`` §9), so every guess we make about a
province lives in ``resources/profiles/<name>.json`` where a shop (or support) can correct it without a
new release. The loader is strict: an unknown key, a wrong type or an unsafe URL is a clear
``ehr.profile.*`` error at start-up instead of a confusing upload failure hours later.

Keys starting with ``_`` are comments (JSON has none); the real hosts seen in public code appear there
only, marked unverified, and never as a default.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal
from urllib.parse import urlsplit

from app.domain.errors import DomainError

PROFILES_DIR = Path(__file__).resolve().parents[2] / "resources" / "profiles"

Variant = Literal["A", "B", "C"]
PlateColourMode = Literal["off", "word", "code"]
CorrectionMode = Literal["resend_same_code", "manual_only"]

# The host every shipped non-training profile points at until the shop enters its province's address.
# ``.invalid`` is reserved (RFC 6761): it can never resolve, so a forgotten setting fails loudly.
PLACEHOLDER_HOST_SUFFIX = ".invalid"
_LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})

# Canonical wire names (variant A spelling). Profiles may rename any of them with ``field_names``.
CANONICAL_FIELDS = frozenset(
    {
        "access_token", "companycode", "companypassword", "companyname",
        "basicInfo", "vehiclepartslist", "repairprojectlist",
        "vehicleplatenumber", "vehicleplatecolor", "vin", "repairdate", "repairmileage", "settledate",
        "faultdescription", "costlistcode", "repairproject", "workinghours",
        "partsname", "partscode", "partsquantity",
        "transaction", "header", "body", "reqInfo", "respInfo", "date", "time",
        "companydata", "repairdata", "code", "status",
    }
)  # fmt: skip

_DATE_TOKENS = re.compile(r"yyyy|MM|dd")
_DATE_FORMAT_OK = re.compile(r"^(yyyy|MM|dd|[-/.])+$")


@dataclass(frozen=True)
class Profile:
    """One province's wire settings (``ehr-protocol.md`` §9 item 1, 2, 3, 8, 9, 10)."""

    name: str
    variant: Variant
    base_url: str
    token_path: str
    record_path: str
    time_path: str | None = None  # variant B's server-time call; None → local clock in Asia/Shanghai
    field_names: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}), hash=False)
    stringify_sections: bool = False
    numbers_as_strings: bool = True
    send_plate_colour: PlateColourMode = "off"
    success_code: str = "1"
    date_format: str = "yyyyMMdd"
    token_ttl_s: int = 1800
    connect_timeout_s: float = 5.0
    read_timeout_s: float = 15.0
    max_in_flight: int = 2
    correction_mode: CorrectionMode = "resend_same_code"
    ca_bundle: str | None = None
    ratings_enabled: bool = False
    ratings_path: str | None = None  # the sandbox's §9.1 ratings call; no province offers one
    # The province's rating dimensions (default: the notice's five) and, for portal exports, its own
    # column names per canonical field (app.ratings.dimensions), on top of the built-in Shanghai names.
    ratings_dimensions: tuple[str, ...] = ("quality", "efficiency", "pricing", "attitude", "environment")
    ratings_columns: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}), hash=False)
    waste_enabled: bool = False
    waste_path: str | None = None  # the sandbox's §9.1 waste call; no province offers one
    rating_url: str | None = None
    training: bool = False

    def wire(self, canonical: str) -> str:
        """The name this province uses for a canonical field (the override, or the name itself)."""
        return self.field_names.get(canonical, canonical)

    def format_date(self, year: int, month: int, day: int) -> str:
        """Render a calendar date in ``date_format`` (only yyyy, MM, dd and separators are allowed)."""
        parts = {"yyyy": f"{year:04d}", "MM": f"{month:02d}", "dd": f"{day:02d}"}
        return _DATE_TOKENS.sub(lambda m: parts[m.group(0)], self.date_format)

    def url(self, path: str) -> str:
        """Join a profile path onto ``base_url`` (which always ends with ``/``)."""
        return self.base_url + path.lstrip("/")

    @property
    def is_placeholder(self) -> bool:
        """True while the shop has not entered its province's real address yet."""
        host = urlsplit(self.base_url).hostname or ""
        return host.endswith(PLACEHOLDER_HOST_SUFFIX)

    def with_overrides(self, **changes: Any) -> Profile:
        """A copy with some settings changed (e.g. the shop's ``base_url``), validated like a file."""
        merged = {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}
        merged["field_names"] = dict(self.field_names)
        merged["ratings_columns"] = dict(self.ratings_columns)
        merged.update(changes)
        name = merged.pop("name")
        return _build(name, merged)


def load_profile(name: str, profiles_dir: Path | None = None) -> Profile:
    """Read ``<profiles_dir>/<name>.json``; raise ``ehr.profile.not_found`` / ``ehr.profile.invalid``."""
    if not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", name):
        raise DomainError("ehr.profile.not_found", "profile", name=name)
    path = (profiles_dir or PROFILES_DIR) / f"{name}.json"
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DomainError("ehr.profile.not_found", "profile", name=name) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DomainError("ehr.profile.invalid", "profile", name=name, reason=str(exc)) from None
    if not isinstance(raw, dict):
        raise _invalid(name, "the file must hold one JSON object")
    settings = {k: v for k, v in raw.items() if not k.startswith("_")}
    return _build(name, settings)


def available_profiles(profiles_dir: Path | None = None) -> list[str]:
    """Names of the shipped profiles, for the settings page's province list."""
    return sorted(p.stem for p in (profiles_dir or PROFILES_DIR).glob("*.json"))


def _invalid(name: str, reason: str) -> DomainError:
    return DomainError("ehr.profile.invalid", "profile", name=name, reason=reason)


# Expected Python type(s) per key; bool is checked before int because bool is a subclass of int.
_TYPES: dict[str, tuple[type, ...]] = {
    "variant": (str,), "base_url": (str,), "token_path": (str,), "record_path": (str,),
    "time_path": (str, type(None)), "field_names": (dict, MappingProxyType),
    "stringify_sections": (bool,), "numbers_as_strings": (bool,), "send_plate_colour": (str,),
    "success_code": (str,), "date_format": (str,), "token_ttl_s": (int,),
    "connect_timeout_s": (int, float), "read_timeout_s": (int, float), "max_in_flight": (int,),
    "correction_mode": (str,), "ca_bundle": (str, type(None)), "ratings_enabled": (bool,),
    "ratings_path": (str, type(None)), "ratings_dimensions": (list, tuple), "ratings_columns": (dict, MappingProxyType),
    "waste_enabled": (bool,), "waste_path": (str, type(None)), "rating_url": (str, type(None)), "training": (bool,),
}  # fmt: skip
_REQUIRED = ("variant", "base_url", "token_path", "record_path")
_CHOICES: dict[str, tuple[str, ...]] = {
    "variant": ("A", "B", "C"),
    "send_plate_colour": ("off", "word", "code"),
    "correction_mode": ("resend_same_code", "manual_only"),
}


def _build(name: str, settings: dict[str, Any]) -> Profile:
    """Type-check every key, then the cross-field rules that keep a profile safe."""
    for key, value in settings.items():
        expected = _TYPES.get(key)
        if expected is None:
            raise _invalid(name, f"unknown key {key!r}")
        if isinstance(value, bool) and bool not in expected:
            raise _invalid(name, f"{key} must not be true/false")
        if not isinstance(value, expected):
            raise _invalid(name, f"{key} has the wrong type")
    for key in _REQUIRED:
        if key not in settings:
            raise _invalid(name, f"{key} is missing")
    for key, choices in _CHOICES.items():
        if key in settings and settings[key] not in choices:
            raise _invalid(name, f"{key} must be one of {', '.join(choices)}")
    names = dict(settings.get("field_names", {}))
    unknown = sorted(set(names) - CANONICAL_FIELDS)
    if unknown or not all(isinstance(v, str) and v for v in names.values()):
        raise _invalid(name, f"field_names has unknown or empty entries: {', '.join(unknown) or '(empty)'}")
    settings["field_names"] = MappingProxyType(names)
    if "ratings_dimensions" in settings:
        settings["ratings_dimensions"] = tuple(settings["ratings_dimensions"])
        if not settings["ratings_dimensions"] or not all(isinstance(d, str) and d for d in settings["ratings_dimensions"]):
            raise _invalid(name, "ratings_dimensions must list at least one dimension")
    if "ratings_columns" in settings:
        settings["ratings_columns"] = MappingProxyType(dict(settings["ratings_columns"]))
    if not _DATE_FORMAT_OK.match(settings.get("date_format", "yyyyMMdd")):
        raise _invalid(name, "date_format may only use yyyy, MM, dd and - / .")
    for key in ("token_ttl_s", "connect_timeout_s", "read_timeout_s", "max_in_flight"):
        if key in settings and settings[key] <= 0:
            raise _invalid(name, f"{key} must be positive")
    if not settings["base_url"].endswith("/"):
        settings["base_url"] += "/"
    _check_url(name, settings["base_url"], bool(settings.get("training", False)))
    return Profile(name=name, **settings)


def _check_url(name: str, url: str, training: bool) -> None:
    """Plain HTTP only to loopback; a training profile only to loopback (training data never leaves)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.scheme not in ("http", "https") or not host:
        raise _invalid(name, "base_url must be an http(s) address")
    loopback = host in _LOOPBACK_HOSTS
    if training and not loopback:
        raise _invalid(name, "a training profile may only point at this computer (127.0.0.1)")
    if parts.scheme == "http" and not loopback:
        raise DomainError("ehr.profile.insecure_url", "base_url", name=name, url=url)
