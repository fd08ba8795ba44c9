"""The sandbox's own §8 checks, written independently of ``app.domain.plate`` / ``app.domain.vin``.

The sandbox plays the province. If it reused the client's validators, a bug in them would pass on both
sides and the tests would prove nothing; written again from ``ehr-protocol.md`` §8, a disagreement shows
up as a rejected upload. Blocking rules reject the record (code ``"2"``, the status names the field);
warning rules are stored with the record, as the Shanghai platform flags plate and VIN validity (§4).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from app.domain.clock import local_date

PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
_SERIAL = "[A-HJ-NP-Z0-9]"  # digits and letters except I and O
_ENERGY = "[A-HJK]"  # NEV energy letters A–K except I (§8.1)
_PLATE_FORMS = (
    re.compile(rf"^[{PROVINCES}][A-Z]{_SERIAL}{{4}}(?:{_SERIAL}|[挂学警港澳领])$"),  # ordinary, 7
    re.compile(rf"^[{PROVINCES}][A-Z]{_ENERGY}{_SERIAL}\d{{4}}$"),  # small NEV, 8
    re.compile(rf"^[{PROVINCES}][A-Z]\d{{5}}{_ENERGY}$"),  # large NEV, 8
    re.compile(r"^使\d{6}$"),  # embassy
)
_VIN = re.compile(r"^[A-HJ-NPR-Z0-9]{17}$")
_VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
_VIN_LETTERS = "ABCDEFGH" + "JKLMN" + "P" + "R" + "STUVWXYZ"
_VIN_VALUES = (1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9)
_DATE = re.compile(r"^\d{8}$")
_MILEAGE = re.compile(r"^\d{1,7}$")
PART_CODE_PLACEHOLDERS = frozenset({"无", "N/A", "NA", "-", "/", "NONE", "无编码", "0", "暂无"})
COLOUR_WORDS = frozenset({"蓝", "黄", "黑", "白", "绿", "其他", "黄绿", "渐变绿"})
# JT/T 697.7 codes, accepted where a colour is optional (A, B); 0 = not registered.
COLOUR_CODES = {"1": "蓝", "2": "黄", "3": "黑", "4": "白", "5": "绿", "9": "其他", "93": "黄绿", "94": "渐变绿",
                "0": ""}  # fmt: skip
BASIC_FIELDS = ("vehicleplatenumber", "companyname", "vin", "repairdate", "repairmileage", "settledate",
                "faultdescription", "costlistcode")  # fmt: skip
LIMITS = {"companyname": 100, "faultdescription": 200, "costlistcode": 50, "repairproject": 200,
          "partsname": 50, "partscode": 50}  # fmt: skip


class Rejected(Exception):
    """A blocking rule failed; ``field`` is the wire name the status will carry."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


@dataclass(frozen=True)
class CheckedRecord:
    """A record that passed: canonical content (for duplicate detection) and its warning flags."""

    costlistcode: str
    content: dict[str, Any]
    warnings: tuple[str, ...] = field(default=())


def vin_check_digit(vin: str) -> str:
    """Position-9 check digit of GB 16735 / ISO 3779 (sum of value × weight, mod 11, 10 → X)."""
    values = dict(zip(_VIN_LETTERS, _VIN_VALUES, strict=True))
    total = sum((int(ch) if ch.isdigit() else values[ch]) * w for ch, w in zip(vin, _VIN_WEIGHTS, strict=True))
    rest = total % 11
    return "X" if rest == 10 else str(rest)


def check_record(
    basic: dict[str, Any], projects: list[Any], parts: list[Any], *, today: date, colour_required: bool
) -> CheckedRecord:
    """Apply §8's blocking rules in field order; return canonical content plus warning flags."""
    warnings: list[str] = []
    values = {name: _text(basic, name) for name in BASIC_FIELDS}
    for name, limit in LIMITS.items():
        if name in values and len(values[name]) > limit:
            raise Rejected(name, f"长度超过{limit}个字符")
    if not any(form.match(values["vehicleplatenumber"]) for form in _PLATE_FORMS):
        raise Rejected("vehicleplatenumber", "车牌号码格式不正确")
    colour = basic.get("vehicleplatecolor")
    if colour_required or colour is not None:
        word = colour if colour in COLOUR_WORDS else None
        if word is None and not colour_required and isinstance(colour, str):
            word = COLOUR_CODES.get(colour)
        if word is None:
            raise Rejected("vehicleplatecolor", "车牌颜色不正确")
        if word and _colour_mismatch(values["vehicleplatenumber"], word):
            warnings.append("plate_colour_mismatch")
    vin = values["vin"]
    if not _VIN.match(vin):
        raise Rejected("vin", "车辆识别代码须为17位字母或数字（不含I、O、Q）")
    if vin_check_digit(vin) != vin[8]:
        warnings.append("vin_check_digit")
    repair_day = _date(values, "repairdate")
    settle_day = _date(values, "settledate")
    if settle_day < repair_day:
        raise Rejected("settledate", "结算日期早于送修日期")
    if settle_day > today:
        raise Rejected("settledate", "结算日期晚于今天")
    if settle_day - repair_day > timedelta(days=180):
        warnings.append("intake_long_before_settle")
    if not _MILEAGE.match(values["repairmileage"]) or int(values["repairmileage"]) > 1_999_999:
        raise Rejected("repairmileage", "送修里程须为0至1999999的整数公里数")
    if int(values["repairmileage"]) == 0:
        warnings.append("mileage_zero")
    if not values["costlistcode"].isascii():
        raise Rejected("costlistcode", "结算清单编号只能使用英文字母、数字和符号")
    content_projects = [_project(p, i) for i, p in enumerate(_list(projects, "repairprojectlist"), 1)]
    content_parts = [_part(p, i) for i, p in enumerate(_list(parts, "vehiclepartslist"), 1)]
    if not content_projects and not content_parts:
        raise Rejected("repairprojectlist", "至少需要一条维修项目或一条配件")
    content = {"basicInfo": values | ({"vehicleplatecolor": colour} if colour is not None else {}),
               "repairprojectlist": content_projects, "vehiclepartslist": content_parts}  # fmt: skip
    return CheckedRecord(values["costlistcode"], content, tuple(warnings))


