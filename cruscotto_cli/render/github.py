"""GitHub workflow annotations (`::error file=...::message`), escaped as the runner expects."""

from __future__ import annotations

from cruscotto_cli.encoding import printable
from cruscotto_cli.evaluate import Evaluation, Outcome, Status
from cruscotto_cli.plan.loaded import Plan
from cruscotto_cli.render.reason_words import reason_text
from cruscotto_cli.render.words import Words

FLAGGED = (Status.NOT_MET, Status.MISSING, Status.INVALID)


def escape_data(value: str) -> str:
    return printable(value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def annotation(
    level: str, message: str, title: str, path: str | None = None, line: int = 0, column: int = 0
) -> str:
    """One workflow command line; `path` None when the place is not a file of the checkout."""
    props = [f"file={escape_property(path)}"] if path else []
    if path and line:
        props += [f"line={line}", f"col={column}"]
    props.append(f"title={escape_property(title)}")
    return f"::{level} {','.join(props)}::{escape_data(message)}"


def evaluation(plan: Plan, result: Evaluation) -> str:
    """A warning per indicator not met, missing or invalid, at its place in the plan; then the
    verdict."""
    w = Words(plan.language)
    lines = [_outcome(plan, w, o) for o in result.outcomes if o.status in FLAGGED]
    flagged = len(lines)
    lines.append(
        f"{result.year}: {flagged} indicator{'s' if flagged != 1 else ''} not met, missing or "
        f"invalid of {len(result.outcomes)}"
    )
    return "\n".join(lines) + "\n"


def _outcome(plan: Plan, w: Words, o: Outcome) -> str:
    ind = o.indicator
    placed = plan.indicator(ind.id)
    path, (line, column) = (
        (str(placed.document.path), placed.document.locate(("indicators", placed.index)))
        if placed
        else (None, (0, 0))
    )
    target = o.target.text if o.target else "-"
    actual = w.value(o.actual, ind.unit) or "-"
    message = f"{ind.id} {ind.name}: {w[o.status.value]} (target {target}, actual {actual})"
    if o.reason:
        message += f": {reason_text(plan, o.reason)}"
    return annotation(
        "warning", message, f"{o.year} {ind.id}: {w[o.status.value]}", path, line, column
    )
