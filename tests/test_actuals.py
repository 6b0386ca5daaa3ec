"""Reading the actuals CSV files: delimiters, encodings, numbers, kinds, and every error's message."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from cruscotto_cli.actuals.load import load_actuals
from cruscotto_cli.actuals.values import Actual, Actuals
from cruscotto_cli.diagnostics import InputError
from cruscotto_cli.plan.load import load_plan
from cruscotto_cli.plan.loaded import Plan

ROOT = Path(__file__).parent.parent
EXAMPLES = Path(__file__).parent / "examples" / "actuals"


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan(ROOT / "plan")


def write(folder: Path, name: str, content: str | bytes) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def load(tmp_path: Path, plan: Plan, content: str | bytes, name: str = "dati.csv") -> Actuals:
    write(tmp_path / "actuals", name, content)
    return load_actuals(tmp_path / "actuals", plan)


def problems(folder: Path, plan: Plan) -> list[str]:
    """Every diagnostic of a folder, with the folder's paths made relative to it."""
    with pytest.raises(InputError) as caught:
        load_actuals(folder, plan)
    return [str(d).replace(f"{folder}/", "") for d in caught.value.diagnostics]


def problems_of(tmp_path: Path, plan: Plan, content: str | bytes) -> list[str]:
    write(tmp_path / "actuals", "dati.csv", content)
    return problems(tmp_path / "actuals", plan)


# --- values ----------------------------------------------------------------------------------

VALUES = [
    # delimiters and headers, Italian and English, any case
    ("indicatore;anno;valore\n1.3;2024;140\n", "1.3", Decimal(140)),
    ("indicator,year,value\n1.3,2024,140\n", "1.3", Decimal(140)),
    ("Indicatore\tAnno\tValore\n1.3\t2024\t140\n", "1.3", Decimal(140)),
    (" CHIAVE ; Anno ; VALORE \n1.3;2024;140\n", "1.3", Decimal(140)),
    ('"Key";"Year";"Value"\n"1.3";"2024";"140"\n', "1.3", Decimal(140)),
    # the key as Excel's text formula, which `template` may write to keep "9.10" a text
    ('chiave;anno;valore\n="9.10";2024;-12\n', "9.10", Decimal(-12)),
    # decimal comma file, decimal point file
    ("misura;anno;valore\nimprese_attive;2024;1234,5\n", "imprese_attive", Decimal("1234.5")),
    ("measure,year,value\nimprese_attive,2024,1234.5\n", "imprese_attive", Decimal("1234.5")),
    # thousands separators: point, comma, space, no-break space, narrow no-break space
    ("misura;anno;valore\nimprese_attive;2024;1.234,5\n", "imprese_attive", Decimal("1234.5")),
    ("misura;anno;valore\nimprese_attive;2024;1.234.567\n", "imprese_attive", Decimal(1234567)),
    ('measure,year,value\nimprese_attive,2024,"1,234.5"\n', "imprese_attive", Decimal("1234.5")),
    ("measure\tyear\tvalue\nimprese_attive\t2024\t1,234,567\n", "imprese_attive", Decimal(1234567)),
    ("misura;anno;valore\nimprese_attive;2024;1 234 567\n", "imprese_attive", Decimal(1234567)),
    ("misura;anno;valore\nimprese_attive;2024;1\u00a0234,5\n", "imprese_attive", Decimal("1234.5")),
    ("misura;anno;valore\nimprese_attive;2024;1\u202f234\n", "imprese_attive", Decimal(1234)),
    ("misura;anno;valore\nimprese_attive;2024;0.123\n", "imprese_attive", Decimal("0.123")),
    # in a ";" file the comma is decimal, as Italian Excel writes it: the ITP of 13,537 days
    ("indicatore;anno;valore\n9.10;2024;13,537\n", "9.10", Decimal("13.537")),
    (
        "misura;anno;valore\nimprese_attive;2024;1.234\nservizi_totali;2024;13,537\n",
        "imprese_attive",
        Decimal(1234),
    ),
    # percent indicators: in percent points, with or without the sign
    ("indicatore;anno;valore\n2.2;2024;73%\n", "2.2", Decimal(73)),
    ("indicatore;anno;valore\n2.2;2024;73\n", "2.2", Decimal(73)),
    ("indicatore;anno;valore\n2.2;2024;73,5 %\n", "2.2", Decimal("73.5")),
    ("indicatore;anno;valore\n14.4;2024;-10,10%\n", "14.4", Decimal("-10.10")),
    # signs, including the Unicode minus Word and some exports write
    ("indicatore;anno;valore\n9.10;2024;+3\n", "9.10", Decimal(3)),
    ("indicatore;anno;valore\n9.10;2024;\u221212,5\n", "9.10", Decimal("-12.5")),
    # yes / no
    ("indicatore;anno;valore\n1.1;2024;sì\n", "1.1", True),
    ("indicatore;anno;valore\n1.1;2024;SI\n", "1.1", True),
    ("indicatore;anno;valore\n1.1;2024;Yes\n", "1.1", True),
    ("indicatore;anno;valore\n1.1;2024;y\n", "1.1", True),
    ("indicatore;anno;valore\n1.1;2024;true\n", "1.1", True),
    ("indicatore;anno;valore\n1.1;2024;Vero\n", "1.1", True),
    ("indicatore;anno;valore\n1.1;2024;1\n", "1.1", True),
    ("indicatore;anno;valore\n1.1;2024;No\n", "1.1", False),
    ("indicatore;anno;valore\n1.1;2024;n\n", "1.1", False),
    ("indicatore;anno;valore\n1.1;2024;FALSE\n", "1.1", False),
    ("indicatore;anno;valore\n1.1;2024;falso\n", "1.1", False),
    ("indicatore;anno;valore\n1.1;2024;0\n", "1.1", False),
    # levels of the scale, or a score read through its bands at evaluation
    ("indicatore;anno;valore\n3.3;2024;Alto\n", "3.3", "alto"),
    ("indicatore;anno;valore\n3.3;2024; MEDIO \n", "3.3", "medio"),
    ("indicatore;anno;valore\n3.3;2024;3,8\n", "3.3", Decimal("3.8")),
]


