"""Reporters of a plan comparison (`diff`): text, JSON, GitHub annotations, Markdown, JUnit XML."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from cruscotto_cli.encoding import printable
from cruscotto_cli.render import github as workflow
from cruscotto_cli.render.jsontext import FULL, SCHEMA_VERSION, dumps
from cruscotto_cli.render.junit import Case, document
from cruscotto_cli.render.markdown import code as md_code
from cruscotto_cli.render.markdown import escape as md_escape
from cruscotto_cli.versions.difference import Difference, PlanDiff, acts_text

CODES = {"removed": "removed-indicator", "history": "history-edited"}


def code(d: Difference) -> str:
    return CODES.get(d.what, "unbacked-change")


def describe(d: Difference) -> str:
    """A change in a few words: `target 2023: "≥ 72%" -> "≥ 75%"`."""
    if d.what == "added":
        return f'added: "{d.new}"'
    if d.what == "removed":
        return f'removed: "{d.old}"'
    if d.what == "withdrawn":
        return d.new or "withdrawn"
    if d.what == "history":
        return f"history entry removed or edited: {d.old}"
    return f'{d.named}: "{d.old or "-"}" -> "{d.new or "-"}"'


def verdict(result: PlanDiff) -> str:
    n, bad = len(result.differences), len(result.findings)
    if not n:
        return f"no changes from {result.base}"
    changes = f"{n} change{'s' if n != 1 else ''} from {result.base}"
    return f"{changes}, {bad} not backed by an act" if bad else f"{changes}, each backed by its act"


def text(result: PlanDiff) -> str:
    """One line per change, then each finding as `path:line:col: message [code]`, then the
    verdict."""
    lines = [f"{d.indicator or 'plan'}: {describe(d)}: {_backing(d)}" for d in result.differences]
    lines += [f"{d.path}:{d.line}:{d.column}: {d.problem} [{code(d)}]" for d in result.findings]
    return printable("\n".join([*lines, verdict(result)])) + "\n"


def _backing(d: Difference) -> str:
    if not d.needs_act:
        return "no act needed"
    return f"backed by {acts_text(d.acts)}" if d.backed else "NOT BACKED"


def json_text(result: PlanDiff) -> str:
    data = {
        "schema_version": SCHEMA_VERSION,
        "base": result.base,
        "head": result.head,
        "backed": not result.findings,
        "changes": [_data(d) for d in result.differences],
    }
    return dumps(data, depth=FULL)


def _data(d: Difference) -> dict[str, Any]:
    return {
        "scope": d.scope,
        "indicator": d.indicator or None,
        "change": d.what,
        "subject": d.named,
        "year": d.year,
        "old": d.old,
        "new": d.new,
        "backed": d.backed,
        "needs_act": d.needs_act,
        "acts": [
            {"date": c.date.isoformat(), "act": c.act, "change": c.change.value} for c in d.acts
        ],
        "problem": d.problem,
        "code": None if d.backed else code(d),
        "version": d.side,
        "path": d.path,
        "line": d.line,
        "column": d.column,
    }


def github(result: PlanDiff) -> str:
    """An error per unbacked change and a notice per backed one, at its place in the plan."""
    lines = [_annotation(d) for d in result.differences]
    return "\n".join([*lines, verdict(result)]) + "\n"


def _annotation(d: Difference) -> str:
    path = d.path if d.side == "head" else None  # a removed indicator is only in the base
    if d.backed:
        message = f"{owner(d)}: {describe(d)}, {_backing(d)}"
        return workflow.annotation("notice", message, "plan change", path, d.line, d.column)
    return workflow.annotation("error", d.problem or "", code(d), path, d.line, d.column)


def owner(d: Difference) -> str:
    return f"indicator {d.indicator}" if d.indicator else "plan.yaml"


def markdown(result: PlanDiff) -> str:
    """A pull-request comment: a table of the changes and the findings to fix."""
    base, told = md_code(result.base), md_escape(verdict(result))
    lines = [f"### Plan changes from {base}", "", f"**{told}**", ""]
    if result.differences:
        lines += [
            "| Indicator | Change | Year | Old | New | Backed by |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
        lines += [_row(d) for d in result.differences]
        lines.append("")
    if result.findings:
        lines += ["#### To fix", ""]
        lines += [
            f"- {md_code(f'{d.path}:{d.line}')}: {md_escape(d.problem or '')}"
            for d in result.findings
        ]
        lines.append("")
    return "\n".join(lines)


def _row(d: Difference) -> str:
    backing = md_escape(_backing(d)) if d.backed else "**not backed**"
    cells = [
        md_escape(d.indicator or "plan"),
        md_escape(d.subject or d.what),
        str(d.year or ""),
        md_escape(d.old or ""),
        md_escape(d.new or ""),
        backing,
    ]
    return "| " + " | ".join(cells) + " |"


def junit(result: PlanDiff) -> str:
    """`diff`: a case per change, failing when no act backs it; one passing case when none."""
    cases = [_change(d) for d in result.differences]
    return document(
        f"cruscotto diff --against {result.base}",
        cases or [Case("cruscotto.diff", f"no changes from {result.base}")],
    )


def _change(d: Difference) -> Case:
    if d.backed:
        return Case(owner(d), describe(d))
    return Case(
        owner(d),
        describe(d),
        "failure",
        d.problem or "",
        f"{d.path}:{d.line}:{d.column}: {d.problem} [{code(d)}]",
    )


FORMATS: dict[str, Callable[[PlanDiff], str]] = {
    "text": text,
    "json": json_text,
    "github": github,
    "markdown": markdown,
    "junit": junit,
}
# The extension of an -o file -> the format it is written in.
EXTENSIONS = {
    ".txt": "text",
    ".json": "json",
    ".md": "markdown",
    ".markdown": "markdown",
    ".xml": "junit",
}
