"""The audit trail: every change and security event, chained with an HMAC (``事中留痕、事后追溯``).

How changes get recorded without every service remembering to: :meth:`AuditTrail.install` listens to the
write sessions of the database. After each flush it notes what the ORM inserted, updated (changed
columns, before and after) and deleted; just before the transaction commits it appends those notes to
the chain, in the same transaction, so a change and its record commit or roll back together. Services
name what a change *means* (``settle``, ``correct``, ``cancel``, ``reverse``) with
``writing(db, action=…)``;
events that change no row (login, failed login, permission denied, export, backup, restore) go through
:meth:`AuditTrail.record`.

The chain: entry *n*'s MAC is HMAC-SHA256(key, MAC of *n−1* ‖ canonical text of *n*). The key is in the
OS keyring (:mod:`app.security.audit_keys`), so someone holding only the database cannot rebuild a valid
chain after editing, deleting, inserting or reordering entries. The head row (:class:`AuditHead`) holds
the newest MAC and is updated in every audited transaction: writers queue on it, so even several PCs
produce one chain. Each PC also keeps a high-water mark (sequence and MAC) in its config folder, so
cutting entries off the end is noticed too.

Seals: when a work order becomes settled, or a waste-ledger row is written, the entry carries a SHA-256
of the row's content (with its lines and payments). Verification re-hashes those rows, so an edit that
slipped past the database triggers (:mod:`localdb.immutability`) is still found.

Not recorded: the outbox's and counters' bookkeeping and the dashboard's cache (machine state that is
rebuilt or re-sent, not a person's change), and password hashes (only the fact that one changed).
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
import json
import logging
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import event, func, insert, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import get_history

from app.domain.clock import Clock, to_local
from app.security.audit_keys import AuditKeys
from app.security.guard import Guard
from app.security.permissions import Actor, Perm
from app.services.storage import AUDIT_ACTION, reading, writing
from localdb import models as m
from localdb.audit_models import AuditEntry, AuditHead
from localdb.base import Base
from localdb.engine import Database
from localdb.waste_models import WasteEntry

log = logging.getLogger(__name__)

NOT_AUDITED = frozenset({
    "audit_entries", "audit_head", "outbox", "settlement_counters", "waste_batch_counters", "dashboard_months",
})
HIDDEN_COLUMNS = frozenset({"password_hash", "recovery_hash"})
HIDDEN = "（已隐藏）"
PENDING = "audit_pending"
ACTION = AUDIT_ACTION
ANCHOR = "audit_anchor"
# The high-water mark is a file write (a rename: ~1.5 ms); written at most this often, and on close. A
# mark that lags by a few seconds only narrows the check for cut-off entries, it never raises a false alarm.
ANCHOR_INTERVAL_S = 2.0

# Sealed content: the row itself and, for work orders, every child row. ``superseded`` is left out because
# settling a correction legitimately sets it on the revision it replaces.
ORDER_CHILDREN = (m.LabourLine, m.PartLine, m.FeeLine, m.Payment, m.ConfirmedWarning)
SEAL_EXCLUDED = {"work_orders": frozenset({"superseded"})}


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes):
        return value.hex()
    return str(value)


def canonical(value: Any) -> str:
    """One spelling for the same content, so a MAC or a seal computed twice agrees."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=_jsonable)


def _shown(column: str, value: Any) -> Any:
    return HIDDEN if column in HIDDEN_COLUMNS and value is not None else value


def _primary_key(obj: Base) -> str:
    identity = Session.object_session(obj).identity_key(instance=obj)[1]  # type: ignore[union-attr]
    return ",".join(str(v) for v in identity)


def _columns(obj: Base) -> list[str]:
    return [c.key for c in obj.__mapper__.column_attrs]


def _changes(obj: Base) -> tuple[dict[str, Any], dict[str, Any]]:
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for key in _columns(obj):
        hist = get_history(obj, key)
        if hist.has_changes() and hist.deleted != hist.added:
            before[key] = _shown(key, hist.deleted[0] if hist.deleted else None)
            after[key] = _shown(key, hist.added[0] if hist.added else None)
    return before, after


def _values(obj: Base) -> dict[str, Any]:
    return {k: _shown(k, getattr(obj, k)) for k in _columns(obj)}


@dataclass
class _Note:
    action: str
    entity: str
    entity_id: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    actor: Actor | None
    seal_of: tuple[str, int] | None = None


