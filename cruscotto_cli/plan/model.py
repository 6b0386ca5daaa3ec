"""The plan's data model: strict, immutable pydantic models with targets parsed at the boundary."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from enum import StrEnum
from functools import cached_property
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from cruscotto_cli.numbers import PLAN_NUMBER, NumberError, format_number, parse_plan_number
from cruscotto_cli.plan.formula import MEASURE_ID, Formula, FormulaError, parse_formula
from cruscotto_cli.plan.formula import pattern as formula_pattern
from cruscotto_cli.plan.regexsyntax import whole
from cruscotto_cli.plan.targetgrammar import target_pattern
from cruscotto_cli.plan.targets import Annual, Level, Target, TargetError, Threshold, parse_target

# The codes of the errors these models raise themselves (PydanticCustomError below): the loader
# reports them with their own message and code; any other pydantic error is a schema problem.
ERROR_CODES = frozenset(
    {"target-syntax", "formula-syntax", "number", "date", "year", "weight", "period", "act"}
)


def _target(value: Any) -> Target:
    try:
        return parse_target(value)
    except TargetError as exc:
        raise PydanticCustomError("target-syntax", str(exc)) from None


def _formula(value: Any) -> Formula:
    if not isinstance(value, str):
        raise PydanticCustomError("formula-syntax", "a formula must be text")
    try:
        return parse_formula(value)
    except FormulaError as exc:
        raise PydanticCustomError("formula-syntax", str(exc)) from None


def _number(value: Any) -> Decimal:
    if isinstance(value, (int, Decimal)):
        return Decimal(value)
    try:
        return parse_plan_number(str(value))
    except NumberError as exc:
        raise PydanticCustomError("number", str(exc)) from None


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_ITALIAN_DATE = re.compile(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})")
_YEAR = re.compile(r"[0-9]{4}")


def _date(value: Any) -> Any:
    """Dates as ISO (2022-10-25) or as Italian documents write them (25/10/2022), nothing else:
    pydantic alone would read "1666656000" as a Unix time."""
    if isinstance(value, dt.date):
        return value
    text = value if isinstance(value, str) else ""
    try:
        if _ISO_DATE.fullmatch(text):
            return dt.date.fromisoformat(text)
        if m := _ITALIAN_DATE.fullmatch(text):
            return dt.date(int(m[3]), int(m[2]), int(m[1]))
    except ValueError:
        pass
    raise PydanticCustomError("date", f'"{value}" is not a date; write 2022-10-25 or 25/10/2022')


def _year(value: Any) -> Any:
    """A year is four digits: "02022", "2022.0" or "2_022" must not be silently read as 2022."""
    if (isinstance(value, int) and not isinstance(value, bool)) or (
        isinstance(value, str) and _YEAR.fullmatch(value)
    ):
        return int(value)
    raise PydanticCustomError("year", f'"{value}" is not a year; write four digits, e.g. 2024')


def _act(value: str) -> str:
    """An act names a decision: a text of only spaces, marks or invisible characters ("\u200b")
    would back a change with nothing a reader can check."""
    if any(c.isalnum() for c in value):
        return value
    shown = "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in value)
    raise PydanticCustomError(
        "act",
        f'act "{shown}" names no act: write the decision that made the change, e.g. '
        '"D CC 28/03/2025"',
    )


def _text_list(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


TargetField = Annotated[
    Target,
    PlainValidator(_target),
    PlainSerializer(lambda t: t.text, return_type=str),
    # A plain 140 or 0,4 is a number to an editor and text to the loader, which reads it as written.
    WithJsonSchema({"type": ["string", "number"], "pattern": target_pattern()}),
]
FormulaField = Annotated[
    Formula,
    PlainValidator(_formula),
    PlainSerializer(lambda f: f.text, return_type=str),
    WithJsonSchema({"type": "string", "pattern": formula_pattern()}),
]
Number = Annotated[
    Decimal,
    PlainValidator(_number),
    PlainSerializer(lambda d: format_number(d, "."), return_type=str),
    WithJsonSchema({"type": ["number", "string"], "pattern": whole(PLAN_NUMBER)}),
]
Id = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$", max_length=40)]
MeasureId = Annotated[str, Field(pattern=f"^{MEASURE_ID}$", max_length=60)]
Text = Annotated[str, Field(min_length=1)]
ActText = Annotated[Text, AfterValidator(_act)]
_TEXT_SCHEMA = {"type": "string", "minLength": 1}
# One text or a list of texts: the schema says what the model accepts, or editors flag valid plans.
Texts = Annotated[
    tuple[Text, ...],
    BeforeValidator(_text_list),
    WithJsonSchema({"anyOf": [_TEXT_SCHEMA, {"type": "array", "items": _TEXT_SCHEMA}]}),
]
# The two forms _date reads; an editor's `format: date` would refuse the Italian one.
_DATE_SCHEMA = {"type": "string", "pattern": f"^(?:{_ISO_DATE.pattern}|{_ITALIAN_DATE.pattern})$"}
Date = Annotated[dt.date, BeforeValidator(_date), WithJsonSchema(_DATE_SCHEMA)]
Year = Annotated[
    int,
    BeforeValidator(_year),
    WithJsonSchema({"type": ["integer", "string"], "pattern": "^[0-9]{4}$"}),
]


class Model(BaseModel):
    """Strict about keys (a misspelt key must not be ignored) and immutable once loaded."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        str_strip_whitespace=True,
        populate_by_name=True,
        defer_build=True,
    )


