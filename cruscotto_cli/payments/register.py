"""Load the invoice register: every CSV file of a folder, one invoice a row, every error placed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from cruscotto_cli.actuals.conventions import Convention, read_number, settle
from cruscotto_cli.actuals.csvfile import delimiter_and_text, read_records, read_text
from cruscotto_cli.actuals.files import scan
from cruscotto_cli.diagnostics import Diagnostic, InputError
from cruscotto_cli.payments import columns as c
from cruscotto_cli.payments.cells import (
    SEMICOLON,
    CellProblem,
    euro,
    read_amount,
    read_date,
    read_days,
    read_flag,
)
from cruscotto_cli.payments.invoice import Invoice
from cruscotto_cli.plan.control import CONTROL, escaped

_AMOUNTS = (c.AMOUNT, c.VAT, c.TOTAL)
_EXAMPLE = "numero;fornitore;data_ricezione;data_scadenza;data_pagamento;importo"


@dataclass(frozen=True)
class Register:
    """The invoices of every file read, in file and row order."""

    invoices: tuple[Invoice, ...]
    files: tuple[Path, ...]
    notices: tuple[Diagnostic, ...] = ()  # each entry of the folder not read, with why


@dataclass
class _Row:
    """One record being read: its cells under the file's header, and the problems it has."""

    path: str
    line: int
    header: c.Header
    cells: list[str]
    convention: Convention
    problems: list[Diagnostic]
    failed: bool = False

    def text(self, role: str) -> str:
        at = self.header.at.get(role)
        return self.cells[at].strip() if at is not None else ""

    def problem(self, role: str, message: str, code: str = "register-value") -> None:
        at = self.header.at[role]
        where = (
            f'{self.header.name(role)} "{self.cells[at].strip()}"'
            if self.cells[at].strip()
            else self.header.name(role)
        )
        self.problems.append(Diagnostic(self.path, self.line, at + 1, f"{where}: {message}", code))
        self.failed = True

    def date(self, role: str) -> date | None:
        text = self.text(role)
        if not text:
            return None
        try:
            return read_date(text)
        except CellProblem as problem:
            self.problem(role, str(problem), "register-date")
            return None

    def amount(self, role: str) -> Decimal | None:
        text = self.text(role)
        if not text:
            return None
        try:
            return read_amount(text, self.convention)
        except CellProblem as problem:
            self.problem(role, str(problem), "register-amount")
            return None

    def required(self, role: str, what: str) -> str:
        text = self.text(role)
        if not text:
            self.problem(role, f"missing {what}", "register-missing")
        return text


@dataclass
class _Loader:
    """The state of one load: the invoices read so far and where each was first written."""

    invoices: list[Invoice] = field(default_factory=list)
    seen: dict[tuple[str, str], str] = field(default_factory=dict)
    problems: list[Diagnostic] = field(default_factory=list)

    def file(self, path: Path) -> None:
        name, read = str(path), read_text(path, "register-file")
        if isinstance(read, Diagnostic):
            self.problems.append(read)
            return
        delimiter, text = delimiter_and_text(read, c.delimiter_of)
        if delimiter is None:
            message = (
                f'no header: start the file with a line such as "{_EXAMPLE}"; '
                f"accepted columns: {c.ACCEPTED}"
            )
            self.problems.append(Diagnostic(name, 1, 1, message, "register-header"))
            return
        records, unreadable = read_records(name, text, delimiter)
        self.problems += unreadable
        header = c.read_header(name, records[0][1], self.problems) if records else None
        if header is not None:
            self.rows(name, header, delimiter, records[1:])

    def rows(
        self, path: str, header: c.Header, delimiter: str, records: list[tuple[int, list[str]]]
    ) -> None:
        width = len(header.cells)
        convention = SEMICOLON if delimiter == ";" else _convention(header, records, width)
        for line, cells in records:
            if len(cells) != width:
                message = f"{len(cells)} fields, but the header has {width} columns"
                self.problems.append(Diagnostic(path, line, 1, message, "register-row"))
                continue
            row = _Row(path, line, header, cells, convention, self.problems)
            if _control_characters(row):
                continue
            invoice = _invoice(row)
            if invoice is not None and not self.duplicate(row, invoice):
                self.invoices.append(invoice)

    def duplicate(self, row: _Row, invoice: Invoice) -> bool:
        key = (" ".join(invoice.supplier.casefold().split()), invoice.number.casefold())
        first = self.seen.setdefault(key, invoice.place)
        if first != invoice.place:
            what = f'invoice {invoice.number} of "{invoice.supplier}"'
            message = f"{what} is already at {first}; write each invoice once"
            row.problem(c.NUMBER, message, "register-duplicate")
        return first != invoice.place


def _convention(header: c.Header, records: list[tuple[int, list[str]]], width: int) -> Convention:
    """The decimal separator of a ","- or tab-separated file, settled by its amounts."""
    places = [header.at[role] for role in _AMOUNTS if role in header.at]
    cells = ((line, cells[at]) for line, cells in records if len(cells) == width for at in places)
    return settle((line, read_number(text)) for line, text in cells if text.strip())


def _control_characters(row: _Row) -> bool:
    """Whether a cell holds a control character (ESC, BEL...), each reported at its place: a
    supplier's name reaches terminals and reports, where such a character would act."""
    for at, cell in enumerate(row.cells):
        if CONTROL.search(cell):
            first = CONTROL.search(cell)
            assert first is not None
            message = (
                f'control character U+{ord(first.group()):04X} in "{escaped(cell)}"; remove it'
            )
            row.problems.append(Diagnostic(row.path, row.line, at + 1, message, "register-value"))
            row.failed = True
    return row.failed


