"""The `template` command: each office's data-collection sheet for a year, as CSV or workbook."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from cruscotto_cli.cli.formats import chosen_format
from cruscotto_cli.cli.options import (
    DEFAULT_PLAN,
    ActualsDir,
    Areas,
    Force,
    Owners,
    PlanDir,
    Tags,
    Year,
    actuals_folder,
    selection,
)
from cruscotto_cli.diagnostics import UsageError

if TYPE_CHECKING:
    from cruscotto_cli.actuals.collection import Collection, Sheet


class TemplateFormat(StrEnum):
    """The keys of actuals.template_formats.WRITERS."""

    csv = "csv"
    xlsx = "xlsx"


OUTPUT_HELP = "Write to this file (with --all: into this folder, one file per office)."
FORMAT_HELP = (
    "csv (Italian Excel) or xlsx (a protected workbook, needs cruscotto[xlsx]) "
    "[default: from the file's extension, else csv]."
)
ALL_HELP = "One file per office, written into the -o folder."
MISSING_HELP = (
    "Only the values still missing, refused, or that leave an indicator impossible to evaluate, "
    "with why: the reminder to send."
)
PASSWORD_HELP = "Protect the workbook's sheet with this password [default: protected, no password]."
DEADLINE_HELP = "The date by which offices send the values back (in the instructions)."
CONTACT_HELP = "Whom offices ask for help, e.g. a name and an e-mail (in the instructions)."
DATE_HELP = (
    "The workbook's date, YYYY-MM-DD or DD/MM/YYYY [default: SOURCE_DATE_EPOCH, else today]."
)


def template(
    year: Year,
    plan: PlanDir = DEFAULT_PLAN,
    actuals: ActualsDir = None,
    area: Areas = None,
    owner: Owners = None,
    tag: Tags = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE|DIR", help=OUTPUT_HELP, show_default=False),
    ] = None,
    format: Annotated[
        TemplateFormat | None,
        typer.Option("--format", "-f", help=FORMAT_HELP, show_default=False),
    ] = None,
    each_office: Annotated[bool, typer.Option("--all", help=ALL_HELP)] = False,
    missing: Annotated[bool, typer.Option("--missing", help=MISSING_HELP)] = False,
    password: Annotated[
        str | None,
        typer.Option("--password", metavar="TEXT", help=PASSWORD_HELP, show_default=False),
    ] = None,
    deadline: Annotated[
        str | None,
        typer.Option("--deadline", metavar="DATE", help=DEADLINE_HELP, show_default=False),
    ] = None,
    contact: Annotated[
        str | None, typer.Option("--contact", metavar="TEXT", help=CONTACT_HELP, show_default=False)
    ] = None,
    date: Annotated[
        str | None, typer.Option("--date", metavar="DATE", help=DATE_HELP, show_default=False)
    ] = None,
    force: Force = False,
) -> int:
    """Write YEAR's data-collection sheet: one row per value an office must report.

    Direct indicators and the measures of formulas (last year's too, when a formula reads them
    with prev() and the actuals lack them), with area, target and last year's value beside.
    --owner gives one office's sheet, --all one file per office; --missing only what is still
    owed. Every file written is named on stderr; never overwrites unless --force.

    Exit codes: 0 written (or nothing to collect, said on stderr); 2 bad usage, invalid plan or
    actuals, or an existing output file; 3 internal error.
    """
    from cruscotto_cli.actuals.collection import Collection, sheets
    from cruscotto_cli.actuals.template import template_rows
    from cruscotto_cli.actuals.template_formats import EXTENSIONS
    from cruscotto_cli.cycle.rundate import date_option, run_date
    from cruscotto_cli.inputs import check_year, load_inputs, load_what_can_be_read
    from cruscotto_cli.plan.selection import office_ids

    if each_office and output is None:
        raise UsageError("--all writes one file per office: give the folder with -o DIR")
    given = format.value if format else None
    chosen = chosen_format(given, None if each_office else output, EXTENSIONS, "csv")
    deadline_day = date_option("--deadline", deadline) if deadline is not None else None
    settings = (password, deadline_day, contact)
    if missing:  # a reminder lists the values refused too: the actuals are read as far as can be
        loaded, values, refused = load_what_can_be_read(plan, *actuals_folder(actuals))
    else:
        (loaded, values), refused = load_inputs(plan, *actuals_folder(actuals)), {}
    check_year(loaded, year)
    owners = office_ids(loaded, owner or ())
    selected = selection(area, None, tag).apply(loaded)
    rows = template_rows(loaded, selected, year, values, owners)
    if missing:
        from cruscotto_cli.actuals.reminders import reminder_rows

        rows = reminder_rows(loaded, values, year, selected, rows, refused)
    collection = Collection(loaded, year, run_date(date), *settings, reminder=missing)
    found = sheets(loaded, rows, owners, each_office)
    _write_all(collection, found, chosen, output if not each_office else None, output, force)
    return 0


def _write_all(
    collection: Collection,
    found: list[Sheet],
    fmt: str,
    file: Path | None,
    output: Path | None,
    force: bool,
) -> None:
    """Each sheet with rows to its file (`file`, else one per office in the `output` folder, else
    stdout); none is written if one of the files is in the way."""
    from cruscotto_cli.actuals.collection import file_name
    from cruscotto_cli.output import check_target, write_atomic

    if output is None and fmt != "csv":
        raise UsageError(f"--format {fmt} is a binary file: give -o FILE")
    targets = {
        id(s): file or (output / file_name(collection, s, fmt) if output else None) for s in found
    }
    if output is not None and file is None:
        _folder(output)
    for sheet in found:
        if sheet.rows and (target := targets[id(sheet)]) is not None:
            check_target(target, force)
    for sheet in found:
        target = targets[id(sheet)]
        if not sheet.rows:
            _nothing(collection, sheet)
        elif target is None:
            sys.stdout.write(_payload(collection, sheet, fmt).decode("utf-8"))
        else:
            write_atomic(target, _payload(collection, sheet, fmt), force)
            _wrote(collection, sheet, target)


def _payload(collection: Collection, sheet: Sheet, fmt: str) -> bytes:
    from cruscotto_cli.actuals.template_formats import WRITERS

    return WRITERS[fmt](collection, sheet)


def _folder(path: Path) -> None:
    try:
        path.mkdir(exist_ok=True)
    except OSError as exc:
        raise UsageError(f"{path}: cannot make the folder: {exc.strerror}") from None
    if not path.is_dir():
        raise UsageError(f"{path}: is a file; --all needs a folder for -o")


def _wrote(collection: Collection, sheet: Sheet, target: Path) -> None:
    who = sheet.office_name(collection.plan) or "several offices"
    count = len(sheet.rows)
    print(f"cruscotto: wrote {target} ({who}, {count} value{'s' * (count != 1)})", file=sys.stderr)


def _nothing(collection: Collection, sheet: Sheet) -> None:
    who = sheet.office_name(collection.plan) or "the offices selected"
    what = "nothing missing" if collection.reminder else "nothing to collect"
    print(f"cruscotto: {who}: {what} for {collection.year}; no file written", file=sys.stderr)
