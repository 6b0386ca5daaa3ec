"""Which files are actuals: every `*.csv` and `*.xlsx` in the folder, but Excel's lock files."""

from __future__ import annotations

from pathlib import Path

SUFFIXES = (".csv", ".xlsx")  # the files read: CSV text and Excel workbooks


def is_actuals_file(name: str) -> bool:
    # "~$name.csv" is the lock file Excel leaves beside a file it has open, not data.
    return name.lower().endswith(SUFFIXES) and not name.startswith("~$")


def actuals_files(folder: Path) -> list[Path]:
    """The actuals files of `folder` in name order; none when the folder does not exist."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if is_actuals_file(p.name) and p.is_file())
