"""Markdown for wikis, pull requests and job summaries: one escape for user text, one table.

Plan and office texts are untrusted (a pull request, an office's CSV): escaped, they render as the
text they are, never as a link, an image, raw HTML or a code span. Without `[` no link or image
can form, and `<` never opens a tag; web addresses are kept from turning into links too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from cruscotto_cli.encoding import printable

_SPECIAL = str.maketrans(
    {
        "\\": "\\\\",
        "`": "\\`",
        "[": "\\[",
        "]": "\\]",
        "|": "\\|",
        "<": "&lt;",
        "\n": " ",
        "\r": " ",
    }
)
# GitHub links a bare web address: `https://...`, `www.`; an escaped `:` or `.` keeps it text.
_ADDRESS = re.compile(r"(?i)\b(https?|ftp|mailto|xmpp|javascript|data|vbscript)(:)|\b(www)(\.)")


class Markdown(str):
    """Text already written as Markdown by the tool: a table leaves it as it is."""


def escape(text: str) -> str:
    """User text as inline Markdown (a table cell, a heading): shown as written, on one line."""
    if isinstance(text, Markdown):
        return text
    return _escaped(str(text))


@lru_cache(maxsize=16_384)
def _escaped(text: str) -> str:
    """The escaping of plain text, remembered: a report's cells repeat ("100,00%", an office)."""
    escaped = printable(text).translate(_SPECIAL)
    return _ADDRESS.sub(lambda m: f"{m[1] or m[3]}\\{m[2] or m[4]}", escaped)


def code(text: str) -> Markdown:
    """Text as a code span (a file name, a revision) that nothing in it can close."""
    flat = " ".join(printable(text).splitlines())
    longest = max((len(run) for run in re.findall(r"`+", flat)), default=0)
    fence = "`" * (longest + 1)
    padded = f" {flat} " if flat.startswith("`") or flat.endswith("`") or longest else flat
    return Markdown(f"{fence}{padded}{fence}".replace("|", "\\|"))


def table(
    header: Sequence[str], rows: Sequence[Sequence[str]], right: Sequence[int] = ()
) -> list[str]:
    """A Markdown table's lines, then a blank one; the `right` columns are right-aligned."""
    align = ["---:" if i in right else "---" for i in range(len(header))]
    lines = ["| " + " | ".join(escape(h) for h in header) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(escape(c) for c in row) + " |" for row in rows]
    return [*lines, ""]
