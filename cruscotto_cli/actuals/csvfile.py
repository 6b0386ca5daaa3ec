"""A CSV file as Italian Excel writes it: encoding, delimiter, header and records."""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Callable
from pathlib import Path

from cruscotto_cli.diagnostics import Diagnostic
from cruscotto_cli.suggest import did_you_mean

# --- the header ------------------------------------------------------------------------------

KEY, YEAR, VALUE, SOURCE, NOTE, INFO = "key", "year", "value", "source", "note", "info"
REASON, DATE = "reason", "date"
COLUMNS = {
    **dict.fromkeys(("indicatore", "indicator", "misura", "measure", "chiave", "key"), KEY),
    **dict.fromkeys(("anno", "year"), YEAR),
    **dict.fromkeys(("valore", "value"), VALUE),
    **dict.fromkeys(("fonte", "source"), SOURCE),
    **dict.fromkeys(("nota", "note"), NOTE),
    **dict.fromkeys(("motivazione", "reason"), REASON),
    **dict.fromkeys(("data", "periodo", "date", "period"), DATE),
    # Written by `cruscotto template` for the reader's sake; their content is the plan's.
    **dict.fromkeys(("nome", "name", "ufficio", "office", "owner", "unità", "unita", "unit"), INFO),
    **dict.fromkeys(("area", "target", "valore anno precedente", "previous year value"), INFO),
    **dict.fromkeys(("stato", "status"), INFO),
}
ACCEPTED = (
    "indicatore/misura/chiave, anno, valore, motivazione, data/periodo, fonte, nota, nome, "
    "ufficio, unità, area, target, valore anno precedente, stato, or in English "
    "indicator/measure/key, year, value, reason, date/period, source, note, name, office/owner, "
    "unit, area, target, previous year value, status"
)
REQUIRED = {
    KEY: '"indicatore" (or "misura", "chiave", "indicator", "measure", "key")',
    YEAR: '"anno" (or "year")',
    VALUE: '"valore" (or "value")',
}
_DELIMITERS = (";", ",", "\t")
FIRST_LINE = re.compile(r"\r\n|\r|\n")
# Excel's hint line, written by some exports before the header: "sep=;" names the delimiter.
_SEP_LINE = re.compile(r"sep=([;,\t])[ ]*")


def read_text(path: Path, code: str) -> str | Diagnostic:
    """The file's text as Italian Excel wrote it (see `decode`), or the problem that stops it."""
    try:
        return decode(str(path), path.read_bytes())
    except OSError as exc:
        return Diagnostic(str(path), 0, 0, f"cannot read the file: {exc.strerror}", code)


def delimiter_and_text(
    text: str, delimiter_of: Callable[[str], str | None]
) -> tuple[str | None, str]:
    """The file's delimiter and the text to read: the one a first line `sep=;` names (that line
    left blank, so that rows keep their numbers), else the one `delimiter_of` finds in the header
    (None when the first line names no known column)."""
    first = FIRST_LINE.split(text, maxsplit=1)[0]
    if found := _SEP_LINE.fullmatch(first):
        return found.group(1), text[len(first) :]
    return delimiter_of(first), text


def split_line(line: str, delimiter: str) -> list[str]:
    return next(csv.reader([line], delimiter=delimiter), [])


def delimiter_of(first_line: str) -> str | None:
    """The delimiter under which the header names known columns; None when none does."""

    def score(delimiter: str) -> tuple[bool, int]:
        names = [n.strip().casefold() for n in split_line(first_line, delimiter) if n.strip()]
        known = sum(n in COLUMNS for n in names)
        return known == len(names), known

    best = max(_DELIMITERS, key=score)  # max keeps the first of equals: ";" before "," before tab
    return best if score(best)[1] else None


