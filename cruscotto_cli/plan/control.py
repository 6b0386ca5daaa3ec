"""Control characters in plan text: they would reach terminals and spreadsheets, so they are
refused."""

from __future__ import annotations

import re
from typing import Any

# C0 and C1 controls and DEL; tab and line feed are text.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")

Loc = tuple[str, ...]


def control_characters(data: Any) -> list[tuple[Loc, bool, str]]:
    """Every text (or key, when the flag is true) of `data` holding a control character, with
    its location and the message; written in a plan as an escape in double quotes ("\\x01")."""
    found: list[tuple[Loc, bool, str]] = []
    stack: list[tuple[Loc, Any]] = [((), data)]
    while stack:
        loc, value = stack.pop()
        if isinstance(value, dict):
            stack += [((*loc, k), v) for k, v in value.items()]
            found += [((*loc, k), True, _message(k)) for k in value if CONTROL.search(k)]
        elif isinstance(value, list):
            stack += [((*loc, str(i)), v) for i, v in enumerate(value)]
        elif isinstance(value, str) and CONTROL.search(value):
            found.append((loc, False, _message(value)))
    return found


def escaped(text: str) -> str:
    """The text with its control characters written as escapes: "Azio\\x01ni"."""
    return CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def _message(text: str) -> str:
    first = CONTROL.search(text)
    assert first is not None
    shown = escaped(text)
    quoted = f'"{shown[:40]}..."' if len(shown) > 40 else f'"{shown}"'
    return f"control character U+{ord(first.group()):04X} in {quoted}; remove it"
