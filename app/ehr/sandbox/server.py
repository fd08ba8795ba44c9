"""A real HTTP server around :class:`SandboxService`, bound to 127.0.0.1 only.

Tests and training mode talk to it over loopback exactly as the client talks to a province, so sockets,
timeouts, dropped connections and Retry-After are real. Control and inspection live under
``/_sandbox/…``, a prefix no province uses, so they can never be mistaken for the EHR interface:

* ``GET /_sandbox/records`` (``?costlistcode=…`` for one), ``GET /_sandbox/duplicates``,
  ``GET /_sandbox/requests``, ``GET /_sandbox/stats``;
* ``GET /_sandbox/faults``, ``POST /_sandbox/faults`` with some :class:`FaultPlan` fields (``"clear":
  true`` starts from none);
* ``POST /_sandbox/reset``: records, request log, tokens and faults all cleared.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import socket
import ssl
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from app.domain.clock import Clock, SystemClock
from app.ehr.redact import install_redaction
from app.ehr.sandbox.faults import FaultPlan, Faults, plan_from_json
from app.ehr.sandbox.service import Reply, SandboxService
from app.ehr.sandbox.store import LoggedRequest, SandboxStats, SandboxStore, StoredRecord, StoredWaste

_log = logging.getLogger("banshou.sandbox")
HOST = "127.0.0.1"
CONTROL_PREFIX = "/_sandbox/"


class Sandbox:
    """One running sandbox: its address, its store, its faults, and the means to stop it."""

    def __init__(self, *, db_path: Path | str, accounts: Mapping[str, str], port: int = 0,
                 clock: Clock | None = None, token_ttl_s: float = 1800, refuse_corrections: bool = False,
                 faults: FaultPlan | None = None, tls: ssl.SSLContext | None = None) -> None:  # fmt: skip
        """``tls`` serves https with the given server context (tests prove the client verifies it)."""
        install_redaction()  # variant C's request line carries the password in its query string
        self.store = SandboxStore(db_path)
        self.faults = Faults(faults)
        self.service = SandboxService(self.store, self.faults, accounts, clock or SystemClock(),
                                      token_ttl_s, refuse_corrections)  # fmt: skip
        self._server = _Server((HOST, port), self)
        self._scheme = "http"
        if tls is not None:
            self._server.socket = tls.wrap_socket(self._server.socket, server_side=True)
            self._scheme = "https"
        self._thread: threading.Thread | None = None

    @property
    def address(self) -> tuple[str, int]:
        """The bound address: always 127.0.0.1 (the sandbox is never reachable from the network)."""
        host, port = self._server.server_address[:2]
        return str(host), int(port)

    @property
    def port(self) -> int:
        return self.address[1]

    @property
    def base_url(self) -> str:
        return f"{self._scheme}://{HOST}:{self.port}/"

    def start(self) -> Sandbox:
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        name=f"ehr-sandbox-{self.port}", daemon=True)  # fmt: skip
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop accepting, cut idle keep-alive connections, wait for running handlers, close the store."""
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join()
            self._thread = None
        self._server.close_connections()
        self._server.server_close()
        self.store.close()

    # -- inspection and control (also reachable over HTTP) ---------------------------------------

    def records(self) -> list[StoredRecord]:
        return self.store.records()

    def record(self, costlistcode: str) -> StoredRecord | None:
        return self.store.record(costlistcode)

    def repeats(self, costlistcode: str) -> int:
        found = self.store.record(costlistcode)
        return 0 if found is None else found.repeats

    def waste_records(self) -> list[StoredWaste]:
        """Handoffs received on the §9.1 waste call."""
        return self.store.waste_records()

    def requests(self) -> list[LoggedRequest]:
        return self.store.requests()

    def stats(self) -> SandboxStats:
        return self.store.stats()

    def set_faults(self, **changes: Any) -> FaultPlan:
        return self.faults.update(**changes)

    def clear_faults(self) -> FaultPlan:
        return self.faults.clear()

    def reset(self) -> None:
        self.store.reset()
        self.faults.clear()
        self.service.forget_tokens()

    def control(self, method: str, path: str, query: str, body: bytes) -> Reply:
        """The ``/_sandbox/…`` endpoints; mistakes answer 400/404 with a reason, never a traceback."""
        name = path.removeprefix(CONTROL_PREFIX).rstrip("/")
        try:
            if (method, name) == ("GET", "records"):
                wanted = parse_qs(query).get("costlistcode")
                if wanted:
                    found = self.record(wanted[0])
                    return Reply(200, {"record": None if found is None else dataclasses.asdict(found)})
                return Reply(200, {"records": [dataclasses.asdict(r) for r in self.records()]})
            if (method, name) == ("GET", "duplicates"):
                repeated = [{"costlistcode": r.costlistcode, "repeats": r.repeats}
                            for r in self.records() if r.repeats]  # fmt: skip
                return Reply(200, {"duplicates": repeated, "total": sum(r["repeats"] for r in repeated)})
            if (method, name) == ("GET", "requests"):
                return Reply(200, {"requests": [dataclasses.asdict(r) for r in self.requests()]})
            if (method, name) == ("GET", "stats"):
                return Reply(200, dataclasses.asdict(self.stats()))
            if (method, name) == ("GET", "faults"):
                return Reply(200, self.faults.plan.as_dict())
            if (method, name) == ("POST", "faults"):
                data = json.loads(body.decode("utf-8") or "{}")
                if not isinstance(data, dict):
                    raise ValueError("send a JSON object")
                return Reply(200, self.faults.replace(plan_from_json(data, self.faults.plan)).as_dict())
            if (method, name) == ("POST", "reset"):
                self.reset()
                return Reply(200, {"reset": True})
        except (ValueError, TypeError, UnicodeDecodeError) as exc:
            return Reply(400, {"error": str(exc)})
        return Reply(404, {"error": f"no control endpoint {method} {path}"})


