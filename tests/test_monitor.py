"""`cruscotto monitor`: projections by kind, statuses at 30 June, formats, the report, exit codes."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cruscotto_cli.actuals.load import load_actuals
from cruscotto_cli.cli.app import app
from cruscotto_cli.cycle.monitor import Progress, monitor
from cruscotto_cli.cycle.projection import elapsed, project
from cruscotto_cli.plan.load import load_plan
from cruscotto_cli.plan.model import Projection
from tests.conftest import write_csv, write_plan

runner = CliRunner()
JUNE = dt.date(2025, 6, 30)

AREA = """\
id: "1"
title: Area
indicators:
  - {id: "1.1", name: Eventi, owner: staff, unit: n., direction: higher, targets: {2025: "140"}}
  - {id: "1.2", name: Eventi bis, owner: staff, unit: n., direction: higher, targets: {2025: "140"}}
  - {id: "1.3", name: Eventi ter, owner: staff, unit: n., direction: higher, targets: {2025: "140"}}
  - {id: "1.4", name: Quota, owner: staff, unit: "%", targets: {2025: "≥ 80%"}}
  - {id: "1.5", name: Tempi, owner: staff, unit: giorni, direction: lower, targets: {2025: "16"}}
  - {id: "1.6", name: Azione, owner: staff, unit: sì/no, targets: {2025: Annuale}}
  - {id: "1.7", name: Accessi, owner: segreteria, unit: rapporto, formula: accessi / prev(accessi),
     targets: {2025: "> 1"}}
  - {id: "1.8", name: Senza dato, owner: staff, unit: "%", targets: {2025: "≥ 80%"}}
  - {id: "1.9", name: Rilevazione, owner: staff, unit: "%", targets: {2025: Anno di rilevazione}}
  - {id: "1.10", name: Conteggio dichiarato, owner: staff, unit: "%", projection: pro-rata,
     targets: {2025: "≥ 50%"}}
