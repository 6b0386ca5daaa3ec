"""The `monitor` command: the state of a year's targets at a date, e.g. at 30 June."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from cruscotto_cli.cli.emit import emit, emit_rich
from cruscotto_cli.cli.formats import chosen_format
from cruscotto_cli.cli.options import (
    DEFAULT_PLAN,
    ActualsDir,
    Areas,
    Force,
    Output,
    Owners,
    PlanDir,
    RegisterDir,
    RunDate,
    Tags,
    Year,
    actuals_folder,
    register_folder,
    selection,
)
from cruscotto_cli.diagnostics import UsageError

if TYPE_CHECKING:
    from cruscotto_cli.cycle.monitor import Monitoring
    from cruscotto_cli.plan.loaded import Plan


class MonitorFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    html = "html"
    pdf = "pdf"


class FailOn(StrEnum):
    """The keys of cycle.monitor.FAIL_ON."""

    at_risk = "at-risk"
    critical = "critical"
    never = "never"


AT_HELP = "The day to monitor at, YYYY-MM-DD or DD/MM/YYYY [default: the run's date]."
FORMAT_HELP = (
    "table, json, csv, markdown, html or pdf (the report for the OIV; pdf needs cruscotto[pdf])."
)
FAIL_ON_HELP = "What makes the exit code 1: at-risk (at risk or critical), critical, never."


def monitor(
    year: Year,
    at: Annotated[str | None, typer.Option("--at", metavar="DATE", help=AT_HELP)] = None,
    plan: PlanDir = DEFAULT_PLAN,
    actuals: ActualsDir = None,
    register: RegisterDir = None,
    area: Areas = None,
    owner: Owners = None,
    tag: Tags = None,
    format: Annotated[
        MonitorFormat | None,
        typer.Option("--format", "-f", help=FORMAT_HELP, show_default=False),
    ] = None,
    fail_on: Annotated[FailOn, typer.Option("--fail-on", help=FAIL_ON_HELP)] = FailOn.at_risk,
    output: Output = None,
    force: Force = False,
    date: RunDate = None,
) -> int:
    """Monitor YEAR during the year: each target on track, at risk or critical at --at.

    The latest value up to the date (a `data` column in the actuals) is projected to the year's
    end: counts pro rata of the days elapsed, ratios and percentages as they are, yes/no actions
    in progress until done. -o x.html, x.md or x.pdf writes the monitoring report.

    Exit codes: 0 nothing at risk; 1 a target at risk or critical (as --fail-on chooses); 2 bad
    usage (a date outside the year) or invalid plan or actuals; 3 internal error.
    """
    from cruscotto_cli.cycle.monitor import FAIL_ON
    from cruscotto_cli.cycle.monitor import monitor as run
    from cruscotto_cli.cycle.rundate import date_option, run_date
    from cruscotto_cli.inputs import check_year, load_inputs
    from cruscotto_cli.render.monitoring import EXTENSIONS

    chosen = chosen_format(format and format.value, output, EXTENSIONS, "table")
    output = None if output is not None and str(output) == "-" else output  # -o -: stdout
    day = date_option("--at", at) if at is not None else run_date(date)
    loaded, values = load_inputs(plan, *actuals_folder(actuals), register_folder(register))
    check_year(loaded, year)
    if day.year < year:
        raise UsageError(f"--at {day.isoformat()} is before {year}: monitor a day of the year")
    result = run(loaded, values, year, day, selection(area, owner, tag).apply(loaded))
    _write(loaded, result, chosen, output, force)
    return 1 if FAIL_ON[fail_on.value](result) else 0


def _write(plan: Plan, result: Monitoring, chosen: str, output: Path | None, force: bool) -> None:
    """The chosen format to stdout or -o; html and pdf are the monitoring report."""
    from cruscotto_cli.render.monitoring import FORMATS

    if chosen == "markdown":
        from cruscotto_cli.report.monitoring import monitoring_markdown

        emit(monitoring_markdown(plan, result), output, force)
        return
    if chosen in ("html", "pdf"):
        from cruscotto_cli.report.monitoring import monitoring_html

        page = monitoring_html(plan, result)
        if chosen == "html":
            emit(page, output, force)
            return
        if output is None:
            raise UsageError("--format pdf is a binary file: give -o FILE")
        from cruscotto_cli.output import write_atomic
        from cruscotto_cli.report.pdf import html_to_pdf

        write_atomic(output, html_to_pdf(page), force)
        return
    rendered = FORMATS[chosen](plan, result)
    if isinstance(rendered, str):
        emit(rendered, output, force)
    else:
        emit_rich(rendered, output, force)
