"""Reading and writing numbers the way Italian documents and Excel write them."""

from __future__ import annotations

import re
from decimal import Context, Decimal

from cruscotto_cli.diagnostics import quote

# Pieces shared with the targets' grammar and the JSON Schema (ASCII digits: "٣" is not 3).
DIGITS = r"[0-9]+(?:[.,][0-9]+)?"
NUMBER = rf"[+\-−]?{DIGITS}"
# Exactly three digits after a point, with 1-3 digits before it, reads two ways: "1.234" is a
# thousand and more in Italian and one and a bit in English. (A comma is always decimal.)
AMBIGUOUS = r"[+\-−]?[1-9][0-9]{0,2}\.[0-9]{3}"
# What parse_plan_number accepts, as one pattern (for schemas): a number that reads one way.
PLAN_NUMBER = f"(?!{AMBIGUOUS}(?![0-9])){NUMBER}"
_PLAIN = re.compile(NUMBER)
_AMBIGUOUS = re.compile(AMBIGUOUS)


# More digits than Decimal arithmetic keeps (28) say nothing more; a million would overflow it.
MAX_DIGITS = 30


class NumberError(ValueError):
    """A text that is not a number, or that reads two ways."""


def parse_plan_number(text: str) -> Decimal:
    """A number of the plan: decimal comma or decimal point, no thousands separator.

    A comma is always decimal (the plan is an Italian document: "1,45"); a point followed by
    exactly three digits ("1.000") could be a thousands separator, so it is refused.
    """
    s = text.strip().replace("−", "-")
    if not _PLAIN.fullmatch(s):
        other = next((c for c in s if c.isdigit() and not c.isascii()), None)
        digits = f': "{other}" is not one of the digits 0-9' if other else ""
        raise NumberError(f'"{text}" is not a number{digits}')
    if (count := sum(c.isdigit() for c in s)) > MAX_DIGITS:
        raise NumberError(f"{quote(text)} has {count} digits; the limit is {MAX_DIGITS}")
    if _AMBIGUOUS.fullmatch(s):
        raise NumberError(
            f'"{text}" reads two ways (thousands or decimal point): '
            f"write {s.replace('.', '')} or {s.replace('.', ',')}"
        )
    return Decimal(s.replace(",", "."))


def round_to(value: Decimal, places: int) -> Decimal:
    """The value rounded to `places` decimals, however many digits it has: the default context
    (28 digits) refuses to give 10^23 six decimals; one digit more for 9,99 rounding up to 10."""
    return value.quantize(
        Decimal(1).scaleb(-places), context=Context(prec=max(value.adjusted(), 0) + places + 2)
    )


def format_number(value: Decimal, decimal_sep: str = ",", places: int | None = None) -> str:
    """A number as an Italian reader writes it: `1,45`, `-10,1`, `140` (no exponent)."""
    if places is not None:
        value = round_to(value, places)
    text = format(value, "f")
    if text.startswith("-") and not text.strip("-0."):
        text = text[1:]
    return text.replace(".", decimal_sep)
