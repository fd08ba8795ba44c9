"""The EHR password lives in the OS keyring and nowhere else (``design.md`` practice 9).

Why so strict: other desktop apps quietly fall back to a plaintext copy in their database or config
file when no keyring exists; a backup or a support zip then leaks the shop's provincial account. Here a
missing or insecure backend is a :class:`DomainError` with a sentence the settings page shows as it is,
and nothing is written anywhere.

What counts as secure: any backend the ``keyring`` library selects by priority (Windows Credential
Manager, macOS Keychain, Secret Service, KWallet), or one a person chose on purpose – through
``PYTHON_KEYRING_BACKEND`` / ``keyringrc.cfg`` (tests and CI use ``keyrings.alt``'s file backend that way) or
by handing a backend to :class:`CredentialStore`. The ``fail`` backend and the low-priority plaintext
backends that ``keyring`` would only pick as a last resort are refused.

The password is read from the keyring each time a token is needed (:meth:`password_provider`) and never
cached; tokens live only in :class:`app.ehr.client.EhrClient`'s memory.
"""

from __future__ import annotations

import os
from collections.abc import Callable

import keyring
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.errors import KeyringError, PasswordDeleteError

from app.domain.errors import DomainError

SERVICE_NAME = "Banshou EHR"


def _chosen_on_purpose() -> bool:
    """A backend set by environment or keyring's config file is a person's explicit choice."""
    if os.environ.get("PYTHON_KEYRING_BACKEND"):
        return True
    try:
        from keyring.core import load_config

        return load_config() is not None
    except Exception:  # an unreadable keyringrc is not a choice we can honour
        return False


class CredentialStore:
    """Reads and writes secrets under one keyring service: by default the EHR password ("Banshou EHR"),
    keyed by the enterprise code; other services (the audit key) pass their own ``service`` name."""

    def __init__(self, backend: KeyringBackend | None = None, service: str = SERVICE_NAME) -> None:
        """``backend`` overrides the process-wide keyring (tests pass an in-memory one)."""
        self._explicit = backend is not None
        self._backend = backend
        self.service = service

    @property
    def backend(self) -> KeyringBackend:
        return self._backend if self._backend is not None else keyring.get_keyring()

    def is_secure(self) -> bool:
        """True when a password may be stored here (see the module docstring for the rule)."""
        backend = self.backend
        if isinstance(backend, fail.Keyring):
            return False
        backends = getattr(backend, "backends", None)  # keyring's ChainerBackend
        if backends is not None and not backends:
            return False
        if self._explicit or _chosen_on_purpose():
            return True
        try:
            return float(backend.priority) >= 1  # type: ignore[arg-type]
        except Exception:
            return False

    def backend_name(self) -> str:
        backend = self.backend
        return f"{type(backend).__module__}.{type(backend).__name__}"

    def _require_secure(self) -> KeyringBackend:
        if not self.is_secure():
            raise DomainError("secrets.no_keyring", "password")
        return self.backend

    def set_password(self, company_code: str, password: str) -> None:
        if not password:
            raise DomainError("secrets.empty_password", "password")
        backend = self._require_secure()
        try:
            backend.set_password(self.service, company_code.strip(), password)
        except KeyringError as exc:
            raise DomainError("secrets.keyring_failed", "password", reason=type(exc).__name__) from None

    def get_password(self, company_code: str) -> str | None:
        if not self.is_secure():
            return None
        try:
            return self.backend.get_password(self.service, company_code.strip())
        except KeyringError:
            return None

    def has_password(self, company_code: str) -> bool:
        return bool(self.get_password(company_code))

    def delete_password(self, company_code: str) -> None:
        if not self.is_secure():
            return
        try:
            self.backend.delete_password(self.service, company_code.strip())
        except (PasswordDeleteError, KeyringError):
            pass

    def password_provider(self, company_code: str, fallback: str | None = None) -> Callable[[], str]:
        """What :class:`EhrClient` calls when it needs a token: the keyring's current password.

        ``fallback`` is for the training sandbox's published account only (not a secret).
        """

        def provide() -> str:
            password = self.get_password(company_code)
            if password:
                return password
            if fallback is not None:
                return fallback
            if not self.is_secure():
                raise DomainError("secrets.no_keyring", "password")
            raise DomainError("secrets.no_password", "password", company_code=company_code)

        return provide
