"""The sandbox's §9.1 waste call: one handoff (转移) per request, checked and stored like a record.

No province offers a waste upload (``ehr-protocol.md`` §9.1), so this call is Banshou's own and lives
under the sandbox prefix. Its rules are the few a receiving platform could check without the national
solid-waste system: a 14-digit manifest number (联单编号), at least one container line, quantities and
weights above zero and national-list codes of the form ``ddd-ddd-dd``. Anything else is stored as sent.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from app.ehr.sandbox.checks import Rejected

MANIFEST = re.compile(r"\d{14}")
WASTE_CODE = re.compile(r"\d{3}-\d{3}-\d{2}")
LINE_TEXT = ("wastecategory", "wastename", "containercode", "unit")
INFO_TEXT = ("handoverdate", "receivername", "receiverlicenseno")


@dataclass(frozen=True)
class WasteCall:
    token: str
    manifestno: str | None  # None when the body is unreadable (for the request log)
    info: dict[str, Any]


def parse_waste_call(body: bytes) -> WasteCall:
    """``{access_token, wasteInfo{…}}``; an unreadable body is a validation failure on ``wasteInfo``."""
    try:
        data = json.loads(body.decode("utf-8") or "{}")
    except (UnicodeDecodeError, ValueError):
        raise Rejected("wasteInfo", "请求体不是 JSON") from None
    if not isinstance(data, dict):
        raise Rejected("wasteInfo", "请求体必须是 JSON 对象")
    info = data.get("wasteInfo")
    if not isinstance(info, dict):
        raise Rejected("wasteInfo", "缺少 wasteInfo 对象")
    manifest = info.get("manifestno")
    return WasteCall(str(data.get("access_token") or ""), manifest if isinstance(manifest, str) else None, info)


def check_waste(info: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """The manifest number and the handoff as it will be stored; :class:`Rejected` names the field."""
    manifest = info.get("manifestno")
    if not isinstance(manifest, str) or not MANIFEST.fullmatch(manifest):
        raise Rejected("manifestno", "联单编号必须为 14 位数字")
    for name in INFO_TEXT:
        if not isinstance(info.get(name), str) or not info[name].strip():
            raise Rejected(name, "不能为空")
    lines = info.get("wastelist")
    if not isinstance(lines, list) or not lines:
        raise Rejected("wastelist", "至少需要一条危废明细")
    for i, line in enumerate(lines, start=1):
        if not isinstance(line, dict):
            raise Rejected("wastelist", f"第 {i} 行不是对象")
        code = line.get("wastecode")
        if not isinstance(code, str) or not WASTE_CODE.fullmatch(code):
            raise Rejected("wastecode", f"第 {i} 行危废代码格式应为 ddd-ddd-dd")
        for name in LINE_TEXT:
            if not isinstance(line.get(name), str) or not line[name].strip():
                raise Rejected(name, f"第 {i} 行不能为空")
        for name in ("quantity", "weightkg"):
            if not _positive(line.get(name)):
                raise Rejected(name, f"第 {i} 行必须大于 0")
    return manifest, info


def _positive(value: Any) -> bool:
    """A number (or numeric text, as variant A sends) above zero."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return False
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return False
    return number.is_finite() and number > 0
