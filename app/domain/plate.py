"""Licence plates (车牌号码): normalising what the clerk typed and checking it against ehr-protocol §8.1.

A wrong plate is the most common reason a province rejects or mis-files a record, and the clerk is usually
typing fast without an IME. So the checks name the exact position and say what belongs there, and the
normaliser removes the noise people type (full-width characters, dots, spaces, hyphens) but never
guesses: an ``O`` stays an ``O`` and is reported, because silently turning it into ``0`` could attach the
visit to somebody else's car.
"""

from __future__ import annotations

import string
import unicodedata
from dataclasses import dataclass

from app.domain.errors import DomainError, Issue

PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
"""The 31 province characters that start every ordinary, new-energy and consulate plate."""

EMBASSY = "使"
CONSULATE = "领"

TAILS: dict[str, str] = {"挂": "trailer", "学": "learner", "警": "police", "港": "hk", "澳": "macao"}
"""Characters allowed as the last of a 7-character plate, and the plate kind each one means."""

PLATE_COLOURS: dict[int, tuple[str, str]] = {
    1: ("蓝", "blue"),
    2: ("黄", "yellow"),
    3: ("黑", "black"),
    4: ("白", "white"),
    5: ("绿", "green"),
    9: ("其他", "other"),
    93: ("黄绿", "yellow-green"),
    94: ("渐变绿", "gradient green"),
}
"""JT/T 697.7 plate-colour codes → (Chinese word, English word). The word is what profiles sending
``vehicleplatecolor`` as text put on the wire; 0 ("not registered") is left out because a plate was typed."""

GREENS = frozenset({5, 93, 94})
NEV_COLOURS = frozenset({93, 94})

_PROPOSED_COLOUR: dict[str, int] = {
    "ordinary": 1,
    "nev_small": 94,
    "nev_large": 93,
    "trailer": 2,
    "learner": 2,
    "police": 4,
    "hk": 3,
    "macao": 3,
    "embassy": 3,
    "consulate": 3,
}

_DIGITS = string.digits
_LETTERS = string.ascii_uppercase
_SERIAL = _DIGITS + _LETTERS.replace("I", "").replace("O", "")
_ENERGY = "ABCDEFGHJK"  # A–K without I: D/F in most code, the newer series add the rest (§8.1)
_IO_DIGIT = {"I": "1", "O": "0"}

# Typed separators: spaces are handled separately; the rest survive NFKC as these characters.
_SEPARATORS = frozenset(".·•・‧∙-‐‑–—－")

# Slot kinds of a plate form: each allowed alphabet is a one-letter tag, anything else is a literal.
_P, _L, _S, _D, _E = "P", "L", "S", "D", "E"
_ALPHABETS: dict[str, str] = {_P: PROVINCES, _L: _LETTERS, _S: _SERIAL, _D: _DIGITS, _E: _ENERGY}


@dataclass(frozen=True)
class PlateInfo:
    """A checked plate: the normalised text, its kind, and the colour the intake form should propose."""

    plate: str
    kind: str
    length: int
    proposed_colour: int


def normalize_plate(text: str) -> str:
    """Clean what was typed into the form the EHR wants: half-width, upper case, no separators.

    NFKC turns full-width letters and digits (from a Chinese IME) into ASCII. Dots, middle dots, hyphens
    and spaces are decoration on the physical plate, so they go. Letters that look like digits are kept as
    typed; :func:`check_plate` reports them so the user decides.
    """
    folded = unicodedata.normalize("NFKC", text).upper()
    return "".join(ch for ch in folded if not ch.isspace() and ch not in _SEPARATORS)


