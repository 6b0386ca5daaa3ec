"""Machine formats for CI (github annotations with the job summary, junit XML) and the pre-commit hook."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from cruscotto_cli.render.github import annotation
from cruscotto_cli.render.junit import Case, document
from tests.conftest import write_csv, write_plan
from tests.test_diff import AREA1, SHIPPED, change_target_1_2, git, make_repo, run

REPO = Path(__file__).resolve().parent.parent
AREA = """\
id: "1"
title: Area di prova
indicators:
  - id: "1.1"
    name: Pratiche evase
    owner: staff
    unit: "%"
    targets: {2024: "≥ 80%"}
  - id: "1.2"
    name: Tempi medi, in giorni (100%)
    owner: staff
    unit: giorni
    direction: lower
    targets: {2024: "30"}
  - id: "1.3"
    name: Eventi
    owner: segreteria
    unit: "n."
    direction: higher
    targets: {2024: "10"}
  - id: "1.4"
    name: Soddisfazione
    owner: staff
    unit: "n."
    direction: higher
    targets: {2024: "Anno di rilevazione"}
"""
ACTUALS = "indicatore;anno;valore\n1.1;2024;85%\n1.2;2024;40\n1.4;2024;3\n"


@pytest.fixture
def small(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A plan in a folder whose name needs escaping, with actuals: met, not met, missing, baseline."""
    monkeypatch.chdir(tmp_path)
    write_plan(tmp_path / "piano,1:x", AREA)
    write_csv(tmp_path / "actuals", "valori.csv", ACTUALS)
    return tmp_path


def junit(text: str) -> ET.Element:
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == "testsuites"
    return root.find("testsuite")  # type: ignore[return-value]


def test_annotations_escape_data_and_properties() -> None:
    line = annotation("error", "50% done\r\nnext", "a, b: c%", "dir,x:y/f.yaml", 3, 7)
    assert (
        line
        == "::error file=dir%2Cx%3Ay/f.yaml,line=3,col=7,title=a%2C b%3A c%25::50%25 done%0D%0Anext"
    )


def test_evaluate_github_warns_at_each_flagged_indicator(small: Path) -> None:
    summary = small / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    result = run(
        "evaluate",
        "2024",
        "--plan",
        "piano,1:x",
        "--format",
        "github",
        env={"GITHUB_STEP_SUMMARY": str(summary)},
    )
    assert result.exit_code == 1, result.output
    assert result.stdout.splitlines() == [
        "::warning file=piano%2C1%3Ax/01-area.yaml,line=9,col=5,title=2024 1.2%3A Non raggiunto::"
        "1.2 Tempi medi, in giorni (100%25): Non raggiunto (target 30, actual 40)",
        "::warning file=piano%2C1%3Ax/01-area.yaml,line=15,col=5,title=2024 1.3%3A Dato mancante::"
        "1.3 Eventi: Dato mancante (target 10, actual -): nessun valore nei dati rilevati",
        "2024: 2 indicators not met, missing or invalid of 4",
    ]
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n# Piano di prova: valutazione 2024\n")


def test_evaluate_junit_is_one_case_per_indicator(small: Path) -> None:
    result = run("evaluate", "2024", "--plan", "piano,1:x", "--format", "junit")
    assert result.exit_code == 1
    suite = junit(result.stdout)
    assert suite.attrib == {
        "name": "cruscotto evaluate 2024",
        "tests": "4",
        "failures": "1",
        "errors": "1",
        "skipped": "1",
    }
    cases = {c.attrib["name"]: [child.tag for child in c] for c in suite.iter("testcase")}
    assert cases == {
        "1.1 Pratiche evase": [],
        "1.2 Tempi medi, in giorni (100%)": ["failure"],
        "1.3 Eventi": ["error"],
        "1.4 Soddisfazione": ["skipped"],
    }
    failure = suite.find("testcase/failure")
    assert (
        failure is not None and failure.attrib["message"] == "Non raggiunto: target 30, actual 40"
    )


def test_validate_junit_and_github_on_an_invalid_plan(small: Path) -> None:
    plan = small / "piano,1:x"
    area = plan / "01-area.yaml"
    area.write_text(AREA.replace('"≥ 80%"', '"=> 80%"'), encoding="utf-8")
    result = run("validate", "--plan", "piano,1:x", "--format", "junit")
    assert result.exit_code == 1
    suite = junit(result.stdout)
    assert (suite.attrib["tests"], suite.attrib["failures"]) == ("1", "1")
    case = suite.find("testcase")
    assert case is not None and case.attrib == {
        "classname": "piano,1:x/01-area.yaml",
        "name": "piano,1:x/01-area.yaml:8:21 [target-syntax]",
    }
    summary = small / "summary.md"
    github = run(
        "validate",
        "--plan",
        "piano,1:x",
        "--format",
        "github",
        env={"GITHUB_STEP_SUMMARY": str(summary)},
    )
    first = github.stdout.splitlines()[0]
    assert first.startswith(
        '::error file=piano%2C1%3Ax/01-area.yaml,line=8,col=21,title=target-syntax::target "=> 80%25": unknown comparator "=>"'
    )
    lines = summary.read_text(encoding="utf-8").splitlines()
    assert lines[:2] == ["### cruscotto validate", ""]
    assert lines[2].startswith("**1 problem in ")
    assert lines[4].startswith(
        '- `piano,1:x/01-area.yaml:8:21` target "=> 80%": unknown comparator "=>"'
    )


