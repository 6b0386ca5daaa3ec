"""The reminder of a year's collection: the values still missing, or that make an indicator
impossible to evaluate, each with why."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from cruscotto_cli.actuals.template import TemplateRow
from cruscotto_cli.actuals.values import Actuals
from cruscotto_cli.diagnostics import Diagnostic
from cruscotto_cli.evaluate import Status, evaluate
from cruscotto_cli.plan.loaded import Placed, Plan

MISSING = "mancante"


def reminder_rows(
    plan: Plan,
    actuals: Actuals,
    year: int,
    placed: Sequence[Placed],
    rows: Sequence[TemplateRow],
    refused: Mapping[tuple[str, int], Diagnostic] | None = None,
) -> list[TemplateRow]:
    """The template's rows still owed: a value refused when read (`non valido`, with its place
    and problem), no value yet (`mancante`), or a value given but the indicator it serves
    cannot be evaluated with it (`non valutabile`, quoting it, with the reason)."""
    unusable = _unusable(plan, actuals, year, placed)
    owed = []
    for row in rows:
        given = actuals.get(row.key, row.year)
        problem = (refused or {}).get((row.key, row.year))
        if problem is not None:
            owed.append(replace(row, status=f"non valido, {problem.where}: {problem.message}"))
        elif given is None:
            owed.append(replace(row, status=MISSING))
        elif (row.key, row.year) in unusable:
            why = f'non valutabile, dato "{given.text.strip()}": {unusable[row.key, row.year]}'
            owed.append(replace(row, status=why))
    return owed


def _unusable(
    plan: Plan, actuals: Actuals, year: int, placed: Sequence[Placed]
) -> dict[tuple[str, int], str]:
    """The values given for the indicators that are invalid that year, with the reason."""
    found: dict[tuple[str, int], str] = {}
    for outcome in evaluate(plan, actuals, year, placed).outcomes:
        if outcome.status is not Status.INVALID:
            continue
        formula = outcome.indicator.formula
        keys = [(outcome.indicator.id, year)]
        if formula is not None:
            keys = [(m, year) for m in sorted(formula.measures)]
            keys += [(m, year - 1) for m in sorted(formula.previous)]
        why = outcome.reason.text(plan.language) if outcome.reason else "?"
        for key in keys:
            found.setdefault(key, f"{outcome.indicator.id}: {why}")
    return found
