"""Commands on a year: evaluate, template."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from cruscotto_cli.cli import (
    DEFAULT_PLAN,
    ActualsDir,
    Areas,
    Force,
    Output,
    Owners,
    PlanDir,
    Tags,
    actuals_folder,
    command,
    emit,
    emit_rich,
)

Year = Annotated[int, typer.Argument(help="The year, within the plan period.", show_default=False)]


class EvaluateFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    github = "github"
    junit = "junit"


class FailOn(StrEnum):
    not_met = "not-met"
    missing = "missing"
    both = "both"
    never = "never"


@command()
def evaluate(
    year: Year,
    plan: PlanDir = DEFAULT_PLAN,
    actuals: ActualsDir = None,
    area: Areas = None,
    owner: Owners = None,
    tag: Tags = None,
    format: Annotated[EvaluateFormat, typer.Option("--format", "-f", help="table, json, csv (Italian Excel), markdown, github, junit.")] = EvaluateFormat.table,
    fail_on: Annotated[
        FailOn, typer.Option("--fail-on", help="What makes the exit code 1: not-met, missing (missing or invalid data), both, never.")
    ] = FailOn.both,
    output: Output = None,
    force: Force = False,
) -> int:
    """Evaluate every indicator for YEAR: target, actual, status, degree, and scores.

    Exit codes: 0 nothing to flag; 1 a target not met or data missing (as --fail-on chooses);
    2 bad usage (a year outside the plan, an unknown filter) or invalid plan or actuals;
    3 internal error.
    """
    from cruscotto_cli.evaluate import evaluate as run
    from cruscotto_cli.inputs import check_year, load_inputs
    from cruscotto_cli.render.data import evaluation_data
    from cruscotto_cli.render.jsontext import dumps
    from cruscotto_cli.selection import Selection

    loaded, values = load_inputs(plan, *actuals_folder(actuals))
    check_year(loaded, year)
    selected = Selection(tuple(area or ()), tuple(owner or ()), tuple(tag or ())).apply(loaded)
    result = run(loaded, values, year, selected)
    if format is EvaluateFormat.table:
        from cruscotto_cli.render.evaluation import table

        emit_rich(table(loaded, result), output, force)
    elif format is EvaluateFormat.json:
        emit(dumps(evaluation_data(loaded, result)), output, force)
    else:
        from cruscotto_cli.render import github, junit
        from cruscotto_cli.render.evaluation import TEXT_FORMATS, markdown

        reporters = {**TEXT_FORMATS, "github": github.evaluation, "junit": junit.evaluation}
        emit(reporters[format.value](loaded, result), output, force)
        if format is EvaluateFormat.github:
            from cruscotto_cli.stepsummary import append_step_summary

            append_step_summary(markdown(loaded, result))
    return _exit_code(result.overall.counts, fail_on)


def _exit_code(counts: dict, fail_on: FailOn) -> int:  # type: ignore[type-arg]
    from cruscotto_cli.evaluate import Status

    not_met = counts.get(Status.NOT_MET, 0) > 0
    missing = counts.get(Status.MISSING, 0) + counts.get(Status.INVALID, 0) > 0
    flagged = {FailOn.not_met: not_met, FailOn.missing: missing, FailOn.both: not_met or missing, FailOn.never: False}
    return 1 if flagged[fail_on] else 0


@command()
def template(
    year: Year,
    plan: PlanDir = DEFAULT_PLAN,
    area: Areas = None,
    owner: Owners = None,
    tag: Tags = None,
    output: Output = None,
    force: Force = False,
) -> int:
    """Write the blank actuals CSV of YEAR's data collection, ready for Italian Excel.

    One row per value an office must report (direct indicators and the measures of formulas);
    --owner gives one office's own file. Never overwrites a file unless --force.

    Exit codes: 0 written; 2 bad usage, invalid plan, or an existing output file; 3 internal error.
    """
    from cruscotto_cli.inputs import check_year
    from cruscotto_cli.planload import load_plan
    from cruscotto_cli.selection import Selection, office_ids
    from cruscotto_cli.template import template_csv, template_rows

    loaded = load_plan(plan)
    check_year(loaded, year)
    owners = office_ids(loaded, owner or ())
    selected = Selection(tuple(area or ()), (), tuple(tag or ())).apply(loaded)
    emit(template_csv(template_rows(loaded, selected, year, owners)), output, force)
    return 0