@pytest.mark.parametrize(("content", "key", "expected"), VALUES)
def test_value(tmp_path: Path, plan: Plan, content: str, key: str, expected: object) -> None:
    actual = load(tmp_path, plan, content).get(key, 2024)
    assert actual is not None
    assert actual.value == expected
    assert type(actual.value) is type(expected)


def test_actual_keeps_text_place_source_and_note(tmp_path: Path, plan: Plan) -> None:
    content = "nome;chiave;anno;valore;fonte;nota\nAccessi;accessi_biblioteca;2024;1.234,0; Pareto 2024 ; stima \n"
    actuals = load(tmp_path, plan, content)
    path = str(tmp_path / "actuals" / "dati.csv")
    assert actuals.values == {
        ("accessi_biblioteca", 2024): Actual(
            "accessi_biblioteca",
            2024,
            Decimal("1234.0"),
            "1.234,0",
            "Pareto 2024",
            "stima",
            path,
            2,
            4,
        )
    }
    assert actuals.files == (tmp_path / "actuals" / "dati.csv",)


def test_number_is_for_formulas(tmp_path: Path, plan: Plan) -> None:
    actuals = load(
        tmp_path, plan, "indicatore;anno;valore\n1.3;2024;140\n1.1;2024;sì\n3.3;2024;alto\n"
    )
    assert actuals.number("1.3", 2024) == Decimal(140)
    assert actuals.number("1.1", 2024) is None
    assert actuals.number("3.3", 2024) is None
    assert actuals.number("1.3", 2025) is None
    assert actuals.get("1.3", 2025) is None


def test_previous_year_of_the_plan_is_accepted(tmp_path: Path, plan: Plan) -> None:
    actuals = load(tmp_path, plan, "misura;anno;valore\nsoggetti_innovazione;2021;310\n")
    assert actuals.number("soggetti_innovazione", 2021) == Decimal(310)


def test_utf8_with_bom(tmp_path: Path, plan: Plan) -> None:
    actuals = load(tmp_path, plan, "\ufeffindicatore;anno;valore\r\n1.1;2024;sì\r\n")
    assert actuals.number("1.1", 2024) is None
    assert actuals.values[("1.1", 2024)].value is True


