"""The one door through which user text enters a rich renderable: as text, never as markup."""

from __future__ import annotations

from rich.text import Text


def plain(text: str, style: str = "") -> Text:
    """`text` shown exactly as written: "[giorni]" and "[/]" stay on screen, never read as markup."""
    return Text(text, style=style)


def cells(*texts: str | Text) -> list[Text]:
    """A table row of plain texts (rich reads a str cell as markup)."""
    return [t if isinstance(t, Text) else plain(t) for t in texts]
