"""What `cruscotto payments` shows: a year's or a quarter's indicators, and the plan's uses."""

from __future__ import annotations

from dataclasses import dataclass

from cruscotto_cli.payments.itp import Indicators, YearIndicators, year_indicators
from cruscotto_cli.payments.register import Register
from cruscotto_cli.plan.loaded import Plan
from cruscotto_cli.plan.model import RegisterValue


@dataclass(frozen=True)
class Working:
    """The periods shown (the quarters then the year, or one quarter) and where they come from."""

    year: YearIndicators
    quarter: int | None
    files: tuple[str, ...]
    feeds: tuple[tuple[str, RegisterValue], ...]  # (indicator id, the value it takes)

    @property
    def periods(self) -> tuple[Indicators, ...]:
        if self.quarter is not None:
            return (self.year.quarters[self.quarter - 1],)
        return (*self.year.quarters, self.year.annual)


def working(plan: Plan, register: Register, year: int, quarter: int | None = None) -> Working:
    """The register's indicators for the year (or a quarter), and the plan indicators using them."""
    feeds = tuple(
        (p.indicator.id, value)
        for p in plan.placed
        if (value := p.indicator.from_register) is not None
    )
    files = tuple(str(path) for path in register.files)
    return Working(year_indicators(register.invoices, year), quarter, files, feeds)
