"""Read an actuals folder: every CSV file and workbook, into typed values that keep their place."""

from __future__ import annotations

import datetime as dt
import gc
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

from cruscotto_cli.actuals.conventions import (
    COMMA,
    Convention,
    NumberProblem,
    Reading,
    read_number,
    settle,
)
from cruscotto_cli.actuals.csvfile import (
    DATE,
    FIRST_LINE,
    KEY,
    NOTE,
    REASON,
    REQUIRED,
    SOURCE,
    VALUE,
    YEAR,
    column_roles,
    delimiter_and_text,
    delimiter_of,
    no_header,
    read_records,
    read_text,
)
from cruscotto_cli.actuals.dated import row_date
from cruscotto_cli.actuals.files import scan
from cruscotto_cli.actuals.plausible import Plausible, count_unit, percent_floor
from cruscotto_cli.actuals.values import Actual, Actuals, InvalidActuals, Reason
from cruscotto_cli.diagnostics import Diagnostic, quote
from cruscotto_cli.numbers import MAX_DIGITS, format_number
from cruscotto_cli.plan.loaded import Plan
from cruscotto_cli.plan.model import Indicator, Value, ValueKind
from cruscotto_cli.suggest import did_you_mean

# --- what each key accepts -------------------------------------------------------------------

YES = frozenset({"sì", "si", "yes", "y", "true", "vero", "1"})
NO = frozenset({"no", "n", "false", "falso", "0"})
_YES_NO = "expected yes or no: sì, si, yes, y, true, vero, 1 or no, n, false, falso, 0"
_NAME = re.compile(r"[A-Za-z_]\w*")
_EXCEL_TEXT = re.compile(r'="(.*)"')  # how `template` keeps Excel from reading "1.10" as a number


_ANY = Plausible()  # no rule beyond the kind


@dataclass(frozen=True, slots=True)
class _Spec:
    """What a key's value must be: its kind, its unit, and the measures of a computed indicator."""

    kind: ValueKind
    unit: str
    computed_from: tuple[str, ...] = ()
    plausible: Plausible = _ANY


def _specs(plan: Plan) -> dict[str, _Spec]:
    specs = {
        m.id: _Spec(ValueKind.NUMBER, m.unit, plausible=Plausible(count_unit(m.unit)))
        for m in plan.header.measures
    }
    levels = ", ".join(s.level.lower() for s in plan.header.scale)
    for indicator in plan.indicators():
        formula = indicator.formula
        names = formula.measures | formula.previous if formula else frozenset()
        used = (
            tuple(dict.fromkeys(n for n in _NAME.findall(formula.text) if n in names))
            if formula
            else ()
        )
        rules = _plausible(indicator, plan.header.score_range, levels)
        specs[indicator.id] = _Spec(indicator.kind, indicator.unit, used, rules)
    return specs


def _plausible(
    indicator: Indicator, scores: tuple[Decimal, Decimal] | None, levels: str
) -> Plausible:
    if indicator.kind is ValueKind.LEVEL:
        return Plausible(scores=scores, levels=levels)
    if indicator.kind is ValueKind.NUMBER:
        return Plausible(count_unit(indicator.unit), percent_floor(indicator))
    return _ANY


# --- one file's rows -------------------------------------------------------------------------


