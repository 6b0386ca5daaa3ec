"""Reporters of an evaluation: a rich table, CSV for Italian Excel, Markdown."""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from cruscotto_cli.evaluate import Evaluation, Outcome, Score, Status, outcome_band
from cruscotto_cli.excelcsv import excel_text, to_csv
from cruscotto_cli.labels import Words
from cruscotto_cli.plan import Plan
from cruscotto_cli.render.responsive import Responsive

# Colour helps; the word in each cell says the same without it.
STYLES = {
    Status.MET: "green",
    Status.NOT_MET: "red",
    Status.BASELINE: "cyan",
    Status.MISSING: "yellow",
    Status.NO_TARGET: "dim",
    Status.WITHDRAWN: "dim",
    Status.INVALID: "magenta",
}


def table(plan: Plan, evaluation: Evaluation) -> RenderableType:
    """Grouped by area, with area subtotals, a per-office summary and the overall score; on a
    narrow terminal each indicator is a short block instead of a table row."""
    w = Words(plan.language)
    return Responsive(_wide(w, evaluation), _narrow(w, evaluation))


def _wide(w: Words, evaluation: Evaluation) -> RenderableType:
    parts: list[RenderableType] = []
    for area in evaluation.areas:
        grid = Table(title=f"{w['area']} {area.key}. {area.title}", title_justify="left", expand=True, show_lines=False)
        grid.add_column(w["id"], no_wrap=True)
        grid.add_column(w["indicator"], ratio=1)
        grid.add_column(w["target"], no_wrap=True)
        grid.add_column(w["actual"], justify="right", no_wrap=True)
        grid.add_column(w["status"], no_wrap=True)
        grid.add_column(w["degree"], justify="right", no_wrap=True)
        for o in (o for o in evaluation.outcomes if o.area_id == area.key):
            grid.add_row(o.indicator.id, _name(o), o.target.text if o.target else "", shown_actual(w, o), _status(w, o), w.percent(o.degree))
        grid.add_section()
        grid.add_row("", Text(w["score"], style="bold"), "", "", Text(area.band or "", style="bold"), Text(w.percent(area.score), style="bold"))
        parts.append(grid)
    parts.append(_scores(w, w["offices"], w["office"], evaluation.offices))
    parts.append(_overall(w, evaluation))
    return Group(*parts)


def _narrow(w: Words, evaluation: Evaluation) -> RenderableType:
    parts: list[RenderableType] = []
    for area in evaluation.areas:
        parts.append(Text(f"{w['area']} {area.key}. {area.title}", style="bold underline"))
        for o in (o for o in evaluation.outcomes if o.area_id == area.key):
            line = Text(f"{o.indicator.id}  ", style="bold")
            line.append_text(_name(o))
            line.append(f"\n    {w['target']} {o.target.text if o.target else '-'} · {w['actual']} {shown_actual(w, o) or '-'} · ")
            line.append_text(_status(w, o))
            line.append(f" {w.percent(o.degree)}" if o.degree is not None else "")
            parts.append(line)
        parts.append(Text(f"{w['score']}: {score_text(w, area, counts=False)}\n", style="bold"))
    parts.append(Text(w["offices"], style="bold underline"))
    parts += [Text(f"{s.title}: {score_text(w, s)}") for s in evaluation.offices]
    parts.append(_overall(w, evaluation))
    return Group(*parts)


def _overall(w: Words, evaluation: Evaluation) -> Text:
    overall = evaluation.overall
    return Text(f"{w['overall']} {evaluation.year}: {score_text(w, overall)}", style="bold")


def score_text(w: Words, score: Score, counts: bool = True) -> str:
    """`93,80% Parzialmente raggiunto (raggiunto 43, ...)`; `- (eliminato 1)` when nothing was scored."""
    parts = [w.percent(score.score) or "-", score.band or "", f"({counts_text(w, score)})" if counts else ""]
    return " ".join(p for p in parts if p)


