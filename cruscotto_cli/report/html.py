"""The report as one self-contained HTML page: inline CSS and SVG, every user text escaped."""

from __future__ import annotations

from html import escape

from cruscotto_cli.encoding import printable
from cruscotto_cli.evaluate import Outcome, Score, Status
from cruscotto_cli.render.reason_words import reason_text
from cruscotto_cli.render.words import Words, counts_text, overall_label
from cruscotto_cli.report import parts
from cruscotto_cli.report.charts import indicator_chart
from cruscotto_cli.report.compared import compared_html
from cruscotto_cli.report.content import ReportData
from cruscotto_cli.report.css import CSS
from cruscotto_cli.report.looks import SYMBOLS, legend
from cruscotto_cli.report.misses import explanation_html, unexplained_html
from cruscotto_cli.report.texts import notice, scope_text


def render_html(data: ReportData) -> str:
    """The whole page; the same data always gives the same text, with no control character of an
    office's file written raw (`\\x1b` shown instead)."""
    w = Words(data.plan.language)
    title = f"{w['report']} {data.year}"
    body = [
        _cover(w, data, title),
        _contents(w, data),
        _summary(w, data),
        *(_area(w, data, area) for area in data.evaluation.areas),
        parts.offices(w, data),
        parts.history(w, data),
        parts.sources(w, data),
        parts.methodology(w, data),
        parts.made_from(w, data),
    ]
    return printable(
        f'<!DOCTYPE html>\n<html lang="{escape(w.language)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)} · "
        f"{escape(data.plan.header.title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        + "\n".join(b for b in body if b)
        + "\n</body>\n</html>\n"
    )


def _cover(w: Words, data: ReportData, title: str) -> str:
    """The first page: the entity, the report's year, the plan, the scope when filtered."""
    header = data.plan.header
    scope = f'<p class="cover-scope">{escape(scope_text(w, data))}</p>' if data.scope else ""
    stamp = f"{w['generated']} {w.date(data.date)} · cruscotto {data.version}"
    return (
        f'<header class="cover"><p class="kicker">{escape(header.entity or "")}</p>'
        f'<h1>{escape(title)}</h1><p class="subtitle">{escape(header.title)}</p>{scope}'
        f'<p class="stamp">{escape(stamp)}</p></header>'
    )


def _contents(w: Words, data: ReportData) -> str:
    """The table of contents: links on screen, page numbers in print (CSS target-counter)."""
    entries = [("sintesi", f"{w['summary']} {data.year}")]
    entries += [(f"area-{a.key}", f"{w['area']} {a.key}. {a.title}") for a in data.evaluation.areas]
    entries += [("uffici", w["offices"]), ("storia", w["history"])]
    entries += [("fonti", f"{w['sources']} ({data.year})"), ("metodo", w["methodology"])]
    entries += [("origine", w["made_from"])]
    items = "".join(f'<li><a href="#{escape(i)}">{escape(t)}</a></li>' for i, t in entries)
    heading = f'<h2 id="indice">{escape(w["contents"])}</h2>'
    return f'<nav class="toc" aria-labelledby="indice">{heading}<ol>{items}</ol></nav>'


def badge(w: Words, status: Status) -> str:
    return f'<span class="badge {status.value}">{SYMBOLS[status]} {escape(w[status.value])}</span>'


def _summary(w: Words, data: ReportData) -> str:
    overall = data.evaluation.overall
    total = overall_label(w, data.plan, data.evaluation.scope)
    warning = (
        f'<p class="notice" role="note">⚠ {escape(notice(w, data))}</p>'
        if data.illustrative
        else ""
    )
    counts = "".join(
        f'<div class="count {s.value}"><b>{overall.counts[s]}</b>{SYMBOLS[s]} '
        f"{escape(w[s.value])}</div>"
        for s in Status
        if overall.counts.get(s)
    )
    head = (
        f'<section id="sintesi"><h2>{escape(w["summary"])} {data.year}</h2>{warning}<div '
        'class="kpis">'
    )
    head += (
        f'<div class="score"><div>{escape(total)}</div><div '
        f'class="big">{escape(w.score(overall, "—"))}</div>'
    )
    head += (
        f'<div class="band">{escape(overall.band or "")}</div></div><div '
        f'class="counts">{counts}</div></div>'
    )
    glance = f"<h3>{escape(w['areas_glance'])}</h3>" + parts.score_table(
        w, w["area"], data.evaluation.areas, link=True
    )
    misses = compared_html(w, data) + unexplained_html(w, data)
    return head + glance + misses + f"<h3>{escape(w['legend'])}</h3>" + legend(w) + "</section>"


def _area(w: Words, data: ReportData, area: Score) -> str:
    cards = "".join(_indicator(w, data, o) for o in data.outcomes_of(area.key))
    score = f"{w['score']}: {w.score(area, '—')} {area.band or ''}".strip()
    return (
        f'<section class="area" id="area-{escape(area.key)}"><div '
        f'class="area-head"><h2>{escape(w["area"])} {escape(area.key)}. {escape(area.title)}</h2>'
        f'<span class="area-score">{escape(score)}</span></div><p '
        f'class="meta">{escape(counts_text(w, area))}</p>{cards}</section>'
    )


def _indicator(w: Words, data: ReportData, o: Outcome) -> str:
    ind = o.indicator
    meta = [data.plan.office_name(ind.owner), f"{w['unit'].lower()} {ind.unit}", *ind.tags]
    facts = [
        (f"{w['target']} {o.year}", escape(o.target.text if o.target else "—")),
        (w["actual"], escape(w.value(o.actual, ind.unit) or "—")),
        (w["status"], badge(w, o.status)),
        (w["degree"], escape(w.percent(o.degree) or "—")),
    ]
    beside = data.compared.outcome(o)
    if data.compared.year is not None and beside.before is not None:
        change = f" (Δ {w.points(beside.change)})" if beside.change is not None else ""
        facts.append(
            (f"{w['degree']} {data.compared.year}", escape(w.percent(beside.before) + change))
        )
    dl = "".join(f"<div><dt>{escape(k)}</dt><dd>{v}</dd></div>" for k, v in facts)
    reason = f'<p class="reason">{escape(reason_text(data.plan, o.reason))}</p>' if o.reason else ""
    reason += explanation_html(w, o)
    chart = indicator_chart(w, data.series.get(ind.id, ()), data.year, ind.id)
    return (
        f'<article class="ind st-{o.status.value}" id="ind-{escape(ind.id)}"><div class="ind-main">'
        f'<h3><span class="id">{escape(ind.id)}</span> {escape(ind.name)}</h3><p '
        f'class="meta">{escape(" · ".join(meta))}</p>'
        f'<dl class="facts">{dl}</dl>{reason}</div><figure>{chart}</figure></article>'
    )
