"""A fast reader for the plain subset of YAML that plan files are written in, with positions.

PyYAML builds a Python object for every event, node and mark: about 1 s per MB of plan. Plan files
use a small subset of YAML (block mappings and sequences, one-line flow mappings and sequences,
one-line quoted or plain scalars, comments), which this module reads line by line. It gives the
same data and the same positions as composing with PyYAML; on anything outside the subset (or
anything doubtful: an error, an alias, a tag, a multi-line scalar, a duplicate key) it raises
Unsupported, and the caller reads the file with PyYAML, which also reports the errors.
"""

from __future__ import annotations

import re
from typing import Any

Loc = tuple[str, ...]
Where = tuple[int, int]

_NULLS = {"", "~", "null", "Null", "NULL"}
# Plan files nest five levels (area, indicators, item, changes, item); deeper is not a plan, and a
# reader that recursed without a bound would fail on a crafted file.
MAX_DEPTH = 20
# Characters PyYAML rejects, line breaks other than \n, a BOM or a tab anywhere: let PyYAML decide.
# Written as the characters refused, not as the complement of those allowed: the same set, and
# compiled in 0.5 ms rather than 4.5 ms (a negated class over the whole of Unicode).
_UNSUPPORTED_CHARS = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]"
)
_KEY = re.compile(r"([A-Za-z0-9_][A-Za-z0-9_.-]{0,200}):(?: +|$)")
_FLOW_KEY = re.compile(r" *([A-Za-z0-9_][A-Za-z0-9_.-]{0,200}): +")
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
# In a plain scalar, once the comment is cut: leave these to PyYAML (flow indicators end a plain
# scalar only inside a flow collection).
_PLAIN_BAD = {True: re.compile(r"[:#]|\s$"), False: re.compile(r"[:#\[\]{},]|\s$")}
_COMMENT = re.compile(r"\s*(?:#.*)?")


class Unsupported(Exception):
    """The text is outside the subset: read it with PyYAML."""


def read(text: str) -> tuple[Any, dict[Loc, Where], dict[Loc, Where]]:
    """The data, the position of every value and the position of every key (1-based)."""
    if _UNSUPPORTED_CHARS.search(text):
        raise Unsupported
    lines: list[tuple[int, int, str]] = []
    for number, raw in enumerate(text.split("\n"), 1):
        stripped = raw.lstrip(" ")
        if not stripped or stripped[0] == "#":
            continue
        column = len(raw) - len(stripped)
        if (
            column == 0
            and stripped[0] in "-.%"
            and (stripped.startswith(("---", "...")) or stripped[0] == "%")
        ):
            raise Unsupported  # documents and directives
        lines.append((number, column, stripped.rstrip(" ")))
    if not lines:
        raise Unsupported
    reader = _Reader(lines)
    data, end = reader.block(0, ())
    if end != len(lines):
        raise Unsupported
    return data, reader.values, reader.keys