"""
ACTUALS = """\
indicatore;anno;valore;data
1.1;2025;70;30/06/2025
1.2;2025;65;30/06/2025
1.3;2025;40;30/06/2025
1.3;2025;20;31/03/2025
1.4;2025;75%;2025-06-30
1.5;2025;19;30/06/2025
1.6;2025;no;30/06/2025
accessi;2024;1000;
accessi;2025;520;30/06/2025
1.10;2025;30%;30/06/2025
1.1;2025;300;30/09/2025
"""


@pytest.fixture
def checks(tmp_path: Path) -> dict[str, object]:
    plan = load_plan(write_plan(tmp_path / "plan", AREA))
    write_csv(tmp_path / "actuals", "m.csv", ACTUALS)
    result = monitor(plan, load_actuals(tmp_path / "actuals", plan), 2025, JUNE)
    return {c.indicator.id: c for c in result.checks}


def test_the_elapsed_share_counts_days() -> None:
    assert elapsed(2025, JUNE) == Decimal(181) / 365
    assert elapsed(2024, dt.date(2024, 6, 30)) == Decimal(182) / 366  # a leap year
    assert elapsed(2025, dt.date(2026, 2, 1)) == 1
    assert project(Decimal(70), Projection.PRO_RATA, Decimal(181) / 365) == Decimal(70) * 365 / 181
    assert project(Decimal(75), Projection.AS_IS, Decimal("0.5")) == 75


def test_each_projection_kind_with_its_figures(checks: dict[str, object]) -> None:
    def seen(key: str) -> tuple[object, ...]:
        c = checks[key]
        gap = None if c.gap is None else round(c.gap * 100, 2)  # type: ignore[attr-defined]
        projected = c.projected  # type: ignore[attr-defined]
        shown = round(projected, 3) if isinstance(projected, Decimal) else projected
        return (c.projection.value, shown, c.status, gap)  # type: ignore[attr-defined]

    # Counts pro rata: 70 of 140 by 30/06 is on track (70 × 365 / 181 = 141,16).
    assert seen("1.1") == ("pro-rata", Decimal("141.160"), Progress.ON_TRACK, None)
    # 65 → 131,08: 6,37% below 140, within the default tolerance of 10%.
    assert seen("1.2") == ("pro-rata", Decimal("131.077"), Progress.AT_RISK, Decimal("6.37"))
    # The latest value by the date counts: 40 (30/06), not 20 (31/03); 80,66 is 42,38% short.
    assert seen("1.3") == ("pro-rata", Decimal("80.663"), Progress.CRITICAL, Decimal("42.38"))
    # Percentages and days as they are: 75% for ≥ 80% is 6,25% short; 19 days for 16, 18,75%.
    assert seen("1.4") == ("as-is", Decimal("75"), Progress.AT_RISK, Decimal("6.25"))
    assert seen("1.5") == ("as-is", Decimal("19"), Progress.CRITICAL, Decimal("18.75"))
    # A count over its own previous year is pro rata: 520 / 1000 → 1,049 > 1.
    assert seen("1.7") == ("pro-rata", Decimal("1.049"), Progress.ON_TRACK, None)
    # A declared projection wins over the unit: 30% by 30/06 → 60,50% ≥ 50%.
    assert seen("1.10") == ("pro-rata", Decimal("60.497"), Progress.ON_TRACK, None)
    # Yes/no: in progress until done; no value: not measurable; a baseline is not judged.
    assert checks["1.6"].status is Progress.IN_PROGRESS  # type: ignore[attr-defined]
    assert (checks["1.8"].status, str(checks["1.8"].reason)) == (  # type: ignore[attr-defined]
        Progress.NOT_MEASURABLE,
        "no value by 30/06/2025",
    )
    assert checks["1.9"].status is Progress.BASELINE  # type: ignore[attr-defined]


def test_a_value_after_the_date_is_not_used_and_the_year_end_closes_the_year(
    tmp_path: Path,
) -> None:
    plan = load_plan(write_plan(tmp_path / "plan", AREA))
    write_csv(tmp_path / "actuals", "m.csv", ACTUALS + "1.6;2025;no;\n")
    actuals = load_actuals(tmp_path / "actuals", plan)
    september = monitor(plan, actuals, 2025, dt.date(2025, 9, 30)).checks[0]
    assert (september.value, september.measured) == (300, dt.date(2025, 9, 30))
    done = {c.indicator.id: c for c in monitor(plan, actuals, 2025, dt.date(2026, 1, 15)).checks}
    assert done["1.6"].status is Progress.CRITICAL  # not done when the year is over


def test_the_plan_sets_the_tolerance(tmp_path: Path) -> None:
    from tests.conftest import HEADER

    plan = load_plan(write_plan(tmp_path / "plan", AREA, HEADER + "monitoring: {tolerance: 5}\n"))
    write_csv(tmp_path / "actuals", "m.csv", ACTUALS)
    result = monitor(plan, load_actuals(tmp_path / "actuals", plan), 2025, JUNE)
    assert result.checks[1].status is Progress.CRITICAL  # 6,37% short: beyond 5%


def run(*args: str):
    return runner.invoke(app, list(args), env={"COLUMNS": "200", "NO_COLOR": "1"})


def test_monitor_2025_at_30_june_on_the_shipped_data(repo_root: Path) -> None:
    result = run("monitor", "2025", "--at", "2025-06-30")
    assert result.exit_code == 1, result.output
    assert result.stdout.strip().splitlines()[-1] == (
        "Monitoraggio al 30/06/2025 (49,59% dell'anno trascorso): in linea 5, a rischio 2, "
        "critico 2, in corso 2, non rilevabile 46, eliminato 1"
    )
    row = next(line for line in result.stdout.splitlines() if line.startswith("│ 1.4 "))
    cells = [c.strip() for c in row.split("│")[1:-1]]
    assert [cells[0], *cells[2:]] == ["1.4", "13", "6", "30/06/2025", "12,099", "A rischio"]
    assert run("monitor", "2025", "--at", "30/06/2025", "--fail-on", "never").exit_code == 0
    assert run("monitor", "2025", "--at", "30/06/2025", "--area", "2").exit_code == 0


def test_monitor_json(repo_root: Path) -> None:
    data = json.loads(run("monitor", "2025", "--at", "2025-06-30", "-f", "json").stdout)
    assert (data["at"], data["elapsed"], data["tolerance"]) == ("2025-06-30", 49.589041, 10)
    found = {i["id"]: i for i in data["indicators"]}
    assert {k: found["1.5"][k] for k in ("actual", "projection", "projected", "status", "gap")} == {
        "actual": 250,
        "projection": "pro-rata",
        "projected": 504.143646,
        "status": "critical",
        "gap": 27.979479,
    }
    assert found["1.5"]["sources"] == [
        {"key": "1.5", "file": "actuals/monitoraggio-2025.csv", "row": 5}
    ]


def test_the_monitoring_report(repo_root: Path, tmp_path: Path) -> None:
    md = run("monitor", "2025", "--at", "2025-06-30", "-f", "markdown").stdout
    assert md.startswith("# Monitoraggio al 30/06/2025 · 2025\n")
    assert "## Da attenzionare" in md
    assert (
        "| 9.5 | Tempo medio di lavorazione delle pratiche RI | 5 | 6,2 | 30/06/2025 | così com'è "
        "|  | Critico | -24,00% |  |"
    ) in md
    html = run("monitor", "2025", "--at", "2025-06-30", "-o", "-", "-f", "html").stdout
    assert "<h1>Monitoraggio al 30/06/2025 · 2025</h1>" in html
    assert "<td>A rischio</td>" in html
    for name in ("m.html", "m.md", "m.csv", "m.json"):
        result = run("monitor", "2025", "--at", "2025-06-30", "-o", str(tmp_path / name))
        assert result.exit_code == 1 and (tmp_path / name).stat().st_size > 1000


def test_a_date_before_the_year_is_bad_usage(repo_root: Path) -> None:
    result = run("monitor", "2025", "--at", "2024-12-31")
    assert result.exit_code == 2
    assert result.stderr == "cruscotto: --at 2024-12-31 is before 2025: monitor a day of the year\n"
    result = run("monitor", "2025", "--at", "giugno")
    assert result.exit_code == 2
    assert result.stderr == (
        'cruscotto: --at "giugno": expected a date as YYYY-MM-DD or DD/MM/YYYY\n'
    )


RATIOS = """\
id: "1"
title: Area
indicators:
  - {id: "1.1", name: Eventi, owner: staff, unit: n., direction: higher, targets: {2025: "140"}}
  - {id: "1.2", name: Quota sulle attive rispetto al 2024, owner: staff, unit: rapporto,
     formula: (aderenti / attive) / (prev(aderenti) / prev(attive)), targets: {2025: "> 1"}}