@dataclass(frozen=True)
class _File:
    """One file being read: its path, where each column is (0-based), its decimal separator."""

    path: str
    key_at: int
    year_at: int
    value_at: int
    source_at: int | None
    note_at: int | None
    reason_at: int | None = None
    date_at: int | None = None
    convention: Convention = field(default_factory=Convention)
    semicolon: bool = False  # a ";" file: its commas are decimal commas
    sheet: str | None = None  # a workbook's sheet, whose cells are typed
    kinds: Mapping[int, str] = field(default_factory=dict)  # a sheet's date, time, TRUE cells

    @classmethod
    def of(
        cls,
        path: str,
        roles: dict[str, int],
        sheet: str | None = None,
        kinds: Mapping[int, str] | None = None,
    ) -> _File:
        optional = (roles.get(SOURCE), roles.get(NOTE), roles.get(REASON), roles.get(DATE))
        cells = dict(kinds or {})
        return cls(path, roles[KEY], roles[YEAR], roles[VALUE], *optional, sheet=sheet, kinds=cells)

    def cell_kind(self, row: int) -> str | None:
        """What a row's value cell is in a workbook (`a text cell`, `a date cell`); None in CSV."""
        return self.kinds.get(row, "a text cell") if self.sheet is not None else None

    @property
    def label(self) -> str:
        """The file as values name their source: `a.csv`, `b.xlsx[Raccolta 2025]`."""
        return self.path if self.sheet is None else f"{self.path}[{self.sheet}]"

    def problem(self, row: int, index: int, message: str, code: str) -> Diagnostic:
        return Diagnostic(self.path, row, index + 1, message, code, self.sheet)

    def where(self, row: int, index: int) -> str:
        """A row's place in a message: `a.csv:7`, or a workbook's cell `b.xlsx[S]!A7`."""
        if self.sheet is None:
            return f"{self.path}:{row}"
        return self.problem(row, index, "", "").where


def _optional(cells: list[str], index: int | None) -> str | None:
    return (cells[index].strip() or None) if index is not None else None


