"""Compare two versions of a plan: what changed, and whether each change is backed by its act.

Pure: two loaded plans in, differences out. An approved plan changes only by an act (a Council
decision): a change that can alter a verdict or a score needs a new entry of the matching kind
in the indicator's `changes:` (or, for plan.yaml, in the plan's `changes:`, see header.py).
Descriptive text (tags, source, notes) is only reported. Indicators are matched by id, wherever
their file and in any order.
"""

from __future__ import annotations

import ast
from dataclasses import replace
from enum import StrEnum

from cruscotto_cli.numbers import format_number
from cruscotto_cli.plan.loaded import Placed, Plan
from cruscotto_cli.plan.model import ChangeKind, Indicator
from cruscotto_cli.versions.difference import (
    Difference,
    Judge,
    PlanDiff,
    acts_text,
    removed_entries,
)
from cruscotto_cli.versions.header import header_differences

__all__ = ["BACKED_BY", "Difference", "PlanDiff", "acts_text", "compare", "indicator_differences"]

K = ChangeKind
NONE: frozenset[StrEnum] = frozenset()
# The kinds of history entry that back each kind of difference; an empty set: reported only.
BACKED_BY: dict[str, frozenset[StrEnum]] = {
    "added": frozenset({K.ADDED}),
    "withdrawn": frozenset({K.WITHDRAWN}),
    "target": frozenset({K.TARGET, K.INDICATOR}),
    "owner": frozenset({K.OWNER, K.INDICATOR}),
    **{
        name: frozenset({K.INDICATOR})
        for name in ("name", "unit", "direction", "symbol", "formula", "register", "weight", "area")
    },
    **{name: NONE for name in ("tags", "source", "notes")},
}
FIELDS = (
    "name",
    "unit",
    "direction",
    "symbol",
    "formula",
    "register",
    "weight",
    "owner",
    "tags",
    "source",
    "notes",
)


def compare(old: Plan, new: Plan, base: str = "base", head: str = "head") -> PlanDiff:
    """The differences from `old` to `new`: plan.yaml first, then indicators in the new plan's
    order, removed indicators last."""
    found = header_differences(old, new)
    for placed in new.placed:
        before = old.indicator(placed.indicator.id)
        found += indicator_differences(
            before.indicator if before else None, placed, before.area.id if before else None
        )
    found += [_removed(p) for p in old.placed if new.indicator(p.indicator.id) is None]
    return PlanDiff(base, head, tuple(found))


def indicator_differences(
    old: Indicator | None, placed: Placed, old_area: str | None = None
) -> list[Difference]:
    """What changed in one indicator, `old` being None when it is new."""
    new = placed.indicator
    fresh = tuple(c for c in new.changes if old is None or c not in old.changes)
    judge = Judge(f"indicator {new.id}", fresh, placed.document, ("indicators", placed.index))
    if old is None:
        return [_added(judge, new)]
    found = removed_entries(judge, new.id, old.changes, new.changes)
    if new.withdrawal is not None and old.withdrawal is None:
        found.append(
            judge(
                Difference(new.id, "withdrawn", None, _withdrawn_from(new)),
                BACKED_BY["withdrawn"],
                ("changes",),
            )
        )
    if old_area is not None and old_area != placed.area.id:
        found.append(
            judge(Difference(new.id, "area", old_area, placed.area.id), BACKED_BY["area"], ("id",))
        )
    for name in FIELDS:
        if _comparable(old, name) != _comparable(new, name):
            found.append(
                judge(
                    Difference(new.id, name, _shown(old, name), _shown(new, name)),
                    BACKED_BY[name],
                    (name,),
                )
            )
    for year in sorted(old.targets.keys() | new.targets.keys()):
        before, after = old.targets.get(year), new.targets.get(year)
        if before != after:  # by meaning: "≥76%" and "≥ 76%" are the same target
            texts = (before.text if before else None, after.text if after else None)
            found.append(
                judge(
                    Difference(new.id, "target", *texts, year=year),
                    BACKED_BY["target"],
                    ("targets", year),
                )
            )
    return found


def _added(judge: Judge, new: Indicator) -> Difference:
    difference = judge(Difference(new.id, "added", None, new.name), BACKED_BY["added"], ("id",))
    if difference.backed:
        return difference
    problem = (
        f"{judge.owner} was added with no `added` entry in its changes naming the act that added it"
    )
    return replace(difference, problem=problem)


# The attribute of a field whose name in the plan is taken in the model.
ATTRIBUTE = {"register": "from_register"}


def _comparable(ind: Indicator, name: str) -> object:
    """A field's value as compared: formulas by their parsed tree, tags in any order."""
    value = getattr(ind, ATTRIBUTE.get(name, name))
    if name == "formula" and value is not None:
        return ast.dump(value.tree)
    if name == "tags":
        return frozenset(value)
    return value


def _shown(ind: Indicator, name: str) -> str | None:
    value = getattr(ind, ATTRIBUTE.get(name, name))
    if value is None or value == ():
        return None
    if name == "weight":
        return format_number(value, ",")
    if name in ("tags", "notes"):
        return "; ".join(value)
    return str(getattr(value, "text", None) or getattr(value, "value", value))


def _removed(placed: Placed) -> Difference:
    ind = placed.indicator
    problem = (
        f"indicator {ind.id} was removed: an approved plan keeps its indicators; "
        "withdraw it with a `withdrawn` entry in its changes instead of deleting it"
    )
    judge = Judge(
        f"indicator {ind.id}", (), placed.document, ("indicators", placed.index), side="base"
    )
    return judge.place(Difference(ind.id, "removed", ind.name, None, problem=problem), ())


def _withdrawn_from(ind: Indicator) -> str:
    change = ind.withdrawal
    assert change is not None
    return f"withdrawn from {change.from_year or change.date.year}"
