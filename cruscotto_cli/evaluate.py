"""Evaluate a year: every selected indicator's outcome, and the weighted roll-ups.

Pure: no I/O and no printing, and data problems become statuses, never exceptions.

An open year (not yet ended at the run's date, or with no value at all) is not yet collected: a
target without its value is "not collected" rather than missing, and no roll-up has a score, so
that a year still under way never reads as 0% "not met".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

from cruscotto_cli.judge import ZERO, judge, level_of
from cruscotto_cli.plan.formula import ComputeError
from cruscotto_cli.plan.loaded import Placed, Plan
from cruscotto_cli.plan.model import (
    Area,
    Band,
    Change,
    Indicator,
    OverallScore,
    Value,
    ValueKind,
    ZeroTargets,
)
from cruscotto_cli.plan.reasons import Reason
from cruscotto_cli.plan.targets import Baseline, Target

if TYPE_CHECKING:
    from cruscotto_cli.actuals.values import Actual, Actuals


class Status(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    BASELINE = "baseline"
    MISSING = "missing"
    NOT_COLLECTED = "not_collected"  # a target in a year still open: not collected yet
    NO_TARGET = "no_target"
    WITHDRAWN = "withdrawn"
    INVALID = "invalid"

    @property
    def scored(self) -> bool:
        """Counted in the roll-ups: missing and invalid count as 0%."""
        return self in (Status.MET, Status.NOT_MET, Status.MISSING, Status.INVALID)


MISSES = frozenset({Status.NOT_MET, Status.MISSING, Status.INVALID})


@dataclass(frozen=True)
class Outcome:
    """One indicator in one year: target in force, actual, status and degree (0..1)."""

    area_id: str
    indicator: Indicator
    year: int
    target: Target | None
    actual: Value | None
    status: Status
    degree: Decimal | None = None
    reason: Reason | None = None
    sources: tuple[Actual, ...] = ()
    withdrawn_by: Change | None = None
    level: str | None = None  # the scale level a numeric score reads as ("3,8" -> "alto")
    explanation: str | None = None  # the office's reason (motivazione dello scostamento)

    @property
    def missed(self) -> bool:
        """A target not met, or its value missing or unusable: a miss the report must explain."""
        return self.status in MISSES


@dataclass(frozen=True)
class Score:
    """A weighted roll-up of outcomes: an area, an office, or the whole selection."""

    key: str
    title: str
    score: Decimal | None
    band: str | None
    counts: dict[Status, int] = field(default_factory=dict)
    open: bool = False  # the year is not yet collected: no score, "in corso"


@dataclass(frozen=True)
class Evaluation:
    year: int
    outcomes: tuple[Outcome, ...]
    areas: tuple[Score, ...]
    offices: tuple[Score, ...]
    overall: Score
    open: bool = False
    previous: Evaluation | None = None  # the year before, when the plan covers it
    # The filters it was made with, as (kind, value): ("area", "4"); () for the whole plan.
    scope: tuple[tuple[str, str], ...] = ()


def year_open(actuals: Actuals, year: int, today: dt.date | None) -> bool:
    """A year not yet ended on `today`, or with no value at all, is still to be collected."""
    ended = today is None or today > dt.date(year, 12, 31)
    return not ended or year not in actuals.years


def evaluate(
    plan: Plan,
    actuals: Actuals,
    year: int,
    selected: Sequence[Placed] | None = None,
    today: dt.date | None = None,
    scope: Sequence[tuple[str, str]] = (),
) -> Evaluation:
    """The year's outcomes for the selected indicators (all by default), with their roll-ups,
    and the previous year's evaluation when the plan covers it (for year over year).

    `today` is the run's date: a year not ended by then is open; None takes every year as ended.
    `scope` names the filters that selected them, for the readers of the totals.
    """
    evaluation = replace(_evaluate(plan, actuals, year, selected, today), scope=tuple(scope))
    if year - 1 not in plan.header.period.years:
        return evaluation
    return replace(evaluation, previous=_evaluate(plan, actuals, year - 1, selected, today))


def evaluate_years(
    plan: Plan,
    actuals: Actuals,
    years: Iterable[int],
    selected: Sequence[Placed] | None = None,
    today: dt.date | None = None,
    scope: Sequence[tuple[str, str]] = (),
) -> dict[int, Evaluation]:
    """`evaluate` for each of `years`, each year evaluated once: a year's previous year is the
    evaluation of that year, when it is among them (a report's trend takes every year)."""
    chosen = sorted(set(years))
    once: dict[int, Evaluation] = {}
    for year in chosen:
        once[year] = _evaluate(plan, actuals, year, selected, today)
        if year - 1 in plan.header.period.years and year - 1 not in once:
            once[year - 1] = _evaluate(plan, actuals, year - 1, selected, today)
    covered = plan.header.period.years
    return {
        y: replace(once[y], scope=tuple(scope), previous=once[y - 1] if y - 1 in covered else None)
        for y in chosen
    }


def _evaluate(
    plan: Plan,
    actuals: Actuals,
    year: int,
    selected: Sequence[Placed] | None,
    today: dt.date | None,
) -> Evaluation:
    placed = plan.placed if selected is None else selected
    is_open = year_open(actuals, year, today)
    outcomes = tuple(outcome(plan, actuals, p, year, is_open) for p in placed)
    by_area: dict[str, list[Outcome]] = {}
    by_office: dict[str, list[Outcome]] = {}
    for o in outcomes:
        by_area.setdefault(o.area_id, []).append(o)
        by_office.setdefault(o.indicator.owner, []).append(o)
    bands = plan.header.bands
    areas = tuple(
        roll_up(a.id, a.title, by_area[a.id], bands, is_open)
        for a, _ in plan.areas
        if a.id in by_area
    )
    offices = tuple(
        roll_up(f.id, f.name, by_office[f.id], bands, is_open)
        for f in plan.header.offices
        if f.id in by_office
    )
    overall = roll_up("overall", plan.header.title, outcomes, bands, is_open)
    if plan.header.scoring.overall is not OverallScore.INDICATORS:
        overall = _of_areas(plan, overall, areas)
    return Evaluation(year, outcomes, areas, offices, overall, is_open)


def _of_areas(plan: Plan, overall: Score, areas: Sequence[Score]) -> Score:
    """The overall score as the mean of the areas' scores, each area counting the same
    (`areas`) or by its weight (`area-weights`); areas with nothing scored are left out."""
    weighted = plan.header.scoring.overall is OverallScore.AREA_WEIGHTS
    weight_of: dict[str, Area] = {a.id: a for a, _ in plan.areas}
    total = weights = ZERO
    for s in areas:
        if s.score is not None:
            weight = weight_of[s.key].weight if weighted else Decimal(1)
            total, weights = total + weight * s.score, weights + weight
    score = total / weights if weights and not overall.open else None
    return replace(overall, score=score, band=band_of(score, plan.header.bands))


def outcome(
    plan: Plan, actuals: Actuals, placed: Placed, year: int, is_open: bool = False
) -> Outcome:
    """One indicator's outcome for a year; in an open year a value not given is not collected."""
    ind = placed.indicator
    target = ind.targets.get(year)
    actual, sources, problem, missing = _actual(actuals, ind, year)
    level = (
        level_of(actual, plan.header.scale)
        if ind.kind is ValueKind.LEVEL and isinstance(actual, Decimal)
        else None
    )
    status, degree, reason, withdrawn_by = _verdict(plan, ind, year, actual, missing, is_open)
    return Outcome(
        placed.area.id,
        ind,
        year,
        target,
        actual,
        status,
        degree,
        reason or problem,
        sources,
        withdrawn_by,
        level=level,
        explanation=_explanation(actuals, ind, year),
    )


Verdict = tuple[Status, Decimal | None, Reason | None, Change | None]


def _verdict(
    plan: Plan, ind: Indicator, year: int, actual: Value | None, missing: bool, is_open: bool
) -> Verdict:
    """The status, the degree, the reason (None: the value's own problem, if any) and the act
    that withdrew the indicator."""
    target = ind.targets.get(year)
    if change := ind.withdrawn_in(year):
        act = (
            change.act
            if f"{change.date:%d/%m/%Y}" in change.act
            else f"{change.act} ({change.date:%d/%m/%Y})"
        )
        return Status.WITHDRAWN, None, Reason.of("withdrawn", act=act), change
    if target is None:
        return Status.NO_TARGET, None, None, None
    if isinstance(target, Baseline):
        return Status.BASELINE, None, None, None
    if actual is None and missing and is_open:
        return Status.NOT_COLLECTED, None, None, None
    if actual is None:
        return (Status.MISSING if missing else Status.INVALID), ZERO, None, None
    by_distance = plan.header.scoring.zero_targets is ZeroTargets.DISTANCE
    result = judge(target, actual, ind.effective_direction, plan.header.scale, by_distance)
    if result.invalid:
        return Status.INVALID, ZERO, result.invalid, None
    return (Status.MET if result.met else Status.NOT_MET), result.degree, None, None


def _actual(
    actuals: Actuals, ind: Indicator, year: int
) -> tuple[Value | None, tuple[Actual, ...], Reason | None, bool]:
    """The actual value and the rows it came from; or None with the reason and whether the
    value is simply missing (not reported) rather than impossible to compute."""
    if ind.formula is None:
        row = actuals.get(ind.id, year)
        return (row.value, (row,), None, False) if row else (None, (), Reason.of("no_value"), True)
    formula = ind.formula
    rows = [actuals.get(m, year) for m in sorted(formula.measures)]
    rows += [actuals.get(m, year - 1) for m in sorted(formula.previous)]
    sources = tuple(r for r in rows if r is not None)
    absent = sorted(m for m in formula.measures if actuals.number(m, year) is None)
    if absent:
        return None, sources, Reason.of("no_measures", measures=tuple(absent), year=year), True
    try:
        return formula.compute(year, actuals.number), sources, None, False
    except ComputeError as exc:
        return None, sources, exc.reason, False


def _explanation(actuals: Actuals, ind: Indicator, year: int) -> str | None:
    """The reason given on the indicator's row, or on its measures' rows, for the year."""
    if not actuals.reasons:
        return None
    keys = (ind.id, *sorted(ind.formula.measures)) if ind.formula else (ind.id,)
    found = [r.text for r in (actuals.reason(k, year) for k in keys) if r is not None]
    return "; ".join(dict.fromkeys(found)) or None


def unexplained(evaluation: Evaluation) -> list[Outcome]:
    """The misses without a reason ("scostamenti senza motivazione"), in plan order."""
    return [o for o in evaluation.outcomes if o.missed and o.explanation is None]


def roll_up(
    key: str,
    title: str,
    outcomes: Iterable[Outcome],
    bands: Sequence[Band],
    is_open: bool = False,
) -> Score:
    """Weighted mean of the scored outcomes' degrees; baseline, no target, withdrawn left out.
    An open year has no score: its values so far are shown, not rolled up."""
    counts: dict[Status, int] = {}
    total = weights = ZERO
    for o in outcomes:
        counts[o.status] = counts.get(o.status, 0) + 1
        if o.status.scored:
            weights += o.indicator.weight
            total += o.indicator.weight * (o.degree or ZERO)
    score = total / weights if weights and not is_open else None
    return Score(key, title, score, band_of(score, bands), counts, is_open)


def outcome_band(o: Outcome, bands: Sequence[Band]) -> str | None:
    """The band of a scored outcome's degree ("Parzialmente raggiunto"); None for the others."""
    return band_of(o.degree, bands) if o.status.scored else None


def band_of(score: Decimal | None, bands: Sequence[Band]) -> str | None:
    """The label of the first band (highest first) whose `from` the score reaches, in percent."""
    if score is None:
        return None
    percent = score * 100
    return next((b.label for b in bands if percent >= b.from_), None)


def _not_met(score: Score) -> bool:
    return score.counts.get(Status.NOT_MET, 0) > 0


def _missing(score: Score) -> bool:
    return score.counts.get(Status.MISSING, 0) + score.counts.get(Status.INVALID, 0) > 0


# What makes an evaluation fail (exit code 1), by the name `--fail-on` gives it.
FAIL_ON: dict[str, Callable[[Score], bool]] = {
    "not-met": _not_met,
    "missing": _missing,
    "both": lambda score: _not_met(score) or _missing(score),
    "never": lambda score: False,
}


def flagged(evaluation: Evaluation, fail_on: str) -> bool:
    """Whether the evaluation fails by the policy `fail_on` (a key of FAIL_ON)."""
    return FAIL_ON[fail_on](evaluation.overall)
