"""How often two reviewers judging the same claims agree: raw agreement and Cohen's kappa.

Pure: pairs of labels in, figures out. Kappa is agreement beyond what chance would give with each reviewer's
own label shares: 1 is complete agreement, 0 what chance gives, below 0 worse than chance. It is undefined (None)
when chance alone agrees completely (both reviewers gave one and the same label to everything).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Agreement:
    """Figures for a set of claims each judged by two reviewers."""

    items: int
    agreed: int
    #: agreed / items
    raw: float | None
    kappa: float | None

    def record(self) -> dict[str, float | int | None]:
        return {"items": self.items, "agreed": self.agreed,
                "raw_agreement": None if self.raw is None else round(self.raw, 4),
                "kappa": None if self.kappa is None else round(self.kappa, 4)}


def agreement(pairs: Sequence[tuple[str, str]]) -> Agreement:
    """Raw agreement and Cohen's kappa of ``pairs``: (first reviewer's label, second reviewer's label)."""
    n = len(pairs)
    if n == 0:
        return Agreement(0, 0, None, None)
    agreed = sum(1 for a, b in pairs if a == b)
    observed = agreed / n
    firsts, seconds = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(firsts[label] * seconds[label] for label in firsts) / (n * n)
    kappa = None if expected == 1 else (observed - expected) / (1 - expected)
    return Agreement(n, agreed, observed, kappa)
