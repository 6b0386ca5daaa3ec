"""The target grammar's pieces: one source for the parser (Python re) and the schema (ECMA-262)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from cruscotto_cli.numbers import NUMBER, PLAN_NUMBER
from cruscotto_cli.plan.regexsyntax import (
    GAP,
    LETTER,
    LETTERS,
    SPACE,
    caseless,
    letters,
    literal,
    whole,
)

# Every spelling the plan may use of a comparator, longest first so that ">=" is not read as ">".
SPELLINGS = {
    ">=": "≥",
    "≥": "≥",
    "⩾": "≥",
    "<=": "≤",
    "≤": "≤",
    "⩽": "≤",
    ">": ">",
    "<": "<",
    "=": "=",
}
COMPARATOR = "(" + "|".join(SPELLINGS) + ")"
_COMPARATOR_START = "[" + "".join(sorted({s[0] for s in SPELLINGS})) + "]"
# Spellings refused with their own message: read as ">" and "=" they would be a guess.
BAD_COMPARATOR = "(=>|=<|<>|!=|==|≠|>>|<<)"

_WORD = f"{LETTER}[{LETTERS}0-9_'\\-]*"
LEVEL = f"{_WORD}(?:{SPACE}{_WORD})*"
LABEL = f"(?P<label>{LETTER}[{LETTERS}0-9_]*){GAP}(?={_COMPARATOR_START})"
ANNUAL = caseless("annuale")
_NOTE = f"(?:{GAP}\\((?P<note>[^()]*)\\))?"
BASELINE = f"{caseless('anno')}{SPACE}(?:{caseless('di')}{SPACE})?{caseless('rilevazione')}{_NOTE}"


def value(number: str) -> str:
    """A number, optionally a percentage: `73%`, `1,45`, `-10,10 %`."""
    return f"(?P<num>{number})(?:{GAP}(?P<pct>%))?"


def bound(number: str) -> str:
    """A bound of a range: a number, optionally a percentage."""
    return f"{number}(?:{GAP}%)?"


def ranges(low: str, high: str) -> tuple[str, str]:
    """The two spellings of a range: `tra 80% e 90%` and `80%-90%`."""
    tra = f"{caseless('tra')}{SPACE}{low}{SPACE}{caseless('e')}{SPACE}{high}"
    return tra, f"{low}{GAP}[-–]{GAP}{high}"


RANGE_TRA, RANGE_DASH = ranges(f"(?P<lo>{bound(NUMBER)})", f"(?P<hi>{bound(NUMBER)})")
NUMBER_VALUE = value(NUMBER)


def target_pattern(levels: Sequence[str] | None = None) -> str:
    """The schema's pattern of a target text: what the parser accepts, but for a range's bounds
    in order (a pattern cannot compare numbers). `levels` limits levels to the plan's scale."""
    pct = f"{PLAN_NUMBER}{GAP}%"
    range_forms = (*ranges(pct, pct), *ranges(PLAN_NUMBER, bound(PLAN_NUMBER)))
    amount = value(PLAN_NUMBER)
    folded = [] if levels is None else [s.casefold() for s in levels]
    level = LEVEL if levels is None else "|".join(scale_level(s) for s in folded if is_level(s))
    unlabelled = (
        f"(?:{COMPARATOR}{GAP})?(?:{amount}|{level})"
        if level
        else f"(?:{COMPARATOR}{GAP})?{amount}"
    )
    labelled = f"{LABEL}{COMPARATOR}{GAP}{amount}"
    return whole("|".join((ANNUAL, BASELINE, *range_forms, labelled, unlabelled)))


def is_level(text: str) -> bool:
    """Whether a level of the scale (casefolded, as validate compares them) can be a target."""
    return re.fullmatch(LEVEL, text) is not None and text == " ".join(text.split())


def scale_level(level: str) -> str:
    """A casefolded level of the scale in any case the parser lowers to it: `[Mm][Ee]...`."""
    return "".join(SPACE if c == " " else _lowering_to(c) for c in level)


def _lowering_to(c: str) -> str:
    cases = sorted(x for x in letters() if x.lower() == c)
    return f"[{''.join(cases)}]" if len(cases) > 1 else literal(c)
