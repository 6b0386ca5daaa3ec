"""Workbooks in actuals/: the template filled as an office would, read back with typed cells."""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.chart import BarChart
from typer.testing import CliRunner

from cruscotto_cli.cli.app import app

runner = CliRunner()
SHEET = "Raccolta 2025"


def run(*args: str):
    return runner.invoke(app, list(args), env={"COLUMNS": "200", "NO_COLOR": "1"})


def cached(path: Path, cell: str, value: str) -> None:
    """Give a formula cell the value Excel would have computed and saved beside it."""
    with zipfile.ZipFile(path) as source:
        items = {i.filename: source.read(i) for i in source.infolist()}
    xml = items["xl/worksheets/sheet1.xml"].decode()
    # `<v/>` from openpyxl's own writer, `<v></v>` when it writes through lxml
    empty = r"(?:<v\s*/>|<v></v>)"
    xml, count = re.subn(rf'(<c r="{cell}"[^>]*>(<f>[^<]*</f>)){empty}', rf"\1<v>{value}</v>", xml)
    assert count == 1
    items["xl/worksheets/sheet1.xml"] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in items.items():
            target.writestr(name, data)


@pytest.fixture
def actuals(repo_root: Path, tmp_path: Path) -> Path:
    """The shipped actuals, and the S. Staff's 2025 workbook as the template wrote it."""
    folder = tmp_path / "actuals"
    shutil.copytree(repo_root / "actuals", folder)
    assert (
        run("template", "2025", "--owner", "staff", "-o", str(tmp_path / "staff.xlsx")).exit_code
        == 0
    )
    return folder


def fill(
    template: Path, target: Path, cells: dict[str, object], percent: tuple[str, ...] = ()
) -> None:
    book = load_workbook(template)
    for ref, value in cells.items():
        book[SHEET][ref] = value
    for ref in percent:
        book[SHEET][ref].number_format = "0%"
    book.save(target)


def indicators(result) -> dict[str, object]:
    data = json.loads(result.stdout)
    return {i["id"]: i["actual"] for a in data["areas"] for i in a["indicators"]}


def test_a_filled_template_round_trips_to_the_evaluation(actuals: Path, tmp_path: Path) -> None:
    keys = [c.value for c in load_workbook(tmp_path / "staff.xlsx")[SHEET]["A"][5:]]
    assert keys == [
        "livello_benessere",
        "4.1",
        "8.1",
        "8.3",
        "9.9",
        "10.1",
        "azioni_infrastrutture_realizzate",
        "azioni_infrastrutture_effettive",
        "obiettivi_modificati",
        "obiettivi_programmati",
        "dipendenti_lavoro_agile",
        "dipendenti_totali",
        "ore_medie_formazione",
        "livello_benessere",
    ]
    office = {
        "I6": 3.6,
        "I7": 1,
        "J7": "Due tavoli rinviati al 2026",
        "I8": 0,
        "I9": 0.96,
        "I10": "alto",
        "I11": "sì",
        "I12": 19,
        "I13": 20,
        "I14": "=2+2",
        "I15": 30,
        "I16": 25,
        "I17": 80,
        "I18": 26.5,
        "I19": 3.7,
    }
    target = actuals / "staff-2025.xlsx"
    fill(tmp_path / "staff.xlsx", target, office)
    cached(target, "I14", "4")
    args = ("--actuals", str(actuals), "--date", "2026-03-01", "--owner", "staff")
    result = run("evaluate", "2025", "--format", "json", *args)
    assert result.exit_code == 1, result.output
    assert indicators(result) == {
        "4.1": 1.0,
        "4.2": 95.0,
        "8.1": 0.0,
        "8.3": 96.0,
        "9.8": 13.333333,
        "9.9": "alto",
        "10.1": True,
        "10.2": 31.25,
        "12.1": 1.019231,
        "12.2": 1.027778,
    }
    first = json.loads(result.stdout)["areas"][0]["indicators"][0]
    assert (first["id"], first["sources"][0]["file"], first["sources"][0]["row"]) == (
        "4.1",
        f"{target}[{SHEET}]",
        7,
    )
    assert (first["status"], first["explanation"]) == ("not_met", "Due tavoli rinviati al 2026")


