"""Logging in on the command line: no bypass of accounts, roles or the audit trail.

Once a data folder has accounts, a command that changes business data or settings runs only under an
account that may do it: ``banshou --user NAME --password-stdin <command>``. The password is the first
line of standard input (never an argument: arguments show up in ``ps`` and shell history); a command's
own secrets (an EHR password, a new account's password) follow on the next lines. The login and
everything the command changes are recorded under that name.

Without credentials run only: ``sync`` (the system uploads), read-only commands, and the first setup of
an empty data folder (before any account exists and before any business data does). A folder that has
data but no accounts yet (upgraded from a version without accounts) must get its owner account first.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from app.domain.errors import DomainError
from app.security.permissions import Perm


def add_login_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--user", default=None, help="登录名（已建立账号的数据文件夹中，修改数据的命令需要）")
    parser.add_argument("--password-stdin", dest="login_stdin", action="store_true",
                        help="从标准输入第一行读取登录密码")


class StdinLines:
    """Secrets read from standard input one line at a time, in the order the command needs them."""

    def __init__(self) -> None:
        self._stream = sys.stdin

    def next(self, label: str) -> str:
        line = self._stream.readline()
        if not line:
            raise DomainError("cli.stdin_missing", None, what=label)
        return line.rstrip("\r\n")


def cli_login(ctx: Any, args: argparse.Namespace, perm: Perm, stdin: StdinLines) -> None:
    """Log the command in with ``perm``, or refuse; in first setup of an empty folder, run as setup."""
    if ctx.guard.in_setup():
        if ctx.accounts.has_business_data():
            raise DomainError("auth.cli_no_accounts", None)
        return
    if not args.user or not args.login_stdin:
        raise DomainError("auth.cli_credentials", None)
    ctx.accounts.login(args.user, stdin.next("登录密码"))
    ctx.guard.require(perm)
