"""Compare two versions of plan.yaml: period, scale, bands, offices and measures need an act.

A change that can alter a verdict or a score needs a new entry in the plan's own `changes:` of
the matching kind (or of kind `plan`); title, entity, language and office aliases are only
reported. Offices and measures are matched by id, in any order.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from cruscotto_cli.numbers import format_number
from cruscotto_cli.plan.loaded import Plan
from cruscotto_cli.plan.model import Band, Header, Measure, Office, PlanChangeKind, ScaleLevel
from cruscotto_cli.versions.difference import Difference, Judge, removed_entries

P = PlanChangeKind
NONE: frozenset[StrEnum] = frozenset()
BACKED_BY: dict[str, frozenset[StrEnum]] = {
    "period": frozenset({P.PERIOD, P.PLAN}),
    "scale": frozenset({P.SCALE, P.PLAN}),
    "bands": frozenset({P.BANDS, P.PLAN}),
    "office": frozenset({P.OFFICES, P.PLAN}),
    "measure": frozenset({P.MEASURES, P.PLAN}),
    **{name: NONE for name in ("title", "entity", "language", "aliases")},
}
MEASURE_FIELDS = ("name", "unit", "owner")


def header_differences(old: Plan, new: Plan) -> list[Difference]:
    """What changed in plan.yaml, in the order of its keys."""
    before, after = old.header, new.header
    fresh = tuple(c for c in after.changes if c not in before.changes)
    judge = Judge("plan.yaml", fresh, new.header_document, ())
    gone = Judge("plan.yaml", fresh, old.header_document, (), side="base")
    found = removed_entries(judge, "", before.changes, after.changes)
    for name in ("title", "entity", "language", "period", "scale", "bands"):
        if getattr(before, name) != getattr(after, name):
            change = Difference("", name, _shown(before, name), _shown(after, name))
            found.append(judge(change, BACKED_BY[name], (name,)))
    found += _offices(judge, gone, before.offices, after.offices)
    return found + _measures(judge, gone, before.measures, after.measures)


def _shown(header: Header, name: str) -> str | None:
    value: Any = getattr(header, name)
    if name == "period":
        return f"{value.first}-{value.last}"
    if name == "scale":
        return "; ".join(_level(s) for s in value) or None
    if name == "bands":
        return "; ".join(_band(b) for b in value) or None
    return None if value is None else str(value)


def _level(s: ScaleLevel) -> str:
    text = s.level if s.from_ is None else f"{s.level} from {format_number(s.from_, ',')}"
    return text if s.max is None else f"{text} to {format_number(s.max, ',')}"


def _band(b: Band) -> str:
    return f"{b.label} from {format_number(b.from_, ',')}"


def _offices(
    judge: Judge, gone: Judge, old: Sequence[Office], new: Sequence[Office]
) -> list[Difference]:
    found = _keyed(judge, gone, "office", old, new, ("name",), lambda o: o.name)
    before = {o.id: o for o in old}
    for i, office in enumerate(new):
        was = before.get(office.id)
        if was is not None and set(was.aliases) != set(office.aliases):
            texts = ("; ".join(was.aliases) or None, "; ".join(office.aliases) or None)
            change = Difference("", "aliases", *texts, subject=f"office {office.id}: aliases")
            found.append(judge(change, NONE, ("offices", i, "aliases")))
    return found


def _measures(
    judge: Judge, gone: Judge, old: Sequence[Measure], new: Sequence[Measure]
) -> list[Difference]:
    return _keyed(
        judge,
        gone,
        "measure",
        old,
        new,
        MEASURE_FIELDS,
        lambda m: f"{m.name} ({m.unit}, {m.owner})",
    )


def _keyed(
    judge: Judge,
    gone: Judge,
    what: str,
    old: Sequence[Any],
    new: Sequence[Any],
    fields: Sequence[str],
    text: Any,
) -> list[Difference]:
    """Items matched by id: added, removed, or each field changed."""
    collection, kinds = f"{what}s" if what == "measure" else "offices", BACKED_BY[what]
    before = {item.id: item for item in old}
    after = {item.id for item in new}
    found = []
    for i, item in enumerate(new):
        was = before.get(item.id)
        if was is None:
            found.append(
                judge(
                    Difference("", what, None, text(item), subject=f"{what} {item.id}"),
                    kinds,
                    (collection, i),
                )
            )
            continue
        for name in (f for f in fields if getattr(was, f) != getattr(item, f)):
            change = Difference(
                "",
                what,
                getattr(was, name),
                getattr(item, name),
                subject=f"{what} {item.id}: {name}",
            )
            found.append(judge(change, kinds, (collection, i, name)))
    for i, item in enumerate(old):
        if item.id not in after:
            found.append(
                gone(
                    Difference("", what, text(item), None, subject=f"{what} {item.id}"),
                    kinds,
                    (collection, i),
                )
            )
    return found
