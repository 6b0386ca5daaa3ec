"""The monitoring report for the OIV: the state of the year's targets at a date, HTML and Markdown.

The same care as the yearly report: every text escaped, the report's stylesheet, one table per
area, what needs attention first (at risk and critical), and how each value was projected.
"""

from __future__ import annotations

from html import escape

from cruscotto_cli import __version__
from cruscotto_cli.cycle.monitor import Check, Monitoring, Progress
from cruscotto_cli.encoding import printable
from cruscotto_cli.plan.loaded import Plan
from cruscotto_cli.render.markdown import escape as md_escape
from cruscotto_cli.render.markdown import table as markdown_table
from cruscotto_cli.render.monitoring_rows import header, row, summary
from cruscotto_cli.render.words import Words
from cruscotto_cli.report.css import CSS
from cruscotto_cli.report.parts import table

ATTENTION = (Progress.CRITICAL, Progress.AT_RISK)
METHOD = {
    "it": "Ogni valore è l'ultimo rilevato entro la data. I conteggi (pro rata) sono proiettati "
    "al 31/12 in proporzione ai giorni trascorsi; rapporti, percentuali e livelli sono confrontati "
    "così come sono; le azioni sì/no sono «In corso» finché non sono svolte. «In linea»: la "
    "proiezione raggiunge il target; «A rischio»: lo manca di non più del {tolerance} del target; "
    "«Critico»: di più; «Non rilevabile»: nessun valore entro la data.",
    "en": "Each value is the latest measured by the date. Counts (pro rata) are projected to "
    "31/12 by the days elapsed; ratios, percentages and levels are compared as they are; yes/no "
    'actions are "in progress" until done. "On track": the projection meets the target; "at '
    'risk": it misses it by no more than {tolerance} of the target; "critical": by more; "not '
    'measurable yet": no value by the date.',
}


def _title(w: Words, m: Monitoring) -> str:
    return f"{w['monitoring_at']} {w.date(m.at)} · {m.year}"


def _rows(w: Words, plan: Plan, checks: list[Check]) -> list[list[str]]:
    return [row(w, c, plan)[1:] for c in checks]


def _by_area(plan: Plan, m: Monitoring) -> list[tuple[str, list[Check]]]:
    return [
        (f"{a.id}. {a.title}", found)
        for a, _ in plan.areas
        if (found := [c for c in m.checks if c.area_id == a.id])
    ]


def monitoring_html(plan: Plan, m: Monitoring, generated: str = "") -> str:
    """The whole page; the same inputs give the same text."""
    w = Words(plan.language)
    head = [escape(h) for h in header(w)[1:]]

    def grid(checks: list[Check]) -> str:
        rows = [[escape(c) for c in r] for r in _rows(w, plan, checks)]
        return table(head, rows, breaking=(len(head) - 1,))  # the note: measures' ids

    attention = [c for c in m.checks if c.status in ATTENTION]
    counts = "".join(
        f'<div class="count"><b>{n}</b>{escape(w[s.value])}</div>' for s, n in m.counts.items()
    )
    body = [
        f'<header class="masthead"><div><div class="kicker">{escape(plan.header.entity or "")}'
        f'</div><h1>{escape(_title(w, m))}</h1><div class="subtitle">'
        f"{escape(plan.header.title)}</div></div></header>",
        f'<section id="sintesi"><h2>{escape(w["summary"])}</h2><p>{escape(summary(w, m))}</p>'
        f'<div class="kpis"><div class="counts">{counts}</div></div>'
        f"<h3>{escape(w['attention'])}</h3>{grid(attention) if attention else escape(w['none'])}"
        "</section>",
        *(
            f'<section class="area"><h2>{escape(w["area"])} {escape(t)}</h2>{grid(cs)}</section>'
            for t, cs in _by_area(plan, m)
        ),
        f'<section class="part"><h2>{escape(w["methodology"])}</h2><p>{escape(_method(w, m))}</p>'
        f"<p>cruscotto {escape(__version__)} {escape(generated)}</p></section>",
    ]
    return printable(
        f'<!DOCTYPE html>\n<html lang="{escape(w.language)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(_title(w, m))} · {escape(plan.header.title)}</title>\n"
        f"<style>{CSS}</style>\n</head>\n<body>\n" + "\n".join(body) + "\n</body>\n</html>\n"
    )


def _method(w: Words, m: Monitoring) -> str:
    return METHOD[w.language].format(tolerance=w.percent(m.tolerance))


def monitoring_markdown(plan: Plan, m: Monitoring) -> str:
    w = Words(plan.language)
    head = header(w)[1:]
    lines = [f"# {_title(w, m)}", "", md_escape(plan.header.title), "", summary(w, m), ""]
    attention = [c for c in m.checks if c.status in ATTENTION]
    lines += [f"## {w['attention']}", ""]
    lines += markdown_table(head, _rows(w, plan, attention)) if attention else [w["none"], ""]
    for title, checks in _by_area(plan, m):
        lines += [f"## {w['area']} {md_escape(title)}", ""]
        lines += markdown_table(head, _rows(w, plan, checks), right=(3, 6))
    lines += [f"## {w['methodology']}", "", md_escape(_method(w, m)), ""]
    return "\n".join(lines).rstrip("\n") + "\n"
