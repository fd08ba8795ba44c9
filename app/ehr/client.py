"""The HTTP side of an EHR upload: token, one record per request, and an honest classification.

What this client promises the sync engine (``design.md`` "Sync queue"):

* every call ends in one :class:`UploadResult` (accepted / rejected / auth_failed / transient), never an
  exception for anything the network or the server can do;
* a send that may have reached the server without an answer is flagged ``ambiguous`` – the engine
  counts these, and a later repeat is expected at most that often;
* the token lives in memory only, is renewed after ``token_ttl_s`` or when the server says it is bad
  (then exactly one re-authentication and one retry, §9 item 2);
* TLS is always verified (optionally against the profile's CA bundle) and secrets never reach a log.

It knows nothing about the database: it maps a settled order and sends it.
"""

from __future__ import annotations

import json
import logging
import ssl
import threading
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

import httpx

from app.domain.clock import Clock
from app.domain.errors import DomainError, Issue
from app.ehr.payloads import RequestSpec, map_record, map_waste, record_request, token_request, waste_request
from app.ehr.profiles import Profile
from app.ehr.redact import install_redaction
from app.ehr.results import (
    WASTE_FIELDS,
    ConnectionResult,
    Outcome,
    UploadResult,
    is_duplicate,
    is_token_failure,
    named_field,
    parse_retry_after,
)
from app.services.dto import ShopInfo, WorkOrderDetail
from app.waste.dto import Handoff

_log = logging.getLogger("banshou.ehr")


class _CallFailed(Exception):
    """Internal: one HTTP exchange ended without a usable answer (or the token call was refused)."""

    def __init__(self, outcome: Outcome, message_code: str, *, ambiguous: bool = False,
                 http_status: int | None = None, retry_after_s: float | None = None,
                 code: str | None = None, status: str | None = None) -> None:  # fmt: skip
        super().__init__(message_code)
        self.outcome = outcome
        self.message_code = message_code
        self.ambiguous = ambiguous
        self.http_status = http_status
        self.retry_after_s = retry_after_s
        self.code = code
        self.status = status


