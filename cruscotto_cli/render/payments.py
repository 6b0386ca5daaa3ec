"""Reporters of the payment indicators: JSON, CSV for Italian Excel, Markdown, and the registry."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from cruscotto_cli.actuals.excel import to_csv
from cruscotto_cli.numbers import round_to
from cruscotto_cli.payments.itp import Delay, Indicators
from cruscotto_cli.payments.measured import VALUES
from cruscotto_cli.payments.working import Working
from cruscotto_cli.plan.loaded import Plan
from cruscotto_cli.render.jsontext import dumps
from cruscotto_cli.render.markdown import table as markdown_table
from cruscotto_cli.render.payments_rows import DELAY_COLUMNS, ITP_COLUMNS, TIMES_COLUMNS, Texts

SCHEMA_VERSION = 1


# --- JSON --------------------------------------------------------------------------------------


def _number(value: Decimal | None) -> float | int | None:
    if value is None:
        return None
    rounded = round_to(value, 6)
    return int(rounded) if rounded == rounded.to_integral_value() else float(rounded)


def _delay(d: Delay) -> dict[str, Any]:
    i = d.invoice
    return {
        "number": i.number,
        "supplier": i.supplier,
        "days": d.days,
        "amount": _number(i.amount),
        "weight": _number(d.weight),
        "file": i.path,
        "row": i.row,
    }


def period_data(i: Indicators) -> dict[str, Any]:
    return {
        "year": i.period.year,
        "quarter": i.period.quarter,
        "invoices": i.counted,
        "numerator": _number(i.numerator),
        "denominator": _number(i.denominator),
        "itp": _number(i.itp),
        "average_days": _number(i.average_days),
        "weighted_average_days": _number(i.average_days_weighted),
        "paid_within_30_days": i.within,
        "share_within_30_days": _number(i.share_within),
        "late": i.late,
        "due_date_moved": i.moved,
        "excluded": [
            {
                "number": e.invoice.number,
                "supplier": e.invoice.supplier,
                "reason": e.reason.value,
                "file": e.invoice.path,
                "row": e.invoice.row,
            }
            for e in i.excluded
        ],
        "largest_delays": [_delay(d) for d in i.delays],
    }


def payments_data(working: Working) -> dict[str, Any]:
    """The stable JSON contract of `cruscotto payments --format json`."""
    annual = working.year.annual
    return {
        "schema_version": SCHEMA_VERSION,
        "year": working.year.year,
        "quarter": working.quarter,
        "register": list(working.files),
        "periods": [period_data(i) for i in working.periods],
        "plan": {key: _number(VALUES[value](annual)) for key, value in working.feeds},
    }


def _json(plan: Plan, working: Working) -> str:
    return dumps(payments_data(working), depth=3)


# --- CSV and Markdown --------------------------------------------------------------------------


def csv_text(plan: Plan, working: Working) -> str:
    """One row a period, `;`-separated with decimal commas, as Italian Excel opens it."""
    t = Texts(plan.language)
    header = [t.p[k] for k in (*ITP_COLUMNS, *TIMES_COLUMNS[1:])]
    rows: list[list[object]] = [[*header]]
    for i in working.periods:
        itp, times = t.itp_row(i), t.times_row(i)
        rows.append([*itp, *times[1:]])
    return to_csv(rows, ";" if t.w.decimal == "," else ",")


def markdown(plan: Plan, working: Working) -> str:
    """The tables of the table format, for wikis and pull requests."""
    t = Texts(plan.language, len(working.files))
    p = t.p
    lines = [f"## {p['itp_title']}", ""]
    lines += markdown_table(
        [p[k] for k in ITP_COLUMNS], [t.itp_row(i) for i in working.periods], (1, 2, 3, 4)
    )
    lines += [f"## {p['times_title']}", ""]
    lines += markdown_table(
        [p[k] for k in TIMES_COLUMNS], [t.times_row(i) for i in working.periods], (1, 2, 3, 4, 5)
    )
    last = working.periods[-1]
    lines += [f"## {p['delays_title']} ({p.period(last.period)})", ""]
    delays = [t.delay_row(d) for d in last.delays]
    lines += (
        markdown_table([p[k] for k in DELAY_COLUMNS], delays, (2, 3, 4))
        if delays
        else [p["none"], ""]
    )
    lines += [f"## {p['excluded_title']} ({p.period(last.period)})", ""]
    excluded = [[e.invoice.number, e.invoice.supplier, p.reason(e.reason)] for e in last.excluded]
    lines += (
        markdown_table([p["invoice"], p["supplier"], p["reason"]], excluded)
        if excluded
        else [p["none"], ""]
    )
    if working.feeds and working.quarter is None:
        lines += [f"{p['feeds']}: {t.feeds(working)}", ""]
    lines += [f"{p['register']}: {', '.join(working.files)}", ""]
    return "\n".join(lines)


def _table(plan: Plan, working: Working) -> object:
    from cruscotto_cli.render.payments_table import table

    return table(Texts(plan.language, len(working.files)), working)


EXTENSIONS = {
    ".txt": "table",
    ".json": "json",
    ".csv": "csv",
    ".md": "markdown",
    ".markdown": "markdown",
}
FORMATS: dict[str, Callable[[Plan, Working], object]] = {
    "table": _table,
    "json": _json,
    "csv": csv_text,
    "markdown": markdown,
}