class Direction(StrEnum):
    HIGHER = "higher"
    LOWER = "lower"


class ValueKind(StrEnum):
    """What an indicator's actual is: a number, a level of the scale, or done / not done."""

    NUMBER = "number"
    LEVEL = "level"
    YESNO = "yes/no"


# A measured value of one of those kinds: a number, a level's name, or done (True) / not done.
Value = Decimal | str | bool


class RegisterValue(StrEnum):
    """A value computed from the invoice register (art. 9 DPCM 22/09/2014), by its plan name."""

    ITP = "itp"  # the payment-timeliness index, weighted by amount
    AVERAGE_DAYS = "average-days"  # the mean days from receipt to payment
    WEIGHTED_AVERAGE_DAYS = "weighted-average-days"  # the same, weighted by amount
    PAID_WITHIN_30_DAYS = "paid-within-30-days"  # the share of invoices paid within 30 days, in %


class Projection(StrEnum):
    """How a value measured during the year is compared with the year's target (monitoring)."""

    PRO_RATA = "pro-rata"  # a count that grows through the year: projected by the elapsed days
    AS_IS = "as-is"  # a ratio, a percentage, a mean, a level: compared as it is


class OverallScore(StrEnum):
    """What the overall score is the mean of."""

    INDICATORS = "indicators"  # every scored indicator, by its weight
    AREAS = "areas"  # the areas' scores, each area counting the same
    AREA_WEIGHTS = "area-weights"  # the areas' scores, by each area's weight


class ZeroTargets(StrEnum):
    """How a target at or below zero (ITP < -13, 0,00, -10,10%) is scored when missed."""

    ALL_OR_NOTHING = "all-or-nothing"  # 0%: a ratio of a target at or below zero means nothing
    DISTANCE = "distance"  # 1 - |actual - target| / |target| (1 unit for a zero target), >= 0


class ChangeKind(StrEnum):
    TARGET = "target"
    INDICATOR = "indicator"
    WITHDRAWN = "withdrawn"
    ADDED = "added"
    OWNER = "owner"


class Change(Model):
    """One entry of an indicator's history: what an act (e.g. D CC 25/10/2022) changed."""

    date: Date
    act: ActText
    change: ChangeKind
    from_year: Year | None = None
    note: str | None = None


