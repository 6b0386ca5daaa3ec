"""The error boundary: every command's CruscottoError becomes an exit code here, and a bug exit
3."""

from __future__ import annotations

import functools
import inspect
import os
import sys
from collections.abc import Callable
from typing import Annotated, Any

import typer

from cruscotto_cli.diagnostics import CruscottoError, InputError, plural
from cruscotto_cli.encoding import printable

BUG = "cruscotto: internal error (a bug, please report it): {kind}: {exc}"
TRACEBACK_HINT = "cruscotto: run again with CRUSCOTTO_DEBUG=1 to see the traceback"


NO_CACHE_HELP = (
    "Read every input file again instead of taking what was loaded before from the cache "
    "(also CRUSCOTTO_NO_CACHE=1)."
)
NoCache = Annotated[bool, typer.Option("--no-cache", help=NO_CACHE_HELP)]


def guarded(fn: Callable[..., int]) -> Callable[..., None]:
    """`fn` whose return value is the exit code, and whose errors are turned into exit codes;
    every command also takes `--no-cache` (as `cruscotto --no-cache COMMAND` does)."""

    @functools.wraps(fn)
    def run(*args: Any, no_cache: bool = False, **kwargs: Any) -> None:
        if no_cache:
            from cruscotto_cli import cache

            cache.switch(on=False)
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
            print(printable(BUG.format(kind=type(exc).__name__, exc=exc)), file=sys.stderr)
            print(TRACEBACK_HINT, file=sys.stderr)
            raise typer.Exit(3) from None
        raise typer.Exit(code or 0)

    _with_no_cache(run, fn)
    return run


def _with_no_cache(run: Callable[..., None], fn: Callable[..., int]) -> None:
    """`run` as typer reads it: `fn`'s parameters and `--no-cache` after them."""
    signature = inspect.signature(fn, eval_str=True)
    extra = inspect.Parameter(
        "no_cache", inspect.Parameter.KEYWORD_ONLY, default=False, annotation=NoCache
    )
    run.__signature__ = signature.replace(  # type: ignore[attr-defined]
        parameters=[*signature.parameters.values(), extra]
    )
    run.__annotations__ = {**fn.__annotations__, "no_cache": NoCache}


def report_error(exc: CruscottoError) -> None:
    if isinstance(exc, InputError):
        for d in (*exc.notices, *exc.diagnostics):
            print(d, file=sys.stderr)
        problems = plural(len(exc.diagnostics), "problem")
        print(f"cruscotto: {problems}; nothing was evaluated", file=sys.stderr)
    else:
        print(printable(f"cruscotto: {exc}"), file=sys.stderr)
