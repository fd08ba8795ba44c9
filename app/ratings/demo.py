"""Simulated ratings for a seeded (demo or benchmark) folder: the sandbox's owners rate the settled orders.

The same :func:`app.ehr.sandbox.ratings.simulate` that the sandbox uses decides which jobs get rated,
when and how, so a demo dashboard looks like what a training shop sees. Rows are written in bulk with
their links already known (the order is at hand), because 200,000 orders through one-by-one linking
would take minutes for no extra truth.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import insert, select

from app.ehr.sandbox.ratings import simulate
from localdb import models as m
from localdb import ratings_models as rm
from localdb.engine import Database

_WIRE = {"quality": "quality", "speed": "efficiency", "price": "pricing", "attitude": "attitude",
         "environment": "environment"}  # fmt: skip


def add_simulated_ratings(db: Database, now: datetime, seed: int = 82, batch: int = 5000) -> int:
    """Rate the folder's settled orders as owners would have by ``now``; returns how many were added."""
    wo = m.WorkOrder
    with db.read() as s:
        orders = s.execute(select(wo.id, wo.costlistcode, wo.plate, wo.settled_at, wo.fault_description,
                                  wo.advisor_id, wo.labour_fen, wo.parts_fen)
                           .where(wo.state == "settled", wo.superseded.is_(False))).all()  # fmt: skip
        techs: dict[int, set[int]] = {}
        for order_id, staff_id in s.execute(select(m.LabourLine.work_order_id, m.LabourLine.technician_id)
                                            .where(m.LabourLine.technician_id.is_not(None))):  # fmt: skip
            techs.setdefault(order_id, set()).add(staff_id)
    rows: list[dict[str, object]] = []
    links: list[dict[str, object]] = []
    with db.write() as s:
        next_id = (s.scalar(select(rm.Rating.id).order_by(rm.Rating.id.desc()).limit(1)) or 0) + 1
        for order_id, code, plate, settled_at, fault, advisor, labour, parts in orders:
            content = {"basicInfo": {"vehicleplatenumber": plate, "faultdescription": fault},
                       "repairprojectlist": [{"workinghours": labour / 10000}] * 1,
                       "vehiclepartslist": [{}] * min(12, parts // 20000)}  # fmt: skip
            sim = simulate(code or str(order_id), content, settled_at, seed)
            if sim is None or sim.created_at > now:
                continue
            scores = {_WIRE[k]: v for k, v in sim.scores.items() if k in _WIRE}
            values = list(scores.values())
            rows.append({"id": next_id, "external_id": sim.id, "source": "ehr", "costlistcode": code or "",
                         "plate": plate, "rated_at": sim.created_at, "scores": scores, **scores, "keep_appointment": None, "min_score": min(values),
                         "mean_x100": round(100 * sum(values) / len(values)), "comment": "",
                         "work_order_id": order_id, "advisor_id": advisor, "followup_state": "",
                         "followup_note": "", "followup_closed_at": None, "received_at": sim.created_at})  # fmt: skip
            links += [{"rating_id": next_id, "staff_id": t} for t in sorted(techs.get(order_id, ()))]
            next_id += 1
        for start in range(0, len(rows), batch):
            s.execute(insert(rm.Rating), rows[start:start + batch])
        for start in range(0, len(links), batch):
            s.execute(insert(rm.RatingTechnician), links[start:start + batch])
    return len(rows)
