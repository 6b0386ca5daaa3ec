"""A monitoring run's rows as text, shared by the terminal table, CSV and the report."""

from __future__ import annotations

from cruscotto_cli.cycle.monitor import Check, Monitoring
from cruscotto_cli.plan.loaded import Plan
from cruscotto_cli.render.reason_words import reason_text
from cruscotto_cli.render.words import Words

HEADER = ("area", "id", "indicator", "target", "actual", "measured", "kind", "projection")


def header(w: Words) -> list[str]:
    return [*(w[k] for k in HEADER), w["status"], w["gap"], w["note"]]


def row(w: Words, c: Check, plan: Plan) -> list[str]:
    """One indicator as readers see it: value, the day it was measured, the projection; why
    it is not measurable in the plan's language, measures named by their names."""
    unit = c.indicator.unit
    measured = w.date(c.measured) if c.measured else ""
    projected = w.value(c.projected, unit) if c.projected != c.value else ""
    gap = f"-{w.percent(c.gap)}" if c.gap is not None else ""
    note = "; ".join(t for t in (reason_text(plan, c.reason), c.explanation) if t)
    target = c.target.text if c.target else ""
    cells = [c.area_id, c.indicator.id, c.indicator.name, target, w.value(c.value, unit)]
    return [*cells, measured, w[c.projection.value], projected, w[c.status.value], gap, note]


def summary(w: Words, m: Monitoring) -> str:
    """`Monitoraggio al 30/06/2025 (49,59% dell'anno trascorso): in linea 20, a rischio 3 ...`"""
    counts = ", ".join(f"{w[s.value].lower()} {n}" for s, n in m.counts.items())
    return f"{w['monitoring_at']} {w.date(m.at)} ({w.percent(m.share)} {w['elapsed']}): {counts}"