MAC_FIELDS = ("seq", "at", "actor_id", "actor_name", "action", "entity", "entity_id", "before", "after", "seal",
              "key_id")


def entry_mac(key: bytes, previous_mac: str, fields: Sequence[Any]) -> str:
    """The MAC of one entry over the previous MAC and ``fields`` (in :data:`MAC_FIELDS` order, ``at`` as
    the ISO text of the UTC time). The fields are strings, integers and None, whose ``repr`` is
    unambiguous (quotes escaped) and stable, so no two entries encode alike; it is several times cheaper
    than JSON, which matters when a million entries are verified."""
    text = repr(tuple(fields))
    return hmac.new(key, (previous_mac + "\n" + text).encode("utf-8"), hashlib.sha256).hexdigest()


def seal_of(s: Session, table: str, row_id: int) -> str:
    """SHA-256 of a sealed row's current content (a work order with its child rows, or a ledger row)."""
    return _seals(s, table, [row_id]).get(row_id, "")


def _seals(s: Session, table: str, ids: list[int]) -> dict[int, str]:
    model = {"work_orders": m.WorkOrder, "waste_entries": WasteEntry}[table]
    cols = model.__table__.c
    excluded = SEAL_EXCLUDED.get(table, frozenset())
    content: dict[int, dict[str, Any]] = {}
    for row in s.execute(select(model.__table__).where(cols.id.in_(ids))).mappings():
        content[row["id"]] = {"row": {k: v for k, v in row.items() if k not in excluded}}
    if model is m.WorkOrder:
        for child in ORDER_CHILDREN:
            t = child.__table__
            for row in s.execute(select(t).where(t.c.work_order_id.in_(ids)).order_by(t.c.id)).mappings():
                content[row["work_order_id"]].setdefault(t.name, []).append(dict(row))
    return {i: hashlib.sha256(canonical(c).encode("utf-8")).hexdigest() for i, c in content.items()}


@dataclass(frozen=True)
class AuditRow:
    seq: int
    at: datetime
    actor_name: str
    action: str
    entity: str
    entity_id: str
    before: str
    after: str


@dataclass(frozen=True)
class AuditFilter:
    actor: str = ""
    action: str = ""
    entity: str = ""
    since: datetime | None = None
    until: datetime | None = None


@dataclass
class VerifyReport:
    """What verification found. ``ok`` only when every entry and seal checked out and none was skipped."""

    entries: int = 0
    first_broken: int | None = None
    problem: str = ""  # a message code, e.g. audit.entry_altered
    params: dict[str, Any] = field(default_factory=dict)
    unverifiable: list[tuple[int, int, str]] = field(default_factory=list)  # (first seq, last seq, key id)
    seals_checked: int = 0
    seal_problems: list[tuple[int, str, str]] = field(default_factory=list)  # (seq, entity, entity id)

    @property
    def ok(self) -> bool:
        return self.first_broken is None and not self.seal_problems and not self.unverifiable and not self.problem


