"""CSV that Italian Excel opens as it is: a byte-order mark, CRLF, and ids kept as text."""

from __future__ import annotations

import csv
import io

# Without the mark Excel reads UTF-8 as Windows-1252: "Unità" would show as "UnitÃ ".
BOM = "\ufeff"


def excel_text(key: str) -> str:
    """An id that looks like a number, as an Excel text formula: `9.10` -> `="9.10"`.

    Opened as it is, Excel would read 9.10 as the number 9,1 (the key of another indicator) or
    as a date. The actuals reader takes `="9.10"` as `9.10`.
    """
    return f'="{key}"' if key[:1].isdigit() else key


def to_csv(rows: list[list[object]], delimiter: str = ";") -> str:
    """The rows as CSV text for Excel: the mark first, CRLF line ends."""
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return BOM + out.getvalue()
