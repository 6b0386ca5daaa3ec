"""Reporters of an indicator's history (`history`): a table for people, JSON for scripts."""

from __future__ import annotations

from typing import Any

from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from cruscotto_cli.diagnostics import plural
from cruscotto_cli.render.changes import describe
from cruscotto_cli.render.jsontext import FULL, SCHEMA_VERSION, dumps
from cruscotto_cli.render.terminal import cells, plain
from cruscotto_cli.versions.difference import Difference, acts_text
from cruscotto_cli.versions.history import Step, Story

# The extension of an -o file -> the format it is written in.
EXTENSIONS = {".txt": "table", ".json": "json"}


def table(story: Story) -> RenderableType:
    """Each commit that changed the indicator as a heading line (commit, date, subject, acts
    recorded), then a small table of what it changed: change, year, old, new."""
    parts: list[RenderableType] = [
        plain(f"Indicator {story.indicator}: history of {story.folder}/", style="bold")
    ]
    for step in story.steps:
        head = plain(f"{step.commit.short}  {step.commit.date}  ", style="bold")
        head.append_text(plain(step.commit.subject))
        if step.recorded:
            head.append_text(
                plain(f"\n  acts recorded: {acts_text(step.recorded)}", style="italic")
            )
        grid = Table(box=box.SIMPLE_HEAD, pad_edge=False, padding=(0, 1))
        for header in ("change", "year", "old", "new"):
            grid.add_column(header, overflow="fold")
        for row in _rows(step):
            grid.add_row(*cells(*row))
        parts += [plain(""), head, Padding(grid, (0, 0, 0, 2))]
    return Group(*parts, plain(_footer(story)))


def _rows(step: Step) -> list[tuple[Text | str, ...]]:
    if step.skipped:
        return [(plain(step.skipped, style="italic"), "", "", "")]
    rows: list[tuple[Text | str, ...]] = [_cells(d) for d in step.differences]
    return rows or [(plain("history entry recorded", style="dim"), "", "", "")]


def _cells(d: Difference) -> tuple[str, ...]:
    if d.what in ("added", "removed"):  # the old or new value is the indicator's whole name
        return (d.what, "", "", "")
    if d.what == "history":
        return (describe(d), "", "", "")
    return (d.what, str(d.year or ""), d.old or "-", d.new or "-")


def _footer(story: Story) -> str:
    more = "; older commits not read (raise --max-commits)" if story.truncated else ""
    return (
        f"{plural(len(story.steps), 'commit')} changed indicator {story.indicator}, of "
        f"{story.commits_read} that touched {story.folder}/{more}"
    )


def json_text(story: Story) -> str:
    data = {
        "schema_version": SCHEMA_VERSION,
        "indicator": story.indicator,
        "folder": story.folder,
        "commits_read": story.commits_read,
        "truncated": story.truncated,
        "steps": [_step(s) for s in story.steps],
    }
    return dumps(data, depth=FULL)


def _step(step: Step) -> dict[str, Any]:
    c = step.commit
    return {
        "commit": c.sha,
        "short": c.short,
        "date": c.date,
        "subject": c.subject,
        "skipped": step.skipped,
        "problems": list(step.problems),
        "recorded": [
            {"date": r.date.isoformat(), "act": r.act, "change": r.change.value}
            for r in step.recorded
        ],
        "changes": [
            {"change": d.what, "year": d.year, "old": d.old, "new": d.new} for d in step.differences
        ],
    }