class EhrClient:
    """One shop's connection to one province. Thread-safe: the sync engine may upload concurrently."""

    def __init__(
        self,
        profile: Profile,
        company_code: str,
        password_provider: Callable[[], str],
        clock: Clock,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        """``password_provider`` is asked each time a token is needed, so the password is never kept.

        ``transport`` replaces httpx's own (then the transport's TLS and pool settings apply); the
        tests use the real one against the sandbox on loopback.
        """
        if profile.is_placeholder:
            raise DomainError("ehr.profile.placeholder_url", "base_url", name=profile.name)
        if not company_code.strip():
            raise DomainError("ehr.client.no_company_code", "company_code")
        install_redaction()
        self._profile = profile
        self._company_code = company_code.strip()
        self._password_provider = password_provider
        self._clock = clock
        self._lock = threading.Lock()
        self._token: str | None = None
        self._token_at: datetime | None = None
        self._http = httpx.Client(
            base_url=profile.base_url,
            verify=_tls_context(profile),
            timeout=httpx.Timeout(
                connect=profile.connect_timeout_s,
                read=profile.read_timeout_s,
                write=profile.read_timeout_s,
                pool=profile.read_timeout_s,
            ),
            limits=httpx.Limits(
                max_connections=profile.max_in_flight, max_keepalive_connections=profile.max_in_flight
            ),
            transport=transport,
            follow_redirects=False,  # a redirect would resend the password somewhere we did not choose
            trust_env=not profile.training,  # training traffic stays on loopback, never via a proxy
        )

    @property
    def profile(self) -> Profile:
        return self._profile

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> EhrClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def forget_token(self) -> None:
        """Drop the token (e.g. when the shop changes its password)."""
        with self._lock:
            self._token, self._token_at = None, None

    def upload(self, order: WorkOrderDetail, shop: ShopInfo) -> UploadResult:
        """Send one settled order once (plus one retry after a refused token) and classify the end."""
        try:
            record = map_record(self._profile, order, shop)
        except DomainError as exc:
            issue = exc.issues[0]
            return UploadResult(Outcome.REJECTED, order.costlistcode, issue.code, field=issue.field,
                                local_issue=issue)  # fmt: skip
        return self._submit(record.costlistcode,
                            lambda token: record_request(self._profile, record, token, self._header_time()))  # fmt: skip

    def upload_waste(self, handoff: Handoff) -> UploadResult:
        """Send one dispatched waste handoff to the §9.1 sandbox waste call, classified like a record.

        Same token handling and the same four outcomes as :meth:`upload`, so the sync engine treats both
        kinds of outbox row alike; ``costlistcode`` in the result carries the manifest number.
        """
        key = handoff.manifest_no or handoff.uuid
        if not self._profile.waste_enabled or not self._profile.waste_path:
            issue = Issue("ehr.waste.not_enabled", "profile", {"name": self._profile.name})
            return UploadResult(Outcome.REJECTED, key, issue.code, field=issue.field, local_issue=issue)
        try:
            waste = map_waste(self._profile, handoff)
        except DomainError as exc:
            issue = exc.issues[0]
            return UploadResult(Outcome.REJECTED, key, issue.code, field=issue.field, local_issue=issue)
        return self._submit(waste.manifestno, lambda token: waste_request(self._profile, waste, token),
                            fields=WASTE_FIELDS)  # fmt: skip

    def _submit(self, key: str, build: Callable[[str], RequestSpec],
                fields: Sequence[str] | None = None) -> UploadResult:  # fmt: skip
        """One storing call (plus one retry after a refused token), classified; ``build`` makes the
        request from a token. ``fields`` are the names a rejection may cite (default: the record's)."""
        sent = 0
        stale: str | None = None
        result: UploadResult | None = None
        for attempt in (1, 2):
            try:
                token = self._current_token(stale)
                spec = build(token)
                sent += 1
                answer = self._send(spec, stores=True)
            except _CallFailed as failure:
                return _from_failure(failure, key, sent)
            code, status = _code_status(self._profile, answer)
            if code == self._profile.success_code:
                duplicate = is_duplicate(status)
                result = UploadResult(
                    Outcome.ACCEPTED, key,
                    "ehr.upload.duplicate_accepted" if duplicate else "ehr.upload.accepted",
                    code=code, status=status, duplicate=duplicate, http_status=200, requests_sent=sent,
                )  # fmt: skip
            elif is_token_failure(status) and attempt == 1:
                _log.info("EHR token refused for %s; signing in again once", key)
                stale = token
                continue
            elif is_token_failure(status):
                result = UploadResult(Outcome.AUTH_FAILED, key, "ehr.upload.token_refused",
                                      code=code, status=status, http_status=200, requests_sent=sent)  # fmt: skip
            else:
                field = named_field(self._profile, status, fields)
                result = UploadResult(
                    Outcome.REJECTED, key,
                    "ehr.upload.rejected_field" if field else "ehr.upload.rejected",
                    code=code, status=status, field=field, http_status=200, requests_sent=sent,
                )  # fmt: skip
            break
        assert result is not None  # the second attempt never continues
        _log.info("EHR upload %s: %s (code=%s)", key, result.outcome, result.code)
        return result

    def test_connection(self) -> ConnectionResult:
        """Get a fresh token (and the server time, where the profile uses it) with the current settings."""
        self.forget_token()
        server_time: datetime | None = None
        try:
            if self._profile.time_path and self._profile.variant != "A":
                server_time = self._server_time()
            self._current_token(None)
        except _CallFailed as failure:
            return ConnectionResult(False, failure.outcome, failure.message_code, code=failure.code,
                                    status=failure.status, http_status=failure.http_status)  # fmt: skip
        return ConnectionResult(True, Outcome.ACCEPTED, "ehr.connection.ok", server_time=server_time)

    def fetch_ratings(self, page: int, size: int) -> tuple[list[dict[str, Any]], int]:
        """One 0-based page of the §9.1 ratings call: (``content``, ``totalElements``).

        Only the sandbox offers it (no province does, ``ehr-protocol.md`` §5), so it is enabled per
        profile. Token handling is the upload's: one re-sign-in after a refused token. Any failure is a
        ``rating.fetch.failed`` DomainError; the caller simply tries again at its next round.
        """
        path = self._profile.ratings_path
        if not self._profile.ratings_enabled or not path:
            raise DomainError("rating.fetch.not_enabled", "profile", name=self._profile.name)
        stale: str | None = None
        for attempt in (1, 2):
            try:
                token = self._current_token(stale)
                body = {self._profile.wire("access_token"): token, "page": page, "size": size}
                answer = self._send(RequestSpec("POST", path, json_body=body), stores=False)
            except _CallFailed as failure:
                raise DomainError("rating.fetch.failed", None, reason=failure.message_code) from None
            code, status = _code_status(self._profile, answer)
            if code == self._profile.success_code:
                content, total = answer.get("content"), answer.get("totalElements")
                if not isinstance(content, list) or not isinstance(total, int):
                    raise DomainError("rating.fetch.failed", None, reason="ehr.upload.malformed")
                return [c for c in content if isinstance(c, dict)], total
            if is_token_failure(status) and attempt == 1:
                stale = token
                continue
            raise DomainError("rating.fetch.failed", None, reason=f"{code} {status or ''}".strip())
        raise AssertionError("unreachable: the second attempt returns or raises")

    # -- token and header time -------------------------------------------------------------------

    def _current_token(self, stale: str | None) -> str:
        """The live token; a new one if none, if older than the TTL, or if it is the one just refused.

        Fetched under the lock so two upload threads never sign in twice for the same reason.
        """
        with self._lock:
            now = self._clock.now()
            fresh = (
                self._token is not None
                and self._token != stale
                and self._token_at is not None
                and (now - self._token_at).total_seconds() < self._profile.token_ttl_s
            )
            if fresh and self._token is not None:
                return self._token
            self._token, self._token_at = None, None
            spec = token_request(self._profile, self._company_code, self._password_provider(),
                                 self._header_time())  # fmt: skip
            answer = self._send(spec, stores=False)
            code, status = _code_status(self._profile, answer)
            if code != self._profile.success_code:
                _log.warning("EHR sign-in refused (code=%s)", code)
                raise _CallFailed(Outcome.AUTH_FAILED, "ehr.upload.auth_failed", code=code, status=status,
                                  http_status=200)  # fmt: skip
            token = answer.get(self._profile.wire("access_token"))
            if not isinstance(token, str) or not token:
                raise _CallFailed(Outcome.TRANSIENT, "ehr.upload.malformed", http_status=200)
            self._token, self._token_at = token, now
            return token

    def _header_time(self) -> datetime:
        """Variant B/C header time: the server's clock when the profile has a time call (§9 item 10)."""
        if self._profile.variant != "A" and self._profile.time_path:
            return self._server_time()
        return self._clock.now()

    def _server_time(self) -> datetime:
        path = self._profile.time_path or ""
        try:
            response = self._http.get(path)
        except httpx.TransportError as exc:
            raise _network_failure(exc, stores=False) from None
        millis = _epoch_millis(response.text) if response.status_code == 200 else None
        if millis is None:
            raise _CallFailed(Outcome.TRANSIENT, "ehr.upload.server_time_failed",
                              http_status=response.status_code)  # fmt: skip
        return datetime.fromtimestamp(millis / 1000, tz=UTC)

    # -- one exchange ----------------------------------------------------------------------------

    def _send(self, spec: RequestSpec, *, stores: bool) -> dict[str, Any]:
        """One request; the answer object (variant B's ``respInfo``), or :class:`_CallFailed`.

        ``stores`` is True for record sends: only those can leave a copy behind when the answer is lost.
        """
        body = spec.body_bytes()
        # Bodies go to DEBUG for support cases; the redaction filter masks token and password.
        _log.debug("EHR → %s %s body=%s query=%s", spec.method, spec.path,
                   body.decode("utf-8") if body else "", spec.query)  # fmt: skip
        headers = {"Content-Type": spec.content_type} if body is not None and spec.content_type else None
        try:
            response = self._http.request(spec.method, spec.path, params=spec.query, content=body,
                                          headers=headers)  # fmt: skip
        except httpx.TransportError as exc:
            raise _network_failure(exc, stores=stores) from None
        status_code = response.status_code
        if status_code != 200:
            raise _http_failure(response, self._clock.now(), stores=stores)
        try:
            answer = json.loads(response.content.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            answer = None
        if self._profile.variant == "B" and isinstance(answer, dict):
            answer = answer.get(self._profile.wire("respInfo"))
        if not isinstance(answer, dict) or self._profile.wire("code") not in answer:
            raise _CallFailed(Outcome.TRANSIENT, "ehr.upload.malformed", ambiguous=stores, http_status=200)
        return answer


def _tls_context(profile: Profile) -> ssl.SSLContext | bool:
    """Always verify; with a CA bundle, verify against it (a province with its own CA)."""
    if not profile.ca_bundle:
        return True
    try:
        return ssl.create_default_context(cafile=profile.ca_bundle)
    except (OSError, ssl.SSLError):
        raise DomainError("ehr.profile.ca_bundle_unreadable", "ca_bundle", path=profile.ca_bundle) from None


def _code_status(profile: Profile, answer: dict[str, Any]) -> tuple[str, str | None]:
    code = answer.get(profile.wire("code"))
    status = answer.get(profile.wire("status"))
    return str(code), (None if status is None else str(status))


def _network_failure(exc: httpx.TransportError, *, stores: bool) -> _CallFailed:
    """Sort transport errors by one question: could the request have reached the server?

    Connecting failed → certainly not sent. A read timeout, a dropped connection or a failed write →
    maybe (a write error may come after the server read enough): ambiguous for record sends.
    """
    name = type(exc).__name__
    if isinstance(exc, httpx.ConnectError) and "CERTIFICATE_VERIFY_FAILED" in str(exc):
        _log.warning("EHR TLS certificate check failed")
        return _CallFailed(Outcome.TRANSIENT, "ehr.upload.tls_failed")
    if isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout):
        _log.warning("EHR unreachable (%s)", name)
        return _CallFailed(Outcome.TRANSIENT, "ehr.upload.unreachable")
    if isinstance(exc, httpx.TimeoutException | httpx.NetworkError | httpx.RemoteProtocolError):
        _log.warning("EHR sent but no answer (%s)", name)
        return _CallFailed(Outcome.TRANSIENT, "ehr.upload.no_answer", ambiguous=stores)
    _log.warning("EHR request failed before sending (%s)", name)
    return _CallFailed(Outcome.TRANSIENT, "ehr.upload.unreachable")


def _http_failure(response: httpx.Response, now: datetime, *, stores: bool) -> _CallFailed:
    """Non-200 answers are never about the data: retry later, honouring ``Retry-After``.

    429 and 503 say "not now" before any work; 500/502/504 may come after the record was stored
    (a gateway timing out on a slow backend), so for a record send they count as ambiguous.
    """
    status_code = response.status_code
    retry_after = parse_retry_after(response.headers.get("Retry-After"), now)
    if status_code == 429:
        return _CallFailed(Outcome.TRANSIENT, "ehr.upload.rate_limited", http_status=429,
                           retry_after_s=retry_after)  # fmt: skip
    if status_code >= 500:
        return _CallFailed(Outcome.TRANSIENT, "ehr.upload.server_error", http_status=status_code,
                           retry_after_s=retry_after, ambiguous=stores and status_code != 503)  # fmt: skip
    return _CallFailed(Outcome.TRANSIENT, "ehr.upload.http_error", http_status=status_code,
                       retry_after_s=retry_after)  # fmt: skip


def _from_failure(failure: _CallFailed, costlistcode: str, sent: int) -> UploadResult:
    return UploadResult(
        failure.outcome, costlistcode, failure.message_code, code=failure.code, status=failure.status,
        ambiguous=failure.ambiguous, retry_after_s=failure.retry_after_s, http_status=failure.http_status,
        requests_sent=sent,
    )  # fmt: skip


def _epoch_millis(text: str) -> int | None:
    """Variant B's time call: epoch milliseconds, bare or in a small JSON object."""
    try:
        value: Any = json.loads(text)
    except json.JSONDecodeError:
        return None
    if isinstance(value, dict):
        value = next((value[k] for k in ("time", "timestamp", "servertime", "data") if k in value), None)
    if isinstance(value, str) and value.isdigit():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return int(value)


__all__ = ["ConnectionResult", "EhrClient", "Outcome", "UploadResult"]