def test_cp1252_as_italian_excel_writes_it(tmp_path: Path, plan: Plan) -> None:
    content = "chiave;anno;valore;unità;nota\r\n1.1;2024;sì;sì/no;città\r\n".encode("cp1252")
    assert b"\xe0" in content and b"\xec" in content
    actual = load(tmp_path, plan, content).values[("1.1", 2024)]
    assert (actual.value, actual.text, actual.note) == (True, "sì", "città")


def test_mac_line_endings(tmp_path: Path, plan: Plan) -> None:
    actuals = load(tmp_path, plan, "indicatore;anno;valore\r1.3;2024;140\r1.4;2024;13\r")
    assert (actuals.values[("1.4", 2024)].row, actuals.number("1.4", 2024)) == (3, Decimal(13))


def test_empty_values_and_blank_lines_are_skipped(tmp_path: Path, plan: Plan) -> None:
    content = (
        "indicatore;anno;valore;nota\n1.3;2024;;da rilevare\n\n;;;\n1.4;2024; ;\n1.5;2024;700;\n"
    )
    actuals = load(tmp_path, plan, content)
    assert list(actuals.values) == [("1.5", 2024)]
    assert actuals.values[("1.5", 2024)].row == 6


def test_quoted_cell_over_two_lines_keeps_row_numbers(tmp_path: Path, plan: Plan) -> None:
    content = 'indicatore;anno;valore;nota\n1.3;2024;140;"prima riga\nseconda riga"\n1.4;2024;13;\n'
    actuals = load(tmp_path, plan, content)
    assert actuals.values[("1.3", 2024)].note == "prima riga\nseconda riga"
    assert actuals.values[("1.4", 2024)].row == 4


def test_ambiguous_number_is_read_when_the_rest_of_the_file_settles_it(
    tmp_path: Path, plan: Plan
) -> None:
    comma = load(
        tmp_path,
        plan,
        "misura;anno;valore\naccessi_biblioteca;2024;1.234\nimprese_attive;2024;12,5\n",
        "a.csv",
    )
    assert comma.number("accessi_biblioteca", 2024) == Decimal(1234)
    point = load(
        tmp_path,
        plan,
        'measure,year,value\naccessi_biblioteca,2025,"1,234"\nimprese_attive,2025,12.5\n',
        "b.csv",
    )
    assert point.number("accessi_biblioteca", 2025) == Decimal(1234)
    assert point.number("accessi_biblioteca", 2024) == Decimal(1234)  # a.csv, read on its own terms


def test_each_file_settles_its_own_decimal_separator(tmp_path: Path, plan: Plan) -> None:
    write(
        tmp_path / "actuals",
        "it.csv",
        "misura;anno;valore\nimprese_attive;2024;1.234\nfollowers_social;2024;0,5\n",
    )
    write(
        tmp_path / "actuals",
        "en.csv",
        "measure,year,value\nimprese_attive,2023,1.234\nfollowers_social,2023,0.5\n",
    )
    actuals = load_actuals(tmp_path / "actuals", plan)
    assert actuals.number("imprese_attive", 2024) == Decimal(1234)
    assert actuals.number("imprese_attive", 2023) == Decimal("1.234")


def test_empty_folder_and_other_files(tmp_path: Path, plan: Plan) -> None:
    assert load_actuals(tmp_path, plan) == Actuals({}, ())
    write(tmp_path, "leggimi.txt", "not read")
    write(tmp_path, "~$dati.csv", b"\x00\x01 Excel's lock file")
    (tmp_path / "sub.csv").mkdir()
    write(tmp_path / "sub.csv", "x.csv", "not read: not recursive")
    actuals = load_actuals(tmp_path, plan)
    assert (actuals.values, actuals.files) == ({}, ())
    assert [str(n).replace(f"{tmp_path}/", "") for n in actuals.notices] == [
        "leggimi.txt: not read: only .csv and .xlsx files are read [not-read]",
        "sub.csv: not read: a folder: only the files directly in the actuals folder are read; "
        "move them up [not-read]",
        "~$dati.csv: not read: a lock file that Excel or LibreOffice keeps while a file is open, "
        "not data [not-read]",
    ]


