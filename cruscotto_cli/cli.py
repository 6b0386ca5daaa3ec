"""The command line: options in, the core called, a reporter chosen, an exit code out.

Heavy modules (pydantic, rich tables, the core) are imported inside the commands so that
`cruscotto --help` starts fast.
"""

from __future__ import annotations

import functools
import gc
import os
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from cruscotto_cli import __version__
from cruscotto_cli.diagnostics import CruscottoError, InputError

# A loaded plan is hundreds of thousands of long-lived objects and few cycles: the default
# thresholds (700, 10, 10) walk them again and again. Collecting less often saves about 15% of a
# 10,000-indicator evaluation; a command is a short-lived process.
gc.set_threshold(50_000, 20, 100)

EXIT_CODES = (
    "Exit codes: 0 done, nothing to flag; 1 done, and what was checked failed; "
    "2 could not run (bad usage, unreadable or invalid input); 3 internal error (a bug)."
)

app = typer.Typer(
    # Help texts are plain text: "[default: ./actuals]" and "cruscotto[xlsx]" are not markup.
    rich_markup_mode=None,
    name="cruscotto",
    help=f"Keep a Chamber of Commerce's strategic plan as code and evaluate it year by year.\n\n{EXIT_CODES}",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

F = TypeVar("F", bound=Callable[..., Any])


def command(name: str | None = None) -> Callable[[F], F]:
    """Register a command whose errors become exit codes here, in exactly one place."""

    def wrap(fn: F) -> F:
        @functools.wraps(fn)
        def guarded(*args: Any, **kwargs: Any) -> Any:
            try:
                code = fn(*args, **kwargs)
            except CruscottoError as exc:
                report_error(exc)
                raise typer.Exit(exc.exit_code) from None
            except (typer.Exit, typer.Abort, KeyboardInterrupt):
                raise
            except Exception as exc:  # the one place a bug is caught: say so, exit 3
                if os.environ.get("CRUSCOTTO_DEBUG"):
                    raise
                print(f"cruscotto: internal error (a bug, please report it): {type(exc).__name__}: {exc}", file=sys.stderr)
                print("cruscotto: run again with CRUSCOTTO_DEBUG=1 to see the traceback", file=sys.stderr)
                raise typer.Exit(3) from None
            raise typer.Exit(code or 0)

        app.command(name)(guarded)
        return fn

    return wrap


def report_error(exc: CruscottoError) -> None:
    if isinstance(exc, InputError):
        for d in exc.diagnostics:
            print(d, file=sys.stderr)
        n = len(exc.diagnostics)
        print(f"cruscotto: {n} problem{'s' if n != 1 else ''}; nothing was evaluated", file=sys.stderr)
    else:
        print(f"cruscotto: {exc}", file=sys.stderr)


def _version(value: bool) -> None:
    if value:
        print(f"cruscotto {__version__}")
        raise typer.Exit(0)


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")] = False,
) -> None:
    """Keep a Chamber of Commerce's strategic plan as code and evaluate it year by year."""


# Options shared by the commands: their names are a contract with users and scripts.
PlanDir = Annotated[Path, typer.Option("--plan", metavar="DIR", help="The plan folder: plan.yaml and one YAML file per area.")]
ActualsDir = Annotated[Path | None, typer.Option("--actuals", metavar="DIR", help="Folder of actuals CSV files [default: ./actuals].", show_default=False)]
Areas = Annotated[list[str] | None, typer.Option("--area", metavar="AREA", help="Only this area (id); repeat for several.", show_default=False)]
Owners = Annotated[list[str] | None, typer.Option("--owner", metavar="OFFICE", help="Only this office (id or name); repeat for several.", show_default=False)]
Tags = Annotated[list[str] | None, typer.Option("--tag", metavar="TAG", help="Only indicators with this tag; repeat for several.", show_default=False)]
Output = Annotated[
    Path | None,
    typer.Option("--output", "-o", metavar="FILE", help="Write to this file (whole or not at all) instead of stdout.", show_default=False),
]
Force = Annotated[bool, typer.Option("--force", help="Overwrite the --output file if it exists.")]
DEFAULT_PLAN = Path("plan")


class ProblemFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"
    junit = "junit"


def emit(text: str, output: Path | None, force: bool) -> None:
    """Data to stdout, or to a file written whole."""
    if output is None:
        sys.stdout.write(text)
        return
    from cruscotto_cli.output import write_atomic

    write_atomic(output, text, force)


def emit_rich(renderable: object, output: Path | None, force: bool) -> None:
    """A rich renderable to the terminal (colour unless NO_COLOR), or as plain text to a file."""
    from rich.console import Console

    if output is None:
        Console(soft_wrap=False).print(renderable)
        return
    import io

    buffer = io.StringIO()
    Console(file=buffer, width=160, color_system=None, force_terminal=False).print(renderable)
    emit(buffer.getvalue(), output, force)


def actuals_folder(actuals: Path | None) -> tuple[Path, bool]:
    """The actuals folder and whether the user named it (a named folder must exist)."""
    return (actuals, True) if actuals is not None else (Path("actuals"), False)


from cruscotto_cli import cmd_ci, cmd_evaluate, cmd_plan, cmd_report  # noqa: E402,F401  (registers the commands)
