"""The schema's patterns are the parsers' grammar: the same texts accepted and refused, by Python's
re (as jsonschema reads them) and by JavaScript's RegExp in Unicode mode (as editors read them)."""

from __future__ import annotations

import json
import random
import re
import shutil
import subprocess
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cruscotto_cli.numbers import PLAN_NUMBER, NumberError, parse_plan_number
from cruscotto_cli.plan.formula import FormulaError, parse_formula
from cruscotto_cli.plan.formula import pattern as formula_pattern
from cruscotto_cli.plan.load import load_header, load_plan
from cruscotto_cli.plan.regexsyntax import WHITESPACE, whole
from cruscotto_cli.plan.schema import KINDS, json_schema
from cruscotto_cli.plan.targetgrammar import target_pattern
from cruscotto_cli.plan.targets import Level, TargetError, parse_target
from tests.conftest import PLAN
from tests.test_targets import INVALID, VALID

SHIPPED = load_header(PLAN)
SCALE = [s.level for s in SHIPPED.scale]
GENERIC, OWN = target_pattern(), target_pattern(SCALE)
# A pattern cannot compare two numbers: a range's bounds out of order is left to validate.
RANGE_ORDER = "the range runs from the lower bound to the higher"


def parser_accepts(text: str, levels: list[str] | None = None) -> bool:
    """The parser's verdict, the scale's levels checked as validate checks them."""
    try:
        target = parse_target(text)
    except TargetError as exc:
        return RANGE_ORDER in str(exc)
    return (
        levels is None
        or not isinstance(target, Level)
        or target.level in [s.casefold() for s in levels]
    )


def shipped_targets() -> list[str]:
    plan = load_plan(PLAN)
    return [
        t.text for area, _ in plan.areas for ind in area.indicators for t in ind.targets.values()
    ]


def test_every_target_of_the_shipped_plan_matches() -> None:
    texts = shipped_targets()
    assert len(texts) > 250
    assert [t for t in texts if not re.search(OWN, t)] == []


@pytest.mark.parametrize("text", [v[0] for v in VALID])
def test_every_valid_form_of_the_parsers_tests_matches(text: str) -> None:
    assert re.search(GENERIC, text) and re.search(OWN, text)


@pytest.mark.parametrize(
    ("text", "message"),
    [v for v in INVALID if isinstance(v[0], str)],
    ids=[repr(v[0]) for v in INVALID if isinstance(v[0], str)],
)
def test_no_invalid_target_of_the_parsers_tests_matches_but_a_range_out_of_order(
    text: str, message: str
) -> None:
    expected = (
        RANGE_ORDER in message
    )  # "90%-80%", "tra 90 e 80": shaped as a range, flagged by validate
    assert bool(re.search(GENERIC, text)) is expected
    assert bool(re.search(OWN, text)) is expected


def test_a_level_outside_the_scale_matches_only_the_schema_of_any_plan() -> None:
    for text in ("> eccellente", "ottimo", "≥ molto alto"):
        assert re.search(GENERIC, text) and not re.search(OWN, text)
    assert re.search(OWN, "> MEDIO") and re.search(OWN, "≥   Alto ")
    assert not re.search(target_pattern([]), "> medio") and re.search(target_pattern([]), "> 1")


FRAGMENTS = [
    *"0123456789 ,.%-–−+<>=≥≤⩾⩽!≠()_'",
    "\t",
    "\u00a0",
    "\u3000",
    "\x1c",
    "８",
    "é",
    "È",
    "ı",
    "K",
]
FRAGMENTS += [
    "tra ",
    " e ",
    "anno ",
    "di ",
    "rilevazione",
    "Annuale",
    "medio",
    "Alto",
    "ITP",
    "x",
    "1.000",
    "80%",
    "(nota)",
]
fragments = st.lists(st.sampled_from(FRAGMENTS), max_size=8).map("".join)


@given(fragments)
def test_the_pattern_agrees_with_the_parser(text: str) -> None:
    assert bool(re.search(GENERIC, text)) is parser_accepts(text)
    assert bool(re.search(OWN, text)) is parser_accepts(text, SCALE)


