"""Logs never hold phone numbers, passwords or tokens (issue 7, privacy).

Why a filter on the *handlers* and not on loggers: a logger's filter only sees records created on that
very logger, so a phone number in an exception text logged by SQLAlchemy, Qt glue or any module not named
in :data:`app.ehr.redact.REDACTED_LOGGERS` would pass. A handler's filter sees every record it writes,
whoever logged it. :func:`configure_logging` is the one place the app sets up logging (the window and
``banshou sync``); it writes to the data folder's ``logs/`` and puts :class:`PrivacyLogFilter` on every
root handler.

What is redacted: the EHR's token and password in all the shapes :mod:`app.ehr.redact` knows, the same
shapes for the app's own secrets (passwords, recovery codes, passphrases, tokens), ``Bearer`` headers, and
phone-number-like digit runs (masked as the UI masks them, ``138****5678``).
"""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

from app.ehr.redact import MASK, SECRET_KEYS, key_patterns, redact
from app.security.privacy import mask_phones_in

LOG_FILE = "banshou.log"
SECRET_NAMES = (*SECRET_KEYS, "password", "passwd", "pwd", "passphrase", "recovery_code", "token", "secret",
                "api_key")  # fmt: skip
_SECRETS = (
    *key_patterns(SECRET_NAMES, re.IGNORECASE),
    # "password: hunter2" typed into a message by hand
    re.compile(rf"(?P<head>\b(?:{'|'.join(SECRET_NAMES)})\s*[:：]\s*)(?P<value>[^\s,;&'\"]+)(?P<tail>)", re.I),
    re.compile(r"(?P<head>\bBearer\s+)(?P<value>[A-Za-z0-9\-._~+/]+=*)(?P<tail>)"),
)


def scrub(text: str) -> str:
    """A log line without secrets or phone numbers."""
    return mask_phones_in(redact(text, _SECRETS))


class PrivacyLogFilter(logging.Filter):
    """Render the record's message once, scrub it and the traceback text, and freeze it (``args`` cleared)."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # a broken format string: scrub what we have
            message = f"{record.msg} {record.args}"
        record.msg = scrub(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = scrub(record.exc_text)
        return True


_FILTER = PrivacyLogFilter()


def install_on_root_handlers() -> PrivacyLogFilter:
    """Put the one shared filter on every handler the root logger has now (idempotent)."""
    for handler in logging.getLogger().handlers:
        if _FILTER not in handler.filters:
            handler.addFilter(_FILTER)
    return _FILTER


def configure_logging(logs_dir: Path, level: int = logging.INFO) -> Path | None:
    """Log to ``logs_dir/banshou.log`` (rotated, 5 × 2 MB), every root handler filtered; returns the file,
    or None when the folder cannot be written (a read-only data folder must not stop the app starting).

    Calling it again for the same folder adds no second handler (tests and the demo open several windows).
    """
    path = logs_dir / LOG_FILE
    root = logging.getLogger()
    try:
        logs_dir.mkdir(parents=True, exist_ok=True)
        if not any(isinstance(h, logging.FileHandler) and Path(h.baseFilename) == path.resolve()
                   for h in root.handlers):  # fmt: skip
            handler = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
            handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
            root.addHandler(handler)
    except OSError:
        path = None
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    install_on_root_handlers()
    return path


__all__ = ["MASK", "PrivacyLogFilter", "configure_logging", "install_on_root_handlers", "scrub"]
