"""Backup rotation (7 daily, 4 weekly, 12 monthly; the newest 10 of every other kind) over a simulated year.

The expectations are worked out by hand from the calendar (2026 starts on a Thursday, so it has 53 ISO
weeks; 28 December is the Monday of week 53), not recomputed with the code under test.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from app.domain.clock import SHOP_TZ, ManualClock
from localdb.backup_rotation import prune
from localdb.sqlite_backup import backup_name, parse_name


def _make(folder: Path, kind: str, at: datetime) -> Path:
    path = folder / backup_name(kind, at)
    path.write_bytes(b"x")
    return path


def _local_dates(folder: Path, kind: str = "daily") -> list[date]:
    found = []
    for p in folder.iterdir():
        parsed = parse_name(p.name)
        if parsed and parsed[2] == kind:
            found.append(parsed[0].astimezone(SHOP_TZ).date())
    return sorted(found)


def _shanghai(y: int, m: int, d: int, hh: int = 10, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=SHOP_TZ).astimezone(UTC)


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def test_a_year_of_daily_backups_leaves_7_daily_4_weekly_12_monthly(tmp_path: Path) -> None:
    clock = ManualClock(_shanghai(2026, 1, 1))
    mid_march: list[date] = []
    while clock.now() < _shanghai(2027, 1, 1):
        _make(tmp_path, "daily", clock.now())
        prune(tmp_path, SHOP_TZ, ".db")  # as the service does after every backup
        if clock.now().astimezone(SHOP_TZ).date() == date(2026, 3, 15):
            mid_march = _local_dates(tmp_path)
        clock.advance(86400)

    # 15 March 2026 (a Sunday, end of ISO week 11): days 9–15 March; weeks 10, 9 and 8 end on 8 March,
    # 1 March and 22 February; months: 28 February and 31 January (March's newest is the 15th).
    assert mid_march == [date(2026, 1, 31), date(2026, 2, 22), date(2026, 2, 28), date(2026, 3, 1),
                         date(2026, 3, 8), *_days(date(2026, 3, 9), date(2026, 3, 15))]  # fmt: skip

    # 31 December 2026: days 25–31 December; weeks 53 (31st), 52 (27th, already kept), 51 (20th),
    # 50 (13th); months: the last day of each month of the year.
    month_ends = [date(2026, 1, 31), date(2026, 2, 28), date(2026, 3, 31), date(2026, 4, 30), date(2026, 5, 31),
                  date(2026, 6, 30), date(2026, 7, 31), date(2026, 8, 31), date(2026, 9, 30), date(2026, 10, 31),
                  date(2026, 11, 30)]  # fmt: skip
    expected = [*month_ends, date(2026, 12, 13), date(2026, 12, 20), *_days(date(2026, 12, 25), date(2026, 12, 31))]
    assert _local_dates(tmp_path) == expected
    assert len(expected) == 20


def test_a_pc_switched_off_for_weeks_keeps_its_last_backups(tmp_path: Path) -> None:
    """Days *with* a backup count, not calendar days: nothing goes merely because time passed."""
    for day in range(1, 11):
        _make(tmp_path, "daily", _shanghai(2026, 1, day))
    _make(tmp_path, "daily", _shanghai(2026, 3, 1))
    prune(tmp_path, SHOP_TZ, ".db")
    # daily: 1 March and 10…5 January; weekly adds 4 January (ISO week 1 ends on Sunday 4 January).
    assert _local_dates(tmp_path) == [*_days(date(2026, 1, 4), date(2026, 1, 10)), date(2026, 3, 1)]


def test_days_are_the_shops_local_days(tmp_path: Path) -> None:
    """23:30 and 00:30 in Shanghai are two days although both fall on the same UTC day; several backups
    on one local day leave only that day's newest."""
    late = _make(tmp_path, "daily", _shanghai(2026, 6, 1, 23, 30))
    early = _make(tmp_path, "daily", _shanghai(2026, 6, 2, 0, 30))
    assert late.name[8:16] == early.name[8:16] == "20260601"  # same UTC date in the names
    for hour in (1, 5, 9):
        _make(tmp_path, "daily", _shanghai(2026, 6, 2, hour))
    prune(tmp_path, SHOP_TZ, ".db")
    remaining = sorted(p.name for p in tmp_path.iterdir())
    assert late.name in remaining
    assert remaining == sorted([late.name, backup_name("daily", _shanghai(2026, 6, 2, 9))])


def test_other_kinds_keep_their_newest_ten_and_leave_daily_alone(tmp_path: Path) -> None:
    start = _shanghai(2026, 5, 1)
    for i in range(15):
        _make(tmp_path, "manual", start + timedelta(hours=i))
        _make(tmp_path, "pre-restore", start + timedelta(hours=i, minutes=1))
    for i in range(3):
        _make(tmp_path, "daily", start + timedelta(days=i))
    (tmp_path / "notes.txt").write_text("the owner's own file")
    removed = prune(tmp_path, SHOP_TZ, ".db")
    assert len(removed) == 10  # 5 manual + 5 pre-restore
    manual = sorted(p.name for p in tmp_path.iterdir() if p.name.endswith("-manual.db"))
    assert manual == sorted(backup_name("manual", start + timedelta(hours=i)) for i in range(5, 15))
    assert len(_local_dates(tmp_path, "pre-restore")) == 10
    assert len(_local_dates(tmp_path)) == 3
    assert (tmp_path / "notes.txt").exists()


def test_pruning_one_kind_leaves_the_others(tmp_path: Path) -> None:
    start = _shanghai(2026, 5, 1)
    for i in range(12):
        _make(tmp_path, "pre-migration", start + timedelta(minutes=i))
        _make(tmp_path, "manual", start + timedelta(minutes=i, seconds=30))
    prune(tmp_path, UTC, ".db", kinds=["pre-migration"])
    assert len(_local_dates(tmp_path, "pre-migration")) == 10
    assert len(_local_dates(tmp_path, "manual")) == 12


def test_names_round_trip_and_old_names_are_understood() -> None:
    at = datetime(2026, 11, 26, 2, 0, 5, tzinfo=UTC)
    assert backup_name("pre-migration", at) == "banshou-20261126T020005Z-pre-migration.db"
    assert parse_name(backup_name("manual", at, 3)) == (at, 3, "manual")
    assert parse_name("banshou-20261126-020005-before-0007.db") == (at, 1, "pre-migration")
    assert parse_name("banshou.db") is None and parse_name("banshou-20261126T020005Z-odd.db") is None
