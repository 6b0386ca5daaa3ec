"""The report as Markdown, the same content as the HTML for repositories and wikis."""

from __future__ import annotations

from collections.abc import Sequence

from cruscotto_cli.evaluate import Outcome, Score, Status
from cruscotto_cli.render.markdown import Markdown, code
from cruscotto_cli.render.markdown import escape as md_escape
from cruscotto_cli.render.markdown import table as markdown_table
from cruscotto_cli.render.reason_words import reason_text
from cruscotto_cli.render.words import Words, counts_text, overall_label
from cruscotto_cli.report.charts import with_data
from cruscotto_cli.report.compared import compared_markdown
from cruscotto_cli.report.content import ReportData
from cruscotto_cli.report.looks import SYMBOLS
from cruscotto_cli.report.misses import explanation_markdown, unexplained_markdown
from cruscotto_cli.report.rows import change_rows, source_rows, withdrawn_rows
from cruscotto_cli.report.texts import methodology, notice, scope_text


def render_markdown(data: ReportData) -> str:
    w = Words(data.plan.language)
    header = data.plan.header
    lines = [
        f"# {w['report']} {data.year}",
        "",
        f"{md_escape(header.entity or '')} · {md_escape(header.title)} · "
        f"{md_escape(scope_text(w, data))}",
        "",
    ]
    lines += _summary(w, data)
    for area in data.evaluation.areas:
        lines += _area(w, data, area)
    lines += [f"## {w['offices']}", "", *_scores(w, w["office"], data.evaluation.offices)]
    lines += _history(w, data)
    lines += [f"## {w['sources']} ({data.year})", ""]
    lines += markdown_table(
        [w[k] for k in ("id", "key", "year", "written", "source", "file", "note")],
        source_rows(w, data),
        right=(3,),
    )
    lines += [
        f"## {w['methodology']}",
        "",
        *(line for p in methodology(w, header.bands) for line in (md_escape(p), "")),
    ]
    lines += _made_from(w, data)
    return "\n".join(lines).rstrip("\n") + "\n"


def _summary(w: Words, data: ReportData) -> list[str]:
    overall = data.evaluation.overall
    total = overall_label(w, data.plan, data.evaluation.scope)
    lines = [f"## {w['summary']} {data.year}", ""]
    if data.illustrative:
        lines += [f"> **⚠ {md_escape(notice(w, data))}**", ""]
    lines += [
        f"**{total}: {w.score(overall, '—')}** {md_escape(overall.band or '')}".rstrip(),
        "",
    ]
    lines += [
        " · ".join(
            f"{SYMBOLS[s]} {w[s.value]}: {overall.counts[s]}"
            for s in Status
            if overall.counts.get(s)
        ),
        "",
    ]
    lines += _scores(w, w["area"], data.evaluation.areas, numbered=True)
    return lines + compared_markdown(w, data) + unexplained_markdown(w, data)


def _scores(w: Words, first: str, scores: Sequence[Score], numbered: bool = False) -> list[str]:
    rows = [
        [
            f"{s.key}. {s.title}" if numbered else s.title,
            w.score(s),
            s.band or "",
            counts_text(w, s),
        ]
        for s in scores
    ]
    return markdown_table([first, w["score"], w["band"], w["counts"]], rows, right=(1,))


def _area(w: Words, data: ReportData, area: Score) -> list[str]:
    outcomes = data.outcomes_of(area.key)
    lines = [
        f"## {w['area']} {area.key}. {md_escape(area.title)}",
        "",
        f"{w['score']}: **{w.score(area, '—')}** {md_escape(area.band or '')}".rstrip(),
        "",
    ]
    rows = [_indicator_row(w, data, o) for o in outcomes]
    header = [w[k] for k in ("id", "indicator", "office", "target", "actual", "status", "degree")]
    before = data.compared.year
    header += [f"{w['degree']} {before}", "Δ"] if before is not None else []
    lines += markdown_table(
        header,
        rows,
        right=(4, 6, 7, 8),
    )
    return lines + _trend(w, data, outcomes)


def _indicator_row(w: Words, data: ReportData, o: Outcome) -> list[str]:
    reason = f" — _{md_escape(reason_text(data.plan, o.reason))}_" if o.reason else ""
    name = Markdown(md_escape(o.indicator.name) + reason + md_escape(explanation_markdown(w, o)))
    target = o.target.text if o.target else "—"
    status = f"{SYMBOLS[o.status]} {w[o.status.value]}"
    actual = w.value(o.actual, o.indicator.unit) or "—"
    return [
        o.indicator.id,
        name,
        data.plan.office_name(o.indicator.owner),
        target,
        actual,
        status,
        w.percent(o.degree) or "—",
        *_previous(w, data, o),
    ]


def _previous(w: Words, data: ReportData, o: Outcome) -> list[str]:
    """The previous year's degree and the difference, when the plan has that year."""
    if data.compared.year is None:
        return []
    beside = data.compared.outcome(o)
    return [w.percent(beside.before) or "—", w.points(beside.change) or "—"]


def _trend(w: Words, data: ReportData, outcomes: Sequence[Outcome]) -> list[str]:
    """Each indicator's years as `actual (target) symbol`: the charts' content as a table."""
    years = list(data.plan.header.period.years)
    rows = []
    for o in outcomes:
        shown = {p.year: p for p in with_data(data.series.get(o.indicator.id, ()))}
        rows.append(
            [o.indicator.id, *(_cell(w, shown[y], data.year) if y in shown else "" for y in years)]
        )
    return [
        f"{w['trend']}: {w['actual'].lower()} ({w['target'].lower()})",
        "",
        *markdown_table([w["id"], *map(str, years)], rows),
    ]


def _cell(w: Words, o: Outcome, year: int) -> str:
    value = w.value(o.actual, o.indicator.unit) or "—"
    target = f" ({o.target.text})" if o.target else ""
    future = o.year > year and o.status in (Status.MISSING, Status.NOT_COLLECTED)
    return f"{value}{target}" + ("" if future else f" {SYMBOLS[o.status]}")


def _history(w: Words, data: ReportData) -> list[str]:
    none = [f"{w['none'].capitalize()}.", ""]
    lines = [f"## {w['history']}", "", f"### {w['changes']}", ""]
    changes = change_rows(w, data)
    lines += (
        markdown_table(
            [w[k] for k in ("date", "act", "change", "from_year", "id", "indicator", "note")],
            changes,
        )
        if changes
        else none
    )
    withdrawn = withdrawn_rows(w, data)
    lines += [f"### {w['withdrawn_list']}", ""]
    return lines + (
        markdown_table([w[k] for k in ("id", "indicator", "act", "date", "from_year")], withdrawn)
        if withdrawn
        else none
    )


def _made_from(w: Words, data: ReportData) -> list[str]:
    lines = [
        f"## {w['made_from']}",
        "",
        f"{w['tool']}: cruscotto {data.version} · {w['generated']} {w.date(data.date)}",
        "",
    ]
    return lines + markdown_table(
        [w["file"], "SHA-256"], [[code(d.path), code(d.sha256)] for d in data.digests]
    )
