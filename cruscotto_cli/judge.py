"""Judging one actual against one target: met or not, and the degree of achievement.

The degree (grado di raggiungimento) follows Italian performance reports: 100% when the target is
met; otherwise proportional, actual / target when higher is better and target / actual when lower
is better, kept below 100%; all-or-nothing where a ratio means nothing (a target at or below zero,
an exact value, a range, levels, yes/no). Example: target ≥ 103, actual 100 -> 97,09%.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from cruscotto_cli.plan.model import ScaleLevel, Value
from cruscotto_cli.plan.reasons import Reason
from cruscotto_cli.plan.targets import (
    Annual,
    Comparator,
    Level,
    Range,
    Target,
    Threshold,
    effective_comparator,
)

ONE = Decimal(1)
ZERO = Decimal(0)
# A strict target missed exactly at its threshold ("> 1", actual 1) is not met, so its ratio of
# 100% is shown as the highest degree below it.
BELOW_ONE = Decimal("0.9999")

COMPARE: dict[Comparator, Callable[[Decimal, Decimal], bool]] = {
    Comparator.GE: lambda a, t: a >= t,
    Comparator.GT: lambda a, t: a > t,
    Comparator.LE: lambda a, t: a <= t,
    Comparator.LT: lambda a, t: a < t,
    Comparator.EQ: lambda a, t: a == t,
}


@dataclass(frozen=True)
class Judgement:
    """Met or not with its degree (0..1); or, when the two cannot be compared, the reason."""

    met: bool = False
    degree: Decimal = ZERO
    invalid: Reason | None = None


def judge(
    target: Target,
    actual: Value,
    direction: str | None,
    scale: Sequence[ScaleLevel],
    by_distance: bool = False,
) -> Judgement:
    """Compare an actual with a scored target (not a baseline); `by_distance` scores a missed
    target at or below zero by its distance (`scoring: {zero_targets: distance}`)."""
    if isinstance(target, Annual):
        if not isinstance(actual, bool):
            return Judgement(invalid=Reason.of("needs_yes_no", actual=str(actual)))
        return Judgement(actual, ONE if actual else ZERO)
    if isinstance(target, Level):
        return _judge_level(target, actual, direction, scale)
    if isinstance(actual, bool) or not isinstance(actual, Decimal):
        return Judgement(invalid=Reason.of("needs_number", target=target.text, actual=str(actual)))
    if isinstance(target, Range):
        return _all_or_nothing(target.low <= actual <= target.high)
    if isinstance(target, Threshold):
        return _judge_threshold(target, actual, direction, by_distance)
    # A Baseline: callers skip it.
    return Judgement(invalid=Reason.of("not_scored", target=target.text))


def _judge_threshold(
    target: Threshold, actual: Decimal, direction: str | None, by_distance: bool = False
) -> Judgement:
    comparator = effective_comparator(target, direction)
    if comparator is None:
        return Judgement(invalid=Reason.of("no_direction", target=target.text))
    if COMPARE[comparator](actual, target.value):
        return Judgement(True, ONE)
    value = target.value
    if comparator is not Comparator.EQ and value <= 0 and by_distance:
        return Judgement(False, min(distance_degree(actual, value), BELOW_ONE))
    if comparator is Comparator.EQ or value <= 0 or actual <= 0:
        return Judgement(False, ZERO)
    ratio = actual / value if comparator in (Comparator.GE, Comparator.GT) else value / actual
    return Judgement(False, min(ratio, BELOW_ONE))


def distance_degree(actual: Decimal, target: Decimal) -> Decimal:
    """A missed target at or below zero scored by distance: 1 - |actual - target| / |target|,
    not below 0; a zero target measures the distance in units of the indicator (span 1).
    ITP < -13 with -11,4: 1 - 1,6 / 13 = 87,69%."""
    span = abs(target) or ONE
    return max(ZERO, ONE - abs(actual - target) / span)


def _judge_level(
    target: Level, actual: Value, direction: str | None, scale: Sequence[ScaleLevel]
) -> Judgement:
    levels = [s.level.casefold() for s in scale]
    reached = level_of(actual, scale)
    if reached is None:
        return Judgement(invalid=Reason.of("not_a_level", actual=str(actual), levels=tuple(levels)))
    comparator = effective_comparator(target, direction)
    if comparator is None:
        return Judgement(invalid=Reason.of("no_level_direction", target=target.text))
    rank, wanted = Decimal(levels.index(reached)), Decimal(levels.index(target.level))
    return _all_or_nothing(COMPARE[comparator](rank, wanted))


def level_of(actual: Value, scale: Sequence[ScaleLevel]) -> str | None:
    """A level's name for a level or a numeric score read through the scale's bands."""
    if isinstance(actual, str):
        return (
            actual.casefold() if actual.casefold() in {s.level.casefold() for s in scale} else None
        )
    if isinstance(actual, bool):
        return None
    found = None
    for level in scale:
        if level.from_ is None or actual >= level.from_:
            found = level.level.casefold()
    return found


def _all_or_nothing(met: bool) -> Judgement:
    return Judgement(met, ONE if met else ZERO)
