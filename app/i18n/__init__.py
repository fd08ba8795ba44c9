"""Qt-free message catalogue: renders a domain code with its parameters in Chinese (default) or English.

Each area keeps its messages in its own module (``messages_*.py``) so that features do not fight over one
file; :data:`CATALOGUE` merges them and a test checks that every code exists in both languages with the
same placeholders.
"""

from __future__ import annotations

from typing import Any

from app.domain.errors import DomainError, Issue
from app.i18n import (
    messages_backup,
    messages_core,
    messages_db,
    messages_domain,
    messages_ehr,
    messages_owner_services,
    messages_ratings,
    messages_reports,
    messages_security,
    messages_sync,
    messages_waste,
    messages_workorder,
)

LANGUAGES = ("zh_CN", "en")

_current = "zh_CN"


def _merge(*modules: Any) -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for module in modules:
        for code, texts in module.MESSAGES.items():
            if code in merged:
                raise ValueError(f"message code defined twice: {code}")
            merged[code] = texts
    return merged


CATALOGUE: dict[str, dict[str, str]] = _merge(
    messages_core, messages_db, messages_domain, messages_workorder, messages_ehr, messages_reports, messages_sync, messages_waste,
    messages_owner_services, messages_ratings, messages_security, messages_backup,
)


def set_language(lang: str) -> None:
    global _current
    _current = "en" if lang.startswith("en") else "zh_CN"


def language() -> str:
    return _current


def render(code: str, params: dict[str, Any] | None = None, lang: str | None = None) -> str:
    """The sentence for ``code``; an unknown code still yields something readable, never a crash."""
    texts = CATALOGUE.get(code)
    lang = lang or _current
    if texts is None:
        return code if not params else f"{code} {params}"
    template = texts.get(lang) or texts["zh_CN"]
    try:
        return template.format(**(params or {}))
    except (KeyError, IndexError):
        return template


def render_issue(issue: Issue, lang: str | None = None) -> str:
    return render(issue.code, issue.params, lang)


def render_error(error: DomainError, lang: str | None = None) -> str:
    return "\n".join(render_issue(i, lang) for i in error.issues)
