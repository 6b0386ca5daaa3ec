"""The options shared by the commands: their names are a contract with users and scripts."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from cruscotto_cli.plan.selection import Selection

DEFAULT_PLAN = Path("plan")

PlanDir = Annotated[
    Path,
    typer.Option(
        "--plan", metavar="DIR", help="The plan folder: plan.yaml and one YAML file per area."
    ),
]
ActualsDir = Annotated[
    Path | None,
    typer.Option(
        "--actuals",
        metavar="DIR",
        help="Folder of the actuals, CSV and .xlsx files [default: ./actuals].",
        show_default=False,
    ),
]
RegisterDir = Annotated[
    Path | None,
    typer.Option(
        "--register",
        metavar="DIR",
        help="Folder of the invoice register's CSV files [default: ./registers].",
        show_default=False,
    ),
]
Areas = Annotated[
    list[str] | None,
    typer.Option(
        "--area",
        metavar="AREA",
        help="Only this area (id); repeat for several.",
        show_default=False,
    ),
]
Owners = Annotated[
    list[str] | None,
    typer.Option(
        "--owner",
        metavar="OFFICE",
        help="Only this office (id or name); repeat for several.",
        show_default=False,
    ),
]
Tags = Annotated[
    list[str] | None,
    typer.Option(
        "--tag",
        metavar="TAG",
        help="Only indicators with this tag; repeat for several.",
        show_default=False,
    ),
]
Output = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write to this file (whole or not at all) instead of stdout.",
        show_default=False,
    ),
]
Force = Annotated[
    bool,
    typer.Option("--force", help="Overwrite the --output file if it exists (a regular file only)."),
]
Year = Annotated[int, typer.Argument(help="The year, within the plan period.", show_default=False)]
RUN_DATE_HELP = (
    "The run's date, YYYY-MM-DD: a year not ended by then is still open (not yet collected) "
    "[default: SOURCE_DATE_EPOCH, else today]."
)
RunDate = Annotated[
    str | None, typer.Option("--date", metavar="DATE", help=RUN_DATE_HELP, show_default=False)
]


class ProblemFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"
    junit = "junit"


def actuals_folder(actuals: Path | None) -> tuple[Path, bool]:
    """The actuals folder and whether the user named it (a named folder must exist)."""
    return (actuals, True) if actuals is not None else (Path("actuals"), False)


def register_folder(register: Path | None) -> tuple[Path, bool]:
    """The invoice register's folder and whether the user named it (a named folder must exist)."""
    return (register, True) if register is not None else (Path("registers"), False)


def selection(area: list[str] | None, owner: list[str] | None, tag: list[str] | None) -> Selection:
    """The --area, --owner and --tag filters, built once for every command."""
    from cruscotto_cli.plan.selection import Selection

    return Selection(tuple(area or ()), tuple(owner or ()), tuple(tag or ()))
