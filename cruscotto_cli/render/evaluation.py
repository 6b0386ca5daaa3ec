"""Reporters of an evaluation: CSV for Italian Excel, Markdown, and the registry of every format."""

from __future__ import annotations

from collections.abc import Callable

from cruscotto_cli.actuals.excel import excel_text, to_csv
from cruscotto_cli.evaluate import Evaluation
from cruscotto_cli.plan.loaded import Plan
from cruscotto_cli.render.markdown import escape as md_escape
from cruscotto_cli.render.markdown import table as markdown_table
from cruscotto_cli.render.reason_words import reason_text
from cruscotto_cli.render.words import Words, counts_text, overall_label, shown_actual


def csv_text(plan: Plan, evaluation: Evaluation) -> str:
    """One row per indicator, `;`-separated with decimal commas, as Italian Excel opens it."""
    w = Words(plan.language)
    rows: list[list[object]] = [
        [
            w[k]
            for k in (
                "area",
                "id",
                "indicator",
                "owner",
                "unit",
                "target",
                "actual",
                "status",
                "degree",
                "note",
                "explanation",
            )
        ]
    ]
    for o in evaluation.outcomes:
        ind = o.indicator
        target = o.target.text if o.target else ""
        status, degree = w[o.status.value], w.percent(o.degree)
        office, actual = plan.office_name(ind.owner), shown_actual(w, o)
        rows.append(
            [
                o.area_id,
                excel_text(ind.id),
                ind.name,
                office,
                ind.unit,
                target,
                actual,
                status,
                degree,
                reason_text(plan, o.reason),
                o.explanation or "",
            ]
        )
    return to_csv(rows, ";" if w.decimal == "," else ",")


def markdown(plan: Plan, evaluation: Evaluation) -> str:
    """The evaluation as Markdown tables, for wikis and pull requests."""
    w = Words(plan.language)
    title = md_escape(plan.header.title)
    lines = [f"# {title}: {w['evaluation'].lower()} {evaluation.year}", ""]
    overall = evaluation.overall
    lines += [
        f"**{overall_label(w, plan, evaluation.scope)}: {w.score(overall, '-')}** "
        f"{md_escape(overall.band or '')} "
        f"({counts_text(w, overall)})",
        "",
    ]
    for area in evaluation.areas:
        lines += [
            f"## {area.key}. {md_escape(area.title)}",
            "",
            f"{w['score']}: **{w.score(area, '-')}** {md_escape(area.band or '')}",
            "",
        ]
        header = [w[k] for k in ("id", "indicator", "target", "actual", "status", "degree")]
        lines += markdown_table(
            header,
            [
                [
                    o.indicator.id,
                    o.indicator.name
                    + (f" — {w['explanation']}: {o.explanation}" if o.explanation else ""),
                    o.target.text if o.target else "",
                    shown_actual(w, o),
                    w[o.status.value],
                    w.percent(o.degree),
                ]
                for o in evaluation.outcomes
                if o.area_id == area.key
            ],
            right=(3, 5),
        )
    lines += [f"## {w['offices']}", ""]
    rows = [[s.title, counts_text(w, s), s.band or "", w.score(s)] for s in evaluation.offices]
    lines += markdown_table([w["office"], w["counts"], w["band"], w["score"]], rows, right=(3,))
    return "\n".join(lines)


def _table(plan: Plan, evaluation: Evaluation) -> object:
    from cruscotto_cli.render.evaluation_table import table

    return table(plan, evaluation)


def _json(plan: Plan, evaluation: Evaluation) -> str:
    from cruscotto_cli.render.data import evaluation_data
    from cruscotto_cli.render.jsontext import dumps

    return dumps(evaluation_data(plan, evaluation))


def _github(plan: Plan, evaluation: Evaluation) -> str:
    from cruscotto_cli.render.github import evaluation as annotations

    return annotations(plan, evaluation)


def _junit(plan: Plan, evaluation: Evaluation) -> str:
    from cruscotto_cli.render.junit import evaluation as cases

    return cases(plan, evaluation)


# Format name -> reporter: text, or a rich renderable (the table); --format's choices.
FORMATS: dict[str, Callable[[Plan, Evaluation], object]] = {
    "table": _table,
    "json": _json,
    "csv": csv_text,
    "markdown": markdown,
    "github": _github,
    "junit": _junit,
}
# The extension of an -o file -> the format it is written in.
EXTENSIONS = {
    ".txt": "table",
    ".json": "json",
    ".csv": "csv",
    ".md": "markdown",
    ".markdown": "markdown",
    ".xml": "junit",
}
