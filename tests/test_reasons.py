"""Reasons for every miss (motivazione dello scostamento), and dated rows: read, shown, required."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cruscotto_cli.cli.app import app
from cruscotto_cli.evaluate import evaluate, unexplained
from cruscotto_cli.inputs import load_inputs
from cruscotto_cli.plan.load import load_plan
from cruscotto_cli.plan.loaded import Plan
from tests.conftest import PLAN, write_csv, write_plan
from tests.test_actuals import load, problems_of

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args), env={"COLUMNS": "200", "NO_COLOR": "1"})


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan(PLAN)


# --- reading ---------------------------------------------------------------------------------


def test_a_reason_on_a_value_row_and_on_a_row_of_its_own(tmp_path: Path, plan: Plan) -> None:
    actuals = load(
        tmp_path,
        plan,
        "indicatore;anno;valore;motivazione\n"
        "9.6;2024;17;Fatture contestate\n"
        "1.2;2024;;Servizi avviati a dicembre\n"
        "servizi_totali;2024;73;\n",
    )
    reason = actuals.reason("9.6", 2024)
    assert reason is not None
    assert (reason.text, reason.row, reason.column) == ("Fatture contestate", 2, 4)
    assert actuals.get("9.6", 2024).reason == "Fatture contestate"  # type: ignore[union-attr]
    assert actuals.reason("1.2", 2024).text == "Servizi avviati a dicembre"  # type: ignore[union-attr]
    assert actuals.get("1.2", 2024) is None  # a reason is not a value
    assert actuals.reason("servizi_totali", 2024) is None


def test_reason_rows_are_checked_like_any_row(tmp_path: Path, plan: Plan) -> None:
    assert problems_of(
        tmp_path,
        plan,
        "indicator;year;value;reason\n"
        "1.22;2024;;Una\n"
        "9.6;2031;;Due\n"
        "9.6;2024;17;Tre\n"
        "9.6;2024;;Quattro\n",
    ) == [
        'dati.csv:2:1: unknown indicator or measure "1.22"; did you mean "1.2"? [csv-key]',
        'dati.csv:3:2: year "2031": expected a year from 2021 to 2026 (2021 for the previous-year '
        "values) [csv-year]",
        "dati.csv:5:4: the reason for 9.6 in 2024 is already given at dati.csv:4; give it once "
        "[csv-duplicate]",
    ]


def test_a_computed_indicator_still_takes_no_value(tmp_path: Path, plan: Plan) -> None:
    assert problems_of(tmp_path, plan, "indicatore;anno;valore;motivazione\n1.2;2024;70;Una\n") == [
        "dati.csv:2:1: indicator 1.2 is computed from its formula (servizi_full_digital, "
        "servizi_totali): report those measures instead [csv-key]"
    ]


def test_dated_rows_are_values_during_the_year(tmp_path: Path, plan: Plan) -> None:
    actuals = load(
        tmp_path,
        plan,
        "indicatore;anno;valore;data\n"
        "9.6;2025;18;30/06/2025\n"
        "9.6;2025;17;2025-03-31\n"
        "9.6;2025;16;31/12/2025\n",
    )
    assert [(a.value, a.date) for a in actuals.dated["9.6", 2025]] == [
        (17, dt.date(2025, 3, 31)),
        (18, dt.date(2025, 6, 30)),
    ]
    assert actuals.get("9.6", 2025).value == 16  # type: ignore[union-attr]  # 31/12: year-end
    assert actuals.latest("9.6", 2025, dt.date(2025, 5, 1)).value == 17  # type: ignore[union-attr]
    assert actuals.latest("9.6", 2025, dt.date(2025, 12, 31)).value == 16  # type: ignore[union-attr]
    assert actuals.latest("9.6", 2025, dt.date(2025, 3, 30)) is None


def test_a_date_must_be_a_date_of_the_rows_year(tmp_path: Path, plan: Plan) -> None:
    assert problems_of(
        tmp_path,
        plan,
        "indicatore;anno;valore;periodo\n"
        "9.6;2025;18;30/06/2024\n"
        "9.6;2025;18;giugno\n"
        "9.6;2025;18;30/06/2025\n"
        "9.6;2025;19;2025-06-30\n",
    ) == [
        'dati.csv:2:4: date "30/06/2024" is not in the row\'s year 2025 [csv-date]',
        'dati.csv:3:4: date "giugno": expected a date such as 30/06/2025 or 2025-06-30 [csv-date]',
        'dati.csv:5:1: 9.6 for 30/06/2025 is given twice: "19" here and "18" at dati.csv:4; '
        "give each value once [csv-duplicate]",
    ]


# --- shown -----------------------------------------------------------------------------------


def test_evaluate_json_shows_the_reason(repo_root: Path) -> None:
    data = json.loads(run("evaluate", "2024", "-f", "json").stdout)
    found = {i["id"]: i for a in data["areas"] for i in a["indicators"]}
    assert found["9.6"]["explanation"] == (
        "Fatture di fine anno liquidate dopo il cambio del sistema contabile (illustrativo)"
    )
    assert found["1.2"]["explanation"] == (
        "Due nuovi servizi avviati a fine anno non ancora interamente online (illustrativo)"
    )
    assert found["9.7"]["explanation"] is None


def test_the_table_and_csv_show_the_reason(repo_root: Path) -> None:
    table = run("evaluate", "2024", "--area", "9").stdout
    assert "Motivazione: Fatture di fine anno liquidate dopo il cambio del sistema" in table
    csv = run("evaluate", "2024", "-f", "csv").stdout_bytes.decode("utf-8").split("\r\n")
    assert csv[0].endswith(";Grado;Nota;Motivazione")
    row = next(line for line in csv if line.startswith('9;"=""9.6"""'))
    assert row.endswith(
        ";Fatture di fine anno liquidate dopo il cambio del sistema contabile (illustrativo)"
    )


