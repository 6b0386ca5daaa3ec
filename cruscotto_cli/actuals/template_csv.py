"""The data-collection sheet as CSV for Italian Excel: `;`, a byte-order mark, ids kept as text."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from cruscotto_cli.actuals.excel import excel_text, to_csv
from cruscotto_cli.actuals.template import TemplateRow
from cruscotto_cli.numbers import format_number
from cruscotto_cli.plan.loaded import Plan
from cruscotto_cli.plan.model import Value

# The office fills `valore`, and `motivazione` when a target is missed (also `fonte`, `nota`);
# the other columns are the plan's, for the reader's sake: the actuals reader accepts and ignores
# them.
HEADER = (
    "chiave",
    "anno",
    "valore",
    "motivazione",
    "area",
    "nome",
    "ufficio",
    "unità",
    "target",
    "valore anno precedente",
    "fonte",
    "nota",
)


def template_csv(plan: Plan, rows: Sequence[TemplateRow], reminder: bool = False) -> str:
    """`;`-separated for Italian Excel; indicator ids as Excel text so that 9.10 stays 9.10.

    A reminder ends each row with why the value is still owed (`stato`).
    """
    header: list[object] = [*HEADER, "stato"] if reminder else list(HEADER)
    cells = [
        [*_cells(plan, row), row.status or ""] if reminder else _cells(plan, row) for row in rows
    ]
    return to_csv([header, *cells])


def _cells(plan: Plan, row: TemplateRow) -> list[object]:
    return [
        excel_text(row.key),
        row.year,
        "",
        "",
        ", ".join(row.areas),
        row.name,
        plan.office_name(row.office),
        row.unit,
        "; ".join(row.targets),
        shown(row.previous, row.unit),
        "",
        "",
    ]


def shown(value: Value | None, unit: str) -> str:
    """A value as an Italian reader writes it: 74,5%, 140, 1,05, sì, medio; "" for none."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "sì" if value else "no"
    if isinstance(value, Decimal):
        return format_number(value) + ("%" if unit == "%" else "")
    return value
