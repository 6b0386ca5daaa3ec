"""Reporters of an indicator's history (`history`): a table for people, JSON for scripts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from cruscotto_cli.diagnostics import plural
from cruscotto_cli.render.jsontext import FULL, SCHEMA_VERSION, dumps
from cruscotto_cli.render.terminal import cells, plain
from cruscotto_cli.render.words import Words
from cruscotto_cli.versions.difference import Difference
from cruscotto_cli.versions.history import Step, Story

# The extension of an -o file -> the format it is written in.
EXTENSIONS = {".txt": "table", ".json": "json"}


def table(story: Story) -> RenderableType:
    """Each commit that changed the indicator as a heading line (commit, date, subject, acts
    recorded), then a small table of what it changed: change, year, old, new. In the plan's
    language."""
    w = Words(story.language)
    title = w["history_title"].format(indicator=story.indicator, folder=story.folder)
    parts: list[RenderableType] = [plain(title, style="bold")]
    for step in story.steps:
        day = w.date(dt.date.fromisoformat(step.commit.date))
        head = plain(f"{step.commit.short}  {day}  ", style="bold")
        head.append_text(plain(step.commit.subject))
        if step.recorded:
            acts = "; ".join(f"{c.act} ({w.date(c.date)})" for c in step.recorded)
            head.append_text(plain(f"\n  {w['history_acts']}: {acts}", style="italic"))
        grid = Table(box=box.SIMPLE_HEAD, pad_edge=False, padding=(0, 1))
        for header in ("history_change", "history_year", "history_old", "history_new"):
            grid.add_column(w[header], overflow="fold")
        for row in _rows(w, step):
            grid.add_row(*cells(*row))
        parts += [plain(""), head, Padding(grid, (0, 0, 0, 2))]
    return Group(*parts, plain(_footer(story)))


def _rows(w: Words, step: Step) -> list[tuple[Text | str, ...]]:
    if step.skipped:
        return [(plain(step.skipped, style="italic"), "", "", "")]
    rows: list[tuple[Text | str, ...]] = [_cells(w, d) for d in step.differences]
    return rows or [(plain(w["history_recorded"], style="dim"), "", "", "")]


def _cells(w: Words, d: Difference) -> tuple[str, ...]:
    what = w.labels.get(f"what_{d.what}", d.what)
    if d.what in ("added", "removed"):  # the old or new value is the indicator's whole name
        return (what, "", "", "")
    if d.what == "history":
        return (w["history_edited"].format(entry=d.old), "", "", "")
    return (what, str(d.year or ""), d.old or "-", d.new or "-")


def _footer(story: Story) -> str:
    w = Words(story.language)
    more = w["history_truncated"] if story.truncated else ""
    count = len(story.steps)
    footer = w["history_footer"].format(
        commits=plural(count, "commit"),
        count=count,
        indicator=story.indicator,
        read=story.commits_read,
        folder=story.folder,
    )
    return footer + more


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
