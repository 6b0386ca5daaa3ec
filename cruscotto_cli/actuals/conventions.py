"""Numbers in actuals CSV files: decimal comma or decimal point, whichever the whole file uses.

Italian Excel writes `1.234,5`, English Excel `1,234.5`; offices send both. A value such as `12,5`
or `1.234.567` shows which convention its file uses; `140` or `1 234` shows nothing; `1.234` reads
two ways (a thousand and more, or one and a bit) and is read only when the rest of the file settles
the convention. In a `;`-separated file the comma is always decimal (Italian Excel writes `;`
exactly where the comma is the decimal separator), so `13,537` is thirteen and a bit there. A file
that uses both is refused, each value that departs from most of the file with its own place.
Digits are ASCII: `١٢` or `１２` is not twelve.
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
# mark used throughout: a point or a space with decimal comma, a comma or a space with decimal
# point.
_COMMA = re.compile(r"(?:[0-9]+|[1-9][0-9]{0,2}([. ])[0-9]{3}(?:\1[0-9]{3})*)(?:,[0-9]+)?")
_POINT = re.compile(r"(?:[0-9]+|[1-9][0-9]{0,2}([, ])[0-9]{3}(?:\1[0-9]{3})*)(?:\.[0-9]+)?")
# In a ";" file the comma is decimal, never a thousands separator: a point reading groups by space.
_POINT_NO_COMMA = re.compile(r"(?:[0-9]+|[1-9][0-9]{0,2}( )[0-9]{3}(?:\1[0-9]{3})*)(?:\.[0-9]+)?")
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2212": "-"})


class NumberProblem(ValueError):
    """A value that reads two ways, contradicts its file's convention, or is implausible."""

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


def read_number(text: str, comma_decimal: bool = False) -> Reading | None:
    """Read a cell as a number in both conventions; None when it is a number in neither.

    With `comma_decimal` (a ";" file) a comma is never a thousands separator.
    """
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
    point_form = _POINT_NO_COMMA if comma_decimal else _POINT
    point = (
        Decimal(sign + body.replace(",", "").replace(" ", ""))
        if point_form.fullmatch(body)
        else None
    )
    if comma is None and point is None:
        return None
    return Reading(text, percent, comma, point)


@dataclass(frozen=True)
class Convention:
    """A file's decimal separator: the one most of its values show, with the first of them."""

    decimal: str | None = None
    row: int = 0
    text: str = ""
    rows: int = 0

    def value(self, reading: Reading) -> Decimal:
        """The reading's value in this file; NumberProblem if it reads two ways or contradicts."""
        settles = reading.settles
        if settles is not None and self.decimal is not None and settles != self.decimal:
            raise NumberProblem(self._contradiction(settles), "csv-number")
        comma, point = reading.comma, reading.point
        if comma is not None and (point is None or self.decimal == COMMA):
            return comma
        if point is not None and (comma is None or comma == point or self.decimal == POINT):
            return point
        raise NumberProblem(_ambiguity(reading), "csv-ambiguous")

    def _contradiction(self, settles: str) -> str:
        others = {1: "", 2: " and 1 more row"}.get(self.rows, f" and {self.rows - 1} more rows")
        verb = "uses" if self.rows == 1 else "use"
        return (
            f'uses {_NAMES[settles]}, but row {self.row} ("{self.text}"){others} {verb} '
            f"{_NAMES[self.decimal or COMMA]}; use one decimal separator in the whole file"
        )


def settle(readings: Iterable[tuple[int, Reading | None]], prefer: str | None = None) -> Convention:
    """The convention of a file from its numbers, given with their row numbers in file order.

    The separator that more values show wins, so that the values departing from it are the ones
    refused; on a tie, `prefer` (a comma in a ";" file), else the one shown first.
    """
    first: dict[str, tuple[int, str]] = {}
    counts = {COMMA: 0, POINT: 0}
    for row, reading in readings:
        if reading is None or (settles := reading.settles) is None:
            continue
        first.setdefault(settles, (row, reading.text))
        counts[settles] += 1
    if not first:
        return Convention()
    shown_first = min(first, key=lambda decimal: first[decimal][0])
    tie_break = prefer if prefer in first else shown_first
    decimal = max((COMMA, POINT), key=lambda d: (counts[d], d == tie_break))
    row, text = first[decimal]
    return Convention(decimal, row, text, counts[decimal])


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