class AuditTrail:
    def __init__(self, db: Database, keys: AuditKeys, clock: Clock, guard: Guard, anchor_dir: Path) -> None:
        self._db = db
        self._keys = keys
        self._clock = clock
        self._guard = guard
        self._anchor_dir = anchor_dir
        self._pending_anchor: tuple[str, int, str] | None = None
        self._anchor_written_at = -ANCHOR_INTERVAL_S

    # ---- recording -------------------------------------------------------------------------------------

    def install(self) -> None:
        """Listen to the database's write sessions (idempotent per Database)."""
        sessions = self._db.writer_sessions
        if getattr(sessions, "_banshou_audited", False):
            return
        event.listen(sessions, "after_flush", self._after_flush)
        event.listen(sessions, "before_commit", self._before_commit)
        event.listen(sessions, "after_commit", self._after_commit)
        event.listen(sessions, "after_rollback", self._after_rollback)
        sessions._banshou_audited = True  # type: ignore[attr-defined]

    def uninstall(self) -> None:
        """Stop listening (the benchmark measures the same writes with and without the trail)."""
        sessions = self._db.writer_sessions
        if not getattr(sessions, "_banshou_audited", False):
            return
        event.remove(sessions, "after_flush", self._after_flush)
        event.remove(sessions, "before_commit", self._before_commit)
        event.remove(sessions, "after_commit", self._after_commit)
        event.remove(sessions, "after_rollback", self._after_rollback)
        sessions._banshou_audited = False  # type: ignore[attr-defined]

    def _after_flush(self, session: Session, _ctx: Any) -> None:
        label = session.info.get(ACTION)
        actor = self._guard.current()
        notes: list[_Note] = session.info.setdefault(PENDING, [])
        for obj in session.new:
            table = obj.__table__.name
            if table in NOT_AUDITED:
                continue
            seal = (table, obj.id) if _seals_on_insert(table, obj) else None
            notes.append(_Note(label or "create", table, _primary_key(obj), None, _values(obj), actor, seal))
        for obj in session.dirty:
            table = obj.__table__.name
            if table in NOT_AUDITED or not session.is_modified(obj, include_collections=False):
                continue
            before, after = _changes(obj)
            if not after:
                continue
            seal = (table, obj.id) if table == "work_orders" and after.get("state") == "settled" else None
            notes.append(_Note(label or "update", table, _primary_key(obj), before, after, actor, seal))
        for obj in session.deleted:
            table = obj.__table__.name
            if table not in NOT_AUDITED:
                notes.append(_Note(label or "delete", table, _primary_key(obj), _values(obj), None, actor))

    def _before_commit(self, session: Session) -> None:
        session.flush()  # changes still in the session produce their notes now, not after we write
        notes: list[_Note] = session.info.pop(PENDING, [])
        if notes:
            session.info[ANCHOR] = self._append(session, notes)

    def _after_commit(self, session: Session) -> None:
        anchor = session.info.pop(ANCHOR, None)
        session.info.pop(ACTION, None)
        if anchor is not None:
            self._pending_anchor = anchor
            if time.monotonic() - self._anchor_written_at >= ANCHOR_INTERVAL_S:
                self.flush_anchor()

    def flush_anchor(self) -> None:
        """Write this PC's high-water mark now (also when the context closes)."""
        anchor, self._pending_anchor = self._pending_anchor, None
        if anchor is not None:
            self._write_anchor(*anchor)
            self._anchor_written_at = time.monotonic()

    def _after_rollback(self, session: Session) -> None:
        for key in (PENDING, ANCHOR, ACTION):
            session.info.pop(key, None)

    def _append(self, s: Session, notes: list[_Note]) -> tuple[str, int, str]:
        head_t = AuditHead.__table__
        head = s.execute(select(head_t).where(head_t.c.id == 1).with_for_update()).mappings().one()
        seq, mac, key_id = head["seq"], head["mac"], head["key_id"]
        key = self._keys.get(key_id) if key_id else None
        now = self._clock.now()
        rows: list[dict[str, Any]] = []
        if key is None:
            new_id, key = self._keys.create()
            notes = [_Note("audit.key_started", "audit", new_id, None, {"previous_key": key_id}, None), *notes]
            key_id = new_id
        seal_ids: dict[str, list[int]] = {}
        for note in notes:
            if note.seal_of:
                seal_ids.setdefault(note.seal_of[0], []).append(note.seal_of[1])
        seals = {(t, i): h for t, ids in seal_ids.items() for i, h in _seals(s, t, ids).items()}
        for note in notes:
            seq += 1
            actor = note.actor
            row = {
                "seq": seq, "at": now.isoformat(), "actor_id": actor.staff_id if actor else None,
                "actor_name": actor.name if actor else ("系统" if note.action == "audit.key_started" else "（未登录）"),
                "action": note.action[:40], "entity": note.entity[:40], "entity_id": note.entity_id[:64],
                "before": canonical(note.before) if note.before is not None else "",
                "after": canonical(note.after) if note.after is not None else "",
                "seal": seals.get(note.seal_of, "") if note.seal_of else "", "key_id": key_id,
            }
            mac = entry_mac(key, mac, [row[f] for f in MAC_FIELDS])
            rows.append({**row, "at": now, "mac": mac})
        s.execute(insert(AuditEntry.__table__), rows)
        s.execute(update(head_t).where(head_t.c.id == 1).values(seq=seq, mac=mac, key_id=key_id))
        return head["chain_id"], seq, mac

    def record(self, action: str, entity: str = "", entity_id: str = "", detail: dict[str, Any] | None = None,
               actor: Actor | None = None) -> None:
        """An event that changes no business row (login, export, backup …), in its own transaction."""
        who = actor if actor is not None else self._guard.current()
        with writing(self._db) as s:
            s.info.setdefault(PENDING, []).append(_Note(action, entity, entity_id, None, detail or {}, who))

    def record_denied(self, actor: Actor | None, perm: Perm) -> None:
        """Guard hook: a refused call is recorded; failing to record it must not hide the refusal."""
        try:
            self.record("permission_denied", "permission", perm.value,
                        {"role": actor.role if actor else ""}, actor=actor)
        except Exception:  # the refusal itself is raised by the guard either way
            log.exception("could not record a permission refusal")

    # ---- anchor ----------------------------------------------------------------------------------------

    def _anchor_path(self, chain_id: str) -> Path:
        return self._anchor_dir / f"{chain_id}.json"

    def _write_anchor(self, chain_id: str, seq: int, mac: str) -> None:
        """Best effort: a lost anchor only weakens the check for cut-off tail entries on this PC."""
        try:
            self._anchor_dir.mkdir(parents=True, exist_ok=True)
            path = self._anchor_path(chain_id)
            tmp = path.with_suffix(".tmp")
            tmp.write_text(json.dumps({"seq": seq, "mac": mac}), encoding="ascii")
            tmp.replace(path)
        except OSError:
            log.warning("could not write the audit high-water mark")

    def _read_anchor(self, chain_id: str) -> tuple[int, str] | None:
        try:
            data = json.loads(self._anchor_path(chain_id).read_text(encoding="ascii"))
            return int(data["seq"]), str(data["mac"])
        except (OSError, ValueError, KeyError):
            return None

    def reset_anchor(self) -> None:
        """After a restore the chain legitimately ends earlier: take its current end as this PC's mark."""
        self._pending_anchor = None
        with reading(self._db) as s:
            head = s.execute(select(AuditHead.__table__)).mappings().one()
        self._write_anchor(head["chain_id"], head["seq"], head["mac"])

    # ---- reading ---------------------------------------------------------------------------------------

    def entries(self, flt: AuditFilter | None = None, before_seq: int | None = None,
                limit: int = 200) -> list[AuditRow]:
        """Newest first, one page; ``before_seq`` continues after the last row of the previous page."""
        self._guard.require(Perm.AUDIT)
        with reading(self._db) as s:
            return [_to_row(e) for e in s.scalars(_filtered(flt or AuditFilter(), before_seq).limit(limit))]

    def export_csv(self, flt: AuditFilter | None = None) -> bytes:
        """The filtered trail as UTF-8 CSV (with BOM, for Excel); the export itself is recorded."""
        flt = flt or AuditFilter()
        self._guard.require(Perm.AUDIT)
        self._guard.require(Perm.EXPORT)
        out = io.StringIO()
        out.write("\ufeff")
        writer = csv.writer(out)
        writer.writerow(["序号", "时间", "操作人", "操作", "对象", "编号", "修改前", "修改后"])
        with reading(self._db) as s:
            for e in s.scalars(_filtered(flt, None).execution_options(yield_per=2000)):
                writer.writerow([e.seq, to_local(e.at).strftime("%Y-%m-%d %H:%M:%S"), e.actor_name, e.action,
                                 e.entity, e.entity_id, e.before, e.after])
        self.record("export", "audit_entries", "", {"filter": _filter_text(flt)})
        return out.getvalue().encode("utf-8")

    def verify(self, progress: Callable[[int], None] | None = None) -> VerifyReport:
        """Check every MAC in order, the head, this PC's high-water mark, and every seal."""
        self._guard.require(Perm.AUDIT)
        self.flush_anchor()
        report = VerifyReport()
        with reading(self._db) as s:
            head = s.execute(select(AuditHead.__table__)).mappings().one()
            last_mac = ""
            expected = 1
            for row in _stream_chain(s):
                seq, at, key_id, mac = row[0], row[1], row[10], row[11]
                report.entries += 1
                if progress and report.entries % 50_000 == 0:
                    progress(report.entries)
                if seq != expected:
                    report.first_broken = expected
                    report.problem, report.params = "audit.entry_missing", {"seq": expected}
                    return report
                key = self._keys.get(key_id)
                if key is None:
                    _note_unverifiable(report, seq, key_id)
                elif entry_mac(key, last_mac, (seq, at.isoformat(), *row[2:11])) != mac:
                    report.first_broken = seq
                    report.problem, report.params = "audit.entry_altered", {"seq": seq}
                    return report
                last_mac = mac
                expected += 1
            last_seq = expected - 1
            if head["seq"] != last_seq or head["mac"] != last_mac:
                report.first_broken = min(head["seq"], last_seq) + 1
                report.problem, report.params = "audit.tail_missing", {"seq": report.first_broken}
                return report
            anchor = self._read_anchor(head["chain_id"])
            if anchor is not None and not _anchor_holds(s, anchor, last_seq):
                report.first_broken = min(anchor[0], last_seq + 1)
                report.problem, report.params = "audit.tail_missing", {"seq": report.first_broken}
                return report
            self._verify_seals(s, report)
        return report

    def _verify_seals(self, s: Session, report: VerifyReport) -> None:
        sealed: dict[str, dict[int, tuple[int, str]]] = {}
        q = select(AuditEntry.seq, AuditEntry.entity, AuditEntry.entity_id, AuditEntry.seal).where(
            AuditEntry.seal != "").order_by(AuditEntry.seq)
        for seq, entity, entity_id, seal in s.execute(q):
            sealed.setdefault(entity, {})[int(entity_id)] = (seq, seal)
        for table, wanted in sealed.items():
            ids = sorted(wanted)
            for start in range(0, len(ids), 500):
                chunk = ids[start:start + 500]
                current = _seals(s, table, chunk)
                for row_id in chunk:
                    seq, seal = wanted[row_id]
                    report.seals_checked += 1
                    if current.get(row_id) != seal:
                        report.seal_problems.append((seq, table, str(row_id)))

    def export_key(self) -> str:
        """The current key as ``id:base64`` for the owner to carry to another PC; the export is recorded."""
        self._guard.require(Perm.AUDIT)
        with reading(self._db) as s:
            key_id = str(s.scalar(select(AuditHead.key_id)) or "")
        text = self._keys.export_text(key_id)
        self.record("audit.key_exported", "audit", key_id)
        return text

    def import_key(self, text: str) -> str:
        self._guard.require(Perm.AUDIT)
        key_id = self._keys.import_text(text)
        self.record("audit.key_imported", "audit", key_id)
        return key_id

    def head_seq(self) -> int:
        with reading(self._db) as s:
            return int(s.scalar(select(AuditHead.seq)) or 0)

    def count(self) -> int:
        with reading(self._db) as s:
            return int(s.scalar(select(func.count()).select_from(AuditEntry)) or 0)


