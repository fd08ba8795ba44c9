"""Map a settled work order onto the request a province expects (``ehr-protocol.md`` §3, §9 item 1).

Two steps, kept apart on purpose: :func:`map_record` checks and converts the order once (the part that
can fail because of the data), and :func:`record_request` wraps the result in a variant's envelope (the
part that only depends on the profile, the token and the header time). The client maps before it asks
for a token, so a record that can never be sent costs no network round trip.

Nothing is invented and nothing is cut: a missing value, a placeholder part code or a field over the
§8.4 limits raises a :class:`DomainError` that names the field. The settlement service checks the same
limits earlier; this is the last gate before data leaves the shop.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any, Literal

from app.domain.clock import local_date, to_local
from app.domain.errors import DomainError
from app.ehr.profiles import Profile
from app.services.dto import ShopInfo, WorkOrderDetail
from app.waste.dto import Handoff

# §8.4 and §3.1 length limits, in characters.
MAX_LENGTHS: Mapping[str, int] = {
    "vehicleplatenumber": 8,
    "companyname": 100,
    "faultdescription": 200,
    "costlistcode": 50,
    "repairproject": 200,
    "partsname": 50,
    "partscode": 50,
}
PART_CODE_PLACEHOLDERS = frozenset({"无", "N/A", "NA", "-", "/", "NONE", "无编码", "0"})
MAX_HOURS_PLACES = 1
MAX_QUANTITY_PLACES = 2
MAX_MILEAGE_KM = 1_999_999

# JT/T 697.7 plate colour codes and the words one variant-C client sends (§8.1).
PLATE_COLOUR_WORDS: Mapping[int, str] = {
    1: "蓝", 2: "黄", 3: "黑", 4: "白", 5: "绿", 9: "其他", 93: "黄绿", 94: "渐变绿",
}  # fmt: skip


@dataclass(frozen=True)
class RequestSpec:
    """One HTTP request, independent of any HTTP library; the client turns it into an httpx call."""

    method: Literal["GET", "POST"]
    path: str
    json_body: dict[str, Any] | None = None
    query: dict[str, str] | None = None
    content_type: str | None = "application/json; charset=utf-8"  # None: no body (variant C's GET)

    def as_dict(self) -> dict[str, Any]:
        """Plain form for golden files and debugging (never logged: it carries the token)."""
        return {
            "method": self.method,
            "path": self.path,
            "content_type": self.content_type,
            "json_body": self.json_body,
            "query": self.query,
        }

    def body_bytes(self) -> bytes | None:
        """The exact body bytes: UTF-8 JSON with Chinese as plain characters (§3.2 "Values")."""
        return None if self.json_body is None else dumps(self.json_body).encode("utf-8")


@dataclass(frozen=True)
class MappedRecord:
    """A checked record under canonical names, before any envelope: what the province will store."""

    costlistcode: str
    basic: Mapping[str, str] = field(hash=False)  # canonical name → text, in wire order
    projects: tuple[tuple[str, Decimal], ...]  # (repairproject, workinghours)
    parts: tuple[tuple[str, str, Decimal], ...]  # (partsname, partscode, partsquantity)


def dumps(value: Any) -> str:
    """Compact UTF-8 JSON, the one serialisation used for bodies, stringified sections and query data."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def map_record(profile: Profile, order: WorkOrderDetail, shop: ShopInfo) -> MappedRecord:
    """Check a settled order against the limits and turn it into canonical wire values."""
    if order.state != "settled" or order.settled_at is None:
        raise DomainError("ehr.payload.not_settled", "state", state=order.state)
    costlistcode = _required_text("costlistcode", order.costlistcode)
    if not costlistcode.isascii():
        raise DomainError("ehr.payload.not_ascii", "costlistcode", label="costlistcode")
    if order.intake_mileage is None:
        raise DomainError("ehr.payload.missing", "repairmileage", label="repairmileage")
    if not 0 <= order.intake_mileage <= MAX_MILEAGE_KM:
        raise DomainError("ehr.payload.out_of_range", "repairmileage", label="repairmileage",
                          value=order.intake_mileage)  # fmt: skip
    basic: dict[str, str] = {"vehicleplatenumber": _required_text("vehicleplatenumber", order.vehicle.plate)}
    if profile.send_plate_colour != "off":
        basic["vehicleplatecolor"] = _plate_colour(profile, order.vehicle.plate_colour)
    repair_day = local_date(order.intake_at)
    settle_day = local_date(order.settled_at)
    basic |= {
        "companyname": _required_text("companyname", shop.name),
        "vin": _required_text("vin", order.vehicle.vin),
        "repairdate": profile.format_date(repair_day.year, repair_day.month, repair_day.day),
        "repairmileage": str(order.intake_mileage),
        "settledate": profile.format_date(settle_day.year, settle_day.month, settle_day.day),
        "faultdescription": _required_text("faultdescription", order.fault_description),
        "costlistcode": costlistcode,
    }
    projects = tuple(
        (_required_text("repairproject", line.item, i), _decimal("workinghours", line.hours, i, zero_ok=True))
        for i, line in enumerate(order.labour, start=1)
    )
    parts = tuple(
        (
            _required_text("partsname", line.name, i),
            _part_code(line.part_code, i),
            _decimal("partsquantity", line.quantity, i, zero_ok=False),
        )
        for i, line in enumerate(order.parts, start=1)
    )
    if not projects and not parts:
        raise DomainError("ehr.payload.no_lines", "repairprojectlist")
    return MappedRecord(costlistcode=costlistcode, basic=basic, projects=projects, parts=parts)


