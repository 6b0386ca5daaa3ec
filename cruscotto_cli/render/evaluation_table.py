"""The evaluation as a rich table on the terminal, or a short block per indicator when narrow."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from cruscotto_cli.cycle.compare import Beside, YearOverYear, year_over_year
from cruscotto_cli.evaluate import Evaluation, Outcome, Score, Status
from cruscotto_cli.plan.loaded import Plan
from cruscotto_cli.render.reason_words import reason_text
from cruscotto_cli.render.responsive import NARROW, Responsive
from cruscotto_cli.render.terminal import cells, plain
from cruscotto_cli.render.words import Words, counts_text, overall_label, score_text, shown_actual

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

# The width of the previous year's degree and its difference, with their borders ("100,00%").
PREVIOUS_WIDTH = 20


def table(plan: Plan, evaluation: Evaluation) -> RenderableType:
    """Grouped by area, with area subtotals, a per-office summary and the overall score; on a
    narrow terminal each indicator is a short block instead of a table row."""
    w = Words(plan.language)
    # The previous year's two columns take width from the names: the table needs that much more.
    wider = PREVIOUS_WIDTH if year_over_year(evaluation).year is not None else 0
    return Responsive(
        lambda: _wide(plan, w, evaluation), lambda: _narrow(plan, w, evaluation), NARROW + wider
    )


def _wide(plan: Plan, w: Words, evaluation: Evaluation) -> RenderableType:
    parts: list[RenderableType] = []
    compared = year_over_year(evaluation)
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
        _previous_columns(grid, compared)
        for o in (o for o in evaluation.outcomes if o.area_id == area.key):
            row: list[str | Text] = [
                o.indicator.id,
                _name(plan, w, o),
                o.target.text if o.target else "",
            ]
            row += [shown_actual(w, o), _status(w, o), w.percent(o.degree)]
            grid.add_row(*cells(*row, *_previous(w, compared, compared.outcome(o))))
        grid.add_section()
        total: list[str | Text] = ["", plain(w["score"], style="bold"), "", ""]
        total.append(plain(area.band or "", style="bold"))
        before = [plain(c, style="bold") for c in _previous(w, compared, compared.area(area))]
        grid.add_row(*total, plain(w.score(area), style="bold"), *before)
        parts.append(grid)
    parts.append(_scores(w, w["offices"], w["office"], evaluation.offices, compared))
    parts.append(_overall(plan, w, evaluation))
    return Group(*parts)


def _narrow(plan: Plan, w: Words, evaluation: Evaluation) -> RenderableType:
    parts: list[RenderableType] = []
    for area in evaluation.areas:
        parts.append(plain(f"{w['area']} {area.key}. {area.title}", style="bold underline"))
        for o in (o for o in evaluation.outcomes if o.area_id == area.key):
            line = plain(f"{o.indicator.id}  ", style="bold")
            line.append_text(_name(plan, w, o))
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
    parts.append(_overall(plan, w, evaluation))
    return Group(*parts)


def _overall(plan: Plan, w: Words, evaluation: Evaluation) -> Text:
    """ "Complessivo 2024: 93,80% ...", or "Complessivo (aree 4, 12) 2024: ..." when filtered."""
    overall = evaluation.overall
    total = overall_label(w, plan, evaluation.scope)
    text = f"{total} {evaluation.year}: {score_text(w, overall)}"
    compared = year_over_year(evaluation)
    beside = compared.overall(overall)
    if compared.year is not None and beside.before is not None:
        change = f", Δ {w.points(beside.change)} {w['points']}" if beside.change is not None else ""
        text += f"; {compared.year}: {w.percent(beside.before)}{change}"
    return plain(text, style="bold")


def _name(plan: Plan, w: Words, o: Outcome) -> Text:
    text = plain(o.indicator.name)
    if o.reason and o.status in (Status.INVALID, Status.MISSING, Status.WITHDRAWN):
        text.append_text(plain(f"\n{reason_text(plan, o.reason)}", style="italic"))
    if o.explanation:
        text.append_text(plain(f"\n{w['explanation']}: {o.explanation}", style="italic"))
    return text


def _status(w: Words, o: Outcome) -> Text:
    return plain(w[o.status.value], style=STYLES[o.status])


def _scores(
    w: Words, title: str, first: str, scores: tuple[Score, ...], compared: YearOverYear
) -> Table:
    grid = Table(title=plain(title), title_justify="left", expand=True)
    grid.add_column(first, ratio=1, min_width=20)
    grid.add_column(w["counts"], ratio=1)
    grid.add_column(w["band"], no_wrap=True)
    grid.add_column(w["score"], justify="right", no_wrap=True)
    _previous_columns(grid, compared)
    for s in scores:
        before = _previous(w, compared, compared.office(s))
        grid.add_row(*cells(s.title, counts_text(w, s), s.band or "", w.score(s), *before))
    return grid


def _previous_columns(grid: Table, compared: YearOverYear) -> None:
    """The previous year's degree or score and the difference, when the plan has that year."""
    if compared.year is not None:
        grid.add_column(str(compared.year), justify="right", no_wrap=True)
        grid.add_column("Δ", justify="right", no_wrap=True)


def _previous(w: Words, compared: YearOverYear, beside: Beside) -> list[str]:
    if compared.year is None:
        return []
    return [w.percent(beside.before), w.points(beside.change)]
