"""Keep the EHR token and the shop's password out of every log line (§9 item 8).

Public clients log whole request bodies, token and sometimes password included. Our client never logs
a body, but a log line can still carry one (a debugging session, an exception text, httpx's request
line, which for variant C holds the password in the URL). This filter rewrites the value of
``access_token`` and ``companypassword`` in every form it can appear in: JSON, JSON inside a JSON string
(stringified sections), URL-encoded JSON, ``key=value`` and Python ``repr`` of a dict.

A filter on a logger only sees records created on that very logger (propagation to a parent skips the
parent's filters), so :func:`install_redaction` puts it on ``banshou``, ``banshou.ehr`` and
``banshou.sandbox`` (the names this package logs under) and on ``httpx``/``httpcore``, which log request
URLs. Other modules that may log a body should log under one of these names or pass theirs in.
"""

from __future__ import annotations

import logging
import re

SECRET_KEYS = ("access_token", "companypassword")
MASK = "***"
REDACTED_LOGGERS = ("banshou", "banshou.ehr", "banshou.sandbox", "httpx", "httpcore")


def key_patterns(keys: tuple[str, ...], flags: int = 0) -> tuple[re.Pattern[str], ...]:
    """The shapes a ``key: value`` pair takes in a log line, for the given keys (shared with
    :mod:`app.security.log_privacy`, which adds the app's own secrets such as passwords)."""
    k = "|".join(keys)
    return (
        # JSON inside a JSON string: \"access_token\":\"…\"
        re.compile(rf'(?P<head>(?:{k})\\+"\s*:\s*\\+")(?P<value>.*?)(?P<tail>\\+")', flags),
        # Plain JSON: "access_token": "…"
        re.compile(rf'(?P<head>(?:{k})"\s*:\s*")(?P<value>(?:[^"\\]|\\.)*)(?P<tail>")', flags),
        # Python repr: 'access_token': '…'
        re.compile(rf"(?P<head>(?:{k})'\s*:\s*')(?P<value>(?:[^'\\]|\\.)*)(?P<tail>')", flags),
        # URL-encoded JSON: access_token%22%3A%22…%22 (and + or %20 around the colon)
        re.compile(rf"(?P<head>(?:{k})%22(?:\+|%20)*%3A(?:\+|%20)*%22)(?P<value>.*?)(?P<tail>%22)", flags | re.I),
        # key=value in a query string or a message
        re.compile(rf"(?P<head>(?:{k})=)(?P<value>[^&\s]*)(?P<tail>)", flags),
    )


_PATTERNS = key_patterns(SECRET_KEYS)


def redact(text: str, patterns: tuple[re.Pattern[str], ...] = _PATTERNS) -> str:
    """``text`` with every secret value replaced by ``***``; other text untouched."""
    for pattern in patterns:
        text = pattern.sub(lambda m: f"{m['head']}{MASK}{m['tail']}", text)
    return text


class SecretRedactingFilter(logging.Filter):
    """Render the record's message once, redact it, and freeze it (``args`` cleared)."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # a broken format string: redact what we have
            message = f"{record.msg} {record.args}"
        record.msg = redact(message)
        record.args = None
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True


_FILTER = SecretRedactingFilter()


def install_redaction(*extra_loggers: str) -> SecretRedactingFilter:
    """Attach the one shared filter to our loggers (idempotent); returns it for tests to inspect."""
    for name in (*REDACTED_LOGGERS, *extra_loggers):
        logger = logging.getLogger(name)
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)
    return _FILTER
