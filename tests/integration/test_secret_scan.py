"""Issue 7's secret scan: after a working day with known secrets — account passwords, the recovery code,
the EHR password and the tokens the province handed out, the backup passphrase, the audit key — none of
them is in the database (every row), its files, the backups, the per-PC config folder or the logs.

Everything runs for real: Argon2 logins, an upload to the sandbox over loopback with its token, a backup
with an encrypted second copy, logging to the data folder's log file through the app's privacy filter.
"""

from __future__ import annotations

import base64
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.context import AppContext
from app.domain.clock import ManualClock
from app.domain.errors import DomainError
from app.ehr.connection import EhrSettings, configure, open_sync
from app.ehr.sandbox import Sandbox, run_sandbox
from app.paths import config_dir
from app.security.audit_keys import AuditKeys
from app.security.credentials import CredentialStore
from app.security.log_privacy import configure_logging
from tests.dbs import sqlite_only
from tests.integration.backup_helpers import backups_with_keyring
from tests.integration.orders_helpers import make_order, make_vehicle, settle_in_full
from tests.integration.secret_scan_helpers import every_row, files_under
from tests.integration.sync_helpers import CODE
from tests.memory_keyring import MemoryKeyring

OWNER_PW = "Owner-Secret-7788"
DESK_PW = "Desk-Secret-5566"
EHR_PW = "Ehr-Secret-9911!"
PASSPHRASE = "usb passphrase 4412"


@pytest.fixture
def sb(tmp_path: Path, clock: ManualClock) -> Iterator[Sandbox]:
    with run_sandbox(db_path=tmp_path / "sandbox.db", accounts={CODE: EHR_PW}, clock=clock) as sandbox:
        yield sandbox




@sqlite_only("backups of the shop database are SQLite files; on PostgreSQL they are the server's pg_dump")
def test_no_secret_is_left_in_any_file(ctx: AppContext, sb: Sandbox, tmp_path: Path) -> None:
    keyring = MemoryKeyring()
    ctx.keys = AuditKeys(CredentialStore(keyring, service="Banshou audit"), tmp_path / "unused")
    ctx.audit._keys = ctx.keys  # this PC's keyring holds the audit key (the default wiring's fallback is a file)
    log_file = configure_logging(ctx.data_dir.logs, logging.DEBUG)
    assert log_file is not None
    code = ctx.accounts.create_owner("张老板", "boss", OWNER_PW).recovery_code
    ctx.accounts.add("王丽", "wangli", "frontdesk", DESK_PW)
    with pytest.raises(DomainError):
        ctx.accounts.login("wangli", "wrong-" + DESK_PW)  # a failed login is audited: without the password
    ctx.accounts.login("wangli", DESK_PW)
    ctx.accounts.login("boss", OWNER_PW)

    ehr = CredentialStore(keyring)
    configure(ctx, ehr, EhrSettings("sandbox", sb.base_url), company_code=CODE, password=EHR_PW)
    settle_in_full(ctx, make_order(ctx, make_vehicle(ctx)))
    with open_sync(ctx, ehr) as setup, ctx.guard.as_system():
        counts = setup.engine.drain_once()
    assert counts.accepted == 1
    tokens = list(sb.service._tokens)
    assert tokens, "the upload logged in, so the province issued a token"
    logging.getLogger("banshou.test").info("token: %s, password: %s", tokens[0], EHR_PW)  # a careless line

    backups = backups_with_keyring(ctx, keyring)
    usb = tmp_path / "usb"
    usb.mkdir()
    backups.set_second_folder(usb, PASSPHRASE)
    result = backups.run()
    assert result.verified and result.second_copy is not None

    audit_key = next(v for (service, _), v in keyring.store.items() if service == "Banshou audit")
    needles = {
        "owner password": OWNER_PW, "front-desk password": DESK_PW, "recovery code": code,
        "recovery code (typed)": code.replace("-", ""), "EHR password": EHR_PW, "backup passphrase": PASSPHRASE,
        "audit key": audit_key, "audit key (hex)": base64.b64decode(audit_key).hex(),
        **{f"token {i}": t for i, t in enumerate(tokens)},
    }
    rows = every_row(ctx)
    ctx.close()
    logging.getLogger().handlers[-1].flush()
    files = files_under(ctx.data_dir.root, config_dir(), usb)
    assert log_file in files and log_file.stat().st_size > 0
    assert any(p.suffix == ".db" for p in files if p.parent == ctx.data_dir.backups)
    for what, needle in needles.items():
        raw = needle.encode("utf-8")
        assert raw not in rows, f"{what} is in the database"
        for path in files:
            assert raw not in path.read_bytes(), f"{what} found in {path}"