def test_validate_junit_on_a_valid_plan(small: Path) -> None:
    result = run("validate", "--plan", "piano,1:x", "--actuals", "actuals", "--format", "junit")
    assert result.exit_code == 0, result.output
    suite = junit(result.stdout)
    assert (suite.attrib["tests"], suite.attrib["failures"], suite.attrib["errors"]) == (
        "1",
        "0",
        "0",
    )


def test_junit_shows_control_and_bidirectional_characters_escaped() -> None:
    text = document(
        "s", [Case("c\x00", "n\x1b[31m", "failure", "Raggiunto \u202eotnuigga", "d & <e>\ufffe")]
    )
    case = junit(text).find("testcase")
    assert case is not None
    assert (case.attrib["classname"], case.attrib["name"]) == ("c\\x00", "n\\x1b[31m")
    failure = case.find("failure")
    assert failure is not None
    assert failure.attrib["message"] == "Raggiunto \\u202eotnuigga"
    assert failure.text == "d & <e>\ufffd"
    assert "\u202e" not in text and "\x1b" not in text


def test_diff_github_and_summary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = make_repo(tmp_path / "repo")
    monkeypatch.chdir(repo)
    change_target_1_2(repo, None)
    summary = tmp_path / "summary.md"
    result = run(
        "diff", "--against", "HEAD", "--format", "github", env={"GITHUB_STEP_SUMMARY": str(summary)}
    )
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0].startswith(
        f'::error file={AREA1},line=23,col=13,title=unbacked-change::indicator 1.2: target 2023 changed from "≥ 72%25" to "≥ 75%25"'
    )
    assert summary.read_text(encoding="utf-8").startswith(
        "### Plan changes from `HEAD`\n\n**1 change from HEAD, 1 not backed by an act**\n"
    )


def test_diff_junit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = make_repo(tmp_path / "repo")
    monkeypatch.chdir(repo)
    change_target_1_2(repo, "target")
    suite = junit(run("diff", "--against", "HEAD", "--format", "junit").stdout)
    assert suite.attrib == {
        "name": "cruscotto diff --against HEAD",
        "tests": "1",
        "failures": "0",
        "errors": "0",
        "skipped": "0",
    }
    case = suite.find("testcase")
    assert case is not None and case.attrib == {
        "classname": "indicator 1.2",
        "name": 'target 2023: "≥ 72%" -> "≥ 75%"',
    }


@pytest.mark.skipif(
    importlib.util.find_spec("pre_commit") is None,
    reason="pre-commit is not installed (pip install pre-commit)",
)
def test_the_pre_commit_hook_validates_the_plan(tmp_path: Path) -> None:
    """`pre-commit try-repo` installs the hook as other repositories would (needs PyPI).

    It tries a clone of the last commit, as users get it, not the working tree of this checkout.
    """
    source = tmp_path / "source"
    git(tmp_path, "clone", "-q", "--no-hardlinks", str(REPO), str(source))
    repo = make_repo(tmp_path / "repo")
    (repo / AREA1).write_text(
        (SHIPPED.parent / AREA1).read_text(encoding="utf-8").replace('"≥ 72%"', '"=> 72%"'),
        encoding="utf-8",
    )
    git(repo, "add", "plan")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "PRE_COMMIT_COLOR": "never"}
    command = [
        sys.executable,
        "-m",
        "pre_commit",
        "try-repo",
        str(source),
        "cruscotto-validate",
        "--all-files",
    ]
    done = subprocess.run(
        command, cwd=repo, env=env, capture_output=True, text=True, timeout=600, check=False
    )
    output = done.stdout + done.stderr
    if "CalledProcessError" in output and "pip" in output:
        pytest.skip("pre-commit could not install the hook's environment from PyPI (no network?)")
    assert done.returncode == 1, output
    assert (
        "cruscotto validate" in output
        and "Failed" in output
        and "- hook id: cruscotto-validate" in output
    )
    assert f'{AREA1}:23:13: target "=> 72%": unknown comparator "=>"' in output


def test_the_hook_manifest() -> None:
    import yaml

    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [h["id"] for h in hooks] == ["cruscotto-validate"]
    hook = hooks[0]
    assert (hook["entry"], hook["language"], hook["pass_filenames"]) == (
        "cruscotto validate",
        "python",
        False,
    )
    import re

    pattern = re.compile(hook["files"])
    paths = ("plan/plan.yaml", "plan/01-a.yml", "actuals/staff.csv", "README.md", "src/plan/x.yaml")
    assert [bool(pattern.search(p)) for p in paths] == [True, True, True, False, False]


def test_git_is_available() -> None:
    assert shutil.which("git"), "these tests build real git repositories"
