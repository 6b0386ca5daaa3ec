"""Inline SVG charts drawn by hand: an indicator's targets against its actuals, and score bars.

Readable without colour: actuals are bars with their value written above, targets are dashed
lines with diamond markers, a missed year's bar is hatched, and the report year's label is bold.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from html import escape

from cruscotto_cli.evaluate import Outcome, Status
from cruscotto_cli.plan.targets import Baseline, Range, Threshold
from cruscotto_cli.render.words import Words

WIDTH, HEIGHT = 300, 132
TOP, SIDE = 8, 8
PLOT_BOTTOM = HEIGHT - 42  # below it: a row of values, a row of targets, the years
Scale = Callable[[float], float]
_PENDING = (Status.MISSING, Status.NOT_COLLECTED)  # a later year's: left blank in the charts
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


def _f(x: float) -> str:
    """Coordinates with one decimal, so the same data always gives the same bytes."""
    text = f"{x + 0.0:.1f}"
    text = text[:-2] if text.endswith(".0") else text
    return "0" if text == "-0" else text


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
    return (
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
        'role="img" '
        f'aria-label="{escape(label)}"><title>{escape(label)}</title>' + "".join(body) + "</svg>"
    )


def _describe(w: Words, o: Outcome) -> str:
    target = o.target.text if o.target else w["no_target"].lower()
    actual = w.value(o.actual, o.indicator.unit) or "—"
    return (
        f"{o.year} {w['target'].lower()} {target}, {w['actual'].lower()} {actual} "
        f"({w[o.status.value].lower()})"
    )


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
    body = [
        f'<defs><pattern id="{hatch}" width="5" height="5" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)">'
        '<rect width="5" height="5" fill="#fff"/><line x1="0" y1="0" x2="0" y2="5" '
        'class="hatch"/></pattern></defs>',
    ]
    for i, o in enumerate(points):
        body += _column(w, o, SIDE + slot * i, slot, y, hatch, year)
    body.append(
        f'<line x1="{SIDE}" x2="{WIDTH - SIDE}" y1="{_f(y(0))}" y2="{_f(y(0))}" class="axis"/>'
    )
    body.append(_target_line(points, slot, y))
    return _frame(w, points, body)


def _column(
    w: Words, o: Outcome, x0: float, slot: float, y: Scale, hatch: str, year: int
) -> list[str]:
    cx, bar, now = x0 + slot / 2, slot * 0.46, " now" if o.year == year else ""
    parts = _labels(w, o, cx, now, year)
    if isinstance(o.target, Range):
        top, low = y(float(o.target.high)), y(float(o.target.low))
        parts.append(
            f'<rect x="{_f(cx - slot * 0.4)}" y="{_f(top)}" width="{_f(slot * 0.8)}" '
            f'height="{_f(low - top)}" class="range"/>'
        )
    value = _numeric(o)
    if value is not None:
        top, zero = sorted((y(float(value)), y(0)))
        # A missed year is hatched (the pattern as an attribute, which CSS classes do not override).
        look = (
            f'class="miss" fill="url(#{hatch})"'
            if o.status is Status.NOT_MET
            else f'class="bar {o.status.value}{now}"'
        )
        parts.append(
            f'<rect x="{_f(cx - bar / 2)}" y="{_f(top)}" width="{_f(bar)}" '
            f'height="{_f(max(zero - top, 0.8))}" {look}/>'
        )
    return parts


def _labels(w: Words, o: Outcome, cx: float, now: str, year: int) -> list[str]:
    """Under the plot, as in a small table: the value (or the status symbol), the target, the
    year."""
    value = w.value(o.actual, o.indicator.unit)
    shown = value or ("" if o.year > year and o.status in _PENDING else SYMBOLS[o.status])
    return [
        f'<text x="{_f(cx)}" y="{HEIGHT - 29}" class="val{now}">{escape(shown)}</text>',
        f'<text x="{_f(cx)}" y="{HEIGHT - 18}" class="tgt">{escape(_target_text(w, o))}</text>',
        f'<text x="{_f(cx)}" y="{HEIGHT - 5}" class="year{now}">{o.year}</text>',
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
    line = " ".join(f"{_f(x)},{_f(v)}" for x, v in marks)
    diamonds = "".join(
        f'<path d="M{_f(x)} {_f(v - 4)} l4 4 l-4 4 l-4 -4 z" class="tmark"/>' for x, v in marks
    )
    return f'<polyline points="{line}" class="tline"/>{diamonds}'


def _strip(w: Words, points: Sequence[Outcome], year: int) -> str:
    """Levels and yes/no: each year's value written out with its status symbol."""
    slot = (WIDTH - 2 * SIDE) / len(points)
    body: list[str] = []
    for i, o in enumerate(points):
        cx, now = SIDE + slot * (i + 0.5), " now" if o.year == year else ""
        symbol = "" if o.year > year and o.status in _PENDING else SYMBOLS[o.status]
        body += [
            f'<rect x="{_f(cx - slot * 0.45)}" y="{TOP}" width="{_f(slot * 0.9)}" '
            f'height="{HEIGHT - TOP - 22}" rx="4" class="cell {o.status.value}{now}"/>',
            f'<text x="{_f(cx)}" y="{TOP + 30}" class="sym {o.status.value}">{symbol}</text>',
            f'<text x="{_f(cx)}" y="{TOP + 56}" '
            f'class="val{now}">{escape(w.value(o.actual, o.indicator.unit) or "—")}</text>',
            f'<text x="{_f(cx)}" y="{TOP + 80}" class="tgt">{escape(_target_text(w, o))}</text>',
            f'<text x="{_f(cx)}" y="{HEIGHT - 6}" class="year{now}">{o.year}</text>',
        ]
    return _frame(w, points, body)


