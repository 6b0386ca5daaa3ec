"""Loading what a command works on: the plan, the actuals, and a year the plan covers."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from cruscotto_cli.diagnostics import UsageError

if TYPE_CHECKING:
    from cruscotto_cli.actuals.load import Actuals
    from cruscotto_cli.plan.loaded import Plan


def load_inputs(
    plan_folder: Path, actuals_folder: Path, actuals_named: bool
) -> tuple[Plan, Actuals]:
    """The plan and its actuals; InputError (exit 2) when either is invalid."""
    from cruscotto_cli.actuals.load import Actuals, load_actuals
    from cruscotto_cli.plan.load import load_plan

    check_folders(plan_folder, actuals_folder, actuals_named)
    plan = load_plan(plan_folder)
    if not actuals_folder.is_dir():
        print(f"cruscotto: no {actuals_folder} folder: every value is missing", file=sys.stderr)
        return plan, Actuals({}, ())
    return plan, load_actuals(actuals_folder, plan)


def check_folders(plan_folder: Path, actuals_folder: Path, actuals_named: bool) -> None:
    """UsageError for a missing plan folder, or a missing actuals folder the user named."""
    if not plan_folder.is_dir():
        raise UsageError(f"{plan_folder}: plan folder not found; give one with --plan DIR")
    if actuals_named and not actuals_folder.is_dir():
        raise UsageError(f"{actuals_folder}: actuals folder not found")


def check_year(plan: Plan, year: int) -> None:
    period = plan.header.period
    if year not in period.years:
        raise UsageError(f"year {year} is not in the plan: it covers {period.first}-{period.last}")
