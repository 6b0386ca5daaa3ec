"""A cache of loaded inputs, keyed by the content of every file they were read from.

Loading a plan (YAML, the models, the meaning checks) and its actuals is most of what a command
does; the next command on the same files gets the same objects back from here instead.

- **The key** is a digest of the tool (its version and the size and time of every module of the
  package, so an edited source is a new tool), Python's and pydantic's versions, the kind of
  input, the folder as given, the name and kind of every entry of the folder (and where a link
  points), and the bytes of every file the loader reads. Anything different is another key:
  nothing is ever invalidated, an entry is simply not asked for again, and the oldest go.
- **Only what loaded cleanly** is kept: a file with problems is read, and its problems reported,
  every time. A load is kept only if the folder still has the same key after it (a file saved
  while it was read is not remembered for the new content).
- **Where**: `$CRUSCOTTO_CACHE_DIR`, else `$XDG_CACHE_HOME/cruscotto`, else
  `~/.cache/cruscotto`; never inside the project, where a pull request could plant an entry.
  The folder is made private (0700), and kept to 16 entries of a kind and 512 MB in all (the
  least recently used go); one that is not the user's own, that others can write to, or that
  is relative (it would be inside the project), is not used at all.
- **Never trusted blindly**: an entry starts with the digest of its kind, key and body, so a
  truncated, corrupt or renamed one is read as a miss, rebuilt and replaced; its body is
  unpickled with an unpickler that only builds the classes a loaded input is made of, each
  named by its own module (no function is ever called, no class reached through another).
- **Off**: `--no-cache` on any command, or `CRUSCOTTO_NO_CACHE=1`. The cache never changes an
  output: a test compares every command's output cold and warm.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import io
import os
import pickle
import stat
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import cruscotto_cli

T = TypeVar("T")

_MAGIC = b"cruscotto-cache 2\n"
_DIGEST = 32
_KEEP = 16  # entries of each kind; the least recently used beyond that are removed
_BUDGET = 512 * 1024 * 1024  # bytes of all entries together, likewise
_disabled = False
# Modules whose classes a loaded input is made of; nothing else may appear in an entry.
_SAFE_MODULES = ("ast", "collections", "datetime", "decimal", "fractions", "pathlib")
_SAFE_BUILTINS = frozenset({"frozenset", "set", "slice", "complex", "bytearray"})


def switch(on: bool) -> None:
    """The cache on or off (`--no-cache`) for the command being run: each command of a process
    that runs several (a test, a script driving the app) says again."""
    global _disabled
    _disabled = not on


def enabled() -> bool:
    return not _disabled and os.environ.get("CRUSCOTTO_NO_CACHE", "") in ("", "0")


def through(
    kind: str,
    folder: Path,
    expected: type[T],
    build: Callable[[str], T],
    depends: str | None = "",
    read: tuple[str, ...] = ("",),
) -> T:
    """`build(key)`, or what it returned before for the same files: the entry of `kind` for the
    content of `folder` and `depends` (the key of another input the result is made from; None
    when that is not known, and then nothing is cached). `key` is "" when nothing is cached.
    `read` are the endings of the names of the files `build` reads (lower case; all by default)."""
    if depends is None:
        return build("")
    key = content_key(kind, folder, depends, read)
    if key is None:
        return build("")
    found = _recall(kind, key)
    if isinstance(found, expected):
        return found
    value = build(key)
    if content_key(kind, folder, depends, read) != key:
        # A file changed meanwhile: what was read may be the new text, so it must not carry
        # the old text's key (what is made from it would be kept under that key).
        return build("")
    _remember(kind, key, value)
    return value


def content_key(
    kind: str, folder: Path, depends: str = "", read: tuple[str, ...] = ("",)
) -> str | None:
    """The key of `folder`'s content for `kind`: every entry's name and kind, and the bytes of
    the files whose names end in one of `read` (lower case), the files the loader reads; another
    file (a backup, a video beside the data) counts by its name alone, as its notice does. None
    when the cache is off or the folder cannot be read whole."""
    if not enabled():
        return None
    digest = hashlib.blake2b(_tool_key(), digest_size=_DIGEST)
    for part in (kind, str(folder), depends):
        digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
        for entry in entries:
            mode = _mode(entry)
            digest.update(os.fsencode(entry.name) + b"\0" + str(stat.S_IFMT(mode)).encode())
            if entry.is_symlink():  # a notice quotes where a dangling link points
                digest.update(b"\0" + os.fsencode(os.readlink(entry.path)) + b"\0")
            if stat.S_ISREG(mode) and entry.name.lower().endswith(read):
                _digest_file(digest, entry.path)
    except OSError:
        return None
    return digest.hexdigest()


def _digest_file(digest: Any, path: str) -> None:
    """The file's size and bytes, a megabyte at a time: a big file beside the data (a backup, a
    video) must not be held in memory whole."""
    with open(path, "rb") as stream:
        digest.update(os.fstat(stream.fileno()).st_size.to_bytes(8, "big"))
        while chunk := stream.read(1 << 20):
            digest.update(chunk)


def _mode(entry: os.DirEntry[str]) -> int:
    """The mode of what the entry names, links followed; 0 for a dangling link (its name and
    where it points still count)."""
    try:
        return entry.stat(follow_symlinks=True).st_mode
    except OSError:
        return 0


_tool: bytes | None = None


def _tool_key() -> bytes:
    """The version, and the size and modification time of every module of the package: a
    development copy edited since an entry was written is another tool."""
    global _tool
    if _tool is None:
        import pydantic

        parts = [cruscotto_cli.__version__, sys.version, pydantic.VERSION, _optional("openpyxl")]
        root = Path(cruscotto_cli.__file__).parent
        for path, folders, files in os.walk(root):
            folders[:] = sorted(f for f in folders if f != "__pycache__")
            for name in sorted(f for f in files if f.endswith(".py")):
                info = os.stat(os.path.join(path, name))
                parts.append(f"{path}/{name}:{info.st_size}:{info.st_mtime_ns}")
        _tool = "\n".join(parts).encode("utf-8", "surrogateescape")
    return _tool


def _optional(name: str) -> str:
    """Where an optional package is, and its size and time, or that it is absent: reading a
    workbook gives values with openpyxl and a problem without it."""
    import importlib.util

    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        spec = None
    if spec is None or spec.origin is None:
        return f"{name}: absent"
    try:
        info = os.stat(spec.origin)
    except OSError:
        return f"{name}: {spec.origin}"
    return f"{name}: {spec.origin}:{info.st_size}:{info.st_mtime_ns}"


# --- the folder and its entries ---------------------------------------------------------------


def folder() -> Path:
    """Where the entries are kept (it may not exist yet)."""
    named = os.environ.get("CRUSCOTTO_CACHE_DIR")
    if named:
        return Path(named)
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # relative: invalid, says the XDG specification
        base = os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "cruscotto"


def _private(where: Path) -> bool:
    """Whether `where` may hold entries: an absolute folder of this user's that no one else can
    write to. A relative one (no HOME and no passwd entry leave "~" as it is) would be inside the
    project, where a pull request could plant an entry; one that others can write to may hold
    entries that are not the tool's. One that others can only read (made before, or by hand) is
    made 0700: the entries are the plan and its values."""
    if not where.is_absolute():
        return False
    try:
        info = where.lstat()
        mine = not hasattr(os, "getuid") or info.st_uid == os.getuid()
        if not stat.S_ISDIR(info.st_mode) or not mine or info.st_mode & 0o022:
            return False
        if info.st_mode & 0o077:
            where.chmod(0o700)
    except OSError:
        return False
    return True


def _entry(kind: str, key: str) -> Path:
    return folder() / f"{kind}-{key}.pickle"


def _recall(kind: str, key: str) -> object | None:
    """The entry's object, or None for a miss: no entry, an unsafe folder, a corrupt entry."""
    path = _entry(kind, key)
    if not _private(path.parent):
        return None
    try:  # not following a link, not waiting on a FIFO: only a regular file is read
        handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
        with os.fdopen(handle, "rb") as stream:
            info = os.fstat(stream.fileno())
            if not stat.S_ISREG(info.st_mode) or info.st_nlink != 1:
                return None
            blob = stream.read()
    except OSError:
        return None
    head, body = blob[: len(_MAGIC) + _DIGEST], blob[len(_MAGIC) + _DIGEST :]
    if head != _MAGIC + _seal(kind, key, body):
        return None
    was_enabled = gc.isenabled()
    gc.disable()  # hundreds of thousands of acyclic objects: the collector would walk them often
    try:
        found: object = _Unpickler(io.BytesIO(body)).load()
        return found
    except Exception:  # any failure to read an entry back is a miss: rebuilt and replaced
        return None
    finally:
        if was_enabled:
            gc.enable()
        _touch(path)


