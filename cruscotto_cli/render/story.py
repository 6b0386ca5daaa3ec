"""Reporters of an indicator's history (`history`): a table for people, JSON for scripts."""

from __future__ import annotations

import json
from typing import Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from cruscotto_cli.diff import Difference, acts_text
from cruscotto_cli.history import Step, Story
from cruscotto_cli.render.changes import describe


def table(story: Story) -> RenderableType:
    """One row per change (what, year, old, new), the commit's columns on its first row only."""
    grid = Table(title=f"Indicator {story.indicator}: history of {story.folder}/", title_justify="left", expand=True)
    for header in ("commit", "date", "subject", "acts recorded", "change", "year", "old", "new"):
        wide = header in ("subject", "acts recorded", "change")
        grid.add_column(header, no_wrap=header in ("commit", "date", "year"), ratio=1 if wide else None, min_width=6)
    for step in story.steps:
        for i, cells in enumerate(_rows(step)):
            head = (step.commit.short, step.commit.date, step.commit.subject, acts_text(step.recorded)) if i == 0 else ("", "", "", "")
            grid.add_row(*head, *cells)
    return Group(grid, Text(_footer(story)))


def _rows(step: Step) -> list[tuple[Text | str, ...]]:
    if step.skipped:
        return [(Text(step.skipped, style="italic"), "", "", "")]
    rows: list[tuple[Text | str, ...]] = [_cells(d) for d in step.differences]
    return rows or [(Text("history entry recorded", style="dim"), "", "", "")]


def _cells(d: Difference) -> tuple[str, ...]:
    if d.what in ("added", "removed"):  # the old or new value is the indicator's whole name
        return (d.what, "", "", "")
    if d.what == "history":
        return (describe(d), "", "", "")
    return (d.what, str(d.year or ""), d.old or "-", d.new or "-")


def _footer(story: Story) -> str:
    more = "; older commits not read (raise --max-commits)" if story.truncated else ""
    return f"{len(story.steps)} commit(s) changed indicator {story.indicator}, of {story.commits_read} that touched {story.folder}/{more}"


def json_text(story: Story) -> str:
    data = {
        "schema_version": 1,
        "indicator": story.indicator,
        "folder": story.folder,
        "commits_read": story.commits_read,
        "truncated": story.truncated,
        "steps": [_step(s) for s in story.steps],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _step(step: Step) -> dict[str, Any]:
    c = step.commit
    return {
        "commit": c.sha,
        "short": c.short,
        "date": c.date,
        "subject": c.subject,
        "skipped": step.skipped,
        "problems": list(step.problems),
        "recorded": [{"date": r.date.isoformat(), "act": r.act, "change": r.change.value} for r in step.recorded],
        "changes": [{"change": d.what, "year": d.year, "old": d.old, "new": d.new} for d in step.differences],
    }
