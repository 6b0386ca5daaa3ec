"""Excel workbooks: openpyxl (an optional extra), string cells, the same bytes for the same data."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

from cruscotto_cli.diagnostics import MissingExtraError
from cruscotto_cli.encoding import printable

INSTALL = "pip install 'cruscotto[xlsx]'"
# The keywords of a workbook written by `cruscotto template`, by which the reader knows its layout.
TEMPLATE_KEYWORDS = "cruscotto, raccolta dati"


def new_workbook() -> Any:
    """An empty openpyxl Workbook; MissingExtraError (exit 2) when openpyxl is not installed."""
    try:
        from openpyxl import Workbook  # type: ignore[import-untyped,unused-ignore]
    except ImportError:
        raise MissingExtraError(f"XLSX needs openpyxl: {INSTALL}") from None
    return Workbook()


def stable_bytes(book: Any, date: dt.date) -> bytes:
    """The workbook's bytes, the same for the same data: openpyxl's `save` stamps the time of
    saving into the properties and the zip entries, so write with its writer and re-zip."""
    from openpyxl.writer.excel import ExcelWriter  # type: ignore[import-untyped,unused-ignore]

    book.properties.created = book.properties.modified = dt.datetime.combine(date, dt.time())
    raw = io.BytesIO()
    ExcelWriter(book, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED)).save()
    stable = io.BytesIO()
    with (
        zipfile.ZipFile(raw) as source,
        zipfile.ZipFile(stable, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            entry = zipfile.ZipInfo(
                item.filename, date_time=(date.year, date.month, date.day, 0, 0, 0)
            )
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(item))
    return stable.getvalue()


def text_cell(cell: Any, text: str) -> Any:
    """The cell holding `text` as a string, whatever it starts with: never a formula or a link.

    Characters a workbook cannot hold (controls) are shown as `\\x07` instead of failing.
    """
    cell.value = printable(text)
    cell.data_type = "s"
    return cell
