"""The data stamp other clients poll: moved by every committed write (in the same transaction), never by a
read or a rolled-back write; and the schema revision, so a running client notices another PC's upgrade."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from app.context import AppContext, open_context
from app.live_changes import ChangeWatcher, read_state
from app.paths import DataDir
from tests.dbs import fresh_database_url


@pytest.fixture
def two_clients(tmp_path: Path) -> Iterator[tuple[AppContext, AppContext]]:
    """Two clients (their own engines and folders) on one database, as two PCs would be."""
    url = fresh_database_url(tmp_path)
    first = open_context(DataDir(tmp_path / "pc1"), database_url=url)
    second = open_context(DataDir(tmp_path / "pc2"), database_url=url)
    yield first, second
    first.close()
    second.close()


def test_another_clients_write_is_seen_once(two_clients: tuple[AppContext, AppContext]) -> None:
    writer, reader = two_clients
    watcher = ChangeWatcher(reader.db)
    assert watcher.poll() == (False, False)  # the first poll only remembers
    writer.staff.add("王丽", "advisor")
    assert watcher.poll() == (True, False)
    assert watcher.poll() == (False, False)
    writer.staff.list()  # reads move nothing
    assert watcher.poll() == (False, False)


def test_a_rolled_back_write_moves_nothing(two_clients: tuple[AppContext, AppContext]) -> None:
    writer, reader = two_clients
    watcher = ChangeWatcher(reader.db)
    watcher.poll()
    with pytest.raises(RuntimeError), writer.db.write() as s:
        s.execute(text("UPDATE staff SET name = name"))
        raise RuntimeError("the clerk's PC lost power")
    assert watcher.poll() == (False, False)


def test_the_stamp_commits_with_the_change(two_clients: tuple[AppContext, AppContext]) -> None:
    writer, reader = two_clients
    before = read_state(reader.db).stamp
    writer.staff.add("李强", "technician")  # at least one stamp exists
    stamped = read_state(reader.db).stamp
    assert stamped is not None and stamped != before
    with writer.db.write() as s:
        s.execute(text("INSERT INTO staff (name, role, active) VALUES ('赵六', 'technician', true)"))
        s.flush()
        assert read_state(reader.db).stamp == stamped  # not visible before the commit …
    assert read_state(reader.db).stamp != stamped  # … and moved by it


def test_a_schema_upgrade_elsewhere_is_noticed(two_clients: tuple[AppContext, AppContext]) -> None:
    other_pc, this_pc = two_clients
    watcher = ChangeWatcher(this_pc.db)
    watcher.poll()
    with other_pc.db.write() as s:
        s.execute(text("UPDATE alembic_version SET version_num = '9999_newer'"))
    assert watcher.poll()[1] is True and watcher.revision == "9999_newer"
