"""The standard streams: never a traceback for a character, and write errors reported as such."""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Iterator

from cruscotto_cli.diagnostics import OutputError
from cruscotto_cli.encoding import ERRORS, set_stdout_encoding


def prepare() -> None:
    """stdout and stderr that write what their encoding lacks as ASCII (see encoding.py)."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors=ERRORS)
    set_stdout_encoding(getattr(sys.stdout, "encoding", None) or "utf-8")


@contextlib.contextmanager
def writing_stdout() -> Iterator[None]:
    """Writes to stdout, flushed; a full disk or a closed pipe is an OutputError, exit 2."""
    try:
        yield
        sys.stdout.flush()
    except OSError as exc:
        _discard_stdout()
        raise OutputError(f"cannot write to stdout: {exc.strerror or exc}") from None


def _discard_stdout() -> None:
    """Point stdout at the null device, so that flushing at exit does not fail a second time."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError, io.UnsupportedOperation):
        pass
