"""'Did you mean' for unknown names."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice closest to `word` ignoring case, if one is close enough."""
    lowered = {c.casefold(): c for c in choices}
    close = difflib.get_close_matches(word.casefold(), list(lowered), n=1, cutoff=0.6)
    return lowered[close[0]] if close else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`; did you mean "x"?` when a choice is close enough, else an empty string."""
    close = closest(word, choices)
    return f'; did you mean "{close}"?' if close else ""
