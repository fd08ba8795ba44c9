"""Which backups to keep: 7 daily, 4 weekly, 12 monthly, and the last 10 of every other kind.

The rule, decided once here for the local folder and the second folder alike:

- **daily** backups (the automatic one a day) are thinned grandfather-father-son style. Walking from
  the newest, the newest backup of each of the last 7 *days that have one* is kept, likewise of the
  last 4 ISO weeks and the last 12 months; a backup kept by any of the three rules stays. Counting
  days *that have a backup* (as restic's ``--keep-daily`` does) rather than calendar days means a PC that
  was switched off for a month still has its last 7 daily backups when it is switched on again; nothing
  is deleted merely because time passed.
- **manual**, **pre-migration** and **pre-restore** backups are made by a person or before a risky
  step, not by a timer; the newest 10 of each kind are kept. They never displace daily backups, and
  daily ones never displace them.

Days, weeks and months are the shop's local calendar (``tz``), so a backup made at 00:30 in Shanghai
belongs to that day, not to the previous UTC day.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Generic, TypeVar

from localdb.sqlite_backup import parse_name, remove_backup

DAILY_KEEP = 7
WEEKLY_KEEP = 4
MONTHLY_KEEP = 12
OTHER_KEEP = 10

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True)
class Dated(Generic[K]):
    key: K
    made_at: datetime
    kind: str
    n: int = 1  # the name's counter: orders two backups made in the same second


def _buckets(tz: tzinfo) -> list[tuple[Callable[[datetime], object], int]]:
    return [
        (lambda t: t.astimezone(tz).date(), DAILY_KEEP),
        (lambda t: t.astimezone(tz).isocalendar()[:2], WEEKLY_KEEP),
        (lambda t: (t.astimezone(tz).year, t.astimezone(tz).month), MONTHLY_KEEP),
    ]


def to_keep(items: Iterable[Dated[K]], tz: tzinfo) -> set[K]:
    """The keys of the backups the policy keeps (see the module docstring)."""
    by_kind: dict[str, list[Dated[K]]] = {}
    for item in items:
        by_kind.setdefault(item.kind, []).append(item)
    keep: set[K] = set()
    for kind, group in by_kind.items():
        group.sort(key=lambda d: (d.made_at, d.n), reverse=True)
        if kind != "daily":
            keep.update(d.key for d in group[:OTHER_KEEP])
            continue
        for bucket_of, count in _buckets(tz):
            seen: set[object] = set()
            for d in group:
                bucket = bucket_of(d.made_at)
                if bucket in seen:
                    continue
                if len(seen) == count:
                    break
                seen.add(bucket)
                keep.add(d.key)  # the first one met in a bucket is its newest
    return keep


def dated_files(folder: Path, suffix: str) -> list[Dated[Path]]:
    """Backups in ``folder`` whose names end in ``suffix`` (anything else there is left alone)."""
    if not folder.is_dir():
        return []
    found: list[Dated[Path]] = []
    for path in folder.iterdir():
        parsed = parse_name(path.name) if path.name.endswith(suffix) else None
        if parsed is not None and path.is_file():
            found.append(Dated(path, parsed[0], parsed[2], parsed[1]))
    return found


def prune(folder: Path, tz: tzinfo, suffix: str, kinds: Iterable[str] | None = None) -> list[Path]:
    """Delete the backups (and their sidecars) the policy does not keep; returns what was deleted.

    ``kinds`` limits pruning to some kinds (the pre-migration backup in ``localdb`` prunes only its own
    kind, so it never judges daily backups by a different calendar than the app's).
    """
    wanted = set(kinds) if kinds is not None else None
    files = [d for d in dated_files(folder, suffix) if wanted is None or d.kind in wanted]
    keep = to_keep(files, tz)
    removed = [d.key for d in files if d.key not in keep]
    for path in removed:
        remove_backup(path)
    return removed