def record_request(profile: Profile, record: MappedRecord, token: str, header_time: datetime) -> RequestSpec:
    """Wrap a mapped record in the profile's envelope (§3.2); ``header_time`` matters for B and C only."""
    w = profile.wire
    basic = {w(k): v for k, v in record.basic.items()}
    projects = [
        {w("repairproject"): item, w("workinghours"): _number(profile, hours)}
        for item, hours in record.projects
    ]
    parts = [
        {w("partsname"): name, w("partscode"): code, w("partsquantity"): _number(profile, qty)}
        for name, code, qty in record.parts
    ]
    sections: dict[str, Any] = {
        w("basicInfo"): basic,
        w("vehiclepartslist"): parts,
        w("repairprojectlist"): projects,
    }
    if profile.variant == "C":
        flat: dict[str, Any] = {**basic, w("vehiclepartslist"): parts, w("repairprojectlist"): projects}
        if profile.stringify_sections:
            flat = {k: dumps(v) if isinstance(v, list) else v for k, v in flat.items()}
        data = {w("access_token"): token, w("header"): _header(profile, header_time), w("body"): flat}
        return RequestSpec("GET", profile.record_path, query={w("repairdata"): dumps(data)}, content_type=None)
    if profile.stringify_sections:
        sections = {k: dumps(v) for k, v in sections.items()}
    payload = {w("access_token"): token, **sections}
    if profile.variant == "B":
        return _b_envelope(profile, profile.record_path, payload, header_time)
    return RequestSpec("POST", profile.record_path, json_body=payload)


def build_record_request(
    profile: Profile, order: WorkOrderDetail, shop: ShopInfo, token: str, header_time: datetime
) -> RequestSpec:
    """:func:`map_record` then :func:`record_request`, for callers that do not need the split."""
    return record_request(profile, map_record(profile, order, shop), token, header_time)


@dataclass(frozen=True)
class MappedWaste:
    """A checked waste handoff under the §9.1 sandbox names: ``wasteInfo`` without the token."""

    manifestno: str
    info: dict[str, Any] = field(hash=False)


def map_waste(profile: Profile, handoff: Handoff) -> MappedWaste:
    """Check a dispatched handoff and turn it into §9.1's ``wasteInfo``.

    Only the sandbox has a waste call, and it speaks variant A, so there is one shape; field names are
    not renamed by the profile. Like :func:`map_record` nothing is invented: a handoff without a
    manifest number (only non-hazardous loads may have none) is refused here, naming ``manifestno``.
    """
    if handoff.departed_at is None or handoff.status not in ("in_transit", "received", "rejected"):
        raise DomainError("ehr.payload.waste_not_dispatched", "status", status=handoff.status)
    manifest = _required_text("manifestno", handoff.manifest_no)
    day = local_date(handoff.departed_at)
    lines = [
        {
            "wastecategory": _required_text("wastecategory", line.category, i),
            "wastecode": _required_text("wastecode", line.code, i),
            "wastename": _required_text("wastename", line.name, i),
            "containercode": _required_text("containercode", line.container_code, i),
            "quantity": _number(profile, line.quantity),
            "unit": _required_text("unit", line.unit, i),
            "weightkg": _number(profile, line.weight_kg),
        }
        for i, line in enumerate(handoff.lines, start=1)
    ]
    if not lines:
        raise DomainError("ehr.payload.no_lines", "wastelist")
    info = {
        "manifestno": manifest,
        "handoverdate": profile.format_date(day.year, day.month, day.day),
        "receivername": _required_text("receivername", handoff.collector.name),
        "receiverlicenseno": _required_text("receiverlicenseno", handoff.collector.licence_no),
        "carriername": handoff.carrier_name.strip(),
        "carrierplate": handoff.carrier_plate.strip(),
        "wastelist": lines,
    }
    return MappedWaste(manifest, info)


