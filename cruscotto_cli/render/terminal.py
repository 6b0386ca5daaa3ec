"""The one door through which user text enters a rich renderable: as text, never as markup."""

from __future__ import annotations

from rich.text import Text

from cruscotto_cli.encoding import for_stdout


def plain(text: str, style: str = "") -> Text:
    """`text` shown exactly as written: "[giorni]" and "[/]" stay on screen, never read as markup;
    what stdout cannot encode is in its fallback already (`>=` for `≥`), so columns line up."""
    return Text(for_stdout(text), style=style)


def cells(*texts: str | Text) -> list[Text]:
    """A table row of plain texts (rich reads a str cell as markup)."""
    return [t if isinstance(t, Text) else plain(t) for t in texts]
