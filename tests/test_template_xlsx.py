"""`cruscotto template -o FILE.xlsx`: a workbook an office cannot fill wrongly, the same bytes each time."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from cruscotto_cli.cli.app import app
from tests.conftest import write_plan

runner = CliRunner()


def run(*args: str, env: dict[str, str] | None = None):
    return runner.invoke(app, list(args), env={"COLUMNS": "200", "NO_COLOR": "1", **(env or {})})


@pytest.fixture
def staff(repo_root: Path, tmp_path: Path) -> Path:
    target = tmp_path / "staff.xlsx"
    args = ["template", "2025", "--owner", "staff", "-o", str(target), "--date", "2025-01-10"]
    result = run(*args, "--deadline", "2026-01-31", "--contact", "Ufficio Pianificazione")
    assert (result.exit_code, result.stderr) == (
        0,
        f"cruscotto: wrote {target} (S. Staff, 14 values)\n",
    )
    return target


def test_only_the_cells_an_office_fills_are_open(staff: Path) -> None:
    book = load_workbook(staff)
    assert book.sheetnames == ["Raccolta 2025", "Istruzioni"]
    sheet = book["Raccolta 2025"]
    assert sheet.protection.sheet and sheet.protection.password is None
    assert book["Istruzioni"].protection.sheet
    assert [c.value for c in sheet[1][:1] + sheet[2][:1]] == [
        "Camera di Commercio · Cruscotto strategico 2022-2026",
        "Anno 2025, raccolta dati · S. Staff",
    ]
    assert [c.value for c in sheet[5]] == [
        "chiave",
        "anno",
        "area",
        "nome",
        "ufficio",
        "unità",
        "target",
        "valore anno precedente",
        "valore",
        "motivazione",
        "fonte",
        "nota",
    ]
    row = sheet[9]  # 8.3, a percentage: last year's 95% as the fraction 0,95 shown with "%"
    assert [(c.value, c.protection.locked) for c in row] == [
        ("8.3", True),
        (2025, True),
        ("8", True),
        (
            "Incrementare il grado di trasparenza dell'amministrazione (Indice composto che esprime il livello di trasparenza dell'ente sulla base delle valutazioni dell'OIV)",
            True,
        ),
        ("S. Staff", True),
        ("%", True),
        ("≥ 92%", True),
        (0.95, True),
        (None, False),
        (None, False),
        (None, False),
        (None, False),
    ]
    assert (row[7].number_format, row[8].number_format) == ("0.0%", "0.0%")
    assert sheet.freeze_panes == "B6"


def test_each_value_cell_is_checked_with_italian_messages(staff: Path) -> None:
    sheet = load_workbook(staff)["Raccolta 2025"]
    rules = {
        str(v.sqref): (v.type, v.operator, v.formula1, v.formula2, v.promptTitle, v.prompt, v.error)
        for v in sheet.data_validations.dataValidation
    }
    empty = " Lasciare vuoto se il dato non è ancora disponibile."
    assert rules == {
        "I11": (
            "list",
            None,
            '"sì,no"',
            None,
            "Realizzato nell'anno?",
            "Scegliere sì se l'azione è stata realizzata nell'anno, altrimenti no." + empty,
            "Scegliere sì o no dall'elenco.",
        ),
        "I10": (
            "list",
            None,
            '"basso,medio,alto"',
            None,
            "Livello raggiunto",
            "Scegliere un livello della scala: basso, medio, alto." + empty,
            "Scegliere un livello dall'elenco: basso, medio, alto.",
        ),
        "I7 I8 I12 I13 I14 I15 I16 I17 I18": (
            "decimal",
            "greaterThanOrEqual",
            "0",
            None,
            "Numero",
            "Un numero maggiore o uguale a zero, ad esempio 140." + empty,
            "Inserire un numero maggiore o uguale a zero (cifre, senza testo).",
        ),
        "I9": (
            "decimal",
            "between",
            "0",
            "1",
            "Percentuale",
            "Una percentuale da 0% a 100%: scrivere 94 o 94% per il novantaquattro per cento."
            + empty,
            "Inserire una percentuale da 0% a 100%, ad esempio 94%.",
        ),
        "I6 I19": (
            "decimal",
            "between",
            "-1E+15",
            "1E+15",
            "Numero",
            "Un numero, con la virgola per i decimali, ad esempio 1,45." + empty,
            "Inserire un numero (cifre, senza testo).",
        ),
    }
    assert all(
        v.showErrorMessage and v.showInputMessage for v in sheet.data_validations.dataValidation
    )


def test_instructions_and_metadata(staff: Path) -> None:
    book = load_workbook(staff)
    lines = [row[0].value for row in book["Istruzioni"].iter_rows()]
    assert lines[0] == "Istruzioni per la raccolta 2025"
    assert (
        "Le righe con l'anno precedente servono a calcolare gli indicatori che confrontano "
        "un anno con il precedente (anno x / anno x-1): indicare il valore del 2024."
    ) in lines
    assert lines[-2:] == [
        "Restituire il file compilato entro il 31/01/2026, senza cambiarne il formato (.xlsx).",
        "Per domande: Ufficio Pianificazione.",
    ]
    p = book.properties
    assert (p.title, p.subject, p.creator, p.language, str(p.created), str(p.modified)) == (
        "Raccolta 2025 · S. Staff",
        "Cruscotto strategico 2022-2026",
        "cruscotto 0.1.0",
        "it",
        "2025-01-10 00:00:00",
        "2025-01-10 00:00:00",
    )


def test_the_same_inputs_and_date_give_the_same_bytes(staff: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.xlsx"
    epoch = {"SOURCE_DATE_EPOCH": "1736467200"}  # 2025-01-10 00:00 UTC
    assert run("template", "2025", "--owner", "staff", "-o", str(again), env=epoch).exit_code == 0
    assert staff.read_bytes() != b"" and again.read_bytes() != staff.read_bytes()  # no deadline
    args = ["--deadline", "2026-01-31", "--contact", "Ufficio Pianificazione"]
    assert (
        run(
            "template", "2025", "--owner", "staff", "-o", str(again), "--force", *args, env=epoch
        ).exit_code
        == 0
    )
    assert again.read_bytes() == staff.read_bytes()
    with zipfile.ZipFile(again) as archive:
        assert {i.date_time for i in archive.infolist()} == {(2025, 1, 10, 0, 0, 0)}


def test_a_password_protects_both_sheets(repo_root: Path, tmp_path: Path) -> None:
    target = tmp_path / "staff.xlsx"
    assert (
        run(
            "template", "2025", "--owner", "staff", "-o", str(target), "--password", "segreto"
        ).exit_code
        == 0
    )
    book = load_workbook(target)
    hashes = {book[name].protection.password for name in book.sheetnames}
    assert len(hashes) == 1 and None not in hashes and "segreto" not in hashes


def test_no_text_of_the_plan_becomes_a_formula(tmp_path: Path) -> None:
    plan = write_plan(
        tmp_path / "plan",
        """\
        id: "1"
        title: Area
        indicators:
          - id: "1.1"
            name: '=HYPERLINK("http://example.com","clic")'
            owner: staff
            unit: "=1+1"
            targets: {2025: ">= 1"}
        """,
    )
    target = tmp_path / "t.xlsx"
    (tmp_path / "actuals").mkdir()
    args = ["--plan", str(plan), "--actuals", str(tmp_path / "actuals")]
    result = run("template", "2025", *args, "-o", str(target))
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(target) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and "<f " not in sheet
    sheet = load_workbook(target)["Raccolta 2025"]
    assert [(c.value, c.data_type) for c in (sheet["D6"], sheet["F6"])] == [
        ('=HYPERLINK("http://example.com","clic")', "s"),
        ("=1+1", "s"),
    ]


def test_without_openpyxl_a_workbook_is_refused_clearly(
    repo_root: Path, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    result = run("template", "2025", "-o", str(tmp_path / "t.xlsx"))
    assert (result.exit_code, result.stderr) == (
        2,
        "cruscotto: XLSX needs openpyxl: pip install 'cruscotto[xlsx]'\n",
    )
    assert list(tmp_path.iterdir()) == []


def test_a_reminder_workbook_says_why_each_value_is_owed(repo_root: Path, tmp_path: Path) -> None:
    target = tmp_path / "promemoria.xlsx"
    result = run("template", "2024", "--missing", "--owner", "staff", "-o", str(target))
    assert (result.exit_code, result.stderr) == (
        0,
        f"cruscotto: wrote {target} (S. Staff, 1 value)\n",
    )
    book = load_workbook(target)
    assert book.sheetnames == ["Promemoria 2024", "Istruzioni"]
    sheet = book["Promemoria 2024"]
    assert sheet["A2"].value == "Anno 2024, valori ancora mancanti · S. Staff"
    assert [c.value for c in sheet[5]][-1] == "stato"
    assert [c.value for c in sheet[6]] == [
        "livello_benessere",
        2024,
        "12",
        "Livello di benessere organizzativo",
        "S. Staff",
        "indice",
        "12.2: >1",
        3.52,
        None,
        None,
        None,
        None,
        "mancante",
    ]