def shown_actual(w: Words, o: Outcome) -> str:
    """The actual as readers expect it, with the level a numeric score reads as: 3,8 (alto)."""
    text = w.value(o.actual, o.indicator.unit)
    return f"{text} ({o.level})" if o.level else text


def _name(o: Outcome) -> Text:
    text = Text(o.indicator.name)
    if o.reason and o.status in (Status.INVALID, Status.MISSING, Status.WITHDRAWN):
        text.append(f"\n{o.reason}", style="italic")
    return text


def _status(w: Words, o: Outcome) -> Text:
    return Text(w[o.status.value], style=STYLES[o.status])


def _scores(w: Words, title: str, first: str, scores: tuple[Score, ...]) -> Table:
    grid = Table(title=title, title_justify="left", expand=True)
    grid.add_column(first, ratio=1, min_width=20)
    grid.add_column(w["counts"], ratio=1)
    grid.add_column(w["band"], no_wrap=True)
    grid.add_column(w["score"], justify="right", no_wrap=True)
    for s in scores:
        grid.add_row(s.title, counts_text(w, s), s.band or "", w.percent(s.score))
    return grid


def counts_text(w: Words, score: Score) -> str:
    return ", ".join(f"{w[status.value].lower()} {n}" for status, n in _ordered(score))


def _ordered(score: Score) -> list[tuple[Status, int]]:
    return [(status, score.counts[status]) for status in Status if score.counts.get(status)]


def csv_text(plan: Plan, evaluation: Evaluation) -> str:
    """One row per indicator, `;`-separated with decimal commas, as Italian Excel opens it."""
    w = Words(plan.language)
    rows: list[list[object]] = [[w[k] for k in ("area", "id", "indicator", "owner", "unit", "target", "actual", "status", "degree", "band", "note")]]
    for o in evaluation.outcomes:
        ind = o.indicator
        target = o.target.text if o.target else ""
        status, degree = w[o.status.value], w.percent(o.degree)
        office, actual, band = plan.office_name(ind.owner), shown_actual(w, o), outcome_band(o, plan.header.bands) or ""
        rows.append([o.area_id, excel_text(ind.id), ind.name, office, ind.unit, target, actual, status, degree, band, o.reason or ""])
    return to_csv(rows, ";" if w.decimal == "," else ",")


def markdown(plan: Plan, evaluation: Evaluation) -> str:
    """The evaluation as Markdown tables, for wikis and pull requests."""
    w = Words(plan.language)
    lines = [f"# {plan.header.title}: {w['evaluation'].lower()} {evaluation.year}", ""]
    overall = evaluation.overall
    lines += [f"**{w['overall']}: {w.percent(overall.score) or '-'}** {overall.band or ''} ({counts_text(w, overall)})", ""]
    for area in evaluation.areas:
        lines += [f"## {area.key}. {_md(area.title)}", "", f"{w['score']}: **{w.percent(area.score) or '-'}** {area.band or ''}", ""]
        header = [w[k] for k in ("id", "indicator", "target", "actual", "status", "degree")]
        lines += _md_table(header, [
            [o.indicator.id, o.indicator.name, o.target.text if o.target else "", shown_actual(w, o), w[o.status.value], w.percent(o.degree)]
            for o in evaluation.outcomes if o.area_id == area.key
        ])
    lines += [f"## {w['offices']}", ""]
    rows = [[s.title, counts_text(w, s), s.band or "", w.percent(s.score)] for s in evaluation.offices]
    lines += _md_table([w["office"], w["counts"], w["band"], w["score"]], rows)
    return "\n".join(lines)


def _md_table(header: list[str], rows: list[list[str]]) -> list[str]:
    aligned = ["---:" if h in ("Grado", "Degree", "Punteggio", "Score", "Valore", "Actual") else "---" for h in header]
    out = ["| " + " | ".join(header) + " |", "| " + " | ".join(aligned) + " |"]
    out += ["| " + " | ".join(_md(c) for c in row) + " |" for row in rows]
    return [*out, ""]


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


TEXT_FORMATS: dict[str, Callable[[Plan, Evaluation], str]] = {"csv": csv_text, "markdown": markdown}
