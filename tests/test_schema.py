"""The committed JSON Schemas: the shipped plan's own, pointed at by every plan file, satisfied by
the plan, flagging what validate flags, with a description on every key."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from cruscotto_cli.plan.load import load_header
from cruscotto_cli.plan.model import Header
from cruscotto_cli.plan.schema import KINDS, json_schema, schema_text
from cruscotto_cli.plan.schemawords import DESCRIPTIONS, words
from cruscotto_cli.plan.yamlsource import read_yaml
from tests.conftest import PLAN, REPO, write_plan

SCHEMA_DIR = REPO / "schema"
PLAN_FILES = sorted(PLAN.glob("*.yaml"))
EXAMPLE_FILES = sorted((REPO / "tests" / "examples" / "plans" / "valid").glob("*/*.yaml"))
SHIPPED = load_header(PLAN)


def kind_of(path: Path) -> str:
    return "plan" if path.name == "plan.yaml" else "area"


def errors(schema: dict[str, Any], data: Any) -> list[str]:
    jsonschema = pytest.importorskip("jsonschema")
    found = jsonschema.Draft7Validator(schema).iter_errors(data)
    return sorted(f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in found)


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_committed_schema_is_the_generated_one(kind: str) -> None:
    committed = SCHEMA_DIR / f"{kind}.schema.json"
    regenerate = f"regenerate it with: cruscotto schema {kind} -o schema/{kind}.schema.json --force"
    assert committed.is_file(), f"{committed} is missing; {regenerate}"
    assert committed.read_text(encoding="utf-8") == schema_text(kind, SHIPPED), (
        f"{committed} is out of date; {regenerate}"
    )


@pytest.mark.parametrize("header", [None, SHIPPED], ids=["generic", "shipped"])
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_schema_is_draft_07_and_strict_about_keys(kind: str, header: Header | None) -> None:
    schema = json_schema(kind, header)
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert "$defs" not in json.dumps(schema)
    assert schema["additionalProperties"] is False
    assert all(
        d["additionalProperties"] is False
        for d in schema["definitions"].values()
        if "properties" in d
    )


@pytest.mark.parametrize("path", PLAN_FILES, ids=[p.name for p in PLAN_FILES])
def test_every_plan_file_points_to_its_schema(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema=../schema/{kind_of(path)}.schema.json"
    assert (path.parent / f"../schema/{kind_of(path)}.schema.json").resolve().is_file()


@pytest.mark.parametrize(
    "path",
    PLAN_FILES + EXAMPLE_FILES,
    ids=[str(p.relative_to(REPO)) for p in PLAN_FILES + EXAMPLE_FILES],
)
def test_plan_files_validate_against_their_plans_schema(path: Path) -> None:
    """As the loader reads them: every scalar a string, so "2022" and "1,45" must be accepted."""
    data = read_yaml(path).data
    assert errors(json_schema(kind_of(path), load_header(path.parent)), data) == []
    assert errors(json_schema(kind_of(path)), data) == []


def test_the_schema_rejects_a_misspelt_key_and_a_bad_year(tmp_path: Path) -> None:
    area = tmp_path / "01-area.yaml"
    area.write_text(
        'id: "1"\ntitle: T\nindicators:\n  - {id: "1.1", name: N, owner: staff, unit: "%", ownr: x, targets: {2022: "≥ 1%", 202x: "≥ 2%"}}\n',
        encoding="utf-8",
    )
    assert errors(json_schema("area"), read_yaml(area).data) == [
        "indicators/0/targets: '202x' does not match any of the regexes: '^[0-9]{4}$'",
        "indicators/0: Additional properties are not allowed ('ownr' was unexpected)",
    ]


AREA = """\
id: "1"
title: Area di prova
indicators:
  - id: "1.1"
    name: Accessi
    owner: {owner}
    unit: n.
    formula: {formula}
    weight: "{weight}"
    targets:
      {year}: "{target}"
