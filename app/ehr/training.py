"""Training mode: until the shop configures a real province, uploads go to an embedded sandbox.

The runner starts :class:`app.ehr.sandbox.Sandbox` on 127.0.0.1 with a random free port, its own SQLite
file (``sandbox.db`` in the data folder) and one account: the shop's enterprise code (or the published
training code) with the published training password, which is not a secret and never a province's.

**How a training record is kept from ever reaching a real EHR** (three independent locks):

1. *Separate folder.* The first time a folder syncs in training mode it is marked as a training folder
   (a row ``ehr.training_folder = true`` in its own ``settings`` table, so a backup or copy of the
   database carries the mark). :func:`check_folder` – called by the sync engine before **every** pass,
   and by ``ehr configure`` / the settings page before saving – refuses a non-training profile in a
   marked folder (``sync.training_to_real``). Every outbox row of that database was written while in
   training, so none of them can be sent to a real province, whatever the settings say later.
2. *Training profiles only point at loopback.* :mod:`app.ehr.profiles` refuses a ``training`` profile
   whose ``base_url`` is not 127.0.0.1/localhost, and the client ignores proxy variables for it.
3. *The sandbox binds loopback only* and answers only to its own account.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from app.domain.clock import Clock
from app.domain.errors import DomainError
from app.ehr.profiles import Profile, load_profile
from app.ehr.sandbox import Sandbox
from app.ehr.sandbox.samples import TRAINING_COMPANY_CODE, TRAINING_PASSWORD
from localdb.engine import Database
from localdb.models import Setting

TRAINING_FOLDER_KEY = "ehr.training_folder"
SANDBOX_FILENAME = "sandbox.db"


def is_training_folder(db: Database) -> bool:
    with db.read() as s:
        row = s.get(Setting, TRAINING_FOLDER_KEY)
        return bool(row is not None and row.value is True)


def mark_training_folder(db: Database) -> None:
    """Idempotent; never unmarked (a folder that held practice records stays a practice folder)."""
    with db.write() as s:
        _mark(s)


def _mark(s: Session) -> None:
    row = s.get(Setting, TRAINING_FOLDER_KEY)
    if row is None:
        s.add(Setting(key=TRAINING_FOLDER_KEY, value=True))
    elif row.value is not True:
        row.value = True


def check_folder(db: Database, profile: Profile) -> None:
    """Refuse to use a real province's profile in a training folder (lock 1 above)."""
    if not profile.training and is_training_folder(db):
        raise DomainError("sync.training_to_real", "profile", name=profile.name)


class TrainingSandbox:
    """The embedded sandbox of one training data folder; ``start()`` / ``stop()`` or a ``with`` block."""

    def __init__(self, folder: Path, company_code: str = "", port: int = 0, clock: Clock | None = None) -> None:
        """``clock`` is the app's (the sandbox checks settle dates against "today")."""
        self._clock = clock
        self.company_code = company_code.strip() or TRAINING_COMPANY_CODE
        self.password = TRAINING_PASSWORD
        self._db_path = folder / SANDBOX_FILENAME
        self._port = port
        self._sandbox: Sandbox | None = None

    def start(self) -> TrainingSandbox:
        if self._sandbox is None:
            try:
                self._sandbox = Sandbox(db_path=self._db_path, accounts={self.company_code: self.password},
                                        port=self._port, clock=self._clock).start()  # fmt: skip
            except OSError as exc:
                raise DomainError("sync.training_sandbox_failed", None, reason=str(exc)) from None
        return self

    def stop(self) -> None:
        if self._sandbox is not None:
            self._sandbox.stop()
            self._sandbox = None

    def __enter__(self) -> TrainingSandbox:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def sandbox(self) -> Sandbox:
        if self._sandbox is None:
            raise RuntimeError("training sandbox not started")
        return self._sandbox

    def profile(self) -> Profile:
        """The shipped sandbox profile pointed at this runner's port."""
        return load_profile("sandbox").with_overrides(base_url=self.sandbox.base_url)
