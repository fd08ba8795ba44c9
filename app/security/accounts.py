"""Accounts: the owner's own at first start, staff accounts the owner adds, login and lockout, recovery.

An account is a staff row with a username and a password hash, so the name on work orders, ratings and
audit entries is the same person who logged in; accounts are disabled, never deleted.

Passwords are hashed with Argon2id at OWASP's recommended minimum (19 MiB, 2 passes, 1 lane), so a
copied database does not give the passwords away cheaply, while a login on a two-core shop PC that is
busy with the sync worker stays well under half a second (argon2-cffi's defaults, 64 MiB × 3 passes × 4
lanes, took 0.8 s here under load). Old hashes are upgraded at the next login if the parameters change. Five wrong passwords in a row lock the account for
five minutes (a shop PC is not an internet service: enough to stop guessing at the counter, short enough
not to stop the shop). A forgotten owner password is recovered with the recovery code printed at setup
(``banshou account recover``): it needs the paper, i.e. physical access, and there is no back door.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select

from app.domain.clock import Clock
from app.domain.errors import DomainError
from app.domain.workorder import STAFF_ROLES
from app.security.audit import AuditTrail
from app.security.guard import Guard
from app.security.permissions import OWNER, Actor, Perm, access_role
from app.services.storage import reading, writing
from localdb.engine import Database
from localdb.models import Staff, Vehicle, WorkOrder
from localdb.waste_models import WasteEntry

MIN_PASSWORD = 8
HASH_PARAMETERS = {"time_cost": 2, "memory_cost": 19 * 1024, "parallelism": 1}
MAX_FAILURES = 5
LOCK_TIME = timedelta(minutes=5)
_RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read off paper and typed back


@dataclass(frozen=True)
class Account:
    staff_id: int
    name: str
    username: str
    role: str  # the staff role (advisor, frontdesk, technician, owner)
    access: str  # the access role it maps to
    active: bool
    locked_until: datetime | None
    must_change_password: bool


@dataclass(frozen=True)
class OwnerSetup:
    account: Account
    recovery_code: str  # shown and printed once; only its hash is kept


def new_recovery_code() -> str:
    raw = "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(20))
    return "-".join(raw[i:i + 5] for i in range(0, 20, 5))


def _normal_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


@dataclass(frozen=True)
class _Stored:
    """What login needs of an account row, read inside the session (rows expire when it ends)."""

    id: int
    name: str
    role: str
    active: bool
    password_hash: str | None
    recovery_hash: str | None
    locked_until: datetime | None


def _to_account(row: Staff) -> Account:
    return Account(row.id, row.name, row.username or "", row.role, access_role(row.role), row.active,
                   row.locked_until, row.must_change_password)


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise DomainError("auth.password_short", "password", min=MIN_PASSWORD)
    if len(set(password)) < 3:
        raise DomainError("auth.password_weak", "password")


def _check_username(username: str) -> str:
    username = username.strip()
    if not username:
        raise DomainError("input.required", "username", label="登录名")
    if len(username) > 40 or any(ch.isspace() for ch in username):
        raise DomainError("auth.username_invalid", "username")
    return username


class AccountService:
    def __init__(self, db: Database, clock: Clock, guard: Guard, audit: AuditTrail,
                 hasher: PasswordHasher | None = None) -> None:
        self._db = db
        self._clock = clock
        self._guard = guard
        self._audit = audit
        self._hasher = hasher or PasswordHasher(**HASH_PARAMETERS)
        self._dummy_hash = self._hasher.hash("not a password of anyone")

    def has_accounts(self) -> bool:
        with reading(self._db) as s:
            return bool(s.scalar(select(func.count()).select_from(Staff).where(Staff.password_hash.is_not(None))))

    def has_business_data(self) -> bool:
        """Whether the folder holds work already (vehicles, orders, ledger rows): then it is no longer in
        its first setup, and the command line refuses changes until the owner's account exists."""
        with reading(self._db) as s:
            return any(s.scalar(select(func.count()).select_from(t)) for t in (Vehicle, WorkOrder, WasteEntry))

    # ---- setup and management --------------------------------------------------------------------------

    def create_owner(self, name: str, username: str, password: str) -> OwnerSetup:
        """The first account of a data folder; refused once any account exists."""
        name = name.strip()
        if not name:
            raise DomainError("input.required", "name", label="姓名")
        username = _check_username(username)
        _check_password(password)
        code = new_recovery_code()
        pw_hash = self._hasher.hash(password)
        code_hash = self._hasher.hash(_normal_code(code))
        with writing(self._db) as s:
            if s.scalar(select(func.count()).select_from(Staff).where(Staff.password_hash.is_not(None))):
                raise DomainError("auth.owner_exists", None)
            row = Staff(name=name[:40], role="owner", active=True, username=username, password_hash=pw_hash,
                        recovery_hash=code_hash, failed_logins=0, must_change_password=False)
            s.add(row)
            s.flush()
            account = _to_account(row)
        self._guard.accounts_created()
        self._guard.login(Actor(account.staff_id, account.name, OWNER))
        return OwnerSetup(account, code)

    def list(self) -> list[Account]:
        self._guard.require(Perm.USERS)
        with reading(self._db) as s:
            rows = s.scalars(select(Staff).where(Staff.username.is_not(None)).order_by(Staff.name))
            return [_to_account(r) for r in rows]

    def add(self, name: str, username: str, role: str, password: str, staff_id: int | None = None) -> Account:
        """A new account; with ``staff_id`` an existing staff member (already on work orders) gets a login."""
        self._guard.require(Perm.USERS)
        if role not in STAFF_ROLES:
            raise DomainError("staff.role_invalid", "role", role=role)
        username = _check_username(username)
        _check_password(password)
        pw_hash = self._hasher.hash(password)
        with writing(self._db) as s:
            if s.scalar(select(Staff.id).where(Staff.username == username)) is not None:
                raise DomainError("auth.username_taken", "username", username=username)
            if staff_id is not None:
                row = s.get(Staff, staff_id)
                if row is None:
                    raise DomainError("input.not_found", None, what="员工", id=staff_id)
                if row.username:
                    raise DomainError("auth.already_account", None, name=row.name)
            else:
                name = name.strip()
                if not name:
                    raise DomainError("input.required", "name", label="姓名")
                row = Staff(name=name[:40], active=True, failed_logins=0)
                s.add(row)
            row.role = role
            row.username = username
            row.password_hash = pw_hash
            row.must_change_password = True  # the owner chose it; the person sets their own at first login
            s.flush()
            return _to_account(row)

    def set_active(self, staff_id: int, active: bool) -> Account:
        actor = self._guard.require(Perm.USERS)
        with writing(self._db) as s:
            row = self._account_row(s, staff_id)
            if not active and row.id == actor.staff_id:
                raise DomainError("auth.cannot_disable_self", None)
            row.active = active
            return _to_account(row)

    def reset_password(self, staff_id: int, new_password: str) -> Account:
        """The owner sets a temporary password; the person must change it when they next log in."""
        self._guard.require(Perm.USERS)
        _check_password(new_password)
        pw_hash = self._hasher.hash(new_password)
        with writing(self._db) as s:
            row = self._account_row(s, staff_id)
            row.password_hash = pw_hash
            row.failed_logins = 0
            row.locked_until = None
            row.must_change_password = True
            return _to_account(row)

    def change_own_password(self, old_password: str, new_password: str) -> None:
        actor = self._guard.current()
        if actor is None or actor.staff_id is None:
            raise DomainError("auth.login_required", None)
        _check_password(new_password)
        with reading(self._db) as s:
            stored = s.scalar(select(Staff.password_hash).where(Staff.id == actor.staff_id))
        if not stored or not self._matches(stored, old_password):
            raise DomainError("auth.wrong_password", "old_password")
        pw_hash = self._hasher.hash(new_password)
        with writing(self._db) as s:
            row = self._account_row(s, actor.staff_id)
            row.password_hash = pw_hash
            row.must_change_password = False

    @staticmethod
    def _account_row(s: object, staff_id: int) -> Staff:
        row = s.get(Staff, staff_id)  # type: ignore[attr-defined]
        if row is None or not row.username:
            raise DomainError("input.not_found", None, what="账号", id=staff_id)
        return row

    # ---- login -----------------------------------------------------------------------------------------

    def login(self, username: str, password: str) -> Account:
        """Check the password; on success the person acts on this context until :meth:`logout`."""
        now = self._clock.now()
        username = username.strip()
        row = self._stored(username)
        if row is None or not row.password_hash:
            self._matches(self._dummy_hash, password)  # same time as a real check: names are not probed
            self._audit.record("login_failed", "staff", "", {"username": username[:40], "reason": "unknown"},
                               actor=None)
            raise DomainError("auth.wrong_login", None)
        if row.locked_until is not None and row.locked_until > now:
            self._audit.record("login_failed", "staff", str(row.id), {"reason": "locked"}, actor=None)
            minutes = max(1, int((row.locked_until - now).total_seconds() // 60) + 1)
            raise DomainError("auth.locked", None, minutes=minutes)
        if not self._matches(row.password_hash, password):
            self._count_failure(row.id, now)
            raise DomainError("auth.wrong_login", None)
        if not row.active:
            self._audit.record("login_failed", "staff", str(row.id), {"reason": "disabled"}, actor=None)
            raise DomainError("auth.disabled", None)
        with writing(self._db) as s:
            fresh = s.get(Staff, row.id)
            assert fresh is not None
            fresh.failed_logins = 0
            fresh.locked_until = None
            if self._hasher.check_needs_rehash(fresh.password_hash or ""):
                fresh.password_hash = self._hasher.hash(password)
            account = _to_account(fresh)
        actor = Actor(account.staff_id, account.name, account.access)
        self._guard.accounts_created()
        self._guard.login(actor)
        self._audit.record("login", "staff", str(account.staff_id), {}, actor=actor)
        return account

    def _stored(self, username: str) -> _Stored | None:
        with reading(self._db) as s:
            row = s.scalar(select(Staff).where(Staff.username == username))
            if row is None:
                return None
            return _Stored(row.id, row.name, row.role, row.active, row.password_hash, row.recovery_hash,
                           row.locked_until)

    def _count_failure(self, staff_id: int, now: datetime) -> None:
        with writing(self._db) as s:
            row = s.get(Staff, staff_id)
            assert row is not None
            row.failed_logins += 1
            detail = {"reason": "password", "failures": row.failed_logins}
            if row.failed_logins >= MAX_FAILURES:
                row.failed_logins = 0
                row.locked_until = now + LOCK_TIME
                detail["locked_until"] = row.locked_until.isoformat()
        self._audit.record("login_failed", "staff", str(staff_id), detail, actor=None)

    def logout(self) -> None:
        actor = self._guard.actor
        if actor is not None:
            self._audit.record("logout", "staff", str(actor.staff_id or ""), {}, actor=actor)
        self._guard.logout()

    def recover_owner(self, username: str, recovery_code: str, new_password: str) -> str:
        """Set a new owner password with the printed recovery code; returns the next code (the old one is
        used up) and logs the owner in. Wrong codes count as failed logins, so the code cannot be guessed
        at leisure either."""
        now = self._clock.now()
        _check_password(new_password)
        row = self._stored(username.strip())
        if row is None or row.role != "owner" or not row.recovery_hash:
            self._matches(self._dummy_hash, recovery_code)
            raise DomainError("auth.recovery_failed", None)
        if row.locked_until is not None and row.locked_until > now:
            raise DomainError("auth.locked", None, minutes=int((row.locked_until - now).total_seconds() // 60) + 1)
        if not self._matches(row.recovery_hash, _normal_code(recovery_code)):
            self._count_failure(row.id, now)
            raise DomainError("auth.recovery_failed", None)
        code = new_recovery_code()
        pw_hash, code_hash = self._hasher.hash(new_password), self._hasher.hash(_normal_code(code))
        actor = Actor(row.id, row.name, OWNER)
        self._guard.login(actor)  # the owner proved who they are: they are logged in, as after a login
        with writing(self._db) as s:
            fresh = s.get(Staff, row.id)
            assert fresh is not None
            fresh.password_hash, fresh.recovery_hash = pw_hash, code_hash
            fresh.failed_logins, fresh.locked_until, fresh.must_change_password = 0, None, False
            fresh.active = True
        self._audit.record("recover", "staff", str(row.id), {}, actor=actor)
        return code

    def _matches(self, stored: str, password: str) -> bool:
        try:
            return self._hasher.verify(stored, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False

