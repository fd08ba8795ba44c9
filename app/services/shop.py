"""The shop's registered details (printed on every list; ``name`` and ``company_code`` go to the EHR)."""

from __future__ import annotations

from app.domain.clock import Clock
from app.domain.errors import DomainError
from app.domain.money import format_yuan
from app.domain.plate import PROVINCES
from app.domain.shopid import validate_credit_code, validate_prefix
from app.security.guard import Guard
from app.security.permissions import Perm
from app.services.dto import ShopInfo
from app.services.storage import reading, writing
from localdb.engine import Database
from localdb.models import Shop


def _to_info(row: Shop) -> ShopInfo:
    return ShopInfo(
        name=row.name,
        credit_code=row.credit_code,
        address=row.address,
        phone=row.phone,
        company_code=row.company_code,
        list_prefix=row.list_prefix,
        contact=row.contact,
        home_province=row.home_province,
        labour_rate_fen=row.labour_rate_fen,
    )


class ShopService:
    def __init__(self, db: Database, clock: Clock, guard: Guard) -> None:
        self._db = db
        self._clock = clock
        self._guard = guard

    def get(self) -> ShopInfo | None:
        """Open to everyone, logged in or not: these are the shop's public registered details (printed on
        every list, shown in the title and on the login screen), and printing needs them in every role."""
        with reading(self._db) as s:
            row = s.get(Shop, 1)
            return _to_info(row) if row else None

    def configure(self, info: ShopInfo) -> ShopInfo:
        """Validate and store the shop's details (first start, the settings page, or the CLI)."""
        self._guard.require(Perm.SETTINGS)
        name = info.name.strip()
        if not name:
            raise DomainError("input.required", "name", label="维修企业名称")
        # The columns' lengths: PostgreSQL refuses longer text, SQLite would keep it silently.
        for field, text, label, limit in (
            ("name", name, "维修企业名称", 100), ("address", info.address, "地址", 200), ("phone", info.phone, "电话", 40),
            ("contact", info.contact, "联系人", 40), ("company_code", info.company_code, "EHR 企业编码", 40),
        ):  # fmt: skip
            if len(text.strip()) > limit:
                raise DomainError("input.too_long", field, label=label, max=limit)
        credit = validate_credit_code(info.credit_code)
        prefix = validate_prefix(info.list_prefix)
        company_code = info.company_code.strip()
        if company_code and not company_code.isascii():
            raise DomainError("shop.company_code_invalid", "company_code")
        if info.home_province and info.home_province not in PROVINCES:
            raise DomainError("shop.province_invalid", "home_province", province=info.home_province)
        if info.labour_rate_fen < 0:
            raise DomainError("money.negative", "labour_rate", text=format_yuan(info.labour_rate_fen))
        with writing(self._db) as s:
            row = s.get(Shop, 1) or Shop(id=1)
            row.name = name
            row.credit_code = credit
            row.address = info.address.strip()
            row.phone = info.phone.strip()
            row.contact = info.contact.strip()
            row.company_code = company_code
            row.list_prefix = prefix
            row.home_province = info.home_province
            row.labour_rate_fen = info.labour_rate_fen
            row.updated_at = self._clock.now()
            s.add(row)
            s.flush()
            return _to_info(row)
