"""'Did you mean' for unknown names."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`; did you mean "x"?` when a choice is close enough, else an empty string."""
    options = list(choices)
    lowered = {c.casefold(): c for c in options}
    close = difflib.get_close_matches(word.casefold(), list(lowered), n=1, cutoff=0.6)
    return f'; did you mean "{lowered[close[0]]}"?' if close else ""
