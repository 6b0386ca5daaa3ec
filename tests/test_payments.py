"""Payment indicators from the invoice register: reading it, every located error, and the ITP."""

from __future__ import annotations

import math
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from cruscotto_cli.diagnostics import InputError
from cruscotto_cli.payments.itp import Period, Reason, period_indicators, year_indicators
from cruscotto_cli.payments.register import Register, load_register

HEADER = "numero;fornitore;data_ricezione;data_scadenza;termine_giorni;data_pagamento;importo;iva;esigibile_dal;non_commerciale\n"


def write(folder: Path, name: str, content: str | bytes) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def register(tmp_path: Path, content: str | bytes, name: str = "fatture.csv") -> Register:
    write(tmp_path / "registers", name, content)
    return load_register(tmp_path / "registers")


def problems(tmp_path: Path, content: str | bytes, name: str = "fatture.csv") -> list[str]:
    write(tmp_path / "registers", name, content)
    with pytest.raises(InputError) as caught:
        load_register(tmp_path / "registers")
    folder = f"{tmp_path / 'registers'}/"
    return [str(d).replace(folder, "") for d in caught.value.diagnostics]


# --- the Messina 2019 example, rebuilt from invoices -------------------------------------------

# A school in Messina published its 2019 ITP with each quarter's numerator and denominator.
MESSINA = [
    (Decimal("-354781.39"), Decimal("14550.52")),
    (Decimal("-1105405.57"), Decimal("42421.80")),
    (Decimal("-108685.63"), Decimal("3667.68")),
    (Decimal("-486.54"), Decimal("1421.91")),
]


def _it(value: Decimal) -> str:
    return f"{value:.2f}".replace(".", ",")


def messina_register() -> str:
    """Two invoices a quarter that give its numerator N and denominator D exactly: d and d - 1
    days after the due date, amounts N - (d - 1) D and the rest of D (d = ceil(N / D))."""
    rows = [HEADER]
    for quarter, (numerator, denominator) in enumerate(MESSINA, start=1):
        days = math.ceil(numerator / denominator)
        first = numerator - (days - 1) * denominator
        received = date(2019, 3 * quarter - 2, 10)
        for n, (late, amount) in enumerate(
            ((days, first), (days - 1, denominator - first)), start=1
        ):
            paid = received + timedelta(days=30 + late)
            rows.append(
                f"{quarter}/{n};Fornitore {n};{received:%d/%m/%Y};;30;{paid:%d/%m/%Y};{_it(amount)};;;\n"
            )
    return "".join(rows)


def test_messina_quarters_and_the_pooled_year(tmp_path: Path) -> None:
    year = year_indicators(register(tmp_path, messina_register()).invoices, 2019)
    assert [(q.numerator, q.denominator, q.itp) for q in year.quarters] == [
        (Decimal("-354781.39"), Decimal("14550.52"), Decimal("-24.38")),
        (Decimal("-1105405.57"), Decimal("42421.80"), Decimal("-26.06")),
        (Decimal("-108685.63"), Decimal("3667.68"), Decimal("-29.63")),
        (Decimal("-486.54"), Decimal("1421.91"), Decimal("-0.34")),
    ]
    assert (year.annual.numerator, year.annual.denominator) == (
        Decimal("-1569359.13"),
        Decimal("62061.91"),
    )
    assert year.annual.itp == Decimal("-25.29")
    mean = sum(q.itp or 0 for q in year.quarters) / 4
    assert round(mean, 2) == Decimal("-20.10")  # what the pooled year is not
    assert year.annual.counted == 8


# --- a small register computed by hand ----------------------------------------------------------

THREE = HEADER + (
    "A-1;Alfa S.r.l.;05/01/2024;;30;25/01/2024;1.000,00;220,00;;\n"  # due 04/02: 10 days early
    "B-7;Beta S.p.A.;10/01/2024;09/02/2024;;19/02/2024;500,00;;;\n"  # 10 days late
    "C-3;Gamma snc;2024-02-01;;60;2024-03-02;250,00;55,00;;\n"  # due 01/04: 30 days early
)


def test_three_invoices_by_hand(tmp_path: Path) -> None:
    # Numerator -10 × 1000 + 10 × 500 - 30 × 250 = -12500 over 1750: -7,142857...
    q1 = period_indicators(register(tmp_path, THREE).invoices, Period(2024, 1))
    assert (q1.numerator, q1.denominator, q1.itp) == (
        Decimal("-12500.00"),
        Decimal("1750.00"),
        Decimal("-7.14"),
    )
    # Days from receipt to payment 20, 40, 30: mean 30, weighted 47500 / 1750 = 27,142857...
    assert (q1.days, q1.average_days, q1.average_days_weighted) == (
        90,
        Decimal("30.00"),
        Decimal("27.14"),
    )
    # Paid within 30 days of receipt: A (20) and C (30, day 30 included).
    assert (q1.counted, q1.within, q1.share_within, q1.late) == (3, 2, Decimal("66.67"), 1)
    assert [(d.invoice.number, d.days, d.weight) for d in q1.delays] == [
        ("B-7", 10, Decimal("5000.00"))
    ]
    q2 = period_indicators(register(tmp_path, THREE).invoices, Period(2024, 2))
    assert (q2.counted, q2.itp, q2.average_days, q2.share_within) == (0, None, None, None)


