"""The typer application: the commands registered in one place, behind the error boundary.

Heavy modules (pydantic, rich tables, the core) are imported inside the commands so that
`cruscotto --help` starts fast.
"""

from __future__ import annotations

import gc
from typing import Annotated

import typer

from cruscotto_cli import __version__
from cruscotto_cli.cli import (
    ci_commands,
    monitor_command,
    payments_command,
    plan_commands,
    report_command,
    template_command,
    year_commands,
)
from cruscotto_cli.cli.boundary import NoCache, guarded
from cruscotto_cli.cli.streams import prepare

EXIT_CODES = (
    "Exit codes: 0 done, nothing to flag; 1 done, and what was checked failed; "
    "2 could not run (bad usage, unreadable or invalid input); 3 internal error (a bug)."
)
PITCH = "Keep a Chamber of Commerce's strategic plan as code and evaluate it year by year."

# The order of the help listing: the year's work first, then the plan's repository.
COMMANDS = (
    plan_commands.validate,
    plan_commands.show,
    year_commands.evaluate,
    template_command.template,
    report_command.report,
    monitor_command.monitor,
    payments_command.payments,
    ci_commands.diff,
    ci_commands.history,
    plan_commands.schema,
)


def build(only: str | None = None) -> typer.Typer:
    """The application; with `only` a command's name, that command alone (typer builds every
    registered command's parameters before it runs one), else every command."""
    chosen = [c for c in COMMANDS if c.__name__ == only] or COMMANDS
    built = typer.Typer(
        # Help texts are plain text: "[default: ./actuals]" and "cruscotto[xlsx]" are not markup.
        rich_markup_mode=None,
        name="cruscotto",
        help=f"{PITCH}\n\n{EXIT_CODES}",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    for command in chosen:
        built.command()(guarded(command))
    built.callback()(main)
    return built


def for_arguments(args: list[str]) -> typer.Typer:
    """The application for a command line: only the command it names, when it names one."""
    named = next((a for a in args if not a.startswith("-")), None)
    return build(named)


def _version(value: bool) -> None:
    if value:
        print(f"cruscotto {__version__}")
        raise typer.Exit(0)


VersionOption = Annotated[
    bool,
    typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit."),
]


def main(version: VersionOption = False, no_cache: NoCache = False) -> None:
    """Keep a Chamber of Commerce's strategic plan as code and evaluate it year by year."""
    from cruscotto_cli import cache

    cache.switch(on=not no_cache)
    # A loaded plan is hundreds of thousands of long-lived objects and few cycles: the default
    # thresholds (700, 10, 10) walk them again and again. Collecting less often saves about 15% of
    # a 10,000-indicator evaluation; a command is a short-lived process.
    gc.set_threshold(50_000, 20, 100)
    prepare()


app = build()
