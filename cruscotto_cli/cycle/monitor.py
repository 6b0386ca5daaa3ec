"""Monitoring during the year: each indicator's latest value at a date against the year's target.

Pure, like evaluate. A value is projected to the year's end by its kind (see projection.py) and
judged against the target (a count pro rata of the year elapsed by the day it was measured,
not by the day monitored at: a value of 30/06 looked at on 30/09 is still 181 / 365 of the
year): met is on track ("In linea"); missed by no more than the plan's
tolerance (`monitoring: {tolerance: 10}`, 10% by default) is at risk ("A rischio"); missed by more
is critical ("Critico"). The tolerance is the shortfall relative to the target, |projected -
target| / |target| (one unit of the indicator for a zero target), so that it reads the same for
ITP < -13 as for ≥ 140. A yes/no action is in progress ("In corso") until done; an indicator with
no value by the date, or whose value cannot be judged, is not yet measurable ("Non rilevabile").
Missed levels and exact values have no distance to measure: they are critical.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

from cruscotto_cli.cycle.projection import elapsed, project, projection_of
from cruscotto_cli.judge import judge
from cruscotto_cli.plan.formula import ComputeError, FormulaError
from cruscotto_cli.plan.loaded import Placed, Plan
from cruscotto_cli.plan.model import Indicator, Projection, Value
from cruscotto_cli.plan.reasons import Reason
from cruscotto_cli.plan.targets import Annual, Baseline, Range, Target, Threshold

if TYPE_CHECKING:
    from cruscotto_cli.actuals.values import Actual, Actuals


class Progress(StrEnum):
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    CRITICAL = "critical"
    IN_PROGRESS = "in_progress"
    NOT_MEASURABLE = "not_measurable"
    BASELINE = "baseline"
    NO_TARGET = "no_target"
    WITHDRAWN = "withdrawn"


@dataclass(frozen=True)
class Check:
    """One indicator at the date: its value, when it was measured, the projection, the status."""

    area_id: str
    indicator: Indicator
    target: Target | None
    projection: Projection
    status: Progress
    value: Value | None = None
    measured: dt.date | None = None
    projected: Value | None = None
    gap: Decimal | None = None  # the shortfall relative to the target (0,05 is 5% below)
    reason: Reason | None = None  # why not measurable, or the act that withdrew it
    explanation: str | None = None
    sources: tuple[Actual, ...] = ()


@dataclass(frozen=True)
class Monitoring:
    year: int
    at: dt.date
    share: Decimal  # of the year elapsed
    tolerance: Decimal  # a fraction: 0,10
    checks: tuple[Check, ...]
    counts: dict[Progress, int] = field(default_factory=dict)


def monitor(
    plan: Plan, actuals: Actuals, year: int, at: dt.date, selected: Sequence[Placed] | None = None
) -> Monitoring:
    """Every selected indicator (all by default) at `at`, a day of `year` or after it."""
    share, tolerance = elapsed(year, at), plan.header.monitoring.tolerance / 100
    placed = plan.placed if selected is None else selected
    checks = tuple(check(plan, actuals, p, year, at, tolerance) for p in placed)
    counts: dict[Progress, int] = {}
    for c in checks:
        counts[c.status] = counts.get(c.status, 0) + 1
    ordered = {s: counts[s] for s in Progress if s in counts}
    return Monitoring(year, at, share, tolerance, checks, ordered)


def check(
    plan: Plan,
    actuals: Actuals,
    placed: Placed,
    year: int,
    at: dt.date,
    tolerance: Decimal,
) -> Check:
    ind, kind = placed.indicator, projection_of(plan, placed.indicator)
    target = ind.targets.get(year)
    base = Check(placed.area.id, ind, target, kind, Progress.NO_TARGET)
    if change := ind.withdrawn_in(year):
        return _with(base, Progress.WITHDRAWN, reason=Reason.of("withdrawn", act=change.act))
    if target is None or isinstance(target, Baseline):
        return _with(base, Progress.NO_TARGET if target is None else Progress.BASELINE)
    value, rows, problem = _value_at(actuals, ind, year, at)
    measured = max((r.date or dt.date(year, 12, 31) for r in rows), default=None)
    explanation = next((r.reason for r in reversed(rows) if r.reason), None)
    base = _with(base, base.status, value=value, measured=measured, sources=rows)
    base = _with(base, base.status, explanation=explanation)
    if isinstance(target, Annual):
        return _annual(base, value, at >= dt.date(year, 12, 31))
    if value is None:
        return _with(base, Progress.NOT_MEASURABLE, reason=problem)
    # A count is projected from the day it was measured: 72 on 30/06 is on pace for 145 whether
    # it is looked at on 30/06 or on 30/09, when no later value has come.
    share = elapsed(year, measured or at)
    projected = project(value, kind, share) if isinstance(value, Decimal) else value
    return _judged(plan, _with(base, base.status, projected=projected), target, tolerance)


def _judged(plan: Plan, base: Check, target: Target, tolerance: Decimal) -> Check:
    assert base.projected is not None
    result = judge(target, base.projected, base.indicator.effective_direction, plan.header.scale)
    if result.invalid:
        return _with(base, Progress.NOT_MEASURABLE, reason=result.invalid)
    if result.met:
        return _with(base, Progress.ON_TRACK)
    gap = _gap(target, base.projected)
    risky = gap is not None and gap <= tolerance
    return _with(base, Progress.AT_RISK if risky else Progress.CRITICAL, gap=gap)


def _gap(target: Target, projected: Value) -> Decimal | None:
    """How far a missed projection is from the target, relative to the target's size."""
    if not isinstance(projected, Decimal) or isinstance(projected, bool):
        return None
    if isinstance(target, Threshold):
        bound = target.value
    elif isinstance(target, Range):
        bound = target.low if projected < target.low else target.high
    else:
        return None
    return abs(projected - bound) / (abs(bound) or Decimal(1))


