"""The plan as readers see it: a table of targets by year, or one indicator in full."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table

from cruscotto_cli.plan.loaded import Placed, Plan
from cruscotto_cli.plan.targets import reading
from cruscotto_cli.render.responsive import Responsive
from cruscotto_cli.render.terminal import cells, plain
from cruscotto_cli.render.words import Words


def renderable(plan: Plan, placed: list[Placed], detail: bool) -> RenderableType:
    if detail:
        return _detail(plan, placed[0])
    return Responsive(lambda: _wide(plan, placed), lambda: _narrow(plan, placed))


def _narrow(plan: Plan, placed: list[Placed]) -> RenderableType:
    w = Words(plan.language)
    parts: list[RenderableType] = [
        plain(f"{plan.header.title} ({len(placed)} {w['indicators'].lower()})", style="bold")
    ]
    for p in placed:
        ind = p.indicator
        line = plain(f"{ind.id}  ", style="bold")
        line.append_text(plain(ind.name))
        targets = " · ".join(f"{year} {t.text}" for year, t in sorted(ind.targets.items()))
        line.append_text(plain(f"\n    {targets}\n    {plan.office_name(ind.owner)}"))
        if ind.withdrawal:
            line.append_text(plain(f"\n    {w['withdrawn']}: {ind.withdrawal.act}", style="italic"))
        parts.append(line)
    return Group(*parts)


def _wide(plan: Plan, placed: list[Placed]) -> RenderableType:
    years = list(plan.header.period.years)
    w = Words(plan.language)
    parts: list[RenderableType] = [
        plain(f"{plan.header.title} ({len(placed)} {w['indicators'].lower()})", style="bold")
    ]
    for area, _ in plan.areas:
        rows = [p for p in placed if p.area.id == area.id]
        if not rows:
            continue
        grid = Table(
            title=plain(f"{w['area']} {area.id}. {area.title}"), title_justify="left", expand=True
        )
        grid.add_column(w["id"], no_wrap=True)
        grid.add_column(w["indicator"], ratio=3)
        for year in years:
            grid.add_column(str(year), no_wrap=True)
        grid.add_column(w["owner"], ratio=1)
        for p in rows:
            ind = p.indicator
            name = plain(ind.name)
            if ind.withdrawal:
                name.append_text(
                    plain(f" [{w['withdrawn']}: {ind.withdrawal.act}]", style="italic")
                )
            targets = [ind.targets[y].text if y in ind.targets else "" for y in years]
            grid.add_row(*cells(ind.id, name, *targets, plan.office_name(ind.owner)))
        parts.append(grid)
    return Group(*parts)


def _detail(plan: Plan, placed: Placed) -> RenderableType:
    w, ind = Words(plan.language), placed.indicator
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold", no_wrap=True)
    facts.add_column()
    direction = ind.effective_direction
    rows = [
        (w["indicator"], f"{ind.id}  {ind.name}"),
        (w["area"], f"{placed.area.id}. {placed.area.title}"),
        (w["owner"], f"{plan.office_name(ind.owner)} ({ind.owner})"),
        (w["unit"], ind.unit),
        (w["show_direction"], w[direction] if direction else "-"),
        (w["show_symbol"], ind.symbol or ""),
        (w["show_formula"], ind.formula.text if ind.formula else ""),
        (w["show_register"], ind.from_register.value if ind.from_register else ""),
        (w["show_weight"], w.number(ind.weight)),
        (w["show_tags"], ", ".join(ind.tags)),
        (w["source"], ind.source or ""),
        (w["show_notes"], "\n".join(ind.notes)),
        (w["show_file"], str(placed.document.path)),
    ]
    for label, value in rows:
        if value:
            facts.add_row(*cells(label, value))
    targets = Table(title=plain(w["show_targets"]), title_justify="left")
    for column in ("year", "show_printed", "show_read_as"):
        targets.add_column(w[column])
    for year, target in sorted(ind.targets.items()):
        withdrawn = ind.withdrawn_in(year)
        targets.add_row(
            *cells(
                str(year),
                target.text,
                w["withdrawn"] if withdrawn else reading(target, direction, ind.unit),
            )
        )
    parts: list[RenderableType] = [facts, targets]
    if ind.changes:
        history = Table(title=plain(w["show_history"]), title_justify="left")
        for column in ("show_date", "show_act", "show_change", "note"):
            history.add_column(w[column])
        for change in ind.changes:
            history.add_row(
                *cells(
                    w.date(change.date),
                    change.act,
                    w[f"change_{change.change.value}"],
                    change.note or "",
                )
            )
        parts.append(history)
    return Group(*parts)
