"""The permission check every service calls first (``事前审核``), and who is acting right now.

One :class:`Guard` belongs to one open data folder (:class:`app.context.AppContext`). The window logs a
person in and out of it; the command line logs in with ``--user``. Until the first account exists, the
folder is in first setup and its user acts as :data:`SETUP_ACTOR` with the owner's rights; after that,
nobody acts without logging in. Background threads (the sync worker) mark themselves with
:meth:`Guard.as_system` so their writes are recorded as the system's, not as whoever sits at the desk.

A refusal raises ``auth.denied`` (or ``auth.login_required``) and is recorded in the audit trail through
the ``on_denied`` hook, which the context wires to :class:`app.security.audit.AuditTrail`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from app.domain.errors import DomainError
from app.i18n import language
from app.security.permissions import PERM_LABELS, ROLE_LABELS, SETUP_ACTOR, SYSTEM_ACTOR, Actor, Perm

SETUP_RECHECK_S = 2.0


class Guard:
    def __init__(self, accounts_exist: Callable[[], bool]) -> None:
        self._accounts_exist = accounts_exist
        self._known_to_exist = False  # accounts are never deleted: once seen, no need to ask again
        self._asked_at = -SETUP_RECHECK_S
        self._actor: Actor | None = None
        self._local = threading.local()
        self.on_denied: Callable[[Actor | None, Perm], None] | None = None

    def in_setup(self) -> bool:
        """True while no account exists yet (a new or upgraded data folder).

        "No accounts" is asked again at most every few seconds (every write asks, through the audit
        trail); an account made here ends setup at once (:meth:`accounts_created`), one made by another
        process within seconds.
        """
        if not self._known_to_exist and time.monotonic() - self._asked_at >= SETUP_RECHECK_S:
            self._known_to_exist = self._accounts_exist()
            self._asked_at = time.monotonic()
        return not self._known_to_exist

    def accounts_created(self) -> None:
        self._known_to_exist = True

    @property
    def actor(self) -> Actor | None:
        """The person logged in on this context (None when nobody is)."""
        return self._actor

    def login(self, actor: Actor) -> None:
        self._actor = actor

    def logout(self) -> None:
        self._actor = None

    def current(self) -> Actor | None:
        """Who the current thread acts for: the system in a background thread, else the logged-in person,
        else the setup stand-in while no account exists; None when someone must log in first."""
        if getattr(self._local, "system", False):
            return SYSTEM_ACTOR
        if self._actor is not None:
            return self._actor
        return SETUP_ACTOR if self.in_setup() else None

    @contextmanager
    def as_system(self) -> Iterator[None]:
        previous = getattr(self._local, "system", False)
        self._local.system = True
        try:
            yield
        finally:
            self._local.system = previous

    def can(self, perm: Perm) -> bool:
        actor = self.current()
        return actor is not None and actor.may(perm)

    def require(self, perm: Perm) -> Actor:
        """The acting person if they hold ``perm``; otherwise the refusal is recorded and raised."""
        actor = self.current()
        if actor is not None and actor.may(perm):
            return actor
        if self.on_denied is not None:
            self.on_denied(actor, perm)
        if actor is None:
            raise DomainError("auth.login_required", None)
        index = 1 if language() == "en" else 0
        raise DomainError("auth.denied", None, perm=perm.value, what=PERM_LABELS[perm][index],
                          role=ROLE_LABELS.get(actor.role, (actor.role, actor.role))[index])
