"""The formats a data-collection sheet is written in: format name -> writer, and by extension."""

from __future__ import annotations

from collections.abc import Callable

from cruscotto_cli.actuals.collection import Collection, Sheet


def _csv(collection: Collection, sheet: Sheet) -> bytes:
    from cruscotto_cli.actuals.template_csv import template_csv

    return template_csv(collection.plan, sheet.rows, collection.reminder).encode("utf-8")


def _xlsx(collection: Collection, sheet: Sheet) -> bytes:
    from cruscotto_cli.actuals.template_xlsx import template_xlsx

    return template_xlsx(collection, sheet)


# Format name -> writer; the CLI's --format choices come from these keys.
WRITERS: dict[str, Callable[[Collection, Sheet], bytes]] = {"csv": _csv, "xlsx": _xlsx}
EXTENSIONS = {".csv": "csv", ".xlsx": "xlsx"}
