"""The payment indicators as rich tables on the terminal."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.table import Table

from cruscotto_cli.payments.working import Working
from cruscotto_cli.render.payments_rows import DELAY_COLUMNS, ITP_COLUMNS, TIMES_COLUMNS, Texts
from cruscotto_cli.render.terminal import cells, plain


def _grid(
    title: str, header: Sequence[str], rows: Sequence[Sequence[str]], text: Sequence[int] = (0,)
) -> Table:
    """A table whose `text` columns are left-aligned (the second may wrap), numbers right."""
    grid = Table(title=title, title_justify="left")
    for index, name in enumerate(header):
        if index in text:
            grid.add_column(name, no_wrap=index != 1, overflow="fold")
        else:
            grid.add_column(name, justify="right", no_wrap=True)
    for row in rows:
        grid.add_row(*cells(*row))
    return grid


def _listing(
    title: str, header: Sequence[str], rows: list[list[str]], text: Sequence[int], none: str
) -> RenderableType:
    """A table of invoices, or one line saying there are none."""
    return _grid(title, header, rows, text) if rows else plain(f"{title}: {none}")


def table(t: Texts, working: Working) -> RenderableType:
    """The ITP table, the payment times, the largest delays and the invoices left out."""
    p, periods = t.p, working.periods
    last = p.period(periods[-1].period)
    delays = [t.delay_row(d) for d in periods[-1].delays]
    excluded = [
        [e.invoice.number, e.invoice.supplier, p.reason(e.reason)] for e in periods[-1].excluded
    ]
    parts: list[RenderableType] = [
        _grid(p["itp_title"], [p[k] for k in ITP_COLUMNS], [t.itp_row(i) for i in periods]),
        _grid(p["times_title"], [p[k] for k in TIMES_COLUMNS], [t.times_row(i) for i in periods]),
        _listing(
            f"{p['delays_title']} ({last})",
            [p[k] for k in DELAY_COLUMNS],
            delays,
            (0, 1),
            p["none"],
        ),
        _listing(
            f"{p['excluded_title']} ({last})",
            [p["invoice"], p["supplier"], p["reason"]],
            excluded,
            (0, 1, 2),
            p["none"],
        ),
    ]
    if working.feeds and working.quarter is None:
        parts.append(plain(f"{p['feeds']}: {t.feeds(working)}"))
    parts.append(plain(f"{p['register']}: {', '.join(working.files)}"))
    return Group(*parts)