def test_a_contested_invoice_counts_from_the_day_it_became_payable(tmp_path: Path) -> None:
    content = (
        HEADER
        + (
            "7;Delta;01/03/2024;31/03/2024;;20/05/2024;2.000,00;;10/05/2024;\n"  # 10 days after payable
            "8;Delta;01/03/2024;31/03/2024;;20/04/2024;100,00;;15/03/2024;\n"  # payable before due: 20 late
        )
    )
    q2 = period_indicators(register(tmp_path, content).invoices, Period(2024, 2))
    assert [(d.invoice.number, d.days) for d in q2.delays] == [("7", 10), ("8", 20)]
    assert (q2.numerator, q2.denominator, q2.moved) == (Decimal("22000.00"), Decimal("2100.00"), 1)
    assert q2.itp == Decimal("10.48")
    # The handling time still runs from receipt: 80 and 50 days.
    assert (q2.days, q2.within) == (130, 0)


def test_split_payment_vat_is_not_part_of_the_amount(tmp_path: Path) -> None:
    # Ten days late on 1.000 (its 220 of VAT go to the Treasury), ten days early on 1.000.
    content = (
        "numero;fornitore;data_ricezione;termine_giorni;data_pagamento;totale;iva;importo\n"
        "1;Eta;01/10/2024;30;10/11/2024;1.220,00;220,00;\n"
        "2;Eta;02/10/2024;30;22/10/2024;1.220,00;220,00;1.000,00\n"
    )
    q4 = period_indicators(register(tmp_path, content).invoices, Period(2024, 4))
    assert [i.amount for i in register(tmp_path, content).invoices] == [Decimal("1000.00")] * 2
    assert (q4.numerator, q4.denominator, q4.itp) == (
        Decimal("0.00"),
        Decimal("2000.00"),
        Decimal("0.00"),
    )


def test_invoices_outside_commercial_transactions_are_excluded_with_the_reason(
    tmp_path: Path,
) -> None:
    content = HEADER + (
        "1;Teta;01/10/2024;;30;10/11/2024;100,00;;;no\n"
        "2;Ente pubblico;02/10/2024;;30;30/12/2024;9.000,00;;;sì\n"
        "3;Iota;02/12/2024;;30;;300,00;;;\n"  # not yet paid: counts in no period
    )
    year = year_indicators(register(tmp_path, content).invoices, 2024)
    assert (year.annual.counted, year.annual.itp) == (1, Decimal("10.00"))
    assert [(e.invoice.number, e.reason) for e in year.annual.excluded] == [
        ("2", Reason.NON_COMMERCIAL)
    ]


# --- reading the register ---------------------------------------------------------------------

READ = [
    # English headers, "," delimiter, decimal point with thousands commas, quoted
    'number,supplier,received,due,paid,amount\nX1,Kappa,2024-01-02,2024-02-01,2024-01-20,"1,234.50"\n',
    # Excel's "CSV UTF-8" with its byte-order mark, headers as a person types them
    "\ufeffNumero;Fornitore;Data ricezione;Data scadenza;Data pagamento;Importo\nX1;Kappa;02/01/2024;01/02/2024;20/01/2024;1.234,50\n",
    # Windows-1252 (Italian Excel's "CSV"), a tab-separated export, term in days
    "numero;fornitore;data_ricezione;termine_giorni;data_pagamento;importo;nota\nX1;Kappa Società;02/01/2024;30;20/01/2024;1234,5;è\n".encode(
        "cp1252"
    ),
    "numero\tfornitore\tdata_ricezione\ttermine_giorni\tdata_pagamento\timporto\nX1\tKappa\t02/01/2024\t30\t20/01/2024\t1234.50\n",
]


@pytest.mark.parametrize("content", READ)
def test_the_forms_offices_write(tmp_path: Path, content: str | bytes) -> None:
    (invoice,) = register(tmp_path, content).invoices
    assert (invoice.number, invoice.received, invoice.due, invoice.paid, invoice.amount) == (
        "X1",
        date(2024, 1, 2),
        date(2024, 2, 1),
        date(2024, 1, 20),
        Decimal("1234.50"),
    )
    assert invoice.row == 2


