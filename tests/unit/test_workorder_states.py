"""The work-order life cycle: draft → in_repair → completed → settled, or cancelled before settlement."""

from __future__ import annotations

import itertools

import pytest

from app.domain.errors import DomainError
from app.domain.workorder import EDITABLE_STATES, State, check_editable, check_transition

ALLOWED = {
    (State.DRAFT, State.IN_REPAIR),
    (State.DRAFT, State.COMPLETED),
    (State.DRAFT, State.SETTLED),
    (State.DRAFT, State.CANCELLED),
    (State.IN_REPAIR, State.DRAFT),
    (State.IN_REPAIR, State.COMPLETED),
    (State.IN_REPAIR, State.SETTLED),
    (State.IN_REPAIR, State.CANCELLED),
    (State.COMPLETED, State.IN_REPAIR),
    (State.COMPLETED, State.SETTLED),
    (State.COMPLETED, State.CANCELLED),
}


@pytest.mark.parametrize(("current", "target"), list(itertools.product(State, State)))
def test_every_transition_is_allowed_or_refused_as_designed(current: State, target: State) -> None:
    if (current, target) in ALLOWED:
        check_transition(current, target)
    else:
        with pytest.raises(DomainError) as err:
            check_transition(current, target)
        assert err.value.code == "workorder.bad_transition"
        assert err.value.params == {"current": current.value, "target": target.value}


def test_settled_and_cancelled_are_final_and_read_only() -> None:
    for final in (State.SETTLED, State.CANCELLED):
        assert final not in EDITABLE_STATES
        with pytest.raises(DomainError) as err:
            check_editable(final)
        assert err.value.code == "workorder.read_only"
    for state in (State.DRAFT, State.IN_REPAIR, State.COMPLETED):
        check_editable(state)
