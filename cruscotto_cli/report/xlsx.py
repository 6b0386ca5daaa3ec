"""The report as an Excel workbook for analysts: a summary sheet and the indicator table.

Numbers stay numbers (percent indicators as fractions with a percent format), statuses are words
coloured by conditional formatting, and the header row is frozen with an autofilter.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from cruscotto_cli.encoding import printable
from cruscotto_cli.evaluate import Outcome, Score, Status
from cruscotto_cli.numbers import round_to
from cruscotto_cli.render.reason_words import reason_text
from cruscotto_cli.render.words import Words, overall_label
from cruscotto_cli.report.content import ReportData
from cruscotto_cli.report.texts import notice
from cruscotto_cli.xlsxfile import new_workbook, stable_bytes

PERCENT = "0.00%"
NUMBER = "#,##0.###"
FILLS = {  # status -> (background, text): colour helps, the word says the same
    Status.MET: ("C6EFCE", "006100"),
    Status.NOT_MET: ("FFC7CE", "9C0006"),
    Status.MISSING: ("FFEB9C", "9C5700"),
    Status.INVALID: ("E4D2F0", "5B2C83"),
    Status.BASELINE: ("DDEBF7", "1F4E79"),
    Status.WITHDRAWN: ("EDEDED", "595959"),
    Status.NO_TARGET: ("EDEDED", "595959"),
    Status.NOT_COLLECTED: ("EDEDED", "595959"),
}


def render_xlsx(data: ReportData) -> bytes:
    w = Words(data.plan.language)
    book = new_workbook()
    _summary(book.active, w, data)
    _indicators(book.create_sheet(w["indicators"]), w, data)
    for sheet in book.worksheets:
        _as_text(sheet)
    book.properties.creator = f"cruscotto {data.version}"
    return stable_bytes(book, data.date)


def _append(sheet: Any, values: list[Any]) -> None:
    """A row whose texts show their control characters escaped: an office's note may hold one."""
    sheet.append([printable(v) if isinstance(v, str) else v for v in values])


def _as_text(sheet: Any) -> None:
    """Every text cell a string cell: openpyxl stores a text starting with `=` as a formula, and
    names and sources come from plan and office files (`=HYPERLINK(...)` would become a link)."""
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"


def _summary(sheet: Any, w: Words, data: ReportData) -> None:
    sheet.title = w["summary"]
    header = data.plan.header
    _append(sheet, [f"{w['report']} {data.year}"])
    _append(sheet, [f"{header.entity} · {header.title}"])
    if data.illustrative:
        _append(sheet, [notice(w, data)])
    first = sheet.max_row + 2  # a blank row, then the table
    for column, text in enumerate(
        [w["scope"], w["key"], w["score"], w["band"], *(w[s.value] for s in Status)], start=1
    ):
        sheet.cell(first, column, text)
    total = overall_label(w, data.plan, data.evaluation.scope)
    _score_row(sheet, total, data.evaluation.overall.title, data.evaluation.overall)
    for area in data.evaluation.areas:
        _score_row(sheet, w["area"], f"{area.key}. {area.title}", area)
    for office in data.evaluation.offices:
        _score_row(sheet, w["office"], office.title, office)
    _style(sheet, first, widths=[14, 60, 12, 24, *(12 for _ in Status)])
    from openpyxl.styles import Font  # type: ignore[import-untyped,unused-ignore]

    sheet["A1"].font = Font(bold=True, size=14)


def _score_row(sheet: Any, kind: str, title: str, score: Score) -> None:
    _append(
        sheet,
        [
            kind,
            title,
            _float(score.score),
            score.band or "",
            *(score.counts.get(s, 0) for s in Status),
        ],
    )
    sheet.cell(sheet.max_row, 3).number_format = PERCENT


def _indicators(sheet: Any, w: Words, data: ReportData) -> None:
    keys = (
        "area",
        "id",
        "indicator",
        "office",
        "unit",
        "target",
        "actual",
        "status",
        "degree",
        "source",
        "note",
    )
    _append(sheet, [w[k] for k in keys])
    # The row is counted here: `sheet.max_row` looks at every cell, once per row it was quadratic.
    for row, o in enumerate(data.evaluation.outcomes, start=2):
        _append(sheet, _indicator_row(w, data, o))
        sheet.cell(row, 7).number_format = PERCENT if o.indicator.unit == "%" else NUMBER
        sheet.cell(row, 9).number_format = PERCENT
    _style(sheet, 1, widths=[7, 8, 70, 34, 10, 18, 12, 20, 10, 14, 40])
    _status_colours(sheet, f"H2:H{max(sheet.max_row, 2)}", w)


def _indicator_row(w: Words, data: ReportData, o: Outcome) -> list[Any]:
    sources = sorted({s.source for s in o.sources if s.source})
    return [
        o.area_id,
        o.indicator.id,
        o.indicator.name,
        data.plan.office_name(o.indicator.owner),
        o.indicator.unit,
        o.target.text if o.target else "",
        _actual(w, o),
        w[o.status.value],
        _float(o.degree),
        ", ".join(sources),
        reason_text(data.plan, o.reason),
    ]


def _actual(w: Words, o: Outcome) -> Any:
    """Numbers as numbers (a percent as its fraction); yes/no and levels as words."""
    value = o.actual
    if isinstance(value, bool):
        return w.value(value)
    if isinstance(value, Decimal):
        return _float(value / 100 if o.indicator.unit == "%" else value)
    return value


def _float(value: Decimal | None) -> float | None:
    return None if value is None else float(round_to(value, 10))


def _style(sheet: Any, header_row: int, widths: list[int]) -> None:
    from openpyxl.styles import Font, PatternFill  # type: ignore[import-untyped,unused-ignore]
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped,unused-ignore]

    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", start_color="D9E1F2")
    sheet.freeze_panes = sheet.cell(header_row + 1, 1).coordinate
    last = get_column_letter(len(widths))
    sheet.auto_filter.ref = f"A{header_row}:{last}{max(sheet.max_row, header_row)}"
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width


def _status_colours(sheet: Any, cells: str, w: Words) -> None:
    from openpyxl.formatting.rule import CellIsRule  # type: ignore[import-untyped,unused-ignore]
    from openpyxl.styles import Font, PatternFill

    for status, (fill, ink) in FILLS.items():
        rule = CellIsRule(
            operator="equal",
            formula=[f'"{w[status.value]}"'],
            fill=PatternFill("solid", start_color=fill, end_color=fill),
            font=Font(color=ink),
        )
        sheet.conditional_formatting.add(cells, rule)