def test_the_reports_put_the_reason_beside_the_miss(repo_root: Path) -> None:
    html = run("report", "2024", "-o", "-", "-f", "html", "--date", "2025-03-31").stdout
    assert (
        '<p class="explanation"><b>Motivazione:</b> Fatture di fine anno liquidate dopo il cambio '
        "del sistema contabile (illustrativo)</p>"
    ) in html
    assert '<p class="explanation none">Motivazione: non fornita</p>' in html
    assert "<h3>Scostamenti senza motivazione</h3>" in html
    assert '<td><a href="#ind-9.7">9.7</a></td>' in html
    assert '<td><a href="#ind-9.6">' not in html
    md = run("report", "2024", "-o", "-", "-f", "markdown", "--date", "2025-03-31").stdout
    assert (
        "— Motivazione: Fatture di fine anno liquidate dopo il cambio del sistema contabile "
        "(illustrativo) | S. Bilancio e Patrimonio | 16 | 17,67 | ✗ Non raggiunto | 90,55% |"
    ) in md
    start = md.index("### Scostamenti senza motivazione")
    listed = md[start : md.index("\n\n", md.index("| ---", start))].splitlines()[4:]
    assert [line.split(" | ")[0] for line in listed] == [
        "| 1.4",
        "| 1.8",
        "| 3.1",
        "| 5.1",
        "| 5.5",
        "| 9.7",
        "| 12.2",
        "| 13.2",
        "| 14.6",
    ]


def test_unexplained_lists_the_misses_without_a_reason(repo_root: Path) -> None:
    plan, actuals = load_inputs(Path("plan"), Path("actuals"), True)
    misses = unexplained(evaluate(plan, actuals, 2024))
    assert [o.indicator.id for o in misses] == [
        "1.4",
        "1.8",
        "3.1",
        "5.1",
        "5.5",
        "9.7",
        "12.2",
        "13.2",
        "14.6",
    ]


# --- required --------------------------------------------------------------------------------


def test_require_reasons_exits_1_while_a_miss_lacks_its_reason(repo_root: Path) -> None:
    result = run("validate", "--year", "2024", "--require-reasons")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == (
        'actuals/promozione.csv:23:3: indicator 1.4, 2024: target "13" not met and no reason '
        'given; write it in a "motivazione" column of this row [missing-reason]'
    )
    assert lines[4] == (
        "plan/05-nuove-imprese-lavoro.yaml:50:9: indicator 5.5, 2024: no value and no reason "
        'given; add a row with its id, the year and a "motivazione" to the actuals [missing-reason]'
    )
    assert lines[5] == (
        'plan/09-qualita-efficienza-performance.yaml:80:9: indicator 9.7, 2024: target "93%" not '
        'met and no reason given; add a row with its id, the year and a "motivazione" to the '
        "actuals [missing-reason]"
    )
    # 12.2 reads livello_benessere of 2023 with prev(); 2024's is missing: the reason goes on
    # a row of 2024, not on the 2023 row it was computed from.
    assert lines[6] == (
        "plan/12-capitale-umano-benessere.yaml:17:9: indicator 12.2, 2024: no value and no "
        'reason given; add a row with its id, the year and a "motivazione" to the actuals '
        "[missing-reason]"
    )
    assert lines[-1] == (
        "9 problems in plan/ (14 areas, 58 indicators), actuals/ (184 values) and registers/ "
        "(3 values)"
    )


SMALL = """\
id: "1"
title: Area
indicators:
  - {id: "1.1", name: Visite, owner: staff, unit: n., direction: higher, targets: {2024: "140"}}
  - {id: "1.2", name: Accessi, owner: staff, unit: rapporto, formula: accessi / attive,
     targets: {2024: "> 1"}}
"""


def test_require_reasons_exits_0_when_every_miss_is_explained(
    tmp_path: Path, repo_root: Path
) -> None:
    folder = write_plan(tmp_path / "plan", SMALL)
    rows = "indicatore;anno;valore;motivazione\n1.1;2024;100;{}\naccessi;2024;5;\nattive;2024;10;\n"
    write_csv(tmp_path / "actuals", "a.csv", rows.format("Sede chiusa per lavori"))
    args = ("validate", "--plan", str(folder), "--actuals", str(tmp_path / "actuals"))
    result = run(*args, "--year", "2024", "--require-reasons")
    assert result.exit_code == 1, result.stdout
    assert result.stdout.splitlines()[0].endswith(
        'a.csv:3:3: indicator 1.2, 2024: target "> 1" not met and no reason given; write it in a '
        '"motivazione" column of this row [missing-reason]'
    )
    write_csv(
        tmp_path / "actuals", "b.csv", "indicatore;anno;valore;motivazione\n1.2;2024;;Nuovo\n"
    )
    result = run(*args, "--year", "2024", "--require-reasons")
    assert result.exit_code == 0, result.stdout
    result = run("validate", "--year", "2025", "--require-reasons")  # open: nothing missed yet
    assert result.exit_code == 0, result.stdout
    assert run("validate", "--year", "2024").exit_code == 0  # reasons are not required by default


def test_require_reasons_needs_a_year(repo_root: Path) -> None:
    result = run("validate", "--require-reasons")
    assert result.exit_code == 2
    assert result.stderr == (
        "cruscotto: --require-reasons needs --year YEAR: the year whose misses to check\n"
    )
    result = run("validate", "--year", "2031", "--require-reasons")
    assert result.exit_code == 2
    assert result.stderr == "cruscotto: year 2031 is not in the plan: it covers 2022-2026\n"