def test_files_are_read_in_name_order(tmp_path: Path, plan: Plan) -> None:
    write(tmp_path / "actuals", "b.csv", "indicatore;anno;valore\n1.4;2024;13\n")
    write(tmp_path / "actuals", "A.CSV", "indicatore;anno;valore\n1.3;2024;140\n")
    actuals = load_actuals(tmp_path / "actuals", plan)
    assert [p.name for p in actuals.files] == ["A.CSV", "b.csv"]
    assert len(actuals.values) == 2


def test_input_files_are_not_modified(tmp_path: Path, plan: Plan) -> None:
    content = "\ufeffindicatore;anno;valore\r\n1.3;2024;1.234\r\n".encode()
    path = write(tmp_path / "actuals", "dati.csv", content)
    with pytest.raises(InputError):
        load_actuals(tmp_path / "actuals", plan)
    assert path.read_bytes() == content


def test_blank_template_reads_as_no_values(tmp_path: Path, plan: Plan) -> None:
    from cruscotto_cli.actuals.template import template_rows
    from cruscotto_cli.actuals.template_csv import template_csv

    text = template_csv(plan, template_rows(plan, plan.placed, 2024))
    actuals = load(tmp_path, plan, text)
    assert actuals.values == {}


# --- errors ----------------------------------------------------------------------------------


def test_duplicate_across_files_names_both_places(tmp_path: Path, plan: Plan) -> None:
    write(
        tmp_path / "actuals", "a-staff.csv", "indicatore;anno;valore\n1.4;2024;12\n1.3;2024;140\n"
    )
    write(tmp_path / "actuals", "b-segreteria.csv", "anno;indicatore;valore\n2024;1.3;141\n")
    with pytest.raises(InputError) as caught:
        load_actuals(tmp_path / "actuals", plan)
    folder = tmp_path / "actuals"
    assert [str(d) for d in caught.value.diagnostics] == [
        f'{folder}/b-segreteria.csv:2:2: 1.3 for 2024 is given twice: "141" here and "140" at '
        f"{folder}/a-staff.csv:3; give each value once [csv-duplicate]"
    ]


def test_all_problems_of_all_files_in_one_pass(tmp_path: Path, plan: Plan) -> None:
    write(tmp_path / "actuals", "a.csv", "indicatore;anno;valore\n1.33;2024;140\n1.3;2030;abc\n")
    write(tmp_path / "actuals", "b.csv", "")
    assert problems(tmp_path / "actuals", plan) == [
        'a.csv:2:1: unknown indicator or measure "1.33"; did you mean "1.3"? [csv-key]',
        'a.csv:3:2: year "2030": expected a year from 2021 to 2026 (2021 for the previous-year values) [csv-year]',
        'a.csv:3:3: value "abc" for 1.3: expected a number in "n." (leave the cell empty if not known yet) [csv-kind]',
        'b.csv:1:1: empty file: expected a header such as "indicatore;anno;valore", then one value a row [csv-header]',
    ]


def test_contradiction_is_placed_on_the_odd_row(tmp_path: Path, plan: Plan) -> None:
    content = "misura;anno;valore\nimprese_attive;2024;12.5\nfollowers_social;2024;1,5\niscrizioni_newsletter;2024;2,5\n"
    assert problems_of(tmp_path, plan, content) == [
        'dati.csv:2:3: value "12.5" for imprese_attive: uses a decimal point, '
        'but row 3 ("1,5") and 1 more row use a decimal comma; '
        "use one decimal separator in the whole file [csv-number]"
    ]


