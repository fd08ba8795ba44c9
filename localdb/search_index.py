"""The vehicle search index: an SQLite FTS5 table with the trigram tokenizer over plate, VIN and phone.

Typing part of a plate, a VIN tail or a phone number must answer in a few milliseconds with tens of
thousands of vehicles; ``LIKE '%…%'`` cannot use a B-tree index and scanned the whole table (60–130 ms at
68,000 vehicles). FTS5's trigram tokenizer answers substring queries of three or more characters from an
index. Triggers keep it in step with ``vehicles`` and ``owners``, so every writer (services, bulk seed)
maintains it without knowing it exists. It is SQLite-only and outside the ORM metadata; other engines
fall back to ``LIKE`` (see :mod:`app.services.vehicles`).
"""

from __future__ import annotations

TABLE = "vehicle_search"

CREATE = [
    f"CREATE VIRTUAL TABLE {TABLE} USING fts5(plate, vin, phone, tokenize='trigram')",
    f"""INSERT INTO {TABLE}(rowid, plate, vin, phone)
        SELECT v.id, v.plate, v.vin, o.phone FROM vehicles v JOIN owners o ON o.id = v.owner_id""",
    f"""CREATE TRIGGER {TABLE}_vehicle_insert AFTER INSERT ON vehicles BEGIN
        INSERT INTO {TABLE}(rowid, plate, vin, phone)
        VALUES (new.id, new.plate, new.vin, (SELECT phone FROM owners WHERE id = new.owner_id));
    END""",
    f"""CREATE TRIGGER {TABLE}_vehicle_update AFTER UPDATE OF plate, vin, owner_id ON vehicles BEGIN
        UPDATE {TABLE} SET plate = new.plate, vin = new.vin,
            phone = (SELECT phone FROM owners WHERE id = new.owner_id)
        WHERE rowid = new.id;
    END""",
    f"""CREATE TRIGGER {TABLE}_vehicle_delete AFTER DELETE ON vehicles BEGIN
        DELETE FROM {TABLE} WHERE rowid = old.id;
    END""",
    f"""CREATE TRIGGER {TABLE}_owner_phone AFTER UPDATE OF phone ON owners BEGIN
        UPDATE {TABLE} SET phone = new.phone WHERE rowid IN (SELECT id FROM vehicles WHERE owner_id = new.id);
    END""",
]

DROP = [
    f"DROP TRIGGER IF EXISTS {TABLE}_owner_phone",
    f"DROP TRIGGER IF EXISTS {TABLE}_vehicle_delete",
    f"DROP TRIGGER IF EXISTS {TABLE}_vehicle_update",
    f"DROP TRIGGER IF EXISTS {TABLE}_vehicle_insert",
    f"DROP TABLE IF EXISTS {TABLE}",
]


def is_unmanaged(name: str | None) -> bool:
    """Tables Alembic's autogenerate must not compare: the FTS table and its shadow tables."""
    return bool(name) and str(name).startswith(TABLE)


def match_expression(query: str) -> str:
    """An FTS5 phrase for a normalised query: substring match for three or more characters."""
    return '"' + query.replace('"', "") + '"'
