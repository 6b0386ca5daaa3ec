"""Reporters of diagnostics: plain text, JSON, GitHub workflow annotations, JUnit XML, Markdown."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from cruscotto_cli.diagnostics import Diagnostic
from cruscotto_cli.render.github import escape_data, escape_property
from cruscotto_cli.render.jsontext import FULL, dumps


def text(problems: Sequence[Diagnostic], checked: str) -> str:
    lines = [str(p) for p in problems]
    verdict = (
        f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {checked}"
        if problems
        else f"ok: {checked}"
    )
    return "\n".join([*lines, verdict]) + "\n"


def json_text(problems: Sequence[Diagnostic], checked: str) -> str:
    data = {
        "valid": not problems,
        "checked": checked,
        "problems": [
            {
                "path": p.path,
                "line": p.line,
                "column": p.column,
                "code": p.code,
                "message": p.message,
            }
            for p in problems
        ],
    }
    return dumps(data, depth=FULL)


def github(problems: Sequence[Diagnostic], checked: str) -> str:
    """`::error file=...,line=...,col=...,title=...::message`, escaped as the runner expects."""
    lines = []
    for p in problems:
        where = f"file={escape_property(p.path)}"
        if p.line:
            where += f",line={p.line},col={p.column}"
        lines.append(f"::error {where},title={escape_property(p.code)}::{escape_data(p.message)}")
    return "\n".join([*lines, text(problems, checked).splitlines()[-1]]) + "\n"


def markdown(problems: Sequence[Diagnostic], checked: str) -> str:
    """The GitHub job summary: annotations are capped per step, this lists every problem."""
    verdict = text(problems, checked).splitlines()[-1]
    lines = ["### cruscotto validate", "", f"**{verdict}**", ""]
    lines += [
        f"- `{p.path}:{p.line}:{p.column}` {p.message.replace(chr(10), ' ')} [{p.code}]"
        for p in problems
    ]
    return "\n".join(lines) + "\n"


def junit(problems: Sequence[Diagnostic], checked: str) -> str:
    from cruscotto_cli.render.junit import problems as junit_problems

    return junit_problems(problems, checked)


FORMATS: dict[str, Callable[[Sequence[Diagnostic], str], str]] = {
    "text": text,
    "json": json_text,
    "github": github,
    "junit": junit,
}
