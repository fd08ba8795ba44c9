"""Rating dimensions and the column names a rating arrives under (``ehr-protocol.md`` §5, §9 item 6).

The notice's five dimensions are the default; Shanghai's live platform uses another set (履约 instead of
环境), so the set is a profile setting and every aggregate iterates over the set it is given, never over a
fixed five. Column aliases list the Shanghai platform's own field names first, then the Chinese headers of
its web export, so a shop can import an unedited file; a profile can add its own names on top.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

QUALITY, EFFICIENCY, PRICING, ATTITUDE, ENVIRONMENT, KEEP_APPOINTMENT = (
    "quality", "efficiency", "pricing", "attitude", "environment", "keep_appointment",
)  # fmt: skip
ALL_DIMENSIONS = (QUALITY, EFFICIENCY, PRICING, ATTITUDE, ENVIRONMENT, KEEP_APPOINTMENT)
DEFAULT_DIMENSIONS = (QUALITY, EFFICIENCY, PRICING, ATTITUDE, ENVIRONMENT)  # 交办运〔2021〕82号 item (六)
SHANGHAI_DIMENSIONS = (KEEP_APPOINTMENT, ATTITUDE, QUALITY, EFFICIENCY, PRICING)

LABELS_ZH = {
    QUALITY: "维修质量", EFFICIENCY: "维修效率", PRICING: "维修收费", ATTITUDE: "服务态度",
    ENVIRONMENT: "服务环境", KEEP_APPOINTMENT: "履约情况",
}  # fmt: skip

# Non-score fields of a rating row.
RATING_ID, COSTLISTCODE, PLATE, RATED_AT, COMMENT = "id", "costlistcode", "plate", "rated_at", "comment"

COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    RATING_ID: ("id", "commentId", "评价编号", "评价ID"),
    COSTLISTCODE: ("costlistcode", "结算清单编号", "结算单号", "结算清单号"),
    PLATE: ("vehicleNum", "vehicleplatenumber", "车牌号", "车牌号码", "号牌号码"),
    RATED_AT: ("createTime", "评价时间", "时间"),
    COMMENT: ("content", "comment", "评价内容", "评语"),
    QUALITY: ("quality", "quailty", "维修质量"),
    EFFICIENCY: ("speed", "efficiency", "维修速度", "维修效率"),
    PRICING: ("price", "pricing", "维修价格", "维修收费"),
    ATTITUDE: ("attitude", "服务态度"),
    ENVIRONMENT: ("environment", "服务环境"),
    KEEP_APPOINTMENT: ("keepAppointment", "履约情况", "履约"),
}


def label(dimension: str) -> str:
    return LABELS_ZH.get(dimension, dimension)


def column_map(headers: Sequence[str], overrides: Mapping[str, str] | None = None) -> dict[str, int]:
    """Canonical field → column index for the headers of a file (or keys of an API object).

    A profile's override wins; otherwise the first alias present. Headers are compared trimmed and
    case-insensitively, because portal exports are hand-saved through Excel more often than not.
    """
    norm = [h.strip().lower() for h in headers]
    found: dict[str, int] = {}
    for canonical, aliases in COLUMN_ALIASES.items():
        wanted = ([overrides[canonical]] if overrides and canonical in overrides else []) + list(aliases)
        for alias in wanted:
            if alias.strip().lower() in norm:
                found[canonical] = norm.index(alias.strip().lower())
                break
    return found
