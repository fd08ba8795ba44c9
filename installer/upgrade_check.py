"""Upgrade over an older install keeps the data — checked against the built bundle (``ci_bundle.sh``).

    .venv/bin/python installer/upgrade_check.py prepare DIR   # an "older version's" data folder
    dist/banshou/banshou --data-dir DIR shop show              # the new bundle opens it
    .venv/bin/python installer/upgrade_check.py verify DIR    # backed up, migrated, data intact

Why this way: the previous release's database is the current schema minus the newest migration, so
``prepare`` writes a shop through the real services at head and then runs Alembic one step down. The
bundle's first start must then back the file up (``backups/``) and migrate it to head
(``app/context.open_context`` → ``localdb.migrate.upgrade_to_head``), as a shop's PC does after the
installer replaced the program files. Runs from the source tree, so it needs the project venv.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from alembic import command

from app.context import open_context
from app.domain.shopid import uscc_check_char
from app.paths import DataDir
from app.services.dto import ShopInfo
from localdb.engine import Database
from localdb.migrate import alembic_config, current_revision, head_revision

SHOP_NAME = "升级检查汽车维修有限公司"


def prepare(folder: Path) -> int:
    ctx = open_context(DataDir(folder))
    credit17 = "91310115MA1K4ABC1"
    ctx.shop.configure(
        ShopInfo(name=SHOP_NAME, credit_code=credit17 + uscc_check_char(credit17), address="上海市", phone="021-1",
                 company_code="310115000000001", list_prefix="UP", contact="王", home_province="沪",
                 labour_rate_fen=10000)
    )  # fmt: skip
    cfg = alembic_config(str(ctx.db.engine.url))
    with ctx.db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "-1")
    revision = current_revision(ctx.db.engine)
    ctx.close()
    print(f"prepared {folder}: schema {revision} (head is {head_revision()}), shop {SHOP_NAME}")
    return 0


def verify(folder: Path) -> int:
    data = DataDir(folder)
    backups = sorted(data.backups.glob("*.db"))
    db = Database.for_file(data.database)
    try:
        revision = current_revision(db.engine)
    finally:
        db.dispose()
    ctx = open_context(data)
    try:
        shop = ctx.shop.get()
    finally:
        ctx.close()
    problems = []
    if revision != head_revision():
        problems.append(f"schema {revision}, expected {head_revision()}")
    if not backups:
        problems.append("no backup made before the upgrade")
    if shop is None or shop.name != SHOP_NAME:
        problems.append("the shop's data did not survive")
    if problems:
        print("upgrade check FAILED: " + "; ".join(problems))
        return 1
    print(f"upgrade check OK: migrated to {revision}, backup {backups[-1].name}, shop {shop.name} kept")
    return 0


if __name__ == "__main__":
    mode, target = sys.argv[1], Path(sys.argv[2])
    raise SystemExit(prepare(target) if mode == "prepare" else verify(target))
