"""The template through LibreOffice: an office that opens and saves it in Calc sends back a
workbook that is read as the original (skipped where LibreOffice is not installed)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from cruscotto_cli.cli.app import app

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice is not installed (apt-get install libreoffice-calc)"
)
runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args), env={"COLUMNS": "200", "NO_COLOR": "1"})


def convert(source: Path, folder: Path) -> Path:
    """`soffice --headless --convert-to xlsx`, with a profile of its own (runs may overlap)."""
    assert SOFFICE is not None
    profile = (folder / "profile").as_uri()
    command = [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "xlsx"]
    subprocess.run(
        [*command, "--outdir", str(folder / "out"), str(source)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return folder / "out" / source.name


def test_a_template_saved_by_libreoffice_reads_back(repo_root: Path, tmp_path: Path) -> None:
    blank = tmp_path / "staff-2025.xlsx"
    assert run("template", "2025", "--owner", "staff", "-o", str(blank)).exit_code == 0
    book = load_workbook(blank)
    sheet = book["Raccolta 2025"]
    # a formula saved by openpyxl has no computed value: LibreOffice computes it on saving
    cells = {"I6": 3.6, "I7": 3, "I9": 0.96, "I10": "alto", "I11": "sì", "I14": "=2+2", "I15": 30}
    for ref, value in cells.items():
        sheet[ref] = value
    book.save(blank)
    saved = convert(blank, tmp_path)
    actuals = tmp_path / "actuals"
    shutil.copytree(repo_root / "actuals", actuals)
    shutil.copy(saved, actuals / saved.name)
    args = ("--actuals", str(actuals), "--date", "2026-03-01", "--owner", "staff")
    result = run("evaluate", "2025", "--format", "json", *args)
    data = json.loads(result.stdout)
    values = {i["id"]: i["actual"] for a in data["areas"] for i in a["indicators"]}
    assert {k: values[k] for k in ("4.1", "8.3", "9.8", "9.9", "10.1")} == {
        "4.1": 3,
        "8.3": 96,
        "9.8": 13.333333,
        "9.9": "alto",
        "10.1": True,
    }
    assert load_workbook(saved)["Raccolta 2025"].protection.sheet  # still protected
