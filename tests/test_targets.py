"""The target grammar: every form of the source document and of the README, the errors, and the round trip."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cruscotto_cli.plan.targets import (
    VALID_FORMS,
    Annual,
    Baseline,
    Comparator,
    Level,
    Range,
    Target,
    TargetError,
    Threshold,
    parse_target,
)

GE, GT, LE, LT, EQ = Comparator.GE, Comparator.GT, Comparator.LE, Comparator.LT, Comparator.EQ
D = Decimal

# text -> (parsed value, canonical text)
VALID: list[tuple[str, Target, str]] = [
    ("≥ 73%", Threshold(GE, D("73"), percent=True), "≥ 73%"),
    (">=80%", Threshold(GE, D("80"), percent=True), "≥ 80%"),
    (">= 80%", Threshold(GE, D("80"), percent=True), "≥ 80%"),
    ("≥76%", Threshold(GE, D("76"), percent=True), "≥ 76%"),
    ("> 1", Threshold(GT, D("1")), "> 1"),
    (">1", Threshold(GT, D("1")), "> 1"),
    ("≥1", Threshold(GE, D("1")), "≥ 1"),
    ("<= 1", Threshold(LE, D("1")), "≤ 1"),
    ("<1", Threshold(LT, D("1")), "< 1"),
    ("< 20%", Threshold(LT, D("20"), percent=True), "< 20%"),
    ("100%", Threshold(None, D("100"), percent=True), "100%"),
    ("140", Threshold(None, D("140")), "140"),
    ("0,4", Threshold(None, D("0.4")), "0,4"),
    ("0.4", Threshold(None, D("0.4")), "0,4"),
    ("1,45", Threshold(None, D("1.45")), "1,45"),
    ("0,00", Threshold(None, D("0.00")), "0,00"),
    ("-10,10%", Threshold(None, D("-10.10"), percent=True), "-10,10%"),
    ("−10,10%", Threshold(None, D("-10.10"), percent=True), "-10,10%"),
    ("68,50%", Threshold(None, D("68.50"), percent=True), "68,50%"),
    ("> medio", Level(GT, "medio"), "> medio"),
    ("> Medio", Level(GT, "medio"), "> medio"),
    ("≥ alto", Level(GE, "alto"), "≥ alto"),
    ("medio", Level(None, "medio"), "medio"),
    ("ITP < -10", Threshold(LT, D("-10"), label="ITP"), "ITP < -10"),
    ("ITP<-13", Threshold(LT, D("-13"), label="ITP"), "ITP < -13"),
    ("Annuale", Annual(), "Annuale"),
    ("annuale", Annual(), "Annuale"),
    ("Anno di rilevazione", Baseline(), "Anno di rilevazione"),
    ("Anno rilevazione", Baseline(), "Anno di rilevazione"),
    (
        "Anno di rilevazione (revisione piano)",
        Baseline("revisione piano"),
        "Anno di rilevazione (revisione piano)",
    ),
    ("≤ 5", Threshold(LE, D("5")), "≤ 5"),
    ("= 100%", Threshold(EQ, D("100"), percent=True), "= 100%"),
    ("tra 80% e 90%", Range(D("80"), D("90"), percent=True), "tra 80% e 90%"),
    ("80%-90%", Range(D("80"), D("90"), percent=True), "tra 80% e 90%"),
    ("80-90%", Range(D("80"), D("90"), percent=True), "tra 80% e 90%"),
    ("tra 1,5 e 2", Range(D("1.5"), D("2")), "tra 1,5 e 2"),
    ("  ≥   73%  ", Threshold(GE, D("73"), percent=True), "≥ 73%"),
]


@pytest.mark.parametrize(("text", "expected", "canonical"), VALID, ids=[v[0] for v in VALID])
def test_valid_target_parses_to_its_value_and_prints_canonically(
    text: str, expected: Target, canonical: str
) -> None:
    target = parse_target(text)
    assert target == expected
    assert type(target) is type(expected)
    assert target.text == text  # the text as printed is kept for reports
    assert target.canonical() == canonical
    assert parse_target(canonical) == expected


def test_threshold_fields_are_exact() -> None:
    """Equality of Decimals hides the exponent; the table's values must be the printed digits."""
    target = parse_target("-10,10%")
    assert isinstance(target, Threshold)
    assert (target.comparator, str(target.value), target.percent, target.label) == (
        None,
        "-10.10",
        True,
        None,
    )
    labelled = parse_target("ITP < -10")
    assert isinstance(labelled, Threshold)
    assert (labelled.comparator, str(labelled.value), labelled.percent, labelled.label) == (
        LT,
        "-10",
        False,
        "ITP",
    )


