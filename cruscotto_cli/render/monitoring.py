"""Reporters of a monitoring run: CSV, JSON, and the registry of every format."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from cruscotto_cli.actuals.excel import excel_text, to_csv
from cruscotto_cli.cycle.monitor import Monitoring
from cruscotto_cli.plan.loaded import Plan
from cruscotto_cli.render.jsontext import SCHEMA_VERSION, dumps
from cruscotto_cli.render.monitoring_rows import header, row
from cruscotto_cli.render.reason_words import reason_text
from cruscotto_cli.render.words import Words


def csv_text(plan: Plan, m: Monitoring) -> str:
    w = Words(plan.language)
    rows: list[list[object]] = [list(header(w))]
    for c in m.checks:
        cells: list[object] = list(row(w, c, plan))
        cells[1] = excel_text(c.indicator.id)
        rows.append(cells)
    return to_csv(rows, ";" if w.decimal == "," else ",")


def _number(value: Any) -> Any:
    if isinstance(value, Decimal):
        rounded = round(value, 6)
        return int(rounded) if rounded == rounded.to_integral_value() else float(rounded)
    return value


def monitoring_data(plan: Plan, m: Monitoring) -> dict[str, Any]:
    """`monitor --format json`: documented in docs/json.md."""
    checks = [
        {
            "area": c.area_id,
            "id": c.indicator.id,
            "name": c.indicator.name,
            "target": c.target.text if c.target else None,
            "actual": _number(c.value),
            "measured": c.measured.isoformat() if c.measured else None,
            "projection": c.projection.value,
            "projected": _number(c.projected),
            "status": c.status.value,
            "gap": _number(c.gap * 100) if c.gap is not None else None,
            "reason": reason_text(plan, c.reason) or None,
            "reason_code": c.reason.code if c.reason else None,
            "explanation": c.explanation,
            "sources": [{"key": s.key, "file": s.path, "row": s.row} for s in c.sources],
        }
        for c in m.checks
    ]
    return {
        "schema_version": SCHEMA_VERSION,
        "year": m.year,
        "at": m.at.isoformat(),
        "elapsed": _number(m.share * 100),
        "tolerance": _number(m.tolerance * 100),
        "plan": plan.header.title,
        "counts": {s.value: n for s, n in m.counts.items()},
        "indicators": checks,
    }


def _json(plan: Plan, m: Monitoring) -> str:
    return dumps(monitoring_data(plan, m), depth=3)


def _table(plan: Plan, m: Monitoring) -> object:
    from cruscotto_cli.render.monitoring_table import table

    return table(plan, m)


# Format name -> reporter (text, or a rich renderable); markdown, html and pdf are the report's
# (report/monitoring.py). EXTENSIONS name every format `monitor` writes.
FORMATS: dict[str, Callable[[Plan, Monitoring], object]] = {
    "table": _table,
    "json": _json,
    "csv": csv_text,
}
EXTENSIONS = {
    ".txt": "table",
    ".json": "json",
    ".csv": "csv",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
}
