"""Loading what a command works on: the plan, the actuals, and a year the plan covers."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from cruscotto_cli.diagnostics import Diagnostic, InputError, UsageError, plural

if TYPE_CHECKING:
    from cruscotto_cli.actuals.values import Actuals
    from cruscotto_cli.plan.loaded import Plan


DEFAULT_REGISTER = (Path("registers"), False)


def load_inputs(
    plan_folder: Path,
    actuals_folder: Path,
    actuals_named: bool,
    register: tuple[Path, bool] = DEFAULT_REGISTER,
) -> tuple[Plan, Actuals]:
    """The plan and its actuals, with the values computed from the invoice register (a folder,
    and whether the user named it); InputError (exit 2) when any of them is invalid."""
    from cruscotto_cli.actuals.load import load_actuals
    from cruscotto_cli.actuals.values import Actuals
    from cruscotto_cli.plan.load import load_plan

    check_folders(plan_folder, actuals_folder, actuals_named, register)
    plan = load_plan(plan_folder)
    if not actuals_folder.is_dir():
        print(f"cruscotto: no {actuals_folder} folder: every value is missing", file=sys.stderr)
        actuals = join_register(plan, Actuals({}, ()), register[0])
        for notice in actuals.notices:
            print(notice, file=sys.stderr)
        return plan, actuals
    actuals = join_register(plan, load_actuals(actuals_folder, plan), register[0])
    for notice in actuals.notices:  # what was not read is said, never skipped in silence
        print(notice, file=sys.stderr)
    return plan, actuals


def load_what_can_be_read(
    plan_folder: Path, actuals_folder: Path, actuals_named: bool
) -> tuple[Plan, Actuals, Mapping[tuple[str, int], Diagnostic]]:
    """The plan and the actuals as far as they can be read, with the values refused by key and
    year: a reminder of what is still owed lists them. The problems go to stderr."""
    from cruscotto_cli.actuals.values import InvalidActuals

    try:
        plan, actuals = load_inputs(plan_folder, actuals_folder, actuals_named)
    except InvalidActuals as exc:
        for problem in [*exc.notices, *exc.diagnostics]:
            print(problem, file=sys.stderr)
        problems = plural(len(exc.diagnostics), "problem")
        print(f"cruscotto: {problems} in the actuals; values refused are listed", file=sys.stderr)
        from cruscotto_cli.plan.load import load_plan

        plan = load_plan(plan_folder)
        return plan, join_register(plan, exc.read, DEFAULT_REGISTER[0]), exc.refused
    return plan, actuals, {}


def join_register(plan: Plan, actuals: Actuals, folder: Path) -> Actuals:
    """The actuals with the values the plan takes from the invoice register, if the folder is
    there and the plan takes any; InputError for a bad register or a value given both ways."""
    if not folder.is_dir() or not any(p.indicator.from_register for p in plan.placed):
        return actuals
    from cruscotto_cli import cache
    from cruscotto_cli.actuals.values import Actuals

    def join(key: str) -> Actuals:
        from cruscotto_cli.payments.measured import with_register
        from cruscotto_cli.payments.register import load_register

        try:
            register = load_register(folder)
        except InputError as exc:  # what the actuals folder did not read is said too
            raise InputError(list(exc.diagnostics), actuals.notices + exc.notices) from None
        return replace(with_register(plan, actuals, register), source=key)

    # The join is cached too: computing the register's values costs more than the rest.
    return cache.through("joined", folder, Actuals, join, actuals.source or None, (".csv",))


def check_folders(
    plan_folder: Path,
    actuals_folder: Path,
    actuals_named: bool,
    register: tuple[Path, bool] = DEFAULT_REGISTER,
) -> None:
    """UsageError for a missing plan folder, or a missing actuals or register folder the user
    named."""
    if not plan_folder.is_dir():
        raise UsageError(f"{plan_folder}: plan folder not found; give one with --plan DIR")
    if actuals_named and not actuals_folder.is_dir():
        raise UsageError(f"{actuals_folder}: actuals folder not found")
    register_folder, register_named = register
    if register_named and not register_folder.is_dir():
        raise UsageError(f"{register_folder}: invoice register folder not found")


def check_year(plan: Plan, year: int) -> None:
    period = plan.header.period
    if year not in period.years:
        raise UsageError(f"year {year} is not in the plan: it covers {period.first}-{period.last}")
