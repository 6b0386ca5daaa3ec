"""An office's CSV as Excel writes it: the `sep=` line that some exports put first."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cruscotto_cli.cli.app import app
from tests.conftest import ACTUALS, PLAN

runner = CliRunner()


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(PLAN, tmp_path / "plan")
    shutil.copytree(ACTUALS, tmp_path / "actuals")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_excels_sep_line_names_the_delimiter_and_rows_keep_their_numbers(folder: Path) -> None:
    (folder / "actuals" / "extra.csv").write_text(
        "sep=;\nindicatore;anno;valore\n1.1;2021;sì\n1.1;2020;forse\n", encoding="utf-8"
    )
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 1
    problems = [line for line in result.output.splitlines() if "extra.csv" in line]
    assert problems == [
        'actuals/extra.csv:4:2: year "2020": expected a year from 2021 to 2026 (2021 for the'
        " previous-year values) [csv-year]",
        'actuals/extra.csv:4:3: value "forse" for 1.1: expected yes or no: sì, si, yes, y, true,'
        " vero, 1 or no, n, false, falso, 0 [csv-kind]",
    ]
