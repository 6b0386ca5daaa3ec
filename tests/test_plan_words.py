"""Words of the plan's language: reasons in Italian for an Italian plan, measures by their names,
bands on roll-ups only, and a filtered total that says its scope."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cruscotto_cli.cli.app import app
from tests.conftest import HEADER, write_csv, write_plan

AREA = """\
    id: "1"
    title: Prova
    indicators:
      - id: "1.1"
        name: Adesione
        owner: staff
        unit: "%"
        formula: aderenti / attive * 100
        targets: {2024: "≥ 10%"}
      - id: "1.2"
        name: Accessi anno x / anno x-1
        owner: segreteria
        unit: n.
        formula: accessi / prev(accessi)
        targets: {2024: "> 1"}
      - id: "1.3"
        name: Eventi
        owner: staff
        unit: n.
        direction: higher
        targets: {2024: "10"}
      - id: "1.4"
        name: Quota
        owner: staff
        unit: "%"
        formula: aderenti / attive * 100
        targets: {2023: "≥ 10%"}
"""
ACTUALS = (
    "indicatore;anno;valore\nattive;2024;100\naccessi;2024;120\nattive;2023;0\naderenti;2023;4\n"
)
ITALIAN = {
    "1.1": "nessun valore di N. imprese aderenti (aderenti) per il 2024",
    "1.2": "nessun valore di N. accessi (accessi) per il 2023 (l'anno precedente)",
    "1.3": "nessun valore nei dati rilevati",
}
ENGLISH = {
    "1.1": "no value of N. imprese aderenti (aderenti) for 2024",
    "1.2": "no value of N. accessi (accessi) for 2023 (the previous year)",
    "1.3": "no value in the actuals",
}
CODES = {"1.1": "no_measures", "1.2": "no_previous", "1.3": "no_value"}


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    plan = write_plan(tmp_path / "plan", AREA)
    return plan, write_csv(tmp_path / "actuals", "dati.csv", ACTUALS).parent


def run(folders: tuple[Path, Path], *args: str, columns: int = 200):
    plan, actuals = folders
    where = ["--plan", str(plan), "--actuals", str(actuals)]
    env = {"COLUMNS": str(columns), "NO_COLOR": "1"}
    return CliRunner().invoke(app, [*args, *where], env=env)


def _flat(text: str) -> str:
    return " ".join("".join(c if c.isalnum() or c in "().,'_%" else " " for c in text).split())


@pytest.mark.parametrize("columns", [80, 160])
def test_the_table_gives_reasons_in_the_plans_language(folders, columns: int) -> None:
    result = run(folders, "evaluate", "2024", columns=columns)
    assert result.exit_code == 1, result.output
    for reason in ITALIAN.values():
        assert _flat(reason) in _flat(result.stdout)
    assert "no value" not in result.stdout


def test_csv_json_and_report_give_the_same_italian_reasons(folders, tmp_path: Path) -> None:
    rows = run(folders, "evaluate", "2024", "-f", "csv").stdout.splitlines()
    notes = {row.split(";")[1].strip('"=').strip('"'): row.split(";")[-2] for row in rows[1:]}
    assert {k: notes[k] for k in ITALIAN} == ITALIAN
    data = json.loads(run(folders, "evaluate", "2024", "-f", "json").stdout)
    outcomes = {o["id"]: o for o in data["areas"][0]["indicators"]}
    assert {k: outcomes[k]["reason"] for k in ITALIAN} == ITALIAN
    assert {k: outcomes[k]["reason_code"] for k in CODES} == CODES
    report = tmp_path / "r.md"
    assert run(folders, "report", "2024", "-o", str(report)).exit_code == 0
    text = report.read_text(encoding="utf-8")
    assert all(f"_{reason}_" in text for reason in ITALIAN.values())


def test_a_division_by_zero_names_the_measure(folders) -> None:
    data = json.loads(run(folders, "evaluate", "2023", "-f", "json").stdout)
    quota = next(o for o in data["areas"][0]["indicators"] if o["id"] == "1.4")
    assert (quota["status"], quota["reason"], quota["reason_code"]) == (
        "invalid",
        "divisione per zero: N. imprese attive (attive) vale 0",
        "division_by_zero",
    )


def test_an_english_plan_gets_english_reasons(tmp_path: Path) -> None:
    plan = write_plan(tmp_path / "plan", AREA, HEADER.replace("language: it", "language: en"))
    actuals = write_csv(tmp_path / "actuals", "dati.csv", ACTUALS).parent
    data = json.loads(run((plan, actuals), "evaluate", "2024", "-f", "json").stdout)
    outcomes = {o["id"]: o for o in data["areas"][0]["indicators"]}
    assert {k: outcomes[k]["reason"] for k in ENGLISH} == ENGLISH


def test_bands_label_roll_ups_only(repo_root: Path, tmp_path: Path) -> None:
    """An indicator's own verdict ("Non raggiunto") never sits beside a band ("Parzialmente
    raggiunto") that would read as a second verdict: the band is the area's and the total's."""
    csv = CliRunner().invoke(app, ["evaluate", "2024", "-f", "csv"]).stdout
    header, first = csv.splitlines()[0], csv.splitlines()[2]
    assert (
        header == "\ufeffArea;ID;Indicatore;Owner;Unità;Target;Valore;Stato;Grado;Nota;Motivazione"
    )
    assert ";≥ 74%;73,97%;Non raggiunto;99,96%;;" in first
    data = json.loads(CliRunner().invoke(app, ["evaluate", "2024", "-f", "json"]).stdout)
    assert data["schema_version"] == 2
    assert all("band" not in o for a in data["areas"] for o in a["indicators"])
    assert data["areas"][0]["band"] == "Parzialmente raggiunto"
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "r.xlsx"
    assert CliRunner().invoke(app, ["report", "2024", "-o", str(out)]).exit_code == 0
    header_row = [c.value for c in openpyxl.load_workbook(out)["Indicatori"][1]]
    assert "Fascia" not in header_row


SCOPED = "Complessivo (aree 4, 12)"


def test_a_filtered_total_says_its_scope(repo_root: Path, tmp_path: Path) -> None:
    def invoke(*args: str) -> str:
        return CliRunner().invoke(app, [*args], env={"COLUMNS": "200"}).stdout

    filters = ["--area", "4", "--area", "12"]
    last = invoke("evaluate", "2024", *filters).splitlines()[-1]
    assert last == (
        f"{SCOPED} 2024: 75,00% Non raggiunto (raggiunto 3, dato mancante 1); "
        "2023: 100,00%, Δ -25,00 punti"
    )
    markdown = invoke("evaluate", "2024", *filters, "-f", "markdown").splitlines()[2]
    assert markdown == f"**{SCOPED}: 75,00%** Non raggiunto (raggiunto 3, dato mancante 1)"
    report = invoke("report", "2024", *filters, "-o", "-", "-f", "markdown")
    assert f"**{SCOPED}: 75,00%** Non raggiunto" in report.splitlines()
    html = invoke("report", "2024", *filters, "-o", "-", "-f", "html")
    assert f'<div class="score"><div>{SCOPED}</div>' in html
    office = invoke("evaluate", "2024", "--owner", "staff").splitlines()[-1]
    assert office.startswith("Complessivo (ufficio S. Staff) 2024: ")
    whole = invoke("evaluate", "2024").splitlines()[-1]
    assert whole.startswith("Complessivo 2024: ")
