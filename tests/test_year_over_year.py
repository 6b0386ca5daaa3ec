"""Year over year: the previous year's degrees and scores beside this year's, with the difference."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from typer.testing import CliRunner

from cruscotto_cli.cli.app import app
from cruscotto_cli.cycle.compare import Beside, trends, year_over_year
from cruscotto_cli.evaluate import evaluate
from cruscotto_cli.inputs import load_inputs

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args), env={"COLUMNS": "200", "NO_COLOR": "1"})


def test_json_puts_2023_beside_2024(repo_root: Path) -> None:
    data = json.loads(run("evaluate", "2024", "-f", "json", "--date", "2025-03-31").stdout)
    assert data["previous_year"] == 2023
    overall = data["overall"]
    assert (overall["score"], overall["previous_score"], overall["score_change"]) == (
        95.513892,
        97.674419,
        -2.160526,
    )
    area = next(a for a in data["areas"] if a["id"] == "9")
    assert (area["score"], area["previous_score"], area["score_change"]) == (
        98.687153,
        90,
        8.687153,
    )
    office = next(o for o in data["offices"] if o["id"] == "bilancio")
    assert (office["previous_score"], office["score_change"]) == (85.714286, 12.427794)
    first = data["areas"][0]["indicators"]
    i12 = next(i for i in first if i["id"] == "1.2")
    assert (i12["degree"], i12["previous_degree"], i12["degree_change"]) == (
        99.962977,
        100,
        -0.037023,
    )
    i13 = next(i for i in first if i["id"] == "1.6")  # a baseline in 2023: nothing to compare
    assert (i13["previous_degree"], i13["degree_change"]) == (None, None)


def test_the_first_year_has_nothing_before_it(repo_root: Path) -> None:
    data = json.loads(run("evaluate", "2022", "-f", "json").stdout)
    assert data["previous_year"] is None
    assert (data["overall"]["previous_score"], data["overall"]["score_change"]) == (None, None)


def test_the_table_shows_the_previous_year_and_the_difference(repo_root: Path) -> None:
    out = run("evaluate", "2024", "--area", "9", "--date", "2025-03-31").stdout
    header = next(line for line in out.splitlines() if "Grado" in line)
    assert header.split("┃")[-4:-1] == ["   Grado ", "    2023 ", "       Δ "]
    row = next(line for line in out.splitlines() if line.startswith("│ 9.6 "))
    assert row.split("│")[-4:-1] == ["  90,55% ", " 100,00% ", "   -9,45 "]
    assert out.strip().splitlines()[-1] == (
        "Complessivo (area 9) 2024: 98,69% Parzialmente raggiunto (raggiunto 8, non raggiunto 2); "
        "2023: 90,00%, Δ +8,69 punti"
    )


def test_the_report_says_which_areas_improved_and_worsened(repo_root: Path) -> None:
    md = run("report", "2024", "-o", "-", "-f", "markdown", "--date", "2025-03-31").stdout
    assert "Migliorano rispetto al 2023: 9.\n\nPeggiorano rispetto al 2023: 1, 5, 12, 13, 14." in md
    assert (
        "| 9. Qualità, efficienza e centralità della performance | 98,69% | 90,00% | +8,69 |" in md
    )
    assert "| Complessivo | 95,51% | 97,67% | -2,16 |" in md
    html = run("report", "2024", "-o", "-", "-f", "html", "--date", "2025-03-31").stdout
    assert "<p>Peggiorano rispetto al 2023: 1, 5, 12, 13, 14.</p>" in html
    assert "<div><dt>Grado 2023</dt><dd>100,00% (Δ -9,45)</dd></div>" in html


def test_a_change_below_what_a_report_shows_is_no_change(repo_root: Path) -> None:
    assert Beside(Decimal("0.99996"), Decimal(1)).direction == 0  # -0,004 points reads 0,00
    assert Beside(Decimal("0.9999"), Decimal(1)).direction == -1
    assert Beside(None, Decimal(1)).direction == 0
    plan, actuals = load_inputs(Path("plan"), Path("actuals"), True)
    improved, worsened = trends(evaluate(plan, actuals, 2024))
    assert ([a.key for a in improved], [a.key for a in worsened]) == (
        ["9"],
        ["1", "5", "12", "13", "14"],
    )
    assert year_over_year(evaluate(plan, actuals, 2022)).year is None
