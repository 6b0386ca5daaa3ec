"""JSON text for people and programs: indented down to a depth, one compact line below it.

`json.dumps(indent=2)` uses Python's pure encoder, about ten times slower than the C one that
compact output uses: on a plan of 10,000 indicators that is a quarter of a second. Indenting the
outer levels and writing each deeper value (e.g. one indicator) on its own compact line keeps the
text readable and the speed of the C encoder. The parsed value is the same either way.
"""

from __future__ import annotations

import json
from typing import Any

from cruscotto_cli.encoding import json_safe

# The version of every JSON document the tool writes (docs/json.md): bumped when a field changes
# meaning or goes away, not when one is added.
SCHEMA_VERSION = 2
# Deep enough that every level of a small document is indented, as `json.dumps(indent=2)` does.
FULL = 1_000

_compact = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode


def dumps(data: Any, depth: int = 4, indent: str = "  ") -> str:
    """`data` as JSON text with a final newline; values nested deeper than `depth` on one line;
    no control character written raw."""
    return json_safe(_dump(data, depth, indent, "")) + "\n"


def _dump(data: Any, depth: int, indent: str, margin: str) -> str:
    inner = margin + indent
    if depth <= 0 or not isinstance(data, (dict, list)) or not data:
        return _compact(data)
    if isinstance(data, dict):
        items = [
            f"{inner}{_compact(str(k))}: {_dump(v, depth - 1, indent, inner)}"
            for k, v in data.items()
        ]
        return "{\n" + ",\n".join(items) + f"\n{margin}}}"
    items = [inner + _dump(v, depth - 1, indent, inner) for v in data]
    return "[\n" + ",\n".join(items) + f"\n{margin}]"
