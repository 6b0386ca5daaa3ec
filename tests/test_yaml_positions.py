"""Every YAML problem is reported as `file:line:col: message [code]`, yamllint style."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from cruscotto_cli.diagnostics import InputError
from cruscotto_cli.plan import yamlsource
from cruscotto_cli.plan.load import load_plan
from cruscotto_cli.plan.loaded import Plan
from cruscotto_cli.plan.targets import VALID_FORMS
from tests.conftest import HEADER, write_plan

AREA = """\
id: "1"
title: Area di prova
indicators:
  - id: "1.1"
    name: Indicatore
    owner: staff
    unit: "%"
    targets:
      2022: "≥ 73%"
"""
A = "plan/01-area.yaml"
INDICATOR_KEYS = "id, name, owner, unit, direction, symbol, formula, register, weight, projection, targets, tags, source, notes, changes"


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Paths in the diagnostics are relative: `plan/01-area.yaml:9:13: ...`."""
    monkeypatch.chdir(tmp_path)


def problems(area: str | bytes, header: str = HEADER) -> list[str]:
    folder = write_plan(Path("plan"), "" if isinstance(area, bytes) else area, header)
    if isinstance(area, bytes):
        (folder / "01-area.yaml").write_bytes(area)
    with pytest.raises(InputError) as caught:
        load_plan(folder)
    return [str(d) for d in caught.value.diagnostics]


def loads(area: str) -> Plan:
    return load_plan(write_plan(Path("plan"), area))


def test_the_minimal_plan_loads_clean() -> None:
    plan = loads(AREA)
    assert [i.id for i in plan.indicators()] == ["1.1"]


