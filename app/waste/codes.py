"""Batch codes, manifest numbers and input checks shared by the ledger services.

Batch codes follow HJ 1259's suggestion: "HW" + stage letters + yyyymmdd + a 3-digit serial
(HWCS20261126001). The serial is per stage and local day, taken from a counter row inside the writing
transaction (SQLite's write lock makes it gap-free and unique). Reversals use "CX" (撤销), our own letters:
the standard defines no correction record.

Manifest numbers are issued by the national system; we only check their shape (转移办法 Art. 15: year 4
+ province 2 + city 2 + serial 6) so a typo is caught at the counter, and never make one up.
"""

from __future__ import annotations

import re
from datetime import datetime
from decimal import Decimal, InvalidOperation

from sqlalchemy.orm import Session

from app.domain.clock import local_date
from app.domain.errors import DomainError
from localdb.waste_models import WasteBatchCounter

STAGES = ("CS", "RK", "CK", "WWLY", "WWCZ", "CX")
MAX_QUANTITY = Decimal(100000)
# GB/T 2260 province-level codes (first two digits of an administrative division code).
PROVINCE_CODES = frozenset(
    "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82".split()
)
_MANIFEST = re.compile(r"\d{14}")


def next_batch_code(s: Session, stage: str, at: datetime) -> str:
    if stage not in STAGES:
        raise ValueError(f"unknown stage {stage}")
    day = local_date(at).strftime("%Y%m%d")
    key = stage + day
    counter = s.get(WasteBatchCounter, key)
    if counter is None:
        counter = WasteBatchCounter(key=key, last_seq=0)
        s.add(counter)
    counter.last_seq += 1
    s.flush()
    return f"HW{stage}{day}{counter.last_seq:03d}"


def clean_manifest(raw: str) -> str:
    """Digits as typed, without the spaces and hyphens people put in to read long numbers."""
    return re.sub(r"[\s\-－—]", "", raw or "")


def check_manifest(raw: str) -> str:
    """The cleaned 14-digit number, or ``waste.manifest_invalid`` saying what is wrong with it."""
    number = clean_manifest(raw)
    if not _MANIFEST.fullmatch(number):
        raise DomainError("waste.manifest_invalid", "manifest_no", number=raw, length=len(number))
    year, province, city = int(number[:4]), number[4:6], number[6:8]
    if not 2000 <= year <= 2099 or province not in PROVINCE_CODES or city == "00":
        raise DomainError("waste.manifest_invalid", "manifest_no", number=raw, length=len(number))
    return number


def check_quantity(value: Decimal | None, field: str) -> Decimal:
    """A positive amount with at most three decimals (grams or millilitres), below an absurd ceiling."""
    try:
        amount = Decimal(value) if value is not None else Decimal(0)
    except (InvalidOperation, TypeError, ValueError):
        raise DomainError("waste.quantity_not_positive", field) from None
    if not amount.is_finite() or amount <= 0:
        raise DomainError("waste.quantity_not_positive", field)
    if amount != amount.quantize(Decimal("0.001")):
        raise DomainError("waste.quantity_places", field)
    if amount > MAX_QUANTITY:
        raise DomainError("waste.quantity_too_large", field, max=MAX_QUANTITY)
    return amount.quantize(Decimal("0.001"))


def require_text(value: str, field: str, code: str, limit: int = 200) -> str:
    text = (value or "").strip()
    if not text:
        raise DomainError(code, field)
    return text[:limit]
