"""Inline SVG charts drawn by hand: an indicator's targets against its actuals, year by year.

Readable without colour: actuals are bars with their value written above, targets are dashed
lines with diamond markers, a missed year's bar is hatched, and the report year's label is bold
and underlined. Every look is a presentation attribute (see `svg`), so a PDF shows what a browser
shows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from html import escape

from cruscotto_cli.evaluate import Outcome, Status
from cruscotto_cli.plan.targets import Baseline, Range, Threshold
from cruscotto_cli.render.words import Words
from cruscotto_cli.report import palette as ink
from cruscotto_cli.report.looks import (
    EDGE,
    MISSED_EDGE,
    NOW_BAR,
    NOW_EDGE,
    PAST_BAR,
    SYMBOLS,
    TARGET_LINE,
    diamond,
    hatch_pattern,
)
from cruscotto_cli.report.svg import Look, attributes, line, num, rect, text

WIDTH, HEIGHT = 300, 132
TOP, SIDE = 8, 8
PLOT_BOTTOM = HEIGHT - 42  # below it: a row of values, a row of targets, the years
Scale = Callable[[float], float]
_PENDING = (Status.MISSING, Status.NOT_COLLECTED)  # a later year's: left blank in the charts


def _numeric(o: Outcome) -> Decimal | None:
    return o.actual if isinstance(o.actual, Decimal) and not isinstance(o.actual, bool) else None


def _target_values(o: Outcome) -> tuple[Decimal, ...]:
    if isinstance(o.target, Threshold):
        return (o.target.value,)
    if isinstance(o.target, Range):
        return (o.target.low, o.target.high)
    return ()


def with_data(series: Sequence[Outcome]) -> list[Outcome]:
    """The years that have a target or an actual."""
    return [o for o in series if o.target is not None or o.actual is not None]


def indicator_chart(w: Words, series: Sequence[Outcome], year: int, key: str) -> str:
    """Bars of actuals against dashed targets; a strip of values where they are not numbers."""
    points = with_data(series)
    if not points:
        return ""
    numbers = [v for o in points for v in (*_target_values(o), _numeric(o)) if v is not None]
    if not any(_target_values(o) for o in points):  # levels, yes/no, baselines: values as words
        return _strip(w, points, year)
    return _bars(w, points, year, key, [float(n) for n in numbers])


def _frame(w: Words, points: Sequence[Outcome], body: list[str]) -> str:
    ind = points[0].indicator
    label = f"{ind.id}: " + "; ".join(_describe(w, o) for o in points)
    size = attributes(viewBox=f"0 0 {WIDTH} {HEIGHT}", width=WIDTH, height=HEIGHT, role="img")
    look = attributes(aria_label=label, font_family=ink.FONTS)
    return (
        f'<svg class="chart"{size}{look}><title>{escape(label)}</title>' + "".join(body) + "</svg>"
    )


def _describe(w: Words, o: Outcome) -> str:
    target = o.target.text if o.target else w["no_target"].lower()
    actual = w.value(o.actual, o.indicator.unit) or "—"
    status = w[o.status.value].lower()
    return f"{o.year} {w['target'].lower()} {target}, {w['actual'].lower()} {actual} ({status})"


def _scale(numbers: list[float]) -> tuple[float, float]:
    lo, hi = min([0.0, *numbers]), max([0.0, *numbers])
    if hi == lo:
        hi = lo + 1
    pad = (hi - lo) * 0.05
    return (lo - pad if lo < 0 else lo), hi + pad


def _bars(w: Words, points: Sequence[Outcome], year: int, key: str, numbers: list[float]) -> str:
    lo, hi = _scale(numbers)
    slot = (WIDTH - 2 * SIDE) / len(points)

    def y(v: float) -> float:
        return TOP + (hi - v) / (hi - lo) * (PLOT_BOTTOM - TOP)

    hatch = "h-" + "".join(c if c.isalnum() else "-" for c in key)
    body = [hatch_pattern(hatch)]
    for i, o in enumerate(points):
        body += _column(w, o, SIDE + slot * i, slot, y, hatch, year)
    body.append(line(SIDE, y(0), WIDTH - SIDE, y(0), stroke=ink.AXIS, stroke_width=1))
    body.append(_target_line(points, slot, y))
    return _frame(w, points, body)


def _column(
    w: Words, o: Outcome, x0: float, slot: float, y: Scale, hatch: str, year: int
) -> list[str]:
    cx, bar = x0 + slot / 2, slot * 0.46
    parts = _labels(w, o, cx, slot, year)
    if isinstance(o.target, Range):
        top, low = y(float(o.target.high)), y(float(o.target.low))
        look: Look = {"fill": ink.RANGE, "stroke": ink.INK, "stroke_dasharray": "3 2"}
        parts.append(rect(cx - slot * 0.4, top, slot * 0.8, low - top, **look))
    value = _numeric(o)
    if value is not None:
        top, zero = sorted((y(float(value)), y(0)))
        parts.append(
            rect(cx - bar / 2, top, bar, max(zero - top, 0.8), **_bar_look(o, hatch, year))
        )
    return parts


def _bar_look(o: Outcome, hatch: str, year: int) -> Look:
    if o.status is Status.NOT_MET:  # hatched: the pattern is an attribute, as every other look
        return {"fill": f"url(#{hatch})", **MISSED_EDGE}
    return NOW_BAR if o.year == year else PAST_BAR


def _labels(w: Words, o: Outcome, cx: float, slot: float, year: int) -> list[str]:
    """Under the plot, as in a small table: the value (or the status symbol), target, year."""
    value = w.value(o.actual, o.indicator.unit)
    shown = value or ("" if o.year > year and o.status in _PENDING else SYMBOLS[o.status])
    room = slot * 0.94
    return [
        text(cx, HEIGHT - 29, shown, 9, ink.INK, room, bold=True),
        text(cx, HEIGHT - 18, _target_text(w, o), 8, ink.MUTED, room),
        *_year(o.year, cx, HEIGHT - 5, o.year == year),
    ]


def _year(shown: int, cx: float, base: float, now: bool) -> list[str]:
    """The year under a column; the report year bold and underlined by a drawn line."""
    if not now:
        return [text(cx, base, str(shown), 9, ink.MUTED, 40)]
    return [
        text(cx, base, str(shown), 9, ink.INK, 40, bold=True),
        line(cx - 12, base + 2, cx + 12, base + 2, stroke=ink.INK, stroke_width=0.8),
    ]


def _target_text(w: Words, o: Outcome) -> str:
    if o.target is None:
        return ""
    return w["baseline_short"] if isinstance(o.target, Baseline) else o.target.text


def _target_line(points: Sequence[Outcome], slot: float, y: Scale) -> str:
    marks = [
        (SIDE + slot * (i + 0.5), y(float(o.target.value)))
        for i, o in enumerate(points)
        if isinstance(o.target, Threshold)
    ]
    if not marks:
        return ""
    spots = " ".join(f"{num(x)},{num(v)}" for x, v in marks)
    diamonds = "".join(diamond(x, v) for x, v in marks)
    return f"<polyline{attributes(points=spots, **TARGET_LINE)}/>{diamonds}"


def _strip(w: Words, points: Sequence[Outcome], year: int) -> str:
    """Levels and yes/no: a tile per year, tinted by its status, with its symbol and value."""
    slot = (WIDTH - 2 * SIDE) / len(points)
    body: list[str] = []
    for i, o in enumerate(points):
        body += _tile(w, o, SIDE + slot * (i + 0.5), slot, year)
    return _frame(w, points, body)


def _tile(w: Words, o: Outcome, cx: float, slot: float, year: int) -> list[str]:
    ahead = o.year > year and o.status in _PENDING  # a future year: nothing to say yet
    edge = NOW_EDGE if o.year == year else EDGE
    fill, symbol = (ink.SOFT, "") if ahead else (ink.TINT[o.status], SYMBOLS[o.status])
    room = slot * 0.84
    return [
        rect(cx - slot * 0.45, TOP, slot * 0.9, HEIGHT - TOP - 22, rx=4, fill=fill, **edge),
        text(cx, TOP + 30, symbol, 14, ink.STATUS[o.status], room, bold=True),
        text(cx, TOP + 56, w.value(o.actual, o.indicator.unit) or "—", 9, ink.INK, room, bold=True),
        text(cx, TOP + 80, _target_text(w, o), 8, ink.MUTED, room),
        *_year(o.year, cx, HEIGHT - 6, o.year == year),
    ]
