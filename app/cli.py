"""The ``banshou`` command: the window by default, and subcommands for headless work.

Subcommands only parse arguments and call services; the logic lives in ``app/``. Errors are printed as
translated sentences with exit code 2, never as tracebacks.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from app import __version__
from app.cli_accounts import add_parsers as add_account_parsers
from app.cli_auth import StdinLines, add_login_options, cli_login
from app.domain.errors import DomainError
from app.i18n import render_error, set_language
from app.paths import DataDir, resolve_data_dir
from app.security.permissions import Perm


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="banshou", description="扳手 Banshou — 汽车维修企业前台与电子健康档案上传")
    p.add_argument("--data-dir", help="数据文件夹（默认：用户数据目录；或环境变量 BANSHOU_DATA_DIR）")
    p.add_argument("--lang", choices=["zh_CN", "en"], default="zh_CN", help="命令行消息语言")
    p.add_argument("--version", action="version", version=f"banshou {__version__}")
    p.add_argument("--self-test", action="store_true", help="自检：临时数据文件夹、无显示器，逐项报告（安装包验收）")
    p.add_argument("--require-keyring", action="store_true", help="自检时缺少安全的密钥环视为失败（默认为警告）")
    add_login_options(p)
    sub = p.add_subparsers(dest="command")

    shop = sub.add_parser("shop", help="本店信息").add_subparsers(dest="shop_command", required=True)
    conf = shop.add_parser("configure", help="设置本店信息（与首次启动对话框相同）")
    conf.add_argument("--name", required=True, help="维修企业名称（与备案完全一致）")
    conf.add_argument("--credit-code", required=True, help="统一社会信用代码")
    conf.add_argument("--company-code", default="", help="电子健康档案企业编码 companycode")
    conf.add_argument("--prefix", required=True, help="结算清单编号前缀（英文字母/数字）")
    conf.add_argument("--address", default="")
    conf.add_argument("--phone", default="")
    conf.add_argument("--contact", default="")
    conf.add_argument("--province", default="", help="本地车牌省份简称，如 沪")
    conf.add_argument("--labour-rate", default="100", help="默认工时单价（元/小时）")
    shop.add_parser("show", help="显示本店信息")

    seed = sub.add_parser("seed", help="生成演示/测试数据（只写入单独的数据文件夹）")
    seed.add_argument("--orders", type=int, default=500)
    seed.add_argument("--seed", type=int, default=1)
    sub.add_parser("demo", help="在新建的演示数据文件夹中打开程序")
    bench = sub.add_parser("bench", help="性能测试（临时文件夹，约 20 万张工单）")
    bench.add_argument("--orders", type=int, default=200_000)
    from app.ehr.cli_sync import add_parsers as add_sync_parsers

    add_sync_parsers(sub)
    add_account_parsers(sub)
    bench_audit = sub.add_parser("bench-audit", help="账号与审计日志性能测试（临时文件夹）")
    bench_audit.add_argument("--entries", type=int, default=1_000_000)
    from app.db_cli import add_parsers as add_db_parsers

    add_db_parsers(sub)
    from app.backup.cli import add_parsers as add_backup_parsers

    add_backup_parsers(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    set_language(args.lang)
    try:
        return _dispatch(args)
    except DomainError as exc:
        print(render_error(exc), file=sys.stderr)
        return 2


def _dispatch(args: argparse.Namespace) -> int:
    if args.self_test:
        from app.selftest import run_self_test
        from ui.selftest_window import check_window  # Qt only here: app/ stays Qt-free

        return _leave_qt(run_self_test(args.require_keyring, window_check=check_window))
    if args.command is None:
        from ui.app import main as gui_main  # Qt is imported only when a window is wanted

        return _leave_qt(gui_main(sys.argv[:1], resolve_data_dir(args.data_dir)))
    if args.command == "shop":
        return _shop(args)
    if args.command == "seed":
        return _seed(args)
    if args.command == "demo":
        return _demo(args)
    if args.command == "bench":
        from app.bench import run_bench

        return run_bench(args.orders)
    if args.command == "db":
        from app.db_cli import run as run_db_command

        return run_db_command(args, resolve_data_dir(args.data_dir))
    if args.command == "bench-audit":
        from app.security.audit_bench import run_bench as run_audit_bench

        return run_audit_bench(args.entries)
    if args.command in ("account", "audit"):
        from app.cli_accounts import run as run_account_command

        return run_account_command(args, resolve_data_dir(args.data_dir))
    if args.command in ("backup", "restore"):
        return _backup(args)
    if args.command in ("sync", "sandbox", "ehr", "bench-sync"):
        from app.ehr.cli_sync import run as run_sync_command

        return run_sync_command(args, resolve_data_dir(args.data_dir))
    raise SystemExit(f"unknown command {args.command}")


def _backup(args: argparse.Namespace) -> int:
    """``banshou backup …`` / ``banshou restore FILE``: the folder is opened logged in (``--user``), so
    making, configuring and restoring backups need the owner and are audited under their name."""
    from app.backup.cli import run as run_backup_command
    from app.context import AppContext, open_context

    def open_logged_in(data_dir: DataDir) -> AppContext:
        ctx = open_context(data_dir)
        try:
            cli_login(ctx, args, Perm.BACKUP, StdinLines())
        except BaseException:
            ctx.close()
            raise
        return ctx

    return run_backup_command(args, resolve_data_dir(args.data_dir), open_logged_in)


def _leave_qt(code: int) -> NoReturn:
    """End a process that ran Qt without interpreter finalisation.

    PySide6 6.12 can abort while Python garbage-collects at exit ("bool_dealloc … refcount error in a C
    extension"), turning a clean exit into a core dump after the window has closed. Everything is saved
    by then (each service call commits its own unit of work), so logs are flushed and the process ends.
    """
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def _shop(args: argparse.Namespace) -> int:
    from app.context import open_context
    from app.domain.money import parse_yuan
    from app.services.dto import ShopInfo

    ctx = open_context(resolve_data_dir(args.data_dir))
    try:
        if args.shop_command == "show":
            info = ctx.shop.get()
            print(info if info else "尚未设置本店信息")
            return 0
        cli_login(ctx, args, Perm.SETTINGS, StdinLines())
        info = ctx.shop.configure(
            ShopInfo(
                name=args.name,
                credit_code=args.credit_code,
                address=args.address,
                phone=args.phone,
                company_code=args.company_code,
                list_prefix=args.prefix,
                contact=args.contact,
                home_province=args.province,
                labour_rate_fen=parse_yuan(args.labour_rate, "labour_rate"),
            )
        )
        print(f"已保存：{info.name}（{info.credit_code}），结算清单编号前缀 {info.list_prefix}")
        return 0
    finally:
        ctx.close()


def _require_own_folder(args: argparse.Namespace) -> DataDir:
    """Seeding writes synthetic data, so it must never touch the shop's real folder."""
    if not args.data_dir:
        raise DomainError("seed.data_dir_required", None)
    target = DataDir(Path(args.data_dir).expanduser().resolve())
    if target.root == resolve_data_dir(None).root:
        raise DomainError("seed.real_folder", None, path=str(target.root))
    return target


def _seed(args: argparse.Namespace) -> int:
    from app.seed import seed_folder

    target = _require_own_folder(args)
    report = seed_folder(target, orders=args.orders, seed=args.seed)
    print(report)
    return 0


def _demo(args: argparse.Namespace) -> int:
    from app.seed import seed_folder
    from ui.app import main as gui_main

    folder = DataDir(Path(tempfile.mkdtemp(prefix="banshou-demo-")))
    seed_folder(folder, orders=300, seed=7)
    return _leave_qt(gui_main(sys.argv[:1], folder, demo=True))


if __name__ == "__main__":
    raise SystemExit(main())
