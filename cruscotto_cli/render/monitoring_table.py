"""A monitoring run as rich tables on the terminal, one per area, or short blocks when narrow."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table

from cruscotto_cli.cycle.monitor import Check, Monitoring, Progress
from cruscotto_cli.plan.loaded import Plan
from cruscotto_cli.render.monitoring_rows import row, summary
from cruscotto_cli.render.responsive import Responsive
from cruscotto_cli.render.terminal import cells, plain
from cruscotto_cli.render.words import Words

STYLES = {
    Progress.ON_TRACK: "green",
    Progress.AT_RISK: "yellow",
    Progress.CRITICAL: "red",
    Progress.IN_PROGRESS: "cyan",
    Progress.NOT_MEASURABLE: "magenta",
    Progress.BASELINE: "dim",
    Progress.NO_TARGET: "dim",
    Progress.WITHDRAWN: "dim",
}


def table(plan: Plan, m: Monitoring) -> RenderableType:
    w = Words(plan.language)
    return Responsive(lambda: _wide(w, plan, m), lambda: _narrow(w, plan, m))


def _areas(plan: Plan, m: Monitoring) -> list[tuple[str, str, list[Check]]]:
    return [
        (a.id, a.title, found)
        for a, _ in plan.areas
        if (found := [c for c in m.checks if c.area_id == a.id])
    ]


def _wide(w: Words, plan: Plan, m: Monitoring) -> RenderableType:
    parts: list[RenderableType] = []
    for key, title, checks in _areas(plan, m):
        grid = Table(title=plain(f"{w['area']} {key}. {title}"), title_justify="left", expand=True)
        grid.add_column(w["id"], no_wrap=True)
        grid.add_column(w["indicator"], ratio=1)
        grid.add_column(w["target"], no_wrap=True)
        grid.add_column(w["actual"], justify="right", no_wrap=True)
        grid.add_column(w["date"], no_wrap=True)
        grid.add_column(w["projection"], justify="right", no_wrap=True)
        grid.add_column(w["status"], no_wrap=True)
        for c in checks:
            r = row(w, c, plan)
            name = plain(c.indicator.name)
            if r[-1]:
                name.append(f"\n{r[-1]}", style="italic")
            status = plain(w[c.status.value], style=STYLES[c.status])
            grid.add_row(*cells(r[1], name, r[3], r[4], r[5], r[7], status))
        parts.append(grid)
    parts.append(plain(summary(w, m), style="bold"))
    return Group(*parts)


def _narrow(w: Words, plan: Plan, m: Monitoring) -> RenderableType:
    parts: list[RenderableType] = []
    for key, title, checks in _areas(plan, m):
        parts.append(plain(f"{w['area']} {key}. {title}", style="bold underline"))
        for c in checks:
            r = row(w, c, plan)
            line = plain(f"{c.indicator.id}  ", style="bold")
            line.append_text(plain(c.indicator.name))
            line.append(f"\n    {w['target']} {r[3] or '-'} · {w['actual']} {r[4] or '-'} {r[5]}")
            line.append(f" · {r[7]}" if r[7] else "")
            line.append(" · ")
            line.append_text(plain(w[c.status.value], style=STYLES[c.status]))
            parts.append(line)
    parts.append(plain(summary(w, m), style="bold"))
    return Group(*parts)
