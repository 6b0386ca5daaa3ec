"""The payment indicators of a year and of its quarters, from the register's invoices.

Pure arithmetic in Decimal, no I/O. The rules are art. 9 DPCM 22/09/2014 and the circolari of the
Ragioneria generale dello Stato n. 3/2015 and n. 22/2015; where they are silent, the decision
taken is written here and in the README.

- ITP (indicatore di tempestività dei pagamenti) = Σ (payment date − due date, calendar days) ×
  amount / Σ amounts, over the invoices paid in the period, whatever their issue date: negative
  when paid early on average. The payment date is the day the payment order went to the treasury.
- The amount is what the supplier is owed: the VAT the chamber pays the Treasury under split
  payment is not part of it (circolare 22/2015).
- A contested invoice was not payable while contested (art. 9 c. 5): its due date moves to the day
  it became payable (`esigibile_dal`), never earlier than the contractual due date.
- Invoices outside commercial transactions are not counted, and are listed with the reason.
- The annual ITP pools the year: the sum of the quarters' numerators over the sum of their
  denominators, not the mean of the four quarterly values.
- Values are given to two decimals, half away from zero, as chambers publish them; numerators
  and denominators are kept exact. No rule fixes the rounding.
- The days from receipt to payment (indicator 9.6) and the share paid within 30 days of receipt
  (9.7) are counted over the same invoices as the ITP, from the receipt, contested or not: they
  measure the whole handling time. The average is given simple and weighted by amount; the share
  counts invoices, paid on day 30 included.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from cruscotto_cli.payments.invoice import Invoice

PLACES = Decimal("0.01")
WITHIN_DAYS = 30
TOP = 10


class Reason(StrEnum):
    """Why an invoice paid in the period is not counted."""

    NON_COMMERCIAL = "non_commerciale"


@dataclass(frozen=True)
class Period:
    """A year, or one of its quarters (1-4)."""

    year: int
    quarter: int | None = None

    @property
    def first(self) -> date:
        return date(self.year, 3 * (self.quarter or 1) - 2, 1)

    @property
    def last(self) -> date:
        after = (
            Period(self.year + 1, 1)
            if self.quarter in (None, 4)
            else Period(self.year, (self.quarter or 0) + 1)
        )
        return after.first - timedelta(days=1)


@dataclass(frozen=True)
class Delay:
    """An invoice's part in the ITP's numerator: its days after the due date times its amount."""

    invoice: Invoice
    days: int
    weight: Decimal


@dataclass(frozen=True)
class Exclusion:
    invoice: Invoice
    reason: Reason


@dataclass(frozen=True)
class Indicators:
    """The working and the values of one period."""

    period: Period
    numerator: Decimal  # Σ days after due × amount
    denominator: Decimal  # Σ amounts paid
    counted: int
    days: int  # Σ days from receipt to payment
    weighted_days: Decimal  # Σ days from receipt to payment × amount
    within: int  # paid within WITHIN_DAYS of receipt
    late: int  # paid after the due date
    moved: int  # contested: the due date moved to the day the invoice became payable
    excluded: tuple[Exclusion, ...]
    delays: tuple[Delay, ...]  # the largest contributions to delay, largest first

    @property
    def itp(self) -> Decimal | None:
        return _ratio(self.numerator, self.denominator)

    @property
    def average_days(self) -> Decimal | None:
        return _ratio(Decimal(self.days), Decimal(self.counted))

    @property
    def average_days_weighted(self) -> Decimal | None:
        return _ratio(self.weighted_days, self.denominator)

    @property
    def share_within(self) -> Decimal | None:
        """The percentage of counted invoices paid within WITHIN_DAYS of receipt."""
        return _ratio(Decimal(100 * self.within), Decimal(self.counted))


@dataclass(frozen=True)
class YearIndicators:
    """A year's indicators, pooled from its four quarters."""

    year: int
    annual: Indicators
    quarters: tuple[Indicators, ...]


def _ratio(numerator: Decimal, denominator: Decimal) -> Decimal | None:
    if not denominator:
        return None
    return (numerator / denominator).quantize(PLACES, rounding=ROUND_HALF_UP)


def period_indicators(invoices: Iterable[Invoice], period: Period) -> Indicators:
    """The indicators of the invoices paid in the period."""
    first, last = period.first, period.last
    paid = [(i, i.paid) for i in invoices if i.paid is not None and first <= i.paid <= last]
    counted = [(invoice, day) for invoice, day in paid if invoice.commercial]
    delays = [
        Delay(i, (day - i.itp_due).days, (day - i.itp_due).days * i.amount) for i, day in counted
    ]
    to_pay = [((day - i.received).days, i.amount) for i, day in counted]
    return Indicators(
        period,
        numerator=sum((d.weight for d in delays), Decimal(0)),
        denominator=sum((i.amount for i, _ in counted), Decimal(0)),
        counted=len(counted),
        days=sum(days for days, _ in to_pay),
        weighted_days=sum((days * amount for days, amount in to_pay), Decimal(0)),
        within=sum(days <= WITHIN_DAYS for days, _ in to_pay),
        late=sum(d.days > 0 for d in delays),
        moved=sum(i.itp_due != i.due for i, _ in counted),
        excluded=tuple(Exclusion(i, Reason.NON_COMMERCIAL) for i, _ in paid if not i.commercial),
        delays=_largest(delays),
    )


def year_indicators(invoices: Iterable[Invoice], year: int) -> YearIndicators:
    """Each quarter's indicators, and the year's as their pool (not the mean of the quarters)."""
    register = list(invoices)
    quarters = tuple(period_indicators(register, Period(year, q)) for q in (1, 2, 3, 4))
    return YearIndicators(year, pool(Period(year), quarters), quarters)


def pool(period: Period, parts: Iterable[Indicators]) -> Indicators:
    """The indicators of a period made of the given ones: every sum added, nothing averaged."""
    parts = tuple(parts)
    return Indicators(
        period,
        numerator=sum((p.numerator for p in parts), Decimal(0)),
        denominator=sum((p.denominator for p in parts), Decimal(0)),
        counted=sum(p.counted for p in parts),
        days=sum(p.days for p in parts),
        weighted_days=sum((p.weighted_days for p in parts), Decimal(0)),
        within=sum(p.within for p in parts),
        late=sum(p.late for p in parts),
        moved=sum(p.moved for p in parts),
        excluded=tuple(e for p in parts for e in p.excluded),
        delays=_largest(d for p in parts for d in p.delays),
    )


def _largest(delays: Iterable[Delay]) -> tuple[Delay, ...]:
    late = (d for d in delays if d.weight > 0)
    return tuple(sorted(late, key=lambda d: (-d.weight, d.invoice.path, d.invoice.row))[:TOP])
