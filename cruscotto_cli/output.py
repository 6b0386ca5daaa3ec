"""Writing outputs whole or not at all, never over an existing file unless asked."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from cruscotto_cli.diagnostics import OutputError


def write_atomic(path: Path, data: bytes | str, force: bool = False) -> None:
    """Write to a temporary file beside `path`, then rename it over: readers never see half."""
    if path.exists() and not force:
        raise OutputError(f"{path}: exists; use --force to overwrite it")
    if path.is_dir():
        raise OutputError(f"{path}: is a folder; give a file name")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write in {folder}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise OutputError(f"{path}: cannot write: {exc.strerror}") from None
