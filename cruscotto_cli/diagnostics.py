"""Problems found in the user's files, how messages count them, and the exception family that
stops a run."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cruscotto_cli.encoding import printable


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem at one place: `path:line:col: message [code]`. Line 0 means the whole file."""

    path: str
    line: int
    column: int
    message: str
    code: str = "error"
    sheet: str | None = None  # a workbook's sheet: the place reads `book.xlsx[Sheet]!B7`

    def __str__(self) -> str:
        return printable(f"{self.where}: {self.message} [{self.code}]")

    @property
    def where(self) -> str:
        if not self.line:
            return self.path
        if self.sheet is not None:
            return f"{self.path}[{self.sheet}]!{column_letter(self.column)}{self.line}"
        return f"{self.path}:{self.line}:{self.column}"


def column_letter(column: int) -> str:
    """A spreadsheet's name of a column, counted from 1: 1 -> A, 27 -> AA."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


class CruscottoError(Exception):
    """Base of the errors that stop a command; the CLI turns each into an exit code."""

    exit_code = 2


class UsageError(CruscottoError):
    """The command was called wrongly: a year out of the plan, an unknown filter value."""


class OutputError(CruscottoError):
    """An output could not be written: it exists (without --force) or its folder is unwritable."""


class MissingExtraError(CruscottoError):
    """An optional output or input whose library is not installed."""


class InputError(CruscottoError):
    """The user's files cannot be used; carries every problem found, and the notices of what was
    not read (files skipped with their reason), which are not problems but still worth saying."""

    def __init__(self, diagnostics: list[Diagnostic], notices: Sequence[Diagnostic] = ()) -> None:
        super().__init__("\n".join(str(d) for d in diagnostics))
        self.diagnostics = diagnostics
        self.notices = tuple(notices)


def quote(text: str, limit: int = 40) -> str:
    """A user's text in double quotes for a message, cut when long: "22222222...", 5000
    characters."""
    if len(text) <= limit:
        return f'"{text}"'
    return f'"{text[:limit]}..." ({len(text)} characters)'


def plural(n: int, noun: str) -> str:
    """A count with its English noun, as messages say it: "1 problem", "3 problems"."""
    return f"{n} {noun}{'' if n == 1 else 's'}"
