"""Which files make a plan is defined once: `.yml` areas are part of the plan for every command."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cruscotto_cli.actuals.load import actuals_files
from cruscotto_cli.cli.app import app
from cruscotto_cli.plan.files import area_files, is_area_file, is_plan_file, plan_files

ROOT = Path(__file__).parent.parent
runner = CliRunner()


def git(folder: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=folder, capture_output=True, check=True)


@pytest.fixture
def yml_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The shipped plan and actuals in a git repository, every area file saved as `.yml`."""
    folder = tmp_path / "repo"
    shutil.copytree(ROOT / "plan", folder / "plan")
    shutil.copytree(ROOT / "actuals", folder / "actuals")
    for area in (folder / "plan").glob("[0-9]*.yaml"):
        area.rename(area.with_suffix(".yml"))
    git(folder, "init", "-q", "-b", "main")
    git(folder, "config", "user.name", "Ufficio Pianificazione")
    git(folder, "config", "user.email", "pianificazione@example.org")
    git(folder, "config", "commit.gpgsign", "false")
    git(folder, "add", ".")
    git(folder, "commit", "-q", "-m", "Piano approvato")
    monkeypatch.chdir(folder)
    return folder


def test_the_rule() -> None:
    assert is_plan_file("plan.yaml") and is_plan_file("01-a.yml") and is_plan_file("02-B.YAML")
    assert not is_area_file("plan.yaml") and is_area_file("01-a.yml")
    assert not is_plan_file("notes.txt") and not is_plan_file("01-a.yaml~")


def test_listing(tmp_path: Path) -> None:
    for name in ("plan.yaml", "02-b.yml", "01-a.yaml", "readme.md", "~$x.csv", "v.csv", "w.CSV"):
        (tmp_path / name).write_text("x")
    (tmp_path / "03-dir.yaml").mkdir()
    assert [p.name for p in area_files(tmp_path)] == ["01-a.yaml", "02-b.yml"]
    assert [p.name for p in plan_files(tmp_path)] == ["01-a.yaml", "02-b.yml", "plan.yaml"]
    assert [p.name for p in actuals_files(tmp_path)] == ["v.csv", "w.CSV"]
    assert actuals_files(tmp_path / "missing") == ()


def test_yml_areas_validate(yml_repo: Path) -> None:
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 0, result.output
    assert result.output == "ok: plan/ (14 areas, 58 indicators) and actuals/ (184 values)\n"


def test_yml_areas_diff_against_their_own_commit(yml_repo: Path) -> None:
    result = runner.invoke(app, ["diff", "--against", "HEAD"])
    assert (result.exit_code, result.output) == (0, "no changes from HEAD\n")


def test_yml_areas_have_a_history(yml_repo: Path) -> None:
    result = runner.invoke(app, ["history", "1.2", "--format", "json"])
    assert result.exit_code == 0, result.output
    story = json.loads(result.output)
    assert story["indicator"] == "1.2"
    assert len(story["steps"]) == 1


def test_yml_areas_are_in_the_report_provenance(yml_repo: Path) -> None:
    result = runner.invoke(app, ["report", "2024", "-o", "-", "--format", "markdown"])
    assert result.exit_code == 0, result.output
    listed = [line.split("`")[1] for line in result.output.splitlines() if line.startswith("| `")]
    areas = sorted(p.name for p in (yml_repo / "plan").glob("*.yml"))
    assert len(areas) == 14
    assert [f"plan/{a}" for a in areas] + ["plan/plan.yaml"] == [
        p for p in listed if p.startswith("plan/")
    ]
