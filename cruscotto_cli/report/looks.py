"""The charts' looks, as SVG presentation attributes, and the legend drawn with them.

WeasyPrint does not apply the page's stylesheet inside inline SVG; attributes on the elements
are honoured by it and by browsers alike, so the printed report shows what the page shows.
"""

from __future__ import annotations

from html import escape

from cruscotto_cli.evaluate import Status
from cruscotto_cli.render.words import Words
from cruscotto_cli.report import palette as ink
from cruscotto_cli.report.svg import Look, attributes, line, num, rect

SYMBOLS = {
    Status.MET: "✓",
    Status.NOT_MET: "✗",
    Status.BASELINE: "◦",
    Status.MISSING: "?",
    Status.NO_TARGET: "–",
    Status.WITHDRAWN: "⊘",
    Status.INVALID: "!",
    Status.NOT_COLLECTED: "…",
}
TARGET_LINE: Look = {
    "fill": "none",
    "stroke": ink.INK,
    "stroke_width": 1.2,
    "stroke_dasharray": "4 3",
}
DIAMOND: Look = {"fill": ink.WHITE, "stroke": ink.INK, "stroke_width": 1.2}
NOW_BAR: Look = {"fill": ink.BRAND, "stroke": ink.BRAND, "stroke_width": 0.8}
PAST_BAR: Look = {"fill": ink.PAST_BAR, "stroke": ink.PAST_EDGE, "stroke_width": 0.8}
EDGE: Look = {"stroke": ink.LINE, "stroke_width": 1}  # a tile's; the report year's is darker
NOW_EDGE: Look = {"stroke": ink.INK, "stroke_width": 1.5}
MISSED_EDGE: Look = {"stroke": ink.STATUS[Status.NOT_MET], "stroke_width": 1.2}


def hatch_pattern(name: str) -> str:
    """Red diagonal hatching on white: a missed year's bar, told apart without colour too."""
    tile = attributes(
        id=name, width=5, height=5, patternUnits="userSpaceOnUse", patternTransform="rotate(45)"
    )
    stripe = line(0, 0, 0, 5, stroke=ink.STATUS[Status.NOT_MET], stroke_width=2)
    return f"<defs><pattern{tile}>{rect(0, 0, 5, 5, fill=ink.WHITE)}{stripe}</pattern></defs>"


def diamond(x: float, y: float) -> str:
    return f"<path{attributes(d=f'M{num(x)} {num(y - 4)} l4 4 l-4 4 l-4 -4 z', **DIAMOND)}/>"


def legend(w: Words) -> str:
    """The key to the charts, drawn with the same shapes and attributes."""
    small = attributes(width=14, height=14, aria_hidden="true")
    bar = f"<svg{small}>{rect(2, 2, 10, 12, **NOW_BAR)}</svg>"
    hatched = rect(2, 2, 10, 12, fill="url(#h-legend)", **MISSED_EDGE)
    missed = f"<svg{small}>{hatch_pattern('h-legend')}{hatched}</svg>"
    dashes = f"<polyline{attributes(points='1,7 29,7', **TARGET_LINE)}/>"
    target = (
        f"<svg{attributes(width=30, height=14, aria_hidden='true')}>{dashes}{diamond(15, 7)}</svg>"
    )
    items = [(bar, w["legend_actual"]), (missed, w["legend_missed"]), (target, w["legend_target"])]
    items += [
        ("", " ".join(f"{SYMBOLS[s]} {w[s.value].lower()}" for s in Status)),
        ("", w["legend_rows"]),
    ]
    return (
        '<div class="legend">'
        + "".join(f"<span>{svg}{escape(label)}</span>" for svg, label in items)
        + "</div>"
    )