CASES = [
    pytest.param(
        AREA + "  - id: [\n",
        f"{A}:11:1: YAML syntax error: did not find expected node content [yaml-syntax]",
        id="syntax-error",
    ),
    pytest.param(
        AREA.replace('    unit: "%"\n', '    unit: "%"\n    owner: staff\n'),
        f'{A}:8:5: duplicate key "owner" (first at line 6) [duplicate-key]',
        id="duplicate-key",
    ),
    pytest.param(
        AREA.replace("name: Indicatore", "name: &n Indicatore")
        + '  - {id: "1.2", name: *n, owner: staff, unit: "%"}\n',
        f'{A}:10:23: aliases are not allowed ("*n"): write the value out [yaml-alias]',
        id="alias",
    ),
    pytest.param(
        AREA.replace('  - id: "1.1"\n', '  - <<: {unit: "%"}\n    id: "1.1"\n'),
        f"{A}:4:5: keys must be plain text (no merge keys, lists or mappings as keys) [yaml-key]",
        id="merge-key",
    ),
    pytest.param(
        AREA.replace('    unit: "%"\n', '    unit: "%"\n    ownr: staff\n'),
        f'{A}:8:5: unknown key "ownr"; expected one of: {INDICATOR_KEYS} [unknown-key]',
        id="unknown-indicator-key",
    ),
    pytest.param(
        AREA + "colour: red\n",
        f'{A}:10:1: unknown key "colour"; expected one of: id, title, weight, indicators [unknown-key]',
        id="unknown-area-key",
    ),
    pytest.param(
        AREA
        + '    changes:\n      - {date: 2022-10-25, act: "D CC 25/10/2022", change: target, when: 2022}\n',
        f'{A}:11:68: unknown key "when"; expected one of: date, act, change, from_year, note [unknown-key]',
        id="unknown-change-key",
    ),
    pytest.param(
        AREA.replace('"≥ 73%"', '"=> 73%"'),
        f'{A}:9:13: target "=> 73%": unknown comparator "=>"; write one of ≥ >= > ≤ <= < = [target-syntax]',
        id="bad-target",
    ),
    pytest.param(
        AREA.replace('    unit: "%"\n', ""),
        f'{A}:4:5: missing key "unit" [missing-key]',
        id="missing-field",
    ),
    pytest.param(
        AREA.replace('"≥ 73%"', "> medio"),
        f'{A}:9:13: YAML syntax error: did not find expected comment or line break; a value starting with ">" must be quoted: "> medio" [yaml-syntax]',
        id="unquoted-gt",
    ),
    pytest.param(
        AREA.replace('"≥ 73%"', "> medio  # da rivedere"),
        f'{A}:9:13: YAML syntax error: did not find expected comment or line break; a value starting with ">" must be quoted: "> medio" [yaml-syntax]',
        id="unquoted-gt-with-comment",
    ),
    pytest.param(
        AREA.replace(
            '    targets:\n      2022: "≥ 73%"', "    targets: {2022: > medio, 2023: alto}"
        ),
        f'{A}:8:21: YAML syntax error: found character that cannot start any token; a value starting with ">" must be quoted: "> medio" [yaml-syntax]',
        id="unquoted-gt-in-flow-mapping",
    ),
    pytest.param(
        AREA.replace('2022: "≥ 73%"', '202x: "≥ 73%"'),
        f'{A}:9:7: "202x" is not a year [schema]',
        id="bad-year-key",
    ),
    pytest.param(
        AREA.replace('2022: "≥ 73%"', '2022: "≥ 73%"\n      "2022.0": "≥ 74%"'),
        f'{A}:10:7: "2022.0" is not a year [schema]',
        id="year-key-spelt-as-float",
    ),
    pytest.param(
        AREA.replace('2022: "≥ 73%"', '02022: "≥ 73%"'),
        f'{A}:9:7: "02022" is not a year [schema]',
        id="year-key-with-leading-zero",
    ),
    pytest.param(
        AREA
        + '    changes:\n      - {date: 2022-10-25, act: "D CC", change: withdrawn, from_year: 2_023}\n',
        f'{A}:11:71: "2_023" is not a year; write four digits, e.g. 2024 [year]',
        id="from-year-with-underscore",
    ),
    pytest.param(
        AREA.replace("name: Indicatore", "name: Indicatore città")
        .encode()
        .replace("à".encode(), b"\xe0"),
        f"{A}:5:26: byte 0xE0 is not UTF-8 (a plan file is UTF-8 throughout); save the file as UTF-8 [encoding]",
        id="not-utf8",
    ),
    pytest.param(
        "\ufeff".encode()
        + AREA.replace("name: Indicatore", "name: Perché città")
        .encode()[:-1]
        .replace(b"citt\xc3\xa0", b"citt\xe0"),
        f"{A}:5:22: byte 0xE0 is not UTF-8 (a plan file is UTF-8 throughout); save the file as UTF-8 [encoding]",
        id="utf8-with-a-stray-byte",
    ),
    pytest.param(
        AREA.replace('    unit: "%"\n', '    unit: "%"\n    weight: "٢"\n'),
        f'{A}:8:13: "٢" is not a number: "٢" is not one of the digits 0-9 [number]',
        id="arabic-indic-digit-in-a-number",
    ),
    pytest.param(
        AREA.replace("    name: Indicatore", "\tname: Indicatore"),
        f"{A}:5:1: YAML syntax error: found character that cannot start any token; the line is indented with a tab: YAML allows spaces only [yaml-syntax]",
        id="tab",
    ),
    pytest.param(
        AREA + "---\nid: x\n",
        f"{A}:10:1: YAML syntax error: but found another document [yaml-syntax]",
        id="two-documents",
    ),
    pytest.param(
        "- a\n- b\n",
        f"{A}:1:1: expected a mapping of keys (title:, indicators: ...) [schema]",
        id="not-a-mapping",
    ),
    pytest.param(
        AREA + '    changes:\n      - {date: 32/10/2022, act: "D CC", change: target}\n',
        f'{A}:11:16: "32/10/2022" is not a date; write 2022-10-25 or 25/10/2022 [date]',
        id="impossible-date",
    ),
    pytest.param(
        AREA + '    changes:\n      - {date: 1666656000, act: "D CC", change: target}\n',
        f'{A}:11:16: "1666656000" is not a date; write 2022-10-25 or 25/10/2022 [date]',
        id="unix-time-is-not-a-date",
    ),
    pytest.param(
        AREA + '    changes:\n      - {date: 2022-10-25, act: "D CC", change: moved}\n',
        f"{A}:11:49: indicators.changes.change: input should be 'target', 'indicator', 'withdrawn', 'added' or 'owner', got \"moved\" [schema]",
        id="bad-change-kind",
    ),
    pytest.param(
        AREA.replace('    unit: "%"\n', '    unit: "%"\n    direction: up\n'),
        f"{A}:8:16: indicators.direction: input should be 'higher' or 'lower', got \"up\" [schema]",
        id="bad-direction",
    ),
    pytest.param(
        AREA.replace('    unit: "%"\n', '    unit: "%"\n    weight: 1.000\n'),
        f'{A}:8:13: "1.000" reads two ways (thousands or decimal point): write 1000 or 1,000 [number]',
        id="ambiguous-weight",
    ),
    pytest.param(
        AREA.replace('    unit: "%"\n', '    unit: "%"\n    weight: -1\n'),
        f"{A}:8:13: a weight cannot be negative [weight]",
        id="negative-weight",
    ),
    pytest.param(
        AREA.replace("name: Indicatore", "name: ~"),
        f"{A}:5:11: indicators.name: input should be a valid string, got nothing [schema]",
        id="null-name",
    ),
    pytest.param(
        AREA.replace('2022: "≥ 73%"', "2022:"),
        f"{A}:9:12: empty target; write one of: {VALID_FORMS} [target-syntax]",
        id="empty-target",
    ),
]


