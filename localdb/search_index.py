"""The vehicle search index: trigram indexes over plate, VIN and the owner's phone.

Typing part of a plate, a VIN tail or a phone number must answer in a few milliseconds with tens of
thousands of vehicles; ``LIKE '%…%'`` cannot use a B-tree index and scanned the whole table (60–130 ms at
68,000 vehicles).

- **SQLite**: an FTS5 table with the trigram tokenizer answers substring queries of three or more
  characters from an index. Triggers keep it in step with ``vehicles`` and ``owners``, so every writer
  (services, bulk seed) maintains it without knowing it exists.
- **PostgreSQL**: ``pg_trgm`` GIN indexes on the three columns themselves serve ``LIKE``/``ILIKE
  '%…%'`` directly; the server maintains them, no triggers needed. ``pg_trgm`` is a trusted extension, so
  the database's owner can create it without being a superuser.

Both are outside the ORM metadata (SQLAlchemy cannot describe either), so Alembic's autogenerate is told
to leave them alone (:func:`include_in_autogenerate`); :mod:`app.services.vehicles` writes the query.
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


# PostgreSQL: index name → (table, column). Names start with TABLE so autogenerate skips them too.
POSTGRES_INDEXES = {
    f"{TABLE}_plate_trgm": ("vehicles", "plate"),
    f"{TABLE}_vin_trgm": ("vehicles", "vin"),
    f"{TABLE}_phone_trgm": ("owners", "phone"),
}

POSTGRES_CREATE = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    *(f"CREATE INDEX {name} ON {table} USING gin ({col} gin_trgm_ops)" for name, (table, col) in POSTGRES_INDEXES.items()),
]

# The extension stays: dropping it could break whatever else in the database uses it.
POSTGRES_DROP = [f"DROP INDEX IF EXISTS {name}" for name in POSTGRES_INDEXES]


def include_in_autogenerate(name: str | None, type_: str, _parent_names: object) -> bool:
    """Alembic ``include_name`` hook: compare everything except the search index's own objects (the FTS
    table and its shadow tables on SQLite, the trigram indexes on PostgreSQL)."""
    return not (type_ in ("table", "index") and bool(name) and str(name).startswith(TABLE))


def match_expression(query: str) -> str:
    """An FTS5 phrase for a normalised query: substring match for three or more characters."""
    return '"' + query.replace('"', "") + '"'
