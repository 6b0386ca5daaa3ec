"""CSV that Italian Excel opens as it is and safely: a byte-order mark, CRLF, ids kept as text,
and no text cell that a spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import io
import re

from cruscotto_cli.encoding import printable

# Without the mark Excel reads UTF-8 as Windows-1252: "Unità" would show as "UnitÃ ".
BOM = "\ufeff"
# What makes a spreadsheet read a cell as a formula (OWASP, CSV injection), fullwidth forms
# included.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
# A lone number, signed or not ("-10,10%", "-11,4", "+5"): a spreadsheet reads it as a constant.
_NUMBER = re.compile(r"[+-]?[0-9]+(?:[.,\u00a0\u202f ][0-9]+)*(?: ?%)?")
_SAFE_KEY = re.compile(r"[A-Za-z0-9._-]+")


class ExcelFormula(str):
    """A cell that the tool itself writes as an Excel formula, on purpose: `="9.10"`."""


def excel_text(key: str) -> str:
    """An id that looks like a number, as an Excel text formula: `9.10` -> `="9.10"`.

    Opened as it is, Excel would read 9.10 as the number 9,1 (the key of another indicator) or
    as a date. The actuals reader takes `="9.10"` as `9.10`. Only plain ids are wrapped, so that
    nothing of the key can close the quotes.
    """
    return ExcelFormula(f'="{key}"') if key[:1].isdigit() and _SAFE_KEY.fullmatch(key) else key


def neutral(cell: object) -> object:
    """A text cell a spreadsheet would run (`=HYPERLINK(...)`, `@SUM(...)`, `-1+cmd`) prefixed
    with `'`, as OWASP recommends; numbers and the tool's own `="9.10"` ids are left as they are.
    Control characters are shown escaped, never written raw."""
    if isinstance(cell, ExcelFormula) or not isinstance(cell, str):
        return cell
    if cell.startswith(FORMULA_START) and not _NUMBER.fullmatch(cell):
        return "'" + printable(cell)
    return printable(cell)


def to_csv(rows: list[list[object]], delimiter: str = ";") -> str:
    """The rows as CSV text for Excel: the mark first, CRLF line ends, every cell `neutral`."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerows([neutral(cell) for cell in row] for row in rows)
    return BOM + out.getvalue()
