"""Commands for the repository that holds the plan: diff (is every edit backed by its act?),
history."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from cruscotto_cli.cli.emit import emit, emit_rich
from cruscotto_cli.cli.formats import chosen_format
from cruscotto_cli.cli.options import DEFAULT_PLAN, Force, Output, PlanDir
from cruscotto_cli.cli.summary import append_step_summary
from cruscotto_cli.diagnostics import UsageError

if TYPE_CHECKING:
    from cruscotto_cli.plan.loaded import Plan

DIFF_FORMAT_HELP = (
    "text, json, github, markdown (a PR comment), junit "
    "[default: from the -o extension (.txt .json .md .xml), else text]."
)
HISTORY_FORMAT_HELP = "table, or json [default: from the -o extension (.txt .json), else table]."


class DiffFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"
    markdown = "markdown"
    junit = "junit"


def diff(
    against: Annotated[
        str | None,
        typer.Option(
            "--against",
            metavar="REV",
            help="The base: a git revision (origin/main, HEAD~1, a tag), always read from git.",
            show_default=False,
        ),
    ] = None,
    against_dir: Annotated[
        Path | None,
        typer.Option(
            "--against-dir",
            metavar="DIR",
            help="The base: a folder holding the other version of the plan (instead of --against).",
            show_default=False,
        ),
    ] = None,
    plan: PlanDir = DEFAULT_PLAN,
    format: Annotated[
        DiffFormat | None, typer.Option("--format", "-f", help=DIFF_FORMAT_HELP, show_default=False)
    ] = None,
    output: Output = None,
    force: Force = False,
) -> int:
    """Compare the plan with another version of it; every changed target or indicator needs its act.

    Compares every field that can change a verdict or a score: targets, name, unit, direction,
    symbol, formula, register, weight, owner and area of each indicator; period, scale, bands,
    offices and measures of plan.yaml. A change is backed when the indicator's `changes:` (or the
    plan's, in plan.yaml) gains an entry of the matching kind with act and date; tags, source,
    notes, title, entity, language and office aliases are only reported. The base is a git revision
    (--against), or a plan folder named as such (--against-dir).

    Exit codes: 0 every change backed (or none); 1 a change not backed, or an indicator deleted;
    2 bad usage, a revision not found, not a git repository, or a version of the plan invalid;
    3 internal error.
    """
    from cruscotto_cli.plan.load import load_plan
    from cruscotto_cli.render.changes import EXTENSIONS, FORMATS, markdown
    from cruscotto_cli.versions.diff import compare

    chosen = chosen_format(format and format.value, output, EXTENSIONS, "text")
    head = load_plan(plan)
    label, base = _base(against, against_dir, plan)
    result = compare(base, head, label, str(plan))
    emit(FORMATS[chosen](result), output, force)
    if chosen == "github":
        append_step_summary(markdown(result))
    return 1 if result.findings else 0


def _base(against: str | None, against_dir: Path | None, plan: Path) -> tuple[str, Plan]:
    """The base of a comparison and its name: a revision, or a folder only when said so."""
    from cruscotto_cli.plan.load import load_plan
    from cruscotto_cli.versions.git import load_revision

    if (against is None) == (against_dir is None):
        raise UsageError(
            "diff needs one base: --against REV (a git revision) or --against-dir DIR "
            "(a folder holding the other version of the plan)"
        )
    if against is not None:
        return against, load_revision(against, plan)
    assert against_dir is not None
    if not against_dir.is_dir():
        raise UsageError(f"{against_dir}: not a folder; --against-dir takes a plan folder")
    return str(against_dir), load_plan(against_dir)


class HistoryFormat(StrEnum):
    table = "table"
    json = "json"


def history(
    indicator: Annotated[
        str, typer.Argument(help="The indicator id, e.g. 1.2.", show_default=False)
    ],
    plan: PlanDir = DEFAULT_PLAN,
    max_commits: Annotated[
        int,
        typer.Option(
            "--max-commits",
            min=1,
            help="Read at most this many of the latest commits that touched the plan.",
        ),
    ] = 200,
    format: Annotated[
        HistoryFormat | None,
        typer.Option("--format", "-f", help=HISTORY_FORMAT_HELP, show_default=False),
    ] = None,
    output: Output = None,
    force: Force = False,
) -> int:
    """An indicator's targets through the plan's git history: commit, date, acts, old and new.

    Exit codes: 0 shown; 2 not a git repository, or the indicator is in no commit read; 3 internal
    error.
    """
    from cruscotto_cli.render import story as views
    from cruscotto_cli.versions.history import story
    from cruscotto_cli.versions.repository import relative, repo_root

    chosen = chosen_format(format and format.value, output, views.EXTENSIONS, "table")
    root = repo_root(plan)
    told = story(root, relative(root, plan), indicator, max_commits)
    if chosen == "json":
        emit(views.json_text(told), output, force)
    else:
        emit_rich(views.table(told), output, force)
    return 0
