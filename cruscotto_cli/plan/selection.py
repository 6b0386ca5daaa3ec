"""Which indicators a command works on: the --area, --owner and --tag filters."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cruscotto_cli.diagnostics import UsageError
from cruscotto_cli.plan.loaded import Placed, Plan
from cruscotto_cli.suggest import did_you_mean


@dataclass(frozen=True)
class Selection:
    """Filters; an empty tuple means no filter. Several values of one filter are alternatives."""

    areas: tuple[str, ...] = ()
    owners: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()

    @property
    def scope(self) -> tuple[tuple[str, str], ...]:
        """The filters as (kind, value) pairs, as a report names its scope: ("area", "1")."""
        return (
            tuple(("area", a) for a in self.areas)
            + tuple(("owner", o) for o in self.owners)
            + tuple(("tag", t) for t in self.tags)
        )

    def apply(self, plan: Plan) -> list[Placed]:
        """The selected indicators in plan order; UsageError for a value the plan does not know."""
        areas = {_known(a, [a.id for a, _ in plan.areas], "area") for a in self.areas}
        owners = {_office(plan, o) for o in self.owners}
        all_tags = sorted({t for i in plan.indicators() for t in i.tags})
        tags = {_known(t, all_tags, "tag") for t in self.tags}
        return [
            p
            for p in plan.placed
            if (not areas or p.area.id in areas)
            and (not owners or p.indicator.owner in owners)
            and (not tags or tags & set(p.indicator.tags))
        ]


def pick(plan: Plan, indicator_id: str | None, selection: Selection) -> list[Placed]:
    """One indicator by id, or the filtered plan; UsageError names an unknown id."""
    if indicator_id is None:
        return selection.apply(plan)
    placed = plan.indicator(indicator_id)
    if placed is None:
        ids = [i.id for i in plan.indicators()]
        hint = did_you_mean(indicator_id, ids)
        raise UsageError(f'unknown indicator "{indicator_id}"{hint}; `cruscotto show` lists them')
    return [placed]


def office_ids(plan: Plan, names: Sequence[str]) -> list[str]:
    """The ids of the offices named by id, name or alias; UsageError for an unknown one."""
    return [_office(plan, name) for name in names]


def _known(value: str, choices: Sequence[str], what: str) -> str:
    for choice in choices:
        if choice.casefold() == value.casefold():
            return choice
    listed = ", ".join(choices) or "none"
    raise UsageError(
        f'unknown {what} "{value}"{did_you_mean(value, choices)}; the plan has: {listed}'
    )


def _office(plan: Plan, value: str) -> str:
    office = plan.office(value)
    return office.id if office else _known(value, [o.id for o in plan.header.offices], "office")
