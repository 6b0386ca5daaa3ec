"""The README is part of the product: every command documented, its set-up commands true to CI."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from cruscotto_cli.cli.app import app
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(
    c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands
)


def test_the_commands_are_the_ones_of_the_contract() -> None:
    assert {"validate", "show", "evaluate", "template", "schema"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_is_in_the_readme_commands_table(name: str) -> None:
    assert re.search(rf"^\| `cruscotto {name}\b", README, re.MULTILINE), (
        f"README's command table lacks `cruscotto {name}`"
    )


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_help_documents_its_exit_codes(name: str) -> None:
    result = CliRunner().invoke(app, [name, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "Exit codes:" in result.stdout


def test_the_readme_opens_with_the_two_set_up_commands_that_ci_runs() -> None:
    block = re.search(r"```sh\n(.*?)```", README, re.DOTALL)
    assert block is not None
    install_and_run, install_and_test = block.group(1).strip().splitlines()
    assert install_and_run.endswith("cruscotto evaluate 2024")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert ci.strip().splitlines()[-1] == install_and_test


def test_the_readme_says_the_shipped_actuals_are_illustrative() -> None:
    assert "**The shipped actuals are illustrative.**" in README
    rows = [
        line
        for path in (REPO / "actuals").glob("*.csv")
        for line in path.read_text(encoding="utf-8-sig").splitlines()[1:]
    ]
    published = "CCIAA Cagliari-Oristano, Amministrazione trasparente"
    real = [row for row in rows if published in row]
    assert [row.split(";")[:3] for row in real] == [
        ["9.10", "2021", "13,13"],
        ["9.10", "2022", "13,537"],
        ["9.10", "2023", "+0,231"],
    ]
    assert rows and all("illustrativo" in row for row in rows if row not in real)
    invoices = [
        line
        for path in (REPO / "registers").glob("*.csv")
        for line in path.read_text(encoding="utf-8-sig").splitlines()[1:]
    ]
    assert invoices and all(line.endswith(";illustrativo") for line in invoices)


def test_version() -> None:
    from cruscotto_cli import __version__

    result = CliRunner().invoke(app, ["--version"])
    assert (result.exit_code, result.stdout) == (0, f"cruscotto {__version__}\n")
    assert isinstance(app, typer.Typer)


def test_the_readme_session_shows_what_the_commands_print(repo_root: Path) -> None:
    """The short session at 80 columns: each line shown (but the "..." of rows left out) is a
    line the command prints, so that a changed output cannot leave the README behind."""
    session = README.split("## A short session", 1)[1].split("```console\n", 1)[1]
    session = session.split("```", 1)[0]
    for command in re.split(r"^\$ ", session, flags=re.MULTILINE)[1:]:
        line, *shown = command.strip("\n").splitlines()
        if not line.startswith("cruscotto "):
            continue
        args = line.split()[1:]
        result = CliRunner().invoke(app, args, env={"COLUMNS": "80", "NO_COLOR": "1"})
        printed = [p.rstrip() for p in result.stdout.splitlines()]
        for text in (s for s in shown if s and s != "..."):
            assert text in printed, f"`{line}` no longer prints: {text}"