def test_every_odd_row_is_named_and_a_tie_in_a_semicolon_file_goes_to_the_comma(
    tmp_path: Path, plan: Plan
) -> None:
    content = "misura\tanno\tvalore\nimprese_attive\t2024\t12.5\nfollowers_social\t2024\t1,5\n"
    content += "iscrizioni_newsletter\t2024\t2,5\nservizi_totali\t2024\t3.5\n"
    odd = "use one decimal separator in the whole file [csv-number]"
    assert problems_of(tmp_path, plan, content) == [
        f'dati.csv:3:3: value "1,5" for followers_social: uses a decimal comma, but row 2 ("12.5") and 1 more row use a decimal point; {odd}',
        f'dati.csv:4:3: value "2,5" for iscrizioni_newsletter: uses a decimal comma, but row 2 ("12.5") and 1 more row use a decimal point; {odd}',
    ]
    assert problems_of(tmp_path, plan, content.replace("\t", ";")) == [
        f'dati.csv:2:3: value "12.5" for imprese_attive: uses a decimal point, but row 3 ("1,5") and 1 more row use a decimal comma; {odd}',
        f'dati.csv:5:3: value "3.5" for servizi_totali: uses a decimal point, but row 3 ("1,5") and 1 more row use a decimal comma; {odd}',
    ]


def test_a_comma_in_a_semicolon_file_is_never_a_thousands_separator(
    tmp_path: Path, plan: Plan
) -> None:
    content = "misura;anno;valore\nimprese_attive;2024;1,234,567\nservizi_totali;2024;1,234.5\n"
    hint = 'in a ";"-separated file the comma is the decimal separator (as Italian Excel writes it), so this is not a number'
    assert problems_of(tmp_path, plan, content) == [
        f'dati.csv:2:3: value "1,234,567" for imprese_attive: {hint}; write 1234567 [csv-number]',
        f'dati.csv:3:3: value "1,234.5" for servizi_totali: {hint}; write 1234,5 [csv-number]',
    ]


@pytest.mark.parametrize(
    ("cell", "digit"), [("١٢٣", "١"), ("１２３", "１"), ("12٣", "٣"), ("९", "९"), ("1,５%", "５")]
)
def test_digits_are_ascii_only(tmp_path: Path, plan: Plan, cell: str, digit: str) -> None:
    content = f"indicatore;anno;valore\n2.2;2024;{cell}\n3.3;2024;{cell}\n"
    message = f'"{digit}" is not one of the digits 0-9; write the number with 0-9 only [csv-number]'
    assert problems_of(tmp_path, plan, content) == [
        f'dati.csv:2:3: value "{cell}" for 2.2: {message}',
        f'dati.csv:3:3: value "{cell}" for 3.3: {message}',
    ]


def test_a_year_in_other_digits_is_refused(tmp_path: Path, plan: Plan) -> None:
    assert problems_of(tmp_path, plan, "indicatore;anno;valore\n1.3;２０２４;140\n") == [
        'dati.csv:2:2: year "２０２４": expected a year from 2021 to 2026 (2021 for the previous-year values) [csv-year]'
    ]


def test_ambiguous_percent(tmp_path: Path, plan: Plan) -> None:
    assert problems_of(tmp_path, plan, "indicatore\tanno\tvalore\n2.2\t2024\t1,000%\n") == [
        'dati.csv:2:3: value "1,000%" for 2.2: reads two ways, 1000% or 1,000%, and no other number in this file '
        "shows its decimal separator; write 1000% (no thousands separator) or 1,0000% (four decimals) [csv-ambiguous]"
    ]


def test_score_needs_bands_in_the_scale(tmp_path: Path, plan: Plan) -> None:
    scale = tuple(s.model_copy(update={"from_": None}) for s in plan.header.scale)
    unbanded = Plan(
        plan.folder,
        plan.header.model_copy(update={"scale": scale}),
        plan.header_document,
        plan.areas,
    )
    assert problems_of(
        tmp_path, unbanded, "indicatore;anno;valore\n3.3;2024;3,8\n3.3;2023;altissimo\n"
    ) == [
        'dati.csv:2:3: value "3,8" for 3.3: the plan\'s scale has no bands to read a score; '
        "write a level: basso, medio, alto [csv-kind]",
        'dati.csv:3:3: value "altissimo" for 3.3: expected a level of the scale (basso, medio, alto); '
        'did you mean "alto"? [csv-kind]',
    ]


FRACTION = "a per cent value of 1 or less where every target is 80% or more: a fraction?"


