"""The misses of the report year and their reasons: beside each miss, and those unexplained.

The Relazione sulla performance (d.lgs. 150/2009, art. 10) explains every target missed
("motivazione dello scostamento"): a miss is a target not met or a value missing or unusable, and
its reason is the one an office wrote in the actuals (see actuals/dated.py).
"""

from __future__ import annotations

from html import escape

from cruscotto_cli.evaluate import Outcome, unexplained
from cruscotto_cli.render.markdown import table as markdown_table
from cruscotto_cli.render.words import Words
from cruscotto_cli.report.content import ReportData


def explanation_html(w: Words, o: Outcome) -> str:
    """The office's reason under an indicator; for a miss without one, that it is still missing."""
    if o.explanation:
        label = escape(w["explanation"])
        return f'<p class="explanation"><b>{label}:</b> {escape(o.explanation)}</p>'
    if o.missed:
        return (
            f'<p class="explanation none">{escape(w["explanation"])}: {escape(w["no_reason"])}</p>'
        )
    return ""


def explanation_markdown(w: Words, o: Outcome) -> str:
    """The same as a suffix of the indicator's name cell."""
    if o.explanation:
        return f" — {w['explanation']}: {o.explanation}"
    return f" — {w['explanation']}: {w['no_reason']}" if o.missed else ""


def _rows(w: Words, data: ReportData) -> list[list[str]]:
    return [
        [
            o.indicator.id,
            o.indicator.name,
            data.plan.office_name(o.indicator.owner),
            w[o.status.value],
        ]
        for o in unexplained(data.evaluation)
    ]


def unexplained_html(w: Words, data: ReportData) -> str:
    """ "Scostamenti senza motivazione": every miss of the year still without its reason."""
    rows = _rows(w, data)
    title = f"<h3>{escape(w['unexplained'])}</h3>"
    if not rows:
        return title + f"<p>{escape(w['none'].capitalize())}.</p>"
    head = "".join(f"<th>{escape(w[k])}</th>" for k in ("id", "indicator", "office", "status"))
    body = "".join(
        "<tr>"
        + f'<td><a href="#ind-{escape(r[0])}">{escape(r[0])}</a></td>'
        + "".join(f"<td>{escape(c)}</td>" for c in r[1:])
        + "</tr>"
        for r in rows
    )
    return (
        title
        + f'<table class="unexplained"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
    )


def unexplained_markdown(w: Words, data: ReportData) -> list[str]:
    rows = _rows(w, data)
    lines = [f"### {w['unexplained']}", ""]
    if not rows:
        return [*lines, f"{w['none'].capitalize()}.", ""]
    header = [w[k] for k in ("id", "indicator", "office", "status")]
    return lines + markdown_table(header, rows)
