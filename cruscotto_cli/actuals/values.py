"""The actuals as loaded: each value with its place, the offices' reasons, and the whole set.

The classes alone, without the readers (cruscotto_cli.actuals.reader): what is read back from the
cache needs no more than this.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from pathlib import Path

from cruscotto_cli.diagnostics import Diagnostic, InputError
from cruscotto_cli.plan.model import Value

# A source that says so marks a value as made up to show the tool at work, not a published one.
ILLUSTRATIVE = "illustrativo"


@dataclass(frozen=True, slots=True)
class Actual:
    """One measured value of an indicator or a measure for a year, and where it was written."""

    key: str
    year: int
    value: Value
    text: str
    source: str | None
    note: str | None
    path: str
    row: int
    column: int
    date: dt.date | None = None  # None: the year-end value; else the day it was measured
    reason: str | None = None

    def __reduce__(self) -> tuple[type[Actual], tuple[object, ...]]:
        """Pickled as its fields and rebuilt by the constructor: the cache reads back tens of
        thousands of these, and a slotted dataclass's default sets each field from Python."""
        fields = (self.key, self.year, self.value, self.text, self.source, self.note, self.path)
        return Actual, (*fields, self.row, self.column, self.date, self.reason)


@dataclass(frozen=True)
class Actuals:
    """Every year-end actual of the folder by (key, year), the values measured during a year
    (oldest first), the offices' reasons for a miss, the files read, a notice for each entry of
    the folder that was not read (with why), and the values computed from the invoice register."""

    values: Mapping[tuple[str, int], Actual]
    files: tuple[Path, ...]
    dated: Mapping[tuple[str, int], tuple[Actual, ...]] = field(default_factory=dict)
    reasons: Mapping[tuple[str, int], Reason] = field(default_factory=dict)
    notices: tuple[Diagnostic, ...] = ()
    computed: frozenset[tuple[str, int]] = frozenset()
    # The content key of the files and the plan they were read for ("" when not known): the
    # actuals joined with the invoice register are cached under it (cruscotto_cli.cache).
    source: str = field(default="", compare=False, repr=False)

    def get(self, key: str, year: int) -> Actual | None:
        return self.values.get((key, year))

    def reason(self, key: str, year: int) -> Reason | None:
        return self.reasons.get((key, year))

    def latest(self, key: str, year: int, at: dt.date) -> Actual | None:
        """The latest value of `year` measured by `at`: the year-end value once the year is over."""
        if at >= dt.date(year, 12, 31) and (key, year) in self.values:
            return self.values[key, year]
        found = [a for a in self.dated.get((key, year), ()) if a.date is not None and a.date <= at]
        return found[-1] if found else None

    def number(self, key: str, year: int) -> Decimal | None:
        """The value as a number, for formulas; None when missing or not a number."""
        actual = self.values.get((key, year))
        return actual.value if actual is not None and isinstance(actual.value, Decimal) else None

    @cached_property
    def years(self) -> frozenset[int]:
        """The years with at least one value."""
        return frozenset(year for _, year in self.values)


@dataclass(frozen=True, slots=True)
class Reason:
    """An office's reason for a key's value in a year, and where it was written."""

    key: str
    year: int
    text: str
    path: str
    row: int
    column: int

    def __reduce__(self) -> tuple[type[Reason], tuple[object, ...]]:
        """Rebuilt by the constructor, as an Actual is."""
        return Reason, (self.key, self.year, self.text, self.path, self.row, self.column)


class InvalidActuals(InputError):
    """Actuals with problems, and what could be read of them: a reminder of what is still owed
    lists the values refused (by key and year, with their problem) beside the missing ones."""

    def __init__(
        self,
        problems: list[Diagnostic],
        notices: Sequence[Diagnostic],
        read: Actuals,
        refused: Mapping[tuple[str, int], Diagnostic],
    ) -> None:
        super().__init__(problems, notices)
        self.read = read
        self.refused = refused