def test_a_fraction_for_a_per_cent_far_below_its_targets_is_refused(
    tmp_path: Path, plan: Plan
) -> None:
    content = "indicatore;anno;valore\n2.2;2024;0,94\n2.2;2025;1\n2.2;2023;0,945\n"
    assert problems_of(tmp_path, plan, content) == [
        f'dati.csv:2:3: value "0,94" for 2.2: {FRACTION} write 94 or 94% for ninety-four per cent; '
        "write 0,94% if you mean it [csv-implausible]",
        f'dati.csv:3:3: value "1" for 2.2: {FRACTION} write 100 or 100% for one hundred per cent; '
        "write 1% if you mean it [csv-implausible]",
        f'dati.csv:4:3: value "0,945" for 2.2: {FRACTION} write 94,5 or 94,5% for 94,5 per cent; '
        "write 0,945% if you mean it [csv-implausible]",
    ]


def test_a_small_per_cent_said_so_or_near_its_targets_is_read(tmp_path: Path, plan: Plan) -> None:
    content = "indicatore;anno;valore\n2.2;2024;0,94%\n2.2;2025;0\n14.4;2024;0,5\n"
    actuals = load(tmp_path, plan, content)
    assert actuals.number("2.2", 2024) == Decimal("0.94")  # "0,94%": meant, and said
    assert actuals.number("2.2", 2025) == 0  # nothing to mistake: 0 is 0% either way
    assert actuals.number("14.4", 2024) == Decimal("0.5")  # targets -10,10%: not far above


def test_a_count_is_not_negative(tmp_path: Path, plan: Plan) -> None:
    content = "chiave;anno;valore\nimprese_attive;2024;-3\n1.3;2024;-1\n9.10;2024;-14,5\n"
    assert problems_of(tmp_path, plan, content) == [
        'dati.csv:2:3: value "-3" for imprese_attive: a count (its unit is "n.") cannot be negative [csv-implausible]',
        'dati.csv:3:3: value "-1" for 1.3: a count (its unit is "n.") cannot be negative [csv-implausible]',
    ]  # 9.10 is in days: an early payment is negative


@pytest.mark.parametrize(
    ("unit", "counts"),
    [
        ("n.", True),
        ("N", True),
        ("numero", True),
        ("n. imprese", True),
        ("nr.", True),
        ("n°", True),
        ("giorni", False),
        ("%", False),
        ("indice", False),
        ("", False),
    ],
)
def test_which_units_are_counts(unit: str, counts: bool) -> None:
    from cruscotto_cli.actuals.plausible import count_unit

    assert (count_unit(unit) is not None) is counts


def test_a_score_is_within_the_scale(tmp_path: Path, plan: Plan) -> None:
    content = "indicatore;anno;valore\n3.3;2024;7\n3.3;2025;0,5\n9.9;2024;5\n9.9;2025;1\n"
    levels = "write a score from 1 to 5, or a level: basso, medio, alto [csv-implausible]"
    assert problems_of(tmp_path, plan, content) == [
        f'dati.csv:2:3: value "7" for 3.3: a score above the top of the scale (5); {levels}',
        f'dati.csv:3:3: value "0,5" for 3.3: a score below the bottom of the scale (1); {levels}',
    ]


def test_utf8_marked_file_with_a_bad_byte(tmp_path: Path, plan: Plan) -> None:
    content = b"\xef\xbb\xbfindicatore;anno;valore;nota\n1.3;2024;140;citt\xe0\n"
    assert problems_of(tmp_path, plan, content) == [
        "dati.csv:2:18: byte 0xE0 is not UTF-8, though the file starts with a UTF-8 mark; "
        'save it from Excel as "CSV UTF-8" or "CSV (delimitato dal separatore di elenco)" [csv-encoding]'
    ]


def test_utf8_file_with_a_stray_windows_1252_byte(tmp_path: Path, plan: Plan) -> None:
    content = "indicatore;anno;valore;nota\n1.3;2024;140;città\n".encode()
    content += b"1.4;2024;13;perch\xc3\xa9 \xe8 cos\xc3\xac\r\n"  # "è" in Windows-1252
    assert problems_of(tmp_path, plan, content) == [
        'dati.csv:3:20: byte 0xE8 is not UTF-8, though the file is UTF-8 elsewhere ("à" at line 2, '
        "column 18): a file is UTF-8 or Windows-1252 throughout, never both; "
        'save it from Excel as "CSV UTF-8" or "CSV (delimitato dal separatore di elenco)" [csv-encoding]'
    ]


