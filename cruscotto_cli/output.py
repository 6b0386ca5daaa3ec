"""Writing outputs whole or not at all, only as regular files, never over one unless asked."""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import stat
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

from cruscotto_cli.diagnostics import OutputError

# Signals that end a run from outside: while a temporary file exists they raise, so that it is
# removed on the way out (SIGINT already raises KeyboardInterrupt).
TERMINATING = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
)


def write_atomic(path: Path, data: bytes | str, force: bool = False) -> None:
    """Write to a temporary file beside `path`, then put it in place: readers never see half.

    Without `force` the file appears only if nothing has that name (a hard link of the temporary
    file, which fails when the name exists: no window between the check and the write). Only
    regular files are written: a folder, a device, a FIFO or a symbolic link is refused.
    """
    _check_target(path, force)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    folder = path.parent if str(path.parent) else Path(".")
    with _terminate_raises():
        temp = _temporary(path, folder)
        try:
            _fill(temp, payload, path)
            _place(temp, path, force)
        finally:
            temp.unlink(missing_ok=True)


def check_target(path: Path, force: bool) -> None:
    """OutputError unless `write_atomic(path, ..., force)` may write there: to check every file
    of a set before writing the first."""
    _check_target(path, force)


def _check_target(path: Path, force: bool) -> None:
    """OutputError unless `path` is free, or a regular file and `force` is given."""
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise OutputError(f"{path}: cannot write: {exc.strerror}") from None
    if not stat.S_ISREG(mode):
        raise OutputError(f"{path}: {_kind(mode)}; give the name of a new or regular file")
    if not force:
        raise OutputError(f"{path}: exists; use --force to overwrite it")


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "is a folder"
    if stat.S_ISLNK(mode):
        return "is a symbolic link: outputs are written only as regular files, never through a link"
    return (
        "is not a regular file (a device, a FIFO or a socket): outputs are written only as "
        "regular files"
    )


def _temporary(path: Path, folder: Path) -> Path:
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write in {folder}: {exc.strerror}") from None
    os.close(fd)
    return Path(name)


def _fill(temp: Path, payload: bytes, path: Path) -> None:
    try:
        with temp.open("wb") as handle:
            handle.write(payload)
        os.chmod(temp, 0o666 & ~_umask())  # as open() would make it, not mkstemp's 0600
    except OSError as exc:
        raise OutputError(f"{path}: cannot write: {exc.strerror}") from None


def _umask() -> int:
    """The process's umask: a user who keeps new files private (077) gets private outputs."""
    mask = os.umask(0o077)
    os.umask(mask)
    return mask


def _place(temp: Path, path: Path, force: bool) -> None:
    """Put the temporary file in place: over a regular file with `force`, else only on a free
    name."""
    try:
        if force:
            _check_target(path, force)  # again just before: it may have changed while we wrote
            os.replace(temp, path)
        else:
            _link_new(temp, path)
    except FileExistsError:
        _check_target(path, force)  # says what is there now
        raise OutputError(f"{path}: exists; use --force to overwrite it") from None
    except OSError as exc:
        raise OutputError(f"{path}: cannot write: {exc.strerror}") from None


def _link_new(temp: Path, path: Path) -> None:
    """Give the temporary file its name only if the name is free, atomically."""
    try:
        os.link(temp, path, follow_symlinks=False)
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
            raise
        # A file system without hard links (FAT): reserve the name exclusively, then rename over it.
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
        os.replace(temp, path)


@contextlib.contextmanager
def _terminate_raises() -> Iterator[None]:
    """Within the block, SIGTERM and SIGHUP raise SystemExit (128 + signal) so `finally` runs."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {number: signal.signal(number, _exit) for number in TERMINATING}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, signal.SIG_DFL if handler is None else handler)


def _exit(number: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + number)
