"""The meaning checks of a plan that the schema cannot express."""

from __future__ import annotations

from cruscotto_cli.diagnostics import Diagnostic
from cruscotto_cli.model import ChangeKind
from cruscotto_cli.plan import Placed, Plan
from cruscotto_cli.suggest import did_you_mean
from cruscotto_cli.targets import Level, Range, Threshold


def check_plan(plan: Plan) -> list[Diagnostic]:
    """Every meaning problem of the plan, in file order."""
    problems = _check_header(plan)
    problems += _check_ids(plan)
    for placed in plan.placed:
        problems += _check_indicator(plan, placed)
    return sorted(problems)


def _check_header(plan: Plan) -> list[Diagnostic]:
    doc, header, problems = plan.header_document, plan.header, []
    seen: dict[str, int] = {}
    for i, office in enumerate(header.offices):
        for name in (office.id, office.name, *office.aliases):
            if name.casefold() in seen and seen[name.casefold()] != i:
                problems.append(doc.diagnostic(("offices", i), f'office "{name}" is given twice: one office, one spelling', "duplicate-office"))
            seen[name.casefold()] = i
    levels = [s.level.casefold() for s in header.scale]
    for i, level in enumerate(levels):
        if level in levels[:i]:
            problems.append(doc.diagnostic(("scale", i), f'level "{level}" is given twice', "scale"))
    bounds = [s.from_ for s in header.scale if s.from_ is not None]
    if bounds != sorted(bounds) or len(set(bounds)) != len(bounds):
        problems.append(doc.diagnostic(("scale",), "scale: the `from` values must grow from the lowest level to the highest", "scale"))
    froms = [b.from_ for b in header.bands]
    if froms != sorted(froms, reverse=True):
        problems.append(doc.diagnostic(("bands",), "bands: list them from the highest `from` to the lowest", "bands"))
    for i, measure in enumerate(header.measures):
        if plan.office(measure.owner) is None:
            problems.append(doc.diagnostic(("measures", i, "owner"), _unknown_office(plan, measure.owner), "unknown-office"))
        if measure.id in {m.id for m in header.measures[:i]}:
            problems.append(doc.diagnostic(("measures", i, "id"), f'measure "{measure.id}" is declared twice', "duplicate-id"))
    return problems


def _check_ids(plan: Plan) -> list[Diagnostic]:
    problems = []
    areas: dict[str, str] = {}
    for area, doc in plan.areas:
        if area.id in areas:
            problems.append(doc.diagnostic(("id",), f'area id "{area.id}" is also used by {areas[area.id]}', "duplicate-id"))
        areas.setdefault(area.id, str(doc.path))
    first: dict[str, Placed] = {}
    measures = {m.id for m in plan.header.measures}
    for placed in plan.placed:
        ind_id = placed.indicator.id
        if ind_id in first:
            other = first[ind_id]
            line, col = other.document.locate(("indicators", other.index, "id"))
            problems.append(placed.diagnostic(("id",), f'indicator id "{ind_id}" is also used at {other.document.path}:{line}:{col}', "duplicate-id"))
        elif ind_id in measures:
            problems.append(placed.diagnostic(("id",), f'indicator id "{ind_id}" is also a measure id: keys of the actuals must be unique', "duplicate-id"))
        first.setdefault(ind_id, placed)
    return problems


def _check_indicator(plan: Plan, placed: Placed) -> list[Diagnostic]:
    ind, problems = placed.indicator, []
    if plan.office(ind.owner) is None:
        problems.append(placed.diagnostic(("owner",), _unknown_office(plan, ind.owner), "unknown-office"))
    period = plan.header.period
    declared = ind.direction.value if ind.direction else None
    if declared is None and len(ind.revealed_directions) > 1:
        problems.append(placed.diagnostic(("targets",), "the targets point both ways (≥ and ≤); set `direction: higher` or `lower`", "direction"))
    direction = ind.effective_direction
    for year, target in ind.targets.items():
        loc = ("targets", year)
        if year not in period.years:
            problems.append(placed.diagnostic(loc, f"year {year} is outside the plan period {period.first}-{period.last}", "year"))
        problems += _check_target(plan, placed, loc, target, direction, declared)
    if ind.formula:
        problems += _check_formula(plan, placed)
    if sum(c.change is ChangeKind.WITHDRAWN for c in ind.changes) > 1:
        problems.append(placed.diagnostic(("changes",), "an indicator is withdrawn once", "changes"))
    return problems


def _check_target(plan: Plan, placed: Placed, loc: tuple[object, ...], target: object, direction: str | None, declared: str | None) -> list[Diagnostic]:
    ind, problems = placed.indicator, []
    text = getattr(target, "text", "")
    if isinstance(target, (Threshold, Level)):
        if target.comparator is None and direction is None:
            problems.append(placed.diagnostic(loc, f'target "{text}" is a bare value: set `direction: higher` or `lower` to say whether it is a floor or a ceiling', "direction"))
        shown = target.comparator.direction if target.comparator else None
        if declared and shown and shown != declared:
            problems.append(placed.diagnostic(loc, f'target "{text}" asks for a {"lower" if shown == "lower" else "higher"} value but the direction is "{declared}"', "direction"))
    if isinstance(target, Threshold):
        if target.label and target.label != ind.symbol:
            expected = f'the indicator\'s symbol "{ind.symbol}"' if ind.symbol else "a `symbol:` declared on the indicator"
            problems.append(placed.diagnostic(loc, f'target "{text}": label "{target.label}" must be {expected}', "label"))
    if isinstance(target, (Threshold, Range)) and target.percent and ind.unit != "%":
        problems.append(placed.diagnostic(loc, f'target "{text}" is a percentage but the unit is "{ind.unit}"; set `unit: "%"`', "unit"))
    if isinstance(target, Level):
        levels = [s.level.casefold() for s in plan.header.scale]
        if target.level not in levels:
            hint = did_you_mean(target.level, levels) if levels else "; declare the levels in plan.yaml `scale:`"
            problems.append(placed.diagnostic(loc, f'target "{text}": level "{target.level}" is not in the scale ({", ".join(levels) or "none"}){hint}', "level"))
    return problems


def _check_formula(plan: Plan, placed: Placed) -> list[Diagnostic]:
    assert placed.indicator.formula is not None
    formula, problems = placed.indicator.formula, []
    known = [m.id for m in plan.header.measures]
    for name in sorted(formula.measures | formula.previous):
        if name not in known:
            problems.append(placed.diagnostic(("formula",), f'formula "{formula.text}": unknown measure "{name}"{did_you_mean(name, known)}; declare it in plan.yaml `measures:`', "unknown-measure"))
    return problems


def _unknown_office(plan: Plan, owner: str) -> str:
    ids = [o.id for o in plan.header.offices]
    names = [n for o in plan.header.offices for n in (o.id, o.name)]
    return f'unknown office "{owner}"{did_you_mean(owner, names)}; offices: {", ".join(ids)}'
