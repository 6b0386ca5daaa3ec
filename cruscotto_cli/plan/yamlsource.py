"""Safe YAML reading that keeps every value's line and column and refuses YAML's traps."""

from __future__ import annotations

import codecs
import io
import pickle
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cruscotto_cli.diagnostics import Diagnostic, InputError
from cruscotto_cli.plan import yamlfast
from cruscotto_cli.plan.control import control_characters

MAX_FILE_BYTES = 10 * 1024 * 1024
_NULLS = {"", "~", "null", "Null", "NULL"}
# An unquoted value that starts with ">" is a YAML folded-block indicator, not text.
_UNQUOTED_GT = re.compile(r"""(?:^|[:,{\[-])\s*>(?![|>+-]?\s*(?:#.*)?$)""")

Loc = tuple[str, ...]

if TYPE_CHECKING:
    import yaml


@cache
def _loader() -> type:
    """PyYAML's loader, libyaml's when present: the same documents, much faster. PyYAML is
    imported only for a file outside the fast reader's subset (its import costs a command's
    start-up more than reading the whole shipped plan)."""
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(eq=False)
class Document:
    """A YAML file read as plain data: text values only, with the position of every value."""

    path: Path
    data: Any
    values: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Document):
            return NotImplemented
        mine, theirs = (self.path, self.data, self.values, self.keys), (other.path, other.data)
        return mine == (*theirs, other.values, other.keys)

    __hash__ = None  # type: ignore[assignment]  # mutable, as a dataclass with eq is

    def __reduce__(self) -> tuple[type[Packed], tuple[Path, bytes]]:
        """Pickled packed (for the cache): once loaded, a command needs the data and the
        positions only to place a diagnostic, and most commands place none. Reading back a
        plan of 10,000 indicators then builds a few hundred thousand objects fewer."""
        plain = pickle.dumps((self.data, self.values, self.keys), protocol=pickle.HIGHEST_PROTOCOL)
        return Packed, (self.path, plain)

    def locate(self, loc: tuple[Any, ...], key: bool = False) -> tuple[int, int]:
        """The 1-based line and column of a location, or of its nearest enclosing value."""
        path = tuple(str(p) for p in loc)
        while path:
            where = (self.keys if key else self.values).get(path) or self.values.get(path)
            if where:
                return where
            path = path[:-1]
        return self.values.get((), (1, 1))

    def diagnostic(
        self, loc: tuple[Any, ...], message: str, code: str, key: bool = False
    ) -> Diagnostic:
        line, col = self.locate(loc, key)
        return Diagnostic(str(self.path), line, col, message, code)


class Packed(Document):
    """A Document read back from the cache: its data and positions are unpacked on first use."""

    def __init__(self, path: Path, packed: bytes) -> None:  # the fields come on first use
        self.path = path
        self._packed = packed

    def __getattr__(self, name: str) -> Any:
        packed = self.__dict__.get("_packed")
        if name not in ("data", "values", "keys") or packed is None:
            raise AttributeError(name)
        self.data, self.values, self.keys = _Plain(io.BytesIO(packed)).load()
        del self._packed
        return getattr(self, name)

    def __reduce__(self) -> tuple[type[Packed], tuple[Path, bytes]]:
        packed = self.__dict__.get("_packed")
        return (Packed, (self.path, packed)) if packed is not None else super().__reduce__()


class _Plain(pickle.Unpickler):
    """Plain data only (text, numbers, lists, mappings, tuples): no class, no function."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"{module}.{name}: a document holds plain data only")


def read_yaml(path: Path) -> Document:
    """Read one YAML file; raise InputError naming the place of the first problem."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(
            [Diagnostic(str(path), 0, 0, f"cannot read: {exc.strerror}", "io")]
        ) from None
    if len(raw) > MAX_FILE_BYTES:
        raise InputError(
            [
                Diagnostic(
                    str(path),
                    1,
                    1,
                    f"file is {len(raw)} bytes; the limit is {MAX_FILE_BYTES}",
                    "size",
                )
            ]
        )
    body = raw.removeprefix(codecs.BOM_UTF8)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError([_not_utf8(path, body, exc.start)]) from None
    doc = _compose(path, text)
    # Only a double-quoted escape ("\x01") can make a control character: raw ones are refused.
    if "\\" in text and (found := control_characters(doc.data)):
        code = "control-character"
        raise InputError(sorted(doc.diagnostic(loc, m, code, key) for loc, key, m in found))
    return doc


def _compose(path: Path, text: str) -> Document:
    try:  # the plain subset that plan files are written in, read fast; anything else by PyYAML
        data, values, keys = yamlfast.read(text)
        return Document(path, data, values, keys)
    except yamlfast.Unsupported:
        pass
    import yaml

    try:
        node = yaml.compose(text, Loader=_loader())
    except yaml.MarkedYAMLError as exc:
        raise InputError([_syntax_diagnostic(path, text, exc)]) from None
    except yaml.reader.ReaderError as exc:  # a raw control character: PyYAML gives its offset
        raise InputError([_reader_diagnostic(path, text, exc)]) from None
    except yaml.YAMLError as exc:
        raise InputError(
            [Diagnostic(str(path), 1, 1, f"YAML error: {exc}", "yaml-syntax")]
        ) from None
    if tag := _first_tag(path, text):
        raise InputError([tag])
    doc = Document(path, None)
    if node is not None:
        doc.data = _Builder(doc, text).build(node, ())
    return doc


_CORE_TAGS = "tag:yaml.org,2002:"


