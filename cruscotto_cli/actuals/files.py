"""Which entries of the actuals folder are read, and why each other one is not: none in silence."""

from __future__ import annotations

import os
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from cruscotto_cli.diagnostics import Diagnostic

NOT_READ = "not-read"
_AS_XLSX = 'save it from Excel as "Cartella di lavoro di Excel" (.xlsx) or as "CSV UTF-8"'
# Office files an office may send instead of a CSV or an .xlsx: what each is, and what to do.
_OFFICE_FILES = {
    ".xlsx": f"an Excel workbook; {_AS_XLSX}",  # named only where workbooks are not read
    ".xlsm": f"an Excel workbook with macros; {_AS_XLSX}",
    ".xls": f"an Excel 97-2003 workbook; {_AS_XLSX}",
    ".ods": 'an OpenDocument spreadsheet; save it as "Excel 2007-365" (.xlsx) or "Testo CSV"',
    ".numbers": "an Apple Numbers document; export it as Excel (.xlsx) or CSV",
}


@dataclass(frozen=True)
class Folder:
    """An actuals folder's entries: the files to read (name order) and a notice for each other."""

    read: tuple[Path, ...] = ()
    notices: tuple[Diagnostic, ...] = ()


def scan(folder: Path, readable: Collection[str], kind: str = "actuals") -> Folder:
    """Every entry of `folder` (not recursive): read when its suffix is in `readable` and it is a
    file; otherwise named in a notice with the reason. An empty Folder when there is no folder.
    `kind` names the folder in the notice of a folder inside it."""
    if not folder.is_dir():
        return Folder()
    read, notices = [], []
    for path in sorted(folder.iterdir()):
        reason = _not_read(path, readable, kind)
        if reason is None:
            read.append(path)
        else:
            notices.append(Diagnostic(str(path), 0, 0, f"not read: {reason}", NOT_READ))
    return Folder(tuple(read), tuple(notices))


def _not_read(path: Path, readable: Collection[str], kind: str) -> str | None:
    """Why an entry is not read, or None when it is read (an unreadable file is read: the reader
    reports it as the problem it is, since its values would be missing)."""
    name, suffix = path.name, path.suffix.lower()
    if name.startswith(("~$", ".~lock.")):
        return "a lock file that Excel or LibreOffice keeps while a file is open, not data"
    if path.is_symlink() and not path.exists():
        return f'a symbolic link to "{os.readlink(path)}", which does not exist'
    if path.is_dir():
        return f"a folder: only the files directly in the {kind} folder are read; move them up"
    if suffix in readable:
        return None if path.is_file() else "not a regular file"
    if suffix == ".xlsx" and ".csv" in readable and ".xlsx" not in readable:
        return 'an Excel workbook; save it from Excel as "CSV UTF-8"'
    if suffix in _OFFICE_FILES:
        return _OFFICE_FILES[suffix]
    kinds = " and ".join(sorted(readable))
    return f"only {kinds} files are read"
