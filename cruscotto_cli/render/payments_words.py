"""Words of the payment indicators' output, in the plan's language."""

from __future__ import annotations

from cruscotto_cli.payments.itp import Period, Reason
from cruscotto_cli.plan.model import RegisterValue

PAYMENT_LABELS: dict[str, dict[str, str]] = {
    "it": {
        "period": "Periodo",
        "quarter": "T{q} {year}",
        "year": "Anno {year}",
        "invoices": "Fatture",
        "numerator": "Σ giorni × importo",
        "denominator": "Σ importi",
        "itp": "ITP",
        "itp_title": "Indicatore di tempestività dei pagamenti (ITP)",
        "times_title": "Tempi di pagamento, dalla ricezione della fattura",
        "average": "Giorni medi",
        "weighted": "Ponderati",
        "within": "Entro 30 gg",
        "late": "In ritardo",
        "moved": "Contestate",
        "excluded_title": "Fatture escluse",
        "delays_title": "Maggiori contributi al ritardo",
        "invoice": "Fattura",
        "supplier": "Fornitore",
        "days": "Giorni",
        "amount": "Importo",
        "weight": "Giorni × importo",
        "row": "Riga",
        "reason": "Motivo",
        "none": "nessuna",
        "register": "Registro fatture",
        "feeds": "Nel piano",
        "itp_value": "ITP",
        "average-days": "giorni medi",
        "weighted-average-days": "giorni medi ponderati",
        "paid-within-30-days": "entro 30 giorni",
        "non_commerciale": "fuori dalle transazioni commerciali",
    },
    "en": {
        "period": "Period",
        "quarter": "Q{q} {year}",
        "year": "Year {year}",
        "invoices": "Invoices",
        "numerator": "Σ days × amount",
        "denominator": "Σ amounts",
        "itp": "ITP",
        "itp_title": "Payment timeliness index (ITP)",
        "times_title": "Payment times, from the invoice's receipt",
        "average": "Mean days",
        "weighted": "Weighted",
        "within": "Within 30 d",
        "late": "Late",
        "moved": "Contested",
        "excluded_title": "Invoices left out",
        "delays_title": "Largest contributions to delay",
        "invoice": "Invoice",
        "supplier": "Supplier",
        "days": "Days",
        "amount": "Amount",
        "weight": "Days × amount",
        "row": "Row",
        "reason": "Reason",
        "none": "none",
        "register": "Invoice register",
        "feeds": "In the plan",
        "itp_value": "ITP",
        "average-days": "mean days",
        "weighted-average-days": "weighted mean days",
        "paid-within-30-days": "within 30 days",
        "non_commerciale": "outside commercial transactions",
    },
}


class PaymentWords:
    """The labels of one language (English when the plan's has none)."""

    def __init__(self, language: str) -> None:
        self.labels = PAYMENT_LABELS.get(language, PAYMENT_LABELS["en"])

    def __getitem__(self, key: str) -> str:
        return self.labels[key]

    def period(self, period: Period) -> str:
        if period.quarter is None:
            return self["year"].format(year=period.year)
        return self["quarter"].format(q=period.quarter, year=period.year)

    def reason(self, reason: Reason) -> str:
        return self[reason.value]

    def value(self, value: RegisterValue) -> str:
        return self["itp_value"] if value is RegisterValue.ITP else self[value.value]