@dataclass
class _Loader:
    """The state of one load: the plan's keys, and what was read so far across files."""

    specs: dict[str, _Spec]
    levels: dict[str, str]
    banded: bool
    years: range
    values: dict[tuple[str, int], Actual] = field(default_factory=dict)
    dated: dict[tuple[str, int], list[Actual]] = field(default_factory=dict)
    reasons: dict[tuple[str, int], Reason] = field(default_factory=dict)
    seen: dict[tuple[str, int, dt.date | None], tuple[str, str]] = field(default_factory=dict)
    problems: list[Diagnostic] = field(default_factory=list)
    refused: dict[tuple[str, int], Diagnostic] = field(default_factory=dict)  # values not usable
    # Most cells are written plainly: these find them with one lookup; the methods do the rest.
    direct: dict[str, _Spec] = field(init=False)
    year_of: dict[str, int] = field(init=False)

    def __post_init__(self) -> None:
        self.direct = {key: spec for key, spec in self.specs.items() if not spec.computed_from}
        self.year_of = {str(year): year for year in self.years}

    def workbook(self, path: Path) -> None:
        """Each sheet's rows, typed as Excel stored them, through the same rules as a CSV's."""
        from cruscotto_cli.actuals.workbook import read_workbook

        tables, problems = read_workbook(path)
        self.problems += problems
        for table in tables:
            if all(role in table.roles for role in REQUIRED):
                file = _File.of(str(path), table.roles, table.sheet, table.kinds)
                for row, cells, reading in table.rows:
                    self.record(file, row, cells, reading)

    def csv(self, path: Path) -> None:
        name, read = str(path), read_text(path, "csv-file")
        if isinstance(read, Diagnostic):
            self.problems.append(read)
            return
        delimiter, text = delimiter_and_text(read, delimiter_of)
        if delimiter is None:
            self.problems.append(no_header(name, text, FIRST_LINE.split(text, maxsplit=1)[0]))
            return
        records, unreadable = read_records(name, text, delimiter)
        header = records[0][1] if records else []
        roles, unknown = column_roles(name, header)
        self.problems += unreadable + unknown
        if all(role in roles for role in REQUIRED):
            self.rows(_File.of(name, roles), delimiter, len(header), records[1:])

    def rows(
        self, file: _File, delimiter: str, width: int, records: list[tuple[int, list[str]]]
    ) -> None:
        value_at, semicolon = file.value_at, delimiter == ";"
        readings = [
            read_number(cells[value_at], semicolon) if len(cells) == width else None
            for _, cells in records
        ]
        rows = (row for row, _ in records)
        convention = settle(zip(rows, readings, strict=True), COMMA if semicolon else None)
        file = replace(file, convention=convention, semicolon=semicolon)
        for (row, cells), reading in zip(records, readings, strict=True):
            if len(cells) != width:
                self.problems.append(
                    file.problem(row, 0, _width_message(len(cells), width, delimiter), "csv-row")
                )
            else:
                self.record(file, row, cells, reading)

    def record(self, file: _File, row: int, cells: list[str], reading: Reading | None) -> None:
        """A row of a file's columns: its value, or only the reason of a miss."""
        if cells[file.value_at].strip():
            self.row(file, row, cells, reading)
        elif file.reason_at is not None and cells[file.reason_at].strip():
            self.reason_only(file, row, cells)

    def row(self, file: _File, row: int, cells: list[str], reading: Reading | None) -> None:
        cell = cells[file.key_at]
        key, spec = (cell, self.direct[cell]) if cell in self.direct else self.key(file, row, cell)
        year = self.year_of.get(cells[file.year_at]) or self.year(file, row, cells[file.year_at])
        if spec is None:
            return
        text = cells[file.value_at]
        day, dated = self.day(file, row, cells, year)
        if not dated or (year is not None and self.duplicate(file, row, key, (year, day), text)):
            year = None
        try:
            value = self.value(key, spec, text, reading, file, row)
        except NumberProblem as problem:
            message = f"value {quote(text)} for {key}: {problem.message}"
            self.problems.append(file.problem(row, file.value_at, message, problem.code))
            if year is not None:
                self.refused.setdefault((key, year), self.problems[-1])
            return
        if year is not None:
            source, note = _optional(cells, file.source_at), _optional(cells, file.note_at)
            reason = _optional(cells, file.reason_at)
            found = Actual(
                key,
                year,
                value,
                text,
                source,
                note,
                file.label,
                row,
                file.value_at + 1,
                day,
                reason,
            )
            if day is None:
                self.values[key, year] = found
                self.explain(file, found.row, key, year, reason)
            else:
                self.dated.setdefault((key, year), []).append(found)

    def day(
        self, file: _File, row: int, cells: list[str], year: int | None
    ) -> tuple[dt.date | None, bool]:
        """The row's date (None: the year-end value); False when it is no date of its year."""
        text = cells[file.date_at] if file.date_at is not None else ""
        if not text.strip() or year is None:
            return None, True
        found = row_date(text, year)
        if isinstance(found, str):
            self.problems.append(file.problem(row, file.date_at or 0, found, "csv-date"))
            return None, False
        return found, True

    def reason_only(self, file: _File, row: int, cells: list[str]) -> None:
        """A row with a reason and no value: it explains a miss, of a computed indicator too."""
        key = _unwrapped(cells[file.key_at])
        spec = self.specs.get(key) if key else None
        if spec is None or spec.computed_from == ():
            key, spec = self.key(file, row, cells[file.key_at])
        year = self.year_of.get(cells[file.year_at]) or self.year(file, row, cells[file.year_at])
        day, dated = self.day(file, row, cells, year)
        if spec is not None and year is not None and dated and day is None:
            self.explain(file, row, key, year, _optional(cells, file.reason_at))

    def explain(self, file: _File, row: int, key: str, year: int, reason: str | None) -> None:
        if reason is None or file.reason_at is None:
            return
        first = self.reasons.setdefault(
            (key, year), Reason(key, year, reason, file.label, row, file.reason_at + 1)
        )
        if (first.path, first.row) != (file.label, row):
            message = (
                f"the reason for {key} in {year} is already given at {first.path}:{first.row}; "
                "give it once"
            )
            self.problems.append(file.problem(row, file.reason_at, message, "csv-duplicate"))

    def key(self, file: _File, row: int, cell: str) -> tuple[str, _Spec | None]:
        key = _unwrapped(cell)
        spec = self.specs.get(key)
        message = ""
        if spec is None and key:
            message = f'unknown indicator or measure "{key}"{did_you_mean(key, self.specs)}'
        elif spec is None:
            message = "missing key: expected an indicator or a measure"
        elif spec.computed_from:
            those = "that measure" if len(spec.computed_from) == 1 else "those measures"
            names = ", ".join(spec.computed_from)
            message = (
                f"indicator {key} is computed from its formula ({names}): report {those} instead"
            )
        if message:
            self.problems.append(file.problem(row, file.key_at, message, "csv-key"))
            return key, None
        return key, spec

    def year(self, file: _File, row: int, cell: str) -> int | None:
        text = cell.strip()
        if len(text) == 4 and text.isascii() and text.isdigit() and int(text) in self.years:
            return int(text)
        first, last = self.years.start, self.years.stop - 1
        expected = f"expected a year from {first} to {last} ({first} for the previous-year values)"
        message = f"year {quote(text, 20)}: {expected}"
        if not text:
            merged = " or merged with another" if file.sheet is not None else ""
            message = (
                f"year: the cell is empty{merged}; write the year in each row, from {first} to "
                f"{last} ({first} for the previous-year values)"
            )
        self.problems.append(file.problem(row, file.year_at, message, "csv-year"))
        return None

    def duplicate(
        self, file: _File, row: int, key: str, when: tuple[int, dt.date | None], text: str
    ) -> bool:
        """Whether (key, year, date) was given before; the problem is placed on the later row."""
        year, day = when
        place = file.where(row, file.key_at)
        first, first_text = self.seen.setdefault((key, year, day), (place, text))
        if first == place:
            return False
        period = f"{day:%d/%m/%Y}" if day else str(year)
        message = (
            f'{key} for {period} is given twice: "{text.strip()}" here and "{first_text.strip()}" '
            f"at {first}; give each value once"
        )
        self.problems.append(file.problem(row, file.key_at, message, "csv-duplicate"))
        return True

    def value(
        self, key: str, spec: _Spec, text: str, reading: Reading | None, file: _File, row: int
    ) -> Value:
        """The typed value; NumberProblem says why the text does not fit the key."""
        if spec.kind is ValueKind.YESNO:
            return _yes_no(text)
        if spec.kind is ValueKind.LEVEL and reading is None and not _foreign_digit(text):
            return self.level(text)
        if reading is None:
            raise _not_a_number(text, spec, file.semicolon, file.cell_kind(row))
        if reading.percent and spec.unit != "%":
            message = (
                f'"%" is only for values in %, and {key} is measured in "{spec.unit}"; '
                'write it without "%"'
            )
            raise NumberProblem(message, "csv-kind")
        if (digits := sum(c.isdigit() for c in reading.text)) > MAX_DIGITS:
            message = f"{digits} digits; the limit is {MAX_DIGITS}"
            raise NumberProblem(message, "csv-number")
        if spec.kind is ValueKind.LEVEL and not self.banded:
            levels = ", ".join(self.levels.values())
            raise NumberProblem(
                f"the plan's scale has no bands to read a score; write a level: {levels}",
                "csv-kind",
            )
        number = file.convention.value(reading)
        spec.plausible.check(reading, number)
        return number

    def level(self, text: str) -> str:
        word = unicodedata.normalize("NFC", text.strip()).casefold()
        if word in self.levels:
            return self.levels[word]
        levels = ", ".join(self.levels.values())
        score = " or a score" if self.banded else ""
        hint = did_you_mean(word, self.levels.values())
        raise NumberProblem(f"expected a level of the scale ({levels}){score}{hint}", "csv-kind")


