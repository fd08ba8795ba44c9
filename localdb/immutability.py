"""Database-level refusal to change settled work orders and waste-ledger rows.

The services never update these rows (corrections are new revisions, ledger mistakes are reversal
rows), so a change can only come from outside: a hand-edit with an SQLite browser, a script, a bug.
Triggers refuse it in the database itself. The one legitimate update is marking a settled revision
``superseded`` when its correction is settled; the work-order trigger allows exactly that change and no
other column with it. Inserting a line under a settled order cannot be refused (settlement inserts its
payments after the state changes, in the same flush); the audit verification's seal re-hash catches it.

Migration 0007 creates these triggers. A later change of the rules (or a new work-order column) needs a
new migration that drops and re-creates them; ``test_immutability`` fails until the column list matches.
"""

from __future__ import annotations

IMMUTABLE_MESSAGE = "banshou: immutable row"

# Columns of work_orders when migration 0007 was written; tests compare them with the model so that a new
# column forces a new trigger migration.
WORK_ORDER_COLUMNS = (
    "id uuid vehicle_id plate vin owner_name owner_phone state intake_at intake_mileage bringer_name "
    "bringer_phone fault_description repair_category labour_standard advisor_id completed_at mileage_out "
    "completion_cert_no cancel_reason settled_at costlistcode revision revision_of_id superseded labour_fen "
    "parts_fen other_fen discount_fen due_fen old_parts warranty_days warranty_km warranty_text notes "
    "created_at updated_at"
).split()

ORDER_CHILD_TABLES = ("labour_lines", "part_lines", "fee_lines", "payments", "confirmed_warnings")
LEDGER_TABLES = ("waste_entries",)


def _sqlite_order_triggers() -> list[str]:
    unchanged = " AND ".join(f"NEW.{c} IS OLD.{c}" for c in WORK_ORDER_COLUMNS if c != "superseded")
    only_superseded = f"(OLD.superseded = 0 AND NEW.superseded = 1 AND {unchanged})"
    raise_ = f"SELECT RAISE(ABORT, '{IMMUTABLE_MESSAGE}: settled work order');"
    ddl = [
        f"""CREATE TRIGGER work_orders_settled_update BEFORE UPDATE ON work_orders
            WHEN OLD.state = 'settled' AND NOT {only_superseded} BEGIN {raise_} END""",
        f"""CREATE TRIGGER work_orders_settled_delete BEFORE DELETE ON work_orders
            WHEN OLD.state = 'settled' BEGIN {raise_} END""",
    ]
    for table in ORDER_CHILD_TABLES:
        settled = "(SELECT state FROM work_orders WHERE id = OLD.work_order_id) = 'settled'"
        child_raise = f"SELECT RAISE(ABORT, '{IMMUTABLE_MESSAGE}: {table} of a settled work order');"
        ddl += [
            f"CREATE TRIGGER {table}_settled_update BEFORE UPDATE ON {table} WHEN {settled} BEGIN {child_raise} END",
            f"CREATE TRIGGER {table}_settled_delete BEFORE DELETE ON {table} WHEN {settled} BEGIN {child_raise} END",
        ]
    return ddl


def _sqlite_ledger_triggers() -> list[str]:
    ddl = []
    for table in LEDGER_TABLES:
        raise_ = f"SELECT RAISE(ABORT, '{IMMUTABLE_MESSAGE}: {table} is append-only');"
        ddl += [
            f"CREATE TRIGGER {table}_append_only_update BEFORE UPDATE ON {table} BEGIN {raise_} END",
            f"CREATE TRIGGER {table}_append_only_delete BEFORE DELETE ON {table} BEGIN {raise_} END",
        ]
    return ddl


def _postgres_triggers() -> list[str]:
    ddl = [
        f"""CREATE FUNCTION banshou_settled_order_guard() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'UPDATE' AND NOT OLD.superseded AND NEW.superseded
               AND (to_jsonb(NEW) - 'superseded') = (to_jsonb(OLD) - 'superseded') THEN
                RETURN NEW;
            END IF;
            RAISE EXCEPTION '{IMMUTABLE_MESSAGE}: settled work order';
        END $$""",
        """CREATE TRIGGER work_orders_settled_guard BEFORE UPDATE OR DELETE ON work_orders
           FOR EACH ROW WHEN (OLD.state = 'settled') EXECUTE FUNCTION banshou_settled_order_guard()""",
        f"""CREATE FUNCTION banshou_settled_child_guard() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF (SELECT state FROM work_orders WHERE id = OLD.work_order_id) = 'settled' THEN
                RAISE EXCEPTION '{IMMUTABLE_MESSAGE}: % of a settled work order', TG_TABLE_NAME;
            END IF;
            IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
            RETURN NEW;
        END $$""",
        f"""CREATE FUNCTION banshou_append_only_guard() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION '{IMMUTABLE_MESSAGE}: % is append-only', TG_TABLE_NAME;
        END $$""",
    ]
    for table in ORDER_CHILD_TABLES:
        ddl.append(f"""CREATE TRIGGER {table}_settled_guard BEFORE UPDATE OR DELETE ON {table}
                       FOR EACH ROW EXECUTE FUNCTION banshou_settled_child_guard()""")
    for table in LEDGER_TABLES:
        ddl.append(f"""CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table}
                       FOR EACH ROW EXECUTE FUNCTION banshou_append_only_guard()""")
    return ddl


def create_statements(dialect: str) -> list[str]:
    if dialect == "postgresql":
        return _postgres_triggers()
    return _sqlite_order_triggers() + _sqlite_ledger_triggers()


def drop_statements(dialect: str) -> list[str]:
    if dialect == "postgresql":
        tables = ["work_orders", *ORDER_CHILD_TABLES]
        drops = [f"DROP TRIGGER IF EXISTS {t}_settled_guard ON {t}" for t in tables]
        drops += [f"DROP TRIGGER IF EXISTS {t}_append_only ON {t}" for t in LEDGER_TABLES]
        funcs = ("banshou_settled_order_guard", "banshou_settled_child_guard", "banshou_append_only_guard")
        return drops + [f"DROP FUNCTION IF EXISTS {f}()" for f in funcs]
    names = ["work_orders_settled_update", "work_orders_settled_delete"]
    names += [f"{t}_settled_{op}" for t in ORDER_CHILD_TABLES for op in ("update", "delete")]
    names += [f"{t}_append_only_{op}" for t in LEDGER_TABLES for op in ("update", "delete")]
    return [f"DROP TRIGGER IF EXISTS {n}" for n in names]
