"""Choosing the database of a data folder: the config file, the password in the keyring, the error sentences,
and the ``banshou db`` commands that need no server (``use sqlite``, ``show``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from app.cli import main as cli_main
from app.context import open_context
from app.dbconfig import (
    CONFIG_FILENAME,
    DatabaseChoice,
    DatabasePasswords,
    load_choice,
    parse_choice,
    resolve_database_url,
    save_choice,
)
from app.dberrors import classify_connect_error
from app.domain.errors import DomainError
from app.i18n import render_error
from app.paths import DataDir
from tests.memory_keyring import MemoryKeyring

PG = DatabaseChoice("postgresql", "192.168.1.10", 5432, "banshou", "banshou")


def test_parse_choice_reads_the_address_a_shop_types() -> None:
    assert parse_choice("sqlite") == DatabaseChoice()
    assert parse_choice(" postgresql://banshou@192.168.1.10/banshou ") == PG
    assert parse_choice("postgresql+psycopg://banshou@192.168.1.10:5433/banshou").port == 5433
    for bad in ("mysql://a@b/c", "postgresql://192.168.1.10/banshou", "postgresql://a@b", "nonsense"):
        with pytest.raises(DomainError) as err:
            parse_choice(bad)
        assert err.value.code == "db.url_invalid"
    with pytest.raises(DomainError) as err:
        parse_choice("postgresql://banshou:secret@192.168.1.10/banshou")
    assert err.value.code == "db.password_in_url"


def test_choice_round_trips_without_the_password(tmp_path: Path) -> None:
    folder = DataDir(tmp_path / "shop")
    assert load_choice(folder) == DatabaseChoice()  # no file: the folder's own SQLite database
    passwords = DatabasePasswords(MemoryKeyring())
    passwords.save(PG, "pa@ss/word")
    save_choice(folder, PG)
    assert load_choice(folder) == PG
    stored = (folder.root / CONFIG_FILENAME).read_text(encoding="utf-8")
    assert "pa@ss" not in stored and json.loads(stored)["host"] == "192.168.1.10"
    url = make_url(resolve_database_url(folder, passwords))
    assert (url.drivername, url.username, url.password, url.host, url.database) == (
        "postgresql+psycopg", "banshou", "pa@ss/word", "192.168.1.10", "banshou")  # fmt: skip


def test_missing_password_and_broken_file_are_sentences(tmp_path: Path) -> None:
    folder = DataDir(tmp_path / "shop")
    save_choice(folder, PG)
    with pytest.raises(DomainError) as err:
        resolve_database_url(folder, DatabasePasswords(MemoryKeyring()))
    assert err.value.code == "db.no_password" and "banshou@192.168.1.10:5432/banshou" in render_error(err.value)
    (folder.root / CONFIG_FILENAME).write_text("{not json", encoding="utf-8")
    with pytest.raises(DomainError) as err:
        load_choice(folder)
    assert err.value.code == "db.config_invalid"


def test_no_keyring_refuses_to_store_the_password() -> None:
    from keyring.backends import fail

    with pytest.raises(DomainError) as err:
        DatabasePasswords(fail.Keyring()).save(PG, "secret")
    assert err.value.code == "db.no_keyring"


class _PgError(Exception):
    def __init__(self, message: str, sqlstate: str | None = None) -> None:
        super().__init__(message)
        self.sqlstate = sqlstate


@pytest.mark.parametrize(
    ("message", "sqlstate", "code"),
    [
        ('connection failed: FATAL:  password authentication failed for user "banshou"', "28P01", "db.auth_failed"),
        ('FATAL:  database "banshou" does not exist', "3D000", "db.no_such_database"),
        ('FATAL:  no pg_hba.conf entry for host "192.168.1.23", user "banshou"', "28000", "db.host_not_allowed"),
        ("ERROR:  permission denied for schema public", "42501", "db.permission_denied"),
        ('connection to server at "192.168.1.10", port 5432 failed: Connection refused', None, "db.unreachable"),
        ("connection failed: connection timeout expired", None, "db.unreachable"),
        ("something else entirely", None, "db.failed"),
    ],
)
def test_connection_failures_become_the_right_sentence(message: str, sqlstate: str | None, code: str) -> None:
    err = classify_connect_error(_PgError(message, sqlstate), PG.url("never-shown"))
    assert err.code == code
    assert "never-shown" not in render_error(err)


def test_use_sqlite_and_show_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = DataDir(tmp_path / "shop")
    open_context(folder).close()  # the default: the folder's own file, migrated
    assert cli_main(["--data-dir", str(folder.root), "db", "show"]) == 0
    assert "banshou.db" in capsys.readouterr().out
    save_choice(folder, PG)
    assert cli_main(["--data-dir", str(folder.root), "db", "use", "sqlite"]) == 0
    assert load_choice(folder) == DatabaseChoice()
    assert cli_main(["--data-dir", str(folder.root), "db", "use", "postgresql://a:b@h/d"]) == 2
    assert "--password-stdin" in capsys.readouterr().err
