"""JUnit XML for GitLab and Jenkins: one test case per problem, per indicator or per change."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass

from cruscotto_cli.diagnostics import Diagnostic
from cruscotto_cli.encoding import printable
from cruscotto_cli.evaluate import Evaluation, Outcome, Status
from cruscotto_cli.plan.loaded import Plan
from cruscotto_cli.render.reason_words import reason_text
from cruscotto_cli.render.words import Words

# Characters XML 1.0 cannot hold at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# How each status of an evaluation reads as a test: a failure, an error, skipped, or passed (None).
OUTCOME_KIND = {
    Status.NOT_MET: "failure",
    Status.MISSING: "error",
    Status.INVALID: "error",
    Status.BASELINE: "skipped",
    Status.NO_TARGET: "skipped",
    Status.WITHDRAWN: "skipped",
    Status.NOT_COLLECTED: "skipped",
    Status.MET: None,
}


@dataclass(frozen=True)
class Case:
    classname: str
    name: str
    kind: str | None = None  # failure | error | skipped | None (passed)
    message: str = ""
    detail: str = ""


def document(suite: str, cases: Sequence[Case]) -> str:
    """`<testsuites><testsuite ...><testcase .../>...` as UTF-8 XML text."""
    root = ET.Element("testsuites")
    counts = {
        kind: str(sum(c.kind == kind for c in cases)) for kind in ("failure", "error", "skipped")
    }
    attrs = {
        "name": suite,
        "tests": str(len(cases)),
        "failures": counts["failure"],
        "errors": counts["error"],
        "skipped": counts["skipped"],
    }
    node = ET.SubElement(root, "testsuite", {k: _clean(v) for k, v in attrs.items()})
    for case in cases:
        element = ET.SubElement(
            node, "testcase", {"classname": _clean(case.classname), "name": _clean(case.name)}
        )
        if case.kind:
            child = ET.SubElement(element, case.kind, {"message": _clean(case.message)})
            child.text = _clean(case.detail) or None
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _clean(value: str) -> str:
    """Text a CI page shows as written: control and bidirectional characters as escapes, as in
    every other output (a `\u202e` would reverse what the page shows), then what XML cannot
    hold replaced."""
    return _NOT_XML.sub("\ufffd", printable(value))


def problems(found: Sequence[Diagnostic], checked: str, notices: Sequence[Diagnostic] = ()) -> str:
    """`validate`: a failing case per problem (or one passing case for what was checked), and a
    skipped case per file not read."""
    cases = [
        Case(p.path, f"{p.path}:{p.line}:{p.column} [{p.code}]", "failure", p.message, str(p))
        for p in found
    ] or [Case("cruscotto.validate", checked)]
    cases += [Case(n.path, f"{n.path} [{n.code}]", "skipped", n.message, str(n)) for n in notices]
    return document("cruscotto validate", cases)


def evaluation(plan: Plan, result: Evaluation) -> str:
    """`evaluate`: a case per indicator; not met fails, missing or invalid data is an error."""
    w = Words(plan.language)
    return document(
        f"cruscotto evaluate {result.year}",
        [_outcome(plan, w, result.year, o) for o in result.outcomes],
    )


def _outcome(plan: Plan, w: Words, year: int, o: Outcome) -> Case:
    ind = o.indicator
    target = o.target.text if o.target else "-"
    message = f"{w[o.status.value]}: target {target}, actual {w.value(o.actual, ind.unit) or '-'}"
    if o.reason:
        message += f" ({reason_text(plan, o.reason)})"
    return Case(
        f"{year}.area-{o.area_id}", f"{ind.id} {ind.name}", OUTCOME_KIND[o.status], message, message
    )
