"""Vehicle identification numbers (车架号 / VIN): normalising, validating and decoding hints (§8.2).

The EHR files every record under the VIN, so a typo sends the car's history to the wrong place. Clear
errors (length, characters, the letters I/O/Q that a VIN never uses) are blocked; a failed check digit is
only a warning, because some imports are built without one. Nothing here ever changes a character on the
user's behalf: a suggested fix is offered as a parameter for the UI to show and the user to confirm.
"""

from __future__ import annotations

import csv
import string
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from app.domain.errors import DomainError, Issue

VIN_LENGTH = 17
FORBIDDEN = "IOQ"
_ALLOWED = frozenset(string.digits + string.ascii_uppercase) - frozenset(FORBIDDEN)
_SUGGEST = str.maketrans({"O": "0", "Q": "0", "I": "1"})

_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
_LETTER_VALUES = dict(zip("ABCDEFGH", range(1, 9), strict=True))
_LETTER_VALUES |= dict(zip("JKLMN", range(1, 6), strict=True))
_LETTER_VALUES |= {"P": 7, "R": 9}
_LETTER_VALUES |= dict(zip("STUVWXYZ", range(2, 10), strict=True))

# Position 10, in order within one 30-year cycle: letters from 1980/2010, then digits from 2001/2031.
_YEAR_CODES = "ABCDEFGHJKLMNPRSTVWXY123456789"
_YEAR_CYCLE_START = 1980

CATALOGUE_DIR = Path(__file__).resolve().parents[2] / "resources" / "catalogue"
WMI_FILE = CATALOGUE_DIR / "wmi-cn.csv"


@dataclass(frozen=True)
class WmiHint:
    """What the first three VIN characters suggest about the maker; only ever used to pre-fill the make."""

    wmi: str
    manufacturer_zh: str
    manufacturer_en: str
    brands: tuple[str, ...]
    country: str
    certain: bool


def normalize_vin(text: str) -> str:
    """Half-width, upper case, without spaces and hyphens (people group VINs when reading them out).

    Look-alike letters are deliberately left alone: :func:`validate_vin` reports them with a suggestion.
    """
    folded = unicodedata.normalize("NFKC", text).upper()
    return "".join(ch for ch in folded if not ch.isspace() and ch not in "-‐‑–—")


def validate_vin(text: str) -> str:
    """Return the normalised VIN, or raise :class:`DomainError` (field ``vin``) listing every problem.

    The first issue is the one to show first (bad characters, then length, then I/O/Q); all of them are
    in ``error.issues`` so the form can show everything at once instead of one error per attempt.
    """
    vin = normalize_vin(text)
    if not vin:
        raise DomainError("vin.empty", "vin")
    issues: list[Issue] = []
    bad = [(i + 1, ch) for i, ch in enumerate(vin) if ch not in _ALLOWED and ch not in FORBIDDEN]
    if bad:
        position, char = bad[0]
        issues.append(Issue("vin.chars", "vin", {"vin": vin, "position": position, "char": char}))
    if len(vin) != VIN_LENGTH:
        issues.append(Issue("vin.length", "vin", {"vin": vin, "length": len(vin)}))
    forbidden = [i + 1 for i, ch in enumerate(vin) if ch in FORBIDDEN]
    if forbidden:
        issues.append(Issue("vin.forbidden_letter", "vin", _forbidden_params(vin, forbidden)))
    if issues:
        raise DomainError.of(issues)
    return vin


def _forbidden_params(vin: str, positions: list[int]) -> dict[str, object]:
    """Parameters for ``vin.forbidden_letter``: where the letters are and the VIN with them swapped.

    O and Q become 0 and I becomes 1, the usual slips; the suggestion is only shown, never applied.
    """
    return {
        "vin": vin,
        "positions": ", ".join(str(p) for p in positions),
        "letters": "".join(sorted({vin[p - 1] for p in positions})),
        "suggestion": vin.translate(_SUGGEST),
    }


def check_digit(vin17: str) -> str:
    """The GB 16735 / ISO 3779 check digit ('0'–'9' or 'X') for a 17-character VIN.

    Position 9 itself has weight 0, so whatever is there does not change the result. Raises
    ``ValueError`` on anything that is not a 17-character VIN alphabet string (a programming error: call
    :func:`validate_vin` first).
    """
    if len(vin17) != VIN_LENGTH or any(ch not in _ALLOWED for ch in vin17):
        raise ValueError(f"not a 17-character VIN: {vin17!r}")
    total = sum(_value(ch) * weight for ch, weight in zip(vin17, _WEIGHTS, strict=True))
    remainder = total % 11
    return "X" if remainder == 10 else str(remainder)


def _value(ch: str) -> int:
    return int(ch) if ch in string.digits else _LETTER_VALUES[ch]


def with_check_digit(vin17: str) -> str:
    """``vin17`` with position 9 set to its correct check digit (for demo data and tests)."""
    return vin17[:8] + check_digit(vin17) + vin17[9:]


def vin_issues(vin: str) -> list[Issue]:
    """Warnings about a VIN that passed :func:`validate_vin` (it is validated again here to be safe).

    A wrong check digit usually means a typo, but imports may have none, so it is a warning that the user
    confirms with a reason, never a block.
    """
    valid = validate_vin(vin)
    expected, actual = check_digit(valid), valid[8]
    if expected == actual:
        return []
    return [Issue("vin.check_digit", "vin", {"vin": valid, "expected": expected, "actual": actual}, False)]


def wmi_hint(vin: str) -> WmiHint | None:
    """The maker suggested by the VIN's first three characters, or ``None`` when the WMI is not listed.

    An unknown WMI is normal (new makers, trucks, imports) and must never block intake.
    """
    wmi = normalize_vin(vin)[:3]
    return _wmi_table().get(wmi) if len(wmi) == 3 else None


@lru_cache(maxsize=1)
def _wmi_table() -> dict[str, WmiHint]:
    """Read the shipped WMI table once; later calls are dictionary look-ups."""
    table: dict[str, WmiHint] = {}
    with WMI_FILE.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            wmi = row["wmi"].strip().upper()
            table.setdefault(
                wmi,
                WmiHint(
                    wmi=wmi,
                    manufacturer_zh=row["manufacturer_zh"].strip(),
                    manufacturer_en=row["manufacturer_en"].strip(),
                    brands=tuple(b.strip() for b in row["brands_zh"].split(";") if b.strip()),
                    country=row["country"].strip(),
                    certain=row["certainty"].strip() == "2+",
                ),
            )
    return table


def model_year(vin: str, today: date) -> int | None:
    """The model year coded in position 10, or ``None`` if that character is not a year code.

    The code repeats every 30 years, so the most recent matching year that is not after ``today`` wins
    (a 'B' read in 2026 is 2011, not 1981 or 2041).
    """
    normalised = normalize_vin(vin)
    if len(normalised) < 10 or normalised[9] not in _YEAR_CODES:
        return None
    year = _YEAR_CYCLE_START + _YEAR_CODES.index(normalised[9])
    if year > today.year:
        return None  # 1980 + index is the oldest possible year; nothing fits before ``today``
    return year + 30 * ((today.year - year) // 30)
