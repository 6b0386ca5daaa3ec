"""The evaluation as a rich table on the terminal, or a short block per indicator when narrow."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from cruscotto_cli.evaluate import Evaluation, Outcome, Score, Status
from cruscotto_cli.plan.loaded import Plan
from cruscotto_cli.render.responsive import Responsive
from cruscotto_cli.render.terminal import cells, plain
from cruscotto_cli.render.words import Words, counts_text, score_text, shown_actual

# Colour helps; the word in each cell says the same without it.
STYLES = {
    Status.MET: "green",
    Status.NOT_MET: "red",
    Status.BASELINE: "cyan",
    Status.MISSING: "yellow",
    Status.NO_TARGET: "dim",
    Status.WITHDRAWN: "dim",
    Status.INVALID: "magenta",
    Status.NOT_COLLECTED: "blue",
}


def table(plan: Plan, evaluation: Evaluation) -> RenderableType:
    """Grouped by area, with area subtotals, a per-office summary and the overall score; on a
    narrow terminal each indicator is a short block instead of a table row."""
    w = Words(plan.language)
    return Responsive(_wide(w, evaluation), _narrow(w, evaluation))


def _wide(w: Words, evaluation: Evaluation) -> RenderableType:
    parts: list[RenderableType] = []
    for area in evaluation.areas:
        grid = Table(
            title=plain(f"{w['area']} {area.key}. {area.title}"),
            title_justify="left",
            expand=True,
            show_lines=False,
        )
        grid.add_column(w["id"], no_wrap=True)
        grid.add_column(w["indicator"], ratio=1)
        grid.add_column(w["target"], no_wrap=True)
        grid.add_column(w["actual"], justify="right", no_wrap=True)
        grid.add_column(w["status"], no_wrap=True)
        grid.add_column(w["degree"], justify="right", no_wrap=True)
        for o in (o for o in evaluation.outcomes if o.area_id == area.key):
            grid.add_row(
                *cells(
                    o.indicator.id,
                    _name(w, o),
                    o.target.text if o.target else "",
                    shown_actual(w, o),
                    _status(w, o),
                    w.percent(o.degree),
                )
            )
        grid.add_section()
        grid.add_row(
            "",
            plain(w["score"], style="bold"),
            "",
            "",
            plain(area.band or "", style="bold"),
            plain(w.score(area), style="bold"),
        )
        parts.append(grid)
    parts.append(_scores(w, w["offices"], w["office"], evaluation.offices))
    parts.append(_overall(w, evaluation))
    return Group(*parts)


def _narrow(w: Words, evaluation: Evaluation) -> RenderableType:
    parts: list[RenderableType] = []
    for area in evaluation.areas:
        parts.append(plain(f"{w['area']} {area.key}. {area.title}", style="bold underline"))
        for o in (o for o in evaluation.outcomes if o.area_id == area.key):
            line = plain(f"{o.indicator.id}  ", style="bold")
            line.append_text(_name(w, o))
            line.append_text(
                plain(
                    f"\n    {w['target']} {o.target.text if o.target else '-'} · {w['actual']} "
                    f"{shown_actual(w, o) or '-'} · "
                )
            )
            line.append_text(_status(w, o))
            line.append(f" {w.percent(o.degree)}" if o.degree is not None else "")
            parts.append(line)
        parts.append(plain(f"{w['score']}: {score_text(w, area, counts=False)}\n", style="bold"))
    parts.append(plain(w["offices"], style="bold underline"))
    parts += [plain(f"{s.title}: {score_text(w, s)}") for s in evaluation.offices]
    parts.append(_overall(w, evaluation))
    return Group(*parts)


def _overall(w: Words, evaluation: Evaluation) -> Text:
    overall = evaluation.overall
    return plain(f"{w['overall']} {evaluation.year}: {score_text(w, overall)}", style="bold")


def _name(w: Words, o: Outcome) -> Text:
    text = plain(o.indicator.name)
    if o.reason and o.status in (Status.INVALID, Status.MISSING, Status.WITHDRAWN):
        text.append_text(plain(f"\n{o.reason}", style="italic"))
    if o.explanation:
        text.append_text(plain(f"\n{w['explanation']}: {o.explanation}", style="italic"))
    return text


def _status(w: Words, o: Outcome) -> Text:
    return plain(w[o.status.value], style=STYLES[o.status])


def _scores(w: Words, title: str, first: str, scores: tuple[Score, ...]) -> Table:
    grid = Table(title=plain(title), title_justify="left", expand=True)
    grid.add_column(first, ratio=1, min_width=20)
    grid.add_column(w["counts"], ratio=1)
    grid.add_column(w["band"], no_wrap=True)
    grid.add_column(w["score"], justify="right", no_wrap=True)
    for s in scores:
        grid.add_row(*cells(s.title, counts_text(w, s), s.band or "", w.score(s)))
    return grid
