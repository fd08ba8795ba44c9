"""Which province this data folder uploads to, and the one place that builds a ready sync engine.

The choice (profile name and, for a real province, its address) is stored per data folder in the
``settings`` table under ``ehr.*`` keys, so the CLI, the window and a backup agree; the enterprise code is
the shop's single stored ``company_code`` (the same one ``shop configure`` sets); the password is in the
OS keyring only (:mod:`app.security.credentials`).

No profile chosen (or ``sandbox`` without an address) means training mode: :func:`open_sync` starts the
embedded sandbox (:mod:`app.ehr.training`) and marks the folder as a training folder.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

from app.context import AppContext
from app.domain.errors import DomainError
from app.ehr.client import EhrClient
from app.ehr.profiles import Profile, load_profile
from app.ehr.results import ConnectionResult
from app.ehr.sandbox.samples import TRAINING_PASSWORD
from app.ehr.sync import RowChange, SyncEngine, SyncPolicy
from app.ehr.training import TrainingSandbox, check_folder, is_training_folder, mark_training_folder
from app.security.credentials import CredentialStore
from app.security.permissions import Perm
from app.services.dto import ShopInfo
from localdb.engine import Database
from localdb.models import Setting

PROFILE_KEY = "ehr.profile"
BASE_URL_KEY = "ehr.base_url"
TRAINING_PROFILE = "sandbox"


@dataclass(frozen=True)
class EhrSettings:
    """``profile`` None → training mode; ``base_url`` None → the profile file's own address."""

    profile: str | None = None
    base_url: str | None = None

    @property
    def training(self) -> bool:
        return self.profile in (None, TRAINING_PROFILE) and not self.base_url

    def resolve(self) -> Profile:
        """The profile with the shop's address applied (raises ``ehr.profile.*`` when unusable)."""
        profile = load_profile(self.profile or TRAINING_PROFILE)
        return profile.with_overrides(base_url=self.base_url) if self.base_url else profile


def load_settings(db: Database) -> EhrSettings:
    with db.read() as s:
        values = {k: (row.value if (row := s.get(Setting, k)) else None) for k in (PROFILE_KEY, BASE_URL_KEY)}
    profile, url = values[PROFILE_KEY], values[BASE_URL_KEY]
    return EhrSettings(profile if isinstance(profile, str) and profile else None,
                       url if isinstance(url, str) and url else None)  # fmt: skip


def save_settings(ctx: AppContext, settings: EhrSettings) -> Profile:
    """Validate (the profile loads, and a training folder stays training) and store; returns the profile.

    Where the shop's records go is a setting: ``SETTINGS`` (the owner)."""
    ctx.guard.require(Perm.SETTINGS)
    profile = settings.resolve()
    check_folder(ctx.db, profile)
    with ctx.db.write() as s:
        for key, value in ((PROFILE_KEY, settings.profile), (BASE_URL_KEY, settings.base_url)):
            row = s.get(Setting, key)
            if row is None:
                s.add(Setting(key=key, value=value or ""))
            else:
                row.value = value or ""
    return profile


def configure(ctx: AppContext, credentials: CredentialStore, settings: EhrSettings, *,
              company_code: str | None = None, password: str | None = None) -> Profile:  # fmt: skip
    """``ehr configure`` and the settings page's "save": profile, enterprise code, password → keyring.

    The password is stored first: without a secure keyring nothing at all is changed. Only the owner
    (``SETTINGS``) touches the EHR account, and the check comes before the keyring is.
    """
    ctx.guard.require(Perm.SETTINGS)
    profile = settings.resolve()
    check_folder(ctx.db, profile)
    shop = ctx.shop.get()
    code = (company_code if company_code is not None else (shop.company_code if shop else "")).strip()
    if password:
        if not code:
            raise DomainError("sync.no_company_code", "company_code")
        credentials.set_password(code, password)
    if company_code is not None and shop is not None and shop.company_code != code:
        ctx.shop.configure(dataclasses.replace(shop, company_code=code))
    return save_settings(ctx, settings)


def check_connection(profile: Profile, company_code: str, password: str, ctx: AppContext) -> ConnectionResult:
    """The settings page's 测试连接 with what is typed (not yet saved); runs off the GUI thread.

    For the training profile without an address it checks the embedded sandbox of this folder.
    Trying the EHR account is part of setting it up: ``SETTINGS``.
    """
    ctx.guard.require(Perm.SETTINGS)
    if profile.training and profile.base_url == load_profile(TRAINING_PROFILE).base_url:
        with TrainingSandbox(ctx.data_dir.root, company_code, clock=ctx.clock) as runner:
            with EhrClient(runner.profile(), runner.company_code, lambda: runner.password, ctx.clock) as client:
                return client.test_connection()
    with EhrClient(profile, company_code, lambda: password, ctx.clock) as client:
        return client.test_connection()


class SyncSetup:
    """A ready engine plus whatever it needs running (the training sandbox); close() stops both."""

    def __init__(self, engine: SyncEngine, training: TrainingSandbox | None) -> None:
        self.engine = engine
        self.training = training

    @property
    def is_training(self) -> bool:
        return self.engine.client.profile.training

    def close(self) -> None:
        self.engine.close()
        if self.training is not None:
            self.training.stop()

    def __enter__(self) -> SyncSetup:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_sync(ctx: AppContext, credentials: CredentialStore | None = None, *, policy: SyncPolicy | None = None,
              owner: str | None = None, on_change: Callable[[RowChange], None] | None = None,
              settings: EhrSettings | None = None) -> SyncSetup:  # fmt: skip
    """Build the engine for this folder's settings (starting the training sandbox when in training)."""
    credentials = credentials or CredentialStore()
    settings = settings or load_settings(ctx.db)
    shop = ctx.shop.get()
    if shop is None:
        raise DomainError("sync.no_shop", None)
    runner: TrainingSandbox | None = None
    if settings.training:
        runner = TrainingSandbox(ctx.data_dir.root, shop.company_code, clock=ctx.clock).start()
        profile, code = runner.profile(), runner.company_code
        provider = lambda: runner.password  # noqa: E731 - the published training account, not a secret
    else:
        profile = settings.resolve()
        code = shop.company_code.strip()
        if not code:
            raise DomainError("sync.no_company_code", "company_code")
        # A loopback sandbox set up by hand (tests, demos) may use the published training password.
        provider = credentials.password_provider(code, TRAINING_PASSWORD if profile.training else None)
    check_folder(ctx.db, profile)
    if profile.training and not is_training_folder(ctx.db):
        mark_training_folder(ctx.db)
    try:
        client = EhrClient(profile, code, provider, ctx.clock)
        engine = SyncEngine(ctx.db, ctx.clock, client, ctx.shop.get, policy=policy, owner=owner, on_change=on_change)
    except BaseException:
        if runner is not None:
            runner.stop()
        raise
    return SyncSetup(engine, runner)


def printable_shop(ctx: AppContext) -> ShopInfo | None:
    """The shop's details as printed: plus the provincial rating page from the active profile, when the
    profile gives one, so the settlement list carries the QR code that sends the owner there."""
    shop = ctx.shop.get()
    if shop is None:
        return None
    try:
        rating_url = load_settings(ctx.db).resolve().rating_url or ""
    except DomainError:
        rating_url = ""  # an unusable profile must not stop printing; the sync page reports it
    return dataclasses.replace(shop, rating_url=rating_url)
