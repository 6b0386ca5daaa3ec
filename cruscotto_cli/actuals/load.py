"""Load the actuals: the folder's files read (cruscotto_cli.actuals.reader), or taken back from
the cache when nothing changed since they were read."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from cruscotto_cli.actuals.files import scan
from cruscotto_cli.actuals.values import Actuals

if TYPE_CHECKING:
    from cruscotto_cli.plan.loaded import Plan

# The suffixes of the files that are read (cruscotto_cli.actuals.reader.READERS reads them); an
# entry of any other suffix gets a notice.
SUFFIXES = (".csv", ".xlsx")


def actuals_files(folder: Path) -> tuple[Path, ...]:
    """The files of `folder` that are read as actuals, in name order; none without a folder."""
    return scan(folder, SUFFIXES).read


def load_actuals(folder: Path, plan: Plan) -> Actuals:
    """Every file of `folder` with a reader (name order, not recursive), and a notice for every
    other entry; InputError carries every problem of every file, and the notices. Actuals read
    cleanly before from the same files, for the same plan, come from the cache."""
    from cruscotto_cli import cache

    depends = plan.source or None  # a plan not read from files: its key is not known
    return cache.through(
        "actuals", folder, Actuals, partial(_read, folder, plan), depends, SUFFIXES
    )


def _read(folder: Path, plan: Plan, key: str) -> Actuals:
    from cruscotto_cli.actuals.reader import read_folder

    return read_folder(folder, plan, key)
