"""The target grammar: a target text as printed in the plan, parsed once into a value."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum
from functools import cache, lru_cache

from cruscotto_cli.numbers import NumberError, format_number, parse_plan_number
from cruscotto_cli.plan import targetgrammar as grammar


class Comparator(StrEnum):
    """How an actual compares with a target value."""

    GE = "≥"
    GT = ">"
    LE = "≤"
    LT = "<"
    EQ = "="

    @property
    def direction(self) -> str | None:
        """The direction of the indicator that this comparator reveals."""
        return {"≥": "higher", ">": "higher", "≤": "lower", "<": "lower"}.get(self.value)


SPELLINGS: dict[str, Comparator] = {
    text: Comparator(sign) for text, sign in grammar.SPELLINGS.items()
}
BARE_FOR_DIRECTION = {"higher": Comparator.GE, "lower": Comparator.LE}

VALID_FORMS = (
    '"≥ 73%", ">= 80%", "> 1", "≤ 5", "< 20%", "= 100%" (comparator and value); '
    '"140", "1,45", "-10,10%" (a bare value, read by the indicator\'s direction); '
    '"> medio" (a level of the scale); "ITP < -10" (labelled comparator); '
    '"tra 80% e 90%", "80%-90%" (range); "Annuale"; "Anno di rilevazione"'
)


@cache
def _pattern(name: str) -> re.Pattern[str]:
    """The grammar's expression `name`, compiled on first use: compiling them all costs a
    command's start-up about 6 ms, and a plan read from the cache parses no target."""
    expression: str = getattr(grammar, name)
    return re.compile(expression)


class TargetError(ValueError):
    """A target text that does not parse; the message quotes it and lists the valid forms."""


@dataclass(frozen=True)
class Threshold:
    """A number to reach: `≥ 73%`, `> 1`, `ITP < -10`, or a bare `140` (comparator None)."""

    comparator: Comparator | None
    value: Decimal
    percent: bool = False
    label: str | None = None
    text: str = field(default="", compare=False)

    def canonical(self) -> str:
        number = format_number(self.value) + ("%" if self.percent else "")
        head = " ".join(p for p in (self.label, self.comparator and self.comparator.value) if p)
        return f"{head} {number}" if head else number


@dataclass(frozen=True)
class Level:
    """A level of the plan's ordinal scale: `> medio`, or a bare `alto`."""

    comparator: Comparator | None
    level: str
    text: str = field(default="", compare=False)

    def canonical(self) -> str:
        return f"{self.comparator.value} {self.level}" if self.comparator else self.level


@dataclass(frozen=True)
class Range:
    """Bounds included: `tra 80% e 90%`, `80%-90%`."""

    low: Decimal
    high: Decimal
    percent: bool = False
    text: str = field(default="", compare=False)

    def canonical(self) -> str:
        pct = "%" if self.percent else ""
        return f"tra {format_number(self.low)}{pct} e {format_number(self.high)}{pct}"


@dataclass(frozen=True)
class Annual:
    """`Annuale`: an action carried out each year, done or not done."""

    text: str = field(default="", compare=False)

    def canonical(self) -> str:
        return "Annuale"


@dataclass(frozen=True)
class Baseline:
    """`Anno di rilevazione`: the year the value is measured as a baseline, not scored."""

    note: str | None = None
    text: str = field(default="", compare=False)

    def canonical(self) -> str:
        return f"Anno di rilevazione ({self.note})" if self.note else "Anno di rilevazione"


Target = Threshold | Level | Range | Annual | Baseline


def parse_target(text: object) -> Target:
    """Parse a target text; raise TargetError quoting it when it is not one of the valid forms."""
    if text is None:  # `2022:` with nothing after it
        text = ""
    if not isinstance(text, str):
        if isinstance(text, (list, dict)):
            found = "a list" if isinstance(text, list) else "a mapping"
            raise TargetError(f'a target is one text, e.g. "≥ 73%" or "> medio"; found {found}')
        raise TargetError(f'target {text!r} must be text; quote it, e.g. "{text}"')
    return _parse(text)


@lru_cache(maxsize=4096)
def _parse(text: str) -> Target:
    """Plans repeat a few texts ("> 1", "Annuale") thousands of times, and targets are
    immutable values, so equal texts share one parsed target."""
    s = " ".join(text.split())
    if not s:
        raise TargetError(f"empty target; write one of: {VALID_FORMS}")
    if _pattern("ANNUAL").fullmatch(s):
        return Annual(text=text)
    if m := _pattern("BASELINE").fullmatch(s):
        note = m.group("note")
        return Baseline(note=note.strip() if note else None, text=text)
    if m := (_pattern("RANGE_TRA").fullmatch(s) or _pattern("RANGE_DASH").fullmatch(s)):
        return _range(m, text)
    return _comparison(s, text)


def _comparison(s: str, text: str) -> Target:
    label = None
    if m := _pattern("LABEL").match(s):
        label, s = m.group("label"), s[m.end() :]
    comparator = None
    if bad := _pattern("BAD_COMPARATOR").match(s):
        raise TargetError(
            f'target "{text}": unknown comparator "{bad.group(1)}"; write one of ≥ >= > ≤ <= < ='
        )
    if m := _pattern("COMPARATOR").match(s):
        comparator, s = SPELLINGS[m.group(1)], s[m.end() :].strip()
    if m := _pattern("NUMBER_VALUE").fullmatch(s):
        value = _number(m.group("num"), text)
        return Threshold(comparator, value, m.group("pct") is not None, label, text)
    if label is None and _pattern("LEVEL").fullmatch(s):
        return Level(comparator, s.lower(), text)
    raise TargetError(f'target "{text}" is not valid; write one of: {VALID_FORMS}')


def _range(m: re.Match[str], text: str) -> Range:
    number = _pattern("NUMBER_VALUE")
    low_m, high_m = number.fullmatch(m.group("lo")), number.fullmatch(m.group("hi"))
    assert low_m and high_m  # the range patterns only match numbers
    low, high = _number(low_m.group("num"), text), _number(high_m.group("num"), text)
    if low > high:
        raise TargetError(f'target "{text}": the range runs from the lower bound to the higher')
    if (low_m.group("pct") is None) != (high_m.group("pct") is None) and low_m.group("pct"):
        raise TargetError(f'target "{text}": give "%" on the higher bound or on both')
    return Range(low, high, high_m.group("pct") is not None, text)


def _number(num: str, text: str) -> Decimal:
    try:
        return parse_plan_number(num)
    except NumberError as exc:
        raise TargetError(f'target "{text}": {exc}') from None


def reading(target: Target, direction: str | None, unit: str) -> str:
    """How a target is judged, spelled out: a bare `1,45` of a lower-is-better indicator reads
    `≤ 1,45`; a bare `25` of a percentage indicator reads `≥ 25%`."""
    if isinstance(target, (Threshold, Level)) and target.comparator is None:
        comparator = effective_comparator(target, direction)
        if comparator is not None:
            target = replace(target, comparator=comparator)
    if isinstance(target, Threshold) and unit == "%" and not target.percent:
        target = replace(target, percent=True)
    return target.canonical()


def effective_comparator(target: Threshold | Level, direction: str | None) -> Comparator | None:
    """The comparator a target is judged by: its own, or the direction's for a bare value."""
    if target.comparator is not None:
        return target.comparator
    return BARE_FOR_DIRECTION.get(direction or "")
