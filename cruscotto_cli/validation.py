"""`validate`: every problem of the plan and of the actuals in one pass."""

from __future__ import annotations

from pathlib import Path

from cruscotto_cli.diagnostics import Diagnostic, InputError
from cruscotto_cli.inputs import DEFAULT_REGISTER, check_folders, join_register


def validate_all(
    plan_folder: Path,
    actuals_folder: Path,
    actuals_named: bool,
    register: tuple[Path, bool] = DEFAULT_REGISTER,
) -> tuple[list[Diagnostic], str]:
    """The problems found and a line saying what was checked. UsageError for a missing folder."""
    from cruscotto_cli.actuals.load import load_actuals
    from cruscotto_cli.plan.load import load_plan

    check_folders(plan_folder, actuals_folder, actuals_named, register)
    try:
        plan = load_plan(plan_folder)
    except InputError as exc:
        return exc.diagnostics, f"{plan_folder}/"
    checked = (
        f"{plan_folder}/ ({_count(len(plan.areas), 'area')}, "
        f"{_count(len(plan.placed), 'indicator')})"
    )
    if not actuals_folder.is_dir():
        return [], checked
    try:
        actuals = load_actuals(actuals_folder, plan)
        typed = len(actuals.values)
        actuals = join_register(plan, actuals, register[0])
    except InputError as exc:
        return exc.diagnostics, f"{checked} and {actuals_folder}/"
    read = f"{actuals_folder}/ ({_count(typed, 'value')})"
    computed = len(actuals.values) - typed
    if computed:
        return [], f"{checked}, {read} and {register[0]}/ ({_count(computed, 'value')})"
    return [], f"{checked} and {read}"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"
