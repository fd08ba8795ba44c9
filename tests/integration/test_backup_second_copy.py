"""The encrypted copy in the second folder (USB disk, NAS): round trip, wrong or missing passphrase,
tampering, a missing or full disk that must not cost the local backup, restore on a new PC, and a scan
that finds the passphrase and the derived key in no file the app writes."""

from __future__ import annotations

import base64
import errno
import logging
import shutil
from pathlib import Path

import pytest

from app.backup import MIN_PASSPHRASE
from app.backup import second_folder as second_folder_module
from app.backup.crypto import BackupKey
from app.backup.second_folder import KEYRING_SERVICE
from app.context import AppContext, open_context
from app.domain.errors import DomainError
from app.paths import DataDir, config_dir
from tests.dbs import sqlite_only
from tests.integration.backup_helpers import PASSPHRASE, backups_with_keyring, dump, settle_orders
from tests.integration.secret_scan_helpers import files_under
from tests.memory_keyring import MemoryKeyring

pytestmark = sqlite_only("backups copy the SQLite file; on PostgreSQL the server backs up (test_backup_postgres)")


@pytest.fixture
def keyring() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture
def usb(tmp_path: Path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


def _configured(ctx: AppContext, keyring: MemoryKeyring, usb: Path) -> None:
    backups_with_keyring(ctx, keyring)
    ctx.backups.set_second_folder(usb, PASSPHRASE)
    assert ctx.backups.second_folder() == usb.resolve()


def test_encrypted_copy_round_trips(ctx: AppContext, keyring: MemoryKeyring, usb: Path, tmp_path: Path) -> None:
    settle_orders(ctx, 2)
    _configured(ctx, keyring, usb)
    result = ctx.backups.run()
    assert result.verified and result.second_copy is not None and result.second_copy_error is None
    assert result.second_copy.parent == usb.resolve() and result.second_copy.name.endswith(".banshou-backup")
    assert b"SQLite format 3" not in result.second_copy.read_bytes()
    assert "发动机异响".encode() not in result.second_copy.read_bytes()
    assert not list(usb.glob("*.part"))
    assert ctx.backups.verify(result.second_copy).ok  # with the key from this PC's keyring
    checked = ctx.backups.verify(result.second_copy, PASSPHRASE)
    assert checked.ok and checked.encrypted and checked.counts == result.counts
    locations = {(b.location, b.encrypted) for b in ctx.backups.list()}
    assert locations == {("local", False), ("second", True)}

    # A new PC: another data folder, an empty keyring. Only the passphrase opens the copy.
    new_pc = open_context(DataDir(tmp_path / "new-pc"), ctx.clock)
    try:
        backups_with_keyring(new_pc, MemoryKeyring())
        needed = new_pc.backups.verify(result.second_copy)
        assert not needed.ok and needed.problem_code == "backup.passphrase_needed"
        wrong = new_pc.backups.verify(result.second_copy, "not the passphrase at all")
        assert not wrong.ok and wrong.problem_code == "backup.wrong_passphrase"
        with pytest.raises(DomainError) as refused:
            new_pc.backups.restore(result.second_copy, "not the passphrase at all")
        assert refused.value.code == "backup.wrong_passphrase"
        restored = new_pc.backups.restore(result.second_copy, PASSPHRASE)
        assert restored.counts == result.counts
    finally:
        new_pc.close()
    assert dump(new_pc.data_dir.database) == dump(result.path)


def test_a_wrong_passphrase_is_refused_even_where_the_keyring_could_open_it(ctx: AppContext, keyring: MemoryKeyring,
                                                                          usb: Path) -> None:  # fmt: skip
    _configured(ctx, keyring, usb)
    copy = ctx.backups.run().second_copy
    assert copy is not None
    assert ctx.backups.verify(copy, PASSPHRASE + "x").problem_code == "backup.wrong_passphrase"


def test_tampered_or_truncated_copies_are_refused(ctx: AppContext, keyring: MemoryKeyring, usb: Path) -> None:
    settle_orders(ctx, 1)
    _configured(ctx, keyring, usb)
    copy = ctx.backups.run().second_copy
    assert copy is not None
    data = copy.read_bytes()
    variants = {
        "flipped": data[:-500] + bytes([data[-500] ^ 1]) + data[-499:],
        "truncated": data[: len(data) // 2],
        "cut_at_chunk": data[: len(data) - 100],
        "header_edited": data.replace(b'"kind": "manual"', b'"kind": "daily!"', 1),
        "extended": data + data[-1000:],
    }
    for name, content in variants.items():
        bad = usb / f"bad-{name}.banshou-backup"
        bad.write_bytes(content)
        checked = ctx.backups.verify(bad, PASSPHRASE)
        assert not checked.ok and checked.problem_code == "backup.damaged", name
        with pytest.raises(DomainError):
            ctx.backups.restore(bad, PASSPHRASE)


def test_a_missing_second_folder_keeps_the_local_backup_and_says_so(ctx: AppContext, keyring: MemoryKeyring,
                                                                     usb: Path) -> None:  # fmt: skip
    _configured(ctx, keyring, usb)
    shutil.rmtree(usb)  # the USB disk was unplugged
    result = ctx.backups.run()
    assert result.verified and result.path.exists()
    assert result.second_copy is None and result.second_copy_error and str(usb.resolve()) in result.second_copy_error
    assert "本机备份已完成" in result.second_copy_error
    assert not usb.exists()  # never created: that would put the "off-PC" copy on the PC's own disk
    daily = ctx.backups.run_daily_if_due()
    assert daily is not None and daily.verified and daily.second_copy_error


def test_a_full_second_folder_keeps_the_local_backup_and_leaves_no_partial_file(
    ctx: AppContext, keyring: MemoryKeyring, usb: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _configured(ctx, keyring, usb)

    def disk_full(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(second_folder_module, "encrypt_file", disk_full)
    result = ctx.backups.run()
    assert result.verified and result.path.exists() and result.second_copy is None
    assert result.second_copy_error and "已满" in result.second_copy_error
    assert list(usb.iterdir()) == []


def test_second_folder_rules(ctx: AppContext, keyring: MemoryKeyring, usb: Path, tmp_path: Path) -> None:
    backups_with_keyring(ctx, keyring)
    with pytest.raises(DomainError) as short:
        ctx.backups.set_second_folder(usb, "x" * (MIN_PASSPHRASE - 1))
    assert short.value.code == "backup.passphrase_short"
    with pytest.raises(DomainError) as needed:
        ctx.backups.set_second_folder(usb, None)  # no key yet
    assert needed.value.code == "backup.passphrase_needed"
    with pytest.raises(DomainError) as missing:
        ctx.backups.set_second_folder(tmp_path / "not-plugged-in", PASSPHRASE)
    assert missing.value.code == "backup.second_missing"
    ctx.backups.set_second_folder(usb, PASSPHRASE)
    first_keys = dict(keyring.store)
    moved = tmp_path / "nas"
    moved.mkdir()
    ctx.backups.set_second_folder(moved, None)  # the same key, a new place
    assert ctx.backups.second_folder() == moved.resolve() and keyring.store == first_keys
    ctx.backups.set_second_folder(moved, PASSPHRASE + "-new")  # a new key replaces the old one
    assert len(keyring.store) == 1 and keyring.store != first_keys
    ctx.backups.set_second_folder(None, None)
    assert ctx.backups.second_folder() is None and keyring.store == {}
    assert ctx.backups.run().second_copy is None


def test_no_secure_keyring_means_no_encrypted_copy(ctx: AppContext, usb: Path) -> None:
    from keyring.backends import fail

    from app.backup import BackupService
    from app.security.credentials import CredentialStore

    ctx.backups = BackupService(ctx.data_dir, ctx.db, ctx.clock, ctx.guard, ctx.audit,
                                secrets=CredentialStore(fail.Keyring(), service=KEYRING_SERVICE))  # fmt: skip
    with pytest.raises(DomainError) as refused:
        ctx.backups.set_second_folder(usb, PASSPHRASE)
    assert refused.value.code == "secrets.no_keyring"
    assert ctx.backups.second_folder() is None



def test_secret_scan_passphrase_and_key_are_in_no_file(ctx: AppContext, keyring: MemoryKeyring, usb: Path,
                                                       tmp_path: Path) -> None:  # fmt: skip
    """Set up, back up, list, verify, restore (with the passphrase typed), with every log line written to
    the data folder's log: then neither the passphrase nor the derived key (raw, base64 or hex) is in any
    file under the data folder, the config folder or the second folder — only the keyring holds the key."""
    handler = logging.FileHandler(ctx.data_dir.logs / "banshou.log", encoding="utf-8")
    handler.setLevel(logging.DEBUG)
    root = logging.getLogger()
    previous = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        settle_orders(ctx, 2)
        _configured(ctx, keyring, usb)
        result = ctx.backups.run()
        assert result.second_copy is not None
        ctx.backups.run_daily_if_due()
        ctx.backups.list()
        ctx.backups.verify(result.second_copy, PASSPHRASE)
        ctx.backups.verify(result.second_copy, "a wrong passphrase typed")
        ctx.backups.restore(result.second_copy, PASSPHRASE)
    finally:
        root.removeHandler(handler)
        root.setLevel(previous)
        handler.close()
    [secret] = keyring.store.values()
    key = BackupKey.from_secret(secret)
    assert key is not None
    needles = {
        "passphrase": PASSPHRASE.encode("utf-8"),
        "passphrase (utf-16)": PASSPHRASE.encode("utf-16-le"),
        "key": key.key,
        "key (base64)": base64.b64encode(key.key),
        "key (hex)": key.key.hex().encode("ascii"),
        "keyring entry": secret.encode("utf-8"),
    }
    files = files_under(ctx.data_dir.root, config_dir(), usb)
    assert (ctx.data_dir.logs / "banshou.log").stat().st_size > 0
    assert any(p.suffix == ".json" for p in files) and any(p.name == "backup-targets.json" for p in files)
    for path in files:
        content = path.read_bytes()
        for what, needle in needles.items():
            assert needle not in content, f"{what} found in {path}"
