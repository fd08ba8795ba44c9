"""Typed application settings, declared once with their defaults, stored in the ``settings`` table.

Why here and not in ``QSettings``: these choices belong to the shop's data folder (a training folder and
the real one may differ), the CLI must read them without Qt, and a backup of the database carries them.
Only per-PC window state (geometry, column widths) goes to ``QSettings``.

Every setting is a :class:`SettingSpec`; a stored value of the wrong type or outside the allowed choices
(an older build, a hand-edited database) reads back as the default instead of crashing the start-up.
``SCHEMA_VERSION`` lets a later build rename or convert keys in :func:`_upgrade` once, on first use.

The default labour rate is deliberately *not* a setting: it is part of the shop's registered details
(:class:`~app.services.dto.ShopInfo.labour_rate_fen`), so there is one place to change it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import select

from app.i18n import LANGUAGES
from app.security.guard import Guard
from app.security.permissions import Perm
from app.services.dto import ShopInfo
from app.services.storage import reading, writing
from localdb.engine import Database
from localdb.models import Setting

T = TypeVar("T")

SCHEMA_VERSION = 1
_BUILT_IN_RATE_FEN = ShopInfo("", "", "", "", "", "").labour_rate_fen  # the dataclass default, one source
_VERSION_KEY = "settings.version"


@dataclass(frozen=True)
class SettingSpec(Generic[T]):
    """One setting: its key in the table, its Python type, its default and (optionally) allowed values."""

    key: str
    type: type[T]
    default: T
    choices: tuple[T, ...] = ()

    def accepts(self, value: object) -> bool:
        # bool is a subclass of int; a stored True must not pass as an int setting, nor 1 as a bool one.
        if type(value) is not self.type:
            return False
        return not self.choices or value in self.choices

    def coerce(self, raw: object) -> T:
        """The stored value if it is valid, else the default (never raises: start-up must not fail)."""
        return raw if self.accepts(raw) else self.default  # type: ignore[return-value]


LANGUAGE: SettingSpec[str] = SettingSpec("ui.language", str, "zh_CN", LANGUAGES)
LARGE_FONT: SettingSpec[bool] = SettingSpec("ui.large_font", bool, False)
# Minutes without keyboard or mouse before the window locks and asks for a login again; 0 = never.
IDLE_MINUTES: SettingSpec[int] = SettingSpec("security.idle_minutes", int, 10, (0, 2, 5, 10, 15, 30, 60))

ALL_SETTINGS: tuple[SettingSpec[Any], ...] = (LANGUAGE, LARGE_FONT, IDLE_MINUTES)


def _upgrade(stored_version: int, values: dict[str, object]) -> dict[str, object]:
    """Convert values written by an older build. Version 1 is the first; nothing to convert yet."""
    return values


class SettingsStore:
    """Reads and writes :data:`ALL_SETTINGS` in the database; one short session per call (thread-safe).

    Reading is open (the window reads the language before anyone logs in); changing a setting of the
    data folder is the owner's (``SETTINGS``)."""

    def __init__(self, db: Database, shop_info: Callable[[], ShopInfo | None] | None = None, *,
                 guard: Guard) -> None:  # fmt: skip
        self._db = db
        self._shop_info = shop_info
        self._guard = guard
        self._checked_version = False

    def get(self, spec: SettingSpec[T]) -> T:
        self._ensure_version()
        with reading(self._db) as s:
            row = s.get(Setting, spec.key)
            return spec.default if row is None else spec.coerce(row.value)

    def set(self, spec: SettingSpec[T], value: T) -> None:
        """Store ``value``. A wrong type or unknown choice is a programming error, hence ``ValueError``."""
        self._guard.require(Perm.SETTINGS)
        if not spec.accepts(value):
            raise ValueError(f"invalid value for {spec.key}: {value!r}")
        self._ensure_version()
        with writing(self._db) as s:
            row = s.get(Setting, spec.key)
            if row is None:
                s.add(Setting(key=spec.key, value=value))
            else:
                row.value = value

    def values(self) -> dict[str, object]:
        """Every declared setting with its current value (for a diagnostics dump or the CLI)."""
        return {spec.key: self.get(spec) for spec in ALL_SETTINGS}

    def default_labour_rate_fen(self) -> int:
        """The rate new labour lines start with: the shop's, or the built-in default before set-up."""
        info = self._shop_info() if self._shop_info else None
        return info.labour_rate_fen if info else _BUILT_IN_RATE_FEN

    def _ensure_version(self) -> None:
        """Run :func:`_upgrade` once when the stored schema version is older than ours.

        Checked with a read first, so an up-to-date (or read-only) database is never locked for writing
        just to read a setting.
        """
        if self._checked_version:
            return
        with reading(self._db) as s:
            row = s.get(Setting, _VERSION_KEY)
            current = row is not None and type(row.value) is int and row.value >= SCHEMA_VERSION
        if not current:
            with writing(self._db) as s:
                row = s.get(Setting, _VERSION_KEY)
                stored = row.value if row is not None and type(row.value) is int else 0
                rows = {r.key: r for r in s.scalars(select(Setting)) if r.key != _VERSION_KEY}
                for key, value in _upgrade(stored, {k: r.value for k, r in rows.items()}).items():
                    if key in rows:
                        rows[key].value = value
                    else:
                        s.add(Setting(key=key, value=value))
                if row is None:
                    s.add(Setting(key=_VERSION_KEY, value=SCHEMA_VERSION))
                else:
                    row.value = SCHEMA_VERSION
        self._checked_version = True
