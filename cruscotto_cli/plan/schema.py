"""JSON Schema (draft-07, which editors' YAML support understands) of the plan's files."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from cruscotto_cli.plan.model import Area, Header

KINDS: dict[str, type[BaseModel]] = {"area": Area, "plan": Header}
EXTENSIONS = {".json": "json"}  # the only format a schema is written in
TITLES = {"area": "cruscotto area file", "plan": "cruscotto plan.yaml"}


def json_schema(kind: str) -> dict[str, Any]:
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


def schema_text(kind: str) -> str:
    return json.dumps(json_schema(kind), ensure_ascii=False, indent=2) + "\n"
