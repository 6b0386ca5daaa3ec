"""The console script: the top-level help and version without importing typer, else the app."""

from __future__ import annotations

import os
import shutil
import sys

from cruscotto_cli import __version__


def main() -> None:
    """`cruscotto`: what `cruscotto_cli.cli.app:app` does, started as cheaply as it can be."""
    # No pydantic plugins here: looking them up reads the metadata of every installed package.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    args = sys.argv[1:]
    if args in (["--help"], ["-h"]) and shutil.get_terminal_size().columns >= 80:
        # typer's own text at 80 columns and wider (tests/test_startup.py keeps it so)
        from cruscotto_cli.cli.helptext import TEXT

        sys.stdout.write(TEXT)
        return
    if args == ["--version"]:
        sys.stdout.write(f"cruscotto {__version__}\n")
        return
    from cruscotto_cli.cli.app import for_arguments

    for_arguments(args)(prog_name="cruscotto")
