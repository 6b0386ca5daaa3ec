"""The one door through which user text enters a rich renderable: never as markup or raw escapes."""

from __future__ import annotations

from rich.text import Text

from cruscotto_cli.encoding import for_stdout, printable


def plain(text: str, style: str = "") -> Text:
    """`text` shown exactly as written: "[giorni]" and "[/]" stay on screen, never read as markup;
    an escape sequence shows as `\\x1b[31m` instead of recolouring the terminal; what stdout
    cannot encode is in its fallback already (`>=` for `≥`), so columns line up."""
    return Text(for_stdout(printable(text)), style=style)


def cells(*texts: str | Text) -> list[Text]:
    """A table row of plain texts (rich reads a str cell as markup)."""
    return [t if isinstance(t, Text) else plain(t) for t in texts]