def _text(data: Any, name: str, line: int | None = None) -> str:
    where = "" if line is None else f"（第{line}条）"
    value = data.get(name) if isinstance(data, dict) else None
    if not isinstance(value, str):
        raise Rejected(name, f"缺少字段或不是文本{where}")
    if not value.strip():
        raise Rejected(name, f"不能为空{where}")
    if value != value.strip():
        raise Rejected(name, f"首尾不能有空格{where}")
    return value


def _date(values: dict[str, str], name: str) -> date:
    text = values[name]
    if not _DATE.match(text):
        raise Rejected(name, "日期格式须为yyyyMMdd")
    try:
        return datetime.strptime(text, "%Y%m%d").date()
    except ValueError:
        raise Rejected(name, "日期不存在") from None


def _list(value: Any, name: str) -> list[Any]:
    if not isinstance(value, list):
        raise Rejected(name, "须为列表")
    return value


def _decimal(data: dict[str, Any], name: str, line: int, places: int, *, zero_ok: bool) -> str:
    raw = data.get(name)
    if isinstance(raw, bool) or not isinstance(raw, str | int | float):
        raise Rejected(name, f"缺少数值（第{line}条）")
    try:
        value = Decimal(str(raw))
    except InvalidOperation:
        raise Rejected(name, f"不是数字（第{line}条）") from None
    exponent = value.normalize().as_tuple().exponent if value.is_finite() else 0
    if not value.is_finite() or value < 0 or (value == 0 and not zero_ok):
        raise Rejected(name, f"数值须{'不小于' if zero_ok else '大于'}0（第{line}条）")
    if isinstance(exponent, int) and -exponent > places:
        raise Rejected(name, f"最多{places}位小数（第{line}条）")
    text = format(value.normalize(), "f")
    return "0" if value == 0 else text


def _project(item: Any, line: int) -> dict[str, str]:
    if not isinstance(item, dict):
        raise Rejected("repairproject", f"维修项目格式不正确（第{line}条）")
    name = _text(item, "repairproject", line)
    if len(name) > LIMITS["repairproject"]:
        raise Rejected("repairproject", f"长度超过{LIMITS['repairproject']}个字符（第{line}条）")
    return {"repairproject": name, "workinghours": _decimal(item, "workinghours", line, 1, zero_ok=True)}


def _part(item: Any, line: int) -> dict[str, str]:
    if not isinstance(item, dict):
        raise Rejected("partsname", f"配件格式不正确（第{line}条）")
    name = _text(item, "partsname", line)
    code = _text(item, "partscode", line)
    for key, value in (("partsname", name), ("partscode", code)):
        if len(value) > LIMITS[key]:
            raise Rejected(key, f"长度超过{LIMITS[key]}个字符（第{line}条）")
    if code.upper() in PART_CODE_PLACEHOLDERS:
        raise Rejected("partscode", f"配件编码不能为“{code}”，请填写真实编码或本店编码（第{line}条）")
    quantity = _decimal(item, "partsquantity", line, 2, zero_ok=False)
    return {"partsname": name, "partscode": code, "partsquantity": quantity}


def _colour_mismatch(plate: str, colour: str) -> bool:
    """§8.1 cross-check: 8 characters go with green plates, 7 characters never do."""
    if len(plate) == 8:
        return colour not in ("渐变绿", "黄绿")
    return colour in ("绿", "渐变绿", "黄绿")


def sandbox_today(now: datetime) -> date:
    """The province's "today" for the settle-date rule: Asia/Shanghai, from the sandbox's clock."""
    return local_date(now)