@pytest.mark.parametrize(("area", "expected"), CASES)
def test_problem_is_reported_at_its_place(area: str | bytes, expected: str) -> None:
    assert problems(area) == [expected]


def test_a_file_over_the_size_cap_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    cap = len(HEADER.encode()) + 10
    monkeypatch.setattr(yamlsource, "MAX_FILE_BYTES", cap)
    area = AREA + "# " + "x" * cap + "\n"
    assert problems(area) == [
        f"{A}:1:1: file is {len(area.encode())} bytes; the limit is {cap} [size]"
    ]
    assert [i.id for i in loads(AREA).indicators()] == ["1.1"]  # the cap, not the content


def test_every_problem_of_every_file_in_one_pass() -> None:
    header = HEADER + "offics: []\n"
    area = AREA.replace('    unit: "%"\n', '    unit: "%"\n    ownr: staff\n').replace(
        '"≥ 73%"', '"=> 73%"'
    )
    assert problems(area, header) == [
        'plan/plan.yaml:19:1: unknown key "offics"; expected one of: title, entity, period, language, scale, bands, offices, measures, scoring, monitoring, changes [unknown-key]',
        f'{A}:8:5: unknown key "ownr"; expected one of: {INDICATOR_KEYS} [unknown-key]',
        f'{A}:10:13: target "=> 73%": unknown comparator "=>"; write one of ≥ >= > ≤ <= < = [target-syntax]',
    ]


# --- YAML 1.1 surprises, neutralised ---------------------------------------------------------


@pytest.mark.parametrize("word", ["yes", "no", "on", "off", "y", "n", "true", "False", "NO"])
def test_yes_no_on_stay_text(word: str) -> None:
    plan = loads(
        AREA.replace("name: Indicatore", f"name: {word}").replace(
            "title: Area di prova", f"title: {word}"
        )
    )
    assert plan.areas[0][0].title == word
    assert plan.areas[0][0].indicators[0].name == word


@pytest.mark.parametrize(
    ("written", "kept"),
    [
        ("010", "010"),
        ("1.10", "1.10"),
        ("0x1A", "0x1A"),
        ("1_0", "1_0"),
        ("1e3", "1e3"),
        ("1.0", "1.0"),
    ],
)
def test_ids_that_look_like_numbers_stay_as_written(written: str, kept: str) -> None:
    plan = loads(AREA.replace('id: "1.1"', f"id: {written}").replace('id: "1"', f"id: {written}"))
    assert plan.areas[0][0].id == kept
    assert plan.areas[0][0].indicators[0].id == kept


def test_an_unquoted_number_target_is_its_text() -> None:
    plan = loads(
        AREA.replace('"≥ 73%"', "1,45").replace(
            'unit: "%"', 'unit: "rapporto"\n    direction: lower'
        )
    )
    target = plan.areas[0][0].indicators[0].targets[2022]
    assert (target.text, target.canonical()) == ("1,45", "1,45")


def test_dates_in_changes_read_iso_and_italian() -> None:
    plan = loads(
        AREA
        + "    changes:\n"
        + '      - {date: 2022-10-25, act: "D CC 25/10/2022", change: target}\n'
        + '      - {date: 25/10/2022, act: "D CC 25/10/2022", change: indicator}\n'
        + '      - {date: "1/2/2023", act: "D CC 1/2/2023", change: owner}\n'
    )
    changes = plan.areas[0][0].indicators[0].changes
    assert [c.date for c in changes] == [
        dt.date(2022, 10, 25),
        dt.date(2022, 10, 25),
        dt.date(2023, 2, 1),
    ]


def test_null_of_an_optional_key_is_absent() -> None:
    plan = loads(
        AREA.replace('    unit: "%"\n', '    unit: "%"\n    symbol: null\n    source: ~\n')
    )
    indicator = plan.areas[0][0].indicators[0]
    assert (indicator.symbol, indicator.source) == (None, None)


def test_a_quoted_null_is_text() -> None:
    plan = loads(AREA.replace('    unit: "%"\n', '    unit: "%"\n    source: "null"\n'))
    assert plan.areas[0][0].indicators[0].source == "null"


TAG_HINT = 'is not allowed: a plan file holds plain text; remove it (quote a value that starts with "!") [yaml-tag]'


