"""The data-collection sheet as a protected workbook: only the value cells open, each one checked.

Every text is written as a string cell, so that no name, target or value becomes a formula or a
link; the actuals reader recognises the layout (`HEADER_ROW`) and reads the filled workbook back.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from cruscotto_cli import __version__
from cruscotto_cli.actuals.collection import Collection, Sheet
from cruscotto_cli.actuals.template import COUNT, LEVEL, SHARE, YES_NO, TemplateRow
from cruscotto_cli.actuals.template_words import CHECKS, instructions, sheet_title, subtitle
from cruscotto_cli.xlsxfile import TEMPLATE_KEYWORDS, new_workbook, stable_bytes, text_cell

HEADER_ROW = 5  # rows 1-3 say what the sheet is; the reader finds the header by its names
# (header, width, filled by the office)
COLUMNS = (
    ("chiave", 30, False),
    ("anno", 6, False),
    ("area", 5, False),
    ("nome", 48, False),
    ("ufficio", 18, False),
    ("unità", 8, False),
    ("target", 16, False),
    ("valore anno precedente", 12, False),
    ("valore", 12, True),
    ("motivazione", 32, True),
    ("fonte", 12, True),
    ("nota", 20, True),
)
LINE = 15  # points of one line of text, for the height of wrapped rows
STATUS = ("stato", 40, False)  # a reminder's last column: why the value is still owed
VALUE_COLUMN = 1 + [name for name, _, _ in COLUMNS].index("valore")
PERCENT = "0.0%"
HEADER_FILL, OPEN_FILL = "D9E1F2", "FFF2CC"


def template_xlsx(collection: Collection, sheet: Sheet) -> bytes:
    book = new_workbook()
    data = book.active
    data.title = sheet_title(collection)
    _heading(data, collection, sheet)
    _table(data, collection, sheet.rows)
    _protect(data, collection.password)
    _instructions(book.create_sheet("Istruzioni"), collection, sheet)
    _properties(book, collection, sheet)
    return stable_bytes(book, collection.date)


def _heading(data: Any, collection: Collection, sheet: Sheet) -> None:
    from openpyxl.styles import Font  # type: ignore[import-untyped,unused-ignore]

    header = collection.plan.header
    title = f"{header.entity} · {header.title}" if header.entity else header.title
    text_cell(data.cell(1, 1), title).font = Font(bold=True, size=14)
    text_cell(data.cell(2, 1), subtitle(collection, sheet.office_name(collection.plan)))
    data.cell(2, 1).font = Font(bold=True)
    hint = (
        "Compilare le celle gialle (valore, motivazione, fonte, nota): "
        "istruzioni nel foglio «Istruzioni»."
    )
    text_cell(data.cell(3, 1), hint)


def _columns(collection: Collection) -> tuple[tuple[str, int, bool], ...]:
    return (*COLUMNS, STATUS) if collection.reminder else COLUMNS


def _table(data: Any, collection: Collection, rows: Any) -> None:
    from openpyxl.styles import (  # type: ignore[import-untyped,unused-ignore]
        Alignment,
        Font,
        PatternFill,
        Protection,
    )
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped,unused-ignore]

    columns = _columns(collection)
    for column, (name, width, _) in enumerate(columns, start=1):
        cell = text_cell(data.cell(HEADER_ROW, column), name)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", start_color=HEADER_FILL, end_color=HEADER_FILL)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        data.column_dimensions[get_column_letter(column)].width = width
    data.row_dimensions[HEADER_ROW].height = 2 * LINE
    opened = PatternFill("solid", start_color=OPEN_FILL, end_color=OPEN_FILL)
    for number, row in enumerate(rows, start=HEADER_ROW + 1):
        _row(data, number, collection, row)
        for column, (_, _, filled) in enumerate(columns, start=1):
            if filled:
                data.cell(number, column).protection = Protection(locked=False)
                data.cell(number, column).fill = opened
    _validations(data, collection, rows)
    _page(data)
    data.freeze_panes = data.cell(HEADER_ROW + 1, 2).coordinate
    last = get_column_letter(len(columns))
    data.auto_filter.ref = f"A{HEADER_ROW}:{last}{HEADER_ROW + max(len(rows), 1)}"


def _page(data: Any) -> None:
    """Printed landscape, one page wide, the header row repeated on every page."""
    data.page_setup.orientation = "landscape"
    data.page_setup.paperSize = data.PAPERSIZE_A4
    data.page_setup.fitToWidth, data.page_setup.fitToHeight = 1, 0
    data.sheet_properties.pageSetUpPr.fitToPage = True
    data.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"


def _row(data: Any, number: int, collection: Collection, row: TemplateRow) -> None:
    from openpyxl.styles import Alignment  # type: ignore[import-untyped,unused-ignore]

    wrap = Alignment(wrap_text=True, vertical="top")
    centred = Alignment(wrap_text=True, vertical="top", horizontal="center")
    plan = collection.plan
    texts = [row.key, None, ", ".join(row.areas), row.name, plan.office_name(row.office)]
    texts += [row.unit, "; ".join(row.targets)]
    texts += [None] * (len(COLUMNS) - len(texts)) + [row.status]
    columns = _columns(collection)
    for column, text in enumerate(texts[: len(columns)], start=1):
        if text is not None:
            text_cell(data.cell(number, column), text)
        data.cell(number, column).alignment = centred if column in (2, 3) else wrap
    lines = [_lines(t, columns[i][1]) for i, t in enumerate(texts[: len(columns)]) if t]
    data.row_dimensions[number].height = LINE * max(lines)
    data.cell(number, 2).value = row.year
    previous = data.cell(number, 8)
    _typed(previous, row.previous, row.unit)
    if row.unit == "%":
        data.cell(number, VALUE_COLUMN).number_format = PERCENT


def _lines(text: str, width: int) -> int:
    """The lines a wrapped text takes in a column of `width` characters (a generous guess)."""
    return -(-len(text) * 10 // (width * 11))


def _typed(cell: Any, value: Decimal | str | bool | None, unit: str) -> None:
    """A number as a number (a percentage as its fraction, shown with %), a word as text."""
    if isinstance(value, bool):
        text_cell(cell, "sì" if value else "no")
    elif isinstance(value, Decimal):
        cell.value = float(value / 100) if unit == "%" else float(value)
        cell.number_format = PERCENT if unit == "%" else "General"
    elif value is not None:
        text_cell(cell, value)


def _validations(data: Any, collection: Collection, rows: Any) -> None:
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped,unused-ignore]
    from openpyxl.worksheet.datavalidation import (  # type: ignore[import-untyped,unused-ignore]
        DataValidation,
    )

    letter = get_column_letter(VALUE_COLUMN)
    levels = [s.level.lower() for s in collection.plan.header.scale]
    checks: dict[str, Any] = {}
    for number, row in enumerate(rows, start=HEADER_ROW + 1):
        if row.check not in checks:
            words = CHECKS[row.check]
            rule = DataValidation(**_rule(row.check, levels), allow_blank=True)
            rule.promptTitle, rule.prompt = words.prompt_title, words.prompt(levels)
            rule.errorTitle, rule.error = words.error_title, words.error(levels)
            rule.showInputMessage = rule.showErrorMessage = True
            checks[row.check] = rule
            data.add_data_validation(rule)
        checks[row.check].add(f"{letter}{number}")


def _rule(check: str, levels: list[str]) -> dict[str, Any]:
    if check == YES_NO:
        return {"type": "list", "formula1": '"sì,no"'}
    if check == LEVEL:
        return {"type": "list", "formula1": '"' + ",".join(levels) + '"'}
    if check == COUNT:
        return {"type": "decimal", "operator": "greaterThanOrEqual", "formula1": "0"}
    if check == SHARE:
        return {"type": "decimal", "operator": "between", "formula1": "0", "formula2": "1"}
    return {"type": "decimal", "operator": "between", "formula1": "-1E+15", "formula2": "1E+15"}


def _protect(data: Any, password: str | None) -> None:
    """Key and context locked, the open cells editable; columns may be widened and filtered."""
    protection = data.protection
    protection.sheet = True
    if password:
        protection.password = password
    protection.formatColumns = protection.formatRows = protection.autoFilter = False
    protection.selectLockedCells = protection.selectUnlockedCells = False


def _instructions(sheet: Any, collection: Collection, office_sheet: Sheet) -> None:
    from openpyxl.styles import Alignment, Font  # type: ignore[import-untyped,unused-ignore]

    sheet.column_dimensions["A"].width = 100
    for number, (text, heading) in enumerate(instructions(collection, office_sheet), start=1):
        cell = text_cell(sheet.cell(number, 1), text)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.row_dimensions[number].height = LINE * max(_lines(text, 100), 1) + 4
        if heading:
            cell.font = Font(bold=True, size=14 if number == 1 else 11)
    sheet.protection.sheet = True
    if collection.password:
        sheet.protection.password = collection.password


def _properties(book: Any, collection: Collection, sheet: Sheet) -> None:
    properties = book.properties
    properties.title = sheet_title(collection) + (
        f" · {sheet.office_name(collection.plan)}" if sheet.office else ""
    )
    properties.subject = collection.plan.header.title
    properties.creator = f"cruscotto {__version__}"
    properties.lastModifiedBy = None
    properties.keywords = TEMPLATE_KEYWORDS
    properties.language = collection.plan.language
