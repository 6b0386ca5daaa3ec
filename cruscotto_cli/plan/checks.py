"""The meaning checks of a plan that the schema cannot express."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import pairwise

from cruscotto_cli.diagnostics import Diagnostic
from cruscotto_cli.numbers import format_number
from cruscotto_cli.plan.loaded import Placed, Plan
from cruscotto_cli.plan.model import (
    Change,
    ChangeKind,
    Header,
    OverallScore,
    PlanChange,
    RegisterValue,
)
from cruscotto_cli.plan.targets import Annual, Level, Range, Threshold
from cruscotto_cli.plan.yamlsource import Document
from cruscotto_cli.suggest import closest, did_you_mean


def check_plan(plan: Plan) -> list[Diagnostic]:
    """Every meaning problem of the plan, in file order."""
    problems = _check_header(plan)
    problems += _check_area_weights(plan)
    problems += _check_ids(plan)
    for placed in plan.placed:
        problems += _check_indicator(plan, placed)
    return sorted(problems)


def _check_header(plan: Plan) -> list[Diagnostic]:
    doc, header, problems = plan.header_document, plan.header, []
    seen: dict[str, int] = {}
    for i, office in enumerate(header.offices):
        spellings = [
            (("id",), office.id),
            (("name",), office.name),
            *((("aliases", j), a) for j, a in enumerate(office.aliases)),
        ]
        for where, name in spellings:
            first = seen.setdefault(name.casefold(), i)
            if first != i:
                message = (
                    f'"{name}" is already a spelling of office '
                    f'"{header.offices[first].id}": one office, one spelling'
                )
                problems.append(doc.diagnostic(("offices", i, *where), message, "duplicate-office"))
    levels = [s.level.casefold() for s in header.scale]
    for i, level in enumerate(levels):
        if level in levels[:i]:
            problems.append(
                doc.diagnostic(("scale", i), f'level "{level}" is given twice', "scale")
            )
    bounds = [s.from_ for s in header.scale if s.from_ is not None]
    if bounds != sorted(bounds) or len(set(bounds)) != len(bounds):
        problems.append(
            doc.diagnostic(
                ("scale",),
                "scale: the `from` values must grow from the lowest level to the highest",
                "scale",
            )
        )
    if bounds:  # a level without `from` above the lowest would catch every lower score
        for i, s in enumerate(header.scale[1:], 1):
            if s.from_ is None:
                message = (
                    f'level "{s.level}" has no `from`: with numeric bands, every level '
                    "above the lowest needs one"
                )
                problems.append(doc.diagnostic(("scale", i), message, "scale"))
    problems += _check_scale_max(doc, header)
    froms = [b.from_ for b in header.bands]
    if froms != sorted(froms, reverse=True):
        problems.append(
            doc.diagnostic(
                ("bands",), "bands: list them from the highest `from` to the lowest", "bands"
            )
        )
    declared: set[str] = set()
    for i, measure in enumerate(header.measures):
        if problem := _owner_problem(plan, measure.owner):
            problems.append(doc.diagnostic(("measures", i, "owner"), *problem))
        if measure.id in declared:
            problems.append(
                doc.diagnostic(
                    ("measures", i, "id"),
                    f'measure "{measure.id}" is declared twice',
                    "duplicate-id",
                )
            )
        declared.add(measure.id)
    return problems + history_order(
        header.changes, lambda i, m: doc.diagnostic(("changes", i), m, "changes")
    )


def _check_area_weights(plan: Plan) -> list[Diagnostic]:
    """Areas weighted by `weight:` need one above 0, or the overall score divides by nothing."""
    if plan.header.scoring.overall is not OverallScore.AREA_WEIGHTS or not plan.areas:
        return []
    if any(area.weight > 0 for area, _ in plan.areas):
        return []
    message = (
        "scoring: area-weights, and every area's weight is 0: the overall score would have "
        "nothing to weigh; give an area a weight above 0, or choose `areas` or `indicators`"
    )
    return [plan.header_document.diagnostic(("scoring", "overall"), message, "weight")]


def _check_scale_max(doc: Document, header: Header) -> list[Diagnostic]:
    """A banded scale states its top score on its highest level, so that a 7 on a 1-5 scale is
    refused instead of read as the highest level."""
    scale, problems = header.scale, []
    banded = any(s.from_ is not None for s in scale)
    for i, s in enumerate(scale):
        if s.max is None:
            continue
        if i != len(scale) - 1:
            message = f'level "{s.level}": only the highest level takes `max`, the top score'
        elif not banded:
            message = (
                "`max` is the top score of numeric bands: "
                "give `from` to the levels above the lowest"
            )
        elif s.from_ is not None and s.max <= s.from_:
            top, bottom = format_number(s.max), format_number(s.from_)
            message = f"`max` {top} must be above the level's `from` ({bottom})"
        else:
            continue
        problems.append(doc.diagnostic(("scale", i, "max"), message, "scale"))
    if banded and scale[-1].max is None:
        message = (
            f'level "{scale[-1].level}" has no `max`: with numeric bands, the highest level states '
            "the top score (e.g. max: 5 for a 1-5 score), so that a score above it is refused"
        )
        problems.append(doc.diagnostic(("scale", len(scale) - 1), message, "scale"))
    return problems


def _check_ids(plan: Plan) -> list[Diagnostic]:
    problems = []
    areas: dict[str, str] = {}
    for area, doc in plan.areas:
        if area.id in areas:
            problems.append(
                doc.diagnostic(
                    ("id",), f'area id "{area.id}" is also used by {areas[area.id]}', "duplicate-id"
                )
            )
        areas.setdefault(area.id, str(doc.path))
    first: dict[str, Placed] = {}
    measures = {m.id for m in plan.header.measures}
    for placed in plan.placed:
        ind_id = placed.indicator.id
        if ind_id in first:
            other = first[ind_id]
            line, col = other.document.locate(("indicators", other.index, "id"))
            problems.append(
                placed.diagnostic(
                    ("id",),
                    f'indicator id "{ind_id}" is also used at {other.document.path}:{line}:{col}',
                    "duplicate-id",
                )
            )
        elif ind_id in measures:
            problems.append(
                placed.diagnostic(
                    ("id",),
                    f'indicator id "{ind_id}" is also a measure id: keys of the actuals must be '
                    "unique",
                    "duplicate-id",
                )
            )
        first.setdefault(ind_id, placed)
    return problems


def _check_indicator(plan: Plan, placed: Placed) -> list[Diagnostic]:
    ind, problems = placed.indicator, []
    if problem := _owner_problem(plan, ind.owner):
        problems.append(placed.diagnostic(("owner",), *problem))
    period = plan.header.period
    declared = ind.direction.value if ind.direction else None
    if declared is None and len(ind.revealed_directions) > 1:
        problems.append(
            placed.diagnostic(
                ("targets",),
                "the targets point both ways (≥ and ≤); set `direction: higher` or `lower`",
                "direction",
            )
        )
    direction = ind.effective_direction
    for year, target in ind.targets.items():
        loc = ("targets", year)
        if year not in period.years:
            problems.append(
                placed.diagnostic(
                    loc,
                    f"year {year} is outside the plan period {period.first}-{period.last}",
                    "year",
                )
            )
        problems += _check_target(plan, placed, loc, target, direction, declared)
    problems += _check_kinds(placed)
    if ind.formula:
        problems += _check_formula(plan, placed)
    problems += _check_register(placed)
    problems += _check_history_order(placed)
    withdrawals = [i for i, c in enumerate(ind.changes) if c.change is ChangeKind.WITHDRAWN]
    for again in withdrawals[1:]:
        first = ind.changes[withdrawals[0]].act
        message = (
            f'withdrawn again by "{ind.changes[again].act}": an indicator is withdrawn '
            f'once (first by "{first}")'
        )
        problems.append(placed.diagnostic(("changes", again), message, "changes"))
    return problems


def _check_target(
    plan: Plan,
    placed: Placed,
    loc: tuple[object, ...],
    target: object,
    direction: str | None,
    declared: str | None,
) -> list[Diagnostic]:
    ind, problems = placed.indicator, []
    text = getattr(target, "text", "")
    if isinstance(target, (Threshold, Level)):
        if target.comparator is None and direction is None:
            message = (
                f'target "{text}" is a bare value: set `direction: higher` or `lower` to '
                "say whether it is a floor or a ceiling"
            )
            problems.append(placed.diagnostic(loc, message, "direction"))
        shown = target.comparator.direction if target.comparator else None
        if declared and shown and shown != declared:
            message = f'target "{text}" asks for a {shown} value but the direction is "{declared}"'
            problems.append(placed.diagnostic(loc, message, "direction"))
    if isinstance(target, Threshold) and target.label and target.label != ind.symbol:
        expected = (
            f'the indicator\'s symbol "{ind.symbol}"'
            if ind.symbol
            else "a `symbol:` declared on the indicator"
        )
        problems.append(
            placed.diagnostic(
                loc, f'target "{text}": label "{target.label}" must be {expected}', "label"
            )
        )
    if isinstance(target, (Threshold, Range)) and target.percent and ind.unit != "%":
        problems.append(
            placed.diagnostic(
                loc,
                f'target "{text}" is a percentage but the unit is "{ind.unit}"; set `unit: "%"`',
                "unit",
            )
        )
    if isinstance(target, Level):
        levels = [s.level.casefold() for s in plan.header.scale]
        if target.level not in levels:
            hint = (
                did_you_mean(target.level, levels)
                if levels
                else "; declare the levels in plan.yaml `scale:`"
            )
            message = (
                f'target "{text}": level "{target.level}" is not in the scale '
                f"({', '.join(levels) or 'none'}){hint}"
            )
            problems.append(placed.diagnostic(loc, message, "level"))
    return problems


_KIND_OF = {
    Threshold: "a number",
    Range: "a number",
    Level: "a level",
    Annual: "done or not done (Annuale)",
}


def _check_kinds(placed: Placed) -> list[Diagnostic]:
    """One indicator measures one kind of value: numbers, levels, or done / not done."""
    kinds = {
        year: _KIND_OF[type(t)]
        for year, t in sorted(placed.indicator.targets.items())
        if type(t) in _KIND_OF
    }
    if len(set(kinds.values())) < 2:
        return []
    first_year, first_kind = next(iter(kinds.items()))
    problems = []
    for year, kind in kinds.items():
        if kind != first_kind:
            text = placed.indicator.targets[year].text
            message = (
                f'target "{text}" asks for {kind}, but the {first_year} target asks for '
                f"{first_kind}; an indicator measures one kind of value"
            )
            problems.append(placed.diagnostic(("targets", year), message, "target-kind"))
    return problems


def _check_history_order(placed: Placed) -> list[Diagnostic]:
    return history_order(
        placed.indicator.changes, lambda i, m: placed.diagnostic(("changes", i), m, "changes")
    )


def history_order(
    changes: Sequence[Change | PlanChange], place: Callable[[int, str], Diagnostic]
) -> list[Diagnostic]:
    """History is told in date order: an entry dated before the one above it is a slip or a
    backdating."""
    problems = []
    for i, (before, now) in enumerate(pairwise(changes), start=1):
        if now.date < before.date:
            above = f"{before.act}, {before.date:%d/%m/%Y}"
            problems.append(
                place(
                    i,
                    f'"{now.act}" is dated {now.date:%d/%m/%Y}, before the entry above it '
                    f"({above}); list the history in date order",
                )
            )
    return problems


def _check_register(placed: Placed) -> list[Diagnostic]:
    """A value from the invoice register is neither a formula's nor a share in another unit."""
    ind = placed.indicator
    if ind.from_register is None:
        return []
    if ind.formula is not None:
        message = (
            f"`register: {ind.from_register.value}` and a formula: the value comes from one of them"
        )
        return [placed.diagnostic(("register",), message, "register")]
    if (ind.from_register is RegisterValue.PAID_WITHIN_30_DAYS) != (ind.unit == "%"):
        unit = '"%"' if ind.from_register is RegisterValue.PAID_WITHIN_30_DAYS else "days"
        message = f'`register: {ind.from_register.value}` is measured in {unit}, not "{ind.unit}"'
        return [placed.diagnostic(("register",), message, "register")]
    return []


