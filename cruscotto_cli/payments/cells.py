"""The cells of an invoice register: dates, amounts, terms in days, yes/no flags."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import Decimal

from cruscotto_cli.actuals.conventions import COMMA, Convention, NumberProblem, read_number
from cruscotto_cli.numbers import MAX_DIGITS

# 31/03/2023, 31-03-2023, 31.03.2023: one separator throughout.
_ITALIAN = re.compile(r"([0-9]{1,2})([/.-])([0-9]{1,2})\2([0-9]{2,4})")
_ISO = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")  # 2023-03-31
_MIDNIGHT = re.compile(
    r"\s+00:00(:00)?$"
)  # what Excel appends to a date cell it saved as a timestamp
DATE_FORMS = "write it as 31/03/2023 or 2023-03-31"
_ITALIAN_MARKS = str.maketrans(",.", ".,")
YES = frozenset({"sì", "si", "yes", "y", "x", "true", "vero", "1"})
NO = frozenset({"no", "n", "false", "falso", "0"})


# Italian Excel writes ";" exactly where the comma is decimal: such a file needs no settling.
SEMICOLON = Convention(COMMA)


class CellProblem(ValueError):
    """A cell that does not read as what its column holds; the message says what was expected."""


def read_date(text: str) -> date:
    body = _MIDNIGHT.sub("", text.strip())
    if not body.isascii():
        raise CellProblem(f"not a date (digits are 0-9 only); {DATE_FORMS}")
    italian, iso = _ITALIAN.fullmatch(body), _ISO.fullmatch(body)
    if italian:
        day, month, year = (int(italian.group(i)) for i in (1, 3, 4))
        if len(italian.group(4)) != 4:
            raise CellProblem(f"the year has {len(italian.group(4))} digits; {DATE_FORMS}")
    elif iso:
        year, month, day = (int(part) for part in iso.groups())
    else:
        raise CellProblem(f"not a date; {DATE_FORMS}")
    try:
        return date(year, month, day)
    except ValueError:
        raise CellProblem(
            f"no such day in the calendar (day {day}, month {month}, year {year})"
        ) from None


def read_days(text: str) -> int:
    body = text.strip()
    if not (body.isascii() and body.isdigit()):
        raise CellProblem("expected a whole number of days from receipt, such as 30 or 60")
    return int(body)


def read_flag(text: str) -> bool:
    word = unicodedata.normalize("NFC", text.strip()).casefold()
    if word in YES:
        return True
    if not word or word in NO:
        return False
    raise CellProblem("expected sì (outside commercial transactions) or no, or an empty cell")


def read_amount(text: str, convention: Convention) -> Decimal:
    """An amount in euro under its file's decimal separator; CellProblem says why not."""
    semicolon = convention == SEMICOLON
    if (digits := sum(ch.isdigit() for ch in text)) > MAX_DIGITS:
        raise CellProblem(f"{digits} digits; an amount has at most {MAX_DIGITS}")
    reading = read_number(text, comma_decimal=semicolon)
    if reading is None or reading.percent:
        raise CellProblem("expected an amount in euro, such as 1.234,56")
    if semicolon:
        if reading.comma is None:
            raise CellProblem(
                'in a ";"-separated file the decimal separator is the comma: write it as 1.234,56'
            )
        return reading.comma
    try:
        return convention.value(reading)
    except NumberProblem as problem:
        raise CellProblem(problem.message) from None


def euro(value: Decimal) -> str:
    """An amount as the register writes it: 1.234,56."""
    return f"{value:,.2f}".translate(_ITALIAN_MARKS)
