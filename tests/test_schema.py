"""The committed JSON Schemas: up to date, pointed at by every plan file, and satisfied by the plan."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cruscotto_cli.plan.schema import KINDS, json_schema, schema_text
from cruscotto_cli.plan.yamlsource import read_yaml
from tests.conftest import PLAN, REPO

SCHEMA_DIR = REPO / "schema"
PLAN_FILES = sorted(PLAN.glob("*.yaml"))
EXAMPLE_FILES = sorted((REPO / "tests" / "examples" / "plans" / "valid").glob("*/*.yaml"))


def kind_of(path: Path) -> str:
    return "plan" if path.name == "plan.yaml" else "area"


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_committed_schema_is_the_generated_one(kind: str) -> None:
    committed = SCHEMA_DIR / f"{kind}.schema.json"
    regenerate = f"regenerate it with: cruscotto schema {kind} -o schema/{kind}.schema.json --force"
    assert committed.is_file(), f"{committed} is missing; {regenerate}"
    assert committed.read_text(encoding="utf-8") == schema_text(kind), (
        f"{committed} is out of date; {regenerate}"
    )


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_schema_is_draft_07_and_strict_about_keys(kind: str) -> None:
    schema = json_schema(kind)
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert "$defs" not in json.dumps(schema)
    assert schema["additionalProperties"] is False


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
def test_plan_files_validate_against_the_schema(path: Path) -> None:
    """As the loader reads them: every scalar a string, so "2022" and "1,45" must be accepted."""
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft7Validator(json_schema(kind_of(path)))
    errors = [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in validator.iter_errors(read_yaml(path).data)
    ]
    assert errors == []


def test_the_schema_rejects_a_misspelt_key_and_a_bad_year(tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    area = tmp_path / "01-area.yaml"
    area.write_text(
        'id: "1"\ntitle: T\nindicators:\n  - {id: "1.1", name: N, owner: staff, unit: "%", ownr: x, targets: {2022: "≥ 1%", 202x: "≥ 2%"}}\n',
        encoding="utf-8",
    )
    validator = jsonschema.Draft7Validator(json_schema("area"))
    messages = sorted(e.message for e in validator.iter_errors(read_yaml(area).data))
    assert messages == [
        "'202x' does not match any of the regexes: '^[0-9]{4}$'",
        "Additional properties are not allowed ('ownr' was unexpected)",
    ]
