"""Plain, JSON-ready data of a plan and of an evaluation: the stable export contract."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from cruscotto_cli.cycle.compare import Beside, year_over_year
from cruscotto_cli.evaluate import Evaluation, Outcome, Score, Status
from cruscotto_cli.numbers import round_to
from cruscotto_cli.plan.loaded import Placed, Plan
from cruscotto_cli.plan.model import Indicator
from cruscotto_cli.render.jsontext import SCHEMA_VERSION
from cruscotto_cli.render.reason_words import reason_text


def plan_data(plan: Plan, placed: list[Placed]) -> dict[str, Any]:
    """`show --format json`: areas with their selected indicators, targets as printed."""
    areas = []
    for area, _ in plan.areas:
        chosen = [p.indicator for p in placed if p.area.id == area.id]
        if chosen:
            areas.append(
                {
                    "id": area.id,
                    "title": area.title,
                    "indicators": [indicator_data(plan, i) for i in chosen],
                }
            )
    header = plan.header
    return {
        "schema_version": SCHEMA_VERSION,
        "title": header.title,
        "entity": header.entity,
        "period": {"first": header.period.first, "last": header.period.last},
        "language": header.language,
        "areas": areas,
    }


def indicator_data(plan: Plan, ind: Indicator) -> dict[str, Any]:
    withdrawal = ind.withdrawal
    return {
        "id": ind.id,
        "name": ind.name,
        "owner": ind.owner,
        "owner_name": plan.office_name(ind.owner),
        "unit": ind.unit,
        "direction": ind.effective_direction,
        "symbol": ind.symbol,
        "formula": ind.formula.text if ind.formula else None,
        "register": ind.from_register.value if ind.from_register else None,
        "weight": _number(ind.weight),
        "targets": {str(year): target.text for year, target in sorted(ind.targets.items())},
        "tags": list(ind.tags),
        "source": ind.source,
        "notes": list(ind.notes),
        "changes": [
            {
                "date": c.date.isoformat(),
                "act": c.act,
                "change": c.change.value,
                "from_year": c.from_year,
                "note": c.note,
            }
            for c in ind.changes
        ],
        "withdrawn": {"act": withdrawal.act, "date": withdrawal.date.isoformat()}
        if withdrawal
        else None,
    }


def evaluation_data(plan: Plan, evaluation: Evaluation) -> dict[str, Any]:
    """`evaluate --format json`: the stable contract for scripts (see the README)."""
    compared = year_over_year(evaluation)
    return {
        "schema_version": SCHEMA_VERSION,
        "year": evaluation.year,
        "open": evaluation.open,
        "previous_year": compared.year,
        "plan": plan.header.title,
        "overall": score_data(evaluation.overall, compared.overall(evaluation.overall)),
        "areas": [
            {
                **score_data(s, compared.area(s)),
                "indicators": [
                    outcome_data(plan, o, compared.outcome(o))
                    for o in evaluation.outcomes
                    if o.area_id == s.key
                ],
            }
            for s in evaluation.areas
        ],
        "offices": [score_data(s, compared.office(s)) for s in evaluation.offices],
    }


def _percent(fraction: Decimal | None) -> float | int | None:
    return _number(fraction * 100) if fraction is not None else None


def _beside(prefix: str, beside: Beside | None) -> dict[str, Any]:
    """`previous_degree` and `degree_change` (percentage points), or the same for a score."""
    if beside is None:
        return {}
    return {
        f"previous_{prefix}": _percent(beside.before),
        f"{prefix}_change": _percent(beside.change),
    }


def outcome_data(plan: Plan, o: Outcome, beside: Beside | None = None) -> dict[str, Any]:
    actual: Any = o.actual
    if actual is not None and not isinstance(actual, (bool, str)):
        actual = _number(actual)
    return {
        "id": o.indicator.id,
        "name": o.indicator.name,
        "owner": o.indicator.owner,
        "unit": o.indicator.unit,
        "target": o.target.text if o.target else None,
        "actual": actual,
        "level": o.level,
        "status": o.status.value,
        "degree": _number(o.degree * 100) if o.degree is not None else None,
        **_beside("degree", beside),
        "reason": reason_text(plan, o.reason) or None,
        "reason_code": o.reason.code if o.reason else None,
        "explanation": o.explanation,
        "sources": [
            {
                "key": s.key,
                "year": s.year,
                "value": s.text,
                "source": s.source,
                "note": s.note,
                "file": s.path,
                "row": s.row,
            }
            for s in o.sources
        ],
    }


def score_data(score: Score, beside: Beside | None = None) -> dict[str, Any]:
    return {
        "id": score.key,
        "title": score.title,
        "score": _number(score.score * 100) if score.score is not None else None,
        **_beside("score", beside),
        "band": score.band,
        "open": score.open,
        "counts": {
            status.value: score.counts[status] for status in Status if status in score.counts
        },
    }


def _number(value: Any) -> float | int:
    """Numbers in JSON: integers stay integers; others are rounded to 6 decimals."""
    rounded = round_to(Decimal(value), 6)  # a Decimal rounded to 6 places keeps them: 1 -> 1.000000
    return int(rounded) if rounded == rounded.to_integral_value() else float(rounded)
