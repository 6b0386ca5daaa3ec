"""The blank actuals CSV of a year's data collection: what each office must report."""

from __future__ import annotations

from collections.abc import Sequence

from cruscotto_cli.actuals.excel import excel_text, to_csv
from cruscotto_cli.plan.loaded import Placed, Plan

EXTENSIONS = {".csv": "csv"}  # the formats a template is written in, by extension
HEADER = ("chiave", "anno", "valore", "nome", "ufficio", "unità", "fonte", "nota")


def template_rows(
    plan: Plan, placed: Sequence[Placed], year: int, owners: Sequence[str] = ()
) -> list[tuple[str, int, str, str, str]]:
    """(key, year, name, office, unit) of every direct indicator and measure needed that year.

    Measures read with prev() are asked for the previous year too in the plan's first year, when
    no earlier collection has gathered them.
    """
    rows: dict[tuple[str, int], tuple[str, int, str, str, str]] = {}
    for p in placed:
        ind = p.indicator
        if year not in ind.targets or ind.withdrawn_in(year):
            continue
        if ind.formula is None:
            if owners and ind.owner not in owners:
                continue
            rows[(ind.id, year)] = (ind.id, year, ind.name, plan.office_name(ind.owner), ind.unit)
            continue
        needs = [(m, year) for m in sorted(ind.formula.measures)]
        if year == plan.header.period.first:
            needs += [(m, year - 1) for m in sorted(ind.formula.previous)]
        for measure_id, when in needs:
            measure = plan.measure(measure_id)
            if measure and (not owners or measure.owner in owners):
                rows[(measure_id, when)] = (
                    measure_id,
                    when,
                    measure.name,
                    plan.office_name(measure.owner),
                    measure.unit,
                )
    return sorted(rows.values(), key=lambda r: (r[1], _order(plan, r[0])))


def _order(plan: Plan, key: str) -> tuple[int, int]:
    ids = [p.indicator.id for p in plan.placed]
    if key in ids:
        return (0, ids.index(key))
    return (1, [m.id for m in plan.header.measures].index(key))


def template_csv(rows: Sequence[tuple[str, int, str, str, str]]) -> str:
    """`;`-separated for Italian Excel; indicator ids as Excel text so that 9.10 stays 9.10."""
    return to_csv(
        [
            list(HEADER),
            *(
                [excel_text(key), year, "", name, office, unit, "", ""]
                for key, year, name, office, unit in rows
            ),
        ]
    )