def test_in_a_semicolon_file_the_comma_is_decimal(tmp_path: Path) -> None:
    content = "numero;fornitore;data_ricezione;termine_giorni;data_pagamento;importo\n1;Lambda;02/01/2024;30;20/01/2024;13,537\n2;Lambda;03/01/2024;30;20/01/2024;1.234\n"
    assert [i.amount for i in register(tmp_path, content).invoices] == [
        Decimal("13.537"),
        Decimal("1234"),
    ]


# --- every error placed: file, row, column, value ---------------------------------------------

ERRORS = [
    (
        HEADER + "1;Mu;10/01/2024;;30;05/01/2024;100,00;;;\n",
        [
            'fatture.csv:2:6: data_pagamento "05/01/2024": paid before the invoice was received (10/01/2024) [register-order]'
        ],
    ),
    (
        HEADER + "1;Mu;10/01/2024;09/01/2024;;20/01/2024;100,00;;;\n",
        [
            'fatture.csv:2:4: data_scadenza "09/01/2024": the due date is before the invoice was received (10/01/2024) [register-order]'
        ],
    ),
    (
        HEADER
        + "1;Mu;10/01/2024;;30;20/01/2024;0,00;;;\n2;Mu;10/01/2024;;30;20/01/2024;-5;;;\n3;Mu;10/01/2024;;30;20/01/2024;cento;;;\n",
        [
            'fatture.csv:2:7: importo "0,00": expected a positive amount, not 0,00 [register-amount]',
            'fatture.csv:3:7: importo "-5": expected a positive amount, not -5,00 [register-amount]',
            'fatture.csv:4:7: importo "cento": expected an amount in euro, such as 1.234,56 [register-amount]',
        ],
    ),
    (
        HEADER
        + "1;Mu;31/02/2024;;30;20/03/2024;100,00;;;\n2;Mu;10/01/24;;30;20/01/2024;100,00;;;\n3;Mu;10/01/2024;;30;2024/01/20;100,00;;;\n",
        [
            'fatture.csv:2:3: data_ricezione "31/02/2024": no such day in the calendar (day 31, month 2, year 2024) [register-date]',
            'fatture.csv:3:3: data_ricezione "10/01/24": the year has 2 digits; write it as 31/03/2023 or 2023-03-31 [register-date]',
            'fatture.csv:4:6: data_pagamento "2024/01/20": not a date; write it as 31/03/2023 or 2023-03-31 [register-date]',
        ],
    ),
    (
        HEADER
        + "1;Mu;10/01/2024;09/02/2024;60;20/01/2024;100,00;;;\n2;Mu;10/01/2024;;;20/01/2024;100,00;;;\n",
        [
            'fatture.csv:2:4: data_scadenza "09/02/2024": 60 days from receipt (10/01/2024) is 10/03/2024, not this date; write one of the two [register-value]',
            "fatture.csv:3:4: data_scadenza: missing the due date (or the term in days from receipt) [register-missing]",
        ],
    ),
    (
        HEADER
        + "1;Mu;10/01/2024;;30;20/02/2024;100,00;;15/03/2024;\n2;Mu;10/01/2024;;30;20/02/2024;100,00;;;forse\n",
        [
            'fatture.csv:2:9: esigibile_dal "15/03/2024": the invoice was paid on 20/02/2024, before it became payable [register-value]',
            'fatture.csv:3:10: non_commerciale "forse": expected sì (outside commercial transactions) or no, or an empty cell [register-value]',
        ],
    ),
    (
        "numero;fornitore;data_ricezione;termine_giorni;data_pagamento;totale;iva;importo\n1;Nu;01/10/2024;30;10/11/2024;1.220,00;200,00;1.000,00\n2;Nu;01/10/2024;30;10/11/2024;1.220,00;;\n",
        [
            'fatture.csv:2:6: totale "1.220,00": not the amount plus the VAT (1.000,00 + 200,00 = 1.200,00) [register-amount]',
            'fatture.csv:3:6: totale "1.220,00": a total includes the VAT: give the "iva" too, or the "importo" without it [register-missing]',
        ],
    ),
    (
        "numero;fornitore;data_ricevuta;data_pagamento;importo;importo\n",
        [
            'fatture.csv:1:3: unknown column "data_ricevuta"; did you mean "data_ricevimento"?; accepted columns: numero, fornitore, data_ricezione, data_scadenza, termine_giorni, data_pagamento, importo, iva, totale, esigibile_dal, non_commerciale, nota [register-header]',
            'fatture.csv:1:6: column "importo" repeats column 5 ("importo"); keep one [register-header]',
            'fatture.csv:1:1: missing column "data_ricezione" (data_ricevimento, ricezione, received are accepted too) [register-header]',
            'fatture.csv:1:1: missing the due date: add a column "data_scadenza" or "termine_giorni" (days from receipt) [register-header]',
        ],
    ),
    (
        HEADER
        + "1;Mu;20/12/9999;;30;;100,00;;;\n2;Mu;10/01/2024;;99999999999999999999;;100,00;;;\n",
        [
            'fatture.csv:2:5: termine_giorni "30": 30 days from receipt (20/12/9999) is past the calendar\'s last day (31/12/9999) [register-value]',
            'fatture.csv:3:5: termine_giorni "99999999999999999999": 99999999999999999999 days from receipt (10/01/2024) is past the calendar\'s last day (31/12/9999) [register-value]',
        ],
    ),
    (
        'numero,fornitore,data_ricezione,termine_giorni,data_pagamento,importo\n1,Xi,01/10/2024,30,10/11/2024,12.5\n2,Xi,01/10/2024,30,10/11/2024,"12,5"\n',
        [
            'fatture.csv:3:6: importo "12,5": uses a decimal comma, but row 2 ("12.5") uses a decimal point; use one decimal separator in the whole file [register-amount]'
        ],
    ),
    (
        "numero;fornitore;data_ricezione;termine_giorni;data_pagamento;importo\n1;Xi;01/10/2024;30;10/11/2024;12.5\n",
        [
            'fatture.csv:2:6: importo "12.5": in a ";"-separated file the decimal separator is the comma: write it as 1.234,56 [register-amount]'
        ],
    ),
]