def check_plate(text: str) -> PlateInfo:
    """Normalise ``text`` and check it against §8.1; raise :class:`DomainError` (field ``plate``) if wrong.

    The checks run from the most basic to the most detailed (empty, province, length, then position by
    position), so the first message a clerk sees points at the first thing to fix.
    """
    plate = normalize_plate(text)
    if not plate:
        raise DomainError("plate.empty", "plate")
    if plate[0] not in PROVINCES and plate[0] != EMBASSY:
        raise DomainError("plate.province", "plate", plate=plate, char=plate[0])
    kind, form = _form_for(plate)
    for index, (slot, char) in enumerate(zip(form, plate, strict=True)):
        if not _fits(slot, char):
            raise _position_error(plate, index, slot, char)
    return PlateInfo(plate=plate, kind=kind, length=len(plate), proposed_colour=_PROPOSED_COLOUR[kind])


def colour_issue(info: PlateInfo, colour: int) -> Issue | None:
    """A warning when the chosen colour does not fit the plate length, else ``None``.

    8-character plates are new-energy plates (gradient green or yellow-green); 7-character plates are
    never green. Only a warning: the clerk may know better (odd local plates), and the colour is not
    part of every province's payload.
    """
    if colour not in PLATE_COLOURS:
        raise DomainError("plate.colour_unknown", "plate_colour", colour=colour)
    fits = colour in NEV_COLOURS if info.length == 8 else colour not in GREENS
    if fits:
        return None
    return Issue(
        "plate.colour_mismatch",
        "plate_colour",
        {"plate": info.plate, "length": info.length, "colour": colour, "proposed": info.proposed_colour},
        blocking=False,
    )


def _form_for(plate: str) -> tuple[str, str]:
    """Pick the plate kind and its slot pattern from the plate's shape; raise ``plate.length`` if none fits.

    The shape is decided by the length and the first and last characters (and, for 8 characters, by the
    better fit), so that a typo in the middle is reported at its position, not as "unknown plate type".
    A tail character or 使 on an 8-character plate means one character too many.
    """
    length, first, last = len(plate), plate[0], plate[-1]
    if length == 7:
        if first == EMBASSY:
            return "embassy", EMBASSY + _D * 6
        if last == CONSULATE:
            return "consulate", _P + _L + _D * 4 + CONSULATE
        if last in TAILS:
            return TAILS[last], _P + _L + _S * 4 + last
        return "ordinary", _P + _L + _S * 5
    if length == 8 and first != EMBASSY and last not in TAILS and last != CONSULATE:
        return _nev_form(plate)
    raise DomainError("plate.length", "plate", plate=plate, length=length)


_NEV_SMALL = _P + _L + _E + _S + _D * 4
_NEV_LARGE = _P + _L + _D * 5 + _E


def _nev_form(plate: str) -> tuple[str, str]:
    """Small or large new-energy form: whichever the plate fits better, so a typo is reported in place.

    '京AO2345D' is a large plate with O for 0 (one slip), not a small plate with two wrong characters.
    On a tie the third character decides: a digit there only occurs on large plates.
    """
    small, large = _mismatches(_NEV_SMALL, plate), _mismatches(_NEV_LARGE, plate)
    if large < small or (large == small and plate[2] in _DIGITS):
        return "nev_large", _NEV_LARGE
    return "nev_small", _NEV_SMALL


def _mismatches(form: str, plate: str) -> int:
    return sum(not _fits(slot, char) for slot, char in zip(form, plate, strict=True))


def _fits(slot: str, char: str) -> bool:
    alphabet = _ALPHABETS.get(slot)
    return char == slot if alphabet is None else char in alphabet


def _position_error(plate: str, index: int, slot: str, char: str) -> DomainError:
    """The most specific error for ``char`` at ``index``: name the slot's purpose, not just "invalid"."""
    position = index + 1
    if slot == _L:
        return DomainError("plate.office", "plate", plate=plate, char=char)
    if char in _IO_DIGIT and slot in (_S, _D):
        return DomainError(
            "plate.letter_io", "plate", plate=plate, position=position, char=char, digit=_IO_DIGIT[char]
        )
    if slot == _E:
        return DomainError("plate.nev_energy", "plate", plate=plate, position=position, char=char)
    if slot == _D and char in _LETTERS:
        return DomainError("plate.digit", "plate", plate=plate, position=position, char=char)
    return DomainError("plate.chars", "plate", plate=plate, position=position, char=char)