def test_wrong_cells_are_refused_with_their_place(actuals: Path, tmp_path: Path) -> None:
    target = actuals / "staff-2025.xlsx"
    office = {"I7": "tre", "I10": "altissimo", "I14": "=A1*2", "I15": "30"}
    fill(tmp_path / "staff.xlsx", target, office)
    result = run("validate", "--actuals", str(actuals))
    assert result.exit_code == 1
    book = f"{target}[{SHEET}]"
    assert result.stdout.splitlines()[:-1] == [
        f"{book}!I14: a formula without a computed value (the file was saved by a program that does not compute formulas): open and save {book}!I14 in Excel or LibreOffice, or type the value [xlsx-formula]",
        f'{book}!I7: value "tre" for 4.1: a text cell, not a number in "n.": type the number in the cell as a number (not as text, without a leading apostrophe) [xlsx-kind]',
        f'{book}!I10: value "altissimo" for 9.9: expected a level of the scale (basso, medio, alto) or a score; did you mean "alto"? [csv-kind]',
        f'{book}!I15: value "30" for obiettivi_programmati: a text cell, not a number in "n.": type the number in the cell as a number (not as text, without a leading apostrophe) [xlsx-kind]',
    ]


def test_a_value_given_in_a_workbook_and_a_csv_names_both(actuals: Path, tmp_path: Path) -> None:
    target = actuals / "staff-2025.xlsx"
    fill(tmp_path / "staff.xlsx", target, {"I7": 3})
    (actuals / "zz-staff.csv").write_text("indicatore;anno;valore\n4.1;2025;4\n", encoding="utf-8")
    result = run("validate", "--actuals", str(actuals))
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == (
        f'{actuals}/zz-staff.csv:2:1: 4.1 for 2025 is given twice: "4" here and "3" at '
        f"{target}[{SHEET}]!A7; give each value once [csv-duplicate]"
    )


