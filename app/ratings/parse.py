"""Turning rows (a portal export, or the sandbox's JSON objects) into checked :class:`RatingInput` values.

One parser serves both sources so a rating means the same thing whichever way it came in. Every problem
is collected per row with a message code and the row number a person sees in Excel (the header is row 1),
so the preview can list them all at once; nothing is written until a file has none.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

from app.domain.clock import SHOP_TZ
from app.domain.errors import DomainError
from app.ratings.dimensions import (
    COLUMN_ALIASES,
    COMMENT,
    COSTLISTCODE,
    PLATE,
    RATED_AT,
    RATING_ID,
    column_map,
)

_TIME_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M", "%Y-%m-%d",
                 "%Y/%m/%d", "%Y%m%d%H%M%S", "%Y%m%d")  # fmt: skip


@dataclass(frozen=True)
class RatingInput:
    """One owner's rating as received: the id is the platform's, or a digest of the row's content."""

    external_id: str
    costlistcode: str
    plate: str
    rated_at: datetime  # UTC
    scores: Mapping[str, int]
    comment: str = ""


@dataclass(frozen=True)
class RowError:
    row: int
    code: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ParsedRows:
    ratings: tuple[RatingInput, ...]
    errors: tuple[RowError, ...]


def read_table(path: Path) -> tuple[list[str], list[list[Any]]]:
    """Headers and rows of a .csv (UTF-8 with or without BOM, else GB18030 as Chinese Excel saves it)
    or an .xlsx (first sheet). Fully blank rows are dropped; they are what Excel leaves at the end."""
    suffix = path.suffix.lower()
    try:
        if suffix in (".xlsx", ".xlsm"):
            rows = _read_xlsx(path)
        elif suffix in (".csv", ".txt"):
            rows = _read_csv(path.read_bytes())
        else:
            raise DomainError("rating.import.unsupported_file", "path", name=path.name)
    except (OSError, ValueError, KeyError) as exc:
        if isinstance(exc, DomainError):
            raise
        raise DomainError("rating.import.unreadable", "path", name=path.name, reason=str(exc)[:120]) from None
    rows = [r for r in rows if any(c not in (None, "") for c in r)]
    if not rows:
        raise DomainError("rating.import.empty", "path", name=path.name)
    return [str(h or "").strip() for h in rows[0]], rows[1:]


def _read_csv(data: bytes) -> list[list[Any]]:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return [list(r) for r in csv.reader(io.StringIO(text))]
    raise ValueError("neither UTF-8 nor GB18030")


def _read_xlsx(path: Path) -> list[list[Any]]:
    from openpyxl import load_workbook  # only imports need it; keep start-up light

    book = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = book.worksheets[0]
        return [list(r) for r in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


def parse_rows(headers: Sequence[str], rows: Sequence[Sequence[Any]], dimensions: Sequence[str],
               overrides: Mapping[str, str] | None = None, *, first_row: int = 2) -> ParsedRows:  # fmt: skip
    """Check every row against the profile's dimension set; collect errors instead of stopping."""
    columns = column_map(headers, overrides)
    missing = [d for d in dimensions if d not in columns]
    if RATED_AT not in columns:
        missing.insert(0, RATED_AT)
    if PLATE not in columns and COSTLISTCODE not in columns:
        missing.insert(0, PLATE)
    if missing:
        names = "、".join((overrides or {}).get(m) or COLUMN_ALIASES[m][-1] for m in missing if m in COLUMN_ALIASES)
        return ParsedRows((), (RowError(1, "rating.import.missing_columns", {"columns": names or ",".join(missing)}),))
    ratings: list[RatingInput] = []
    errors: list[RowError] = []
    seen: set[str] = set()
    for offset, row in enumerate(rows):
        number = first_row + offset

        def cell(name: str, row: Sequence[Any] = row) -> Any:
            index = columns.get(name)
            return row[index] if index is not None and index < len(row) else None

        parsed = _parse_row(cell, dimensions, number)
        if isinstance(parsed, RowError):
            errors.append(parsed)
        elif parsed.external_id in seen:
            errors.append(RowError(number, "rating.import.duplicate_in_file", {"id": parsed.external_id}))
        else:
            seen.add(parsed.external_id)
            ratings.append(parsed)
    return ParsedRows(tuple(ratings), tuple(errors))


def parse_objects(objects: Sequence[Mapping[str, Any]], dimensions: Sequence[str],
                  overrides: Mapping[str, str] | None = None) -> ParsedRows:  # fmt: skip
    """The EHR's JSON rating objects, through the same checks as a file (keys act as headers)."""
    keys = sorted({k for o in objects for k in o})
    return parse_rows(keys, [[o.get(k) for k in keys] for o in objects], dimensions, overrides, first_row=1)


def _parse_row(cell: Any, dimensions: Sequence[str], number: int) -> RatingInput | RowError:
    plate = _text(cell(PLATE)).replace(" ", "").upper()
    costlistcode = _text(cell(COSTLISTCODE))
    if not plate and not costlistcode:
        return RowError(number, "rating.import.no_plate_or_code")
    rated_at = parse_time(cell(RATED_AT))
    if rated_at is None:
        return RowError(number, "rating.import.bad_time", {"value": _text(cell(RATED_AT))})
    scores: dict[str, int] = {}
    for dimension in dimensions:
        score = _score(cell(dimension))
        if score is None:
            return RowError(number, "rating.import.bad_score", {"dimension": dimension, "value": _text(cell(dimension))})
        scores[dimension] = score
    external = _text(cell(RATING_ID))
    if not external:  # a stable digest, so the same export imported twice is the same rating
        key = "|".join([plate, costlistcode, rated_at.isoformat(), *(f"{d}={s}" for d, s in sorted(scores.items()))])
        external = "row-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:24]
    return RatingInput(external[:80], costlistcode[:50], plate[:10], rated_at, scores, _text(cell(COMMENT))[:500])


def parse_time(value: Any) -> datetime | None:
    """A local (Asia/Shanghai) time as written in an export, an Excel date, or epoch milliseconds → UTC."""
    if isinstance(value, datetime):
        local = value if value.tzinfo else value.replace(tzinfo=SHOP_TZ)
        return local.astimezone(UTC)
    if isinstance(value, date):
        return datetime.combine(value, time(12), SHOP_TZ).astimezone(UTC)
    if isinstance(value, int | float) and not isinstance(value, bool) and value > 10**11:
        return datetime.fromtimestamp(value / 1000, UTC)
    text = _text(value)
    if text.isdigit() and len(text) == 13:
        return datetime.fromtimestamp(int(text) / 1000, UTC)
    for fmt in _TIME_FORMATS:
        try:
            parsed = datetime.strptime(text, fmt)
        except ValueError:
            continue
        if fmt in ("%Y-%m-%d", "%Y/%m/%d", "%Y%m%d"):
            parsed = parsed.replace(hour=12)  # a date alone: midday, so it never slips a day either way
        return parsed.replace(tzinfo=SHOP_TZ).astimezone(UTC)
    return None


def _score(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    text = _text(value).removesuffix("星").removesuffix("分")
    try:
        number = float(text)
    except ValueError:
        return None
    if number != int(number) or not 1 <= number <= 5:
        return None
    return int(number)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
