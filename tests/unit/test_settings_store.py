"""Typed settings in the database: defaults, round trips, bad stored values, versioning, the shop's rate."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import select

from app.context import AppContext
from app.live_changes import DATA_VERSION_KEY
from app.settings import ALL_SETTINGS, LANGUAGE, LARGE_FONT, SCHEMA_VERSION, SettingSpec, SettingsStore
from localdb.models import Setting


def _store(ctx: AppContext) -> SettingsStore:
    return SettingsStore(ctx.db, ctx.shop.get, guard=ctx.guard)


def test_defaults_before_anything_is_stored(ctx: AppContext) -> None:
    store = _store(ctx)
    assert store.get(LANGUAGE) == "zh_CN"
    assert store.get(LARGE_FONT) is False
    assert store.values() == {"ui.language": "zh_CN", "ui.large_font": False, "security.idle_minutes": 10}


def test_values_round_trip_and_survive_a_new_store(ctx: AppContext) -> None:
    _store(ctx).set(LANGUAGE, "en")
    _store(ctx).set(LARGE_FONT, True)
    fresh = _store(ctx)
    assert fresh.get(LANGUAGE) == "en"
    assert fresh.get(LARGE_FONT) is True
    fresh.set(LANGUAGE, "zh_CN")
    assert fresh.get(LANGUAGE) == "zh_CN"


@pytest.mark.parametrize(
    ("spec", "bad"),
    [(LANGUAGE, "fr"), (LANGUAGE, 1), (LARGE_FONT, 1), (LARGE_FONT, "yes")],
)
def test_setting_a_wrong_value_is_a_programming_error(ctx: AppContext, spec: SettingSpec, bad: object) -> None:
    with pytest.raises(ValueError):
        _store(ctx).set(spec, bad)


def test_a_bad_stored_value_reads_as_the_default(ctx: AppContext) -> None:
    with ctx.db.write() as s:
        s.add(Setting(key=LANGUAGE.key, value="klingon"))
        s.add(Setting(key=LARGE_FONT.key, value=1))  # an int is not a bool
    store = _store(ctx)
    assert store.get(LANGUAGE) == "zh_CN"
    assert store.get(LARGE_FONT) is False


def test_schema_version_is_recorded_once(ctx: AppContext) -> None:
    store = _store(ctx)
    store.get(LANGUAGE)
    store.get(LARGE_FONT)
    with ctx.db.read() as s:
        rows = {r.key: r.value for r in s.scalars(select(Setting).where(Setting.key != DATA_VERSION_KEY))}
    assert rows == {"settings.version": SCHEMA_VERSION}  # (the data stamp of app/live_changes.py is not a setting)


def test_every_setting_is_declared_with_a_valid_default() -> None:
    keys = [spec.key for spec in ALL_SETTINGS]
    assert len(keys) == len(set(keys))
    assert all(spec.accepts(spec.default) for spec in ALL_SETTINGS)


def test_default_labour_rate_comes_from_the_shop(ctx: AppContext) -> None:
    store = _store(ctx)
    assert store.default_labour_rate_fen() == 10000
    ctx.shop.configure(replace(ctx.shop.get(), labour_rate_fen=12050))
    assert store.default_labour_rate_fen() == 12050


def test_default_labour_rate_before_the_shop_is_set_up(bare_ctx: AppContext) -> None:
    assert SettingsStore(bare_ctx.db, bare_ctx.shop.get, guard=bare_ctx.guard).default_labour_rate_fen() == 10000
    assert SettingsStore(bare_ctx.db, guard=bare_ctx.guard).default_labour_rate_fen() == 10000
