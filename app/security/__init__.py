"""Security: the keyring credential store (users, roles and the audit chain come with their own issues)."""

from app.security.credentials import SERVICE_NAME, CredentialStore

__all__ = ["SERVICE_NAME", "CredentialStore"]
