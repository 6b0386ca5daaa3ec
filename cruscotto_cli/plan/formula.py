"""Formulas over measures: parsed into a tree of whitelisted nodes and computed in Decimal.

User text is never given to eval: Python's parser only builds the tree, and `_compute` walks it,
accepting numbers, measure names, `prev(measure)`, `+ - * /` and parentheses.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal, DivisionByZero, InvalidOperation

from cruscotto_cli.numbers import AMBIGUOUS, DIGITS, NumberError, parse_plan_number
from cruscotto_cli.plan.reasons import Reason
from cruscotto_cli.plan.regexsyntax import GAP, literal

_OPS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/"}
HELP = "write measures, numbers, prev(measure), + - * / and parentheses"
# An indicator's formula has a few terms; a bound keeps parsing and computing it shallow.
MAX_TERMS = 100
MAX_DEPTH = 50
_TERM = re.compile(r"[^\W\d]\w*|\d+(?:[.,]\d+)?")

Lookup = Callable[[str, int], Decimal | None]
MEASURE_ID = "[A-Za-z_][A-Za-z0-9_]*"


class FormulaError(ValueError):
    """A formula that does not parse, or that cannot be computed for a year."""


class ComputeError(FormulaError):
    """A formula that cannot be computed for a year, with the reason as data."""

    def __init__(self, reason: Reason) -> None:
        super().__init__(str(reason))
        self.reason = reason


@dataclass(frozen=True)
class Formula:
    """A parsed formula; `measures` and `previous` name what it reads this year and last year."""

    text: str
    tree: ast.expr = field(compare=False, repr=False)
    measures: frozenset[str] = frozenset()
    previous: frozenset[str] = frozenset()

    def compute(self, year: int, lookup: Lookup) -> Decimal:
        """The formula's value for a year; FormulaError says which value is missing or zero."""
        return _compute(self.tree, year, lookup)


def parse_formula(text: str) -> Formula:
    """Parse a formula; FormulaError quotes the first thing it cannot accept."""
    _refuse_characters(text)
    terms = len(_TERM.findall(text))
    if terms > MAX_TERMS:
        raise FormulaError(f"formula has {terms} terms; the limit is {MAX_TERMS}")
    _refuse_characters(text)
    source = " ".join(text.split()).replace(",", ".")
    try:
        tree = ast.parse(source, mode="eval").body
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        raise FormulaError(f'formula "{text}" is not valid: {HELP}') from None
    current: set[str] = set()
    previous: set[str] = set()
    _check(tree, text, current, previous, 0)
    return Formula(text, tree, frozenset(current), frozenset(previous))


def pattern(measures: Iterable[str] | None = None) -> str:
    """A schema pattern of a formula's words: measures (only these, when given), prev(measure),
    numbers, + - * / and parentheses. How they are put together is for the parser to check."""
    names = MEASURE_ID if measures is None else "|".join(literal(m) for m in sorted(measures))
    name = f"(?:{names or '(?!)'})(?![A-Za-z0-9_])"
    number = f"(?!{AMBIGUOUS}(?![0-9])){DIGITS}(?![A-Za-z0-9_.,])"
    token = f"[-+*/()]|{number}|prev{GAP}\\({GAP}{name}{GAP}\\)|{name}"
    return f"^{GAP}(?:(?:{token}){GAP})+$"


def _refuse_characters(text: str) -> None:
    """What Python's parser would read silently otherwise: `#` starts a comment (everything
    after it would be lost), and a name's non-ASCII letter folds into another (NFKC: "ｉ", "ﬁ")."""
    for at, char in enumerate(text, 1):
        if char == "#":
            why = "a formula has no comments: what follows would be ignored"
        elif char.isascii() or char.isspace():
            continue
        elif char.isdigit():
            why = "digits are 0-9 only"
        elif char.isalnum():
            why = "measure names are written with a-z, A-Z, 0-9 and _ only"
        else:
            why = HELP
        raise FormulaError(f'formula "{text}": "{char}" (character {at}) is not allowed; {why}')


def _check(node: ast.expr, text: str, current: set[str], previous: set[str], depth: int) -> None:
    if depth > MAX_DEPTH:
        raise FormulaError(f'formula "{text[:60]}...": nested deeper than {MAX_DEPTH} levels')
    if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
        _check(node.left, text, current, previous, depth + 1)
        _check(node.right, text, current, previous, depth + 1)
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        _check(node.operand, text, current, previous, depth + 1)
    elif isinstance(node, ast.Constant) and type(node.value) in (int, float):
        # Python reads "1.000" as one, "1e999" as infinity: a number of the plan reads as the
        # plan's numbers do (the segment is taken before commas became points: same offsets).
        written = ast.get_source_segment(" ".join(text.split()), node) or ""
        try:
            parse_plan_number(written)
        except NumberError as exc:
            raise FormulaError(f'formula "{text}": {exc}') from None
    elif isinstance(node, ast.Name):
        current.add(node.id)
    elif _is_prev(node):
        assert isinstance(node, ast.Call) and isinstance(node.args[0], ast.Name)
        previous.add(node.args[0].id)
    else:
        piece = ast.get_source_segment(" ".join(text.split()).replace(",", "."), node) or "?"
        raise FormulaError(f'formula "{text}": "{piece}" is not allowed; {HELP}')


def _is_prev(node: ast.expr) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "prev"
        and len(node.args) == 1
        and not node.keywords
        and isinstance(node.args[0], ast.Name)
    )


def _compute(node: ast.expr, year: int, lookup: Lookup) -> Decimal:
    if isinstance(node, ast.BinOp):
        left, right = _compute(node.left, year, lookup), _compute(node.right, year, lookup)
        return _apply(node, left, right)
    if isinstance(node, ast.UnaryOp):
        value = _compute(node.operand, year, lookup)
        return -value if isinstance(node.op, ast.USub) else value
    if isinstance(node, ast.Constant):
        return Decimal(str(node.value))
    if isinstance(node, ast.Name):
        return _value(lookup, node.id, year, previous=False)
    assert isinstance(node, ast.Call) and isinstance(node.args[0], ast.Name)
    name = node.args[0].id
    return _value(lookup, name, year - 1, previous=True)


def _apply(node: ast.BinOp, left: Decimal, right: Decimal) -> Decimal:
    if isinstance(node.op, ast.Div) and right == 0:
        raise ComputeError(Reason.of("division_by_zero", divisor=ast.unparse(node.right)))
    try:
        if isinstance(node.op, ast.Add):
            return left + right
        if isinstance(node.op, ast.Sub):
            return left - right
        if isinstance(node.op, ast.Mult):
            return left * right
        return left / right
    except (InvalidOperation, DivisionByZero) as exc:  # pragma: no cover - guarded above
        raise ComputeError(Reason.of("cannot_compute", detail=str(exc))) from None


def _value(lookup: Lookup, name: str, year: int, previous: bool) -> Decimal:
    value = lookup(name, year)
    if value is None:
        code = "no_previous" if previous else "no_current"
        raise ComputeError(Reason.of(code, measure=name, year=year))
    return value
