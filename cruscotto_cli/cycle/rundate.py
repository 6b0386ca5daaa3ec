"""The run's date, "today" for every command: --date, else SOURCE_DATE_EPOCH (UTC), else the clock.

One definition, so that a report's printed date, the years it treats as still open and the day a
monitoring run stops at all agree, and a fixed date gives the same output on any day.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Mapping

from cruscotto_cli.diagnostics import UsageError

_ITALIAN = re.compile(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})")


def read_date(text: str) -> dt.date | None:
    """A date as ISO (2025-06-30) or as Italian documents write it (30/06/2025); else None."""
    text = text.strip()
    try:
        if len(text) == 10 and text[4] == "-" and text[7] == "-":
            return dt.date.fromisoformat(text)
        if m := _ITALIAN.fullmatch(text):
            return dt.date(int(m[3]), int(m[2]), int(m[1]))
    except ValueError:
        return None
    return None


def date_option(name: str, text: str) -> dt.date:
    """A date given as an option; UsageError that quotes it when it is not a date."""
    day = read_date(text)
    if day is None:
        raise UsageError(f'{name} "{text}": expected a date as YYYY-MM-DD or DD/MM/YYYY')
    return day


def run_date(option: str | None, environ: Mapping[str, str] = os.environ) -> dt.date:
    """--date, else SOURCE_DATE_EPOCH (UTC), else today. An empty --date (a script's unset
    variable) is refused, not taken for today."""
    if option is not None:
        return date_option("--date", option)
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
        except (ValueError, OverflowError, OSError):
            raise UsageError(
                f'SOURCE_DATE_EPOCH "{epoch}": expected seconds since 1970-01-01'
            ) from None
    return dt.date.today()
