"""An Excel workbook of actuals: each sheet's header row and typed cells, placed as `x.xlsx[S]!B7`.

Cells are read as Excel stored them: a number cell is a number (a percentage cell holds the
fraction, shown with %), a text cell is text, never read again as a number in some locale. A
formula counts by the value Excel last computed; a formula saved without one is refused.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from cruscotto_cli.actuals.conventions import Reading
from cruscotto_cli.actuals.csvfile import ACCEPTED, COLUMNS, KEY, REQUIRED, VALUE, column_roles
from cruscotto_cli.diagnostics import Diagnostic
from cruscotto_cli.numbers import format_number
from cruscotto_cli.xlsxfile import INSTALL, TEMPLATE_KEYWORDS

HEADER_ROWS = 10  # the header is looked for in a sheet's first rows: a title may come before it
Row = tuple[int, list[str], Reading | None]  # row number, cells as text, the value cell's reading


@dataclass(frozen=True)
class Table:
    """One sheet of actuals: its name, header row, the index of each column role, its rows, and
    what the value cell is in the rows where Excel typed it as neither text nor a number."""

    sheet: str
    header_row: int
    roles: dict[str, int]
    rows: list[Row]
    kinds: dict[int, str] = field(default_factory=dict)


def read_workbook(path: Path) -> tuple[list[Table], list[Diagnostic]]:
    """Every sheet with a header row; a problem for each sheet or cell that cannot be read."""
    name = str(path)
    try:
        from openpyxl import load_workbook  # type: ignore[import-untyped,unused-ignore]
    except ImportError:
        message = f"a workbook: reading .xlsx needs openpyxl: {INSTALL} (or save it as CSV)"
        return [], [Diagnostic(name, 0, 0, message, "xlsx-file")]
    try:
        values = load_workbook(path, read_only=True, data_only=True)
        formulas = load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # openpyxl and zipfile raise many kinds for a damaged file
        return [], [_unreadable(name, exc)]
    try:
        template = _is_template(values.properties.keywords or "")
        tables: list[Table] = []
        problems: list[Diagnostic] = []
        # Worksheets only: a chart sheet holds no cells.
        for value_sheet, formula_sheet in zip(values.worksheets, formulas.worksheets, strict=True):
            sheet = _Sheet(name, value_sheet.title, template, problems)
            try:
                sheet.read(value_sheet, formula_sheet, tables)
            except _Damaged as damaged:
                problems.append(_unreadable(name, damaged.cause))
        return tables, problems
    finally:
        values.close()
        formulas.close()


def _is_template(keywords: str) -> bool:
    """Whether the keywords are the template's: LibreOffice saves them again without the comma."""
    return _words(keywords) == _words(TEMPLATE_KEYWORDS)


def _words(text: str) -> list[str]:
    return re.split(r"[\s,;]+", text.strip().casefold())


def _unreadable(name: str, exc: Exception) -> Diagnostic:
    message = (
        "not a readable .xlsx workbook (a damaged file, or one protected by a password to open?); "
        f"save it again from Excel as .xlsx or as CSV ({type(exc).__name__})"
    )
    return Diagnostic(name, 0, 0, message, "xlsx-file")


@dataclass
class _Sheet:
    """One sheet being read: where it is, and where its problems go."""

    path: str
    name: str
    template: bool
    problems: list[Diagnostic]

    def problem(self, row: int, column: int, message: str, code: str) -> None:
        self.problems.append(Diagnostic(self.path, row, column, message, code, self.name))

    def read(self, values: Any, formulas: Any, tables: list[Table]) -> None:
        rows = zip(_rows(values), _rows(formulas), strict=False)
        header: tuple[int, dict[str, int]] | None = None
        data: list[Row] = []
        kinds: dict[int, str] = {}
        seen_any = False
        for number, (cells, sources) in enumerate(rows, start=1):
            texts = [self.text(cell, source) for cell, source in zip(cells, sources, strict=False)]
            seen_any = seen_any or any(texts)
            if header is None and number > HEADER_ROWS:
                break
            if header is None:
                header = self.header(number, texts)
            elif any(t.strip() for t in texts) and (
                row := self.row(number, texts, cells, header[1])
            ):
                data.append(row)
                if kind := _kind(cells, header[1][VALUE]):
                    kinds[number] = kind
        if header is not None:
            tables.append(Table(self.name, header[0], header[1], data, kinds))
        elif seen_any and not (self.template and self.name == "Istruzioni"):
            self.problem(1, 1, _NO_HEADER, "xlsx-header")

    def header(self, number: int, texts: list[str]) -> tuple[int, dict[str, int]] | None:
        """The column roles, if this row is the header: it names the required columns."""
        named = {COLUMNS.get(t.strip().casefold()) for t in texts}
        if not all(role in named for role in REQUIRED):
            return None
        roles, unknown = column_roles(self.path, texts)
        self.problems.extend(replace(d, line=number, sheet=self.name) for d in unknown)
        return number, roles

    def row(self, number: int, texts: list[str], cells: Any, roles: dict[str, int]) -> Row | None:
        """The row's cells as text, and its value cell's reading; None for a key typed as number."""
        width = max(roles.values()) + 1
        texts = texts + [""] * (width - len(texts))
        key_at, value_at = roles[KEY], roles[VALUE]
        if key_at < len(cells) and _is_number(cells[key_at].value):
            message = _NUMBER_KEY.format(number=texts[key_at])
            self.problem(number, key_at + 1, message, "xlsx-key")
            return None
        return number, texts, _reading(cells[value_at]) if value_at < len(cells) else None

    def text(self, cell: Any, source: Any) -> str:
        """The cell as text, as the loader's rules read keys, years and words."""
        value = cell.value
        if isinstance(value, float) and not math.isfinite(value):
            place = f"{self.path}[{self.name}]!{cell.coordinate}"
            self.problem(cell.row, cell.column, _NOT_FINITE.format(place=place), "xlsx-number")
            return ""
        if value is None and getattr(source, "data_type", None) == "f":
            place = f"{self.path}[{self.name}]!{cell.coordinate}"
            self.problem(cell.row, cell.column, _UNCOMPUTED.format(place=place), "xlsx-formula")
            return ""
        return _as_text(value, _percent(cell))