def _seals_on_insert(table: str, obj: Any) -> bool:
    return table == "waste_entries" or (table == "work_orders" and obj.state == "settled")


def _note_unverifiable(report: VerifyReport, seq: int, key_id: str) -> None:
    if report.unverifiable and report.unverifiable[-1][2] == key_id and report.unverifiable[-1][1] == seq - 1:
        first, _, _ = report.unverifiable[-1]
        report.unverifiable[-1] = (first, seq, key_id)
    else:
        report.unverifiable.append((seq, seq, key_id))


def _anchor_holds(s: Session, anchor: tuple[int, str], last_seq: int) -> bool:
    seq, mac = anchor
    if seq == 0:
        return True
    return seq <= last_seq and s.scalar(select(AuditEntry.mac).where(AuditEntry.seq == seq)) == mac


def _stream_chain(s: Session) -> Iterator[Sequence[Any]]:
    """Entries in order as tuples: the :data:`MAC_FIELDS`, then the stored MAC."""
    t = AuditEntry.__table__
    columns = [t.c[name] for name in MAC_FIELDS] + [t.c.mac]
    yield from s.execute(select(*columns).order_by(t.c.seq).execution_options(yield_per=10_000))


def _filtered(flt: AuditFilter, before_seq: int | None) -> Any:
    q = select(AuditEntry).order_by(AuditEntry.seq.desc())
    if before_seq is not None:
        q = q.where(AuditEntry.seq < before_seq)
    if flt.actor:
        q = q.where(AuditEntry.actor_name.contains(flt.actor, autoescape=True))
    if flt.action:
        q = q.where(AuditEntry.action == flt.action)
    if flt.entity:
        q = q.where(AuditEntry.entity == flt.entity)
    if flt.since:
        q = q.where(AuditEntry.at >= flt.since)
    if flt.until:
        q = q.where(AuditEntry.at < flt.until)
    return q


def _filter_text(flt: AuditFilter) -> dict[str, str]:
    return {k: str(v) for k, v in vars(flt).items() if v}


def _to_row(e: AuditEntry) -> AuditRow:
    return AuditRow(e.seq, e.at, e.actor_name, e.action, e.entity, e.entity_id, e.before, e.after)
