"""`cruscotto diff --against BASE` on real git repositories: every edit of an approved plan needs its act."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from cruscotto_cli.cli.app import app
from cruscotto_cli.plan.load import load_plan
from cruscotto_cli.versions.diff import compare

SHIPPED = Path(__file__).parent.parent / "plan"
AREA1 = "plan/01-semplificazione-digitalizzazione.yaml"
AREA14 = "plan/14-revisione-spesa.yaml"
ACT = '      - {date: 2024-03-28, act: "D CC 28/03/2024", change: %s}\n'
runner = CliRunner()


def git(folder: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, check=True)
    return done.stdout


def make_repo(folder: Path) -> Path:
    """A git repository holding a copy of the shipped plan, committed once."""
    folder.mkdir(parents=True, exist_ok=True)
    git(folder, "init", "-q", "-b", "main")
    git(folder, "config", "user.name", "Ufficio Pianificazione")
    git(folder, "config", "user.email", "pianificazione@example.org")
    git(folder, "config", "commit.gpgsign", "false")
    shutil.copytree(SHIPPED, folder / "plan")
    git(folder, "add", "plan")
    git(folder, "commit", "-q", "-m", "Piano approvato")
    return folder


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = make_repo(tmp_path / "repo")
    monkeypatch.chdir(folder)
    return folder


def edit(repo: Path, name: str, old: str, new: str) -> None:
    path = repo / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not once in {name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return runner.invoke(app, list(args), env={"COLUMNS": "200", "NO_COLOR": "1", **(env or {})})


def change_target_1_2(repo: Path, act: str | None) -> None:
    edit(repo, AREA1, '2023: "≥ 72%"', '2023: "≥ 75%"')
    if act:
        line = '      - {date: 2022-10-25, act: "D CC 25/10/2022", change: target}\n'
        edit(repo, AREA1, line, line + ACT % act)


def test_no_edit_no_changes(repo: Path) -> None:
    result = run("diff", "--against", "HEAD")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "no changes from HEAD\n", "")


def test_a_target_changed_with_its_act_passes(repo: Path) -> None:
    change_target_1_2(repo, "target")
    result = run("diff", "--against", "HEAD")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        '1.2: target 2023: "≥ 72%" -> "≥ 75%": backed by D CC 28/03/2024 (2024-03-28)\n'
        "1 change from HEAD, each backed by its act\n"
    )


def test_a_target_changed_without_an_act_is_a_finding(repo: Path) -> None:
    change_target_1_2(repo, None)
    result = run("diff", "--against", "HEAD")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        '1.2: target 2023: "≥ 72%" -> "≥ 75%": NOT BACKED',
        f'{AREA1}:23:13: indicator 1.2: target 2023 changed from "≥ 72%" to "≥ 75%" with no new entry in its changes; '
        'add one of kind `target` or `indicator` with the act and its date, e.g. {date: 2024-03-28, act: "D CC 28/03/2024", change: target} '
        "[unbacked-change]",
        "1 change from HEAD, 1 not backed by an act",
    ]


def test_an_act_of_the_wrong_kind_does_not_back_a_target(repo: Path) -> None:
    change_target_1_2(repo, "owner")
    assert run("diff", "--against", "HEAD").exit_code == 1


def test_an_old_act_does_not_back_a_new_change(repo: Path) -> None:
    """1.2 already records D CC 25/10/2022 (change: target): a new change needs a new entry."""
    change_target_1_2(repo, None)
    git(repo, "commit", "-q", "-am", "Target 1.2")
    edit(repo, AREA1, '2024: "≥ 74%"', '2024: "≥ 80%"')
    result = run("diff", "--against", "HEAD~1")
    assert result.exit_code == 1
    assert "2 changes from HEAD~1, 2 not backed by an act" in result.stdout


def test_a_withdrawn_indicator_is_backed_by_its_withdrawal(repo: Path) -> None:
    edit(
        repo,
        AREA1,
        '      2026: "140"\n    tags: [obiettivi-comuni-di-sistema]\n\n  - id: "1.4"',
        '      2026: "140"\n    tags: [obiettivi-comuni-di-sistema]\n    changes:\n'
        + ACT % "withdrawn"
        + '\n  - id: "1.4"',
    )
    result = run("diff", "--against", "HEAD")
    assert result.exit_code == 0, result.output
    assert (
        result.stdout
        == "1.3: withdrawn from 2024: backed by D CC 28/03/2024 (2024-03-28)\n1 change from HEAD, each backed by its act\n"
    )


def test_a_deleted_indicator_must_be_withdrawn_instead(repo: Path) -> None:
    text = (repo / AREA14).read_text(encoding="utf-8")
    start, end = text.index('  - id: "14.1"'), text.index('  - id: "14.2"')
    (repo / AREA14).write_text(text[:start] + text[end:], encoding="utf-8")
    result = run("diff", "--against", "HEAD")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[1:] == [
        f"HEAD:{AREA14}:5:5: indicator 14.1 was removed: an approved plan keeps its indicators; "
        "withdraw it with a `withdrawn` entry in its changes instead of deleting it [removed-indicator]",
        "1 change from HEAD, 1 not backed by an act",
    ]


def test_a_renamed_file_is_not_a_change(repo: Path) -> None:
    git(repo, "mv", AREA1, "plan/01-digitale.yaml")
    git(repo, "commit", "-q", "-m", "Rename the area file")
    result = run("diff", "--against", "HEAD~1")
    assert (result.exit_code, result.stdout) == (0, "no changes from HEAD~1\n")


def test_a_revision_that_does_not_exist(repo: Path) -> None:
    result = run("diff", "--against", "origin/main")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        f'cruscotto: revision "origin/main" not found in the git repository {repo}; give a branch, tag or commit '
        "(in CI, fetch it first: git fetch origin main, or checkout with fetch-depth: 0); "
        "to compare with a plan folder, use --against-dir DIR\n"
    )


def test_a_folder_that_is_not_a_git_repository(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(SHIPPED, tmp_path / "plan")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    result = run("diff", "--against", "main")
    assert result.exit_code == 2
    assert (
        result.stderr
        == "cruscotto: plan: not in a git repository: a revision can only be read from one (to compare with a plan folder, use --against-dir DIR)\n"
    )


def test_a_plan_folder_as_base(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(SHIPPED, tmp_path / "base")
    shutil.copytree(SHIPPED, tmp_path / "plan")
    monkeypatch.chdir(tmp_path)
    change_target_1_2(tmp_path, None)
    result = run("diff", "--against-dir", "base")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == '1.2: target 2023: "≥ 72%" -> "≥ 75%": NOT BACKED'


def test_an_invalid_base_names_its_places_as_git_does(repo: Path) -> None:
    edit(repo, AREA1, '2023: "≥ 72%"', '2023: "=> 72%"')
    git(repo, "commit", "-q", "-am", "A typo")
    edit(repo, AREA1, '2023: "=> 72%"', '2023: "≥ 72%"')
    result = run("diff", "--against", "HEAD")
    assert result.exit_code == 2
    first = result.stderr.splitlines()[0]
    assert first.startswith(f'HEAD:{AREA1}:23:13: target "=> 72%": unknown comparator "=>"')


def test_an_added_indicator_needs_an_added_entry(repo: Path) -> None:
    block = '  - id: "1.9"\n    name: "Nuovo indicatore"\n    owner: promozione\n    unit: "n."\n    direction: higher\n    targets:\n      2025: "10"\n'
    with (repo / AREA1).open("a", encoding="utf-8") as handle:
        handle.write("\n" + block)
    result = run("diff", "--against", "HEAD")
    assert result.exit_code == 1
    assert (
        "indicator 1.9 was added with no `added` entry in its changes naming the act that added it [unbacked-change]"
        in result.stdout
    )
    with (repo / AREA1).open("a", encoding="utf-8") as handle:
        handle.write("    changes:\n" + ACT % "added")
    backed = run("diff", "--against", "HEAD").stdout
    assert (
        backed
        == '1.9: added: "Nuovo indicatore": backed by D CC 28/03/2024 (2024-03-28)\n1 change from HEAD, each backed by its act\n'
    )


def test_an_edited_history_entry_is_a_finding(repo: Path) -> None:
    edit(
        repo,
        AREA1,
        'act: "D CC 25/10/2022", change: target}',
        'act: "D CC 26/10/2022", change: target}',
    )
    result = run("diff", "--against", "HEAD")
    assert result.exit_code == 1
    assert (
        "history entry (target by D CC 25/10/2022 of 2022-10-25) was removed or edited"
        in result.stdout
    )


@pytest.mark.parametrize(
    ("old", "new", "kind", "code"),
    [
        (
            '    owner: promozione\n    unit: "n."\n    direction: higher\n    targets:\n      2024: "140"',
            '    owner: staff\n    unit: "n."\n    direction: higher\n    targets:\n      2024: "140"',
            "owner",
            0,
        ),
        (
            '    unit: "n."\n    direction: higher\n    targets:\n      2024: "140"',
            '    unit: "%"\n    direction: higher\n    targets:\n      2024: "140"',
            "owner",
            1,
        ),
        (
            '    unit: "n."\n    direction: higher\n    targets:\n      2024: "140"',
            '    unit: "%"\n    direction: higher\n    targets:\n      2024: "140"',
            "indicator",
            0,
        ),
    ],
)
def test_fields_need_the_matching_kind(
    repo: Path, old: str, new: str, kind: str, code: int
) -> None:
    edit(repo, AREA1, old, new)
    edit(
        repo,
        AREA1,
        '    tags: [obiettivi-comuni-di-sistema]\n\n  - id: "1.4"',
        "    tags: [obiettivi-comuni-di-sistema]\n    changes:\n" + ACT % kind + '\n  - id: "1.4"',
    )
    assert run("diff", "--against", "HEAD").exit_code == code


def test_json_equals_the_library(repo: Path) -> None:
    change_target_1_2(repo, "target")
    data = json.loads(run("diff", "--against", "HEAD", "--format", "json").stdout)
    assert data["backed"] is True
    assert data["changes"] == [
        {
            "scope": "indicator",
            "indicator": "1.2",
            "change": "target",
            "subject": "target 2023",
            "year": 2023,
            "old": "≥ 72%",
            "new": "≥ 75%",
            "backed": True,
            "needs_act": True,
            "acts": [{"date": "2024-03-28", "act": "D CC 28/03/2024", "change": "target"}],
            "problem": None,
            "code": None,
            "version": "head",
            "path": AREA1,
            "line": 23,
            "column": 13,
        }
    ]
    library = compare(load_plan(repo / "plan"), load_plan(repo / "plan"))
    assert library.differences == ()


def test_markdown_is_a_pull_request_comment(repo: Path) -> None:
    change_target_1_2(repo, None)
    result = run("diff", "--against", "HEAD", "--format", "markdown")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[:7] == [
        "### Plan changes from `HEAD`",
        "",
        "**1 change from HEAD, 1 not backed by an act**",
        "",
        "| Indicator | Change | Year | Old | New | Backed by |",
        "| --- | --- | --- | --- | --- | --- |",
        "| 1.2 | target | 2023 | ≥ 72% | ≥ 75% | **not backed** |",
    ]
