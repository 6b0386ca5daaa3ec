"""Commands on the plan itself: validate, show, schema."""

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
    ProblemFormat,
    RegisterDir,
    Tags,
    actuals_folder,
    register_folder,
    selection,
)


def validate(
    plan: PlanDir = DEFAULT_PLAN,
    actuals: ActualsDir = None,
    register: RegisterDir = None,
    format: Annotated[
        ProblemFormat,
        typer.Option(
            "--format", "-f", help="text, json, github (annotations and summary), or junit."
        ),
    ] = ProblemFormat.text,
    year: Annotated[
        int | None,
        typer.Option("--year", metavar="YEAR", help="The year --require-reasons checks."),
    ] = None,
    require_reasons: Annotated[
        bool,
        typer.Option(
            "--require-reasons",
            help="Every miss of --year (a target not met, a value missing) needs its reason "
            "(a motivazione column in the actuals).",
        ),
    ] = False,
) -> int:
    """Check the plan, and the actuals when present, reporting every problem in one pass.

    With --year YEAR --require-reasons, a miss of YEAR without its reason is a problem too.

    Exit codes: 0 valid; 1 problems found; 2 the plan folder or an actuals folder given with
    --actuals does not exist, or --require-reasons without --year; 3 internal error.
    """
    from cruscotto_cli.cycle.rundate import run_date
    from cruscotto_cli.diagnostics import UsageError
    from cruscotto_cli.render.problems import FORMATS, markdown
    from cruscotto_cli.validation import validate_all

    if require_reasons and year is None:
        raise UsageError("--require-reasons needs --year YEAR: the year whose misses to check")
    folder, named = actuals_folder(actuals)
    reasons_of = year if require_reasons else None
    checked_register = register_folder(register)
    found = validate_all(plan, folder, named, checked_register, reasons_of, run_date(None))
    emit(FORMATS[format.value](found.problems, found.checked, found.notices), None, False)
    if format is ProblemFormat.github:
        from cruscotto_cli.cli.summary import append_step_summary

        append_step_summary(markdown(found.problems, found.checked, found.notices))
    return 1 if found.problems else 0


class ShowFormat(StrEnum):
    table = "table"
    json = "json"


# The extension of a `show -o` file -> the format it is written in.
SHOW_EXTENSIONS = {".txt": "table", ".json": "json"}
SHOW_FORMAT_HELP = (
    "table, or json (the stable export) [default: from the -o extension (.txt .json), else table]."
)


def show(
    indicator: Annotated[
        str | None,
        typer.Argument(
            help="An indicator id: show it in full, history included.", show_default=False
        ),
    ] = None,
    plan: PlanDir = DEFAULT_PLAN,
    area: Areas = None,
    owner: Owners = None,
    tag: Tags = None,
    format: Annotated[
        ShowFormat | None,
        typer.Option("--format", "-f", help=SHOW_FORMAT_HELP, show_default=False),
    ] = None,
    output: Output = None,
    force: Force = False,
) -> int:
    """Show the plan: areas, indicators, targets by year, owners; or one indicator in full.

    Exit codes: 0 shown; 2 invalid plan, unknown indicator or filter; 3 internal error.
    """
    from cruscotto_cli.plan.load import load_plan
    from cruscotto_cli.plan.selection import pick

    chosen = chosen_format(format and format.value, output, SHOW_EXTENSIONS, "table")
    loaded = load_plan(plan)
    placed = pick(loaded, indicator, selection(area, owner, tag))
    if chosen == "json":  # no rich: a JSON export does not pay for the terminal's tables
        from cruscotto_cli.render.data import plan_data
        from cruscotto_cli.render.jsontext import dumps

        emit(dumps(plan_data(loaded, placed)), output, force)
    else:
        from cruscotto_cli.render import plan_view

        emit_rich(plan_view.renderable(loaded, placed, detail=indicator is not None), output, force)
    return 0


class SchemaKind(StrEnum):
    area = "area"
    plan = "plan"


def schema(
    kind: Annotated[
        SchemaKind, typer.Argument(help="area (an area file) or plan (plan.yaml).")
    ] = SchemaKind.area,
    plan: PlanDir = DEFAULT_PLAN,
    generic: Annotated[
        bool, typer.Option("--generic", help="The schema of any plan: plan.yaml is not read.")
    ] = False,
    output: Output = None,
    force: Force = False,
) -> int:
    """Print the JSON Schema (draft-07) of a plan file, for editors' YAML support.

    An area file's schema knows the plan's offices, scale levels, measures and years (from
    plan.yaml in --plan); its descriptions speak the plan's language. --generic gives the schema
    of any plan, in Italian.

    Exit codes: 0 printed; 2 bad usage, plan.yaml missing or invalid, or unwritable output;
    3 internal error.
    """
    from cruscotto_cli.plan.load import load_header
    from cruscotto_cli.plan.schema import EXTENSIONS, schema_text

    chosen_format(None, output, EXTENSIONS, "json", option=False)
    header = None if generic else load_header(plan)
    emit(schema_text(kind.value, header), output, force)
    return 0
