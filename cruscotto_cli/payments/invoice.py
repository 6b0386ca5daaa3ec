"""One invoice of the register, as read, with the dates and amount the indicators use."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class Invoice:
    """A supplier invoice and where the register writes it (`row` is the file's line)."""

    number: str
    supplier: str
    received: date
    due: date
    paid: date | None
    amount: Decimal  # what is owed to the supplier: without the split-payment VAT
    vat: Decimal | None
    payable_from: date | None  # the day a contested invoice became payable
    commercial: bool
    note: str | None
    path: str
    row: int

    @property
    def itp_due(self) -> date:
        """The due date the ITP counts from: moved to the day a contested invoice became payable,
        never earlier than the contractual one (art. 9 c. 5 DPCM 22/09/2014)."""
        if self.payable_from is None:
            return self.due
        return max(self.due, self.payable_from)

    @property
    def contested(self) -> bool:
        return self.payable_from is not None

    @property
    def place(self) -> str:
        return f"{self.path}:{self.row}"