@pytest.mark.parametrize(
    ("written", "column", "shown"),
    [
        ("!foo Indicatore", 11, "!foo"),
        ("!!binary SW5kaWNhdG9yZQ==", 11, "!!binary"),
        ("!!str Indicatore", 11, "!!str"),
        ("! Indicatore", 11, "!"),
        ('!!python/object/apply:os.system ["true"]', 11, "!!python/object/apply:os.system"),
        ("{a: !x b}", 15, "!x"),
        ("[x, !!int 1]", 15, "!!int"),
    ],
)
def test_a_yaml_tag_is_refused_at_its_place(written: str, column: int, shown: str) -> None:
    """PyYAML composing a file keeps the text and drops the tag: never in silence."""
    area = AREA.replace("name: Indicatore", f"name: {written}")
    assert problems(area) == [f'{A}:5:{column}: YAML tag "{shown}" {TAG_HINT}']


def test_a_tag_of_a_mapping_is_refused_and_an_exclamation_mark_in_text_is_not() -> None:
    area = AREA.replace("    targets:\n", "    targets: !!map\n")
    assert problems(area) == [f'{A}:8:14: YAML tag "!!map" {TAG_HINT}']
    plan = loads(AREA.replace("name: Indicatore", 'name: "!Indicatore!"  # !x'))
    assert plan.areas[0][0].indicators[0].name == "!Indicatore!"


def test_a_list_or_a_mapping_as_a_target_is_a_clear_error(tmp_path) -> None:
    from cruscotto_cli.diagnostics import InputError
    from cruscotto_cli.plan.load import load_plan
    from tests.conftest import write_plan

    area = """\
    id: "1"
    title: Area
    indicators:
      - id: "1.1"
        name: Nome
        owner: staff
        unit: "%"
        targets:
          2022: [1, 2]
          2023: {a: 1}
    """
    folder = write_plan(tmp_path / "plan", area)
    with pytest.raises(InputError) as caught:
        load_plan(folder)
    assert [str(d).split("01-area.yaml:")[1] for d in caught.value.diagnostics] == [
        '9:13: a target is one text, e.g. "≥ 73%" or "> medio"; found a list [target-syntax]',
        '10:13: a target is one text, e.g. "≥ 73%" or "> medio"; found a mapping [target-syntax]',
    ]


H = "plan/plan.yaml"
ALTO = '  - {level: alto, from: "3,5", max: 5}'
MEDIO = '  - {level: medio, from: "2,5"}'
NO_MAX = (
    f'{H}:7:5: level "alto" has no `max`: with numeric bands, the highest level states the '
    "top score (e.g. max: 5 for a 1-5 score), so that a score above it is refused [scale]"
)


@pytest.mark.parametrize(
    ("medio", "alto", "expected"),
    [
        pytest.param(MEDIO, ALTO.replace(", max: 5", ""), [NO_MAX], id="no-max"),
        pytest.param(
            MEDIO,
            ALTO.replace("max: 5", "max: 3"),
            [f"{H}:7:37: `max` 3 must be above the level's `from` (3,5) [scale]"],
            id="max-below-from",
        ),
        pytest.param(
            MEDIO.replace("}", ", max: 5}"),
            ALTO.replace(", max: 5", ""),
            [
                f'{H}:6:38: level "medio": only the highest level takes `max`, the top score [scale]',
                NO_MAX,
            ],
            id="max-not-on-the-highest",
        ),
        pytest.param(
            "  - {level: medio}",
            "  - {level: alto, max: 5}",
            [
                f"{H}:7:24: `max` is the top score of numeric bands: give `from` to the levels above the lowest [scale]"
            ],
            id="max-without-bands",
        ),
    ],
)
def test_a_banded_scale_states_its_top_score(medio: str, alto: str, expected: list[str]) -> None:
    assert problems(AREA, HEADER.replace(MEDIO, medio).replace(ALTO, alto)) == expected


def test_a_score_below_a_scale_without_a_lowest_from_is_below_zero(tmp_path: Path) -> None:
    from cruscotto_cli.actuals.load import load_actuals

    area = AREA.replace('unit: "%"', "unit: livello").replace('"≥ 73%"', '"> medio"')
    plan = loads(area)
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.csv").write_text("indicatore;anno;valore\n1.1;2022;-0,5\n1.1;2023;0\n")
    with pytest.raises(InputError) as caught:
        load_actuals(tmp_path / "a", plan)
    assert [d.message for d in caught.value.diagnostics] == [
        'value "-0,5" for 1.1: a score below the bottom of the scale (0); write a score from 0 to 5, '
        "or a level: basso, medio, alto"
    ]
