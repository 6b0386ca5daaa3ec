"""Load a plan folder: YAML with positions, then pydantic, then the meaning checks."""

from __future__ import annotations

import typing
from functools import partial
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from cruscotto_cli.diagnostics import Diagnostic, InputError
from cruscotto_cli.plan.files import HEADER_FILE, YAML_SUFFIXES, area_files
from cruscotto_cli.plan.loaded import Plan
from cruscotto_cli.plan.model import ERROR_CODES, Area, Header
from cruscotto_cli.plan.yamlsource import Document, read_yaml


def load_plan(folder: Path, cached: bool = True) -> Plan:
    """Read and check a whole plan; InputError carries every problem found, in file order. A
    plan loaded cleanly before from the same files comes from the cache, unless not `cached`."""
    if not folder.is_dir():
        raise InputError([_no_folder(folder)])
    if not cached:
        return _read_plan(folder, "")
    from cruscotto_cli import cache

    return cache.through("plan", folder, Plan, partial(_read_plan, folder), read=YAML_SUFFIXES)


def _read_plan(folder: Path, key: str) -> Plan:
    header_path = folder / HEADER_FILE
    header, header_doc, problems = (
        _load(header_path, Header) if header_path.is_file() else (None, None, [])
    )
    if header_doc is None and not problems:
        problems.append(_no_header(header_path))
    areas = []
    for path in area_files(folder):
        area, doc, found = _load(path, Area)
        problems += found
        if area is not None and doc is not None:
            areas.append((area, doc))
    if not areas and not problems:
        problems.append(
            Diagnostic(str(folder), 0, 0, "no area files (*.yaml beside plan.yaml)", "plan-areas")
        )
    if problems or header is None or header_doc is None:
        raise InputError(problems)
    plan = Plan(folder, header, header_doc, tuple(areas), key)
    from cruscotto_cli.plan.checks import check_plan

    problems = check_plan(plan)
    if problems:
        raise InputError(problems)
    return plan


def load_header(folder: Path) -> Header:
    """Read plan.yaml alone (what every area file shares); InputError names its problems."""
    if not folder.is_dir():
        raise InputError([_no_folder(folder)])
    header_path = folder / HEADER_FILE
    if not header_path.is_file():
        raise InputError([_no_header(header_path)])
    header, _, problems = _load(header_path, Header)
    if problems or not isinstance(header, Header):
        raise InputError(problems)
    return header


def _no_folder(folder: Path) -> Diagnostic:
    return Diagnostic(
        str(folder), 0, 0, "plan folder not found; give one with --plan DIR", "plan-folder"
    )


def _no_header(path: Path) -> Diagnostic:
    message = f"missing: a plan needs {HEADER_FILE} (title, period, offices)"
    return Diagnostic(str(path), 0, 0, message, "plan-header")


Loaded = tuple[Any, Document | None, list[Diagnostic]]


def _load(path: Path, model: type[Any]) -> Loaded:
    """The file as `model`, its document, and its problems (the model is None when there are
    any)."""
    try:
        doc = read_yaml(path)
    except InputError as exc:
        return None, None, exc.diagnostics
    if not isinstance(doc.data, dict):
        expected = "expected a mapping of keys (title:, indicators: ...)"
        return None, doc, [doc.diagnostic((), expected, "schema")]
    commented = _commented_formulas(path, doc)
    try:
        loaded = model.model_validate(doc.data)
    except ValidationError as exc:
        # pydantic lists unknown keys after the other errors: report them in line order.
        errors = [_diagnostic(doc, model, error) for error in exc.errors(include_url=False)]
        return None, doc, sorted(commented + errors)
    return (None, doc, commented) if commented else (loaded, doc, [])


def _commented_formulas(path: Path, doc: Document) -> list[Diagnostic]:
    """A plain formula followed by ` # ...` on its line: YAML reads the rest as a comment, so
    `a # / b` would silently be `a`. Refused rather than guessed."""
    lines: list[str] | None = None
    found = []
    for loc, (line, column) in doc.values.items():
        if not loc or loc[-1] != "formula":
            continue
        lines = lines if lines is not None else path.read_text(encoding="utf-8").splitlines()
        raw = lines[line - 1][column - 1 :] if line <= len(lines) else ""
        if raw[:1] not in ('"', "'") and " #" in raw:
            written, comment = raw.split(" #", 1)
            message = (
                f'formula "{written.strip()}" is followed by a YAML comment "#{comment.rstrip()}":'
                ' everything after # is ignored; quote the whole formula ("a / b") or remove it'
            )
            found.append(Diagnostic(str(path), line, column, message, "formula-syntax"))
    return found


def _diagnostic(doc: Document, model: type[BaseModel], error: Any) -> Diagnostic:
    loc, kind = error["loc"], error["type"]
    if kind == "extra_forbidden":
        allowed = ", ".join(_fields_at(model, loc[:-1]))
        return doc.diagnostic(
            loc, f'unknown key "{loc[-1]}"; expected one of: {allowed}', "unknown-key", key=True
        )
    if kind == "missing":
        return doc.diagnostic(loc[:-1], f'missing key "{loc[-1]}"', "missing-key")
    if loc and loc[-1] == "[key]":
        return doc.diagnostic(loc[:-1], f'"{loc[-2]}" is not a year', "schema", key=True)
    if kind in ERROR_CODES:
        return doc.diagnostic(loc, error["msg"], kind)
    field = ".".join(str(p) for p in loc if not isinstance(p, int))
    message = error["msg"][0].lower() + error["msg"][1:]
    got = "nothing" if error["input"] is None else f'"{error["input"]}"'
    return doc.diagnostic(loc, f"{field}: {message}, got {got}{_not_ascii(error)}", "schema")


def _not_ascii(error: Any) -> str:
    """Why an id with a letter such as "à" or "ａ" is refused: it could pass for another name."""
    written = error["input"] if error["type"] == "string_pattern_mismatch" else ""
    char = next((c for c in str(written) if not c.isascii()), None)
    return f'; "{char}" is not ASCII: ids use ASCII letters and digits only' if char else ""


def _fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The keys a mapping at `loc` accepts, found by walking the model's annotations."""
    current: Any = model
    for part in loc:
        if isinstance(part, int) or (isinstance(part, str) and part.isdigit()):
            continue
        field = (
            current.model_fields.get(part)
            if isinstance(current, type) and issubclass(current, BaseModel)
            else None
        )
        if field is None:
            return []
        current = _model_in(field.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [f.alias or name for name, f in current.model_fields.items()]
    return []


def _model_in(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None
