"""The ``banshou account …`` and ``banshou audit …`` commands (registered by :mod:`app.cli`).

Secrets come from standard input, one per line: first the logged-in owner's password (when ``--user`` is
given), then the command's own (a new password, a recovery code, an audit key) — see :mod:`app.cli_auth`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.cli_auth import StdinLines, cli_login
from app.domain.errors import DomainError
from app.security.permissions import Perm


def add_parsers(sub: Any) -> None:
    acc = sub.add_parser("account", help="账号（店主、前台、技师）").add_subparsers(dest="account_command", required=True)
    owner = acc.add_parser("create-owner", help="建立店主账号（数据文件夹的第一个账号；标准输入：新密码）")
    owner.add_argument("--name", required=True, help="姓名")
    owner.add_argument("--login", required=True, help="登录名")
    acc.add_parser("list", help="列出账号（需店主登录）")
    add = acc.add_parser("add", help="添加账号（需店主登录；标准输入：店主密码、新账号的临时密码）")
    add.add_argument("--name", required=True)
    add.add_argument("--login", required=True)
    add.add_argument("--role", required=True, choices=["owner", "frontdesk", "advisor", "technician"])
    for verb, text in (("disable", "停用账号"), ("enable", "启用账号"),
                       ("reset-password", "重置密码（标准输入：店主密码、临时密码）")):
        p = acc.add_parser(verb, help=text + "（需店主登录）")
        p.add_argument("login")
    rec = acc.add_parser("recover", help="用设置时打印的恢复码重设店主密码（标准输入：恢复码、新密码）")
    rec.add_argument("--login", required=True, help="店主登录名")

    audit = sub.add_parser("audit", help="审计日志（需店主登录）").add_subparsers(dest="audit_command", required=True)
    audit.add_parser("verify", help="校验审计日志链与已结算记录（退出码 0 = 完整，1 = 有问题）")
    exp = audit.add_parser("export", help="导出审计日志（CSV）")
    exp.add_argument("file")
    key = audit.add_parser("key", help="在电脑之间转移审计密钥").add_subparsers(dest="key_command", required=True)
    key.add_parser("export", help="显示本机当前的审计密钥（抄到另一台电脑）")
    key.add_parser("import", help="导入另一台电脑的审计密钥（标准输入：店主密码、密钥）")


def run(args: argparse.Namespace, data_dir: Any) -> int:
    from app.context import open_context

    ctx = open_context(data_dir)
    stdin = StdinLines()
    try:
        if args.command == "account":
            return _account(ctx, args, stdin)
        return _audit(ctx, args, stdin)
    finally:
        ctx.close()


def _account(ctx: Any, args: argparse.Namespace, stdin: StdinLines) -> int:
    cmd = args.account_command
    if cmd == "create-owner":
        setup = ctx.accounts.create_owner(args.name, args.login, stdin.next("新密码"))
        print(f"店主账号已建立：{setup.account.name}（{setup.account.username}）")
        print(f"恢复码（请抄写或打印后锁好，只显示这一次）：{setup.recovery_code}")
        return 0
    if cmd == "recover":
        code = ctx.accounts.recover_owner(args.login, stdin.next("恢复码"), stdin.next("新密码"))
        print(f"店主密码已重设。新的恢复码（旧的已作废）：{code}")
        return 0
    cli_login(ctx, args, Perm.USERS, stdin)
    if cmd == "list":
        for a in ctx.accounts.list():
            state = "启用" if a.active else "停用"
            print(f"{a.username}\t{a.name}\t{a.role}\t{state}")
        return 0
    if cmd == "add":
        account = ctx.accounts.add(args.name, args.login, args.role, stdin.next("新账号的临时密码"))
        print(f"已添加：{account.name}（{account.username}，{account.role}），首次登录时需修改密码")
        return 0
    target = _account_id(ctx, args.login)
    if cmd in ("disable", "enable"):
        ctx.accounts.set_active(target, cmd == "enable")
        print(("已启用：" if cmd == "enable" else "已停用：") + args.login)
        return 0
    ctx.accounts.reset_password(target, stdin.next("临时密码"))
    print(f"已重置 {args.login} 的密码，下次登录时需修改")
    return 0


def _account_id(ctx: Any, login: str) -> int:
    for account in ctx.accounts.list():
        if account.username == login:
            return int(account.staff_id)
    raise DomainError("input.not_found", None, what="账号", id=login)


def _audit(ctx: Any, args: argparse.Namespace, stdin: StdinLines) -> int:
    from app.i18n import render

    cli_login(ctx, args, Perm.AUDIT, stdin)
    if args.audit_command == "export":
        Path(args.file).write_bytes(ctx.audit.export_csv())
        print(f"已导出：{args.file}")
        return 0
    if args.audit_command == "key":
        if args.key_command == "export":
            print(ctx.audit.export_key())
            return 0
        print(f"已导入审计密钥 {ctx.audit.import_key(stdin.next('审计密钥'))}")
        return 0
    report = ctx.audit.verify(progress=lambda n: print(f"已校验 {n} 条…", file=sys.stderr))
    for first, last, key_id in report.unverifiable:
        print(render("audit.unverifiable", {"first": first, "last": last, "key_id": key_id}))
    for seq, entity, entity_id in report.seal_problems:
        print(render("audit.seal_broken", {"seq": seq, "entity": entity, "entity_id": entity_id}))
    if report.problem:
        print(render(report.problem, report.params))
    if report.ok:
        print(render("audit.ok", {"entries": report.entries, "seals": report.seals_checked}))
        return 0
    return 1
