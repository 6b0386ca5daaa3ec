"""A year's data collection as files: which office gets which rows, in which format, named how."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from cruscotto_cli.actuals.template import TemplateRow, by_office
from cruscotto_cli.plan.loaded import Plan


@dataclass(frozen=True)
class Collection:
    """What every file of one run shares: the plan, the year, and the analyst's settings."""

    plan: Plan
    year: int
    date: dt.date
    password: str | None = None
    deadline: dt.date | None = None
    contact: str | None = None
    reminder: bool = False  # only the values still missing or invalid


@dataclass(frozen=True)
class Sheet:
    """One file to send: the office it is for (None: the offices selected together), its rows."""

    office: str | None
    rows: Sequence[TemplateRow]

    def office_name(self, plan: Plan) -> str | None:
        return plan.office_name(self.office) if self.office else None


def sheets(
    plan: Plan, rows: Sequence[TemplateRow], owners: Sequence[str], each_office: bool
) -> list[Sheet]:
    """One sheet of every row, or one per office (of `owners`, else of the plan), empty ones kept.

    A single sheet is an office's own when one office was asked for or all its rows are one's.
    """
    if each_office:
        grouped = by_office(plan, rows)
        return [Sheet(office, grouped[office]) for office in owners or grouped]
    offices = set(owners) if owners else {row.office for row in rows}
    return [Sheet(next(iter(offices)) if len(offices) == 1 else None, rows)]


def file_name(collection: Collection, sheet: Sheet, fmt: str) -> str:
    """`staff-2025.xlsx`, or `staff-2025-promemoria.csv` for a reminder."""
    kind = "-promemoria" if collection.reminder else ""
    return f"{sheet.office or 'raccolta'}-{collection.year}{kind}.{fmt}"
