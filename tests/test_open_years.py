"""Open years: a year not ended at the run's date, or with no value at all, is not yet collected."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from typer.testing import CliRunner

from cruscotto_cli.actuals.load import load_actuals
from cruscotto_cli.cli.app import app
from cruscotto_cli.evaluate import Status, evaluate, year_open
from cruscotto_cli.plan.load import load_plan
from tests.conftest import write_csv, write_plan
from tests.test_evaluate import ACTUALS, AREA

runner = CliRunner()


def run(*args: str, env: dict[str, str] | None = None):
    return runner.invoke(app, list(args), env={"COLUMNS": "200", "NO_COLOR": "1", **(env or {})})


def _loaded(tmp_path: Path):
    plan = load_plan(write_plan(tmp_path / "plan", AREA))
    write_csv(tmp_path / "actuals", "dati.csv", ACTUALS)
    return plan, load_actuals(tmp_path / "actuals", plan)


def test_a_year_is_open_until_it_ends_or_while_it_has_no_value(tmp_path: Path) -> None:
    _, actuals = _loaded(tmp_path)
    assert year_open(actuals, 2024, dt.date(2024, 12, 31))
    assert not year_open(actuals, 2024, dt.date(2025, 1, 1))
    assert not year_open(actuals, 2024, None)
    assert year_open(actuals, 2025, dt.date(2026, 6, 1))  # ended, but nothing collected yet
    assert year_open(actuals, 2025, None)


def test_an_open_year_shows_its_values_so_far_and_no_score(tmp_path: Path) -> None:
    plan, actuals = _loaded(tmp_path)
    result = evaluate(plan, actuals, 2024, today=dt.date(2024, 11, 30))
    statuses = {o.indicator.id: (o.status, o.degree) for o in result.outcomes}
    assert statuses["1.4"] == (Status.MET, 1)
    assert statuses["1.6"][0] is Status.WITHDRAWN
    assert (result.open, result.overall.score, result.overall.band) == (True, None, None)
    assert all(s.score is None and s.open for s in (*result.areas, *result.offices))


def test_a_value_not_given_in_an_open_year_is_not_collected_never_zero(tmp_path: Path) -> None:
    plan = load_plan(write_plan(tmp_path / "plan", AREA))
    write_csv(tmp_path / "actuals", "dati.csv", "indicatore;anno;valore\n1.4;2024;15\n")
    actuals = load_actuals(tmp_path / "actuals", plan)
    outcome = evaluate(plan, actuals, 2024, today=dt.date(2024, 7, 1)).outcomes[0]
    assert (outcome.status, outcome.degree) == (Status.NOT_COLLECTED, None)
    closed = evaluate(plan, actuals, 2024, today=dt.date(2025, 2, 1)).outcomes[0]
    assert (closed.status, closed.degree) == (Status.MISSING, 0)


def test_evaluate_2025_on_the_shipped_plan_is_in_progress(repo_root: Path) -> None:
    result = run("evaluate", "2025", "--date", "2025-09-01")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().splitlines()[-1] == (
        "Complessivo 2025: in corso (da rilevare 57, eliminato 1); 2024: 95,51%"
    )
    rows = [line.split("│") for line in result.stdout.splitlines() if "Da rilevare" in line]
    assert len(rows) == 57
    assert {r[6].strip() for r in rows} == {""}  # no degree in 2025; 2024's stands beside it
    assert "Dato mancante" not in result.stdout


def test_the_run_date_comes_from_source_date_epoch_too(repo_root: Path) -> None:
    # 1767225600 is 2026-01-01: 2025 has ended, but holds no value yet.
    result = run("evaluate", "2025", "-f", "json", env={"SOURCE_DATE_EPOCH": "1767225600"})
    data = json.loads(result.stdout)
    assert (data["open"], data["overall"]["score"], data["overall"]["open"]) == (True, None, True)
    first = data["areas"][0]["indicators"][0]
    assert (first["status"], first["degree"], first["reason_code"]) == (
        "not_collected",
        None,
        "no_value",
    )
    closed = json.loads(run("evaluate", "2024", "-f", "json", "--date", "2025-03-31").stdout)
    assert (closed["open"], closed["overall"]["score"]) == (False, 95.513892)


def test_a_bad_run_date_is_exit_2(repo_root: Path) -> None:
    result = run("evaluate", "2024", "--date", "2025-13-01")
    assert result.exit_code == 2
    assert result.stderr == (
        'cruscotto: --date "2025-13-01": expected a date as YYYY-MM-DD or DD/MM/YYYY\n'
    )