def test_windows_1252_file_is_read_whole_as_windows_1252(tmp_path: Path, plan: Plan) -> None:
    content = "indicatore;anno;valore;nota\r1.3;2024;140;perché è così\r".encode("cp1252")
    actual = load(tmp_path, plan, content).values[("1.3", 2024)]
    assert actual.note == "perché è così"


def test_empty_first_line(tmp_path: Path, plan: Plan) -> None:
    assert problems_of(tmp_path, plan, "\nindicatore;anno;valore\n1.3;2024;140\n") == [
        "dati.csv:1:1: empty first line: the file must start with a header such as "
        '"indicatore;anno;valore" [csv-header]'
    ]


def test_rows_of_a_file_with_a_bad_header_are_still_checked(tmp_path: Path, plan: Plan) -> None:
    assert problems_of(tmp_path, plan, "indicatore;anno;valore;valuta\n1.33;2024;140;EUR\n") == [
        'dati.csv:1:4: unknown column "valuta"; did you mean "value"?; accepted columns: indicatore/misura/chiave, '
        "anno, valore, motivazione, data/periodo, fonte, nota, nome, ufficio, unità, area, target, valore anno precedente, stato, "
        "or in English indicator/measure/key, year, value, reason, date/period, source, note, name, office/owner, unit, area, "
        "target, previous year value, status [csv-header]",
        'dati.csv:2:1: unknown indicator or measure "1.33"; did you mean "1.3"? [csv-key]',
    ]


# --- the example corpora ---------------------------------------------------------------------


def test_valid_examples_load(plan: Plan) -> None:
    actuals = load_actuals(EXAMPLES / "valid", plan)
    assert [p.name for p in actuals.files] == ["promotion.csv", "segreteria.csv", "staff.csv"]
    assert len(actuals.values) == 14
    assert actuals.number("imprese_attive", 2024) == Decimal(
        42015
    )  # "42,015", settled by "10520.5"
    assert actuals.number("dipendenti_totali", 2024) == Decimal(1250)  # "1.250", settled by "-14,5"
    assert actuals.number("10.3", 2024) == Decimal("92.5")
    assert actuals.get("obiettivi_modificati", 2024) is None  # left empty: not collected yet
    assert (actuals.values[("3.3", 2024)].value, actuals.values[("1.1", 2024)].value) == (
        "alto",
        True,
    )
    assert actuals.values[("9.10", 2024)].source == "PCC"