def _unwrapped(cell: str) -> str:
    key = cell.strip()
    wrapped = _EXCEL_TEXT.fullmatch(key) if key.startswith("=") else None
    return wrapped.group(1).strip() if wrapped else key


def _yes_no(text: str) -> bool:
    word = unicodedata.normalize("NFC", text.strip()).casefold()
    if word in YES:
        return True
    if word in NO:
        return False
    raise NumberProblem(_YES_NO, "csv-kind")


def _foreign_digit(text: str) -> str | None:
    """The first digit other than 0-9 (Arabic-Indic, fullwidth...): numbers use ASCII digits."""
    return next((c for c in text if c.isdigit() and not c.isascii()), None)


def _not_a_number(text: str, spec: _Spec, semicolon: bool, cell: str | None) -> NumberProblem:
    """Why the text is not a number; `cell` says what a workbook's cell is (None in a CSV)."""
    if cell == "a text cell" and not text.strip().startswith("#"):
        message = (
            f'a text cell, not a number in "{spec.unit}": type the number in the cell as a number '
            "(not as text, without a leading apostrophe)"
        )
        return NumberProblem(message, "xlsx-kind")
    if cell is not None and cell != "a text cell":
        message = (
            f'{cell}, not a number in "{spec.unit}": format the cell as a number and type the '
            "value again"
        )
        return NumberProblem(message, "xlsx-kind")
    if text.strip().startswith("#"):
        return NumberProblem(
            "an Excel error, not a number; put the measured value in the cell", "csv-kind"
        )
    if other := _foreign_digit(text):
        message = f'"{other}" is not one of the digits 0-9; write the number with 0-9 only'
        return NumberProblem(message, "csv-number")
    as_point = read_number(text) if semicolon and "," in text else None
    if as_point is not None and as_point.point is not None:
        written = format_number(as_point.point) + ("%" if as_point.percent else "")
        message = (
            'in a ";"-separated file the comma is the decimal separator (as Italian Excel '
            f"writes it), so this is not a number; write {written}"
        )
        return NumberProblem(message, "csv-number")
    code = "csv-number" if any(c.isdigit() for c in text) else "csv-kind"
    return NumberProblem(
        f'expected a number in "{spec.unit}" (leave the cell empty if not known yet)', code
    )