"""
RATIO_ACTUALS = """\
indicatore;anno;valore;data
1.1;2025;70;30/06/2025
aderenti;2024;100;
attive;2024;1000;
aderenti;2025;60;30/06/2025
attive;2025;500;30/06/2025
"""


def test_a_count_is_projected_from_the_day_it_was_measured(tmp_path: Path) -> None:
    plan = load_plan(write_plan(tmp_path / "plan", RATIOS))
    write_csv(tmp_path / "actuals", "m.csv", RATIO_ACTUALS)
    actuals = load_actuals(tmp_path / "actuals", plan)
    for at in (dt.date(2025, 8, 31), dt.date(2025, 12, 31), dt.date(2026, 1, 15)):
        first = monitor(plan, actuals, 2025, at).checks[0]
        # 70 on 30/06 is 70 × 365 / 181 = 141,16 whenever it is looked at, not 70 / (243 / 365)
        # = 105,14 on 31/08 nor 70 at the year's end: no later value has come.
        assert (first.measured, round(first.projected, 3), first.status) == (  # type: ignore[arg-type]
            JUNE,
            Decimal("141.160"),
            Progress.ON_TRACK,
        )


def test_a_ratio_of_this_years_counts_is_not_pro_rata(tmp_path: Path) -> None:
    plan = load_plan(write_plan(tmp_path / "plan", RATIOS))
    write_csv(tmp_path / "actuals", "m.csv", RATIO_ACTUALS)
    ratio = monitor(plan, load_actuals(tmp_path / "actuals", plan), 2025, JUNE).checks[1]
    # (60 / 500) / (100 / 1000) = 1,2 > 1 as it is; pro rata it would read 2,42.
    assert (ratio.projection, ratio.projected, ratio.status) == (
        Projection.AS_IS,
        Decimal("1.2"),
        Progress.ON_TRACK,
    )


LEVELS = """\
id: "1"
title: Area
indicators:
  - {id: "1.1", name: Soddisfazione, owner: staff, unit: punteggio,
     formula: aderenti / attive, targets: {2025: "> medio"}}
  - {id: "1.2", name: Quota, owner: staff, unit: "%", formula: aderenti / attive * 100,
     targets: {2025: "≥ 10%"}}
