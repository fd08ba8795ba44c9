"""Shop identifiers: the unified social credit code (GB 32100) and the settlement-list prefix."""

from __future__ import annotations

import re
import unicodedata

from app.domain.errors import DomainError

_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_PREFIX = re.compile(r"^[A-Z0-9]{1,12}$")


def uscc_check_char(first17: str) -> str:
    total = sum(_USCC_CHARS.index(c) * w for c, w in zip(first17, _USCC_WEIGHTS, strict=True))
    return _USCC_CHARS[(31 - total % 31) % 31]


def validate_credit_code(text: str) -> str:
    """Normalise and check an 18-character USCC, including its check character (position 18)."""
    code = unicodedata.normalize("NFKC", text).strip().upper().replace(" ", "")
    if len(code) != 18:
        raise DomainError("shop.credit_code_length", "credit_code", length=len(code))
    if any(c not in _USCC_CHARS for c in code):
        raise DomainError("shop.credit_code_chars", "credit_code")
    expected = uscc_check_char(code[:17])
    if code[17] != expected:
        raise DomainError("shop.credit_code_check", "credit_code", expected=expected, actual=code[17])
    return code


def validate_prefix(text: str) -> str:
    prefix = unicodedata.normalize("NFKC", text).strip().upper()
    if not _PREFIX.match(prefix):
        raise DomainError("shop.prefix_invalid", "list_prefix", prefix=text)
    return prefix
