"""The sandbox's province logic, free of HTTP: tokens, faults, the §8 checks and the record store.

Answers follow the §9.1 contract: ``"1"`` 新增成功 / 已存在（重复上传）, ``"-1"`` token missing, invalid or
expired, ``"2"`` validation failure naming the field, ``"3"`` a changed record under a known
``costlistcode`` when corrections are refused, ``"4"`` wrong company code or password.
"""

from __future__ import annotations

import json
import logging
import secrets
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from app.domain.clock import Clock
from app.ehr.sandbox.checks import Rejected, check_record, sandbox_today
from app.ehr.sandbox.faults import Decision, Fault, Faults
from app.ehr.sandbox.ratings import DEFAULT_SEED, simulate
from app.ehr.sandbox.store import PutResult, SandboxStore
from app.ehr.sandbox.waste import WasteCall, check_waste, parse_waste_call
from app.ehr.sandbox.wire import (
    ROUTES,
    RecordCall,
    Route,
    answer,
    check_header,
    parse_record_call,
    parse_token_call,
)

_log = logging.getLogger("banshou.sandbox")

STATUS_ADDED = "新增成功"
STATUS_DUPLICATE = "已存在（重复上传）"
STATUS_CORRECTED = "更正成功"
STATUS_TOKEN = "access_token 令牌无效或已过期，请重新获取"
STATUS_LOGIN = "企业编码或密码错误"
STATUS_REFUSED = "costlistcode 已存在且内容不同：本平台不接受接口更正，请在平台网页上更正"
STATUS_REFUSED_WASTE = "manifestno 已存在且内容不同：本平台不接受接口更正，请在平台网页上更正"
_C_NAMES = {"repairprojectlist": "repairProjectList", "vehiclepartslist": "vehiclePartsList"}


@dataclass(frozen=True)
class Reply:
    """What to send back; ``drop`` means close the connection without a word."""

    http_status: int = 200
    body: dict[str, Any] | str | None = None
    headers: Mapping[str, str] = field(default_factory=dict)
    drop: bool = False