def _seal(kind: str, key: str, body: bytes) -> bytes:
    """The digest of the body with the entry's kind and key: an entry renamed to another key (or
    kind) no longer matches its name, and is a miss."""
    digest = hashlib.blake2b(f"{kind}-{key}\0".encode(), digest_size=_DIGEST)
    digest.update(body)
    return digest.digest()


def _touch(path: Path) -> None:
    """Mark an entry as used now: the least recently used are the ones removed."""
    with contextlib.suppress(OSError):
        os.utime(path)


def _remember(kind: str, key: str, value: object) -> None:
    """Write the entry whole (a temporary file put in place), then remove the oldest of `kind`;
    a cache that cannot be written is no cache, and the command goes on."""
    where = folder()
    try:
        if not where.is_absolute():
            return
        body = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        where.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(where):
            return
        import tempfile  # only a write needs it

        handle, temp = tempfile.mkstemp(prefix=f".{kind}-", dir=where)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(_MAGIC + _seal(kind, key, body) + body)
            os.replace(temp, _entry(kind, key))
        finally:
            Path(temp).unlink(missing_ok=True)
        _prune(where, kind)
    except (OSError, pickle.PicklingError, TypeError, AttributeError, RecursionError):
        return


def _prune(where: Path, kind: str) -> None:
    """The least recently used entries go: beyond 16 of `kind`, and beyond 512 MB in all (an
    entry of a plan of 10,000 indicators weighs about 15 MB)."""
    entries = sorted(where.glob(f"{kind}-*.pickle"), key=lambda p: p.stat().st_mtime_ns)
    for old in entries[:-_KEEP]:
        old.unlink(missing_ok=True)
    hour_ago = time.time() - 3600
    for temporary in where.glob(f".{kind}-*"):  # left by a write that was killed
        if temporary.stat().st_mtime < hour_ago:
            temporary.unlink(missing_ok=True)
    every = sorted(
        ((p.stat(), p) for p in where.glob("*-*.pickle")), key=lambda e: -e[0].st_mtime_ns
    )
    total = 0
    for info, path in every:  # newest first: what is kept until the budget is spent
        total += info.st_size
        if total > _BUDGET:
            path.unlink(missing_ok=True)


class _Unpickler(pickle.Unpickler):
    """Builds only classes: cruscotto's own and the few standard ones a loaded input holds. A
    function, a module's other attributes or any other package's name is refused."""

    def find_class(self, module: str, name: str) -> Any:
        if module == "builtins" and name in _SAFE_BUILTINS:
            return super().find_class(module, name)
        if module == "copyreg" and name in ("_reconstructor", "__newobj__", "__newobj_ex__"):
            return super().find_class(module, name)
        ours = module.startswith("cruscotto_cli.") and module != "cruscotto_cli.__main__"
        if ours or module in _SAFE_MODULES:  # importing __main__ would run the command again
            found = super().find_class(module, name)
            # The class itself, not one reached through it: protocol 4 resolves a dotted name,
            # and "io.FileIO" or "subprocess.Popen" are classes of modules these import.
            mine = getattr(found, "__module__", None) == module
            if isinstance(found, type) and mine and found.__qualname__ == name:
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not part of a loaded input")
