"""Regular-expression pieces in the syntax that Python's re and ECMA-262 (JSON Schema) share."""

from __future__ import annotations

import re

# Editors read a JSON Schema `pattern` as JavaScript's `new RegExp(p, "u")`; the parser reads the
# same text with Python's re. Where the two engines differ (\s \w \d \b, flags, named groups) the
# pieces spell the characters out instead.

# What str.split() and str.strip() take for whitespace: the parser normalises text with them.
WHITESPACE = r"[\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
GAP = f"{WHITESPACE}*"
SPACE = f"{WHITESPACE}+"

# Latin letters, those of Italian and English texts included: a level or a label is a word of them.
LETTER_RANGES = (("A", "Z"), ("a", "z"), ("À", "Ö"), ("Ø", "ö"), ("ø", "ÿ"))
LETTERS = "".join(f"{low}-{high}" for low, high in LETTER_RANGES)
LETTER = f"[{LETTERS}]"

_SYNTAX = set("^$\\.*+?()[]{}|/")
_NAMED_GROUP = re.compile(r"(?<!\\)\(\?P<[A-Za-z_][A-Za-z0-9_]*>")


def letters() -> list[str]:
    """Every character that LETTER matches."""
    return [chr(c) for low, high in LETTER_RANGES for c in range(ord(low), ord(high) + 1)]


def literal(text: str) -> str:
    """Text matched as written: only syntax characters are escaped (u-mode refuses others)."""
    return "".join(f"\\{c}" if c in _SYNTAX else c for c in text)


def caseless(word: str) -> str:
    """A word in any mix of cases, without a flag (a schema pattern has none): `[Aa][Nn]...`."""
    return "".join(_either_case(c) for c in word)


def _either_case(c: str) -> str:
    cases = sorted({c.lower(), c.upper()})
    return (
        f"[{''.join(cases)}]" if len(cases) == 2 and all(len(x) == 1 for x in cases) else literal(c)
    )


def ecma(pattern: str) -> str:
    """A parser's pattern as a schema's: named groups (Python-only syntax) become plain ones."""
    return _NAMED_GROUP.sub("(?:", pattern)


def whole(pattern: str) -> str:
    """A schema pattern for the whole value, with whitespace around it, which the parser strips."""
    return f"^{GAP}(?:{ecma(pattern)}){GAP}$"
