"""The date a row's value refers to (a row's reason for a miss is an actuals.values.Reason).

A row without a date is the year-end value; a dated row (30/06/2025) is a value measured during the
year, for monitoring. A date of 31 December is the year-end value itself. A reason ("motivazione
dello scostamento") explains a target not met; a computed indicator's reason may stand on a row of
its own, with the indicator's id and no value.
"""

from __future__ import annotations

import datetime as dt

from cruscotto_cli.cycle.rundate import read_date


def row_date(text: str, year: int) -> dt.date | str | None:
    """The date of a row of `year`: None for the year-end value, or the problem as a message."""
    day = read_date(text)
    if day is None:
        return f'date "{text.strip()}": expected a date such as 30/06/{year} or {year}-06-30'
    if day.year != year:
        return f'date "{text.strip()}" is not in the row\'s year {year}'
    return None if (day.month, day.day) == (12, 31) else day
