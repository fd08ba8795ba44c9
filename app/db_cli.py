"""The ``banshou db`` commands: which database this data folder uses, moving to PostgreSQL, upgrading it.

- ``db use postgresql://user@host[:port]/dbname --password-stdin`` — test, then save (password → keyring);
- ``db use sqlite`` — back to the folder's own SQLite file;
- ``db show`` — what the folder uses and where its schema stands;
- ``db migrate-from-sqlite FILE [--to postgresql://…] [--password-stdin]`` — copy, verify, then switch;
- ``db upgrade [--yes]`` — the owner's confirmation to upgrade a shared database's schema.

Kept out of :mod:`app.cli` (which only registers them), like :mod:`app.ehr.cli_sync`.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from app.dbconfig import DatabaseChoice, DatabasePasswords, load_choice, parse_choice, save_choice
from app.domain.errors import DomainError
from app.i18n import render, render_error
from app.paths import DataDir


def add_parsers(sub: Any) -> None:
    db = sub.add_parser("db", help="本数据文件夹使用的数据库（SQLite 或 PostgreSQL）").add_subparsers(
        dest="db_command", required=True)  # fmt: skip
    use = db.add_parser("use", help="改用 PostgreSQL（postgresql://用户名@服务器:端口/数据库名）或 sqlite；先测试连接再保存")
    use.add_argument("target", help="postgresql://用户名@服务器:端口/数据库名，或 sqlite")
    use.add_argument("--password-stdin", action="store_true", help="从标准输入读取数据库密码（存入系统密码库）")
    db.add_parser("show", help="显示本数据文件夹使用的数据库及其结构版本")
    move = db.add_parser("migrate-from-sqlite", help="把 SQLite 数据库复制到空的 PostgreSQL 数据库，核对后改用它")
    move.add_argument("file", help="SQLite 数据库文件（只读打开，不会改动）")
    move.add_argument("--to", default=None, help="目标 postgresql://用户名@服务器:端口/数据库名（默认：本文件夹已选的）")
    move.add_argument("--password-stdin", action="store_true", help="从标准输入读取目标数据库密码")
    upgrade = db.add_parser("upgrade", help="店主确认后，把共用数据库升级到本机扳手的结构")
    upgrade.add_argument("--yes", action="store_true", help="不再询问（店主已确认）")


def run(args: argparse.Namespace, data_dir: DataDir) -> int:
    command = args.db_command
    if command == "use":
        return _use(args, data_dir)
    if command == "show":
        return _show(data_dir)
    if command == "migrate-from-sqlite":
        return _migrate_from_sqlite(args, data_dir)
    return _upgrade(args, data_dir)


def _password(args: argparse.Namespace) -> str | None:
    return sys.stdin.readline().rstrip("\r\n") if args.password_stdin else None


def _use(args: argparse.Namespace, data_dir: DataDir) -> int:
    from app.dbsetup import behind_note, use_postgres, use_sqlite

    choice = parse_choice(args.target)
    if not choice.is_postgres:
        use_sqlite(data_dir)
        print(render("db.saved", {"where": choice.display(data_dir), "password": ""}))
        return 0
    result = use_postgres(data_dir, choice, _password(args))
    saved = render("db.password_saved") if result.password_saved else ""
    print(render("db.saved", {"where": choice.display(data_dir), "password": saved}))
    note = behind_note(result.state)
    if note is not None:
        print(render_error(note))
    return 0


def _show(data_dir: DataDir) -> int:
    from app.dbsetup import describe
    from localdb.migrate import head_revision

    choice, state, problem = describe(data_dir)
    where = choice.display(data_dir)
    if problem is not None:
        print(render("db.show_unreachable", {"where": where, "reason": render_error(problem)}))
        return 1
    revision = (state.current if state else None) or "—"
    print(render("db.show", {"where": where, "revision": revision, "head": head_revision()}))
    return 0


def _migrate_from_sqlite(args: argparse.Namespace, data_dir: DataDir) -> int:
    from pathlib import Path

    from app.dbcopy import copy_sqlite_to_postgres

    target = parse_choice(args.to) if args.to else load_choice(data_dir)
    if not target.is_postgres:
        raise DomainError("db.migrate_needs_postgres", "to")
    passwords = DatabasePasswords()
    password = _password(args)
    secret = password or passwords.require(target)
    report = copy_sqlite_to_postgres(Path(args.file).expanduser().resolve(), _url(target, secret))
    for table in report.tables:
        print(render("db.copied_table", {"table": table.name, "rows": f"{table.rows:,}"}))
    if password:
        passwords.save(target, password)
    save_choice(data_dir, target)
    print(render("db.copied", {"source": str(report.source), "tables": len(report.tables), "rows": f"{report.rows:,}",
                               "target": target.display(data_dir), "copy": f"{report.copy_s:.0f}",
                               "verify": f"{report.verify_s:.0f}"}))  # fmt: skip
    return 0


def _url(choice: DatabaseChoice, password: str) -> str:
    return choice.url(password).render_as_string(hide_password=False)


def _upgrade(args: argparse.Namespace, data_dir: DataDir) -> int:
    from app.context import open_context
    from app.schema_guard import SchemaState
    from localdb.migrate import head_revision

    def confirm(state: SchemaState) -> bool:
        if args.yes:
            return True
        from app import __version__

        question = render("db.upgrade_question", {"current": state.current, "head": state.head, "client": __version__})
        print(question, end="", flush=True)
        return sys.stdin.readline().strip().lower() in ("y", "yes", "是")

    ctx = open_context(data_dir, confirm_migration=confirm)
    ctx.close()
    print(render("db.upgraded", {"head": head_revision()}))
    return 0


__all__ = ["add_parsers", "run"]
