"""What a plausible value is: a per cent not a fraction, a count not negative, a score in its scale.

Each rule refuses rather than guesses: the value is an error with its place, and the message says
what to write instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from cruscotto_cli.actuals.conventions import NumberProblem, Reading
from cruscotto_cli.numbers import format_number
from cruscotto_cli.plan.model import Indicator
from cruscotto_cli.plan.targets import Range, Threshold

# A unit naming a count, alone or followed by what is counted ("n.", "n. imprese", "numero").
_COUNT_WORDS = frozenset({"n", "nr", "num", "numero", "n°", "nº"})
# A per cent indicator whose numeric targets are all this high or higher does not expect a value
# of 1 or less: such a value is far more likely a fraction (0,94 for 94%) than what was measured.
FAR_ABOVE = Decimal(10)
_ONE, _HUNDRED = Decimal(1), Decimal(100)
CODE = "csv-implausible"


def count_unit(unit: str) -> str | None:
    """The unit when it names a count (its first word is n., nr., num., numero or n°), else None."""
    words = unit.split()
    return unit if words and words[0].casefold().rstrip(".") in _COUNT_WORDS else None


def percent_floor(indicator: Indicator) -> Decimal | None:
    """The lowest numeric target of a per cent indicator when every one is FAR_ABOVE or more."""
    if indicator.unit.strip() != "%":
        return None
    values = [value for target in indicator.targets.values() for value in _numbers(target)]
    return min(values) if values and min(values) >= FAR_ABOVE else None


def _numbers(target: object) -> tuple[Decimal, ...]:
    if isinstance(target, Threshold):
        return (target.value,)
    if isinstance(target, Range):
        return (target.low, target.high)
    return ()


@dataclass(frozen=True, slots=True)
class Plausible:
    """The rules that apply to one key's numbers (None where a rule does not apply)."""

    count_unit: str | None = None  # the unit, when it names a count
    percent_floor: Decimal | None = None
    scores: tuple[Decimal, Decimal] | None = None
    levels: str = ""  # the scale's levels, for the message on a score off the scale

    def check(self, reading: Reading, value: Decimal) -> None:
        """NumberProblem when the value breaks a rule of its key."""
        if self.count_unit is not None and value < 0:
            message = f'a count (its unit is "{self.count_unit}") cannot be negative'
            raise NumberProblem(message, CODE)
        if self.percent_floor is not None and not reading.percent and 0 < value <= _ONE:
            raise NumberProblem(_fraction(reading, value, self.percent_floor), CODE)
        if self.scores is not None and not self.scores[0] <= value <= self.scores[1]:
            raise NumberProblem(_off_scale(value, *self.scores, self.levels), CODE)


def _fraction(reading: Reading, value: Decimal, floor: Decimal) -> str:
    points = (value * _HUNDRED).normalize()
    written = format_number(points)
    said = _english(int(points)) if points == points.to_integral_value() else written
    return (
        f"a per cent value of 1 or less where every target is {format_number(floor)}% or more: "
        f"a fraction? write {written} or {written}% for {said} per cent; "
        f"write {reading.text.strip()}% if you mean it"
    )


def _off_scale(value: Decimal, bottom: Decimal, top: Decimal, levels: str) -> str:
    side = f"above the top of the scale ({format_number(top)})"
    if value < bottom:
        side = f"below the bottom of the scale ({format_number(bottom)})"
    low, high = format_number(bottom), format_number(top)
    return f"a score {side}; write a score from {low} to {high}, or a level: {levels}"


_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _english(n: int) -> str:
    """A whole number from 0 to 100 in English words, as a hint says it: "ninety-four"."""
    if n == 100:
        return "one hundred"
    if n < 20:
        return _UNITS[n]
    tens, units = divmod(n, 10)
    return _TENS[tens - 2] + (f"-{_UNITS[units]}" if units else "")
