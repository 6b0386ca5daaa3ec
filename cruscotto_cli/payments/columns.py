"""The invoice register's header: Italian column names, their English synonyms, their roles."""

from __future__ import annotations

import re
from dataclasses import dataclass

from cruscotto_cli.actuals.csvfile import split_line
from cruscotto_cli.diagnostics import Diagnostic
from cruscotto_cli.suggest import did_you_mean

NUMBER, SUPPLIER, RECEIVED, DUE, TERM, PAID = (
    "numero",
    "fornitore",
    "data_ricezione",
    "data_scadenza",
    "termine_giorni",
    "data_pagamento",
)
AMOUNT, VAT, TOTAL, PAYABLE_FROM, NON_COMMERCIAL, NOTE = (
    "importo",
    "iva",
    "totale",
    "esigibile_dal",
    "non_commerciale",
    "nota",
)
INFO = "info"

# Each role's Italian name first, then its synonyms (English ones included).
NAMES: dict[str, tuple[str, ...]] = {
    NUMBER: ("numero", "numero_fattura", "n_fattura", "number", "invoice", "invoice_number"),
    SUPPLIER: ("fornitore", "ragione_sociale", "supplier"),
    RECEIVED: ("data_ricezione", "data_ricevimento", "ricezione", "received"),
    DUE: ("data_scadenza", "scadenza", "due", "due_date"),
    TERM: ("termine_giorni", "termine", "term_days", "term"),
    PAID: ("data_pagamento", "data_mandato", "pagamento", "paid", "payment_date"),
    AMOUNT: ("importo", "imponibile", "amount", "taxable"),
    VAT: ("iva", "vat"),
    TOTAL: ("totale", "importo_totale", "total"),
    PAYABLE_FROM: ("esigibile_dal", "esigibilita", "payable_from"),
    NON_COMMERCIAL: ("non_commerciale", "non_commercial"),
    NOTE: ("nota", "note"),
    # Read past: what exports carry beside the dates and amounts the indicators need.
    INFO: (
        "data_fattura",
        "data_emissione",
        "protocollo",
        "cig",
        "partita_iva",
        "codice_fiscale",
        "oggetto",
        "descrizione",
        "issued",
        "description",
        "vat_number",
    ),
}
COLUMNS = {name: role for role, names in NAMES.items() for name in names}
ACCEPTED = ", ".join(names[0] for role, names in NAMES.items() if role != INFO)
REQUIRED = (NUMBER, SUPPLIER, RECEIVED, PAID)
DELIMITERS = (";", ",", "\t")
_SEPARATORS = re.compile(r"[\s.\-/]+")


def normal(name: str) -> str:
    """A header cell as a column name: `Data ricezione` or `data-ricezione` is `data_ricezione`."""
    return _SEPARATORS.sub("_", name.strip().casefold()).strip("_").replace("à", "a")


def delimiter_of(first_line: str) -> str | None:
    """The delimiter under which the header names the most known columns; None when none does."""

    def known(delimiter: str) -> int:
        return sum(normal(cell) in COLUMNS for cell in split_line(first_line, delimiter))

    best = max(DELIMITERS, key=known)  # max keeps the first of equals: ";" before "," before tab
    return best if known(best) else None


@dataclass(frozen=True)
class Header:
    """Where each role's column is (0-based) and what the header cells say."""

    at: dict[str, int]
    cells: tuple[str, ...]

    def name(self, role: str) -> str:
        return self.cells[self.at[role]].strip()


def read_header(path: str, cells: list[str], problems: list[Diagnostic]) -> Header | None:
    """The header's roles; None when a column is unknown, repeated or missing (each a problem)."""
    at: dict[str, int] = {}
    count = len(problems)
    for index, cell in enumerate(cells):
        role = COLUMNS.get(normal(cell))
        if not cell.strip() or role == INFO:
            continue
        if role is None:
            hint = did_you_mean(normal(cell), COLUMNS)
            message = f'unknown column "{cell.strip()}"{hint}; accepted columns: {ACCEPTED}'
        elif role in at:
            first = f'column {at[role] + 1} ("{cells[at[role]].strip()}")'
            message = f'column "{cell.strip()}" repeats {first}; keep one'
        else:
            at[role] = index
            continue
        problems.append(Diagnostic(path, 1, index + 1, message, "register-header"))
    problems.extend(Diagnostic(path, 1, 1, message, "register-header") for message in _missing(at))
    return Header(at, tuple(cells)) if len(problems) == count else None


def _missing(at: dict[str, int]) -> list[str]:
    messages = [
        f'missing column "{role}" ({", ".join(NAMES[role][1:])} are accepted too)'
        for role in REQUIRED
        if role not in at
    ]
    if DUE not in at and TERM not in at:
        messages.append(
            'missing the due date: add a column "data_scadenza" or "termine_giorni" '
            "(days from receipt)"
        )
    if AMOUNT not in at and (TOTAL not in at or VAT not in at):
        messages.append(
            'missing the amount: add a column "importo" (without split-payment VAT), '
            'or both "totale" and "iva"'
        )
    return messages
