"""The audit trail: changes are recorded with who/what/before/after, the HMAC chain detects every kind of
tampering with the database file, seals catch edits of settled rows, and concurrent writers keep one chain.

Tampering is done the way an attacker holding only the database would: direct SQL on the file.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from sqlalchemy import select, text

from app.context import AppContext, open_context
from app.domain.errors import DomainError
from app.i18n import render_error
from app.security.audit import MAC_FIELDS, entry_mac
from app.security.audit_keys import AuditKeys
from app.security.credentials import CredentialStore
from app.services.storage import writing
from localdb import immutability
from localdb.audit_models import AuditEntry
from localdb.models import WorkOrder
from tests.integration.orders_helpers import make_order, make_vehicle, settle_in_full
from tests.memory_keyring import MemoryKeyring


def _sql(ctx: AppContext, statement: str, **params: object) -> None:
    with ctx.db.engine.begin() as conn:
        conn.execute(text(statement), params)


def _settled(ctx: AppContext) -> int:
    order = settle_in_full(ctx, make_order(ctx, make_vehicle(ctx)))
    return order.id


def test_changes_are_recorded_with_before_and_after(ctx: AppContext) -> None:
    order_id = _settled(ctx)
    rows = ctx.audit.entries(limit=500)
    settle = [r for r in rows if r.action == "settle" and r.entity == "work_orders"
              and json.loads(r.after).get("state") == "settled"]
    assert len(settle) == 1 and settle[0].entity_id == str(order_id)
    assert json.loads(settle[0].before)["state"] == "completed"
    assert settle[0].actor_name == "初始设置"  # no account yet: the first-setup user
    assert {r.action for r in rows} >= {"create", "update", "settle"}
    assert not [r for r in rows if r.entity in ("outbox", "settlement_counters")]  # machine bookkeeping
    report = ctx.audit.verify()
    assert report.ok, report
    assert report.seals_checked == 1


def test_password_hashes_are_not_copied_into_the_trail(ctx: AppContext) -> None:
    ctx.accounts.create_owner("张老板", "boss", "Secret-pass-1")
    trail = " ".join(r.after for r in ctx.audit.entries(limit=500))
    assert "$argon2" not in trail and "Secret-pass-1" not in trail
    assert "（已隐藏）" in trail


def _ctx_with_entries(ctx: AppContext, n: int = 6) -> AppContext:
    for i in range(n):
        ctx.staff.add(f"员工{i}", "technician")
    assert ctx.audit.verify().ok
    return ctx


def test_an_edited_entry_is_named(ctx: AppContext) -> None:
    _ctx_with_entries(ctx)
    _sql(ctx, "UPDATE audit_entries SET after = :a WHERE seq = 4", a='{"name":"别人"}')
    report = ctx.audit.verify()
    assert (report.ok, report.first_broken, report.problem) == (False, 4, "audit.entry_altered")


def test_a_deleted_entry_is_named(ctx: AppContext) -> None:
    _ctx_with_entries(ctx)
    _sql(ctx, "DELETE FROM audit_entries WHERE seq = 3")
    report = ctx.audit.verify()
    assert (report.first_broken, report.problem) == (3, "audit.entry_missing")


def test_an_inserted_entry_is_named(ctx: AppContext) -> None:
    _ctx_with_entries(ctx)
    _sql(ctx, "UPDATE audit_entries SET seq = seq + 1000 WHERE seq >= 3")
    _sql(ctx, "UPDATE audit_entries SET seq = seq - 999 WHERE seq >= 1003")
    _sql(ctx, "INSERT INTO audit_entries (seq, at, actor_id, actor_name, action, entity, entity_id, before, after,"
              " seal, key_id, mac) SELECT 3, at, actor_id, '店主', 'update', 'staff', '1', '', '{}', '', key_id, mac"
              " FROM audit_entries WHERE seq = 2")
    _sql(ctx, "UPDATE audit_head SET seq = seq + 1")
    report = ctx.audit.verify()
    assert (report.first_broken, report.problem) == (3, "audit.entry_altered")


def test_reordered_entries_are_named(ctx: AppContext) -> None:
    _ctx_with_entries(ctx)
    _sql(ctx, "UPDATE audit_entries SET seq = -1 WHERE seq = 2")
    _sql(ctx, "UPDATE audit_entries SET seq = 2 WHERE seq = 3")
    _sql(ctx, "UPDATE audit_entries SET seq = 3 WHERE seq = -1")
    report = ctx.audit.verify()
    assert (report.first_broken, report.problem) == (2, "audit.entry_altered")


def test_a_cut_off_tail_is_noticed_even_with_the_head_rewritten(ctx: AppContext) -> None:
    _ctx_with_entries(ctx)
    last = ctx.audit.head_seq()
    with ctx.db.engine.begin() as conn:
        mac = conn.execute(text("SELECT mac FROM audit_entries WHERE seq = :s"), {"s": last - 2}).scalar()
        conn.execute(text("DELETE FROM audit_entries WHERE seq > :s"), {"s": last - 2})
        conn.execute(text("UPDATE audit_head SET seq = :s, mac = :m"), {"s": last - 2, "m": mac})
    report = ctx.audit.verify()
    assert (report.first_broken, report.problem) == (last - 1, "audit.tail_missing")


def test_a_cut_off_tail_with_a_stale_head(ctx: AppContext) -> None:
    _ctx_with_entries(ctx)
    last = ctx.audit.head_seq()
    _sql(ctx, "DELETE FROM audit_entries WHERE seq = :s", s=last)
    report = ctx.audit.verify()
    assert (report.first_broken, report.problem) == (last, "audit.tail_missing")


def test_a_chain_rebuilt_without_the_key_fails_at_the_first_entry(ctx: AppContext) -> None:
    _ctx_with_entries(ctx)
    forged_key = b"k" * 32
    with ctx.db.read() as s:
        rows = s.execute(select(AuditEntry.__table__).order_by(AuditEntry.seq)).mappings().all()
    mac = ""
    with ctx.db.engine.begin() as conn:
        for row in rows:
            fields = {**row, "at": row["at"].isoformat()}
            mac = entry_mac(forged_key, mac, [fields[f] for f in MAC_FIELDS])
            conn.execute(text("UPDATE audit_entries SET mac = :m WHERE seq = :s"), {"m": mac, "s": row["seq"]})
        conn.execute(text("UPDATE audit_head SET mac = :m"), {"m": mac})
    report = ctx.audit.verify()
    assert (report.first_broken, report.problem) == (1, "audit.entry_altered")


def test_settled_rows_refuse_direct_sql_and_a_bypass_is_found_by_the_seal(ctx: AppContext) -> None:
    order_id = _settled(ctx)
    with pytest.raises(Exception, match="immutable"):
        _sql(ctx, "UPDATE work_orders SET due_fen = 1 WHERE id = :i", i=order_id)
    with pytest.raises(Exception, match="immutable"):
        _sql(ctx, "DELETE FROM part_lines WHERE work_order_id = :i", i=order_id)
    with pytest.raises(Exception, match="immutable"):
        _sql(ctx, "DELETE FROM work_orders WHERE id = :i", i=order_id)
    assert ctx.audit.verify().ok
    # A line slipped in under the settled order cannot be refused (settlement itself inserts payments);
    # the seal catches it.
    _sql(ctx, "INSERT INTO fee_lines (work_order_id, seq, name, amount_fen) VALUES (:i, 9, '外加', 100)", i=order_id)
    report = ctx.audit.verify()
    assert not report.ok and [(e, i) for _s, e, i in report.seal_problems] == [("work_orders", str(order_id))]


def test_dropping_the_triggers_does_not_hide_an_edit(ctx: AppContext) -> None:
    order_id = _settled(ctx)
    for statement in immutability.drop_statements(ctx.db.engine.dialect.name):
        _sql(ctx, statement)
    _sql(ctx, "UPDATE work_orders SET due_fen = 1 WHERE id = :i", i=order_id)
    report = ctx.audit.verify()
    assert [(e, i) for _s, e, i in report.seal_problems] == [("work_orders", str(order_id))]


def test_marking_a_revision_superseded_is_the_one_allowed_change(ctx: AppContext) -> None:
    order_id = _settled(ctx)
    correction = ctx.settlement.start_correction(order_id)
    settle_in_full(ctx, correction)
    with ctx.db.read() as s:
        assert s.get(WorkOrder, order_id).superseded is True  # type: ignore[union-attr]
    with pytest.raises(Exception, match="immutable"):
        _sql(ctx, "UPDATE work_orders SET superseded = :f WHERE id = :i", f=False, i=order_id)
    assert ctx.audit.verify().ok


def test_the_trigger_column_list_matches_the_model() -> None:
    assert [c.name for c in WorkOrder.__table__.columns] == immutability.WORK_ORDER_COLUMNS


def test_a_refused_edit_from_code_is_a_translated_message_and_nothing_changes(ctx: AppContext) -> None:
    order_id = _settled(ctx)
    with pytest.raises(DomainError) as err, writing(ctx.db) as s:
        s.get(WorkOrder, order_id).due_fen = 1  # type: ignore[union-attr]
    assert err.value.code == "storage.immutable"
    assert "更正" in render_error(err.value)
    assert ctx.audit.verify().ok


def test_concurrent_writers_keep_one_chain(ctx: AppContext, tmp_path: Path) -> None:
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for i in range(15):
                ctx.staff.add(f"并发{n}-{i}", "technician")
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    report = ctx.audit.verify()
    assert report.ok and report.entries == ctx.audit.head_seq() >= 60


def test_a_pc_without_the_key_starts_a_new_segment_and_says_what_it_cannot_check(ctx: AppContext) -> None:
    _ctx_with_entries(ctx, 3)
    first_segment = ctx.audit.head_seq()
    other_keys = AuditKeys(CredentialStore(MemoryKeyring(), service="Banshou audit"), ctx.data_dir.root / "nokeys")
    other = open_context(ctx.data_dir, ctx.clock, database_url=ctx.db.url, keys=other_keys)
    try:
        other.staff.add("新电脑", "technician")
        report = other.audit.verify()
        assert report.first_broken is None and not report.ok
        assert report.unverifiable == [(1, first_segment, report.unverifiable[0][2])]
        # The owner carries the key over; then everything verifies on that PC too.
        key_id = report.unverifiable[0][2]
        other_keys.import_text(ctx.keys.export_text(key_id))
        assert other.audit.verify().ok
        assert ctx.audit.verify().unverifiable  # and the first PC lacks the second segment's key
    finally:
        other.close()


def test_key_export_text_is_refused_when_malformed(ctx: AppContext) -> None:
    with pytest.raises(DomainError) as err:
        ctx.keys.import_text("not a key")
    assert err.value.code == "audit.key_invalid"
