"""Commands on a year: evaluate."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

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
from cruscotto_cli.cli.summary import append_step_summary


class EvaluateFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    github = "github"
    junit = "junit"


class FailOn(StrEnum):
    """The keys of evaluate.FAIL_ON."""

    not_met = "not-met"
    missing = "missing"
    both = "both"
    never = "never"


FORMAT_HELP = (
    "table, json, csv (Italian Excel), markdown, github, junit "
    "[default: from the -o extension (.txt .json .csv .md .xml), else table]."
)
FAIL_ON_HELP = (
    "What makes the exit code 1: not-met, missing (missing or invalid data), both, never."
)


def evaluate(
    year: Year,
    plan: PlanDir = DEFAULT_PLAN,
    actuals: ActualsDir = None,
    register: RegisterDir = None,
    area: Areas = None,
    owner: Owners = None,
    tag: Tags = None,
    format: Annotated[
        EvaluateFormat | None, typer.Option("--format", "-f", help=FORMAT_HELP, show_default=False)
    ] = None,
    fail_on: Annotated[FailOn, typer.Option("--fail-on", help=FAIL_ON_HELP)] = FailOn.both,
    output: Output = None,
    force: Force = False,
    date: RunDate = None,
) -> int:
    """Evaluate every indicator for YEAR: target, actual, status, degree, and scores.

    A year not ended at the run's date (--date), or with no value at all, is not yet collected:
    shown without a score, never as 0%.

    Exit codes: 0 nothing to flag; 1 a target not met or data missing (as --fail-on chooses);
    2 bad usage (a year outside the plan, an unknown filter) or invalid plan or actuals;
    3 internal error.
    """
    from cruscotto_cli.cycle.rundate import run_date
    from cruscotto_cli.evaluate import evaluate as run
    from cruscotto_cli.evaluate import flagged
    from cruscotto_cli.inputs import check_year, load_inputs
    from cruscotto_cli.render.evaluation import EXTENSIONS, FORMATS, markdown

    chosen = chosen_format(format and format.value, output, EXTENSIONS, "table")
    today = run_date(date)
    loaded, values = load_inputs(plan, *actuals_folder(actuals), register_folder(register))
    check_year(loaded, year)
    scope = selection(area, owner, tag)
    result = run(loaded, values, year, scope.apply(loaded), today, scope.scope)
    rendered = FORMATS[chosen](loaded, result)
    if isinstance(rendered, str):
        emit(rendered, output, force)
    else:
        emit_rich(rendered, output, force)
    if chosen == "github":
        append_step_summary(markdown(loaded, result))
    return 1 if flagged(result, fail_on.value) else 0
