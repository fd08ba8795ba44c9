"""Simulated owners for the sandbox's §9.1 ratings call.

No province lets a shop read its ratings, so the sandbox invents them the way owners behave: about a third
of the records it received get rated, some hours to a few days after they came in (by the sandbox's
injectable clock), with scores that depend on the job — long jobs cost "efficiency", large bills cost
"pricing", a repeat complaint costs "quality". Everything is derived from a seed and the record, so the
same records always give the same ratings and tests can rely on them.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from app.domain.clock import to_local

RATED_SHARE = 0.35
MIN_DELAY = timedelta(hours=2)
MAX_DELAY = timedelta(days=5)
DEFAULT_SEED = 82  # 交办运〔2021〕82号


@dataclass(frozen=True)
class SimulatedRating:
    id: str
    costlistcode: str
    plate: str
    created_at: datetime  # UTC, when the owner rated
    scores: dict[str, int]  # Shanghai wire names: quality, speed, price, attitude, environment, keepAppointment

    def wire(self) -> dict[str, Any]:
        """The object in ``content[]``: Shanghai's field names (§5) plus the settlement list number."""
        mean = sum(self.scores.values()) / len(self.scores)
        return {"id": self.id, "costlistcode": self.costlistcode, "vehicleNum": self.plate,
                "createTime": to_local(self.created_at).strftime("%Y-%m-%d %H:%M:%S"),
                "userAvgScore": round(mean, 1), **self.scores}  # fmt: skip


def simulate(costlistcode: str, content: dict[str, Any], received_at: datetime,
             seed: int = DEFAULT_SEED) -> SimulatedRating | None:  # fmt: skip
    """The owner's rating of this record, or None when this owner never rates."""
    digest = hashlib.sha256(f"{seed}|{costlistcode}".encode()).digest()
    rng = random.Random(int.from_bytes(digest[:8], "big"))
    if rng.random() >= RATED_SHARE:
        return None
    delay = MIN_DELAY + (MAX_DELAY - MIN_DELAY) * rng.random() ** 2  # most owners rate within a day
    basic = content.get("basicInfo", {})
    hours = sum(_number(p.get("workinghours")) for p in content.get("repairprojectlist", []))
    lines = len(content.get("repairprojectlist", [])) + len(content.get("vehiclepartslist", []))
    mood = rng.choice((5, 5, 5, 4, 4, 4, 3, 2))  # an owner's general mood, before the job's specifics

    def score(penalty: float) -> int:
        return max(1, min(5, round(mood + rng.uniform(-0.6, 0.6) - penalty)))

    scores = {
        "quality": score(0.8 if "异响" in str(basic.get("faultdescription", "")) else 0.0),
        "speed": score(min(hours / 4, 1.5)),
        "price": score(min(lines / 8, 1.5)),
        "attitude": score(0.0),
        "environment": score(0.3),
        "keepAppointment": score(0.0),
    }
    return SimulatedRating("sb-" + digest[8:16].hex(), costlistcode, str(basic.get("vehicleplatenumber", "")),
                           received_at + delay, scores)  # fmt: skip


def _number(value: Any) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0
