"""Masking of owners' names, phone numbers and prices: for roles that do not need them, and in exports.

Why masking here and not in the widgets: the rule is "a technician does not see customers' phone numbers
or prices", and a UI bug must not be able to break it, so services return already-masked DTOs
(:class:`Visibility`) and exports mask unless the caller asks otherwise (:class:`ExportGate`). One set of
functions (:func:`mask_name`, :func:`mask_phone`, :func:`masked`, :func:`without_prices`) serves every
DTO, every export and the log filter, so a name looks the same masked everywhere: ``张**``,
``138****5678``.

Hidden prices are ``0`` with ``prices_hidden=True`` on the DTO, not ``None``: every money field stays an
``int`` (totals, the live-total code and the EHR mapping never meet a ``None``), and the flag is what the
UI reads to show "—" instead of a misleading ¥0.00.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from app.security.guard import Guard
from app.security.permissions import Actor, Perm

T = TypeVar("T")
MASK = "*"

# Phone-number-like text: a mainland mobile (1[3-9] and nine digits, optionally +86 and 3-4-4 spaced) or a
# landline with its area code (021-5555 6666). Bounded by non-alphanumerics, so VINs, list numbers
# (SH01-20261126-0001), dates and times in the same text are left alone.
PHONE_IN_TEXT = re.compile(
    r"(?<![0-9A-Za-z])(?:(?:\+|00)?86[\s-]?)?"
    r"(?:1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}|0\d{2,3}[\s-]?\d{3,4}[\s-]?\d{4})"
    r"(?![0-9A-Za-z])"
)


def mask_name(name: str) -> str:
    """张三丰 → 张**: the surname stays (the counter still says 张先生); the length is not given away."""
    name = name.strip()
    return f"{name[0]}{MASK * 2}" if name else ""  # idempotent: 张** → 张**


def mask_phone(phone: str) -> str:
    """13812345678 → 138****5678, 021-55556666 → 021****6666; short numbers keep only their last two digits."""
    if MASK in phone:  # already masked (a masked DTO passed on to an export)
        return phone
    digits = re.sub(r"\D", "", phone)
    if len(digits) > 11 and digits.lstrip("0").startswith("86"):  # +86 / 0086 before a mainland number
        digits = digits.lstrip("0")[2:]
    if len(digits) >= 11:
        return f"{digits[:3]}{MASK * 4}{digits[-4:]}"
    if len(digits) >= 7:
        return f"{digits[:2]}{MASK * 4}{digits[-2:]}"
    return MASK * len(digits)


def mask_phones_in(text: str) -> str:
    """Free text (a log line, a fault description) with every phone-number-like run masked."""
    return PHONE_IN_TEXT.sub(lambda m: mask_phone(m.group(0)), text)


def masked(obj: T, *, names: Iterable[str] = (), phones: Iterable[str] = ()) -> T:
    """A copy of the frozen dataclass ``obj`` with the named fields masked as names and as phone numbers."""
    changes: dict[str, Any] = {f: mask_name(getattr(obj, f)) for f in names}
    changes |= {f: mask_phone(getattr(obj, f)) for f in phones}
    return dataclasses.replace(obj, **changes)  # type: ignore[type-var]


def without_prices(obj: T, fields: Iterable[str], **other: Any) -> T:
    """A copy of ``obj`` with the money ``fields`` set to 0 (``None`` where the field is optional) and
    ``prices_hidden`` set when the DTO has that flag; ``other`` replaces further fields (nested DTOs)."""
    changes: dict[str, Any] = {f: None if getattr(obj, f) is None else 0 for f in fields}
    if any(f.name == "prices_hidden" for f in dataclasses.fields(obj)):  # type: ignore[arg-type]
        changes["prices_hidden"] = True
    return dataclasses.replace(obj, **changes, **other)  # type: ignore[type-var]


@dataclasses.dataclass(frozen=True)
class Visibility:
    """What the acting person may see, decided once per service call."""

    contacts: bool
    prices: bool

    @classmethod
    def of(cls, actor: Actor) -> Visibility:
        """For the actor a service's :meth:`Guard.require` just returned (no second look-up)."""
        return cls(actor.may(Perm.VIEW_CONTACTS), actor.may(Perm.VIEW_PRICES))


EXPORT_ACTION = "export"


class ExportGate:
    """What every file export does around making its bytes: the permission check first, then the bytes,
    then one ``export`` entry in the audit trail saying what left the PC and whether it was masked.

    ``unmasked=True`` is an explicit choice and needs :attr:`Perm.VIEW_CONTACTS` on top of the export's own
    permission; the default is a masked file. ``record`` is :meth:`app.security.audit.AuditTrail.record`
    (a callable, so services depend on the one thing they use, not on the whole trail).
    """

    def __init__(self, guard: Guard, record: Callable[..., None]) -> None:
        self._guard = guard
        self._record = record

    def check(self, perm: Perm, unmasked: bool) -> None:
        """Refuse before any work is done (and before the data is read)."""
        self._guard.require(perm)
        if unmasked:
            self._guard.require(Perm.VIEW_CONTACTS)

    def export(self, what: str, make: Callable[[], T], *, unmasked: bool = False, perm: Perm = Perm.EXPORT,
               entity: str = "", entity_id: str = "", rows: int | None = None) -> T:
        """Check, make the file (or the document it is printed from), record the export; a failed ``make``
        records nothing (nothing left the PC)."""
        self.check(perm, unmasked)
        data = make()
        detail: dict[str, Any] = {"unmasked": unmasked, "what": what}
        if rows is not None:
            detail["rows"] = rows
        self._record(EXPORT_ACTION, entity or what, entity_id, detail)
        return data
