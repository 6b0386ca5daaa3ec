"""The `payments` command: ITP, payment times and the share paid in 30 days, from the register."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from cruscotto_cli.cli.emit import emit, emit_rich
from cruscotto_cli.cli.formats import chosen_format
from cruscotto_cli.cli.options import DEFAULT_PLAN, Force, Output, PlanDir, RegisterDir, Year
from cruscotto_cli.diagnostics import UsageError


class PaymentsFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


FORMAT_HELP = (
    "table, json, csv (Italian Excel) or markdown [default: from -o's extension, else table]."
)
QUARTER_HELP = "Only this quarter (1-4)."


def payments(
    year: Year,
    register: RegisterDir = None,
    quarter: Annotated[
        int | None,
        typer.Option("--quarter", "-q", metavar="Q", help=QUARTER_HELP, show_default=False),
    ] = None,
    plan: PlanDir = DEFAULT_PLAN,
    format: Annotated[
        PaymentsFormat | None, typer.Option("--format", "-f", help=FORMAT_HELP, show_default=False)
    ] = None,
    output: Output = None,
    force: Force = False,
) -> int:
    """ITP, payment times and the share paid within 30 days for YEAR, from the invoice register.

    For each quarter and the year (pooled, not the mean of the quarters): the ITP with its
    numerator and denominator (art. 9 DPCM 22/09/2014), the mean days from receipt to payment
    (simple and weighted by amount), the share paid within 30 days, the invoices left out and
    why, and the ten largest contributions to delay.

    Exit codes: 0 done; 2 bad usage (a quarter outside 1-4, a missing folder) or an invalid
    register or plan; 3 internal error.
    """
    from cruscotto_cli.inputs import check_year
    from cruscotto_cli.payments.register import load_register
    from cruscotto_cli.payments.working import working
    from cruscotto_cli.plan.load import load_plan
    from cruscotto_cli.render.payments import EXTENSIONS, FORMATS

    if quarter is not None and quarter not in (1, 2, 3, 4):
        raise UsageError(f"--quarter {quarter}: expected 1, 2, 3 or 4")
    folder = register or Path("registers")
    if not folder.is_dir():
        raise UsageError(
            f"{folder}: invoice register folder not found; give one with --register DIR"
        )
    loaded = load_plan(plan)
    check_year(loaded, year)
    chosen = chosen_format(format and format.value, output, EXTENSIONS, "table")
    register_read = load_register(folder)
    for notice in register_read.notices:  # what was not read is said, never skipped in silence
        print(notice, file=sys.stderr)
    rendered = FORMATS[chosen](loaded, working(loaded, register_read, year, quarter))
    if isinstance(rendered, str):
        emit(rendered, output, force)
    else:
        emit_rich(rendered, output, force)
    return 0
