"""The rows of the payment tables, as every output format shows them, in the plan's language."""

from __future__ import annotations

from decimal import Decimal
from pathlib import PurePath

from cruscotto_cli.payments.cells import euro
from cruscotto_cli.payments.itp import Delay, Indicators
from cruscotto_cli.payments.measured import VALUES
from cruscotto_cli.payments.working import Working
from cruscotto_cli.plan.model import RegisterValue
from cruscotto_cli.render.payments_words import PaymentWords
from cruscotto_cli.render.words import Words

ITP_COLUMNS = ("period", "invoices", "numerator", "denominator", "itp")
TIMES_COLUMNS = ("period", "average", "weighted", "within", "late", "moved")
DELAY_COLUMNS = ("invoice", "supplier", "days", "amount", "weight", "row")


class Texts:
    """Numbers and labels of one language, as the payment tables show them."""

    def __init__(self, language: str, files: int = 1) -> None:
        self.w, self.p = Words(language), PaymentWords(language)
        self.files = files  # with one file, a row number says where; with more, the file too

    def number(self, value: Decimal | None) -> str:
        return "-" if value is None else self.w.number(value, 2)

    def amount(self, value: Decimal) -> str:
        return euro(value) if self.w.decimal == "," else f"{value:,.2f}"

    def itp_row(self, i: Indicators) -> list[str]:
        amounts = [self.amount(i.numerator), self.amount(i.denominator)] if i.counted else ["-"] * 2
        return [self.p.period(i.period), str(i.counted), *amounts, self.number(i.itp)]

    def times_row(self, i: Indicators) -> list[str]:
        share = self.number(i.share_within) + ("%" if i.share_within is not None else "")
        averages = [self.number(i.average_days), self.number(i.average_days_weighted)]
        return [self.p.period(i.period), *averages, share, str(i.late), str(i.moved)]

    def delay_row(self, d: Delay) -> list[str]:
        invoice = d.invoice
        where = (
            f"{PurePath(invoice.path).name}:{invoice.row}" if self.files > 1 else str(invoice.row)
        )
        weight = self.amount(d.weight)
        return [
            invoice.number,
            invoice.supplier,
            str(d.days),
            self.amount(invoice.amount),
            weight,
            where,
        ]

    def feeds(self, working: Working) -> str:
        """`9.6 giorni medi 17,67 · 9.7 entro 30 giorni 89,58% · 9.10 ITP -14,92`."""
        annual = working.year.annual
        parts = []
        for key, value in working.feeds:
            number = self.number(VALUES[value](annual))
            unit = "%" if value is RegisterValue.PAID_WITHIN_30_DAYS and number != "-" else ""
            parts.append(f"{key} {self.p.value(value)} {number}{unit}")
        return " · ".join(parts)
