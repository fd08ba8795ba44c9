"""On-hand stock equals generated − handed over + reversals, for random sequences of operations.

One migrated database serves every example (migrating per example would take most of the budget); each
example opens its own containers, so its stock is checked container by container from a clean start.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.context import AppContext
from app.domain.clock import ManualClock
from app.domain.errors import DomainError
from app.paths import DataDir
from app.waste.dto import GenerationInput, HandoffInput, HandoffLineInput
from tests.dbs import open_test_context
from tests.integration.test_waste_ledger import add_collector

KINDS = ("waste_oil", "lead_battery")
_manifests = iter(range(1, 10**6))

op = st.one_of(
    st.tuples(st.just("gen"), st.sampled_from(KINDS), st.integers(1, 40), st.integers(1, 9000)),
    st.tuples(st.just("reverse"), st.integers(0, 30)),
    st.tuples(st.just("handoff"), st.sampled_from(KINDS), st.integers(1, 100)),  # percent of what is stored
    st.tuples(st.just("reject"), st.integers(0, 10)),
)


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[AppContext, int]]:
    ctx = open_test_context(DataDir(Path(tmp_path_factory.mktemp("waste")) / "data"),
                            ManualClock(datetime(2026, 11, 26, 2, 0, tzinfo=UTC)), for_session=True)  # fmt: skip
    yield ctx, add_collector(ctx)
    ctx.close()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=st.lists(op, min_size=1, max_size=12))
def test_stock_is_generated_minus_handed_over_plus_reversals(shared: tuple[AppContext, int], ops: list[tuple]) -> None:
    ctx, collector = shared
    ledger = ctx.waste.ledger
    containers = {k: ledger.open_container(k).id for k in KINDS}
    model = {k: {"gen": Decimal(0), "out": Decimal(0), "rev": Decimal(0)} for k in KINDS}
    gens: list[tuple[str, int, Decimal]] = []  # kind, generation row id, quantity
    trips: list[tuple[str, int, Decimal]] = []  # kind, handoff id, quantity
    for step in ops:
        ctx.clock.advance(60)
        if step[0] == "gen":
            _, kind, pieces, grams = step
            qty = Decimal(pieces) if kind == "lead_battery" else Decimal(grams) / 100
            made, _ = ledger.generate(GenerationInput(kind, qty, qty * 2, containers[kind], handled_by="李强"))
            model[kind]["gen"] += qty
            gens.append((kind, made.id, qty))
        elif step[0] == "reverse" and gens:
            kind, entry_id, qty = gens.pop(step[1] % len(gens))
            stock = model[kind]["gen"] - model[kind]["out"] + model[kind]["rev"]
            try:
                ledger.reverse(entry_id, "录入错误", "李强")
            except DomainError as err:
                assert err.code == "waste.reversal_negative" and qty > stock
                continue
            model[kind]["rev"] -= qty
        elif step[0] == "handoff":
            _, kind, percent = step
            stock = model[kind]["gen"] - model[kind]["out"] + model[kind]["rev"]
            qty = (stock * percent / 100).quantize(Decimal(1) if kind == "lead_battery" else Decimal("0.001"))
            if qty <= 0:
                continue
            h = ctx.waste.handoffs.create(HandoffInput(
                collector, (HandoffLineInput(containers[kind], qty, qty * 2),),
                manifest_no=f"202631010{next(_manifests):05d}", handled_by="王丽"), dispatch=True)  # fmt: skip
            model[kind]["out"] += qty
            trips.append((kind, h.id, qty))
        elif step[0] == "reject" and trips:
            kind, handoff_id, qty = trips.pop(step[1] % len(trips))
            ctx.waste.handoffs.reject(handoff_id, "接收方拒收", "王丽")
            model[kind]["rev"] += qty
    by_container = {c.id: c for c in ledger.containers()}
    for kind, container_id in containers.items():
        expected = model[kind]["gen"] - model[kind]["out"] + model[kind]["rev"]
        assert by_container[container_id].quantity == expected
        assert by_container[container_id].weight_kg == expected * 2
        assert by_container[container_id].stored_quantity == expected  # everything was stored at generation