def waste_request(profile: Profile, waste: MappedWaste, token: str) -> RequestSpec:
    """§9.1's ``{access_token, wasteInfo{…}}`` on the profile's ``waste_path`` (variant A only)."""
    if not profile.waste_enabled or not profile.waste_path:
        raise DomainError("ehr.waste.not_enabled", "profile", name=profile.name)
    return RequestSpec("POST", profile.waste_path, json_body={profile.wire("access_token"): token,
                                                               "wasteInfo": waste.info})  # fmt: skip


def token_request(profile: Profile, company_code: str, password: str, header_time: datetime) -> RequestSpec:
    """The token call of §2.2 for the profile's variant."""
    w = profile.wire
    credentials = {w("companycode"): company_code, w("companypassword"): password}
    if profile.variant == "B":
        return _b_envelope(profile, profile.token_path, credentials, header_time)
    if profile.variant == "C":
        data = {w("header"): _header(profile, header_time), w("body"): credentials}
        return RequestSpec("GET", profile.token_path, query={w("companydata"): dumps(data)}, content_type=None)
    return RequestSpec("POST", profile.token_path, json_body=credentials)


def _b_envelope(profile: Profile, path: str, req_info: dict[str, Any], header_time: datetime) -> RequestSpec:
    w = profile.wire
    body = {w("transaction"): {w("header"): _header(profile, header_time), w("body"): {w("reqInfo"): req_info}}}
    # Variant B's only source labels its JSON text/html; we copy it because a strict server may check.
    return RequestSpec("POST", path, json_body=body, content_type="text/html; charset=utf-8")


def _header(profile: Profile, moment: datetime) -> dict[str, str]:
    """``{date: yyyyMMdd, time: HHmmss}`` in Asia/Shanghai, from whichever clock the client chose."""
    local = to_local(moment)
    return {profile.wire("date"): local.strftime("%Y%m%d"), profile.wire("time"): local.strftime("%H%M%S")}


def _required_text(name: str, value: str | None, line: int | None = None) -> str:
    """Trim surrounding blanks (never inner text), refuse empty, refuse over-long: never cut."""
    text = (value or "").strip()
    params: dict[str, Any] = {"label": name} if line is None else {"label": name, "line": line}
    if not text:
        raise DomainError("ehr.payload.missing" if line is None else "ehr.payload.line_missing", name, **params)
    limit = MAX_LENGTHS.get(name)
    if limit is not None and len(text) > limit:
        code = "ehr.payload.too_long" if line is None else "ehr.payload.line_too_long"
        raise DomainError(code, name, limit=limit, length=len(text), **params)
    return text


def _part_code(value: str, line: int) -> str:
    code = _required_text("partscode", value, line)
    if code.upper() in PART_CODE_PLACEHOLDERS:
        raise DomainError("ehr.payload.part_code_placeholder", "partscode", label="partscode", line=line,
                          value=code)  # fmt: skip
    return code


def _decimal(name: str, value: Decimal, line: int, *, zero_ok: bool) -> Decimal:
    """Hours ≥ 0 with ≤ 1 decimal, quantities > 0 with ≤ 2 decimals; rounding would change the bill."""
    places = MAX_HOURS_PLACES if name == "workinghours" else MAX_QUANTITY_PLACES
    if not value.is_finite() or value < 0 or (value == 0 and not zero_ok):
        raise DomainError("ehr.payload.bad_number", name, label=name, line=line, value=str(value))
    exponent = value.normalize().as_tuple().exponent
    if isinstance(exponent, int) and -exponent > places:
        raise DomainError("ehr.payload.too_precise", name, label=name, line=line, value=str(value),
                          places=places)  # fmt: skip
    return value


def plain_decimal(value: Decimal) -> str:
    """``Decimal('1.50')`` → ``"1.5"``, ``Decimal('2.0')`` → ``"2"``: no exponent, no trailing zeros."""
    if value == 0:
        return "0"
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _number(profile: Profile, value: Decimal) -> str | int | float:
    """Strings in most sources, numbers in two (§3.2); a float of ≤ 2 decimals prints back exactly."""
    text = plain_decimal(value)
    if profile.numbers_as_strings:
        return text
    return int(text) if "." not in text else float(text)


def _plate_colour(profile: Profile, code: int) -> str:
    if profile.send_plate_colour == "code":
        return str(code)
    word = PLATE_COLOUR_WORDS.get(code)
    if word is None:
        raise DomainError("ehr.payload.plate_colour_unknown", "vehicleplatecolor", colour=code)
    return word