class Indicator(Model):
    id: Id
    name: Text
    owner: Text
    unit: Text
    direction: Direction | None = None
    symbol: str | None = None
    formula: FormulaField | None = None
    # `register` in the plan; `Model.register` is taken (ABCMeta's).
    from_register: RegisterValue | None = Field(default=None, alias="register")
    weight: Number = Decimal(1)
    projection: Projection | None = None  # for monitoring; by default from the unit
    targets: dict[Year, TargetField] = Field(
        default_factory=dict, json_schema_extra={"additionalProperties": False}
    )
    tags: Texts = ()
    source: str | None = None
    notes: Texts = ()
    changes: tuple[Change, ...] = ()

    @field_validator("weight")
    @classmethod
    def _positive(cls, value: Decimal) -> Decimal:
        if value < 0:
            raise PydanticCustomError("weight", "a weight cannot be negative")
        return value

    @cached_property
    def kind(self) -> ValueKind:
        """Levels for "> medio" targets, yes/no for "Annuale", else a number."""
        kinds = {type(t) for t in self.targets.values()}
        if Level in kinds:
            return ValueKind.LEVEL
        if Annual in kinds:
            return ValueKind.YESNO
        return ValueKind.NUMBER

    @cached_property
    def revealed_directions(self) -> frozenset[str]:
        """The directions that the targets' own comparators point to (≥ higher, < lower)."""
        return frozenset(
            t.comparator.direction
            for t in self.targets.values()
            if isinstance(t, (Threshold, Level)) and t.comparator and t.comparator.direction
        )

    @cached_property
    def effective_direction(self) -> str | None:
        """The declared direction, or the one the comparators reveal when they agree."""
        if self.direction:
            return self.direction.value
        revealed = self.revealed_directions
        return next(iter(revealed)) if len(revealed) == 1 else None

    @cached_property
    def withdrawal(self) -> Change | None:
        return next((c for c in self.changes if c.change is ChangeKind.WITHDRAWN), None)

    def withdrawn_in(self, year: int) -> Change | None:
        """The act that withdrew this indicator, if it is withdrawn in the given year."""
        change = self.withdrawal
        if change and year >= (change.from_year or change.date.year):
            return change
        return None


class Area(Model):
    id: Id
    title: Text
    weight: Number = Decimal(1)  # in the overall score when `scoring: {overall: area-weights}`
    indicators: tuple[Indicator, ...] = ()

    @field_validator("weight")
    @classmethod
    def _positive(cls, value: Decimal) -> Decimal:
        if value < 0:
            raise PydanticCustomError("weight", "a weight cannot be negative")
        return value


class Period(Model):
    first: Year
    last: Year

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.first > self.last:
            raise PydanticCustomError("period", "period: first must not be after last")
        return self

    @property
    def years(self) -> range:
        return range(self.first, self.last + 1)


class ScaleLevel(Model):
    level: Text
    from_: Number | None = Field(default=None, alias="from")
    max: Number | None = None  # on the highest level of a banded scale: the top score (5 of 1-5)


class Band(Model):
    from_: Number = Field(alias="from")
    label: Text


class Office(Model):
    id: Id
    name: Text
    aliases: tuple[Text, ...] = ()


class Measure(Model):
    id: MeasureId
    name: Text
    owner: Text
    unit: Text = "n."


class Scoring(Model):
    """The roll-up choices of the office: what the overall score averages, zero targets."""

    overall: OverallScore = OverallScore.INDICATORS
    zero_targets: ZeroTargets = ZeroTargets.ALL_OR_NOTHING


class Monitoring(Model):
    """Monitoring during the year: how far below its target a projection is only at risk."""

    tolerance: Number = Decimal(10)  # in percent of the target

    @field_validator("tolerance")
    @classmethod
    def _not_negative(cls, value: Decimal) -> Decimal:
        if value < 0:
            raise PydanticCustomError(
                "number", "a tolerance cannot be negative: 0 makes every miss critical"
            )
        return value


class PlanChangeKind(StrEnum):
    """What an act changed in `plan.yaml`; `plan` backs any change of it."""

    PERIOD = "period"
    SCALE = "scale"
    BANDS = "bands"
    OFFICES = "offices"
    MEASURES = "measures"
    PLAN = "plan"


class PlanChange(Model):
    """One entry of the plan's own history: what an act changed in `plan.yaml`."""

    date: Date
    act: ActText
    change: PlanChangeKind
    note: str | None = None


class Header(Model):
    """`plan.yaml`: what the whole plan shares."""

    title: Text
    entity: str | None = None
    period: Period
    language: str = Field(default="it", pattern="^(it|en)$")
    scale: tuple[ScaleLevel, ...] = ()
    bands: tuple[Band, ...] = ()
    offices: tuple[Office, ...] = ()
    measures: tuple[Measure, ...] = ()
    scoring: Scoring = Scoring()
    monitoring: Monitoring = Monitoring()
    changes: tuple[PlanChange, ...] = ()

    @property
    def score_range(self) -> tuple[Decimal, Decimal] | None:
        """The lowest and highest score a banded scale reads (the lowest `from` or 0, the `max`
        of its highest level); None for a scale of words only."""
        if not any(s.from_ is not None for s in self.scale):
            return None
        top = self.scale[-1].max
        bottom = self.scale[0].from_
        return (Decimal(0) if bottom is None else bottom, top) if top is not None else None
