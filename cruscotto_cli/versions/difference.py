"""One difference between two versions of a plan, and whether an act backs it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from cruscotto_cli.plan.model import Change, PlanChange
from cruscotto_cli.plan.yamlsource import Document

Act = Change | PlanChange
EXAMPLE_ACT = '{date: 2024-03-28, act: "D CC 28/03/2024", change: %s}'


@dataclass(frozen=True)
class Difference:
    """One change of an indicator or of `plan.yaml`; `problem` says why it is not backed.

    `what` is the kind of change (target, formula, bands, measure...), `subject` how a reader names
    it (`target 2023`, `measure imprese_attive: unit`). A change that needs no act is `reported`.
    """

    indicator: str  # "" for a change of plan.yaml
    what: str
    old: str | None
    new: str | None
    year: int | None = None
    acts: tuple[Act, ...] = ()
    problem: str | None = None
    side: str = "head"  # the version `path` is in: "base" for what was removed
    path: str = ""
    line: int = 0
    column: int = 0
    subject: str = ""
    needs_act: bool = True

    @property
    def backed(self) -> bool:
        return self.problem is None

    @property
    def scope(self) -> str:
        return "indicator" if self.indicator else "plan"

    @property
    def named(self) -> str:
        """The changed thing in a few words: `target 2023`, `formula`, `measure x: unit`."""
        return self.subject or (f"target {self.year}" if self.what == "target" else self.what)


@dataclass(frozen=True)
class PlanDiff:
    """Every difference between a base version of a plan and the version under review."""

    base: str
    head: str
    differences: tuple[Difference, ...]

    @property
    def findings(self) -> tuple[Difference, ...]:
        return tuple(d for d in self.differences if not d.backed)


@dataclass(frozen=True)
class Judge:
    """Judges the differences of one indicator or of plan.yaml against the acts new in it."""

    owner: str  # "indicator 1.2" or "plan.yaml"
    fresh: tuple[Act, ...]
    document: Document
    prefix: tuple[Any, ...]  # the location of the owner in its document
    side: str = "head"

    def __call__(
        self, difference: Difference, kinds: frozenset[StrEnum], loc: tuple[Any, ...] = ()
    ) -> Difference:
        """The difference with its place, and the acts that back it (no act needed when `kinds`
        is empty)."""
        if not kinds:
            return self.place(replace(difference, needs_act=False), loc)
        acts = tuple(c for c in self.fresh if c.change in kinds)
        problem = None if acts else self.unbacked(difference, kinds)
        return self.place(replace(difference, acts=acts, problem=problem), loc)

    def unbacked(self, d: Difference, kinds: frozenset[StrEnum]) -> str:
        names = " or ".join(f"`{k.value}`" for k in sorted(kinds, key=_order))
        history = "its changes" if d.indicator else "the plan's changes (in plan.yaml)"
        example = EXAMPLE_ACT % min(kinds, key=_order).value
        return (
            f'{self.owner}: {d.named} changed from "{d.old or "-"}" to "{d.new or "-"}" with no '
            f"new entry in {history}; "
            f"add one of kind {names} with the act and its date, e.g. {example}"
        )

    def place(self, difference: Difference, loc: tuple[Any, ...]) -> Difference:
        line, column = self.document.locate((*self.prefix, *loc))
        return replace(
            difference, path=str(self.document.path), line=line, column=column, side=self.side
        )


def _order(kind: StrEnum) -> int:
    return list(type(kind)).index(kind)


def removed_entries(
    judge: Judge, indicator: str, old: Sequence[Act], new: Sequence[Act]
) -> list[Difference]:
    """History entries of the base missing from the head: the history of an approved plan only
    grows."""
    found = []
    for change in (c for c in old if c not in new):
        entry = f"{change.change.value} by {change.act} of {change.date.isoformat()}"
        problem = (
            f"{judge.owner}: history entry ({entry}) was removed or edited: the history of "
            "an approved plan only grows"
        )
        found.append(
            judge.place(
                Difference(indicator, "history", entry, None, problem=problem), ("changes",)
            )
        )
    return found


def acts_text(acts: tuple[Act, ...]) -> str:
    """The acts that back a difference, as readers cite them: `D CC 25/10/2022 (2022-10-25)`."""
    return "; ".join(f"{c.act} ({c.date.isoformat()})" for c in acts)