def _invoice(row: _Row) -> Invoice | None:
    number = row.required(c.NUMBER, "invoice number")
    supplier = row.required(c.SUPPLIER, "supplier")
    received = row.date(c.RECEIVED)
    if received is None and not row.text(c.RECEIVED):
        row.problem(c.RECEIVED, "missing the date the invoice was received", "register-missing")
    paid, payable_from = row.date(c.PAID), row.date(c.PAYABLE_FROM)
    due = _due(row, received)
    amount, vat = _amount(row)
    commercial = _commercial(row)
    if received is not None:
        _after_receipt(row, received, paid, payable_from)
    if paid is not None and payable_from is not None and payable_from > paid:
        row.problem(
            c.PAYABLE_FROM, f"the invoice was paid on {_it(paid)}, before it became payable"
        )
    if row.failed or received is None or due is None or amount is None:
        return None
    note = row.text(c.NOTE) or None
    return Invoice(
        number,
        supplier,
        received,
        due,
        paid,
        amount,
        vat,
        payable_from,
        commercial,
        note,
        row.path,
        row.line,
    )


def _due(row: _Row, received: date | None) -> date | None:
    """The due date, written or as a term in days from receipt (both, when both agree)."""
    due, term = row.date(c.DUE), _term(row)
    if due is None and term is None:
        if not (row.text(c.DUE) or row.text(c.TERM)):  # else already reported as unreadable
            role = c.DUE if c.DUE in row.header.at else c.TERM
            row.problem(
                role, "missing the due date (or the term in days from receipt)", "register-missing"
            )
        return None
    if received is None:
        return due
    by_term = _by_term(row, received, term)
    if term is not None and by_term is None:
        return None
    if due is not None and by_term is not None and due != by_term:
        message = (
            f"{term} days from receipt ({_it(received)}) is {_it(by_term)}, not this date; "
            "write one of the two"
        )
        row.problem(c.DUE, message)
        return None
    due = due or by_term
    if due is not None and due < received:
        row.problem(
            c.DUE,
            f"the due date is before the invoice was received ({_it(received)})",
            "register-order",
        )
    return due


def _by_term(row: _Row, received: date, term: int | None) -> date | None:
    """The due date `term` days from receipt; None, reported, when it is past the calendar."""
    if term is None:
        return None
    try:
        return received + timedelta(days=term)
    except OverflowError:
        message = f"{term} days from receipt ({_it(received)}) is past the calendar's last day"
        row.problem(c.TERM, f"{message} ({_it(date.max)})")
        return None


def _term(row: _Row) -> int | None:
    text = row.text(c.TERM)
    if not text:
        return None
    try:
        return read_days(text)
    except CellProblem as problem:
        row.problem(c.TERM, str(problem), "register-value")
        return None


def _amount(row: _Row) -> tuple[Decimal | None, Decimal | None]:
    """The amount owed to the supplier, without split-payment VAT, and that VAT when given."""
    amount, vat, total = (row.amount(role) for role in _AMOUNTS)
    if any(
        row.text(role) and value is None
        for role, value in zip(_AMOUNTS, (amount, vat, total), strict=True)
    ):
        return None, vat  # an unreadable cell, already reported
    if vat is not None and vat < 0:
        row.problem(c.VAT, "the VAT cannot be negative", "register-amount")
        return None, vat
    role = c.AMOUNT
    if total is not None and vat is not None:
        if amount is not None and amount + vat != total:
            message = (
                f"not the amount plus the VAT ({euro(amount)} + {euro(vat)} = {euro(amount + vat)})"
            )
            row.problem(c.TOTAL, message, "register-amount")
            return None, vat
        amount, role = total - vat, c.TOTAL
    elif total is not None and amount is None:
        row.problem(
            c.TOTAL,
            'a total includes the VAT: give the "iva" too, or the "importo" without it',
            "register-missing",
        )
        return None, vat
    if amount is None:
        row.problem(
            c.AMOUNT if c.AMOUNT in row.header.at else c.TOTAL,
            "missing the amount",
            "register-missing",
        )
    elif amount <= 0:
        without = " less the VAT" if role == c.TOTAL else ""
        row.problem(
            role, f"expected a positive amount, not {euro(amount)}{without}", "register-amount"
        )
    return amount, vat


def _commercial(row: _Row) -> bool:
    try:
        return not read_flag(row.text(c.NON_COMMERCIAL))
    except CellProblem as problem:
        row.problem(c.NON_COMMERCIAL, str(problem))
        return True


def _after_receipt(row: _Row, received: date, paid: date | None, payable_from: date | None) -> None:
    after = f"before the invoice was received ({_it(received)})"
    if paid is not None and paid < received:
        row.problem(c.PAID, f"paid {after}", "register-order")
    if payable_from is not None and payable_from < received:
        row.problem(c.PAYABLE_FROM, f"payable {after}", "register-order")


def _it(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def register_files(folder: Path) -> list[Path]:
    """The register's files: read as the actuals' are (every *.csv of the folder, sorted)."""
    return list(scan(folder, (".csv",), "register").read)


def load_register(folder: Path) -> Register:
    """Every invoice of the folder's files, and a notice for every other entry; InputError
    carries every problem of every file, and the notices. A register read cleanly before from
    the same files comes from the cache."""
    from cruscotto_cli import cache

    return cache.through("register", folder, Register, lambda _: _read(folder), read=(".csv",))


def _read(folder: Path) -> Register:
    loader = _Loader()
    found = scan(folder, (".csv",), "register")
    for path in found.read:
        loader.file(path)
    if loader.problems:
        raise InputError(loader.problems, found.notices)
    return Register(tuple(loader.invoices), found.read, found.notices)
