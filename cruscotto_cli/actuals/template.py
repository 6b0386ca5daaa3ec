"""What each office must report for a year: one row per value, with what tells the rows apart."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from cruscotto_cli.actuals.values import Actuals
from cruscotto_cli.plan.loaded import Placed, Plan
from cruscotto_cli.plan.model import Indicator, Value, ValueKind
from cruscotto_cli.plan.targets import Range, Threshold

# What a value may be, for a workbook's data validation: the keys of the writer's checks.
YES_NO, LEVEL, COUNT, SHARE, NUMBER = "yes/no", "level", "count", "share", "number"


@dataclass
class TemplateRow:
    """One value to report: its key and year, and the plan's context an office needs to give it.

    `targets` are the year's targets the value serves: the indicator's own, or for a measure the
    targets of the indicators computed from it ("1.6: ≥ 25%"). `previous` is last year's value.
    """

    key: str
    year: int
    name: str
    office: str
    unit: str
    kind: ValueKind
    check: str = NUMBER
    areas: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    previous: Value | None = None
    status: str | None = None  # in a reminder: why the value is still owed

    def serves(self, area: str, target: str) -> None:
        if area not in self.areas:
            self.areas.append(area)
        if target not in self.targets:
            self.targets.append(target)


def template_rows(
    plan: Plan,
    placed: Sequence[Placed],
    year: int,
    actuals: Actuals | None = None,
    owners: Sequence[str] = (),
) -> list[TemplateRow]:
    """Every direct indicator and measure the year needs, in plan order, for the given offices.

    A formula reading a measure with prev() needs its value of the year before: asked for too,
    unless `actuals` already have it. A value the invoice register gives is not asked for.
    """
    values = actuals or Actuals({}, ())
    rows: dict[tuple[str, int], TemplateRow] = {}
    for p in placed:
        ind = p.indicator
        target = ind.targets.get(year)
        if target is None or ind.withdrawn_in(year) or (ind.id, year) in values.computed:
            continue
        if ind.formula is None:
            if not owners or ind.owner in owners:
                _row(rows, plan, ind.id, year, ind).serves(p.area.id, target.text)
            continue
        needs = [(m, year) for m in sorted(ind.formula.measures)]
        needs += [
            (m, year - 1) for m in sorted(ind.formula.previous) if values.get(m, year - 1) is None
        ]
        for measure_id, when in needs:
            measure = plan.measure(measure_id)
            if measure and (not owners or measure.owner in owners):
                row = _row(rows, plan, measure_id, when, None)
                row.serves(p.area.id, f"{ind.id}: {target.text}")
    for row in rows.values():
        row.previous = _value(values, row.key, row.year - 1)
    order = {key: i for i, key in enumerate(_keys(plan))}
    return sorted(rows.values(), key=lambda r: (r.year, order[r.key]))


def _row(
    rows: dict[tuple[str, int], TemplateRow],
    plan: Plan,
    key: str,
    year: int,
    indicator: Indicator | None,
) -> TemplateRow:
    if (key, year) not in rows:
        if indicator is not None:
            owner, name, unit, kind = (
                indicator.owner,
                indicator.name,
                indicator.unit,
                indicator.kind,
            )
        else:
            measure = plan.measure(key)
            assert measure is not None  # the caller looked it up
            owner, name, unit, kind = measure.owner, measure.name, measure.unit, ValueKind.NUMBER
        check = _check(indicator, unit)
        rows[key, year] = TemplateRow(key, year, name, owner, unit, kind, check)
    return rows[key, year]


def _check(indicator: Indicator | None, unit: str) -> str:
    """Yes/no, a level, a count (not negative), a share (a percentage from 0 to 100), a number."""
    if indicator is not None and indicator.kind is not ValueKind.NUMBER:
        return YES_NO if indicator.kind is ValueKind.YESNO else LEVEL
    if unit == "n.":
        return COUNT
    if unit == "%" and indicator is not None and _within_100(indicator):
        return SHARE
    return NUMBER


def _within_100(indicator: Indicator) -> bool:
    """Whether every numeric target lies from 0% to 100% (not an index such as "-10,10%")."""
    bounds: list[Decimal] = []
    for target in indicator.targets.values():
        if isinstance(target, Threshold):
            bounds.append(target.value)
        elif isinstance(target, Range):
            bounds += (target.low, target.high)
    return all(0 <= bound <= 100 for bound in bounds)


def _value(actuals: Actuals, key: str, year: int) -> Value | None:
    actual = actuals.get(key, year)
    return actual.value if actual is not None else None


def _keys(plan: Plan) -> list[str]:
    """Every key in the plan's order: the indicators, then the measures."""
    return [*(p.indicator.id for p in plan.placed), *(m.id for m in plan.header.measures)]


def by_office(plan: Plan, rows: Sequence[TemplateRow]) -> dict[str, list[TemplateRow]]:
    """The rows of each office of the plan, in the plan's order of offices (empty lists kept)."""
    offices: dict[str, list[TemplateRow]] = {office.id: [] for office in plan.header.offices}
    for row in rows:
        offices.setdefault(row.office, []).append(row)
    return offices