@contextmanager
def run_sandbox(*, db_path: Path | str, accounts: Mapping[str, str], port: int = 0, clock: Clock | None = None,
                token_ttl_s: float = 1800, refuse_corrections: bool = False,
                faults: FaultPlan | None = None, tls: ssl.SSLContext | None = None) -> Iterator[Sandbox]:  # fmt: skip
    """``with run_sandbox(db_path=…, accounts={code: password}) as sb: sb.base_url`` – started and stopped."""
    sandbox = Sandbox(db_path=db_path, accounts=accounts, port=port, clock=clock, token_ttl_s=token_ttl_s,
                      refuse_corrections=refuse_corrections, faults=faults, tls=tls).start()  # fmt: skip
    try:
        yield sandbox
    finally:
        sandbox.stop()


class _Server(ThreadingHTTPServer):
    """Tracks open connections so :meth:`Sandbox.stop` does not wait on idle keep-alive clients."""

    daemon_threads = False  # stop() waits for handlers, so nothing writes to a closed store
    block_on_close = True

    def __init__(self, address: tuple[str, int], sandbox: Sandbox) -> None:
        self.sandbox = sandbox
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Lock()
        super().__init__(address, _Handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._open_lock:
            self._open.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._open_lock:
            self._open.discard(request)
        super().shutdown_request(request)

    def close_connections(self) -> None:
        with self._open_lock:
            sockets = list(self._open)
        for sock in sockets:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def handle_error(self, request: Any, client_address: Any) -> None:
        _log.debug("sandbox connection from %s ended abruptly", client_address, exc_info=True)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in two writes: no 40 ms delayed-ACK stall
    server: _Server

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def _dispatch(self, method: str) -> None:
        parts = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        sandbox = self.server.sandbox
        if parts.path.startswith(CONTROL_PREFIX):
            reply = sandbox.control(method, parts.path, parts.query, body)
        else:
            reply = sandbox.service.handle(method, parts.path, parts.query, body)
        if reply.drop:
            self.close_connection = True  # nothing written: the client sees the connection end
            return
        if isinstance(reply.body, str):
            payload, content_type = reply.body.encode("utf-8"), "text/plain; charset=utf-8"
        else:
            payload = json.dumps(reply.body, ensure_ascii=False).encode("utf-8")
            content_type = "application/json; charset=utf-8"
        self.send_response(reply.http_status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload)))
        for key, value in reply.headers.items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format: str, *args: Any) -> None:
        _log.debug("sandbox http: " + format, *args)
