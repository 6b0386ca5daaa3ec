"""`diff` and `history` as an attacker would try them, in real git repositories: each attack fails."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.test_diff import AREA1, edit, git, make_repo, repo, run

__all__ = ["repo"]  # the fixture: a git repository holding the shipped plan

FORMULA = "formula: servizi_full_digital / servizi_totali * 100"
BANDS = "  - {from: 90, label: Parzialmente raggiunto}\n"
PLAN_ACT = '\nchanges:\n  - {date: 2025-03-28, act: "Determinazione n. 12/2025", change: %s}\n'


def test_a_folder_named_like_the_base_branch_is_ignored(repo: Path) -> None:
    """A pull request adds `origin/main/` holding its own edited plan: the branch is still read."""
    git(repo, "update-ref", "refs/remotes/origin/main", "HEAD")
    edit(repo, AREA1, '2023: "≥ 72%"', '2023: "≥ 75%"')
    shutil.copytree(repo / "plan", repo / "origin" / "main")
    result = run("diff", "--against", "origin/main")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == '1.2: target 2023: "≥ 72%" -> "≥ 75%": NOT BACKED'
    assert result.stdout.splitlines()[-1] == "1 change from origin/main, 1 not backed by an act"


def test_a_folder_is_no_revision(repo: Path) -> None:
    shutil.copytree(repo / "plan", repo / "base")
    result = run("diff", "--against", "base")
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f'cruscotto: revision "base" not found in the git repository {repo}'
    )
    assert run("diff", "--against-dir", "base").stdout == "no changes from base\n"


def test_a_plan_folder_made_a_link_to_another_folder_is_refused(repo: Path) -> None:
    """A pull request replaces `plan/` with a link to an old plan kept elsewhere in the
    repository: read through the link, both sides would be that folder, "no changes"."""
    shutil.copytree(repo / "plan", repo / "archivio" / "piano")
    edit(repo, "archivio/piano/01-semplificazione-digitalizzazione.yaml", "≥ 72%", "≥ 1%")
    git(repo, "add", "archivio")
    git(repo, "commit", "-q", "-m", "Archivio")
    shutil.rmtree(repo / "plan")
    (repo / "plan").symlink_to(Path("archivio") / "piano")
    for command in (["diff", "--against", "HEAD"], ["history", "1.2"]):
        result = run(*command)
        assert (result.exit_code, result.stderr) == (
            2,
            "cruscotto: plan: reaches archivio/piano through a symbolic link inside the git "
            "repository: a plan is read from its own folder, never through a link; give "
            "--plan archivio/piano\n",
        )
    assert run("diff", "--against", "HEAD", "--plan", "archivio/piano").exit_code == 0


def test_a_plan_folder_in_a_submodule_is_refused(repo: Path) -> None:
    """A pull request turns `plan/` into a submodule: its `origin/main` is the submodule's own,
    which the pull request brings, edited plan and all."""
    other = make_repo(repo.parent / "other")
    edit(other, AREA1, "≥ 72%", "≥ 1%")
    git(other, "commit", "-q", "-am", "Obiettivo abbassato")
    git(repo, "rm", "-q", "-r", "plan")
    git(repo, "-c", "protocol.file.allow=always", "submodule", "add", "-q", str(other), "sub")
    git(repo / "sub", "update-ref", "refs/remotes/origin/main", "HEAD")
    for command in (["diff", "--against", "origin/main"], ["history", "1.2"]):
        result = run(*command, "--plan", "sub/plan")
        assert (result.exit_code, result.stderr) == (
            2,
            f"cruscotto: sub/plan: in a submodule of {repo.resolve()}: its revisions are not the "
            "repository's; read the plan in the repository that holds it\n",
        )


def test_one_base_only(repo: Path) -> None:
    message = (
        "cruscotto: diff needs one base: --against REV (a git revision) or --against-dir DIR "
        "(a folder holding the other version of the plan)\n"
    )
    for args in ([], ["--against", "HEAD", "--against-dir", "plan"]):
        result = run("diff", *args)
        assert (result.exit_code, result.stderr) == (2, message)
    result = run("diff", "--against-dir", "nowhere")
    assert (result.exit_code, result.stderr) == (
        2,
        "cruscotto: nowhere: not a folder; --against-dir takes a plan folder\n",
    )


def test_an_unbacked_formula_change_is_a_finding(repo: Path) -> None:
    edit(repo, AREA1, FORMULA, "formula: servizi_totali / servizi_full_digital * 100")
    result = run("diff", "--against", "HEAD")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        '1.2: formula: "servizi_full_digital / servizi_totali * 100" -> "servizi_totali / servizi_full_digital * 100": NOT BACKED',
        f'{AREA1}:20:14: indicator 1.2: formula changed from "servizi_full_digital / servizi_totali * 100" to "servizi_totali / servizi_full_digital * 100" with no new entry in its changes; add one of kind `indicator` with the act and its date, e.g. {{date: 2024-03-28, act: "D CC 28/03/2024", change: indicator}} [unbacked-change]',
        "1 change from HEAD, 1 not backed by an act",
    ]


def test_a_formula_written_differently_is_the_same_formula(repo: Path) -> None:
    edit(repo, AREA1, FORMULA, "formula: (servizi_full_digital/servizi_totali)*100")
    assert run("diff", "--against", "HEAD").stdout == "no changes from HEAD\n"


def test_an_unbacked_weight_change_is_a_finding(repo: Path) -> None:
    edit(repo, AREA1, FORMULA, f"{FORMULA}\n    weight: 100")
    result = run("diff", "--against", "HEAD")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == '1.2: weight: "1" -> "100": NOT BACKED'
    assert result.stdout.splitlines()[1].startswith(
        f'{AREA1}:21:13: indicator 1.2: weight changed from "1" to "100" with no new entry'
    )


def test_a_weight_change_backed_by_an_indicator_act(repo: Path) -> None:
    edit(repo, AREA1, FORMULA, f"{FORMULA}\n    weight: 100")
    line = '      - {date: 2022-10-25, act: "D CC 25/10/2022", change: target}\n'
    edit(
        repo,
        AREA1,
        line,
        line + '      - {date: 2025-03-28, act: "D CC 28/03/2025", change: indicator}\n',
    )
    result = run("diff", "--against", "HEAD")
    assert (result.exit_code, result.stdout.splitlines()[0]) == (
        0,
        '1.2: weight: "1" -> "100": backed by D CC 28/03/2025 (2025-03-28)',
    )


def test_an_unbacked_register_change_is_a_finding(repo: Path) -> None:
    """9.6 computed as the mean weighted by amount instead of the simple mean: another value."""
    area9 = "plan/09-qualita-efficienza-performance.yaml"
    edit(repo, area9, "register: average-days", "register: weighted-average-days")
    result = run("diff", "--against", "HEAD")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == (
        '9.6: register: "average-days" -> "weighted-average-days": NOT BACKED'
    )
    assert result.stdout.splitlines()[1].startswith(
        f"{area9}:72:15: indicator 9.6: register changed from"
    )


def test_a_register_dropped_is_a_finding(repo: Path) -> None:
    """Without `register:` 9.10 takes a value typed in actuals/ instead of the computed one."""
    area9 = "plan/09-qualita-efficienza-performance.yaml"
    edit(repo, area9, "    register: itp\n", "")
    result = run("diff", "--against", "HEAD")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == '9.10: register: "itp" -> "-": NOT BACKED'


@pytest.mark.parametrize("act", ["\\u200b", "\\u2060 \\u00ad", "-"])
def test_an_act_that_names_nothing_backs_nothing(repo: Path, act: str) -> None:
    """An invisible act read "backed by  (2025-03-28)": a change backed by no decision. The act
    is written as YAML escapes, and shown as the same escapes."""
    edit(repo, AREA1, '2023: "≥ 72%"', '2023: "≥ 75%"')
    line = '      - {date: 2022-10-25, act: "D CC 25/10/2022", change: target}\n'
    edit(repo, AREA1, line, f'{line}      - {{date: 2025-03-28, act: "{act}", change: target}}\n')
    result = run("diff", "--against", "HEAD")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.splitlines()[0] == (
        f'{AREA1}:30:33: act "{act}" names no act: write the decision that made the change, '
        'e.g. "D CC 28/03/2025" [act]'
    )


def test_an_unbacked_bands_change_is_a_finding(repo: Path) -> None:
    edit(repo, "plan/plan.yaml", BANDS, "  - {from: 50, label: Parzialmente raggiunto}\n")
    result = run("diff", "--against", "HEAD")
    assert result.exit_code == 1
    old = "Raggiunto from 100; Parzialmente raggiunto from 90; Non raggiunto from 0"
    new = "Raggiunto from 100; Parzialmente raggiunto from 50; Non raggiunto from 0"
    assert result.stdout.splitlines() == [
        f'plan: bands: "{old}" -> "{new}": NOT BACKED',
        f'plan/plan.yaml:20:3: plan.yaml: bands changed from "{old}" to "{new}" with no new entry in the plan\'s changes (in plan.yaml); add one of kind `bands` or `plan` with the act and its date, e.g. {{date: 2024-03-28, act: "D CC 28/03/2024", change: bands}} [unbacked-change]',
        "1 change from HEAD, 1 not backed by an act",
    ]


def test_a_bands_change_backed_by_the_plans_history(repo: Path) -> None:
    edit(repo, "plan/plan.yaml", BANDS, "  - {from: 50, label: Parzialmente raggiunto}\n")
    with (repo / "plan" / "plan.yaml").open("a", encoding="utf-8") as plan:
        plan.write(PLAN_ACT % "bands")
    result = run("diff", "--against", "HEAD")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].endswith(
        ": backed by Determinazione n. 12/2025 (2025-03-28)"
    )


def test_a_plan_act_of_another_kind_does_not_back_the_bands(repo: Path) -> None:
    edit(repo, "plan/plan.yaml", BANDS, "  - {from: 50, label: Parzialmente raggiunto}\n")
    with (repo / "plan" / "plan.yaml").open("a", encoding="utf-8") as plan:
        plan.write(PLAN_ACT % "period")
    assert run("diff", "--against", "HEAD").exit_code == 1


@pytest.mark.parametrize(
    ("old", "new", "line"),
    [
        (
            '{level: medio, from: "2,5"}',
            '{level: medio, from: "1,5"}',
            'plan: scale: "basso from 1; medio from 2,5; alto from 3,5 to 5" -> "basso from 1; medio from 1,5; alto from 3,5 to 5": NOT BACKED',
        ),
        (
            "period: {first: 2022, last: 2026}",
            "period: {first: 2022, last: 2027}",
            'plan: period: "2022-2026" -> "2022-2027": NOT BACKED',
        ),
        (
            'unit: "n."}\n  # 1.2',
            'unit: "migliaia"}\n  # 1.2',
            'plan: measure imprese_attive: unit: "n." -> "migliaia": NOT BACKED',
        ),
        (
            "    name: S. Staff\n",
            "    name: S. Staff e Controllo\n",
            'plan: office staff: name: "S. Staff" -> "S. Staff e Controllo": NOT BACKED',
        ),
    ],
)
def test_plan_yaml_changes_that_change_scores_need_an_act(
    repo: Path, old: str, new: str, line: str
) -> None:
    edit(repo, "plan/plan.yaml", old, new)
    result = run("diff", "--against", "HEAD")
    assert (result.exit_code, result.stdout.splitlines()[0]) == (1, line)


@pytest.mark.parametrize(
    ("name", "old", "new", "line"),
    [
        (
            AREA1,
            "    source: Pareto\n    changes:\n      - {date: 2022-10-25",
            "    source: ISTAT\n    changes:\n      - {date: 2022-10-25",
            '1.2: source: "Pareto" -> "ISTAT": no act needed',
        ),
        (
            "plan/plan.yaml",
            "title: Cruscotto strategico 2022-2026",
            "title: Cruscotto 2022-2026",
            'plan: title: "Cruscotto strategico 2022-2026" -> "Cruscotto 2022-2026": no act needed',
        ),
    ],
)
def test_descriptive_text_is_reported_and_needs_no_act(
    repo: Path, name: str, old: str, new: str, line: str
) -> None:
    edit(repo, name, old, new)
    result = run("diff", "--against", "HEAD")
    assert (result.exit_code, result.stdout.splitlines()) == (
        0,
        [line, "1 change from HEAD, each backed by its act"],
    )


def test_reordering_and_renaming_is_not_a_change(repo: Path) -> None:
    office = '  - id: anagrafico\n    name: S. Anagrafico Certificativo\n    aliases: ["S Anagrafico Certificativo"]\n'
    measure = '  - {id: imprese_attive, name: "N. imprese attive al 31/12", owner: anagrafico, unit: "n."}\n'
    edit(repo, "plan/plan.yaml", office, "")
    edit(repo, "plan/plan.yaml", "  - id: legale\n", office + "  - id: legale\n")
    edit(repo, "plan/plan.yaml", measure, "")
    with (repo / "plan" / "plan.yaml").open("a", encoding="utf-8") as plan:
        plan.write(measure)
    (repo / AREA1).rename(repo / "plan" / "99-digitale.yml")
    result = run("diff", "--against", "HEAD")
    assert (result.exit_code, result.stdout) == (0, "no changes from HEAD\n")


def test_a_yml_area_at_a_revision_is_read(repo: Path) -> None:
    (repo / AREA1).rename(repo / "plan" / "01-digitale.yml")
    git(repo, "add", "-A", "plan")
    git(repo, "commit", "-q", "-m", "Area as .yml")
    assert run("diff", "--against", "HEAD").stdout == "no changes from HEAD\n"
    assert run("diff", "--against", "HEAD~1").stdout == "no changes from HEAD~1\n"


def signed(repo: Path) -> None:
    """Make HEAD a commit carrying a (fake) signature, which `git log --show-signature` checks."""
    raw = git(repo, "cat-file", "commit", "HEAD")
    head, _, message = raw.partition("\n\n")
    signature = (
        "gpgsig -----BEGIN PGP SIGNATURE-----\n \n iQEzBAABCAAdFiEE\n -----END PGP SIGNATURE-----"
    )
    body = f"{head}\n{signature}\n\n{message}"
    done = subprocess.run(
        ["git", "hash-object", "-t", "commit", "-w", "--stdin"],
        cwd=repo,
        input=body,
        capture_output=True,
        text=True,
        check=True,
    )
    git(repo, "update-ref", "refs/heads/main", done.stdout.strip())


@pytest.mark.parametrize(
    ("settings", "trigger"),
    [
        ([("log.showSignature", "true"), ("gpg.program", "{script}")], ["log", "-1"]),
        ([("core.fsmonitor", "{script}")], ["status"]),
    ],
)
def test_git_never_runs_a_program_named_by_the_repository(
    repo: Path, settings: list[tuple[str, str]], trigger: list[str]
) -> None:
    marker, script = repo.parent / "marker", repo.parent / "program.sh"
    script.write_text(f"#!/bin/sh\ntouch {marker}\ncat >/dev/null\nexit 1\n")
    script.chmod(0o755)
    signed(repo)
    for key, value in settings:
        git(repo, "config", key, value.format(script=script))
    subprocess.run(["git", *trigger], cwd=repo, capture_output=True, check=False)
    assert marker.exists(), "the repository's config does run the program for plain git"
    marker.unlink()
    edit(repo, AREA1, '2023: "≥ 72%"', '2023: "≥ 75%"')
    assert run("diff", "--against", "HEAD").exit_code == 1
    assert run("history", "1.2").exit_code == 0
    assert not marker.exists()


def test_commit_subjects_reach_the_terminal_escaped(repo: Path) -> None:
    edit(repo, AREA1, '2023: "≥ 72%"', '2023: "≥ 75%"')
    line = '      - {date: 2022-10-25, act: "D CC 25/10/2022", change: target}\n'
    edit(
        repo,
        AREA1,
        line,
        line + '      - {date: 2025-03-28, act: "D CC 28/03/2025", change: target}\n',
    )
    git(repo, "commit", "-q", "-am", "Target 2023 \x1b[31mapprovato\x1b[0m")
    told = run("history", "1.2")
    assert told.exit_code == 0
    assert "Target 2023 \\x1b[31mapprovato\\x1b[0m" in told.stdout and "\x1b" not in told.stdout