def score_bar(w: Words, score: Decimal | None, label: str) -> str:
    """A horizontal bar of a score (0..1) with a tick at 100%, its value written beside it."""
    if score is None:
        return ""
    width = 160 * min(float(score), 1.0)
    text = escape(w.percent(score))
    return (
        '<svg class="scorebar" viewBox="0 0 220 14" width="220" height="14" role="img" '
        f'aria-label="{escape(label)}: {text}">'
        '<rect x="0" y="2" width="160" height="10" class="track"/><rect x="0" y="2" '
        f'width="{_f(width)}" height="10" class="fill"/>'
        f'<text x="166" y="11" class="pct">{text}</text></svg>'
    )


def legend(w: Words) -> str:
    """The key to the charts, drawn with the same shapes."""
    bar = (
        '<svg width="14" height="14" aria-hidden="true"><rect x="2" y="2" width="10" '
        'height="12" class="bar now"/></svg>'
    )
    missed = (
        '<svg width="14" height="14" aria-hidden="true"><defs><pattern id="h-legend" width="5" '
        'height="5" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="5" height="5" fill="#fff"/><line x1="0" '
        'y1="0" x2="0" y2="5" class="hatch"/></pattern></defs>'
        '<rect x="2" y="2" width="10" height="12" class="miss" fill="url(#h-legend)"/></svg>'
    )
    target = (
        '<svg width="30" height="14" aria-hidden="true"><polyline points="1,7 29,7" class="tline"/>'
        '<path d="M15 3 l4 4 l-4 4 l-4 -4 z" class="tmark"/></svg>'
    )
    items = [(bar, w["legend_actual"]), (missed, w["legend_missed"]), (target, w["legend_target"])]
    items += [
        ("", " ".join(f"{SYMBOLS[s]} {w[s.value].lower()}" for s in Status)),
        ("", w["legend_rows"]),
    ]
    return (
        '<div class="legend">'
        + "".join(f"<span>{svg}{escape(text)}</span>" for svg, text in items)
        + "</div>"
    )
