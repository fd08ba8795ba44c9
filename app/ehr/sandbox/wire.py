"""The three wire variants as the sandbox reads and answers them (``ehr-protocol.md`` §1.1, §2, §3.2, §4).

Variant A is the §9.1 contract. B and C are taught too, each in the one spelling its source shows
(B's ``transaction`` envelope; C's URL-encoded JSON with ``repairProjectList``/``vehiclePartsList`` and a
required plate colour), so the client's B and C mapping is proven over a real socket and not only by
golden files. Every variant is unwrapped into the same :class:`RecordCall` for one set of rules.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import parse_qs

from app.domain.clock import to_local
from app.ehr.sandbox.checks import BASIC_FIELDS, Rejected

A_TOKEN = "/restservices/lcipprodatarest/lcipprogetaccesstoken/query"
A_RECORD = "/restservices/lcipprodatarest/lcipprocarfixrecordadd/query"
B_TOKEN, B_RECORD, B_TIME = "/carhealth/token", "/carhealth/record", "/time"
C_TOKEN, C_RECORD = "/api/getAccessToken.ashx", "/api/upRepairInfo.ashx"
# §9.1's sandbox-only calls: ratings (app.ehr.sandbox.ratings simulates the owners) and waste handoffs
# (app.ehr.sandbox.waste checks them). Both speak variant A.
RATINGS = "/restservices/banshou-sandbox/ratings/query"
WASTE = "/restservices/banshou-sandbox/wasterecordadd/query"
HEADER_SKEW = timedelta(minutes=5)


@dataclass(frozen=True)
class Route:
    variant: str  # "A" | "B" | "C"
    kind: str  # "token" | "record" | "time" | "ratings" | "waste"


ROUTES: dict[tuple[str, str], Route] = {
    ("POST", A_TOKEN): Route("A", "token"),
    ("POST", A_RECORD): Route("A", "record"),
    ("POST", B_TOKEN): Route("B", "token"),
    ("POST", B_RECORD): Route("B", "record"),
    ("GET", B_TIME): Route("B", "time"),
    ("GET", C_TOKEN): Route("C", "token"),
    ("GET", C_RECORD): Route("C", "record"),
    ("POST", RATINGS): Route("A", "ratings"),
    ("POST", WASTE): Route("A", "waste"),
}


@dataclass(frozen=True)
class TokenCall:
    companycode: str
    password: str
    header: dict[str, Any] | None


@dataclass(frozen=True)
class RecordCall:
    token: str
    basic: dict[str, Any]
    projects: Any
    parts: Any
    header: dict[str, Any] | None

    @property
    def costlistcode(self) -> str | None:
        value = self.basic.get("costlistcode")
        return value if isinstance(value, str) else None


def parse_token_call(variant: str, body: bytes, query: str) -> TokenCall:
    if variant == "C":
        data = _object(_query_json(query, "companydata"), "companydata")
        header, creds = data.get("header"), _object(data.get("body"), "body")
    elif variant == "B":
        header, creds = _b_unwrap(body)
    else:
        header, creds = None, _object(_body_json(body), "body")
    code, password = creds.get("companycode"), creds.get("companypassword")
    if not isinstance(code, str) or not isinstance(password, str):
        raise Rejected("companycode", "缺少企业编码或密码")
    return TokenCall(code, password, _header(header, variant))


def parse_record_call(variant: str, body: bytes, query: str) -> RecordCall:
    if variant == "C":
        data = _object(_query_json(query, "repairdata"), "repairdata")
        flat = _object(data.get("body"), "body")
        basic = {k: flat[k] for k in (*BASIC_FIELDS, "vehicleplatecolor") if k in flat}
        return RecordCall(_token(data), basic, _section(flat, "repairProjectList"),
                          _section(flat, "vehiclePartsList"), _header(data.get("header"), variant))  # fmt: skip
    if variant == "B":
        header, data = _b_unwrap(body)
    else:
        header, data = None, _object(_body_json(body), "body")
    basic = _object(_section(data, "basicInfo"), "basicInfo")
    return RecordCall(_token(data), basic, _section(data, "repairprojectlist"),
                      _section(data, "vehiclepartslist"), _header(header, variant))  # fmt: skip


def answer(variant: str, code: str, status: str, **extra: str) -> dict[str, Any]:
    """The reply object: flat for A and C, wrapped in ``respInfo`` for B."""
    reply = {"code": code, "status": status, **extra}
    return {"respInfo": reply} if variant == "B" else reply


def check_header(call: TokenCall | RecordCall, now: datetime) -> None:
    """B and C carry the sender's date and time; more than 5 minutes off the platform's clock is refused."""
    if call.header is None:
        return
    date_text, time_text = call.header.get("date"), call.header.get("time")
    try:
        sent = datetime.strptime(f"{date_text}{time_text}", "%Y%m%d%H%M%S")
    except (TypeError, ValueError):
        raise Rejected("header", "报文头日期时间格式须为yyyyMMdd和HHmmss") from None
    local_now = to_local(now).replace(tzinfo=None)
    if abs(sent - local_now) > HEADER_SKEW:
        raise Rejected("header", "报文头时间与平台时间相差超过5分钟")


def _token(data: dict[str, Any]) -> str:
    token = data.get("access_token")
    return token if isinstance(token, str) else ""


def _header(value: Any, variant: str) -> dict[str, Any] | None:
    if variant == "A":
        return None
    return _object(value, "header")


def _b_unwrap(body: bytes) -> tuple[Any, dict[str, Any]]:
    transaction = _object(_object(_body_json(body), "body").get("transaction"), "transaction")
    inner = _object(transaction.get("body"), "body")
    return transaction.get("header"), _object(inner.get("reqInfo"), "reqInfo")


def _section(data: dict[str, Any], name: str) -> Any:
    """A section as an object or a list; accepts the stringified form too (§3.2 "nested or stringified")."""
    value = data.get(name)
    if isinstance(value, str):
        try:
            return json.loads(value)
        except json.JSONDecodeError:
            raise Rejected(name, "不是有效的JSON") from None
    if value is None:
        raise Rejected(name, "缺少字段")
    return value


def _body_json(body: bytes) -> Any:
    try:
        return json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise Rejected("body", "请求不是UTF-8编码的JSON") from None


def _query_json(query: str, name: str) -> Any:
    values = parse_qs(query, keep_blank_values=True).get(name)
    if not values:
        raise Rejected(name, "缺少查询参数")
    try:
        return json.loads(values[0])
    except json.JSONDecodeError:
        raise Rejected(name, "不是有效的JSON") from None


def _object(value: Any, name: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise Rejected(name, "须为JSON对象")
    return value
