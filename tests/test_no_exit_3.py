"""No exit 3 from any input: what a user can produce is exit 2 with a located message."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cruscotto_cli.cli.app import app
from tests.conftest import PLAN, REPO, write_csv
from tests.test_diff import change_target_1_2, git, make_repo

AREA1 = "01-semplificazione-digitalizzazione.yaml"
runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args), env={"COLUMNS": "200", "NO_COLOR": "1"})


def cli(*args: str, cwd: Path = REPO, **env: str) -> subprocess.CompletedProcess[bytes]:
    """The real CLI in its own process: its streams are the ones the test gives it."""
    environ = {k: v for k, v in os.environ.items() if k != "PYTHONIOENCODING"}
    environ.update({"COLUMNS": "100", "NO_COLOR": "1", "PYTHONPATH": str(REPO), **env})
    command = [sys.executable, "-m", "cruscotto_cli", *args]
    return subprocess.run(command, cwd=cwd, env=environ, capture_output=True, check=False)


def shipped_plan(tmp_path: Path, old: str = "", new: str = "") -> Path:
    """A copy of the shipped plan with one replacement in the first area file."""
    folder = tmp_path / "plan"
    shutil.copytree(PLAN, folder)
    area = folder / AREA1
    text = area.read_text(encoding="utf-8")
    assert old in text
    area.write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


def test_a_500_level_nested_yaml_is_refused_at_its_depth(tmp_path: Path) -> None:
    plan = shipped_plan(tmp_path, "indicators:", "x: " + "[" * 500 + "]" * 500 + "\nindicators:")
    result = run("validate", "--plan", str(plan))
    assert (result.exit_code, result.stdout.splitlines()[0]) == (
        1,
        f"{plan}/{AREA1}:4:24: nested deeper than 20 levels; a plan file needs five [yaml-depth]",
    )
    assert run("evaluate", "2024", "--plan", str(plan)).exit_code == 2


def test_a_500_level_nested_block_mapping_is_refused(tmp_path: Path) -> None:
    nested = "".join(" " * i + "a:\n" for i in range(1, 500)) + " " * 500 + "a: 1\n"
    plan = shipped_plan(tmp_path, "indicators:", "x:\n" + nested + "indicators:")
    result = run("validate", "--plan", str(plan))
    assert result.stdout.splitlines()[0] == (
        f"{plan}/{AREA1}:25:22: nested deeper than 20 levels; a plan file needs five [yaml-depth]"
    )


def test_a_formula_of_2000_terms_is_refused(tmp_path: Path) -> None:
    formula = " + ".join(["servizi_totali"] * 2000)
    plan = shipped_plan(
        tmp_path,
        "formula: servizi_full_digital / servizi_totali * 100",
        f"formula: {formula}",
    )
    result = run("evaluate", "2024", "--plan", str(plan))
    assert (result.exit_code, result.stderr) == (
        2,
        f"{plan}/{AREA1}:20:14: formula has 2000 terms; the limit is 100 [formula-syntax]\n"
        "cruscotto: 1 problem; nothing was evaluated\n",
    )


def test_a_formula_nested_too_deep_is_refused(tmp_path: Path) -> None:
    formula = "-" * 60 + "servizi_totali"
    plan = shipped_plan(
        tmp_path,
        "formula: servizi_full_digital / servizi_totali * 100",
        f'formula: "{formula}"',
    )
    result = run("validate", "--plan", str(plan))
    assert result.stdout.splitlines()[0] == (
        f'{plan}/{AREA1}:20:14: formula "{formula[:60]}...": nested deeper than 50 levels '
        "[formula-syntax]"
    )


def test_a_weight_of_a_million_digits_is_refused(tmp_path: Path) -> None:
    plan = shipped_plan(tmp_path, '    unit: "%"', '    unit: "%"\n    weight: ' + "9" * 1_000_000)
    result = run("evaluate", "2024", "--plan", str(plan))
    assert (result.exit_code, result.stderr) == (
        2,
        f'{plan}/{AREA1}:20:13: "{"9" * 40}..." (1000000 characters) has 1000000 digits; '
        "the limit is 30 [number]\ncruscotto: 1 problem; nothing was evaluated\n",
    )


def test_a_5000_digit_year_in_a_csv_is_refused(tmp_path: Path) -> None:
    actuals = tmp_path / "actuals"
    write_csv(actuals, "x.csv", f"indicatore;anno;valore\n1.1;{'2' * 5000};sì\n")
    result = run("evaluate", "2024", "--plan", str(PLAN), "--actuals", str(actuals))
    assert (result.exit_code, result.stderr) == (
        2,
        f'{actuals}/x.csv:2:2: year "{"2" * 20}..." (5000 characters): expected a year from 2021 '
        "to 2026 (2021 for the previous-year values) [csv-year]\n"
        "cruscotto: 1 problem; nothing was evaluated\n",
    )


def test_a_control_character_in_a_name_is_refused_at_its_place(tmp_path: Path) -> None:
    plan = shipped_plan(tmp_path, 'name: "Azioni', 'name: "Azio\\x01ni')
    result = run("report", "2024", "--plan", str(plan), "-o", str(tmp_path / "r.xlsx"))
    assert (result.exit_code, result.stderr) == (
        2,
        f'{plan}/{AREA1}:6:11: control character U+0001 in "Azio\\x01ni per aumentare la '
        'certezza dei..."; remove it [control-character]\n'
        "cruscotto: 1 problem; nothing was evaluated\n",
    )


def test_a_raw_control_character_is_placed(tmp_path: Path) -> None:
    plan = shipped_plan(tmp_path, 'name: "Azioni', 'name: "Azio\x1b[31mni')
    result = run("validate", "--plan", str(plan))
    assert result.stdout.splitlines()[0] == (
        f"{plan}/{AREA1}:6:16: control character U+001B is not allowed in a plan file; "
        "remove it [control-character]"
    )


def test_a_control_character_in_an_offices_note_is_escaped_in_the_xlsx(
    tmp_path: Path,
) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    actuals = tmp_path / "actuals"
    write_csv(actuals, "x.csv", "indicatore;anno;valore;fonte;nota\n1.1;2024;sì;uff\x01icio;\n")
    out = tmp_path / "r.xlsx"
    result = run("report", "2024", "--plan", str(PLAN), "--actuals", str(actuals), "-o", str(out))
    assert result.exit_code == 0, result.output
    texts = {
        cell
        for sheet in openpyxl.load_workbook(out).worksheets
        for row in sheet.iter_rows(values_only=True)
        for cell in row
        if isinstance(cell, str)
    }
    assert "uff\\x01icio" in texts


@pytest.mark.skipif(sys.platform != "linux", reason="needs a file system that keeps any byte")
def test_a_plan_file_whose_name_is_not_utf8_is_shown_escaped(tmp_path: Path) -> None:
    plan = shipped_plan(tmp_path, 'id: "1.1"', 'id: "1.1"\n    bad: 1')
    os.rename(plan / AREA1, os.fsencode(plan) + b"/01-\xe9.yaml")
    done = cli("validate", "--plan", str(plan), PYTHONIOENCODING="utf-8")
    assert (done.returncode, done.stdout.decode("utf-8").splitlines()[0]) == (
        1,
        f'{plan}/01-\\xe9.yaml:6:5: unknown key "bad"; expected one of: id, name, owner, unit, '
        "direction, symbol, formula, register, weight, projection, targets, tags, source, notes, changes [unknown-key]",
    )
    as_json = cli("validate", "--plan", str(plan), "-f", "json", PYTHONIOENCODING="utf-8")
    problem = json.loads(as_json.stdout)["problems"][0]
    assert problem["path"] == f"{plan}/01-\\xe9.yaml"
    fixed = plan / "01-\udce9.yaml"
    fixed.write_text(fixed.read_text(encoding="utf-8").replace("    bad: 1\n", ""), "utf-8")
    report = tmp_path / "r.md"
    assert cli("report", "2024", "--plan", str(plan), "-o", str(report)).returncode == 0
    assert "01-\\xe9.yaml" in report.read_text(encoding="utf-8")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize(
    "args",
    [["evaluate", "2024"], ["show", "--format", "json"], ["validate"], ["schema"]],
)
def test_stdout_on_a_full_disk(args: list[str]) -> None:
    with open("/dev/full", "wb") as full:
        environ = {**os.environ, "PYTHONPATH": str(REPO)}
        command = [sys.executable, "-m", "cruscotto_cli", *args]
        done = subprocess.run(
            command, cwd=REPO, env=environ, stdout=full, stderr=subprocess.PIPE, check=False
        )
    assert (done.returncode, done.stderr.decode()) == (
        2,
        "cruscotto: cannot write to stdout: No space left on device\n",
    )


def test_a_git_log_in_utf16_is_read_as_utf8(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    change_target_1_2(repo, "target")
    git(repo, "commit", "-q", "-am", "Target 2023 dell'1.2: è cambiato")
    git(repo, "config", "i18n.logOutputEncoding", "UTF-16")
    done = cli("history", "1.2", "--format", "json", cwd=repo)
    assert done.returncode == 0, done.stderr
    subjects = [s["subject"] for s in json.loads(done.stdout)["steps"]]
    assert subjects == ["Piano approvato", "Target 2023 dell'1.2: è cambiato"]


@pytest.mark.parametrize("args", [["evaluate", "2024", "--area", "1"], ["show", "1.2"]])
def test_stdout_in_cp1252_writes_ascii_stand_ins(args: list[str]) -> None:
    done = cli(*args, PYTHONIOENCODING="cp1252")
    assert done.returncode in (0, 1), done.stderr
    assert done.stderr == b""
    text = done.stdout.decode("cp1252")
    assert "≥" not in text and ">= 74%" in text
    assert "Semplificazione Amministrativa" in text or "Percentuale di servizi" in text


def test_stdout_in_cp1252_keeps_table_columns_aligned() -> None:
    done = cli("show", "1.2", PYTHONIOENCODING="cp1252")
    rows = [line for line in done.stdout.decode("cp1252").splitlines() if line.startswith("| 20")]
    assert rows[0] == "| 2022 | >= 73%               | >= 73%     |"
    assert len({len(row) for row in rows}) == 1


def test_stdout_in_ascii_writes_letters_without_accents() -> None:
    done = cli("evaluate", "2024", "--area", "9", PYTHONIOENCODING="ascii")
    assert done.stdout.decode("ascii").splitlines()[0].rstrip() == (
        "Area 9. Qualita, efficienza e centralita della performance"
    )
