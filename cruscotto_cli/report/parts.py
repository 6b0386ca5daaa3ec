"""The report's closing HTML sections: offices, plan history, sources, methodology, provenance."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from cruscotto_cli.evaluate import Score
from cruscotto_cli.render.words import Words, counts_text
from cruscotto_cli.report.content import ReportData
from cruscotto_cli.report.rows import change_rows, source_rows, withdrawn_rows
from cruscotto_cli.report.scorebar import score_bar
from cruscotto_cli.report.texts import methodology as method_paragraphs
from cruscotto_cli.report.texts import scope_text


def table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    numeric: Sequence[int] = (),
    breaking: Sequence[int] = (),
) -> str:
    """A table of already-escaped cells; `numeric` columns are right-aligned, `breaking` ones
    break a word too long for the page (a measure's id in a note) rather than push the table
    past the page's edge, where print cuts it off."""
    cls = [
        ' class="num"' if i in numeric else ' class="wrap"' if i in breaking else ""
        for i in range(len(header))
    ]
    head = "".join(f"<th{cls[i]}>{h}</th>" for i, h in enumerate(header))
    body = "".join(
        "<tr>" + "".join(f"<td{cls[i]}>{c}</td>" for i, c in enumerate(row)) + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def score_table(w: Words, first: str, scores: tuple[Score, ...], link: bool = False) -> str:
    """Areas or offices: name, score bar, band and counts of outcomes."""
    rows = []
    for s in scores:
        name = (
            f'<a href="#area-{escape(s.key)}">{escape(s.key)}. {escape(s.title)}</a>'
            if link
            else escape(s.title)
        )
        cells = [
            name,
            score_bar(w, s.score, s.title) or escape(w.score(s)),
            escape(s.band or ""),
            escape(counts_text(w, s)),
        ]
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    titles = (first, w["score"], w["band"], w["counts"])
    head = "<tr>" + "".join(f"<th>{escape(t)}</th>" for t in titles) + "</tr>"
    return f"<table><thead>{head}</thead><tbody>{''.join(rows)}</tbody></table>"


def _section(anchor: str, title: str, inner: str) -> str:
    return f'<section class="part" id="{anchor}"><h2>{escape(title)}</h2>{inner}</section>'


def offices(w: Words, data: ReportData) -> str:
    return _section("uffici", w["offices"], score_table(w, w["office"], data.evaluation.offices))


def history(w: Words, data: ReportData) -> str:
    changes = [[escape(c) for c in row] for row in change_rows(w, data)]
    withdrawn = [[escape(c) for c in row] for row in withdrawn_rows(w, data)]
    none = f"<p>{escape(w['none'].capitalize())}.</p>"
    inner = f"<h3>{escape(w['changes'])}</h3>"
    inner += (
        table(
            [
                escape(w[k])
                for k in ("date", "act", "change", "from_year", "id", "indicator", "note")
            ],
            changes,
        )
        if changes
        else none
    )
    inner += f"<h3>{escape(w['withdrawn_list'])}</h3>"
    inner += (
        table([escape(w[k]) for k in ("id", "indicator", "act", "date", "from_year")], withdrawn)
        if withdrawn
        else none
    )
    return _section("storia", w["history"], inner)


def sources(w: Words, data: ReportData) -> str:
    rows = [[escape(c) for c in row] for row in source_rows(w, data)]
    for row in rows:
        row[5] = f"<code>{row[5]}</code>"
    header = [escape(w[k]) for k in ("id", "key", "year", "written", "source", "file", "note")]
    return _section("fonti", f"{w['sources']} ({data.year})", table(header, rows, numeric=(3,)))


def methodology(w: Words, data: ReportData) -> str:
    paragraphs = "".join(
        f"<p>{escape(p)}</p>" for p in method_paragraphs(w, data.plan.header.bands)
    )
    return _section("metodo", w["methodology"], f'<div class="method">{paragraphs}</div>')


def made_from(w: Words, data: ReportData) -> str:
    made = (
        f"{w['tool']}: cruscotto {data.version} · {w['generated']} {w.date(data.date)} · "
        f"{scope_text(w, data)}"
    )
    facts = f"<p>{escape(made)}</p>"
    rows = [
        [f"<code>{escape(d.path)}</code>", f'<span class="digest">{d.sha256}</span>']
        for d in data.digests
    ]
    inner = facts + (table([escape(w["file"]), "SHA-256"], rows) if rows else "")
    footer = (
        f"<footer>{escape(data.plan.header.entity or '')} · "
        f"{escape(data.plan.header.title)} · {escape(w['report'])} {data.year}</footer>"
    )
    return _section("origine", w["made_from"], inner) + footer
