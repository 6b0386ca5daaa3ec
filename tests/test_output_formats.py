"""Formats follow the file: `-o x.csv|.md|.json|.xml|.txt` chooses the format of every command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cruscotto_cli.cli.app import app

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args), env={"COLUMNS": "200", "NO_COLOR": "1"})


# What the first line of each written file is, by the format its extension chose.
EVALUATE_FIRST_LINES = {
    "esito.csv": "\ufeffArea;ID;Indicatore;Owner;Unità;Target;Valore;Stato;Grado;Nota;Motivazione",
    "esito.md": "# Cruscotto strategico 2022-2026: valutazione 2024",
    "esito.markdown": "# Cruscotto strategico 2022-2026: valutazione 2024",
    "esito.json": "{",
    "esito.xml": '<?xml version="1.0" encoding="UTF-8"?>',
    "esito.txt": "Area 1. Semplificazione Amministrativa e Digitalizzazione dei Servizi",
    "esito": "Area 1. Semplificazione Amministrativa e Digitalizzazione dei Servizi",
    "ESITO.CSV": "\ufeffArea;ID;Indicatore;Owner;Unità;Target;Valore;Stato;Grado;Nota;Motivazione",
}


@pytest.mark.parametrize(("name", "first"), EVALUATE_FIRST_LINES.items())
def test_evaluate_writes_the_format_of_the_extension(
    repo_root: Path, tmp_path: Path, name: str, first: str
) -> None:
    target = tmp_path / name
    result = run("evaluate", "2024", "-o", str(target))
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", "")
    text = target.read_bytes().decode("utf-8")
    assert text.splitlines()[0].rstrip() == first


def test_evaluate_json_file_is_the_json_export(repo_root: Path, tmp_path: Path) -> None:
    target = tmp_path / "risultati.json"
    run("evaluate", "2024", "-o", str(target))
    assert json.loads(target.read_text(encoding="utf-8"))["year"] == 2024


@pytest.mark.parametrize(
    ("args", "name", "first"),
    [
        (["show"], "piano.json", "{"),
        (["show"], "piano.txt", "Cruscotto strategico 2022-2026 (58 indicatori)"),
        (["show", "1.2"], "uno.json", "{"),
        (["schema"], "area.schema.json", "{"),
        (
            ["template", "2024"],
            "raccolta.csv",
            "\ufeffchiave;anno;valore;motivazione;area;nome;ufficio;unità;target;valore anno precedente;fonte;nota",
        ),
        (["diff", "--against-dir", "plan"], "diff.json", "{"),
        (["diff", "--against-dir", "plan"], "diff.md", "### Plan changes from `plan`"),
        (["diff", "--against-dir", "plan"], "diff.xml", '<?xml version="1.0" encoding="UTF-8"?>'),
        (["diff", "--against-dir", "plan"], "diff.txt", "no changes from plan"),
    ],
)
def test_every_command_writes_the_format_of_the_extension(
    repo_root: Path, tmp_path: Path, args: list[str], name: str, first: str
) -> None:
    target = tmp_path / name
    result = run(*args, "-o", str(target))
    # template names the file it wrote (it may write one per office); the others say nothing
    said = (
        f"cruscotto: wrote {target} (several offices, 64 values)\n" if args[0] == "template" else ""
    )
    assert (result.exit_code, result.stderr) == (0, said), result.output
    assert target.read_bytes().decode("utf-8").splitlines()[0].rstrip() == first


@pytest.mark.parametrize(
    ("args", "name", "given", "found"),
    [
        (["evaluate", "2024"], "risultati.csv", "json", "csv"),
        (["evaluate", "2024"], "risultati.md", "table", "markdown"),
        (["evaluate", "2024"], "risultati.xml", "github", "junit"),
        (["show"], "piano.json", "table", "json"),
        (["diff", "--against-dir", "plan"], "diff.md", "junit", "markdown"),
        (["history", "1.2"], "storia.txt", "json", "table"),
        (["report", "2024"], "relazione.pdf", "html", "pdf"),
    ],
)
def test_a_format_that_contradicts_the_extension_is_refused(
    repo_root: Path, tmp_path: Path, args: list[str], name: str, given: str, found: str
) -> None:
    target = tmp_path / name
    result = run(*args, "--format", given, "-o", str(target))
    suffix = target.suffix
    message = (
        f'cruscotto: --format {given} and -o {target} disagree: "{suffix}" files are written as '
        f"{found}; drop one, or make them agree\n"
    )
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message)
    assert not target.exists()


@pytest.mark.parametrize(
    ("args", "name", "known"),
    [
        (
            ["evaluate", "2024"],
            "risultati.xlsx",
            ".txt, .json, .csv, .md, .markdown, .xml, or give --format",
        ),
        (["show"], "piano.yaml", ".txt, .json, or give --format"),
        (
            ["diff", "--against-dir", "plan"],
            "diff.html",
            ".txt, .json, .md, .markdown, .xml, or give --format",
        ),
        (["schema"], "area.yaml", ".json"),
        (["template", "2024"], "raccolta.txt", ".csv, .xlsx, or give --format"),
    ],
)
def test_an_extension_the_command_does_not_write_is_refused(
    repo_root: Path, tmp_path: Path, args: list[str], name: str, known: str
) -> None:
    target = tmp_path / name
    result = run(*args, "-o", str(target))
    message = f'cruscotto: {target}: unknown extension "{target.suffix}"; use one of {known}\n'
    assert (result.exit_code, result.stderr) == (2, message)
    assert not target.exists()


def test_a_format_given_writes_any_file_name(repo_root: Path, tmp_path: Path) -> None:
    target = tmp_path / "risultati.dat"
    assert run("evaluate", "2024", "--format", "csv", "-o", str(target)).exit_code == 1
    assert target.read_bytes().startswith("\ufeffArea;ID;".encode())


def test_stdout_keeps_each_commands_default(repo_root: Path) -> None:
    assert run("evaluate", "2024", "--area", "2").stdout.startswith("Area 2. ")
    assert run("show", "--area", "2").stdout.startswith("Cruscotto strategico")
