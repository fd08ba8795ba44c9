"""Domain errors and warnings carry a stable code plus parameters, never a pre-rendered sentence.

The same code is rendered in Chinese or English by :mod:`app.i18n`, so the CLI and the UI say the same
thing, and tests can assert on codes instead of wording.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Issue:
    """One finding about user input: a blocking error or a warning that needs a confirmation."""

    code: str
    field: str | None = None
    params: dict[str, Any] = dataclasses.field(default_factory=dict)
    blocking: bool = True


class DomainError(Exception):
    """A rule was broken; nothing was written. ``issues`` lists every blocking finding."""

    def __init__(self, code: str, field: str | None = None, **params: Any) -> None:
        self.issues: list[Issue] = [Issue(code, field, dict(params))]
        super().__init__(code)

    @property
    def code(self) -> str:
        return self.issues[0].code

    @property
    def field(self) -> str | None:
        return self.issues[0].field

    @property
    def params(self) -> dict[str, Any]:
        return self.issues[0].params

    @classmethod
    def of(cls, issues: list[Issue]) -> DomainError:
        err = cls(issues[0].code, issues[0].field, **issues[0].params)
        err.issues = list(issues)
        return err


class WarningsNotConfirmed(DomainError):
    """Warnings were found that the user has not confirmed yet (with a reason, where one is needed)."""

    def __init__(self, warnings: list[Issue]) -> None:
        super().__init__("warnings.unconfirmed", None, count=len(warnings))
        self.warnings = list(warnings)


class StorageError(DomainError):
    """The database refused the write (locked, disk full, read-only). The transaction was rolled back."""
