"""Work-order vocabulary and life cycle: states and their transitions, categories and their labels.

``draft → in_repair → completed → settled``, plus ``cancelled`` before settlement. A settled order is
never edited in place; a correction is a new revision (see :mod:`app.services.settlement`).
"""

from __future__ import annotations

from enum import StrEnum

from app.domain.errors import DomainError


class State(StrEnum):
    DRAFT = "draft"
    IN_REPAIR = "in_repair"
    COMPLETED = "completed"
    SETTLED = "settled"
    CANCELLED = "cancelled"


_TRANSITIONS: dict[State, frozenset[State]] = {
    State.DRAFT: frozenset({State.IN_REPAIR, State.COMPLETED, State.SETTLED, State.CANCELLED}),
    State.IN_REPAIR: frozenset({State.COMPLETED, State.SETTLED, State.CANCELLED, State.DRAFT}),
    State.COMPLETED: frozenset({State.SETTLED, State.IN_REPAIR, State.CANCELLED}),
    State.SETTLED: frozenset(),
    State.CANCELLED: frozenset(),
}

EDITABLE_STATES = frozenset({State.DRAFT, State.IN_REPAIR, State.COMPLETED})


def check_transition(current: str, target: str) -> None:
    """Raise ``workorder.bad_transition`` unless ``current → target`` is allowed."""
    cur, tgt = State(current), State(target)
    if tgt not in _TRANSITIONS[cur]:
        raise DomainError("workorder.bad_transition", "state", current=cur.value, target=tgt.value)


def check_editable(current: str) -> None:
    if State(current) not in EDITABLE_STATES:
        raise DomainError("workorder.read_only", "state", state=State(current).value)


STATE_LABELS = {
    State.DRAFT: ("草稿", "Draft"),
    State.IN_REPAIR: ("维修中", "In repair"),
    State.COMPLETED: ("已完工", "Completed"),
    State.SETTLED: ("已结算", "Settled"),
    State.CANCELLED: ("已作废", "Cancelled"),
}

# 维修类别 (repair category), codes from resources/catalogue/repair-categories.csv.
REPAIR_CATEGORIES: dict[str, tuple[str, str]] = {
    "VEHICLE_OVERHAUL": ("整车修理", "Complete-vehicle overhaul"),
    "ASSEMBLY_REPAIR": ("总成修理", "Major-assembly overhaul"),
    "MAINT_L2": ("二级维护", "Second-level maintenance"),
    "MAINT_L1": ("一级维护", "First-level maintenance"),
    "MINOR_REPAIR": ("小修", "Minor repair"),
    "SPECIAL_REPAIR": ("专项修理", "Specialist repair"),
}

# Categories that need a completion certificate (竣工出厂合格证) at hand-back.
CERTIFICATE_CATEGORIES = frozenset({"VEHICLE_OVERHAUL", "ASSEMBLY_REPAIR", "MAINT_L2"})

# Minimum warranty (days, km) per category under 《机动车维修管理规定》; the shop may give more.
WARRANTY_MINIMUMS: dict[str, tuple[int, int]] = {
    "VEHICLE_OVERHAUL": (100, 20000),
    "ASSEMBLY_REPAIR": (100, 20000),
    "MAINT_L2": (30, 5000),
    "MAINT_L1": (10, 2000),
    "MINOR_REPAIR": (10, 2000),
    "SPECIAL_REPAIR": (10, 2000),
}

# 配件类型 (part category) printed on the list; JT/T 1133 wants them labelled separately.
PART_CATEGORIES: dict[str, tuple[str, str]] = {
    "oem": ("原厂件", "OEM"),
    "equivalent": ("同质配件", "OEM-equivalent"),
    "brand": ("品牌件", "Brand"),
    "aftermarket": ("副厂件", "Aftermarket"),
    "remanufactured": ("再制造件", "Remanufactured"),
    "repaired": ("修复件", "Repaired"),
    "salvaged": ("拆车件", "Salvaged"),
}

LABOUR_STANDARDS: dict[str, tuple[str, str]] = {
    "industry": ("行业标准", "Industry standard"),
    "manufacturer": ("制造企业标准", "Manufacturer standard"),
}

PAYMENT_METHODS: dict[str, tuple[str, str]] = {
    "cash": ("现金", "Cash"),
    "wechat": ("微信", "WeChat Pay"),
    "alipay": ("支付宝", "Alipay"),
    "card": ("银行卡", "Bank card"),
    "credit": ("挂账", "On account"),
}

OLD_PARTS: dict[str, tuple[str, str]] = {
    "owner": ("旧件已确认，由托修方收回", "Confirmed; taken back by the customer"),
    "shop": ("旧件已确认，由承修方留存/处理", "Confirmed; kept by the shop"),
    "none": ("无旧件", "No old parts"),
}

STAFF_ROLES: dict[str, tuple[str, str]] = {
    "advisor": ("服务顾问", "Service advisor"),
    "technician": ("维修技师", "Technician"),
    "frontdesk": ("前台", "Front desk"),
    "owner": ("店主", "Owner"),
}

VEHICLE_TYPES: dict[str, tuple[str, str]] = {
    "car": ("小型轿车", "Passenger car"),
    "suv": ("小型越野/SUV", "SUV"),
    "mpv": ("小型客车/MPV", "MPV / small bus"),
    "van": ("轻型货车", "Light truck / van"),
    "truck": ("重中型货车", "Heavy / medium truck"),
    "bus": ("大中型客车", "Bus"),
    "other": ("其他", "Other"),
}


def label(table: dict, code: str, lang: str = "zh_CN") -> str:
    """The Chinese (default) or English label of a code; the code itself if unknown."""
    pair = table.get(code)
    if pair is None:
        return code
    return pair[1] if lang == "en" else pair[0]
