"""A score (grado di raggiungimento, 0..1) as a horizontal bar in its track, its value beside it.

The fill sits inside the track's border, so a full bar and an empty one both show the track's
end: a reader (or a test) can tell how long the bar is against the whole.
"""

from __future__ import annotations

from decimal import Decimal

from cruscotto_cli.render.words import Words
from cruscotto_cli.report import palette as ink
from cruscotto_cli.report.svg import attributes, rect, text

TRACK = 160  # outer width of the track, border included
WIDTH, HEIGHT = 220, 14


def score_bar(w: Words, score: Decimal | None, label: str) -> str:
    """The bar of `score` (capped at 100%), labelled `label` for screen readers."""
    if score is None:
        return ""
    shown = w.percent(score)
    inner = TRACK - 2
    size = attributes(viewBox=f"0 0 {WIDTH} {HEIGHT}", width=WIDTH, height=HEIGHT, role="img")
    look = attributes(aria_label=f"{label}: {shown}", font_family=ink.FONTS)
    track = rect(0.5, 2.5, TRACK - 1, 10, fill=ink.SOFT, stroke=ink.AXIS, stroke_width=1)
    fill = rect(1, 3, inner * min(float(score), 1.0), 9, fill=ink.BRAND)
    value = text(TRACK + 6, 11.5, shown, 10, ink.INK, WIDTH - TRACK - 7, bold=True, anchor="start")
    return f'<svg class="scorebar"{size}{look}>{track}{fill}{value}</svg>'
