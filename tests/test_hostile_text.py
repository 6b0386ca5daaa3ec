"""Text from plan and office files never becomes a spreadsheet formula, a link, HTML or an escape."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from cruscotto_cli.actuals.excel import excel_text, neutral
from cruscotto_cli.cli.app import app
from tests.conftest import write_csv, write_plan

runner = CliRunner()
LINK = '=HYPERLINK("http://evil.example/x","Clicca")'
OFFICE = "@SUM(1+1)*cmd|' /C calc'!A0"
SOURCE = '=HYPERLINK("http://evil.example","fonte")'
NOTE = "+cmd|' /C calc'!A0"
HEADER = f"""\
title: Piano di prova
period: {{first: 2022, last: 2026}}
language: it
bands:
  - {{from: 100, label: Raggiunto}}
  - {{from: 0, label: Non raggiunto}}
offices:
  - {{id: staff, name: "{OFFICE}"}}
"""
AREA = f"""\
id: "1"
title: "Area [clicca](javascript:alert(1)) <img src=http://evil.example/x.png>"
indicators:
  - id: "1.1"
    name: '{LINK}'
    owner: staff
    unit: "%"
    direction: lower
    targets:
      2024: "-10,10%"
"""


def run(*args: str) -> Result:
    return runner.invoke(app, list(args), env={"COLUMNS": "200", "NO_COLOR": "1"})


@pytest.fixture
def hostile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A plan and an office's CSV whose texts are formulas, links and HTML."""
    write_plan(tmp_path / "plan", AREA, HEADER)
    write_csv(
        tmp_path / "actuals",
        "dati.csv",
        f"indicatore;anno;valore;fonte;nota\n1.1;2024;-5;{SOURCE};{NOTE}\n",
    )
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("＝1+1", "'＝1+1"),
        ("-10,10%", "-10,10%"),  # a lone number is a constant, not a formula
        ("-1.234,5", "-1.234,5"),
        ("+5", "+5"),
        ("Servizi - rif. Pareto", "Servizi - rif. Pareto"),
        (-3, -3),
    ],
)
def test_a_cell_a_spreadsheet_would_run_is_neutralised(cell: object, written: object) -> None:
    assert neutral(cell) == written


def test_the_tools_own_id_formulas_stay(hostile: Path) -> None:
    assert neutral(excel_text("9.10")) == '="9.10"'
    assert excel_text('1"&HYPERLINK("x")&"') == '1"&HYPERLINK("x")&"'  # not a plain id: not wrapped
    assert neutral(excel_text('1"&HYPERLINK("x")&"')) == '1"&HYPERLINK("x")&"'


def test_evaluate_csv_neutralises_plan_text(hostile: Path) -> None:
    result = run("evaluate", "2024", "--format", "csv")
    assert result.exit_code == 1, result.output
    rows = result.stdout_bytes.decode("utf-8").split("\r\n")
    assert rows[1] == (
        '1;"=""1.1""";"\'=HYPERLINK(""http://evil.example/x"",""Clicca"")";'
        "'@SUM(1+1)*cmd|' /C calc'!A0;%;-10,10%;-5%;Non raggiunto;0,00%;Non raggiunto;;"
    )


def test_template_neutralises_plan_text(hostile: Path) -> None:
    result = run("template", "2024")
    assert result.exit_code == 0, result.output
    rows = result.stdout_bytes.decode("utf-8").split("\r\n")
    assert (
        rows[1]
        == '"=""1.1""";2024;;;1;"\'=HYPERLINK(""http://evil.example/x"",""Clicca"")";\'@SUM(1+1)*cmd|\' /C calc\'!A0;%;-10,10%;;;'
    )


def test_xlsx_text_cells_are_strings_never_formulas(hostile: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    assert run("report", "2024", "-o", "r.xlsx").exit_code == 0
    book = openpyxl.load_workbook(hostile / "r.xlsx")
    row = [c for c in book["Indicatori"][2]]
    assert (row[2].value, row[2].data_type) == (LINK, "s")
    assert (row[3].value, row[3].data_type) == (OFFICE, "s")
    assert (row[10].value, row[10].data_type) == (SOURCE, "s")
    formulas = [
        c.coordinate for sheet in book for r in sheet.iter_rows() for c in r if c.data_type == "f"
    ]
    assert formulas == []