def test_another_shape_is_read_by_its_header(repo_root: Path, tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "Dati"
    sheet.append(["Valori dell'ufficio"])
    sheet.append(["Indicatore", "Anno", "Valore", "Fonte"])
    sheet.append(["4.1", 2025, 3, "delibera"])
    sheet.append(["8.3", "2025", 0.931, None])
    sheet["C4"].number_format = "0.0%"
    sheet.append([None, None, None])
    book.create_sheet("Foglio2")  # empty: nothing to read, nothing to say
    (tmp_path / "actuals").mkdir()
    book.save(tmp_path / "actuals" / "ufficio.xlsx")
    args = (
        "--actuals",
        str(tmp_path / "actuals"),
        "--date",
        "2026-03-01",
        "--area",
        "4",
        "--area",
        "8",
    )
    values = indicators(run("evaluate", "2025", "--format", "json", *args))
    assert (values["4.1"], values["8.3"]) == (3.0, 93.1)


def test_a_sheet_without_the_known_columns_is_refused_saying_what_was_expected(
    repo_root: Path, tmp_path: Path
) -> None:
    book = Workbook()
    book.active.title = "Dati"
    book.active.append(["codice", "periodo", "importo"])
    book.active.append(["4.1", 2025, 3])
    (tmp_path / "actuals").mkdir()
    book.save(tmp_path / "actuals" / "ufficio.xlsx")
    result = run("validate", "--actuals", str(tmp_path / "actuals"))
    assert (result.exit_code, result.stdout.splitlines()[0]) == (
        1,
        f'{tmp_path}/actuals/ufficio.xlsx[Dati]!A1: no header row: expected, in the first 10 rows, a row naming at least the columns "indicatore" (or "misura", "chiave", "indicator", "measure", "key"), "anno" (or "year"), "valore" (or "value"); accepted columns: indicatore/misura/chiave, anno, valore, motivazione, data/periodo, fonte, nota, nome, ufficio, unità, area, target, valore anno precedente, stato, or in English indicator/measure/key, year, value, reason, date/period, source, note, name, office/owner, unit, area, target, previous year value, status [xlsx-header]',
    )


def test_a_key_excel_turned_into_a_number_is_refused(repo_root: Path, tmp_path: Path) -> None:
    book = Workbook()
    book.active.append(["indicatore", "anno", "valore"])
    book.active.append([9.1, 2025, 3])
    (tmp_path / "actuals").mkdir()
    book.save(tmp_path / "actuals" / "u.xlsx")
    result = run("validate", "--actuals", str(tmp_path / "actuals"))
    assert result.stdout.splitlines()[0] == (
        f"{tmp_path}/actuals/u.xlsx[Sheet]!A2: the key is the number 9,1: Excel turns an id such as 9.10 into 9,1; "
        "format the column as text and write the indicator id or the measure name [xlsx-key]"
    )


def test_a_damaged_workbook_is_named(repo_root: Path, tmp_path: Path) -> None:
    (tmp_path / "actuals").mkdir()
    (tmp_path / "actuals" / "rotto.xlsx").write_bytes(b"PK\x03\x04 not really")
    result = run("validate", "--actuals", str(tmp_path / "actuals"))
    assert result.stdout.splitlines()[0] == (
        f"{tmp_path}/actuals/rotto.xlsx: not a readable .xlsx workbook (a damaged file, or one protected by "
        "a password to open?); save it again from Excel as .xlsx or as CSV (BadZipFile) [xlsx-file]"
    )


def test_without_openpyxl_the_workbooks_are_named(
    actuals: Path, tmp_path: Path, monkeypatch
) -> None:
    shutil.copy(tmp_path / "staff.xlsx", actuals / "staff-2025.xlsx")
    shutil.copy(tmp_path / "staff.xlsx", actuals / "altro.xlsx")
    monkeypatch.setitem(__import__("sys").modules, "openpyxl", None)
    result = run("evaluate", "2025", "--actuals", str(actuals))
    assert (result.exit_code, result.stderr.splitlines()) == (
        2,
        [
            f"{actuals}/altro.xlsx: a workbook: reading .xlsx needs openpyxl: pip install 'cruscotto[xlsx]' (or save it as CSV) [xlsx-file]",
            f"{actuals}/staff-2025.xlsx: a workbook: reading .xlsx needs openpyxl: pip install 'cruscotto[xlsx]' (or save it as CSV) [xlsx-file]",
            "cruscotto: 2 problems; nothing was evaluated",
        ],
    )


def test_the_shipped_actuals_need_no_openpyxl(repo_root: Path, monkeypatch) -> None:
    monkeypatch.setitem(__import__("sys").modules, "openpyxl", None)
    result = run("evaluate", "2024")
    assert (result.exit_code, result.stderr) == (1, "")


def _sheet_xml(path: Path, edit) -> None:
    """Rewrite the first sheet's XML of a saved workbook, as another program might have saved it."""
    with zipfile.ZipFile(path) as source:
        items = {i.filename: source.read(i) for i in source.infolist()}
    items["xl/worksheets/sheet1.xml"] = edit(items["xl/worksheets/sheet1.xml"].decode()).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in items.items():
            target.writestr(name, data)


def _book(tmp_path: Path, *rows: list[object]) -> Path:
    book = Workbook()
    book.active.title = "Dati"
    for row in (["indicatore", "anno", "valore"], *rows):
        book.active.append(row)
    (tmp_path / "actuals").mkdir()
    book.save(tmp_path / "actuals" / "u.xlsx")
    return tmp_path / "actuals" / "u.xlsx"


def test_rows_beyond_a_stale_dimension_are_read(tmp_path: Path) -> None:
    # Some programs save a sheet's size (its <dimension>) smaller than its cells: reading by it
    # would drop row 3 without a word.
    path = _book(tmp_path, ["4.1", 2025, 3], ["8.3", 2025, 0.5])
    _sheet_xml(
        path, lambda xml: re.sub(r'<dimension ref="[^"]*"\s*/>', '<dimension ref="A1:C2"/>', xml)
    )
    result = run("validate", "--actuals", str(tmp_path / "actuals"))
    assert (result.exit_code, result.stdout.splitlines()[0]) == (
        1,
        f'{path}[Dati]!C3: value "0,5" for 8.3: a per cent value of 1 or less where every target '
        "is 90% or more: a fraction? write 50 or 50% for fifty per cent; write 0,5% if you mean it "
        "[csv-implausible]",
    )


def test_a_chart_sheet_holds_nothing_to_read(tmp_path: Path) -> None:
    path = _book(tmp_path, ["4.1", 2025, 3])
    book = load_workbook(path)
    book.create_chartsheet("Grafico").add_chart(BarChart())
    book.save(path)
    result = run("validate", "--actuals", str(tmp_path / "actuals"))
    assert (result.exit_code, f"{tmp_path}/actuals/ (1 value)" in result.stdout) == (0, True)


def test_a_number_cell_that_openpyxl_cannot_parse_names_the_workbook(tmp_path: Path) -> None:
    path = _book(tmp_path, ["4.1", 2025, 3])
    _sheet_xml(path, lambda xml: xml.replace("<v>3</v>", "<v>NaN</v>"))
    result = run("validate", "--actuals", str(tmp_path / "actuals"))
    assert (result.exit_code, result.stdout.splitlines()[0]) == (
        1,
        f"{path}: not a readable .xlsx workbook (a damaged file, or one protected by a password to "
        "open?); save it again from Excel as .xlsx or as CSV (ValueError) [xlsx-file]",
    )


@pytest.mark.parametrize("number_format", ['0.0"%"', "0.0\\%", '0.0" %"'])
def test_a_percent_sign_written_as_text_in_the_format_is_not_a_percentage(
    tmp_path: Path, number_format: str
) -> None:
    # Excel shows 93,1 with such a format as "93,1%": the cell holds the points, not a fraction.
    path = _book(tmp_path, ["8.3", 2025, 93.1])
    book = load_workbook(path)
    book["Dati"]["C2"].number_format = number_format
    book.save(path)
    args = ("--actuals", str(tmp_path / "actuals"), "--area", "8", "--format", "json")
    assert indicators(run("evaluate", "2025", *args))["8.3"] == 93.1


def test_an_infinite_number_cell_is_refused_with_its_place(tmp_path: Path) -> None:
    path = _book(tmp_path, ["4.1", 2025, 3])
    _sheet_xml(path, lambda xml: xml.replace("<v>3</v>", "<v>1E+400</v>"))
    result = run("validate", "--actuals", str(tmp_path / "actuals"))
    assert (result.exit_code, result.stdout.splitlines()[0]) == (
        1,
        f"{path}[Dati]!C2: a number beyond what Excel can hold (the file says infinity): type the "
        f"value in {path}[Dati]!C2 [xlsx-number]",
    )


def test_a_number_of_more_than_30_digits_is_refused_in_workbooks_and_csv(tmp_path: Path) -> None:
    path = _book(tmp_path, ["4.1", 2025, 1e40])
    (tmp_path / "actuals" / "v.csv").write_text(
        "indicatore;anno;valore\n8.3;2025;0," + "0" * 40 + "1%\n", encoding="utf-8"
    )
    result = run("validate", "--actuals", str(tmp_path / "actuals"))
    assert (result.exit_code, result.stdout.splitlines()[:2]) == (
        1,
        [
            f'{path}[Dati]!C2: value "1000000000000000000000000000000000000000..." (41 '
            "characters) for 4.1: 41 digits; the limit is 30 [csv-number]",
            f'{tmp_path}/actuals/v.csv:2:3: value "0,00000000000000000000000000000000000000..." '
            "(44 characters) for 8.3: 42 digits; the limit is 30 [csv-number]",
        ],
    )


def test_a_date_time_or_true_value_cell_and_a_merged_year_are_named_for_what_they_are(
    repo_root: Path, tmp_path: Path
) -> None:
    import datetime as dt

    book = Workbook()
    sheet = book.active
    sheet.append(["indicatore", "anno", "valore"])
    sheet.append(["4.1", 2025, dt.datetime(2025, 3, 1)])
    sheet.append(["8.1", 2025, dt.time(10, 30)])
    sheet.append(["4.1", 2024, True])
    sheet.append(["8.3", 2025, 93])
    sheet.append(["8.1", None, 0])
    sheet.merge_cells("B5:B6")
    (tmp_path / "actuals").mkdir()
    book.save(tmp_path / "actuals" / "u.xlsx")
    result = run("validate", "--actuals", str(tmp_path / "actuals"))
    place = f"{tmp_path}/actuals/u.xlsx[Sheet]!"
    again = "format the cell as a number and type the value again [xlsx-kind]"
    assert result.exit_code == 1
    assert result.stdout.splitlines()[:4] == [
        f'{place}C2: value "2025-03-01T00:00:00" for 4.1: a date cell, not a number in "n.": {again}',
        f'{place}C3: value "10:30:00" for 8.1: a time cell, not a number in "n.": {again}',
        f'{place}C4: value "sì" for 4.1: a yes/no (TRUE/FALSE) cell, not a number in "n.": {again}',
        f"{place}B6: year: the cell is empty or merged with another; write the year in each row, "
        "from 2021 to 2026 (2021 for the previous-year values) [csv-year]",
    ]


def test_an_empty_year_in_a_csv_is_called_empty(repo_root: Path, tmp_path: Path) -> None:
    (tmp_path / "actuals").mkdir()
    (tmp_path / "actuals" / "u.csv").write_text("indicatore;anno;valore\n4.1;;3\n", "utf-8")
    result = run("validate", "--actuals", str(tmp_path / "actuals"))
    assert result.stdout.splitlines()[0] == (
        f"{tmp_path}/actuals/u.csv:2:2: year: the cell is empty; write the year in each row, "
        "from 2021 to 2026 (2021 for the previous-year values) [csv-year]"
    )
