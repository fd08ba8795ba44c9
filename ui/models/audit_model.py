"""The audit trail as a Qt table model, and the before/after JSON of an entry in words a person reads:
``状态: 已完工 → 已结算`` rather than ``{"state":"completed"}``.

Column names, actions and tables get their shop words here; anything not listed (a column added later)
is shown as stored, so nothing is ever hidden by the translation.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app.domain.clock import to_local
from app.domain.money import format_yuan
from app.security.audit import AuditRow
from ui.models.account_model import staff_role_labels
from ui.models.order_list_model import state_labels

COL_SEQ, COL_AT, COL_ACTOR, COL_ACTION, COL_ENTITY, COL_CHANGES = range(6)
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_VALUE = 60
_ISO_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)$")

translate = QCoreApplication.translate  # literal calls below, so lupdate finds every string


def action_labels() -> dict[str, str]:
    return {
        "create": translate("AuditModel", "新建"),
        "update": translate("AuditModel", "修改"),
        "delete": translate("AuditModel", "删除"),
        "settle": translate("AuditModel", "结算"),
        "correct": translate("AuditModel", "更正"),
        "cancel": translate("AuditModel", "作废"),
        "reverse": translate("AuditModel", "冲销"),
        "export": translate("AuditModel", "导出"),
        "login": translate("AuditModel", "登录"),
        "login_failed": translate("AuditModel", "登录失败"),
        "logout": translate("AuditModel", "退出登录"),
        "recover": translate("AuditModel", "用恢复码重设店主密码"),
        "permission_denied": translate("AuditModel", "无权限被拒绝"),
        "backup": translate("AuditModel", "备份"),
        "restore": translate("AuditModel", "恢复备份"),
        "audit.key_started": translate("AuditModel", "启用新的审计密钥"),
    }


def entity_labels() -> dict[str, str]:
    return {
        "shop": translate("AuditModel", "本店信息"),
        "settings": translate("AuditModel", "设置"),
        "staff": translate("AuditModel", "员工/账号"),
        "owners": translate("AuditModel", "车主"),
        "vehicles": translate("AuditModel", "车辆"),
        "work_orders": translate("AuditModel", "工单"),
        "labour_lines": translate("AuditModel", "工时"),
        "part_lines": translate("AuditModel", "材料"),
        "fee_lines": translate("AuditModel", "其他费用"),
        "payments": translate("AuditModel", "收款"),
        "confirmed_warnings": translate("AuditModel", "确认的提醒"),
        "shop_parts": translate("AuditModel", "本店配件编码"),
        "history_issues": translate("AuditModel", "维修履历"),
        "reminder_rules": translate("AuditModel", "保养提醒规则"),
        "reminder_contacts": translate("AuditModel", "保养提醒联系"),
        "defect_cases": translate("AuditModel", "疑似缺陷"),
        "emissions_repairs": translate("AuditModel", "排放维修"),
        "accident_repairs": translate("AuditModel", "事故维修"),
        "ratings": translate("AuditModel", "车主评价"),
        "waste_entries": translate("AuditModel", "危废台账"),
        "waste_handoffs": translate("AuditModel", "危废转移"),
        "waste_collectors": translate("AuditModel", "收集单位"),
        "waste_containers": translate("AuditModel", "危废容器"),
        "permission": translate("AuditModel", "权限"),
        "audit_entries": translate("AuditModel", "审计日志"),
        "audit": translate("AuditModel", "审计密钥"),
        "backup": translate("AuditModel", "备份"),
    }


def field_labels() -> dict[str, str]:
    return {
        "name": translate("AuditModel", "名称"),
        "role": translate("AuditModel", "角色"),
        "active": translate("AuditModel", "启用"),
        "username": translate("AuditModel", "登录名"),
        "password_hash": translate("AuditModel", "密码"),
        "recovery_hash": translate("AuditModel", "恢复码"),
        "must_change_password": translate("AuditModel", "须改密码"),
        "failed_logins": translate("AuditModel", "连续输错次数"),
        "failures": translate("AuditModel", "连续输错次数"),
        "locked_until": translate("AuditModel", "锁定至"),
        "reason": translate("AuditModel", "原因"),
        "state": translate("AuditModel", "状态"),
        "plate": translate("AuditModel", "车牌"),
        "vin": translate("AuditModel", "车架号"),
        "owner_name": translate("AuditModel", "车主"),
        "owner_phone": translate("AuditModel", "车主电话"),
        "phone": translate("AuditModel", "电话"),
        "intake_mileage": translate("AuditModel", "送修里程"),
        "fault_description": translate("AuditModel", "故障描述"),
        "costlistcode": translate("AuditModel", "结算清单编号"),
        "settled_at": translate("AuditModel", "结算时间"),
        "cancel_reason": translate("AuditModel", "作废原因"),
        "revision": translate("AuditModel", "版本"),
        "superseded": translate("AuditModel", "已被更正"),
        "item": translate("AuditModel", "项目"),
        "hours": translate("AuditModel", "工时"),
        "quantity": translate("AuditModel", "数量"),
        "unit": translate("AuditModel", "单位"),
        "key": translate("AuditModel", "设置项"),
        "value": translate("AuditModel", "值"),
        "filter": translate("AuditModel", "筛选条件"),
        "previous_key": translate("AuditModel", "上一个密钥"),
        "address": translate("AuditModel", "地址"),
        "contact": translate("AuditModel", "联系人"),
        "credit_code": translate("AuditModel", "统一社会信用代码"),
        "company_code": translate("AuditModel", "EHR 企业编码"),
        "list_prefix": translate("AuditModel", "结算清单编号前缀"),
        "home_province": translate("AuditModel", "本地车牌省份"),
        "labour_rate_fen": translate("AuditModel", "默认工时单价"),
        "rating_url": translate("AuditModel", "评价页地址"),
        "brand_model": translate("AuditModel", "品牌型号"),
        "mileage_out": translate("AuditModel", "出厂里程"),
        "repair_category": translate("AuditModel", "维修类别"),
        "order_no": translate("AuditModel", "工单号"),
        "kind": translate("AuditModel", "类型"),
        "verified": translate("AuditModel", "已校验"),
        "size": translate("AuditModel", "大小"),
        "second_copy": translate("AuditModel", "第二备份位置副本"),
        "folder": translate("AuditModel", "文件夹"),
        "completed_at": translate("AuditModel", "完工时间"),
        "completion_cert_no": translate("AuditModel", "竣工出厂合格证编号"),
        "intake_at": translate("AuditModel", "送修时间"),
        "bringer_name": translate("AuditModel", "送修人"),
        "bringer_phone": translate("AuditModel", "送修人电话"),
        "advisor_id": translate("AuditModel", "服务顾问编号"),
        "technician_id": translate("AuditModel", "技师编号"),
        "vehicle_id": translate("AuditModel", "车辆编号"),
        "work_order_id": translate("AuditModel", "工单编号"),
        "labour_fen": translate("AuditModel", "工时费"),
        "parts_fen": translate("AuditModel", "材料费"),
        "other_fen": translate("AuditModel", "其他费用"),
        "discount_fen": translate("AuditModel", "优惠"),
        "due_fen": translate("AuditModel", "应付金额"),
        "amount_fen": translate("AuditModel", "金额"),
        "rate_fen": translate("AuditModel", "工时单价"),
        "unit_price_fen": translate("AuditModel", "单价"),
        "cost_price_fen": translate("AuditModel", "成本价"),
        "method": translate("AuditModel", "收款方式"),
        "old_parts": translate("AuditModel", "旧件处理"),
        "warranty_days": translate("AuditModel", "质保天数"),
        "warranty_km": translate("AuditModel", "质保里程"),
        "warranty_text": translate("AuditModel", "质保说明"),
        "notes": translate("AuditModel", "备注"),
        "note": translate("AuditModel", "备注"),
        "part_code": translate("AuditModel", "配件编码"),
        "brand": translate("AuditModel", "品牌"),
        "category": translate("AuditModel", "配件类型"),
        "created_at": translate("AuditModel", "建立时间"),
        "updated_at": translate("AuditModel", "修改时间"),
    }


# Shown first for a new or deleted row: what identifies it.
FIRST_KEYS = ("name", "plate", "vin", "username", "role", "state", "costlistcode", "order_no", "key", "value")


def reason_labels() -> dict[str, str]:
    return {
        "password": translate("AuditModel", "密码错误"),
        "unknown": translate("AuditModel", "登录名不存在"),
        "locked": translate("AuditModel", "账号已锁定"),
        "disabled": translate("AuditModel", "账号已停用"),
    }


def _value(key: str, value: Any) -> str:
    if value is None or value == "":
        return translate("AuditModel", "（空）")
    if isinstance(value, bool):
        return translate("AuditModel", "是") if value else translate("AuditModel", "否")
    if key.endswith("_fen") and isinstance(value, int):
        return format_yuan(value)
    if key == "reason" and isinstance(value, str):
        return reason_labels().get(value, value)
    if key == "role" and isinstance(value, str):
        return staff_role_labels().get(value, value)
    if key == "state" and isinstance(value, str):
        return state_labels().get(value, value)  # work-order states; other tables' states stay as stored
    if isinstance(value, str) and _ISO_MOMENT.match(value):
        try:
            return to_local(datetime.fromisoformat(value.replace("Z", "+00:00"))).strftime("%Y-%m-%d %H:%M")
        except ValueError:
            return value
    if isinstance(value, dict | list):
        value = json.dumps(value, ensure_ascii=False)
    text = str(value)
    return text if len(text) <= MAX_VALUE else text[:MAX_VALUE - 1] + "…"


def _parse(text: str) -> dict[str, Any] | None:
    if not text:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return {"": text}
    return value if isinstance(value, dict) else {"": value}


def change_lines(row: AuditRow) -> list[str]:
    """One line per field: ``字段: 旧 → 新`` for a change, ``字段: 值`` for a new or deleted row."""
    labels = field_labels()
    before, after = _parse(row.before), _parse(row.after)

    def name(key: str) -> str:
        return labels.get(key, key) if key else translate("AuditModel", "内容")

    lines: list[str] = []
    if before is not None and after is not None:
        for key in sorted(set(before) | set(after)):
            old, new = before.get(key), after.get(key)
            if old != new:
                lines.append(f"{name(key)}: {_value(key, old)} → {_value(key, new)}")
        return lines
    values = after if after is not None else before
    ordered = sorted((values or {}).items(),
                     key=lambda kv: (FIRST_KEYS.index(kv[0]) if kv[0] in FIRST_KEYS else len(FIRST_KEYS), kv[0]))
    for key, value in ordered:
        if key in ("id", "uuid", "seq") or value is None or value == "":
            continue
        lines.append(f"{name(key)}: {_value(key, value)}")
    return lines


class AuditModel(QAbstractTableModel):
    """Rows newest first; :meth:`append_page` adds the next (older) page at the end."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[AuditRow] = []
        self._summaries: list[str] = []
        self._actions = action_labels()
        self._entities = entity_labels()
        self._titles = [translate("AuditModel", "序号"), translate("AuditModel", "时间"),
                        translate("AuditModel", "操作人"), translate("AuditModel", "操作"),
                        translate("AuditModel", "对象"), translate("AuditModel", "内容（修改前 → 修改后）")]

    def set_rows(self, rows: list[AuditRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._summaries = ["；".join(change_lines(r)) for r in rows]
        self.endResetModel()

    def append_page(self, rows: list[AuditRow]) -> None:
        if not rows:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self._summaries.extend("；".join(change_lines(r)) for r in rows)
        self.endInsertRows()

    def entry(self, row: int) -> AuditRow:
        return self._rows[row]

    def oldest_seq(self) -> int | None:
        return self._rows[-1].seq if self._rows else None

    def action_text(self, action: str) -> str:
        return self._actions.get(action, action)

    def entity_text(self, entity: str) -> str:
        return self._entities.get(entity, entity)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._titles)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._titles[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = self._rows[index.row()], index.column()
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_SEQ:
                return str(row.seq)
            if col == COL_AT:
                return to_local(row.at).strftime("%Y-%m-%d %H:%M:%S")
            if col == COL_ACTOR:
                return row.actor_name
            if col == COL_ACTION:
                return self.action_text(row.action)
            if col == COL_ENTITY:
                what = self.entity_text(row.entity)
                return f"{what} {row.entity_id}" if row.entity_id else what
            if col == COL_CHANGES:
                return self._summaries[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_CHANGES:
            return "\n".join(change_lines(row))
        if role == Qt.ItemDataRole.ForegroundRole and row.action in ("login_failed", "permission_denied"):
            return QColor("#b71c1c")
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_SEQ:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
