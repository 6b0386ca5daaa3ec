"""The report's plain tables as rows of text, shared by the HTML, Markdown and XLSX renderers."""

from __future__ import annotations

from cruscotto_cli.render.words import Words
from cruscotto_cli.report.content import ReportData


def _date(w: Words, value: object) -> str:
    import datetime as dt

    assert isinstance(value, dt.date)
    return f"{value:%d/%m/%Y}" if w.language == "it" else value.isoformat()


def change_rows(w: Words, data: ReportData) -> list[list[str]]:
    """Every change by a Council decision to a selected indicator, by date then plan order."""
    found = []
    for order, ind in enumerate(o.indicator for o in data.evaluation.outcomes):
        for c in ind.changes:
            row = [
                _date(w, c.date),
                c.act,
                w[f"change_{c.change.value}"],
                str(c.from_year or ""),
                ind.id,
                ind.name,
                c.note or "",
            ]
            found.append((c.date, order, row))
    return [row for _, _, row in sorted(found, key=lambda f: (f[0], f[1]))]


def withdrawn_rows(w: Words, data: ReportData) -> list[list[str]]:
    rows = []
    for o in data.evaluation.outcomes:
        c = o.indicator.withdrawal
        if c:
            rows.append(
                [
                    o.indicator.id,
                    o.indicator.name,
                    c.act,
                    _date(w, c.date),
                    str(c.from_year or c.date.year),
                ]
            )
    return rows


def source_rows(w: Words, data: ReportData) -> list[list[str]]:
    """Each value of the report year: indicator, key, year, text as written, source, file:row,
    note."""
    return [
        [
            o.indicator.id,
            s.key,
            str(s.year),
            s.text,
            s.source or "",
            f"{s.path}:{s.row}" if s.row else s.path,  # row 0: computed from the whole file
            s.note or "",
        ]
        for o in data.evaluation.outcomes
        for s in o.sources
    ]