def _annual(base: Check, done: Value | None, over: bool) -> Check:
    if done is True:
        return _with(base, Progress.ON_TRACK)
    if not over:
        return _with(base, Progress.IN_PROGRESS)
    return _with(base, Progress.CRITICAL if done is False else Progress.NOT_MEASURABLE)


def _value_at(
    actuals: Actuals, ind: Indicator, year: int, at: dt.date
) -> tuple[Value | None, tuple[Actual, ...], Reason | None]:
    """The latest value by `at`, the rows it came from, or why there is none."""
    by = f"{at:%d/%m/%Y}"
    if ind.formula is None:
        row = actuals.latest(ind.id, year, at)
        return (row.value, (row,), None) if row else (None, (), Reason.of("no_value_by", date=by))
    formula = ind.formula
    rows = {m: actuals.latest(m, year, at) for m in sorted(formula.measures)}
    absent = [m for m, r in rows.items() if r is None or not isinstance(r.value, Decimal)]
    found = tuple(r for r in rows.values() if r is not None)
    if absent:
        return None, found, Reason.of("no_measures_by", measures=tuple(absent), date=by)

    def number(key: str, when: int) -> Decimal | None:
        row = rows.get(key) if when == year else None
        return (
            row.value
            if row is not None and isinstance(row.value, Decimal)
            else (actuals.number(key, when) if when != year else None)
        )

    try:
        return formula.compute(year, number), found, None
    except ComputeError as exc:
        return None, found, exc.reason
    except FormulaError as exc:  # pragma: no cover - every compute error carries its reason
        return None, found, Reason.of("cannot_compute", detail=str(exc))


def _with(base: Check, status: Progress, **changes: object) -> Check:
    return replace(base, status=status, **changes)  # type: ignore[arg-type]


def _flagged(statuses: frozenset[Progress]) -> Callable[[Monitoring], bool]:
    return lambda m: any(m.counts.get(s) for s in statuses)


# What makes a monitoring run fail (exit code 1), by the name `--fail-on` gives it.
FAIL_ON: dict[str, Callable[[Monitoring], bool]] = {
    "at-risk": _flagged(frozenset({Progress.AT_RISK, Progress.CRITICAL})),
    "critical": _flagged(frozenset({Progress.CRITICAL})),
    "never": lambda m: False,
}