YES_NO = "expected yes or no: sì, si, yes, y, true, vero, 1 or no, n, false, falso, 0"
INVALID = {
    "ambiguous-number": [
        '2:3: value "1.234" for 1.3: reads two ways, 1234 or 1,234, and no other number in this file shows its '
        "decimal separator; write 1234 (no thousands separator) or 1,2340 (four decimals) [csv-ambiguous]"
    ],
    "bad-encoding": [
        "2:18: byte 0x81 is neither UTF-8 nor Windows-1252 text; "
        'save it from Excel as "CSV UTF-8" or "CSV (delimitato dal separatore di elenco)" [csv-encoding]'
    ],
    "contradictory-decimals": [
        '2:3: value "4.5" for 9.4: uses a decimal point, but row 3 ("1,45") and 1 more row use a decimal comma; '
        "use one decimal separator in the whole file [csv-number]"
    ],
    "decimal-comma-unquoted": [
        '2:1: 4 fields, but the header has 3 columns (in a ","-separated file a decimal comma needs quotes: "12,5") '
        "[csv-row]"
    ],
    "duplicate-in-file": [
        '4:1: 1.3 for 2024 is given twice: "141" here and "140" at duplicate-in-file.csv:2; give each value once [csv-duplicate]'
    ],
    "empty-file": [
        '1:1: empty file: expected a header such as "indicatore;anno;valore", then one value a row [csv-header]'
    ],
    "excel-error": [
        '2:3: value "#DIV/0!" for servizi_totali: an Excel error, not a number; '
        "put the measured value in the cell [csv-kind]"
    ],
    "excel-workbook": [
        "1:1: not CSV text (an Excel workbook, or UTF-16 text?); "
        'save it from Excel as "CSV UTF-8" or "CSV (delimitato dal separatore di elenco)" [csv-encoding]'
    ],
    "formula-indicator": [
        "2:1: indicator 1.2 is computed from its formula (servizi_full_digital, servizi_totali): "
        "report those measures instead [csv-key]",
        "3:1: indicator 2.1 is computed from its formula (soggetti_innovazione): report that measure instead [csv-key]",
    ],
    "malformed-number": [
        '2:3: value "14O" for 1.3: expected a number in "n." (leave the cell empty if not known yet) [csv-number]'
    ],
    "missing-column": ['1:1: missing column "anno" (or "year") [csv-header]'],
    "missing-key": ["2:1: missing key: expected an indicator or a measure [csv-key]"],
    "no-header": [
        '1:1: no header: "1.3;2024;140" names no known column; start the file with a line such as '
        '"indicatore;anno;valore"; accepted columns: indicatore/misura/chiave, anno, valore, motivazione, data/periodo, fonte, '
        "nota, nome, ufficio, unità, area, target, valore anno precedente, stato, or in English indicator/measure/key, "
        "year, value, reason, date/period, source, note, name, office/owner, unit, area, target, previous year value, status "
        "[csv-header]"
    ],
    "percent-not-allowed": [
        '2:3: value "73%" for 1.3: "%" is only for values in %, and 1.3 is measured in "n."; '
        'write it without "%" [csv-kind]'
    ],
    "repeated-column": [
        '1:2: column "misura" repeats column 1 ("indicatore"); keep one [csv-header]'
    ],
    "text-for-number": [
        '2:3: value "alto" for 1.3: expected a number in "n." (leave the cell empty if not known yet) [csv-kind]'
    ],
    "unknown-column": [
        '1:4: unknown column "commento"; accepted columns: indicatore/misura/chiave, anno, valore, motivazione, data/periodo, fonte, '
        "nota, nome, ufficio, unità, area, target, valore anno precedente, stato, or in English indicator/measure/key, "
        "year, value, reason, date/period, source, note, name, office/owner, unit, area, target, previous year value, status "
        "[csv-header]"
    ],
    "unknown-key": ['2:1: unknown indicator or measure "1.33"; did you mean "1.3"? [csv-key]'],
    "unknown-level": [
        '2:3: value "medo" for 3.3: expected a level of the scale (basso, medio, alto) or a score; '
        'did you mean "medio"? [csv-kind]'
    ],
    "unknown-measure": [
        '2:1: unknown indicator or measure "imprese_attiva"; did you mean "imprese_attive"? [csv-key]'
    ],
    "wrong-field-count": [
        "2:1: 4 fields, but the header has 3 columns [csv-row]",
        "3:1: 2 fields, but the header has 3 columns [csv-row]",
    ],
    "year-out-of-range": [
        '2:2: year "2027": expected a year from 2021 to 2026 (2021 for the previous-year values) [csv-year]',
        '3:2: year "2020": expected a year from 2021 to 2026 (2021 for the previous-year values) [csv-year]',
        '4:2: year "24": expected a year from 2021 to 2026 (2021 for the previous-year values) [csv-year]',
    ],
    "yes-no": [
        f'2:3: value "2" for 1.1: {YES_NO} [csv-kind]',
        f'3:3: value "forse" for 10.1: {YES_NO} [csv-kind]',
    ],
}


def test_every_invalid_example_has_its_expected_messages() -> None:
    assert sorted(INVALID) == sorted(p.stem for p in (EXAMPLES / "invalid").glob("*.csv"))


@pytest.mark.parametrize("case", sorted(INVALID))
def test_invalid_example(tmp_path: Path, plan: Plan, case: str) -> None:
    folder = tmp_path / "actuals"
    folder.mkdir()
    shutil.copy(EXAMPLES / "invalid" / f"{case}.csv", folder)
    assert problems(folder, plan) == [f"{case}.csv:{line}" for line in INVALID[case]]