NOT_VALID = f"write one of: {VALID_FORMS}"
INVALID: list[tuple[object, str]] = [
    ("=> 73%", 'target "=> 73%": unknown comparator "=>"; write one of ≥ >= > ≤ <= < ='),
    ("=< 5", 'target "=< 5": unknown comparator "=<"; write one of ≥ >= > ≤ <= < ='),
    ("== 5", 'target "== 5": unknown comparator "=="; write one of ≥ >= > ≤ <= < ='),
    ("<> 5", 'target "<> 5": unknown comparator "<>"; write one of ≥ >= > ≤ <= < ='),
    ("≠ 5", 'target "≠ 5": unknown comparator "≠"; write one of ≥ >= > ≤ <= < ='),
    (">> 1", 'target ">> 1": unknown comparator ">>"; write one of ≥ >= > ≤ <= < ='),
    ("abc 5", f'target "abc 5" is not valid; {NOT_VALID}'),
    ("5 giorni", f'target "5 giorni" is not valid; {NOT_VALID}'),
    ("> > 1", f'target "> > 1" is not valid; {NOT_VALID}'),
    ("≥", f'target "≥" is not valid; {NOT_VALID}'),
    ("%", f'target "%" is not valid; {NOT_VALID}'),
    ("5%%", f'target "5%%" is not valid; {NOT_VALID}'),
    ("1,5e3", f'target "1,5e3" is not valid; {NOT_VALID}'),
    ("€5", f'target "€5" is not valid; {NOT_VALID}'),
    ("Z5%", f'target "Z5%" is not valid; {NOT_VALID}'),
    ("ITP > medio", f'target "ITP > medio" is not valid; {NOT_VALID}'),
    (
        "1.000",
        'target "1.000": "1.000" reads two ways (thousands or decimal point): write 1000 or 1,000',
    ),
    (
        "≥ 1.500",
        'target "≥ 1.500": "1.500" reads two ways (thousands or decimal point): write 1500 or 1,500',
    ),
    ("", f"empty target; {NOT_VALID}"),
    ("   ", f"empty target; {NOT_VALID}"),
    ("90%-80%", 'target "90%-80%": the range runs from the lower bound to the higher'),
    ("tra 90 e 80", 'target "tra 90 e 80": the range runs from the lower bound to the higher'),
    ("80%-90", 'target "80%-90": give "%" on the higher bound or on both'),
    (140, 'target 140 must be text; quote it, e.g. "140"'),
    (None, f"empty target; {NOT_VALID}"),
]


@pytest.mark.parametrize(("text", "message"), INVALID, ids=[repr(v[0]) for v in INVALID])
def test_invalid_target_is_refused_with_an_exact_message(text: object, message: str) -> None:
    with pytest.raises(TargetError) as caught:
        parse_target(text)  # type: ignore[arg-type]
    assert str(caught.value) == message


def test_valid_forms_list_every_family() -> None:
    for form in (
        "≥ 73%",
        "140",
        "> medio",
        "ITP < -10",
        "tra 80% e 90%",
        "80%-90%",
        "Annuale",
        "Anno di rilevazione",
    ):
        assert f'"{form}"' in VALID_FORMS


# --- round trip ------------------------------------------------------------------------------

_RESERVED = ("annuale", "anno rilevazione", "anno di rilevazione")
decimals = st.decimals(
    min_value=-100000, max_value=100000, places=3, allow_nan=False, allow_infinity=False
)
comparators = st.sampled_from(list(Comparator))
words = st.from_regex(r"[a-zàèéìòù][a-zàèéìòù'-]{0,8}", fullmatch=True)
levels = st.lists(words, min_size=1, max_size=3).map(" ".join).filter(lambda s: s not in _RESERVED)
labels = st.from_regex(r"[A-Za-z][A-Za-z0-9]{0,5}", fullmatch=True)
notes = st.lists(
    st.from_regex(r"[A-Za-z0-9àè.,/-]{1,10}", fullmatch=True), min_size=1, max_size=3
).map(" ".join)

thresholds = st.one_of(
    st.builds(Threshold, st.none() | comparators, decimals, st.booleans()),
    st.builds(Threshold, comparators, decimals, st.booleans(), labels),
)
level_targets = st.builds(Level, st.none() | comparators, levels)
ranges = st.tuples(decimals, decimals, st.booleans()).map(
    lambda t: Range(min(t[:2]), max(t[:2]), t[2])
)
targets = st.one_of(
    thresholds, level_targets, ranges, st.just(Annual()), st.builds(Baseline, st.none() | notes)
)


@given(targets)
def test_parse_of_canonical_round_trips(target: Target) -> None:
    text = target.canonical()
    parsed = parse_target(text)
    assert parsed == target
    assert type(parsed) is type(target)
    assert parsed.canonical() == text


@given(targets)
def test_canonical_is_stable_under_comma_or_point(target: Target) -> None:
    """The plan accepts a decimal point too: the same target, the same canonical text."""
    text = target.canonical()
    if isinstance(target, (Threshold, Range)) and "," in text:
        with_point = text.replace(",", ".")
        try:
            parsed = parse_target(with_point)
        except TargetError as exc:  # "1.500" reads two ways: refused, never misread
            assert "reads two ways" in str(exc)
        else:
            assert parsed == target
            assert parsed.canonical() == text


def test_only_ascii_digits_are_numbers() -> None:
    with pytest.raises(TargetError, match="is not valid"):
        parse_target("≥ ８0%")
