"""JSON Schema (draft-07, which editors' YAML support understands) of the plan's files."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from cruscotto_cli.numbers import PLAN_NUMBER
from cruscotto_cli.plan.formula import pattern as formula_pattern
from cruscotto_cli.plan.model import Area, Header
from cruscotto_cli.plan.regexsyntax import whole
from cruscotto_cli.plan.schemawords import target_examples, words
from cruscotto_cli.plan.targetgrammar import target_pattern

KINDS: dict[str, type[BaseModel]] = {"area": Area, "plan": Header}
EXTENSIONS = {".json": "json"}  # the only format a schema is written in
TITLES = {"area": "cruscotto area file", "plan": "cruscotto plan.yaml"}
YEAR_KEY = "^[0-9]{4}$"
_MAX_YEARS = 100  # a longer period keeps the generic year key


def json_schema(kind: str, header: Header | None = None) -> dict[str, Any]:
    """The schema of a plan file, in the plan's language; given the plan's header, an area file's
    owners, levels, measures and years are the plan's own, as validate checks them."""
    schema = _draft_07(kind)
    language = header.language if header else str(Header.model_fields["language"].default)
    said = words(language, header)
    _describe_keys(schema, kind, said)
    _describe_values(schema, said, header)
    if header is not None:
        schema["title"] = f"{TITLES[kind]}: {header.title}"
        if kind == "area":
            _vocabulary(schema["definitions"]["Indicator"]["properties"], header)
    return schema


def schema_text(kind: str, header: Header | None = None) -> str:
    return json.dumps(json_schema(kind, header), ensure_ascii=False, indent=2) + "\n"


def _draft_07(kind: str) -> dict[str, Any]:
    """The schema pydantic generates (2020-12), rewritten to draft-07's `definitions`."""
    schema = KINDS[kind].model_json_schema(by_alias=True, mode="validation")
    text = (
        json.dumps(schema).replace('"$defs"', '"definitions"').replace("#/$defs/", "#/definitions/")
    )
    result: dict[str, Any] = {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": f"https://cruscotto.invalid/schema/{kind}.schema.json",
    }
    result.update(json.loads(text))
    result["title"] = TITLES[kind]
    return result


def _describe_keys(schema: dict[str, Any], kind: str, said: dict[str, str]) -> None:
    """A one-line description on every key: the editor shows it on hover."""
    models = {KINDS[kind].__name__: schema, **schema.get("definitions", {})}
    for name, model in models.items():
        if "properties" not in model:
            continue  # an enumeration: its key's description says what its values mean
        model["description"] = said[name]
        for key, prop in model["properties"].items():
            prop.pop("title", None)  # pydantic's English field names; the description says it
            prop["description"] = said[f"{name}.{key}"]


def _describe_values(node: Any, said: dict[str, str], header: Header | None) -> None:
    """The editor's message where a value's pattern fails, and the target's forms on hover."""
    if isinstance(node, list):
        for item in node:
            _describe_values(item, said, header)
        return
    if not isinstance(node, dict):
        return
    pattern = node.get("pattern")
    if pattern == target_pattern():
        node.update(
            description=said["target"],
            examples=target_examples(header),
            patternErrorMessage=said["target.error"],
        )
    elif pattern == formula_pattern():
        node["patternErrorMessage"] = said["formula.error"]
    elif pattern == whole(PLAN_NUMBER):
        node["patternErrorMessage"] = said["number.error"]
    for child in node.values():
        _describe_values(child, said, header)


def _vocabulary(indicator: dict[str, Any], header: Header) -> None:
    """What validate checks against plan.yaml, said where a schema can say it."""
    if header.offices:
        indicator["owner"] = {
            "description": indicator["owner"]["description"],
            "type": "string",
            "enum": [o.id for o in header.offices],
        }
    indicator["formula"]["anyOf"][0]["pattern"] = formula_pattern(m.id for m in header.measures)
    targets = indicator["targets"]
    target = targets["patternProperties"].pop(YEAR_KEY)
    target["pattern"] = target_pattern([s.level for s in header.scale])
    years = header.period.years
    key = YEAR_KEY if len(years) > _MAX_YEARS else "^(?:" + "|".join(map(str, years)) + ")$"
    targets["patternProperties"][key] = target