class _Damaged(Exception):
    """A sheet whose cells openpyxl cannot parse (a number cell holding "NaN", broken XML)."""

    def __init__(self, cause: Exception) -> None:
        super().__init__(str(cause))
        self.cause = cause


def _rows(sheet: Any) -> Iterator[tuple[Any, ...]]:
    """The sheet's rows as they are in the file: the size the file declares for the sheet (its
    `dimension`, which some programs leave stale) would drop the rows and columns beyond it."""
    sheet.reset_dimensions()
    rows = iter(sheet.iter_rows())
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except Exception as exc:  # openpyxl raises many kinds for a damaged sheet
            raise _Damaged(exc) from None
        yield row


_NO_HEADER = (
    f"no header row: expected, in the first {HEADER_ROWS} rows, a row naming at least the columns "
    f"{', '.join(REQUIRED.values())}; accepted columns: {ACCEPTED}"
)
_NOT_FINITE = (
    "a number beyond what Excel can hold (the file says infinity): type the value in {place}"
)
_NUMBER_KEY = (
    "the key is the number {number}: Excel turns an id such as 9.10 into 9,1; format the column "
    "as text and write the indicator id or the measure name"
)
_UNCOMPUTED = (
    "a formula without a computed value (the file was saved by a program that does not compute "
    "formulas): open and save {place} in Excel or LibreOffice, or type the value"
)


def _kind(cells: Any, at: int) -> str | None:
    """What a value cell typed as neither text nor a number is, as a message names it."""
    value = cells[at].value if at < len(cells) else None
    if isinstance(value, bool):
        return "a yes/no (TRUE/FALSE) cell"
    if isinstance(value, dt.datetime):
        return "a date cell" if value.time() == dt.time() else "a date and time cell"
    if isinstance(value, dt.date):
        return "a date cell"
    if isinstance(value, dt.time | dt.timedelta):
        return "a time cell"
    return None


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


# What a number format shows as written: "%" in quotes or after a backslash (`0,0" %"`) is a
# sign beside the number, which Excel then shows as stored, not multiplied by 100.
_FORMAT_LITERAL = re.compile(r'"[^"]*"?|\\.|\[[^\]]*\]?')


def _percent(cell: Any) -> bool:
    """Whether the cell's format shows its fraction as a percentage (`0,0%`)."""
    return "%" in _FORMAT_LITERAL.sub("", getattr(cell, "number_format", None) or "")


def _number(value: int | float, percent: bool) -> Decimal:
    # Excel keeps 15 significant digits: what a float has beyond them is noise (0,30000000000000004)
    number = Decimal(format(value, ".15g")) if isinstance(value, float) else Decimal(value)
    return number * 100 if percent else number


def _as_text(value: object, percent: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "sì" if value else "no"
    if _is_number(value):
        assert isinstance(value, (int, float))
        return format_number(_number(value, percent).normalize()) + ("%" if percent else "")
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    return str(value)


def _reading(cell: Any) -> Reading | None:
    """A number cell's value (a percentage cell's fraction in percent points); None for text."""
    value = cell.value
    if not _is_number(value):
        return None
    percent = _percent(cell)
    number = _number(value, percent)
    return Reading(_as_text(value, percent), percent, number, number)
