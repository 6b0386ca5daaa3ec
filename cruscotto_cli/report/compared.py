"""The report's year over year: which areas improved and which worsened, and their scores.

The Relazione sulla performance compares the year with the one before (see compare.py for the
arithmetic): a sentence names the areas whose score rose and fell, and a table puts each area's
score beside the previous year's with the difference in percentage points.
"""

from __future__ import annotations

from html import escape

from cruscotto_cli.cycle.compare import trends, year_over_year
from cruscotto_cli.render.markdown import table as markdown_table
from cruscotto_cli.render.words import Words
from cruscotto_cli.report.content import ReportData


def trend_sentences(w: Words, data: ReportData) -> list[str]:
    """ "Migliorano rispetto al 2023: 3, 9." and "Peggiorano ...: 1."; none without that year."""
    compared = year_over_year(data.evaluation)
    if compared.year is None:
        return []
    improved, worsened = trends(data.evaluation)
    none = w["none"]
    return [
        f"{w[key].format(year=compared.year)}: {', '.join(a.key for a in areas) or none}."
        for key, areas in (("improved", improved), ("worsened", worsened))
    ]


def _rows(w: Words, data: ReportData) -> list[list[str]]:
    compared = year_over_year(data.evaluation)
    rows = []
    for area in data.evaluation.areas:
        beside = compared.area(area)
        name = f"{area.key}. {area.title}"
        rows.append([name, w.score(area), w.percent(beside.before), w.points(beside.change)])
    overall = compared.overall(data.evaluation.overall)
    total = [w["overall"], w.score(data.evaluation.overall)]
    return [*rows, [*total, w.percent(overall.before), w.points(overall.change)]]


def _header(w: Words, data: ReportData) -> list[str]:
    before = data.evaluation.previous
    year = str(before.year) if before else ""
    return [w["area"], f"{w['score']} {data.year}", f"{w['score']} {year}", f"Δ {w['points']}"]


def _cells(tag: str, row: list[str]) -> str:
    """Escaped cells, the first a name and the others right-aligned numbers."""
    num = ' class="num"'
    return "".join(f"<{tag}{num if i else ''}>{escape(c)}</{tag}>" for i, c in enumerate(row))


def compared_html(w: Words, data: ReportData) -> str:
    sentences = trend_sentences(w, data)
    if not sentences:
        return ""
    text = "".join(f"<p>{escape(s)}</p>" for s in sentences)
    head = f"<thead><tr>{_cells('th', _header(w, data))}</tr></thead>"
    body = "".join(f"<tr>{_cells('td', r)}</tr>" for r in _rows(w, data))
    title = f"<h3>{escape(w['year_over_year'])}</h3>"
    return f'{title}{text}<table class="compared">{head}<tbody>{body}</tbody></table>'


def compared_markdown(w: Words, data: ReportData) -> list[str]:
    sentences = trend_sentences(w, data)
    if not sentences:
        return []
    lines = [f"### {w['year_over_year']}", ""]
    for s in sentences:
        lines += [s, ""]
    return lines + markdown_table(_header(w, data), _rows(w, data), right=(1, 2, 3))
