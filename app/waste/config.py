"""The waste ledger's shop settings (caps, ages, windows, management class), stored as one JSON value in
the shared ``settings`` table under ``waste.config``.

Why its own record: the thresholds are local policy (many localities are stricter than the 365-day
default), they travel with the data folder and its backups, and the ledger must read them without Qt.
Unknown or badly typed stored values fall back to the defaults so a hand-edited database never stops
the screen from opening.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from decimal import Decimal

from app.domain.errors import DomainError
from app.security.guard import Guard
from app.security.permissions import Perm
from app.services.storage import reading, writing
from localdb.engine import Database
from localdb.models import Setting

CONFIG_KEY = "waste.config"
MANAGEMENT_CLASSES = ("registered", "simplified", "key")  # 登记 / 简化 / 重点 (HJ 1259 §4.2)


@dataclass(frozen=True)
class WasteConfig:
    storage_warn_kg: Decimal = Decimal(2500)
    storage_limit_kg: Decimal = Decimal(3000)  # GB 18597-2023 §8.3.5: a 贮存点 holds ≤ 3 t at any moment
    container_max_days: int = 365
    confirm_working_days: int = 5  # 转移办法 Art. 18
    licence_warn_days: int = 30
    quiet_days: int = 60
    due_warn_days: int = 30
    expected_lookback_days: int = 30
    management_class: str = "registered"
    facility_code: str = ""  # 贮存设施编码
    facility_type: str = "贮存点"
    generation_facility_code: str = ""  # 产生危险废物设施编码

    def to_json(self) -> dict[str, object]:
        return {k: (str(v) if isinstance(v, Decimal) else v) for k, v in dataclasses.asdict(self).items()}

    @classmethod
    def from_json(cls, raw: object) -> WasteConfig:
        base = cls()
        if not isinstance(raw, dict):
            return base
        values: dict[str, object] = {}
        for f in dataclasses.fields(cls):
            default = getattr(base, f.name)
            value = raw.get(f.name, default)
            try:
                if isinstance(default, Decimal):
                    value = Decimal(str(value))
                elif isinstance(default, bool) or type(value) is not type(default):
                    value = default
            except ArithmeticError:
                value = default
            values[f.name] = value
        if values["management_class"] not in MANAGEMENT_CLASSES:
            values["management_class"] = base.management_class
        return cls(**values)  # type: ignore[arg-type]

    def validate(self) -> None:
        if not Decimal(0) < self.storage_warn_kg <= self.storage_limit_kg:
            raise DomainError("waste.config_caps", "storage_warn_kg")
        for name in ("container_max_days", "confirm_working_days", "licence_warn_days", "quiet_days"):
            if getattr(self, name) <= 0:
                raise DomainError("waste.config_positive", name, field_name=name)
        if self.management_class not in MANAGEMENT_CLASSES:
            raise DomainError("waste.config_class", "management_class", value=self.management_class)


class WasteConfigStore:
    """Reading is open (thresholds, no personal data; the ledger and alerts read them inside their own
    checked calls); changing the shop's policy is a setting (``SETTINGS``)."""

    def __init__(self, db: Database, guard: Guard) -> None:
        self._db = db
        self._guard = guard

    def get(self) -> WasteConfig:
        with reading(self._db) as s:
            row = s.get(Setting, CONFIG_KEY)
            return WasteConfig.from_json(row.value if row else None)

    def save(self, config: WasteConfig) -> WasteConfig:
        self._guard.require(Perm.SETTINGS)
        config.validate()
        with writing(self._db) as s:
            row = s.get(Setting, CONFIG_KEY)
            if row is None:
                s.add(Setting(key=CONFIG_KEY, value=config.to_json()))
            else:
                row.value = config.to_json()
        return config
