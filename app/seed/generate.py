"""The deterministic generator: ``generate(orders, seed, now)`` → a :class:`SeedPlan` of plain specs.

Shape of the data, and why:
- Vehicles come back 1–8 times over the two years before ``now``, at least a week apart, so a car's
  history reads like a real customer's and each visit is finished before the next one starts (otherwise
  the "mileage lower than last time" warning would fire at settlement).
- The odometer grows 30–60 km a day with noise from a first reading that fits the car's model year.
- Most orders are settled; a few stay open (only a car's latest visit, within the last three days, as at
  a real counter), a few are cancelled, about 1 % are corrected once after settlement.
- Each kind gets at least one order whenever there are ten or more, so a 40-order seed already covers
  every path the equivalence test has to compare.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from app.domain.clock import SHOP_TZ, local_date
from app.domain.workorder import CERTIFICATE_CATEGORIES, State
from app.seed.catalogue import Catalogue, RepairItem, load
from app.seed.draw import Weighted, digits
from app.seed.identities import VehicleFactory, make_shop, make_staff, mobile, person_name
from app.seed.lines import LineMaker
from app.seed.plan import Correction, OrderSpec, SeedPlan
from app.services.workorders import IntakeHeader

SPAN_DAYS = 730
MIN_GAP_DAYS = 7
NEV_SHARE = 0.15
_VISITS = Weighted((1, 2, 3, 4, 5, 6, 7, 8), (30, 22, 16, 11, 8, 6, 4, 3))
_SHARES = {State.DRAFT: 0.003, State.IN_REPAIR: 0.005, State.COMPLETED: 0.003, State.CANCELLED: 0.015}
CORRECTED_SHARE = 0.01
_OPEN = (State.DRAFT, State.IN_REPAIR, State.COMPLETED)
_CANCEL_REASONS = ("客户不修了", "客户嫌贵，暂不维修", "配件缺货，客户改约", "重复开单", "客户开走自行处理")
_MAINTENANCE = frozenset({"到保养里程了", "保养提示灯亮"})
_NEV_SERVICE = ("全车安全检查", "更换空调滤清器", "轮胎换位", "更换刹车油")
_NEV_KEEPS = frozenset({"更换空调滤清器", "更换刹车油", "更换防冻液", "更换雨刮片", "四轮保养"})
_UPSELL = ("全车安全检查", "更换雨刮片", "更换空调滤清器")


@dataclass(slots=True)
class _Visit:
    vehicle: int
    intake: datetime
    outcome: State = State.SETTLED
    corrected: bool = False
    mileage: int = 0
    deadline: datetime = field(default_factory=lambda: datetime.max.replace(tzinfo=UTC))


def _minutes(n: float) -> timedelta:
    return timedelta(minutes=int(n))


def _working_time(rng: random.Random, day: date) -> datetime:
    """A moment in opening hours (08:00–18:30 local, busiest mid-morning), as UTC."""
    local = datetime.combine(day, time(8, 0), tzinfo=SHOP_TZ) + _minutes(rng.triangular(0, 630, 90))
    return local.astimezone(UTC)


def _fit(offsets: list[int], budget: int) -> list[int]:
    """Squeeze strictly increasing step offsets (minutes after intake) into ``budget`` minutes, keeping
    their order, so a visit always ends before the next one (or before ``now``)."""
    if not offsets or offsets[-1] <= budget:
        return offsets
    scaled: list[int] = []
    for offset in offsets:
        scaled.append(max((scaled[-1] if scaled else 0) + 1, offset * budget // offsets[-1]))
    return scaled if scaled[-1] <= budget else list(range(1, len(offsets) + 1))


class _Generator:
    def __init__(self, rng: random.Random, catalogue: Catalogue, now: datetime) -> None:
        self.rng = rng
        self.cat = catalogue
        self.now = now
        rate = rng.randint(catalogue.labour_rate_low_fen // 100, catalogue.labour_rate_high_fen // 100) * 100
        self.shop, self.city = make_shop(rng, rate)
        self.staff = make_staff(rng)
        self.advisors = tuple(i + 1 for i, (_, role) in enumerate(self.staff) if role == "advisor")
        technicians = tuple(i + 1 for i, (_, role) in enumerate(self.staff) if role == "technician")
        self.billing = LineMaker(rng, catalogue, rate, technicians)
        self.complaints = catalogue.complaints
        self.complaint_table = Weighted(
            catalogue.complaints,
            [
                10 if c.text in _MAINTENANCE else 0.3 if "二级维护" in c.text else 1
                for c in catalogue.complaints
            ],
        )

    # -- when ----------------------------------------------------------------------------------------
    def schedule(self, orders: int) -> list[list[_Visit]]:
        """Visits per vehicle, at least MIN_GAP_DAYS apart, within the SPAN_DAYS before today."""
        rng, first_day = self.rng, local_date(self.now) - timedelta(days=SPAN_DAYS)
        cars: list[list[_Visit]] = []
        left = orders
        while left > 0:
            k = min(left, _VISITS.draw(rng))
            days = sorted(rng.sample(range(SPAN_DAYS - MIN_GAP_DAYS * (k - 1)), k))
            v = len(cars)
            cars.append(
                [
                    _Visit(v, _working_time(rng, first_day + timedelta(days=d + i * MIN_GAP_DAYS)))
                    for i, d in enumerate(days)
                ]
            )
            left -= k
        return cars

    def assign_outcomes(self, cars: list[list[_Visit]], orders: int, corrected_share: float) -> None:
        """Quota per outcome (at least one each from ten orders up). Open orders are a car's latest visit,
        moved into the last three days, as a shop's open orders are."""
        rng = self.rng

        def quota(share: float) -> int:
            return max(1, round(orders * share)) if orders >= 10 else 0

        recent = self.now - timedelta(days=10)
        candidates = [car[-1] for car in cars if len(car) == 1 or car[-2].intake <= recent]
        rng.shuffle(candidates)
        for state in _OPEN:
            for _ in range(quota(_SHARES[state])):
                if candidates:
                    visit = candidates.pop()
                    visit.outcome, visit.intake = state, self._recent_intake()
        rest = [v for car in cars for v in car if v.outcome == State.SETTLED]
        for visit in rng.sample(rest, min(len(rest), quota(_SHARES[State.CANCELLED]))):
            visit.outcome = State.CANCELLED
        settled = [v for v in rest if v.outcome == State.SETTLED]
        for visit in rng.sample(settled, min(len(settled), quota(corrected_share))):
            visit.corrected = True

    def _recent_intake(self) -> datetime:
        day = local_date(self.now)
        while True:
            when = _working_time(self.rng, day - timedelta(days=self.rng.randint(0, 2)))
            if when <= self.now - timedelta(hours=6):
                return when
            day -= timedelta(days=1)

    def odometer(self, car: list[_Visit], model_year: int) -> None:
        """First reading from the car's age, then 30–60 km a day (per car) with ±30 % noise per gap."""
        rng = self.rng
        per_day = rng.uniform(30, 60)
        age_days = max(30, (local_date(car[0].intake) - date(model_year, 7, 1)).days)
        km = max(200, int(age_days * per_day * rng.uniform(0.6, 1.2)))
        for previous, visit in zip([None, *car], car, strict=False):
            if previous is not None:
                gap_days = (visit.intake - previous.intake).total_seconds() / 86400
                km += max(1, int(gap_days * per_day * rng.uniform(0.7, 1.3)))
                previous.deadline = visit.intake - timedelta(hours=1)
            visit.mileage = km

    # -- what ----------------------------------------------------------------------------------------
    def job(self, nev: bool) -> tuple[str, list[RepairItem]]:
        rng, items = self.rng, self.cat.items
        if rng.random() < 0.003:
            rare = "全车喷漆" if nev or rng.random() < 0.5 else "发动机大修"
            fault = "全车漆面老化褪色，要求全车喷漆" if rare == "全车喷漆" else "烧机油严重，动力明显下降"
            return fault, [items[rare]]
        while True:
            complaint = self.complaint_table.draw(rng)
            names = [n for n in complaint.items if not nev or _fits_nev(items[n])]
            if nev and not names and complaint.text in _MAINTENANCE:
                names = list(_NEV_SERVICE)
            if names:
                break
        chosen = [rng.choices(names, [max(1, 3 - i) for i in range(len(names))])[0]]
        if len(names) > 1 and rng.random() < 0.45:
            chosen.append(rng.choice([n for n in names if n != chosen[0]]))
        extra = rng.choice(_UPSELL)
        if rng.random() < 0.25 and extra not in chosen:
            chosen.append(extra)
        fault = complaint.text
        other = rng.choice(self.complaints).text
        if rng.random() < 0.1 and other != fault:
            fault = f"{fault}；{other}"
        return fault[:200], [items[n] for n in chosen]

    def order(
        self, visit: _Visit, creates: bool, brand: str, domestic: bool, big_tyres: bool, nev: bool
    ) -> OrderSpec:
        rng = self.rng
        fault, items = self.job(nev)
        category = items[0].repair_category
        header = IntakeHeader(
            intake_at=visit.intake,
            intake_mileage=visit.mileage,
            fault_description=fault,
            repair_category=category,
            labour_standard="manufacturer" if rng.random() < 0.05 else "industry",
            advisor_id=rng.choice(self.advisors),
            **self._bringer(),
        )
        lines = self.billing.lines(items, brand, big_tyres, domestic)
        hours = float(sum(line.hours for line in lines.labour))
        work = hours * 60 * rng.uniform(0.9, 1.5) + rng.uniform(10, 40)
        at_lines = rng.randint(5, 40)
        steps: dict[str, float] = {}
        outcome = visit.outcome
        needs_cert = category in CERTIFICATE_CATEGORIES
        if outcome == State.DRAFT:
            steps = {"lines": at_lines} if rng.random() < 0.8 else {}
        elif outcome == State.CANCELLED:
            steps = (
                {"lines": at_lines, "cancel": at_lines + rng.randint(10, 120)}
                if rng.random() < 0.5
                else {"cancel": rng.randint(10, 120)}
            )
        elif outcome == State.SETTLED and not needs_cert and rng.random() < 0.1:
            steps = {"lines": at_lines, "settle": at_lines + work}  # quick job: settled while waiting
        else:
            steps = {"lines": at_lines, "start": at_lines + rng.randint(1, 30)}
            if outcome in (State.COMPLETED, State.SETTLED):
                steps["complete"] = steps["start"] + work
            if outcome == State.SETTLED:
                steps["settle"] = steps["complete"] + rng.randint(5, 180)
        if visit.corrected:
            steps["correct"] = steps["settle"] + rng.randint(60, 2880)
            steps["correct_lines"] = steps["correct"] + rng.randint(2, 30)
            steps["correct_settle"] = steps["correct_lines"] + rng.randint(2, 30)
        deadline = min(visit.deadline, self.now - timedelta(minutes=1))
        budget = int((deadline - visit.intake).total_seconds() // 60)
        offsets = _fit([int(v) for v in steps.values()], budget)
        at = {name: visit.intake + timedelta(minutes=o) for name, o in zip(steps, offsets, strict=True)}
        lines_at = at.get("lines")
        correction = None
        if visit.corrected:
            fixed = self.billing.corrected(lines, brand, domestic)
            correction = Correction(
                at["correct"],
                at["correct_lines"],
                fixed,
                at["correct_settle"],
                self.billing.settle_request(fixed, category),
            )
        completed = at.get("complete")
        return OrderSpec(
            vehicle=visit.vehicle,
            creates_vehicle=creates,
            header=header,
            outcome=outcome,
            lines_at=lines_at,
            lines=lines if lines_at else None,
            started_at=at.get("start"),
            completed_at=completed,
            mileage_out=visit.mileage + rng.randint(0, 8) if completed else None,
            cert_no=f"{self.city.region}{completed.year}{digits(rng, 6)}" if completed and needs_cert else "",
            cancelled_at=at.get("cancel"),
            cancel_reason=rng.choice(_CANCEL_REASONS) if "cancel" in at else "",
            settled_at=at.get("settle"),
            settle=self.billing.settle_request(lines, category) if "settle" in at else None,
            correction=correction,
        )

    def _bringer(self) -> dict[str, str]:
        """Usually the owner brings the car (left empty: the service fills in the owner); sometimes not."""
        if self.rng.random() >= 0.15:
            return {}
        return {"bringer_name": person_name(self.rng), "bringer_phone": mobile(self.rng)}


def _fits_nev(item: RepairItem) -> bool:
    """Engine-only work makes no sense on a battery car (plug-in hybrids are treated the same, for brevity)."""
    if item.group == "发动机" or item.name in ("更换发电机", "更换起动机"):
        return False
    return item.group != "保养" or item.name in _NEV_KEEPS


def generate(orders: int, seed: int, now: datetime, *, corrected_share: float = CORRECTED_SHARE) -> SeedPlan:
    """A plan of ``orders`` work orders (plus about 1 % correction revisions) ending before ``now``."""
    if orders < 0:
        raise ValueError("orders must not be negative")
    now = now.astimezone(UTC).replace(second=0, microsecond=0)
    rng = random.Random(seed)
    gen = _Generator(rng, load(), now)
    cars = gen.schedule(orders)
    gen.assign_outcomes(cars, orders, corrected_share)
    nev_cars = set(rng.sample(range(len(cars)), round(len(cars) * NEV_SHARE) or min(1, len(cars) // 3)))
    factory = VehicleFactory(rng, gen.cat.makers, gen.city)
    vehicles = []
    specs: list[OrderSpec] = []
    for index, car in enumerate(cars):
        nev = index in nev_cars
        vehicle, model_year, country = factory.make(nev, local_date(car[0].intake))
        vehicles.append(vehicle)
        gen.odometer(car, model_year)
        brand = vehicle.brand_model.split(" ")[0]
        big_tyres = vehicle.vehicle_type != "car"
        for number, visit in enumerate(car):
            specs.append(gen.order(visit, number == 0, brand, country == "CN", big_tyres, nev))
    specs.sort(key=lambda o: (o.header.intake_at, o.vehicle))
    return SeedPlan(now, _shop_configured(now), gen.shop, gen.staff, tuple(vehicles), tuple(specs))


def _shop_configured(now: datetime) -> datetime:
    return now - timedelta(days=SPAN_DAYS + 2)
