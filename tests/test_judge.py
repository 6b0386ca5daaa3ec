"""A table of judgements: every comparator, both directions, strictness, negatives, levels, yes/no."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cruscotto_cli.judge import judge
from cruscotto_cli.plan.model import ScaleLevel
from cruscotto_cli.plan.targets import parse_target

SCALE = (
    ScaleLevel(level="basso"),
    ScaleLevel.model_validate({"level": "medio", "from": "2,5"}),
    ScaleLevel.model_validate({"level": "alto", "from": "3,5"}),
)
D = Decimal


@pytest.mark.parametrize(
    ("target", "actual", "direction", "met", "degree"),
    [
        # The worked example of the README: target >= 103, actual 100 -> 97,09%.
        ("≥ 103", D(100), None, False, "0.9708737864077669902912621359"),
        ("≥ 10%", D("11.78"), None, True, "1"),
        ("≥ 73%", D(73), None, True, "1"),
        (">= 80%", D("79.99"), None, False, "0.999875"),
        # Strict comparators are strict: the threshold itself is not met.
        ("> 1", D(1), None, False, "0.9999"),
        ("> 1", D("1.001"), None, True, "1"),
        ("> 1", D("0.5"), None, False, "0.5"),
        ("< 20%", D(20), None, False, "0.9999"),
        ("< 20%", D("19.9"), None, True, "1"),
        ("<= 1", D(1), None, True, "1"),
        ("<= 1", D("1.25"), None, False, "0.8"),
        ("≤ 5", D(10), None, False, "0.5"),
        # Bare values follow the indicator's direction.
        ("140", D(152), "higher", True, "1"),
        ("140", D(70), "higher", False, "0.5"),
        ("18", D(18), "lower", True, "1"),
        ("16", D(17), "lower", False, "0.9411764705882352941176470588"),
        ("0,00", D(0), "lower", True, "1"),
        # A target at or below zero: all or nothing.
        ("0,00", D(2), "lower", False, "0"),
        ("ITP < -10", D("-10.0"), None, False, "0"),
        ("ITP < -10", D("-10.5"), None, True, "1"),
        ("-10,10%", D("-9.85"), "higher", True, "1"),
        ("-10,10%", D("-12"), "higher", False, "0"),
        # A negative actual against a positive target earns nothing.
        ("≥ 10", D(-5), None, False, "0"),
        # Exact values and ranges: all or nothing.
        ("= 100%", D(100), None, True, "1"),
        ("= 100%", D(99), None, False, "0"),
        ("tra 80% e 90%", D(80), None, True, "1"),
        ("80%-90%", D("90.01"), None, False, "0"),
        # Levels, as words or as scores read through the scale's bands.
        ("> medio", "alto", None, True, "1"),
        ("> Medio", "medio", None, False, "0"),
        ("> medio", D("3.8"), None, True, "1"),
        ("> medio", D("3.4"), None, False, "0"),
        ("≥ medio", D("2.5"), None, True, "1"),
        ("medio", "basso", "higher", False, "0"),
        # Yes / no for "Annuale".
        ("Annuale", True, None, True, "1"),
        ("Annuale", False, None, False, "0"),
    ],
)
def test_judgement(
    target: str, actual: Decimal | str | bool, direction: str | None, met: bool, degree: str
) -> None:
    result = judge(parse_target(target), actual, direction, SCALE)
    assert result.invalid is None
    assert (result.met, result.degree) == (met, Decimal(degree))


@pytest.mark.parametrize(
    ("target", "actual", "direction", "reason"),
    [
        ("≥ 73%", "alto", None, '"≥ 73%" needs a number, not "alto"'),
        ("≥ 73%", True, None, '"≥ 73%" needs a number, not "True"'),
        ("Annuale", D(1), None, '"Annuale" needs sì or no, not "1"'),
        ("> medio", "ottimo", None, '"ottimo" is not a level of the scale (basso, medio, alto)'),
        ("140", D(1), None, '"140" is a bare value and the indicator has no direction'),
    ],
)
def test_values_that_cannot_be_compared_are_invalid(
    target: str, actual: Decimal | str | bool, direction: str | None, reason: str
) -> None:
    result = judge(parse_target(target), actual, direction, SCALE)
    assert (result.met, result.degree, str(result.invalid)) == (False, Decimal(0), reason)


def test_a_score_below_every_band_is_not_a_level() -> None:
    scale = (
        ScaleLevel.model_validate({"level": "medio", "from": 2}),
        ScaleLevel.model_validate({"level": "alto", "from": 4}),
    )
    result = judge(parse_target("> medio"), D(1), None, scale)
    assert str(result.invalid) == '"1" is not a level of the scale (medio, alto)'
