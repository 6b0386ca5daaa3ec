"""Where a command's output goes: stdout, or a file written whole; rich renderables as text."""

from __future__ import annotations

import sys
from pathlib import Path

from cruscotto_cli.cli.streams import writing_stdout


def emit(text: str, output: Path | None, force: bool) -> None:
    """Data to stdout, or to a file written whole."""
    if output is None:
        with writing_stdout():
            sys.stdout.write(text)
        return
    from cruscotto_cli.encoding import utf8
    from cruscotto_cli.output import write_atomic

    write_atomic(output, utf8(text), force)


def emit_rich(renderable: object, output: Path | None, force: bool) -> None:
    """A rich renderable to the terminal (colour unless NO_COLOR), or as plain text to a file."""
    from rich.console import Console

    if output is None:
        with writing_stdout():
            Console(soft_wrap=False).print(renderable)
        return
    import io

    buffer = io.StringIO()
    Console(file=buffer, width=160, color_system=None, force_terminal=False).print(renderable)
    emit(buffer.getvalue(), output, force)