@pytest.mark.parametrize(("content", "expected"), ERRORS)
def test_every_error_names_file_row_column_and_value(
    tmp_path: Path, content: str, expected: list[str]
) -> None:
    assert problems(tmp_path, content) == expected


def test_the_same_invoice_twice_names_both_places(tmp_path: Path) -> None:
    write(
        tmp_path / "registers",
        "a.csv",
        HEADER + "12/A;Rossi  S.r.l.;10/01/2024;;30;20/01/2024;100,00;;;\n",
    )
    content = HEADER + "\n12/a;rossi s.r.l.;10/01/2024;;30;20/01/2024;100,00;;;\n"
    assert problems(tmp_path, content, name="b.csv") == [
        'b.csv:3:1: numero "12/a": invoice 12/a of "rossi s.r.l." is already at a.csv:2; write each invoice once [register-duplicate]'
    ]


def test_a_file_with_no_known_header(tmp_path: Path) -> None:
    assert problems(tmp_path, "fattura;ditta\n1;Omicron\n") == [
        'fatture.csv:1:1: no header: start the file with a line such as "numero;fornitore;data_ricezione;data_scadenza;data_pagamento;importo"; accepted columns: numero, fornitore, data_ricezione, data_scadenza, termine_giorni, data_pagamento, importo, iva, totale, esigibile_dal, non_commerciale, nota [register-header]'
    ]


def test_a_control_character_in_a_cell_is_refused_at_its_place(tmp_path: Path) -> None:
    content = HEADER + "1;Forni\x1b[31mtore;10/01/2024;;30;20/01/2024;100,00;;;\n"
    assert problems(tmp_path, content) == [
        'fatture.csv:2:2: control character U+001B in "Forni\\x1b[31mtore"; remove it'
        " [register-value]"
    ]


def test_an_amount_of_more_than_thirty_digits_is_refused(tmp_path: Path) -> None:
    content = HEADER + f"1;Fornitore;10/01/2024;;30;20/01/2024;{'9' * 31},00;;;\n"
    assert problems(tmp_path, content) == [
        f'fatture.csv:2:7: importo "{"9" * 31},00": 33 digits; an amount has at most 30'
        " [register-amount]"
    ]


@pytest.mark.parametrize("written", ["٠١/٠٣/٢٠٢٤", "01/03-2024"])
def test_a_date_is_ascii_digits_with_one_separator(tmp_path: Path, written: str) -> None:
    content = HEADER + f"1;Fornitore;{written};;30;20/03/2024;100,00;;;\n"
    found = problems(tmp_path, content)
    assert len(found) == 1 and found[0].startswith(f'fatture.csv:2:3: data_ricezione "{written}"')
    assert "write it as 31/03/2023 or 2023-03-31" in found[0]


def test_excels_sep_line_is_read_as_in_the_actuals(tmp_path: Path) -> None:
    content = "sep=;\n" + HEADER + "1;Fornitore;10/01/2024;;30;20/01/2024;100,50;;;\n"
    read = register(tmp_path, content)
    assert [(i.number, i.amount) for i in read.invoices] == [("1", Decimal("100.50"))]
    bad = "sep=;\n" + HEADER + "1;Fornitore;10/01/2024;;30;20/01/2024;cento;;;\n"
    (tmp_path / "bad").mkdir()
    assert problems(tmp_path / "bad", bad)[0].startswith('fatture.csv:3:7: importo "cento"')
