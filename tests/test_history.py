"""`cruscotto history ID`: a target's story told from the plan's git history, without a server."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from tests.test_diff import AREA1, SHIPPED, change_target_1_2, edit, git, make_repo, run


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Approved plan; a target changed by its act; a commit that breaks the plan; the fix."""
    folder = make_repo(tmp_path / "repo")
    monkeypatch.chdir(folder)
    change_target_1_2(folder, "target")
    git(folder, "commit", "-q", "-am", "Target 2023 of 1.2 (D CC 28/03/2024)")
    edit(folder, AREA1, '2024: "≥ 74%"', '2024: "=> 74%"')
    git(folder, "commit", "-q", "-am", "A typo")
    edit(folder, AREA1, '2024: "=> 74%"', '2024: "≥ 74%"')
    git(folder, "commit", "-q", "-am", "Fix the typo")
    return folder


def test_the_story_of_a_target(repo: Path) -> None:
    result = run("history", "1.2", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["indicator"], data["folder"], data["commits_read"], data["truncated"]) == (
        "1.2",
        "plan",
        4,
        False,
    )
    first, second, broken = data["steps"]
    assert first["subject"] == "Piano approvato"
    assert first["recorded"] == [
        {"date": "2022-10-25", "act": "D CC 25/10/2022", "change": "target"}
    ]
    assert first["changes"][0]["change"] == "added"
    assert [(c["year"], c["old"], c["new"]) for c in first["changes"][1:]] == [
        (2022, None, "≥ 73%"),
        (2023, None, "≥ 72%"),
        (2024, None, "≥ 74%"),
        (2025, None, "≥76%"),
        (2026, None, "≥ 78%"),
    ]
    assert second["subject"] == "Target 2023 of 1.2 (D CC 28/03/2024)"
    assert second["recorded"] == [
        {"date": "2024-03-28", "act": "D CC 28/03/2024", "change": "target"}
    ]
    assert second["changes"] == [{"change": "target", "year": 2023, "old": "≥ 72%", "new": "≥ 75%"}]
    assert second["commit"] == git(repo, "rev-parse", "HEAD~2").strip()
    assert broken["subject"] == "A typo"
    assert broken["skipped"] == "the plan does not load at this commit (1 problem): skipped"
    assert broken["problems"][0].startswith(
        f'{broken["short"]}:{AREA1}:24:13: target "=> 74%": unknown comparator "=>"'
    )


def test_the_table_is_worded_in_the_plans_language(repo: Path) -> None:
    result = run("history", "1.2")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].strip() == "Indicatore 1.2: storia di plan/"
    head = lines.index(
        next(line for line in lines if "Target 2023 of 1.2 (D CC 28/03/2024)" in line)
    )
    assert lines[head].split()[1] == dt.date.fromisoformat(
        git(repo, "log", "-1", "--format=%ad", "--date=short", "HEAD~2").strip()
    ).strftime("%d/%m/%Y")
    assert lines[head + 1].strip() == "atti registrati: D CC 28/03/2024 (28/03/2024)"
    assert lines[head + 3].split() == ["modifica", "anno", "prima", "dopo"]
    assert lines[head + 5].split() == ["target", "2023", "≥", "72%", "≥", "75%"]
    first = lines.index(next(line for line in lines if "Piano approvato" in line))
    assert lines[first + 5].split() == ["aggiunto"]
    assert lines[-1] == "Commit che hanno modificato l'indicatore 1.2: 3 su 4 che toccano plan/"


def test_an_english_plans_history_is_in_english(repo: Path) -> None:
    edit(repo, "plan/plan.yaml", "language: it", "language: en")
    git(repo, "commit", "-q", "-am", "English")
    lines = run("history", "1.2").stdout.splitlines()
    assert lines[0].strip() == "Indicator 1.2: history of plan/"
    head = lines.index(
        next(line for line in lines if "Target 2023 of 1.2 (D CC 28/03/2024)" in line)
    )
    assert lines[head + 1].strip() == "acts recorded: D CC 28/03/2024 (2024-03-28)"
    assert lines[head + 3].split() == ["change", "year", "old", "new"]
    assert lines[-1] == "3 commits changed indicator 1.2, of 5 that touched plan/"


def test_an_indicator_that_did_not_change_since_the_plan_was_approved(repo: Path) -> None:
    data = json.loads(run("history", "14.1", "--format", "json").stdout)
    assert [s["subject"] for s in data["steps"]] == ["Piano approvato", "A typo"]


def test_max_commits_bounds_the_work(repo: Path) -> None:
    data = json.loads(run("history", "1.2", "--max-commits", "2", "--format", "json").stdout)
    assert (data["commits_read"], data["truncated"]) == (2, True)
    assert [s["subject"] for s in data["steps"]] == ["A typo"]


def test_an_unknown_indicator(repo: Path) -> None:
    result = run("history", "99.9")
    assert (result.exit_code, result.stdout) == (2, "")
    assert (
        result.stderr
        == 'cruscotto: indicator "99.9" is in none of the 4 commits that touched plan/ (see --max-commits)\n'
    )


def test_not_a_git_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(SHIPPED, tmp_path / "plan")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    result = run("history", "1.2")
    assert result.exit_code == 2
    assert (
        result.stderr
        == "cruscotto: plan: not in a git repository: a revision can only be read from one\n"
    )


def test_the_footer_counts_one_commit_in_the_singular() -> None:
    from cruscotto_cli.render.story import _footer
    from cruscotto_cli.versions.history import Commit, Step, Story

    step = Step(Commit("a" * 40, "aaaaaaa", "2024-01-01", "Plan"))
    story = Story("1.2", "plan", (step,), 4, False)
    assert _footer(story) == "1 commit changed indicator 1.2, of 4 that touched plan/"
