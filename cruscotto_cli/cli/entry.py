"""The console script: the top-level help and version without importing typer, else the app."""

from __future__ import annotations

import os
import shutil
import sys
import types

from cruscotto_cli import __version__


def main() -> None:
    """`cruscotto`: what `cruscotto_cli.cli.app:app` does, started as cheaply as it can be."""
    # No pydantic plugins here: looking them up reads the metadata of every installed package.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    _no_plugin_loader()
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


def _no_plugin_loader() -> None:
    """pydantic's plugin loader imports importlib.metadata (and with it email, socket, zipfile:
    about 15 ms) on the first validator built, even when plugins are disabled; with every plugin
    disabled, a loader that finds none is what pydantic would do, without the imports."""
    if os.environ.get("PYDANTIC_DISABLE_PLUGINS") not in ("__all__", "1", "true"):
        return
    loader = types.ModuleType("pydantic.plugin._loader")
    loader.get_plugins = tuple  # type: ignore[attr-defined]  # no plugins: ()
    sys.modules.setdefault("pydantic.plugin._loader", loader)
