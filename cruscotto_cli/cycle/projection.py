"""How a value measured during the year is read against the year's target (monitoring).

d.lgs. 150/2009 art. 6 asks for monitoring during the year (usually at 30 June), so that targets
at risk are seen in time. Each indicator's value at the date is projected to the year's end by
its kind, declared once with `projection:` or taken from its unit:

- `pro-rata`, a count that grows through the year (unit `n.` or `€`, or a count over its own
  previous year, `x / prev(x)`): the value is divided by the share of the year elapsed by the
  day it was measured, counted in days (1 January to that day, both included): 70 at 30/06/2025
  is 70 / (181 / 365) = 141,16, on track for a target of 140. A ratio of this year's counts,
  `(a / b) / (prev(a) / prev(b))`, does not grow with the year: it is as-is;
- `as-is`, a ratio, a percentage, a mean, a level: the value is compared as it is;
- yes/no actions ("Annuale") are in progress until done.
"""

from __future__ import annotations

import ast
import datetime as dt
from decimal import Decimal

from cruscotto_cli.actuals.plausible import count_unit
from cruscotto_cli.plan.loaded import Plan
from cruscotto_cli.plan.model import Indicator, Projection

# Amounts that accumulate through the year, as counts do (a count's unit: actuals/plausible.py).
AMOUNTS = frozenset({"€", "euro"})


def cumulative(unit: str) -> bool:
    """A count (n., n. imprese, numero...) or an amount: it grows through the year."""
    return count_unit(unit) is not None or unit.strip().casefold() in AMOUNTS


def elapsed(year: int, at: dt.date) -> Decimal:
    """The share of `year` elapsed by the end of `at` (1 once the year is over)."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    if at >= end:
        return Decimal(1)
    return Decimal((at - start).days + 1) / Decimal((end - start).days + 1)


def projection_of(plan: Plan, ind: Indicator) -> Projection:
    """The indicator's declared projection, else pro-rata for counts, else as-is."""
    if ind.projection is not None:
        return ind.projection
    if cumulative(ind.unit):
        return Projection.PRO_RATA
    formula = ind.formula
    if (
        formula
        and formula.previous
        and formula.previous == formula.measures
        and _growth(formula.tree) == 1
    ):
        counts = all(
            (m := plan.measure(name)) is not None and cumulative(m.unit)
            for name in formula.measures
        )
        return Projection.PRO_RATA if counts else Projection.AS_IS
    return Projection.AS_IS


def _growth(node: ast.expr) -> int | None:
    """How a formula grows with this year's measures: 1 for `x / prev(x)` (twice the counts,
    twice the value), 0 for `(a / b) / (prev(a) / prev(b))`; None when it grows unevenly."""
    if isinstance(node, ast.Name):
        return 1
    if isinstance(node, (ast.Constant, ast.Call)):  # a number, prev(x): fixed during the year
        return 0
    if isinstance(node, ast.UnaryOp):
        return _growth(node.operand)
    if not isinstance(node, ast.BinOp):
        return None
    left, right = _growth(node.left), _growth(node.right)
    if left is None or right is None:
        return None
    if isinstance(node.op, ast.Mult):
        return left + right
    if isinstance(node.op, ast.Div):
        return left - right
    return left if left == right else None


def project(value: Decimal, kind: Projection, share: Decimal) -> Decimal:
    """The value expected at the year's end."""
    return value / share if kind is Projection.PRO_RATA and share > 0 else value
