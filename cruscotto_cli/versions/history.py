"""An indicator's story through the plan's git history: each commit that changed it, and the acts.

Reads `git log -- plan/` oldest first, loads the plan at each commit and compares the indicator
with its previous version (see diff.py). A commit where the plan does not load is noted and
skipped: the next one is compared with the last version that loaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cruscotto_cli.diagnostics import InputError, UsageError
from cruscotto_cli.plan.loaded import Placed
from cruscotto_cli.plan.model import Change, Indicator
from cruscotto_cli.versions.diff import indicator_differences
from cruscotto_cli.versions.difference import Difference
from cruscotto_cli.versions.git import load_at
from cruscotto_cli.versions.repository import git, text

DEFAULT_MAX_COMMITS = 200


@dataclass(frozen=True)
class Commit:
    sha: str
    short: str
    date: str
    subject: str


@dataclass(frozen=True)
class Step:
    """One commit of the story: the acts it recorded and what it changed, or why it was skipped."""

    commit: Commit
    recorded: tuple[Change, ...] = ()
    differences: tuple[Difference, ...] = ()
    skipped: str | None = None
    problems: tuple[str, ...] = ()  # why the plan did not load, when skipped


@dataclass(frozen=True)
class Story:
    """The steps of one indicator, and the language of the latest plan read (its readers')."""

    indicator: str
    folder: str
    steps: tuple[Step, ...]
    commits_read: int
    truncated: bool
    language: str = "en"


def commits(root: Path, inside: str, max_commits: int) -> list[Commit]:
    """The commits that touched the plan folder, oldest first, at most `max_commits` (the
    latest)."""
    spec = "." if inside == "." else f"{inside}/"
    done = git(
        root,
        "log",
        "--no-show-signature",
        "--no-color",
        "--no-notes",
        "--encoding=UTF-8",
        "-z",
        "--date=short",
        "--format=%H%x1f%h%x1f%ad%x1f%s",
        "-n",
        str(max_commits),
        "--",
        spec,
    )
    if done.returncode != 0:
        raise UsageError(f"git log failed in {root}: {text(done.stderr).strip()}")
    records = [r for r in text(done.stdout).split("\0") if r.strip()]
    return [Commit(*r.strip("\n").split("\x1f", 3)) for r in reversed(records)]


def story(
    root: Path, inside: str, indicator_id: str, max_commits: int = DEFAULT_MAX_COMMITS
) -> Story:
    """Every change of one indicator, commit by commit; UsageError when no commit has it."""
    found = commits(root, inside, max_commits + 1)
    truncated = len(found) > max_commits
    previous: Indicator | None = None
    language = "en"
    if truncated:  # the commit just before the window is the version the first one changed
        _, previous, language = _step(root, inside, indicator_id, found[0], None, language)
        found = found[1:]
    steps: list[Step] = []
    seen = previous is not None
    for commit in found:
        step, current, language = _step(root, inside, indicator_id, commit, previous, language)
        if step is not None and (
            seen or step.skipped is None
        ):  # a broken plan before the indicator is noise
            steps.append(step)
        seen = seen or current is not None
        previous = current
    if not seen:
        raise UsageError(
            f'indicator "{indicator_id}" is in none of the {len(found)} commits that touched '
            f"{inside}/ (see --max-commits)"
        )
    return Story(indicator_id, inside, tuple(steps), len(found), truncated, language)


def _step(
    root: Path,
    inside: str,
    indicator_id: str,
    commit: Commit,
    previous: Indicator | None,
    language: str,
) -> tuple[Step | None, Indicator | None, str]:
    """This commit's step (None when the indicator did not change), the indicator as it is
    there, and the plan's language there (`language` when the plan does not load)."""
    try:
        plan = load_at(root, commit.sha, inside, commit.short)
    except (InputError, UsageError) as exc:
        return _skipped(commit, exc), previous, language
    placed = plan.indicator(indicator_id)
    if placed is None:
        if previous is None:
            return None, None, plan.language
        gone = Difference(
            indicator_id, "removed", previous.name, None, problem="removed from the plan"
        )
        return Step(commit, differences=(gone,)), None, plan.language
    differences = tuple(indicator_differences(previous, placed)) + (
        _first_targets(placed) if previous is None else ()
    )
    recorded = tuple(
        c for c in placed.indicator.changes if previous is None or c not in previous.changes
    )
    changed = bool(differences or recorded)
    step = Step(commit, recorded, differences) if changed else None
    return step, placed.indicator, plan.language


def _first_targets(placed: Placed) -> tuple[Difference, ...]:
    """The targets an indicator starts with, as changes from nothing."""
    ind = placed.indicator
    return tuple(
        Difference(ind.id, "target", None, t.text, year) for year, t in sorted(ind.targets.items())
    )


def _skipped(commit: Commit, exc: InputError | UsageError) -> Step:
    if isinstance(exc, InputError):
        n = len(exc.diagnostics)
        why = f"the plan does not load at this commit ({n} problem{'s' if n != 1 else ''}): skipped"
        return Step(commit, skipped=why, problems=tuple(str(d) for d in exc.diagnostics))
    return Step(commit, skipped=f"{exc}: skipped", problems=(str(exc),))
