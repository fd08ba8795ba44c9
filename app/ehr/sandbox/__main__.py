"""``python -m app.ehr.sandbox --port 8765 --db FILE``: run the sandbox until Ctrl-C (loopback only).

Without ``--account`` it accepts the training account (code 310115000000001, password
banshou-training). Faults can be set at start with ``--faults '{"latency_ms": 200}'`` and changed later
with ``POST /_sandbox/faults``.
"""

from __future__ import annotations

import argparse
import json
import logging
import signal
import threading
from collections.abc import Sequence

from app.ehr.sandbox.faults import plan_from_json
from app.ehr.sandbox.samples import TRAINING_ACCOUNTS
from app.ehr.sandbox.server import Sandbox


def _account(text: str) -> tuple[str, str]:
    code, sep, password = text.partition(":")
    if not sep or not code or not password:
        raise argparse.ArgumentTypeError("use CODE:PASSWORD")
    return code, password


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.ehr.sandbox", description="Banshou EHR sandbox")
    parser.add_argument("--port", type=int, default=8765, help="port on 127.0.0.1 (0 = any free port)")
    parser.add_argument("--db", required=True, help="the sandbox's own SQLite file")
    parser.add_argument("--account", type=_account, action="append", metavar="CODE:PASSWORD",
                        help="an accepted company account (repeatable; default: the training account)")
    parser.add_argument("--token-ttl", type=float, default=1800, help="token lifetime in seconds")
    parser.add_argument("--refuse-corrections", action="store_true",
                        help='answer "3" to a changed record under a known costlistcode')
    parser.add_argument("--faults", default="{}", help="JSON object of FaultPlan settings")
    parser.add_argument("-v", "--verbose", action="store_true", help="log every request")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO, format="%(message)s")
    from app.security.log_privacy import install_on_root_handlers

    install_on_root_handlers()  # requests carry owners' phones and the shop's password: never in the log
    try:
        faults = plan_from_json(json.loads(args.faults))
    except (ValueError, TypeError) as exc:
        parser.error(f"--faults: {exc}")
    accounts = dict(args.account) if args.account else TRAINING_ACCOUNTS
    sandbox = Sandbox(db_path=args.db, accounts=accounts, port=args.port, token_ttl_s=args.token_ttl,
                      refuse_corrections=args.refuse_corrections, faults=faults).start()
    print(f"EHR sandbox listening on {sandbox.base_url} (database {args.db}); Ctrl-C stops it", flush=True)
    stopped = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopped.set())
    try:
        stopped.wait()
    except KeyboardInterrupt:
        pass
    finally:
        sandbox.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