@given(
    st.lists(st.sampled_from([*"0123456789,.+-−", " ", "\t", "8", "1.000", "x"]), max_size=8).map(
        "".join
    )
)
def test_the_number_pattern_agrees_with_the_plans_numbers(text: str) -> None:
    try:
        parse_plan_number(text)
        accepted = True
    except NumberError:
        accepted = False
    assert bool(re.search(whole(PLAN_NUMBER), text)) is accepted


def test_whitespace_is_what_the_parser_splits_on() -> None:
    splits = [chr(c) for c in range(0x110000) if len(f"a{chr(c)}b".split()) == 2]
    assert [c for c in map(chr, range(0x110000)) if re.fullmatch(WHITESPACE, c)] == splits


MEASURES = ["accessi", "attive"]
FORMULAS = [
    ("accessi / attive * 100", True),
    ("(accessi - prev(attive)) / prev( attive ) * 100", True),
    ("accessi * 1,5 + 0.25", True),
    ("ignota / 2", False),
    ("prev(ignota)", False),
    ("accessi2 / attive", False),
    ("città / 2", False),
    ("accessi / 1.000", False),
    ("accessi / 1_000", False),
    ("accessi % 2", False),
    ("1e3 * accessi", False),
    ("", False),
]


@pytest.mark.parametrize(("text", "valid"), FORMULAS, ids=[f[0] or "empty" for f in FORMULAS])
def test_the_formula_pattern_takes_the_plans_measures_only(text: str, valid: bool) -> None:
    """Its words only (the parser checks how they are put together): each verdict is validate's."""
    assert bool(re.search(formula_pattern(MEASURES), text)) is valid
    try:
        formula = parse_formula(text)
        parsed = formula.measures | formula.previous <= set(MEASURES)
    except FormulaError:
        parsed = False
    assert parsed is valid


# --- JavaScript, as editors read the patterns -------------------------------------------------

NODE = shutil.which("node")
needs_node = pytest.mark.skipif(
    NODE is None, reason="node is not installed: patterns checked with Python's re only"
)
_JS = """
const {patterns, texts} = JSON.parse(require("fs").readFileSync(0, "utf8"));
console.log(JSON.stringify(patterns.map((p) => {
  const r = new RegExp(p, "u");
  return texts.map((t) => r.test(t));
})));
"""


def javascript(patterns: list[str], texts: list[str]) -> list[list[bool]]:
    assert NODE is not None
    data = json.dumps({"patterns": patterns, "texts": texts})
    done = subprocess.run(
        [NODE, "-e", _JS], input=data, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    result: list[list[bool]] = json.loads(done.stdout)
    return result


def _patterns(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        if isinstance(node.get("pattern"), str):
            yield node["pattern"]
        yield from node.get("patternProperties", {})
        for child in node.values():
            yield from _patterns(child)
    elif isinstance(node, list):
        for child in node:
            yield from _patterns(child)


@needs_node
def test_every_pattern_of_the_schemas_compiles_in_javascripts_unicode_mode() -> None:
    patterns = sorted(
        {p for kind in KINDS for h in (None, SHIPPED) for p in _patterns(json_schema(kind, h))}
    )
    assert len(patterns) >= 8
    assert len(javascript(patterns, [""])) == len(
        patterns
    )  # new RegExp(p, "u") throws on a bad one


def corpus() -> list[str]:
    rng = random.Random(15)
    made = ["".join(rng.choice(FRAGMENTS) for _ in range(rng.randint(0, 8))) for _ in range(4000)]
    return (
        [v[0] for v in VALID]
        + [v[0] for v in INVALID if isinstance(v[0], str)]
        + shipped_targets()
        + made
    )


@needs_node
def test_javascript_reads_the_target_patterns_as_the_parser_does() -> None:
    texts = corpus()
    generic, own = javascript([GENERIC, OWN], texts)
    assert [t for t, js in zip(texts, generic, strict=True) if js is not parser_accepts(t)] == []
    assert [t for t, js in zip(texts, own, strict=True) if js is not parser_accepts(t, SCALE)] == []
