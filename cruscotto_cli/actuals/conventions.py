"""Numbers in actuals CSV files: decimal comma or decimal point, whichever the whole file uses.

Italian Excel writes `1.234,5`, English Excel `1,234.5`; offices send both. A value such as `12,5`
or `1.234.567` shows which convention its file uses; `140` or `1 234` shows nothing; `1.234` reads
two ways (a thousand and more, or one and a bit) and is read only when the rest of the file settles
the convention. A file that uses both is refused: one of its numbers would be read wrongly.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from cruscotto_cli.numbers import format_number

COMMA, POINT = ",", "."
_NAMES = {COMMA: "a decimal comma", POINT: "a decimal point"}

# Plain digits with optional decimals, or 1-3 digits then groups of three split by one thousands
# mark used throughout: a point or a space with decimal comma, a comma or a space with decimal point.
_COMMA = re.compile(r"(?:\d+|[1-9]\d{0,2}([. ])\d{3}(?:\1\d{3})*)(?:,\d+)?")
_POINT = re.compile(r"(?:\d+|[1-9]\d{0,2}([, ])\d{3}(?:\1\d{3})*)(?:\.\d+)?")
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2212": "-"})


class NumberProblem(ValueError):
    """A value that reads two ways or contradicts its file's convention.

    Only the first contradiction of a file is worth a message (it counts the others): the later
    ones come with an empty message, and the caller drops the value without reporting it again.
    """

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


class Reading(NamedTuple):
    """What a cell means under each convention; None where that convention cannot read it."""

    text: str
    percent: bool
    comma: Decimal | None
    point: Decimal | None

    @property
    def settles(self) -> str | None:
        """The convention this value proves its file uses, if only one can read it."""
        if self.comma is None:
            return POINT
        return COMMA if self.point is None else None


def read_number(text: str) -> Reading | None:
    """Read a cell as a number in both conventions; None when it is a number in neither."""
    body = text.strip()
    if not body.isascii():
        body = body.translate(_SPACES)
    percent = body[-1:] == "%"
    if percent:
        body = body[:-1].rstrip()
    sign = ""
    if body[:1] in ("+", "-"):
        sign, body = body[0], body[1:]
    if body.isdigit() and body.isascii():  # the common case, the same in both conventions
        number = Decimal(sign + body)
        return Reading(text, percent, number, number)
    comma = (
        Decimal(sign + body.replace(".", "").replace(" ", "").replace(",", "."))
        if _COMMA.fullmatch(body)
        else None
    )
    point = (
        Decimal(sign + body.replace(",", "").replace(" ", "")) if _POINT.fullmatch(body) else None
    )
    if comma is None and point is None:
        return None
    return Reading(text, percent, comma, point)


@dataclass(frozen=True)
class Convention:
    """A file's decimal separator, settled by its first value that only one convention reads."""

    decimal: str | None = None
    row: int = 0
    text: str = ""
    conflict_row: int = 0
    more_conflicts: int = 0

    def value(self, reading: Reading, row: int) -> Decimal:
        """The reading's value in this file; NumberProblem if it reads two ways or contradicts."""
        settles = reading.settles
        if settles is not None and self.decimal is not None and settles != self.decimal:
            raise NumberProblem(self._contradiction(settles, row), "csv-number")
        comma, point = reading.comma, reading.point
        if comma is not None and (point is None or self.decimal == COMMA):
            return comma
        if point is not None and (comma is None or comma == point or self.decimal == POINT):
            return point
        raise NumberProblem(_ambiguity(reading), "csv-ambiguous")

    def _contradiction(self, settles: str, row: int) -> str:
        if row != self.conflict_row:
            return ""
        others = {0: "", 1: " (1 more row does the same)"}.get(
            self.more_conflicts, f" ({self.more_conflicts} more rows do the same)"
        )
        return (
            f'uses {_NAMES[settles]}, but row {self.row} ("{self.text}") uses '
            f"{_NAMES[self.decimal or COMMA]}; use one decimal separator in the whole file{others}"
        )


def settle(readings: Iterable[tuple[int, Reading | None]]) -> Convention:
    """The convention of a file from its numbers, given with their row numbers in file order."""
    first: tuple[int, Reading, str] | None = None
    conflicts: list[int] = []
    for row, reading in readings:
        if reading is None or (settles := reading.settles) is None:
            continue
        if first is None:
            first = (row, reading, settles)
        elif settles != first[2]:
            conflicts.append(row)
    if first is None:
        return Convention()
    row, reading, decimal = first
    return Convention(
        decimal, row, reading.text, conflicts[0] if conflicts else 0, max(len(conflicts) - 1, 0)
    )


def _ambiguity(reading: Reading) -> str:
    # "1.234" is 1234 with a thousands separator, or one and a bit with a decimal one.
    pct = "%" if reading.percent else ""
    whole, part = sorted(
        (d for d in (reading.comma, reading.point) if d is not None), key=abs, reverse=True
    )
    return (
        f"reads two ways, {format_number(whole)}{pct} or {format_number(part)}{pct}, "
        "and no other number in this file shows its decimal separator; "
        f"write {format_number(whole)}{pct} (no thousands separator) "
        f"or {format_number(part, places=4)}{pct} (four decimals)"
    )