def _first_tag(path: Path, text: str) -> Diagnostic | None:
    """The first explicit tag: `!foo`, `!!binary`, even `!!str`. A tag asks for a type that plan
    files never hold, and PyYAML composing a file keeps the text and drops the tag in silence."""
    if "!" not in text:
        return None
    import yaml

    for event in yaml.parse(text, Loader=_loader()):
        tag = getattr(event, "tag", None)
        if tag is not None:
            shown = "!!" + tag.removeprefix(_CORE_TAGS) if tag.startswith(_CORE_TAGS) else tag
            mark = event.start_mark
            assert mark is not None  # events from a parsed stream always carry their marks
            message = (
                f'YAML tag "{shown}" is not allowed: a plan file holds plain text; remove it '
                '(quote a value that starts with "!")'
            )
            return Diagnostic(str(path), mark.line + 1, mark.column + 1, message, "yaml-tag")
    return None


def _not_utf8(path: Path, raw: bytes, at: int) -> Diagnostic:
    """The first byte that is not UTF-8, at its line and column (in characters of its line)."""
    start = raw.rfind(b"\n", 0, at) + 1
    line, column = raw.count(b"\n", 0, at) + 1, len(raw[start:at].decode("utf-8", "replace")) + 1
    message = (
        f"byte 0x{raw[at]:02X} is not UTF-8 (a plan file is UTF-8 throughout); "
        "save the file as UTF-8"
    )
    return Diagnostic(str(path), line, column, message, "encoding")


def _reader_diagnostic(path: Path, text: str, exc: yaml.reader.ReaderError) -> Diagnostic:
    before = text[: exc.position]
    line, col = before.count("\n") + 1, exc.position - (before.rfind("\n") + 1) + 1
    message = f"control character U+{exc.character:04X} is not allowed in a plan file; remove it"
    return Diagnostic(str(path), line, col, message, "control-character")


def _syntax_diagnostic(path: Path, text: str, exc: yaml.MarkedYAMLError) -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    message = f"YAML syntax error: {exc.problem or exc.context}"
    lines = text.splitlines()
    for number in (line, line - 1):
        code = (lines[number - 1] if 0 < number <= len(lines) else "").split("#")[0]
        if found := _UNQUOTED_GT.search(code):
            # Quote the value itself (in a flow mapping, up to the next "," or "}"), and point at
            # its ">".
            value = re.split(r"[,}\]]", code[found.end() - 1 :], maxsplit=1)[0].strip()
            message += f'; a value starting with ">" must be quoted: "{value}"'
            line, col = number, found.end()
            break
    else:
        source = lines[line - 1] if 0 < line <= len(lines) else ""
        if "\t" in source[: len(source) - len(source.lstrip(" \t"))]:
            message += "; the line is indented with a tab: YAML allows spaces only"
    return Diagnostic(str(path), line, col, message, "yaml-syntax")


class _Builder:
    """Turns composed nodes into dicts, lists and strings, recording where each one stands."""

    def __init__(self, doc: Document, text: str) -> None:
        self.doc, self.text = doc, text
        self.seen: set[int] = set()

    def build(self, node: yaml.Node, loc: Loc) -> Any:
        import yaml

        if len(loc) > yamlfast.MAX_DEPTH:
            raise InputError([self._depth_diagnostic(node)])
        if id(node) in self.seen:
            raise InputError([self._alias_diagnostic()])
        self.seen.add(id(node))
        self.doc.values[loc] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, loc)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*loc, str(i))) for i, item in enumerate(node.value)]
        # A plain scalar's style is None in PyYAML and "" in libyaml: both are unquoted.
        if isinstance(node, yaml.ScalarNode) and not node.style and node.value in _NULLS:
            return None
        return node.value

    def _mapping(self, node: yaml.MappingNode, loc: Loc) -> dict[str, Any]:
        import yaml

        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            where = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if (
                not isinstance(key_node, yaml.ScalarNode)
                or key_node.tag == "tag:yaml.org,2002:merge"
            ):
                raise InputError(
                    [
                        Diagnostic(
                            str(self.doc.path),
                            *where,
                            "keys must be plain text (no merge keys, lists or mappings as keys)",
                            "yaml-key",
                        )
                    ]
                )
            key = key_node.value
            if key in result:
                first = self.doc.keys[(*loc, key)]
                raise InputError(
                    [
                        Diagnostic(
                            str(self.doc.path),
                            *where,
                            f'duplicate key "{key}" (first at line {first[0]})',
                            "duplicate-key",
                        )
                    ]
                )
            self.doc.keys[(*loc, key)] = where
            result[key] = self.build(value_node, (*loc, key))
        return result

    def _depth_diagnostic(self, node: yaml.Node) -> Diagnostic:
        mark = node.start_mark
        message = f"nested deeper than {yamlfast.MAX_DEPTH} levels; a plan file needs five"
        return Diagnostic(str(self.doc.path), mark.line + 1, mark.column + 1, message, "yaml-depth")

    def _alias_diagnostic(self) -> Diagnostic:
        import yaml

        for event in yaml.parse(self.text, Loader=_loader()):
            if isinstance(event, yaml.AliasEvent):
                mark = event.start_mark
                assert mark is not None  # events from a parsed stream always carry their marks
                message = f'aliases are not allowed ("*{event.anchor}"): write the value out'
                return Diagnostic(
                    str(self.doc.path), mark.line + 1, mark.column + 1, message, "yaml-alias"
                )
        return Diagnostic(
            str(self.doc.path), 1, 1, "aliases are not allowed", "yaml-alias"
        )  # pragma: no cover
