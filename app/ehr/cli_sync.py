"""The ``banshou sync``, ``banshou sandbox``, ``banshou ehr configure`` and ``banshou bench-sync`` commands.

Kept out of :mod:`app.cli` (which only registers them) so the lead's file stays small.
"""

from __future__ import annotations

import argparse
import json
import signal
import threading
from typing import Any

from app.domain.errors import DomainError


def add_parsers(sub: Any) -> None:
    sync = sub.add_parser("sync", help="上传待上传的记录到电子健康档案系统（前台运行，Ctrl-C 停止）")
    sync.add_argument("--once", action="store_true", help="只上传当前到期的记录，然后退出")
    sync.add_argument("--json", action="store_true", help="以 JSON 输出汇总")
    sync.add_argument("--lease", type=float, default=None, help="认领租期（秒，测试用）")
    sync.add_argument("sync_command", nargs="?", choices=["status"], help="status：只显示队列状态")
    sb = sub.add_parser("sandbox", help="运行电子健康档案模拟服务器（仅本机 127.0.0.1）")
    sb.add_argument("--host", default="127.0.0.1", choices=["127.0.0.1"])
    sb.add_argument("--port", type=int, default=8765)
    sb.add_argument("--db", required=True, help="模拟服务器自己的 SQLite 文件")
    sb.add_argument("--token-ttl", type=float, default=1800)
    sb.add_argument("--faults", default="{}", help="故障设置（JSON）")
    sb.add_argument("--account", action="append", metavar="CODE:PASSWORD")
    ehr = sub.add_parser("ehr", help="电子健康档案连接").add_subparsers(dest="ehr_command", required=True)
    conf = ehr.add_parser("configure", help="设置省份配置、企业编码与密码（密码只存入系统密码库）")
    conf.add_argument("--profile", required=True, help="sandbox / variant-a / variant-b / variant-c")
    conf.add_argument("--base-url", default=None)
    conf.add_argument("--company-code", default=None)
    conf.add_argument("--password-stdin", action="store_true", help="从标准输入读取密码")
    bench = sub.add_parser("bench-sync", help="同步性能测试（临时文件夹，本机模拟服务器）")
    bench.add_argument("--records", type=int, default=10_000)
    bench.add_argument("--json", action="store_true")


def run(args: argparse.Namespace, data_dir: Any) -> int:
    if args.command == "sandbox":
        from app.ehr.sandbox.__main__ import main as sandbox_main

        argv = ["--port", str(args.port), "--db", args.db, "--token-ttl", str(args.token_ttl), "--faults", args.faults]
        for account in args.account or []:
            argv += ["--account", account]
        return sandbox_main(argv)
    if args.command == "bench-sync":
        from app.ehr.sync_bench import run_bench

        return run_bench(args.records, as_json=args.json)
    from app.context import open_context

    ctx = open_context(data_dir)
    try:
        if args.command == "ehr":
            return _configure(ctx, args)
        with ctx.guard.as_system():  # uploads (and their reads) are the system's, not a person's
            return _sync(ctx, args)
    finally:
        ctx.close()


def _configure(ctx: Any, args: argparse.Namespace) -> int:
    from app.cli_auth import StdinLines, cli_login
    from app.ehr.connection import EhrSettings, configure
    from app.security.credentials import CredentialStore
    from app.security.permissions import Perm

    stdin = StdinLines()
    cli_login(ctx, args, Perm.SETTINGS, stdin)  # the owner's password comes first on stdin, then the EHR one
    password = stdin.next("电子健康档案密码") if args.password_stdin else None
    profile = configure(ctx, CredentialStore(), EhrSettings(args.profile, args.base_url),
                        company_code=args.company_code, password=password)  # fmt: skip
    print(f"已保存：{profile.name}（{profile.base_url}）" + ("，密码已存入系统密码库" if password else ""))
    return 0


def _sync(ctx: Any, args: argparse.Namespace) -> int:
    from app.ehr.connection import open_sync
    from app.ehr.overview import overview
    from app.ehr.sync import DrainCounts, SyncPolicy
    from app.security.log_privacy import configure_logging

    configure_logging(ctx.data_dir.logs)  # a long-running process: its log goes to the data folder, scrubbed
    if args.sync_command == "status":
        view = overview(ctx.db, ctx.clock)
        st = view.status
        summary = {"pending": st.pending, "in_flight": st.in_flight, "done": st.done, "rejected": st.rejected,
                   "needs_attention": view.attention,
                   "oldest_waiting_s": st.oldest_waiting_age.total_seconds() if st.oldest_waiting_age else None}
        print(json.dumps(summary) if args.json else summary)
        return 0
    policy = SyncPolicy(lease_s=args.lease) if args.lease else None
    total = DrainCounts()
    with open_sync(ctx, policy=policy) as setup:
        if args.once:
            total = setup.engine.drain_once()
        else:
            stop = threading.Event()
            signal.signal(signal.SIGTERM, lambda *_: stop.set())
            try:
                setup.engine.run(stop, on_pass=total.add)
            except KeyboardInterrupt:
                stop.set()
        status = overview(ctx.db, ctx.clock).status
    summary = {"accepted": total.accepted + total.duplicates, "rejected": total.rejected, "retried": total.retried,
               "ambiguous": total.ambiguous, "pending": status.pending, "rejected_total": status.rejected,
               "paused": total.paused}
    print(json.dumps(summary) if args.json else summary)
    return 1 if status.rejected else 0


__all__ = ["DomainError", "add_parsers", "run"]