class _Reader:
    def __init__(self, lines: list[tuple[int, int, str]]) -> None:
        self.lines = lines
        self.values: dict[Loc, Where] = {}
        self.keys: dict[Loc, Where] = {}

    def block(self, i: int, loc: Loc) -> tuple[Any, int]:
        if len(loc) > MAX_DEPTH:
            raise Unsupported  # PyYAML's reading places the error
        text = self.lines[i][2]
        if text[0] == "-" and (len(text) == 1 or text[1] == " "):
            return self.sequence(i, loc)
        if _KEY.match(text):
            return self.mapping(i, loc)
        raise Unsupported  # a lone scalar, or a multi-line one

    def sequence(self, i: int, loc: Loc) -> tuple[list[Any], int]:
        lines, column = self.lines, self.lines[i][1]
        self.values[loc] = (lines[i][0], column + 1)
        items: list[Any] = []
        while i < len(lines) and lines[i][1] == column and lines[i][2][:2] == "- ":
            number, _, text = lines[i]
            rest = text[2:].lstrip(" ")
            at = column + len(text) - len(rest)
            item_loc = (*loc, str(len(items)))
            if _KEY.match(rest):
                lines[i] = (number, at, rest)
                value, i = self.mapping(i, item_loc)
            else:
                value = self.inline(rest, number, at + 1, item_loc)
                i += 1
            items.append(value)
        self._ends(i, column)
        return items, i

    def mapping(self, i: int, loc: Loc) -> tuple[dict[str, Any], int]:
        lines, column = self.lines, self.lines[i][1]
        self.values[loc] = (lines[i][0], column + 1)
        result: dict[str, Any] = {}
        while i < len(lines) and lines[i][1] == column:
            number, _, text = lines[i]
            match = _KEY.match(text)
            if match is None or match.group(1) in result:
                raise Unsupported
            key = match.group(1)
            key_loc = (*loc, key)
            self.keys[key_loc] = (number, column + 1)
            rest = text[match.end() :]
            if rest and rest[0] != "#":
                result[key] = self.inline(rest, number, column + match.end() + 1, key_loc)
                i += 1
                continue
            i += 1
            if i < len(lines) and (
                lines[i][1] > column or (lines[i][1] == column and lines[i][2][:2] == "- ")
            ):
                result[key], i = self.block(i, key_loc)
            else:
                raise Unsupported  # an empty value: a null whose position PyYAML sets its own way
        self._ends(i, column)
        return result, i

    def _ends(self, i: int, column: int) -> None:
        if i < len(self.lines) and self.lines[i][1] > column:
            raise Unsupported  # a continuation line, or an indentation error

    def inline(self, text: str, line: int, column: int, loc: Loc) -> Any:
        """A value written on one line: a flow collection or a scalar, then at most a comment."""
        self.values[loc] = (line, column)
        if text[0] in "{[":
            value, end = self.flow(text, 0, line, column, loc)
        else:
            value, end = _scalar(text, 0, block=True)
        if not _COMMENT.fullmatch(text, end) or (end < len(text) and text[end] == "#"):
            raise Unsupported
        return value

    def flow(self, text: str, start: int, line: int, column: int, loc: Loc) -> tuple[Any, int]:
        if len(loc) > MAX_DEPTH:
            raise Unsupported
        closing = "}" if text[start] == "{" else "]"
        result: Any = {} if closing == "}" else []
        i = start + 1
        while True:
            while i < len(text) and text[i] == " ":
                i += 1
            if i < len(text) and text[i] == closing and not result:
                return result, i + 1
            if closing == "}":
                match = _FLOW_KEY.match(text, i)
                if match is None or match.group(1) in result:
                    raise Unsupported
                key = match.group(1)
                self.keys[(*loc, key)] = (line, column + i)
                i = match.end()
                item_loc = (*loc, key)
            else:
                item_loc = (*loc, str(len(result)))
            if i >= len(text) or text[i] in "{[":
                raise Unsupported  # nested flow collections
            self.values[item_loc] = (line, column + i)
            value, i = _scalar(text, i, block=False)
            if closing == "}":
                result[key] = value
            else:
                result.append(value)
            while i < len(text) and text[i] == " ":
                i += 1
            if i < len(text) and text[i] == closing:
                return result, i + 1
            if i >= len(text) or text[i] != "," or text[i + 1 : i + 2] != " ":
                raise Unsupported
            i += 1


def _scalar(text: str, start: int, block: bool) -> tuple[str | None, int]:
    """A one-line scalar from `start`: the value (None for a plain null) and where it ends."""
    first = text[start]
    if first == '"':
        end = start + 1
        parts = []
        while True:
            stop = min(
                (p for p in (text.find('"', end), text.find("\\", end)) if p >= 0), default=-1
            )
            if stop < 0:
                raise Unsupported  # continued on the next line
            parts.append(text[end:stop])
            if text[stop] == '"':
                return "".join(parts), stop + 1
            escaped = text[stop + 1 : stop + 2]
            if escaped not in ('"', "\\"):
                raise Unsupported
            parts.append(escaped)
            end = stop + 2
    if first == "'":
        end = start + 1
        parts = []
        while True:
            stop = text.find("'", end)
            if stop < 0:
                raise Unsupported
            parts.append(text[end:stop])
            if text[stop + 1 : stop + 2] != "'":
                return "".join(parts), stop + 1
            parts.append("'")
            end = stop + 2
    if first in _INDICATORS and not (first == "-" and text[start + 1 : start + 2].isdigit()):
        raise Unsupported
    if block:
        cut = text.find(" #", start)
        end = len(text) if cut < 0 else cut
    else:
        ends = [
            p
            for p in (text.find(",", start), text.find("}", start), text.find("]", start))
            if p >= 0
        ]
        end = min(ends) if ends else len(text)
    value = text[start:end].rstrip(" ")
    if _PLAIN_BAD[block].search(value):
        raise Unsupported
    return (None if value in _NULLS else value), start + len(value)
