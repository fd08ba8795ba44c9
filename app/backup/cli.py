"""``banshou backup``, ``banshou backup list|verify|configure`` and ``banshou restore FILE``.

Kept out of :mod:`app.cli`, which only registers the parsers and calls :func:`run`. Commands that change
something (making a backup, restoring, choosing the second folder) go through ``ctx.backups`` on a
context opened by ``open_ctx`` — the one seam where the command line's login (``--user … --password-stdin``)
wraps the opening. ``list`` and ``verify`` change nothing and do not open the database at all, so they
also work when it is damaged. A restore over a database too damaged to open cannot check anyone's
permission; it goes ahead only in that case (:func:`app.backup.restore.restore_damaged`).

Passphrases are read from standard input only, never from an argument (it would stay in the shell history).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.backup.model import BackupResult
from app.backup.restore import restore_damaged
from app.backup.second_folder import KEYRING_SERVICE, SecondFolderSettings
from app.backup.service import check_database, list_backups
from app.backup.verify import verify_file
from app.domain.clock import SHOP_TZ, SystemClock, to_local
from app.i18n import render
from app.paths import DataDir
from app.security.credentials import CredentialStore

COMMANDS = ("backup", "restore")

OpenContext = Callable[[DataDir], Any]


def add_parsers(sub: Any) -> None:
    backup = sub.add_parser("backup", help="备份数据库（校验、轮换；已设置第二备份位置时另存加密副本）")
    backup.add_argument("--to", metavar="DIR", help="这次把加密副本写入此文件夹（如 U 盘），而不是已设置的第二备份位置")
    backup.add_argument("--passphrase-stdin", dest="to_passphrase_stdin", action="store_true",
                        help="--to 的备份密码从标准输入读取（默认用已设置的密钥）")  # fmt: skip
    commands = backup.add_subparsers(dest="backup_command")
    commands.add_parser("list", help="列出本机和第二备份位置中的备份")
    verify = commands.add_parser("verify", help="校验一个备份文件（不做任何改动）")
    verify.add_argument("file")
    verify.add_argument("--passphrase-stdin", action="store_true", help="加密备份的密码从标准输入读取")
    conf = commands.add_parser("configure", help="设置第二备份位置（加密）")
    where = conf.add_mutually_exclusive_group(required=True)
    where.add_argument("--second-folder", metavar="DIR", help="第二备份位置（U 盘、网络共享）")
    where.add_argument("--off", action="store_true", help="不再使用第二备份位置")
    conf.add_argument("--passphrase-stdin", action="store_true", help="新的备份密码从标准输入读取")
    restore = sub.add_parser("restore", help="从备份恢复数据库（先校验；原数据库保留在数据文件夹中）")
    restore.add_argument("file")
    restore.add_argument("--passphrase-stdin", action="store_true", help="加密备份的密码从标准输入读取")


def run(args: argparse.Namespace, data_dir: DataDir, open_ctx: OpenContext | None = None) -> int:
    """Run one backup command; ``open_ctx`` opens the data folder (default :func:`app.context.open_context`)."""
    if open_ctx is None:
        from app.context import open_context

        open_ctx = open_context
    if args.command == "restore":
        return _restore(args, data_dir, open_ctx)
    if args.backup_command == "list":
        return _list(data_dir)
    if args.backup_command == "verify":
        return _verify(args, data_dir)
    ctx = open_ctx(data_dir)
    try:
        if args.backup_command == "configure":
            return _configure(ctx, args)
        passphrase = _passphrase(args.to_passphrase_stdin)
        to = Path(args.to).expanduser().resolve() if args.to else None
        return _print_result(ctx.backups.run("manual", to=to, passphrase=passphrase))
    finally:
        ctx.close()


def _passphrase(from_stdin: bool) -> str | None:
    return sys.stdin.readline().rstrip("\r\n") if from_stdin else None


def _second(data_dir: DataDir) -> SecondFolderSettings:
    return SecondFolderSettings(data_dir.root, CredentialStore(service=KEYRING_SERVICE))


def _print_result(result: BackupResult) -> int:
    if not result.verified:
        print(render(result.problem or "backup.integrity", result.problem_params), file=sys.stderr)
        return 1
    print(render("backup.cli.made", {"path": str(result.path), "size": result.size_bytes,
                                     "tables": len(result.counts), "rows": sum(result.counts.values())}))  # fmt: skip
    if result.second_copy:
        print(render("backup.cli.second", {"path": str(result.second_copy)}))
    if result.second_copy_error:
        print(result.second_copy_error, file=sys.stderr)
        return 1
    return 0


def _list(data_dir: DataDir) -> int:
    backups = list_backups(data_dir, _second(data_dir))
    if not backups:
        print(render("backup.cli.none"))
    for b in backups:
        state = {True: "ok", False: "FAILED", None: "-"}[b.verified]
        when = to_local(b.made_at, SHOP_TZ).strftime("%Y-%m-%d %H:%M:%S")
        print(f"{when}  {b.kind:<13} {b.location:<6} {b.size:>12}  {state:<6} {b.path}")
    return 0


def _verify(args: argparse.Namespace, data_dir: DataDir) -> int:
    second = _second(data_dir)
    result = verify_file(Path(args.file).expanduser(), data_dir.backups, _passphrase(args.passphrase_stdin),
                         second.current_key())  # fmt: skip
    print(result.message(), file=sys.stdout if result.ok else sys.stderr)
    return 0 if result.ok else 1


def _configure(ctx: Any, args: argparse.Namespace) -> int:
    if args.off:
        ctx.backups.set_second_folder(None, None)
        print(render("backup.cli.second_off"))
        return 0
    ctx.backups.set_second_folder(Path(args.second_folder), _passphrase(args.passphrase_stdin))
    print(render("backup.cli.second_set", {"folder": str(ctx.backups.second_folder())}))
    return 0


def _restore(args: argparse.Namespace, data_dir: DataDir, open_ctx: OpenContext) -> int:
    source = Path(args.file).expanduser().resolve()
    if check_database(data_dir).ok:
        ctx = open_ctx(data_dir)  # a login wrapped around the opener reads its password line first
        try:
            result = ctx.backups.restore(source, _passphrase(args.passphrase_stdin))
        finally:
            ctx.close()
    else:
        print(render("backup.cli.rescue"), file=sys.stderr)
        now = to_local(SystemClock().now(), SHOP_TZ)
        passphrase = _passphrase(args.passphrase_stdin)
        result = restore_damaged(data_dir, source, passphrase, _second(data_dir).current_key(), now)
    print(render("backup.cli.restored", {"path": str(result.restored_from), "aside": str(result.kept_aside or "-"),
                                         "pre": str(result.pre_restore_backup or "-")}))  # fmt: skip
    return 0


__all__ = ["COMMANDS", "add_parsers", "run"]