"""


@pytest.mark.parametrize("format", ["table", "json", "csv", "markdown", "html"])
def test_a_value_that_cannot_be_judged_is_not_measurable_in_every_format(
    tmp_path: Path, format: str
) -> None:
    from tests.conftest import HEADER

    scale = HEADER.replace("{level: basso}", "{level: basso, from: 1}")  # a 1-5 score
    folder = write_plan(tmp_path / "plan", LEVELS, scale)
    rows = "aderenti;2025;1;31/03/2025\nattive;2025;4;31/03/2025\nattive;2025;0;30/06/2025\n"
    actuals = write_csv(tmp_path / "actuals", "m.csv", "indicatore;anno;valore;data\n" + rows)
    common = ["--plan", str(folder), "--actuals", str(actuals.parent), "-f", format]
    found = {}
    for at in ("2025-01-31", "2025-03-31", "2025-06-30"):
        # 1 / 4 = 0,25 is below the scale's lowest level: no level to compare (it was exit 3).
        result = run("monitor", "2025", "--at", at, *common)
        assert result.exit_code == 0, result.output
        if format == "json":
            found[at] = {c["id"]: c for c in json.loads(result.stdout)["indicators"]}
    if format != "json":
        return
    assert (found["2025-03-31"]["1.1"]["status"], found["2025-03-31"]["1.1"]["reason_code"]) == (
        "not_measurable",
        "not_a_level",
    )
    # In the plan's language, measures named by their names, as evaluate words them.
    assert found["2025-01-31"]["1.2"]["reason"] == (
        "nessun valore di N. imprese aderenti (aderenti), N. imprese attive (attive) "
        "entro il 31/01/2025"
    )
    assert found["2025-06-30"]["1.2"]["reason"] == (
        "divisione per zero: N. imprese attive (attive) vale 0"
    )
    assert found["2025-06-30"]["1.2"]["reason_code"] == "division_by_zero"


def test_the_reports_note_breaks_a_measures_id_rather_than_leave_the_page(repo_root: Path) -> None:
    from cruscotto_cli.report.css import CSS

    page = run("monitor", "2025", "--at", "2025-06-30", "-f", "html").stdout
    # "servizi_full_digital," has no space to wrap at: unbroken, print cut the column off.
    assert '<td class="wrap">nessun valore di N. servizi interamente online' in page
    assert "td.wrap { overflow-wrap: anywhere; min-width: 10em; }" in CSS


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (("monitor", "2025", "--at", ""), "--at"),
        (("evaluate", "2024", "--date", ""), "--date"),
        (("template", "2025", "--deadline", ""), "--deadline"),
    ],
)
def test_an_empty_date_is_refused_not_taken_for_today(
    repo_root: Path, args: tuple[str, ...], option: str
) -> None:
    """A script's unset variable (`--at "$DAY"`) must not silently mean the run's date."""
    result = run(*args)
    assert result.exit_code == 2
    assert result.stderr == f'cruscotto: {option} "": expected a date as YYYY-MM-DD or DD/MM/YYYY\n'