"""
GOOD = {
    "owner": "segreteria",
    "formula": "accessi / prev(attive) * 100",
    "weight": "0,5",
    "year": "2024",
    "target": "> medio",
}
# Each change of one value: where the plan's schema flags it, with which keyword (validate flags
# it too), and whether the schema of any plan does as well.
FLAGGED = [
    ("owner", "nessuno", "indicators/0/owner", "enum", False),
    ("target", "=> 73%", "indicators/0/targets/2024", "pattern", True),
    ("target", "> eccellente", "indicators/0/targets/2024", "pattern", False),
    ("target", "1.000", "indicators/0/targets/2024", "pattern", True),
    ("formula", "ignota / 2", "indicators/0/formula", "anyOf", False),
    ("formula", "prev(ignota) + 1", "indicators/0/formula", "anyOf", False),
    ("formula", "accessi // 2 ** 1_000", "indicators/0/formula", "anyOf", True),
    ("weight", "1.000", "indicators/0/weight", "pattern", True),
    ("year", "2030", "indicators/0/targets", "additionalProperties", False),
]


def flagged(schema: dict[str, Any], path: Path) -> list[tuple[str, str]]:
    jsonschema = pytest.importorskip("jsonschema")
    found = jsonschema.Draft7Validator(schema).iter_errors(read_yaml(path).data)
    return sorted(("/".join(map(str, e.absolute_path)), str(e.validator)) for e in found)


def test_the_plans_own_schema_accepts_its_vocabulary(tmp_path: Path) -> None:
    plan = write_plan(tmp_path / "plan", AREA.format(**GOOD))
    assert flagged(json_schema("area", load_header(plan)), plan / "01-area.yaml") == []


@pytest.mark.parametrize(
    ("key", "value", "where", "keyword", "generic"),
    FLAGGED,
    ids=[f"{f[0]}={f[1]}" for f in FLAGGED],
)
def test_the_plans_own_schema_flags_what_validate_flags(
    tmp_path: Path, key: str, value: str, where: str, keyword: str, generic: bool
) -> None:
    plan = write_plan(tmp_path / "plan", AREA.format(**{**GOOD, key: value}))
    area = plan / "01-area.yaml"
    assert flagged(json_schema("area", load_header(plan)), area) == [(where, keyword)]
    assert flagged(json_schema("area"), area) == ([(where, keyword)] if generic else [])


def _properties(schema: dict[str, Any]) -> dict[str, dict[str, Any]]:
    models = {"": schema, **schema["definitions"]}
    return {
        f"{m}.{k}": p for m, model in models.items() for k, p in model.get("properties", {}).items()
    }


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_key_has_a_one_line_description_in_the_plans_language(kind: str) -> None:
    english = Header.model_validate({**SHIPPED.model_dump(by_alias=True), "language": "en"})
    for header, language in ((SHIPPED, "it"), (english, "en"), (None, "it")):
        said = set(words(language, header).values())
        properties = _properties(json_schema(kind, header))
        assert len(properties) >= 8
        for key, prop in properties.items():
            text = prop.get("description", "")
            assert text in said and "\n" not in text and len(text) <= 160, f"{key}: {text!r}"


def test_every_description_is_for_a_key_of_the_schemas() -> None:
    """Both languages say the same things, and nothing about keys that do not exist."""
    assert set(DESCRIPTIONS["it"]) == set(DESCRIPTIONS["en"])
    used = set()
    for kind, model in KINDS.items():
        schema = json_schema(kind)
        used |= {
            model.__name__,
            *(name for name, d in schema["definitions"].items() if "properties" in d),
        }
        used |= {f"{model.__name__}.{k}" for k in schema["properties"]}
        used |= {
            f"{name}.{k}"
            for name, d in schema["definitions"].items()
            for k in d.get("properties", {})
        }
    assert (
        set(DESCRIPTIONS["it"]) - {"target", "target.error", "formula.error", "number.error"}
        == used
    )


def test_hover_on_a_target_shows_its_forms_in_the_plans_language() -> None:
    target = json_schema("area", SHIPPED)["definitions"]["Indicator"]["properties"]["targets"][
        "patternProperties"
    ]
    (value,) = target.values()
    assert (
        value["description"]
        == "Il target dell'anno come stampato: comparatore e numero, valore, livello, intervallo, Annuale, Anno di rilevazione"
    )
    assert value["examples"] == [
        "≥ 73%",
        "> 1",
        "1,45",
        "> medio",
        "ITP < -10",
        "tra 80% e 90%",
        "Annuale",
        "Anno di rilevazione",
    ]
    assert (
        value["patternErrorMessage"]
        == 'target non valido: scrivere ad es. "≥ 73%", "1,45", "> medio", "tra 80% e 90%", "Annuale" o "Anno di rilevazione"'
    )
