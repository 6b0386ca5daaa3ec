"""The plan's values computed from the invoice register, joined to the actuals typed by hand."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

from cruscotto_cli.actuals.values import ILLUSTRATIVE, Actual, Actuals
from cruscotto_cli.diagnostics import Diagnostic, InputError
from cruscotto_cli.numbers import format_number
from cruscotto_cli.payments.cells import euro
from cruscotto_cli.payments.invoice import Invoice
from cruscotto_cli.payments.itp import Indicators, year_indicators
from cruscotto_cli.payments.register import Register
from cruscotto_cli.plan.loaded import Plan
from cruscotto_cli.plan.model import Indicator, RegisterValue

SOURCE = "registro fatture"

# Each register value of the plan: how it is read off a year's indicators, and its working.
VALUES: dict[RegisterValue, Callable[[Indicators], Decimal | None]] = {
    RegisterValue.ITP: lambda i: i.itp,
    RegisterValue.AVERAGE_DAYS: lambda i: i.average_days,
    RegisterValue.WEIGHTED_AVERAGE_DAYS: lambda i: i.average_days_weighted,
    RegisterValue.PAID_WITHIN_30_DAYS: lambda i: i.share_within,
}
WORKING: dict[RegisterValue, Callable[[Indicators], str]] = {
    RegisterValue.ITP: lambda i: f"{euro(i.numerator)} / {euro(i.denominator)}",
    RegisterValue.AVERAGE_DAYS: lambda i: f"{i.days} / {i.counted}",
    RegisterValue.WEIGHTED_AVERAGE_DAYS: lambda i: (
        f"{euro(i.weighted_days)} / {euro(i.denominator)}"
    ),
    RegisterValue.PAID_WITHIN_30_DAYS: lambda i: f"100 × {i.within} / {i.counted}",
}


def register_actuals(plan: Plan, register: Register) -> dict[tuple[str, int], Actual]:
    """Every plan-year value the register gives, as an actual citing the register's files."""
    wanted = [(p.indicator, v) for p in plan.placed if (v := p.indicator.from_register) is not None]
    computed: dict[tuple[str, int], Actual] = {}
    for year in plan.header.period.years if wanted else ():
        counted = [i for i in register.invoices if i.commercial and i.paid and i.paid.year == year]
        indicators = year_indicators(counted, year).annual
        for indicator, value_of in wanted:
            value = VALUES[value_of](indicators)
            if value is not None:
                working = WORKING[value_of](indicators)
                computed[indicator.id, year] = _actual(indicator, year, value, working, counted)
    return computed


def _actual(
    indicator: Indicator, year: int, value: Decimal, working: str, counted: list[Invoice]
) -> Actual:
    files = ", ".join(dict.fromkeys(i.path for i in counted))
    illustrative = any((i.note or "").strip().casefold() == ILLUSTRATIVE for i in counted)
    text = format_number(value) + ("%" if indicator.unit == "%" else "")
    source = ILLUSTRATIVE if illustrative else SOURCE
    return Actual(indicator.id, year, value, text, source, working, files, 0, 0)


def with_register(plan: Plan, actuals: Actuals, register: Register) -> Actuals:
    """The actuals and the register's values; InputError names both places of a value twice."""
    computed = register_actuals(plan, register)
    problems = [
        _conflict(actuals.values[key], computed[key]) for key in computed if key in actuals.values
    ]
    notices = actuals.notices + register.notices
    if problems:
        raise InputError(sorted(problems), notices)
    files = actuals.files + register.files
    values = {**actuals.values, **computed}
    computed_keys = actuals.computed | frozenset(computed)
    return replace(actuals, values=values, files=files, notices=notices, computed=computed_keys)


def _conflict(typed: Actual, computed: Actual) -> Diagnostic:
    message = (
        f"{typed.key} for {typed.year} is computed from the invoice register ({computed.path}): "
        f"remove this value, or that year's invoices from the register"
    )
    return Diagnostic(typed.path, typed.row, typed.column, message, "register-conflict")