def column_roles(path: str, header: list[str]) -> tuple[dict[str, int], list[Diagnostic]]:
    """The index of each role's column, and a problem for every unknown, repeated or missing one."""
    roles: dict[str, int] = {}
    problems: list[Diagnostic] = []
    for index, cell in enumerate(header):
        name = cell.strip()
        role = COLUMNS.get(name.casefold())
        if not name or role == INFO:
            continue
        if role is None:
            message = (
                f'unknown column "{name}"{did_you_mean(name, COLUMNS)}; accepted columns: '
                f"{ACCEPTED}"
            )
            problems.append(Diagnostic(path, 1, index + 1, message, "csv-header"))
        elif role in roles:
            first = header[roles[role]].strip()
            message = f'column "{name}" repeats column {roles[role] + 1} ("{first}"); keep one'
            problems.append(Diagnostic(path, 1, index + 1, message, "csv-header"))
        else:
            roles[role] = index
    for role, name in REQUIRED.items():
        if role not in roles:
            problems.append(Diagnostic(path, 1, 1, f"missing column {name}", "csv-header"))
    return roles, problems


# --- reading a file --------------------------------------------------------------------------

_EXCEL_HINT = 'save it from Excel as "CSV UTF-8" or "CSV (delimitato dal separatore di elenco)"'


# A well-formed multi-byte UTF-8 sequence. Windows-1252 text almost never holds one (it would take
# a capital such as "Ã" followed by "©"), so a file that holds one is UTF-8, and is read as such.
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)


_LINE_BREAK = re.compile(rb"\r\n|\r|\n")


def decode(path: str, data: bytes) -> str | Diagnostic:
    """UTF-8 (with or without BOM), else Windows-1252 as Italian Excel writes it: one or the other
    for the whole file. A file with a UTF-8 mark or any UTF-8 sequence is UTF-8, and a byte that
    is not UTF-8 in it is refused with its place, not read with the whole file as Windows-1252."""
    if data.startswith((b"PK\x03\x04", b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data:
        message = f"not CSV text (an Excel workbook, or UTF-16 text?); {_EXCEL_HINT}"
        return Diagnostic(path, 1, 1, message, "csv-encoding")
    bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[bom:].decode("utf-8")
    except UnicodeDecodeError as exc:
        at = bom + exc.start
        if bom:  # marked as UTF-8: not to be read as anything else
            return _undecodable(
                path, data, at, "is not UTF-8, though the file starts with a UTF-8 mark"
            )
        if sequence := _UTF8_SEQUENCE.search(data):
            return _undecodable(path, data, at, _mixed(data, sequence.start()))
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        return _undecodable(path, data, exc.start, "is neither UTF-8 nor Windows-1252 text")


def _mixed(data: bytes, utf8_at: int) -> str:
    line, column = _place(data, utf8_at)
    char = data[utf8_at:].decode("utf-8", "ignore")[:1]
    return (
        f'is not UTF-8, though the file is UTF-8 elsewhere ("{char}" at line {line}, column '
        f"{column}): a file is UTF-8 or Windows-1252 throughout, never both"
    )


def _place(data: bytes, at: int) -> tuple[int, int]:
    """The 1-based line and column (in characters of the line read as UTF-8) of a byte offset."""
    lines = _LINE_BREAK.split(data[:at].removeprefix(codecs.BOM_UTF8))
    return len(lines), len(lines[-1].decode("utf-8", "replace")) + 1


def _undecodable(path: str, data: bytes, at: int, what: str) -> Diagnostic:
    line, column = _place(data, at)
    return Diagnostic(
        path, line, column, f"byte 0x{data[at]:02X} {what}; {_EXCEL_HINT}", "csv-encoding"
    )


Records = list[tuple[int, list[str]]]


def read_records(path: str, text: str, delimiter: str) -> tuple[Records, list[Diagnostic]]:
    """Each non-blank record with the line it starts on (a quoted cell may span lines), and the
    problem that stopped the reading, if any."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records: Records = []
    start = 1
    try:
        for cells in reader:
            if "".join(cells).strip():
                records.append((start, cells))
            start = reader.line_num + 1
    except csv.Error as exc:
        return records, [Diagnostic(path, start, 1, f"unreadable row: {exc}", "csv-row")]
    return records, []


def no_header(path: str, text: str, first_line: str) -> Diagnostic:
    if not text.strip():
        message = (
            'empty file: expected a header such as "indicatore;anno;valore", then one value a row'
        )
    elif not first_line.strip():
        message = (
            'empty first line: the file must start with a header such as "indicatore;anno;valore"'
        )
    else:
        message = (
            f'no header: "{first_line}" names no known column; start the file with a line such as '
            f'"indicatore;anno;valore"; accepted columns: {ACCEPTED}'
        )
    return Diagnostic(path, 1, 1, message, "csv-header")
