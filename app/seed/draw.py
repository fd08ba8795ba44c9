"""Small drawing helpers shared by the generator modules (one ``random.Random`` drives them all)."""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Iterable
from itertools import accumulate
from typing import Generic, TypeVar

T = TypeVar("T")


class Weighted(Generic[T]):
    """A fixed table of weighted choices. The cumulative weights are summed once: a 200,000-order seed
    draws from these tables millions of times, and ``random.choices`` would re-sum them on every draw."""

    def __init__(self, items: Iterable[T], weights: Iterable[float]) -> None:
        self.items = tuple(items)
        self._cumulative = list(accumulate(weights))
        self._total = self._cumulative[-1]

    def draw(self, rng: random.Random) -> T:
        return self.items[bisect(self._cumulative, rng.random() * self._total)]


def digits(rng: random.Random, n: int) -> str:
    """``n`` random decimal digits, leading zeros kept (serial numbers, phone numbers)."""
    return f"{rng.randrange(10**n):0{n}d}"
