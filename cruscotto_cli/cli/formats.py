"""A command's output format: --format, else the -o file's extension; the two never disagree.

Each command's format registry declares the extensions it writes (`.csv` -> `csv`). A known
extension chooses the format; `--format` that says otherwise is refused, naming both. An extension
the command does not write is refused too (a table in `risultati.xlsx` helps nobody) unless
`--format` names the format; a name with no extension takes the command's default format.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from cruscotto_cli.diagnostics import UsageError


def chosen_format(
    given: str | None,
    output: Path | None,
    extensions: Mapping[str, str],
    default: str | None,
    option: bool = True,
) -> str:
    """The format to write; UsageError when --format and the extension disagree, or when the
    extension is unknown and nothing else says what to write."""
    if output is None or str(output) == "-":
        return _or_default(given, default)
    suffix = output.suffix.lower()
    found = extensions.get(suffix)
    if given is not None and found is not None and given != found:
        raise UsageError(
            f'--format {given} and -o {output} disagree: "{suffix}" files are written as {found}; '
            f"drop one, or make them agree"
        )
    if given is not None:
        return given
    if found is not None:
        return found
    if not suffix and default is not None:
        return default
    known = ", ".join(extensions)
    give = ", or give --format" if option else ""
    raise UsageError(f'{output}: unknown extension "{output.suffix}"; use one of {known}{give}')


def _or_default(given: str | None, default: str | None) -> str:
    chosen = given or default
    if chosen is None:
        raise UsageError("give --format: there is no file name to take it from")
    return chosen