def _width_message(count: int, width: int, delimiter: str) -> str:
    unquoted = delimiter == "," and count > width
    hint = ' (in a ","-separated file a decimal comma needs quotes: "12,5")' if unquoted else ""
    return f"{count} fields, but the header has {width} columns{hint}"


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Reading allocates a few small acyclic objects a cell; the cycle collector, run on every few
    hundred of them, would walk a large plan each time and cost more than the reading itself."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


# The reader of each suffix that is read; an entry of any other suffix gets a notice.
READERS: dict[str, Callable[[_Loader, Path], None]] = {
    ".csv": _Loader.csv,
    ".xlsx": _Loader.workbook,
}


def _date_of(actual: Actual) -> dt.date:
    return actual.date or dt.date.max


def read_folder(folder: Path, plan: Plan, key: str) -> Actuals:
    """Every file of `folder` with a reader, and a notice for every other entry; InvalidActuals
    carries every problem of every file, the notices, and what could be read. `key` is the
    content key the actuals are cached under ("" when they are not)."""
    levels = {s.level.casefold(): s.level.lower() for s in plan.header.scale}
    banded = any(s.from_ is not None for s in plan.header.scale)
    period = plan.header.period
    years = range(period.first - 1, period.last + 1)
    loader = _Loader(_specs(plan), levels, banded, years)
    found = scan(folder, READERS)
    with _collector_paused():
        for path in found.read:
            READERS[path.suffix.lower()](loader, path)
    dated = {k: tuple(sorted(v, key=_date_of)) for k, v in loader.dated.items()}
    actuals = Actuals(loader.values, found.read, dated, loader.reasons, found.notices, source=key)
    if loader.problems:
        raise InvalidActuals(loader.problems, found.notices, actuals, loader.refused)
    return actuals