def _check_formula(plan: Plan, placed: Placed) -> list[Diagnostic]:
    assert placed.indicator.formula is not None
    formula, problems = placed.indicator.formula, []
    for name in sorted(formula.measures | formula.previous):
        if plan.measure(name) is None:
            known = [m.id for m in plan.header.measures]
            hint = did_you_mean(name, known)
            message = (
                f'formula "{formula.text}": unknown measure "{name}"{hint}; declare it in '
                "plan.yaml `measures:`"
            )
            problems.append(placed.diagnostic(("formula",), message, "unknown-measure"))
    return problems


def _owner_problem(plan: Plan, owner: str) -> tuple[str, str] | None:
    """An owner must be an office id: filters, roll-ups and templates match owners by id."""
    office = plan.office(owner)
    if office is None:
        return _unknown_office(plan, owner), "unknown-office"
    if office.id != owner:
        return (
            f'owner "{owner}" is a spelling of office "{office.id}": write its id (one office, '
            "one spelling)",
            "office-id",
        )
    return None


def _unknown_office(plan: Plan, owner: str) -> str:
    ids = [o.id for o in plan.header.offices]
    # Suggest the id even when the owner is closest to a name or an alias: owners are written as
    # ids.
    spellings = {n: o.id for o in plan.header.offices for n in (o.id, o.name, *o.aliases)}
    close = closest(owner, spellings)
    hint = f'; did you mean "{spellings[close]}"?' if close else ""
    return f'unknown office "{owner}"{hint}; offices: {", ".join(ids)}'
