"""`validate`: every problem of the plan and of the actuals in one pass."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from cruscotto_cli.diagnostics import Diagnostic, InputError, UsageError, plural
from cruscotto_cli.inputs import DEFAULT_REGISTER, check_folders, check_year, join_register

if TYPE_CHECKING:
    from cruscotto_cli.actuals.values import Actuals
    from cruscotto_cli.evaluate import Outcome
    from cruscotto_cli.plan.loaded import Plan


@dataclass(frozen=True)
class Validation:
    """What validate found: the problems, the notices (files not read, with why: not problems),
    and a line saying what was checked."""

    problems: list[Diagnostic]
    checked: str
    notices: tuple[Diagnostic, ...] = ()


def validate_all(
    plan_folder: Path,
    actuals_folder: Path,
    actuals_named: bool,
    register: tuple[Path, bool] = DEFAULT_REGISTER,
    reasons_of: int | None = None,
    today: dt.date | None = None,
) -> Validation:
    """The problems found, the notices, and a line saying what was checked; UsageError for a
    missing folder. With `reasons_of` a year, a miss of that year without its reason is one too."""
    from cruscotto_cli.plan.load import load_plan

    check_folders(plan_folder, actuals_folder, actuals_named, register)
    try:
        plan = load_plan(plan_folder)
    except InputError as exc:
        return Validation(exc.diagnostics, f"{plan_folder}/")
    if reasons_of is not None:
        check_year(plan, reasons_of)
    checked = _plan_checked(plan_folder, plan)
    if not actuals_folder.is_dir():
        if reasons_of is not None:
            raise UsageError(f"--require-reasons needs the actuals: {actuals_folder}/ not found")
        return Validation([], checked)
    return _validate_actuals(plan, checked, (actuals_folder, register[0]), reasons_of, today)


def _plan_checked(folder: Path, plan: Plan) -> str:
    """The plan's part of the verdict line: `plan/ (14 areas, 58 indicators)`."""
    return f"{folder}/ ({plural(len(plan.areas), 'area')}, {plural(len(plan.placed), 'indicator')})"


def _validate_actuals(
    plan: Plan,
    checked: str,
    folders: tuple[Path, Path],
    reasons_of: int | None,
    today: dt.date | None,
) -> Validation:
    """The problems of the actuals and of the invoice register (the two `folders`), else the
    misses of `reasons_of` without their reason."""
    from cruscotto_cli.actuals.load import load_actuals

    actuals_folder, register_folder = folders
    notices: tuple[Diagnostic, ...] = ()
    try:
        actuals = load_actuals(actuals_folder, plan)
        typed, notices = len(actuals.values), actuals.notices
        actuals = join_register(plan, actuals, register_folder)
    except InputError as exc:
        notices = exc.notices or notices
        skipped = "".join(f" ({said})" for said in _not_read(notices))
        return Validation(exc.diagnostics, f"{checked} and {actuals_folder}/{skipped}", notices)
    unexplained = [] if reasons_of is None else missing_reasons(plan, actuals, reasons_of, today)
    read = _actuals_read(checked, folders, typed, actuals)
    return Validation(unexplained, read, actuals.notices)


def _actuals_read(checked: str, folders: tuple[Path, Path], typed: int, actuals: Actuals) -> str:
    """The verdict line with the values typed in the actuals and those the register gave."""
    actuals_folder, register_folder = folders
    not_read = _not_read(actuals.notices)
    read = f"{actuals_folder}/ ({', '.join([plural(typed, 'value'), *not_read])})"
    computed = len(actuals.values) - typed
    if computed:
        return f"{checked}, {read} and {register_folder}/ ({plural(computed, 'value')})"
    return f"{checked} and {read}"


def _not_read(notices: tuple[Diagnostic, ...]) -> list[str]:
    return [f"{plural(len(notices), 'file')} not read"] if notices else []


def missing_reasons(
    plan: Plan, actuals: Actuals, year: int, today: dt.date | None
) -> list[Diagnostic]:
    """Each miss of `year` without its reason, placed on its actuals row, else on the indicator."""
    from cruscotto_cli.evaluate import evaluate, unexplained

    evaluation = evaluate(plan, actuals, year, today=today)
    return [_missing_reason(plan, o) for o in unexplained(evaluation)]


def _missing_reason(plan: Plan, o: Outcome) -> Diagnostic:
    ind = o.indicator
    what = f'target "{o.target.text}" not met' if o.status.value == "not_met" and o.target else None
    what = what or ("no value" if o.status.value == "missing" else "a value that cannot be scored")
    message = f"indicator {ind.id}, {o.year}: {what} and no reason given"
    code = "missing-reason"
    # A value computed from a register has no row; a prev() row is last year's, and a reason
    # written there would explain last year, not this one.
    rows = [r for r in o.sources if r.row and r.year == o.year]
    if rows:
        row = rows[0]
        hint = 'write it in a "motivazione" column of this row'
        return Diagnostic(row.path, row.row, row.column, f"{message}; {hint}", code)
    hint = 'add a row with its id, the year and a "motivazione" to the actuals'
    placed = plan.indicator(ind.id)
    assert placed is not None
    return placed.diagnostic(("id",), f"{message}; {hint}", code)
