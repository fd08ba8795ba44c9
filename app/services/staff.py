"""Staff are rows with a name and a role; work orders reference them by id so that later they can become
accounts and be rated. Staff are disabled, never deleted, so history keeps their names."""

from __future__ import annotations

from sqlalchemy import select

from app.domain.errors import DomainError
from app.domain.workorder import STAFF_ROLES
from app.security.guard import Guard
from app.security.permissions import Perm
from app.services.dto import StaffMember
from app.services.storage import reading, writing
from localdb.engine import Database
from localdb.models import Staff


def _to_member(row: Staff) -> StaffMember:
    return StaffMember(row.id, row.name, row.role, row.active)


class StaffService:
    def __init__(self, db: Database, guard: Guard) -> None:
        self._db = db
        self._guard = guard

    def list(self, role: str | None = None, include_inactive: bool = False) -> list[StaffMember]:
        """Names and roles only (who can be an order's advisor or a line's technician): whoever sees orders."""
        self._guard.require(Perm.VIEW_ORDERS)
        with reading(self._db) as s:
            q = select(Staff).order_by(Staff.name)
            if role:
                q = q.where(Staff.role == role)
            if not include_inactive:
                q = q.where(Staff.active.is_(True))
            return [_to_member(r) for r in s.scalars(q)]

    def add(self, name: str, role: str) -> StaffMember:
        self._guard.require(Perm.USERS)
        name = name.strip()
        if not name:
            raise DomainError("input.required", "name", label="姓名")
        if role not in STAFF_ROLES:
            raise DomainError("staff.role_invalid", "role", role=role)
        with writing(self._db) as s:
            row = Staff(name=name[:40], role=role, active=True)
            s.add(row)
            s.flush()
            return _to_member(row)

    def set_active(self, staff_id: int, active: bool) -> StaffMember:
        self._guard.require(Perm.USERS)
        with writing(self._db) as s:
            row = s.get(Staff, staff_id)
            if row is None:
                raise DomainError("input.not_found", None, what="员工", id=staff_id)
            row.active = active
            return _to_member(row)
