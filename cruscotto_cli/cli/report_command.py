"""The `report` command: the yearly performance report as HTML, Markdown, XLSX or PDF."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from cruscotto_cli.cli.options import (
    DEFAULT_PLAN,
    ActualsDir,
    Areas,
    Force,
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


class ReportFormat(StrEnum):
    html = "html"
    markdown = "markdown"
    xlsx = "xlsx"
    pdf = "pdf"


OUTPUT_HELP = "The report file (whole or not at all); '-' writes HTML or Markdown to stdout."
FORMAT_HELP = "html, markdown, xlsx or pdf [default: from the file's extension]."


def report(
    year: Year,
    output: Annotated[Path, typer.Option("--output", "-o", help=OUTPUT_HELP, show_default=False)],
    format: Annotated[
        ReportFormat | None, typer.Option("--format", "-f", help=FORMAT_HELP, show_default=False)
    ] = None,
    plan: PlanDir = DEFAULT_PLAN,
    actuals: ActualsDir = None,
    register: RegisterDir = None,
    area: Areas = None,
    owner: Owners = None,
    tag: Tags = None,
    date: RunDate = None,
    force: Force = False,
) -> int:
    """Write the yearly performance report for YEAR (Relazione sulla performance).

    HTML (self-contained, prints on A4), Markdown, XLSX (needs cruscotto[xlsx]) or PDF/A (needs
    cruscotto[pdf]). The same inputs and --date (the date printed, and the years still open)
    give the same bytes.

    Exit codes: 0 written; 2 bad usage (a year outside the plan, an unknown filter or format, an
    existing file without --force, an unwritable folder) or invalid plan or actuals; 3 internal
    error.
    """
    from cruscotto_cli.cycle.rundate import run_date
    from cruscotto_cli.inputs import check_year, load_inputs
    from cruscotto_cli.report.content import build_report, file_digests
    from cruscotto_cli.report.formats import RENDERERS

    chosen = _format(output, format)
    when = run_date(date)
    folder, named = actuals_folder(actuals)
    registers = register_folder(register)
    loaded, values = load_inputs(plan, folder, named, registers)
    check_year(loaded, year)
    chosen_scope = selection(area, owner, tag)
    selected = chosen_scope.apply(loaded)
    digests = file_digests(plan, folder, registers[0])
    data = build_report(loaded, values, year, selected, chosen_scope.scope, digests, when)
    _write(RENDERERS[chosen](data), output, force)
    return 0


def _format(output: Path, given: ReportFormat | None) -> str:
    """The format named by --format, else by the output file's extension."""
    from cruscotto_cli.cli.formats import chosen_format
    from cruscotto_cli.report.formats import EXTENSIONS, TEXT_FORMATS

    if given is None and str(output) == "-":
        raise UsageError("-o -: give --format html or --format markdown to write to stdout")
    chosen = chosen_format(given.value if given else None, output, EXTENSIONS, None)
    if str(output) == "-" and chosen not in TEXT_FORMATS:
        raise UsageError(f"--format {chosen} is a binary file: give -o FILE")
    return chosen


def _write(payload: bytes, output: Path, force: bool) -> None:
    if str(output) == "-":
        from cruscotto_cli.cli.streams import writing_stdout

        with writing_stdout():
            sys.stdout.buffer.write(payload)
        return
    from cruscotto_cli.output import write_atomic

    write_atomic(output, payload, force)
