"""Talking to the provincial EHR (汽车维修电子健康档案系统): profiles, payload mapping and the client.

``profiles`` holds each province's wire settings as data, ``payloads`` maps a settled order onto a
variant's request, ``client`` sends it and classifies the answer, ``sandbox`` is our own strict stand-in
province for training mode and tests. The outbox worker that drives uploads builds on these.
"""

from app.ehr.client import EhrClient
from app.ehr.payloads import RequestSpec, build_record_request, map_record, record_request, token_request
from app.ehr.profiles import Profile, available_profiles, load_profile
from app.ehr.redact import install_redaction, redact
from app.ehr.results import ConnectionResult, Outcome, UploadResult, explain

__all__ = [
    "ConnectionResult",
    "EhrClient",
    "Outcome",
    "Profile",
    "RequestSpec",
    "UploadResult",
    "available_profiles",
    "build_record_request",
    "explain",
    "install_redaction",
    "load_profile",
    "map_record",
    "record_request",
    "redact",
    "token_request",
]
