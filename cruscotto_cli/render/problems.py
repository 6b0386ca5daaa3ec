"""Reporters of diagnostics: plain text, JSON, GitHub workflow annotations, JUnit XML, Markdown.

Problems make validate fail; notices (a file of the actuals folder not read, with why) do not,
but every format says them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from cruscotto_cli.diagnostics import Diagnostic
from cruscotto_cli.render.github import escape_data, escape_property
from cruscotto_cli.render.jsontext import FULL, dumps
from cruscotto_cli.render.markdown import code as md_code
from cruscotto_cli.render.markdown import escape as md_escape

Notices = Sequence[Diagnostic]


def text(problems: Sequence[Diagnostic], checked: str, notices: Notices = ()) -> str:
    lines = [str(d) for d in (*notices, *problems)]
    return "\n".join([*lines, verdict(problems, checked)]) + "\n"


def verdict(problems: Sequence[Diagnostic], checked: str) -> str:
    if problems:
        return f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {checked}"
    return f"ok: {checked}"


def _fields(d: Diagnostic) -> dict[str, object]:
    return {
        "path": d.path,
        "line": d.line,
        "column": d.column,
        "code": d.code,
        "message": d.message,
    }


def json_text(problems: Sequence[Diagnostic], checked: str, notices: Notices = ()) -> str:
    data = {
        "valid": not problems,
        "checked": checked,
        "problems": [_fields(p) for p in problems],
        "notices": [_fields(n) for n in notices],
    }
    return dumps(data, depth=FULL)


def _annotation(kind: str, d: Diagnostic) -> str:
    where = f"file={escape_property(d.path)}"
    if d.line:
        where += f",line={d.line},col={d.column}"
    return f"::{kind} {where},title={escape_property(d.code)}::{escape_data(d.message)}"


def github(problems: Sequence[Diagnostic], checked: str, notices: Notices = ()) -> str:
    """`::error file=...,line=...,col=...,title=...::message` for a problem, `::warning` for a
    notice, escaped as the runner expects."""
    lines = [_annotation("warning", n) for n in notices]
    lines += [_annotation("error", p) for p in problems]
    return "\n".join([*lines, verdict(problems, checked)]) + "\n"


def markdown(problems: Sequence[Diagnostic], checked: str, notices: Notices = ()) -> str:
    """The GitHub job summary: annotations are capped per step, this lists every problem."""
    lines = ["### cruscotto validate", "", f"**{md_escape(verdict(problems, checked))}**", ""]
    lines += [
        f"- {md_code(d.where)} {md_escape(d.message)} [{d.code}]"  # the code is the tool's own
        for d in (*notices, *problems)
    ]
    return "\n".join(lines) + "\n"


def junit(problems: Sequence[Diagnostic], checked: str, notices: Notices = ()) -> str:
    from cruscotto_cli.render.junit import problems as junit_problems

    return junit_problems(problems, checked, notices)


FORMATS: dict[str, Callable[[Sequence[Diagnostic], str, Notices], str]] = {
    "text": text,
    "json": json_text,
    "github": github,
    "junit": junit,
}
