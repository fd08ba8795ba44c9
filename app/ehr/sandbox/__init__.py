"""Banshou's own EHR sandbox: a real HTTP server that behaves like a strict province (§9.1).

Training mode runs against it on loopback, and so do the tests. It speaks variant A (the §9.1 contract)
and also B and C on their own paths; it applies §8's blocking rules with its own code, stores warning
flags with each record, counts repeats, and can be told to misbehave (:class:`FaultPlan`).

The §9.1 ratings call is served: simulated owners rate about a third of the received records some hours
to days later (``app.ehr.sandbox.ratings``). So is the §9.1 waste call: one handoff per request, checked
and stored with repeats counted like records (``app.ehr.sandbox.waste``).

    with run_sandbox(db_path=tmp / "sb.db", accounts={"310115000000001": "pw"}) as sb:
        sb.base_url; sb.set_faults(drop_after_store=1); sb.stats().repeats
"""

from app.ehr.sandbox.faults import Fault, FaultPlan
from app.ehr.sandbox.server import Sandbox, run_sandbox
from app.ehr.sandbox.store import LoggedRequest, SandboxStats, StoredRecord, StoredWaste

__all__ = ["Fault", "FaultPlan", "LoggedRequest", "Sandbox", "SandboxStats", "StoredRecord", "StoredWaste", "run_sandbox"]
