"""Compare two versions of a plan: what changed, and whether each change is backed by its act.

Pure: two loaded plans in, differences out. An approved plan changes only by an act (a Council
decision), so a change to a target or to an indicator needs a new entry in the indicator's
`changes:` history, of the matching kind. Indicators are matched by id, wherever their file.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from cruscotto_cli.plan.loaded import Placed, Plan
from cruscotto_cli.plan.model import Change, ChangeKind, Indicator

K = ChangeKind
# The kinds of history entry that back each kind of difference.
BACKED_BY: dict[str, frozenset[ChangeKind]] = {
    "added": frozenset({K.ADDED}),
    "withdrawn": frozenset({K.WITHDRAWN}),
    "target": frozenset({K.TARGET, K.INDICATOR}),
    "name": frozenset({K.INDICATOR}),
    "unit": frozenset({K.INDICATOR}),
    "direction": frozenset({K.INDICATOR}),
    "owner": frozenset({K.OWNER, K.INDICATOR}),
}
FIELDS = ("name", "unit", "direction", "owner")


@dataclass(frozen=True)
class Difference:
    """One change of one indicator; `problem` says why it is not backed (None when it is)."""

    indicator: str
    what: str  # added | removed | withdrawn | target | name | unit | direction | owner | history
    old: str | None
    new: str | None
    year: int | None = None
    acts: tuple[Change, ...] = ()
    problem: str | None = None
    side: str = "head"  # the version `path` is in: "base" for a removed indicator
    path: str = ""
    line: int = 0
    column: int = 0

    @property
    def backed(self) -> bool:
        return self.problem is None


@dataclass(frozen=True)
class PlanDiff:
    """Every difference between a base version of a plan and the version under review."""

    base: str
    head: str
    differences: tuple[Difference, ...]

    @property
    def findings(self) -> tuple[Difference, ...]:
        return tuple(d for d in self.differences if not d.backed)


def compare(old: Plan, new: Plan, base: str = "base", head: str = "head") -> PlanDiff:
    """The differences from `old` to `new`, in the new plan's order, removed indicators last."""
    found: list[Difference] = []
    for placed in new.placed:
        before = old.indicator(placed.indicator.id)
        found += indicator_differences(before.indicator if before else None, placed)
    found += [_removed(p) for p in old.placed if new.indicator(p.indicator.id) is None]
    return PlanDiff(base, head, tuple(found))


def indicator_differences(old: Indicator | None, placed: Placed) -> list[Difference]:
    """What changed in one indicator, `old` being None when it is new."""
    new = placed.indicator
    fresh = tuple(c for c in new.changes if old is None or c not in old.changes)
    if old is None:
        return [_judged(placed, fresh, "added", ("id",), None, new.name)]
    found = [_history(placed, c) for c in old.changes if c not in new.changes]
    if new.withdrawal is not None and old.withdrawal is None:
        found.append(
            _judged(placed, fresh, "withdrawn", ("changes",), None, _withdrawn_from(new.withdrawal))
        )
    for name in FIELDS:
        before, after = _field(old, name), _field(new, name)
        if before != after:
            found.append(_judged(placed, fresh, name, (name,), before, after))
    for year in sorted(old.targets.keys() | new.targets.keys()):
        before_t, after_t = old.targets.get(year), new.targets.get(year)
        if before_t != after_t:  # by meaning: "≥76%" and "≥ 76%" are the same target
            texts = (before_t.text if before_t else None, after_t.text if after_t else None)
            found.append(_judged(placed, fresh, "target", ("targets", year), *texts, year=year))
    return found


def _judged(
    placed: Placed,
    fresh: tuple[Change, ...],
    what: str,
    loc: tuple[Any, ...],
    old: str | None,
    new: str | None,
    year: int | None = None,
) -> Difference:
    acts = tuple(c for c in fresh if c.change in BACKED_BY[what])
    problem = None if acts else _unbacked(placed.indicator.id, what, old, new, year)
    return _placed(
        placed, loc, Difference(placed.indicator.id, what, old, new, year, acts, problem)
    )


def _unbacked(indicator: str, what: str, old: str | None, new: str | None, year: int | None) -> str:
    kinds = " or ".join(f"`{k.value}`" for k in sorted(BACKED_BY[what], key=list(ChangeKind).index))
    if what == "added":
        return f"indicator {indicator} was added with no {kinds} entry in its changes naming the act that added it"
    subject = f"target {year}" if what == "target" else what
    return (
        f'indicator {indicator}: {subject} changed from "{old or "-"}" to "{new or "-"}" with no new entry in its changes; '
        f'add one of kind {kinds} with the act and its date, e.g. {{date: 2024-03-28, act: "D CC 28/03/2024", change: {kinds.split()[0].strip("`")}}}'
    )


def _removed(placed: Placed) -> Difference:
    ind = placed.indicator
    problem = (
        f"indicator {ind.id} was removed: an approved plan keeps its indicators; "
        "withdraw it with a `withdrawn` entry in its changes instead of deleting it"
    )
    return _placed(
        placed, (), Difference(ind.id, "removed", ind.name, None, problem=problem, side="base")
    )


def _history(placed: Placed, change: Change) -> Difference:
    entry = f"{change.change.value} by {change.act} of {change.date.isoformat()}"
    problem = f"indicator {placed.indicator.id}: history entry ({entry}) was removed or edited: the history of an approved plan only grows"
    return _placed(
        placed,
        ("changes",),
        Difference(placed.indicator.id, "history", entry, None, problem=problem),
    )


def _placed(placed: Placed, loc: tuple[Any, ...], difference: Difference) -> Difference:
    line, column = placed.document.locate(("indicators", placed.index, *loc))
    return replace(difference, path=str(placed.document.path), line=line, column=column)


def _field(ind: Indicator, name: str) -> str | None:
    value = getattr(ind, name)
    return None if value is None else str(value.value if name == "direction" else value)


def _withdrawn_from(change: Change) -> str:
    return f"withdrawn from {change.from_year or change.date.year}"


def acts_text(acts: tuple[Change, ...]) -> str:
    """The acts that back a difference, as readers cite them: `D CC 25/10/2022 (2022-10-25)`."""
    return "; ".join(f"{c.act} ({c.date.isoformat()})" for c in acts)
