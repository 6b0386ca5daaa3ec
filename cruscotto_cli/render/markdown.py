"""Markdown for wikis, pull requests and job summaries: one escape for table cells, one table."""

from __future__ import annotations

from collections.abc import Sequence


def escape(text: str) -> str:
    """Text as one Markdown table cell: pipes and backslashes escaped, no line break, no raw
    HTML."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("<", "&lt;")


def table(
    header: Sequence[str], rows: Sequence[Sequence[str]], right: Sequence[int] = ()
) -> list[str]:
    """A Markdown table's lines, then a blank one; the `right` columns are right-aligned."""
    align = ["---:" if i in right else "---" for i in range(len(header))]
    lines = ["| " + " | ".join(escape(h) for h in header) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(escape(c) for c in row) + " |" for row in rows]
    return [*lines, ""]
