"""What a report shows, built once: the year's evaluation, every year's series, and provenance."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from cruscotto_cli import __version__
from cruscotto_cli.actuals.load import actuals_files
from cruscotto_cli.actuals.values import ILLUSTRATIVE
from cruscotto_cli.cycle.compare import YearOverYear, year_over_year
from cruscotto_cli.evaluate import Evaluation, Outcome, evaluate_years
from cruscotto_cli.payments.register import register_files
from cruscotto_cli.plan.files import plan_files
from cruscotto_cli.plan.loaded import Placed, Plan

if TYPE_CHECKING:
    from cruscotto_cli.actuals.values import Actuals


@dataclass(frozen=True)
class Digest:
    """A file the report was made from, by its path relative to the working folder."""

    path: str
    sha256: str


@dataclass(frozen=True)
class ReportData:
    """Everything a renderer needs; renderers only format it."""

    plan: Plan
    evaluation: Evaluation
    series: Mapping[str, tuple[Outcome, ...]]  # indicator id -> its outcome in every plan year
    scope: tuple[tuple[str, str], ...]  # ("area", "1"), ("owner", "staff"), ("tag", ...)
    digests: tuple[Digest, ...]
    version: str
    date: dt.date

    @cached_property
    def compared(self) -> YearOverYear:
        """The previous year's degrees and scores, looked up once for the whole report."""
        return year_over_year(self.evaluation)

    @property
    def year(self) -> int:
        return self.evaluation.year

    @property
    def illustrative(self) -> bool:
        """Some value used this year comes from an illustrative (not published) source."""
        return any(
            (s.source or "").strip().casefold() == ILLUSTRATIVE
            for o in self.evaluation.outcomes
            for s in o.sources
        )

    @property
    def published(self) -> tuple[str, ...]:
        """The indicators whose values this year all come from a published source."""
        return tuple(
            o.indicator.id
            for o in self.evaluation.outcomes
            if o.sources
            and all((s.source or "").strip().casefold() != ILLUSTRATIVE for s in o.sources)
        )

    def outcomes_of(self, area_id: str) -> list[Outcome]:
        return [o for o in self.evaluation.outcomes if o.area_id == area_id]


def build_report(
    plan: Plan,
    actuals: Actuals,
    year: int,
    selected: Sequence[Placed],
    scope: tuple[tuple[str, str], ...] = (),
    digests: tuple[Digest, ...] = (),
    date: dt.date | None = None,
) -> ReportData:
    """The report of `year` for the selected indicators; pure given its inputs."""
    date = date or dt.date.today()
    years = evaluate_years(plan, actuals, {*plan.header.period.years, year}, selected, date, scope)
    trend = sorted(plan.header.period.years)
    series = {
        p.indicator.id: tuple(years[y].outcomes[i] for y in trend) for i, p in enumerate(selected)
    }
    evaluation = years[year]
    return ReportData(plan, evaluation, series, scope, digests, __version__, date)


def file_digests(
    plan_folder: Path, actuals_folder: Path, register_folder: Path | None = None
) -> tuple[Digest, ...]:
    """sha256 of the plan's YAML files, the actuals' and the invoice register's CSV files."""
    files = [*plan_files(plan_folder), *actuals_files(actuals_folder)]
    if register_folder is not None and register_folder.is_dir():
        files += register_files(register_folder)
    return tuple(Digest(_relative(f), hashlib.sha256(f.read_bytes()).hexdigest()) for f in files)


def _relative(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()