class SandboxService:
    def __init__(self, store: SandboxStore, faults: Faults, accounts: Mapping[str, str], clock: Clock,
                 token_ttl_s: float, refuse_corrections: bool) -> None:  # fmt: skip
        self.store = store
        self.faults = faults
        self._accounts = dict(accounts)
        self._clock = clock
        self._token_ttl_s = token_ttl_s
        self._refuse_corrections = refuse_corrections
        self._tokens: dict[str, tuple[str, datetime]] = {}
        self._lock = threading.Lock()
        self.ratings_seed = DEFAULT_SEED

    def forget_tokens(self) -> None:
        with self._lock:
            self._tokens.clear()

    def handle(self, method: str, path: str, query: str, body: bytes) -> Reply:
        route = ROUTES.get((method, path))
        if route is None:
            known = any(p == path for _, p in ROUTES)
            status = 405 if known else 404
            self._log(method, path, Route("-", "unknown"), http_status=status)
            return Reply(status, {"code": str(status), "status": "接口不存在" if status == 404 else "请求方法不对"})
        self.faults.delay()
        if route.kind == "time":
            self._log(method, path, route)
            return Reply(200, str(int(self._clock.now().timestamp() * 1000)))
        if route.kind == "token":
            return self._token_call(method, path, route, query, body)
        if route.kind == "ratings":
            return self._ratings_call(method, path, route, body)
        if route.kind == "waste":
            return self._waste_call(method, path, route, body)
        return self._record_call(method, path, route, query, body)

    def _token_call(self, method: str, path: str, route: Route, query: str, body: bytes) -> Reply:
        try:
            call = parse_token_call(route.variant, body, query)
            check_header(call, self._clock.now())
        except Rejected as exc:
            return self._reply(method, path, route, "2", _rejection(route, exc))
        if self._accounts.get(call.companycode) != call.password:
            return self._reply(method, path, route, "4", STATUS_LOGIN, company=call.companycode)
        token = secrets.token_hex(32)
        with self._lock:
            self._tokens[token] = (call.companycode, self._clock.now())
        return self._reply(method, path, route, "1", "获取成功", company=call.companycode,
                           extra={"access_token": token})  # fmt: skip

    def _record_call(self, method: str, path: str, route: Route, query: str, body: bytes) -> Reply:
        parsed: RecordCall | Rejected
        try:
            parsed = parse_record_call(route.variant, body, query)
        except Rejected as exc:
            parsed = exc
        costlistcode = parsed.costlistcode if isinstance(parsed, RecordCall) else None
        decision = self.faults.next_record()
        if decision.fault is Fault.HTTP:
            return self._http_fault(method, path, route, decision, costlistcode)
        if decision.fault is Fault.DROP_BEFORE_STORE:
            self._log(method, path, route, costlistcode=costlistcode, http_status=0, fault=decision.fault)
            return Reply(drop=True)
        company = self._company(parsed.token if isinstance(parsed, RecordCall) else "", decision)
        if company is None:
            return self._reply(method, path, route, "-1", STATUS_TOKEN, costlistcode=costlistcode,
                               fault=decision.fault)  # fmt: skip
        try:
            if isinstance(parsed, Rejected):
                raise parsed
            check_header(parsed, self._clock.now())
            checked = check_record(parsed.basic, parsed.projects, parsed.parts,
                                   today=sandbox_today(self._clock.now()),
                                   colour_required=route.variant == "C")  # fmt: skip
        except Rejected as exc:
            return self._reply(method, path, route, "2", _rejection(route, exc), company=company,
                               costlistcode=costlistcode)  # fmt: skip
        put = self.store.put_record(company, checked.costlistcode, checked.content, checked.warnings,
                                    self._clock.now(), refuse_corrections=self._refuse_corrections)  # fmt: skip
        code, status = {
            PutResult.NEW: ("1", STATUS_ADDED),
            PutResult.REPEAT: ("1", STATUS_DUPLICATE),
            PutResult.CORRECTED: ("1", STATUS_CORRECTED),
            PutResult.REFUSED: ("3", STATUS_REFUSED),
        }[put]
        reply = self._reply(method, path, route, code, status, company=company, costlistcode=costlistcode,
                            fault=decision.fault)  # fmt: skip
        return Reply(drop=True) if decision.fault is Fault.DROP_AFTER_STORE else reply

    def _ratings_call(self, method: str, path: str, route: Route, body: bytes) -> Reply:
        """§9.1: ``{access_token, page, size}`` → ``{code, status, content[], totalElements}``; owners'
        ratings that have come due by now are added first, so ratings appear as time goes by."""
        try:
            data = json.loads(body.decode("utf-8") or "{}")
            if not isinstance(data, dict):
                raise ValueError
            page, size = int(data.get("page", 0)), int(data.get("size", 50))
            if page < 0 or not 1 <= size <= 500:
                raise ValueError
        except (ValueError, TypeError, UnicodeDecodeError):
            return self._reply(method, path, route, "2", "校验失败：page/size，page 从 0 开始，size 为 1 到 500")
        company = self._company(str(data.get("access_token") or ""), Decision(Fault.NONE))
        if company is None:
            return self._reply(method, path, route, "-1", STATUS_TOKEN)
        now = self._clock.now()
        self.store.rate_due(company, now, lambda code, content, at: simulate(code, content, at, self.ratings_seed))
        content, total = self.store.ratings_page(company, page, size)
        self._log(method, path, route, company=company, code="1")
        return Reply(200, {"code": "1", "status": "查询成功", "content": content, "totalElements": total})

    def _waste_call(self, method: str, path: str, route: Route, body: bytes) -> Reply:
        """§9.1: one handoff; answered like a record (``"1"`` 新增成功 or 已存在（重复上传）, ``"-1"`` token,
        ``"2"`` naming the field, ``"3"`` a changed handoff when corrections are refused). The record
        faults are not applied, so a fault plan's counts stay about records."""
        parsed: WasteCall | Rejected
        try:
            parsed = parse_waste_call(body)
        except Rejected as exc:
            parsed = exc
        manifest = parsed.manifestno if isinstance(parsed, WasteCall) else None
        company = self._company(parsed.token if isinstance(parsed, WasteCall) else "", Decision(Fault.NONE))
        if company is None:
            return self._reply(method, path, route, "-1", STATUS_TOKEN, costlistcode=manifest)
        try:
            if isinstance(parsed, Rejected):
                raise parsed
            manifest, content = check_waste(parsed.info)
        except Rejected as exc:
            return self._reply(method, path, route, "2", _rejection(route, exc), company=company,
                               costlistcode=manifest)  # fmt: skip
        put = self.store.put_waste(company, manifest, content, self._clock.now(),
                                   refuse_corrections=self._refuse_corrections)  # fmt: skip
        code, status = {
            PutResult.NEW: ("1", STATUS_ADDED),
            PutResult.REPEAT: ("1", STATUS_DUPLICATE),
            PutResult.CORRECTED: ("1", STATUS_CORRECTED),
            PutResult.REFUSED: ("3", STATUS_REFUSED_WASTE),
        }[put]
        return self._reply(method, path, route, code, status, company=company, costlistcode=manifest)

    def _company(self, token: str, decision: Decision) -> str | None:
        """The company a token belongs to, or None when missing, unknown, expired or made to expire."""
        with self._lock:
            entry = self._tokens.get(token)
            if entry is None:
                return None
            company, issued = entry
            age = (self._clock.now() - issued).total_seconds()
            if age >= self._token_ttl_s or decision.fault is Fault.EXPIRE_TOKEN:
                del self._tokens[token]
                return None
            return company

    def _http_fault(self, method: str, path: str, route: Route, decision: Decision,
                    costlistcode: str | None) -> Reply:  # fmt: skip
        status = decision.http_status or 503
        headers = {"Retry-After": str(decision.retry_after_s)} if decision.retry_after_s is not None else {}
        self._log(method, path, route, costlistcode=costlistcode, http_status=status, fault=decision.fault)
        text = "请求过于频繁，请稍后再试" if status == 429 else "服务暂时不可用"
        return Reply(status, {"code": str(status), "status": text}, headers)

    def _reply(self, method: str, path: str, route: Route, code: str, status: str, *,
               company: str | None = None, costlistcode: str | None = None, fault: Fault = Fault.NONE,
               extra: Mapping[str, str] | None = None) -> Reply:  # fmt: skip
        """Log the exchange (after the fact: a dropped answer is logged with its fault) and answer."""
        self._log(method, path, route, company=company, costlistcode=costlistcode, code=code, fault=fault)
        return Reply(200, answer(route.variant, code, status, **(extra or {})))

    def _log(self, method: str, path: str, route: Route, *, company: str | None = None,
             costlistcode: str | None = None, code: str | None = None, http_status: int = 200,
             fault: Fault = Fault.NONE) -> None:  # fmt: skip
        if fault is Fault.DROP_AFTER_STORE:
            http_status = 0
        self.store.log_request(self._clock.now(), method, path, route.variant, route.kind,
                               companycode=company, costlistcode=costlistcode, code=code,
                               http_status=http_status, fault=fault.value)  # fmt: skip
        _log.debug("sandbox %s %s → %s %s (%s)", method, path, http_status, code, fault.value)


def _rejection(route: Route, exc: Rejected) -> str:
    """``校验失败：<field>，<reason>`` with the field in the variant's own spelling."""
    name = _C_NAMES.get(exc.field, exc.field) if route.variant == "C" else exc.field
    return f"校验失败：{name}，{exc.reason}"
