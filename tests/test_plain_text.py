"""Plan text is text: names and titles are shown exactly as written, never read as rich markup."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from cruscotto_cli.cli.app import app
from cruscotto_cli.render.story import table
from cruscotto_cli.versions.diff import Difference
from cruscotto_cli.versions.history import Commit, Step, Story
from tests.conftest import write_csv, write_plan

TITLE = "Area [bold]grassetto[/] e [/] chiusura"
NAME = "Tempo medio [giorni] di evasione [rif. Pareto]"
ACT = "D CC [/] 25/10/2022"
AREA = f"""\
    id: "4"
    title: "{TITLE}"
    indicators:
      - id: "4.1"
        name: "{NAME}"
        owner: staff
        unit: giorni
        direction: lower
        targets: {{2024: "16", 2025: "16"}}
        changes:
          - {{date: 2022-10-25, act: "{ACT}", change: target, note: "[bold]nota[/bold]"}}
"""


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    folder = write_plan(tmp_path / "plan", AREA)
    write_csv(tmp_path / "actuals", "a.csv", "indicatore;anno;valore\n4.1;2024;17\n")
    return folder


def run(columns: int, *args: str):
    return CliRunner().invoke(app, list(args), env={"COLUMNS": str(columns), "NO_COLOR": "1"})


def _flat(text: str) -> str:
    """The output with table borders and wrapping removed, so that a wrapped name reads whole."""
    kept = "".join(c if c.isascii() or c.isalpha() else " " for c in text)
    return " ".join(kept.split())


@pytest.mark.parametrize("columns", [80, 160])
def test_evaluate_shows_bracketed_names_as_written(plan: Path, columns: int) -> None:
    result = run(
        columns, "evaluate", "2024", "--plan", str(plan), "--actuals", str(plan.parent / "actuals")
    )
    assert result.exit_code == 1, result.output
    assert f"Area 4. {TITLE}" in result.stdout
    assert NAME in _flat(result.stdout)


@pytest.mark.parametrize("columns", [80, 160])
def test_show_shows_bracketed_names_as_written(plan: Path, columns: int) -> None:
    result = run(columns, "show", "--plan", str(plan))
    assert result.exit_code == 0, result.output
    if columns >= 100:  # the narrow list has no area headings
        assert f"Area 4. {TITLE}" in result.stdout
    assert NAME in _flat(result.stdout)


@pytest.mark.parametrize("columns", [80, 160])
def test_show_one_indicator_keeps_brackets_in_every_cell(plan: Path, columns: int) -> None:
    result = run(columns, "show", "4.1", "--plan", str(plan))
    assert result.exit_code == 0, result.output
    flat = _flat(result.stdout)
    assert f"4.1 {NAME}" in flat
    assert f"4. {TITLE}" in flat
    assert ACT in flat
    assert "[bold]nota[/bold]" in flat


def test_history_table_keeps_brackets() -> None:
    commit = Commit("a" * 40, "aaaaaaa", "2025-01-02", "Titolo [/] e [bold]x")
    change = Difference("4.1", "target", "[giorni] 16", "[/] 15", year=2025)
    story = Story("4.1", "plan", (Step(commit, differences=(change,)),), 1, False)
    buffer = io.StringIO()
    Console(file=buffer, width=80, color_system=None).print(table(story))
    out = buffer.getvalue()
    assert "aaaaaaa  2025-01-02  Titolo [/] e [bold]x" in out
    assert "[giorni] 16" in out and "[/] 15" in out
