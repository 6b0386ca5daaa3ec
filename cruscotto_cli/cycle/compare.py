"""Year over year: each indicator's degree and each roll-up's score beside the previous year's.

The Relazione sulla performance compares the year with the one before. A difference is in
percentage points (95,00% after 90,00% is +5,00), and exists only where both years have a degree
or a score: an indicator without a target, a withdrawn one or an open year has none.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from cruscotto_cli.evaluate import Evaluation, Outcome, Score

# A change smaller than the 0,01 points a report shows is no change: "Peggiorano" must not name an
# area whose difference reads 0,00.
SHOWN = Decimal("0.0001")


@dataclass(frozen=True)
class Beside:
    """This year's degree or score, last year's, and the difference (fractions, 0..1)."""

    now: Decimal | None
    before: Decimal | None

    @property
    def change(self) -> Decimal | None:
        if self.now is None or self.before is None:
            return None
        return self.now - self.before

    @property
    def direction(self) -> int:
        """+1 up, -1 down, 0 unchanged (or not comparable), at the precision a report shows."""
        change = self.change
        if change is None:
            return 0
        shown = change.quantize(SHOWN)
        return (shown > 0) - (shown < 0)


@dataclass(frozen=True)
class YearOverYear:
    """Lookups of the previous year's degrees and scores; `year` None when there is none."""

    year: int | None
    _degrees: dict[str, Decimal | None] = field(default_factory=dict)
    _areas: dict[str, Decimal | None] = field(default_factory=dict)
    _offices: dict[str, Decimal | None] = field(default_factory=dict)
    _overall: Decimal | None = None

    def outcome(self, o: Outcome) -> Beside:
        return Beside(o.degree, self._degrees.get(o.indicator.id))

    def area(self, s: Score) -> Beside:
        return Beside(s.score, self._areas.get(s.key))

    def office(self, s: Score) -> Beside:
        return Beside(s.score, self._offices.get(s.key))

    def overall(self, s: Score) -> Beside:
        return Beside(s.score, self._overall)


def year_over_year(evaluation: Evaluation) -> YearOverYear:
    """The comparison of an evaluation with the previous year's, built once for a renderer."""
    before = evaluation.previous
    if before is None:
        return YearOverYear(None)
    return YearOverYear(
        before.year,
        {o.indicator.id: o.degree for o in before.outcomes},
        {s.key: s.score for s in before.areas},
        {s.key: s.score for s in before.offices},
        before.overall.score,
    )


def trends(evaluation: Evaluation) -> tuple[list[Score], list[Score]]:
    """The areas whose score rose and those whose score fell since the previous year."""
    compared = year_over_year(evaluation)
    moved = [(a, compared.area(a).direction) for a in evaluation.areas]
    return [a for a, d in moved if d > 0], [a for a, d in moved if d < 0]
