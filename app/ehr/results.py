"""What one upload attempt came to, in the four classes the sync engine acts on (§9 item 5).

The server's own ``code`` and ``status`` are kept exactly as they came, because no province documents
its codes (§4): a person may need the original words. Alongside them we keep a stable message code
(``app.i18n``) so the UI can say the same thing in plain Chinese or English.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from enum import StrEnum

from app.domain.errors import Issue
from app.ehr.profiles import CANONICAL_FIELDS, Profile
from app.i18n import CATALOGUE, render

# §9 item 2: a failure whose status mentions one of these is about the token, not the data.
TOKEN_WORDS = ("令牌", "token", "凭证", "过期", "失效", "登录")
DUPLICATE_WORDS = ("已存在", "重复")

# Record fields a rejection may name; longest first so "vehicleplatenumber" wins over "vehicleplatecolor".
_RECORD_FIELDS = sorted(
    CANONICAL_FIELDS
    - {"access_token", "companycode", "companypassword", "transaction", "header", "body", "reqInfo",
       "respInfo", "companydata", "repairdata", "code", "status", "date", "time"},
    key=len,
    reverse=True,
)  # fmt: skip


# The §9.1 sandbox waste call's fields (``wasteInfo`` and its ``wastelist`` lines), longest first.
WASTE_FIELDS = tuple(sorted(
    ("manifestno", "handoverdate", "receivername", "receiverlicenseno", "carriername", "carrierplate",
     "wastelist", "wastecategory", "wastecode", "wastename", "containercode", "quantity", "unit", "weightkg"),
    key=len, reverse=True,
))  # fmt: skip


class Outcome(StrEnum):
    ACCEPTED = "accepted"  # the province has the record (possibly from an earlier send: ``duplicate``)
    REJECTED = "rejected"  # the data (or the correction) was refused: a person must look at it
    AUTH_FAILED = "auth_failed"  # company code or password wrong: fix the shop settings
    TRANSIENT = "transient"  # try again later (network, timeout, 5xx, 429, unreadable answer)


@dataclass(frozen=True)
class UploadResult:
    """The outcome of :meth:`EhrClient.upload`. ``ambiguous`` marks a send that may have been stored.

    ``requests_sent`` counts record requests that left the machine (0 when the record failed our own
    checks or no token could be had), so the sync engine can compare its sends with the server's count.
    """

    outcome: Outcome
    costlistcode: str | None
    message_code: str  # app.i18n code explaining the outcome to a person
    code: str | None = None  # the server's ``code``, as it came
    status: str | None = None  # the server's ``status``, as it came
    field: str | None = None  # the canonical field a rejection names, when it names one
    duplicate: bool = False  # accepted because the server already had it (已存在（重复上传）)
    ambiguous: bool = False  # sent, but no answer: the server may or may not have stored it
    retry_after_s: float | None = None
    http_status: int | None = None
    requests_sent: int = 0
    local_issue: Issue | None = None  # our own check refused the record before anything was sent

    @property
    def accepted(self) -> bool:
        return self.outcome is Outcome.ACCEPTED

    def issue(self) -> Issue:
        """The result as a renderable issue (``app.i18n.render_issue``); blocking unless accepted."""
        if self.local_issue is not None:
            return self.local_issue
        params = {
            "code": self.code or "",
            "status": self.status or "",
            "label": self.field or "",
            "http_status": self.http_status or 0,
            "seconds": round(self.retry_after_s or 0),
        }
        return Issue(self.message_code, self.field, params, blocking=not self.accepted)


@dataclass(frozen=True)
class ConnectionResult:
    """The settings page's "test connection": could we get a token with these settings?"""

    ok: bool
    outcome: Outcome
    message_code: str
    code: str | None = None
    status: str | None = None
    http_status: int | None = None
    server_time: datetime | None = None  # variant B's time call, when the profile has one


def explain(issue: Issue | UploadResult, lang: str | None = None) -> str:
    """One sentence for a shop clerk, with the field named in their language (``ehr.field.*``)."""
    found = issue.issue() if isinstance(issue, UploadResult) else issue
    params = dict(found.params)
    if found.field and f"ehr.field.{found.field}" in CATALOGUE:
        params["label"] = render(f"ehr.field.{found.field}", lang=lang)
    return render(found.code, params, lang)


def is_token_failure(status: str | None) -> bool:
    """§9 item 2's rule: the status talks about the token or logging in."""
    text = (status or "").lower()
    return any(word in text for word in TOKEN_WORDS)


def is_duplicate(status: str | None) -> bool:
    return any(word in (status or "") for word in DUPLICATE_WORDS)


def named_field(profile: Profile, status: str | None, fields: Sequence[str] | None = None) -> str | None:
    """The canonical field a rejection's status names (in the profile's spelling), if any.

    ``fields`` are the candidates, longest first; the default is the repair record's fields.
    """
    text = status or ""
    for canonical in _RECORD_FIELDS if fields is None else fields:
        wire = profile.wire(canonical)
        if re.search(rf"(?<![A-Za-z]){re.escape(wire)}(?![A-Za-z])", text):
            return canonical
    return None


def parse_retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds to wait from a ``Retry-After`` header: delta-seconds or an HTTP date (RFC 9110 §10.2.3)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, (when - now).total_seconds())
