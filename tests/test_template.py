"""`cruscotto template`: what each office is asked for, one file per office, what is said on stderr."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from cruscotto_cli.cli.app import app

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args), env={"COLUMNS": "200", "NO_COLOR": "1"})


def lines(result) -> list[str]:
    return result.stdout_bytes.decode("utf-8").lstrip("\ufeff").split("\r\n")


def test_last_years_measure_a_formula_reads_is_asked_when_the_actuals_lack_it(repo_root) -> None:
    # 12.2 = livello_benessere / prev(livello_benessere): the shipped actuals have no 2024 value.
    result = run("template", "2025", "--owner", "staff")
    assert result.exit_code == 0
    assert lines(result)[1] == (
        "livello_benessere;2024;;;12;Livello di benessere organizzativo;S. Staff;indice;12.2: >1;3,52;;"
    )
    assert [line.split(";")[:2] for line in lines(result)[1:-1]].count(
        ["livello_benessere", "2025"]
    ) == 1
    # ore_medie_formazione has its 2024 value: not asked again.
    assert not [line for line in lines(result) if line.startswith("ore_medie_formazione;2024;")]


def test_rows_of_the_same_name_say_their_area_and_target(repo_root) -> None:
    rows = [
        line.split(";") for line in lines(run("template", "2024", "--owner", "promozione"))[:-1]
    ]
    same = [row for row in rows if row[5].startswith("Valutazioni positive rilevate tramite")]
    assert [(row[0], row[4], row[8]) for row in same] == [
        ('"=""2.2"""', "2", ">85%"),
        ('"=""3.5"""', "3", ">85%"),
        ('"=""5.2"""', "5", ">85%"),
        ('"=""6.2"""', "6", ">85%"),
    ]


def test_an_office_with_nothing_to_collect_is_told_so(repo_root) -> None:
    result = run("template", "2025", "--owner", "risorse-finanziarie")
    assert (result.exit_code, result.stdout, result.stderr) == (
        0,
        "",
        "cruscotto: S. Gestione Risorse Finanziarie e Patrimoni: nothing to collect for 2025; "
        "no file written\n",
    )


def test_all_writes_one_file_per_office_and_names_each(repo_root, tmp_path: Path) -> None:
    folder = tmp_path / "raccolta"
    result = run("template", "2025", "--all", "-o", str(folder))
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"cruscotto: wrote {folder}/anagrafico-2025.csv (S. Anagrafico Certificativo, 6 values)",
        f"cruscotto: wrote {folder}/gestione-documentale-2025.csv (Ufficio Gestione Documentale e Transizione Digitale, 5 values)",
        f"cruscotto: wrote {folder}/promozione-2025.csv (S. Promozione Sviluppo Economico, 16 values)",
        f"cruscotto: wrote {folder}/segreteria-2025.csv (S. Segreteria Generale, 9 values)",
        f"cruscotto: wrote {folder}/staff-2025.csv (S. Staff, 14 values)",
        f"cruscotto: wrote {folder}/legale-2025.csv (Legale, 2 values)",
        f"cruscotto: wrote {folder}/regolazione-mercato-2025.csv (S. Regolazione Mercato Tutela Consumatore, 2 values)",
        f"cruscotto: wrote {folder}/bilancio-2025.csv (S. Bilancio e Patrimonio, 14 values)",
        "cruscotto: S. Gestione Risorse Finanziarie e Patrimoni: nothing to collect for 2025; no file written",
    ]
    staff = (folder / "staff-2025.csv").read_bytes().decode("utf-8")
    assert staff == run("template", "2025", "--owner", "staff").stdout_bytes.decode("utf-8")


def test_all_writes_nothing_when_one_file_is_in_the_way(repo_root, tmp_path: Path) -> None:
    (tmp_path / "staff-2025.csv").write_text("mine", encoding="utf-8")
    result = run("template", "2025", "--all", "-o", str(tmp_path))
    assert (result.exit_code, result.stderr) == (
        2,
        f"cruscotto: {tmp_path}/staff-2025.csv: exists; use --force to overwrite it\n",
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["staff-2025.csv"]
    assert run("template", "2025", "--all", "-o", str(tmp_path), "--force").exit_code == 0
    assert (tmp_path / "staff-2025.csv").read_text(encoding="utf-8-sig").startswith("chiave;")


def test_a_written_file_is_confirmed_on_stderr(repo_root, tmp_path: Path) -> None:
    target = tmp_path / "staff.csv"
    result = run("template", "2024", "--owner", "staff", "-o", str(target))
    assert (result.exit_code, result.stdout, result.stderr) == (
        0,
        "",
        f"cruscotto: wrote {target} (S. Staff, 13 values)\n",
    )


def test_usage_errors(repo_root, tmp_path: Path) -> None:
    cases = [
        (["--all"], "cruscotto: --all writes one file per office: give the folder with -o DIR\n"),
        (
            ["-o", str(tmp_path / "x.csv"), "--format", "xlsx"],
            f'cruscotto: --format xlsx and -o {tmp_path}/x.csv disagree: ".csv" files are written as csv; drop one, or make them agree\n',
        ),
        (
            ["-o", str(tmp_path / "x.txt")],
            f'cruscotto: {tmp_path}/x.txt: unknown extension ".txt"; use one of .csv, .xlsx, or give --format\n',
        ),
        (["--format", "xlsx"], "cruscotto: --format xlsx is a binary file: give -o FILE\n"),
        (
            ["--deadline", "31-01-2025"],
            'cruscotto: --deadline "31-01-2025": expected a date as YYYY-MM-DD or DD/MM/YYYY\n',
        ),
    ]
    for args, message in cases:
        result = run("template", "2025", *args)
        assert (result.exit_code, result.stderr) == (2, message), args


def test_missing_lists_only_what_is_still_owed(repo_root) -> None:
    result = run("template", "2024", "--missing")
    assert (result.exit_code, result.stderr) == (0, "")
    assert lines(result) == [
        "chiave;anno;valore;motivazione;area;nome;ufficio;unità;target;valore anno precedente;fonte;nota;stato",
        '"=""5.5""";2024;;;5;Grado di coinvolgimento delle imprese in attività di internazionalizzazione (N. imprese supportate per l\'internazionalizzazione);S. Promozione Sviluppo Economico;n.;16;;;;mancante',
        "livello_benessere;2024;;;12;Livello di benessere organizzativo;S. Staff;indice;12.2: >1;3,52;;;mancante",
        "",
    ]


def test_missing_names_values_that_leave_an_indicator_unusable(repo_root, tmp_path: Path) -> None:
    import shutil

    folder = tmp_path / "actuals"
    shutil.copytree(repo_root / "actuals", folder)
    (folder / "staff-2024.csv").write_text(
        "indicatore;anno;valore\nlivello_benessere;2024;3,6\n", encoding="utf-8"
    )
    staff = (folder / "staff.csv").read_text(encoding="utf-8")
    (folder / "staff.csv").write_text(
        staff.replace("obiettivi_programmati;2024;30;", "obiettivi_programmati;2024;0;"),
        encoding="utf-8",
    )
    result = run("template", "2024", "--missing", "--owner", "staff", "--actuals", str(folder))
    assert (result.exit_code, lines(result)[1:]) == (
        0,
        [
            'obiettivi_modificati;2024;;;9;N. obiettivi soggetti a modifica in itinere;S. Staff;n.;9.8: < 18%;4;;;"non valutabile, dato ""4"": 9.8: divisione per zero: obiettivi_programmati vale 0"',
            'obiettivi_programmati;2024;;;9;N. obiettivi programmati ex ante;S. Staff;n.;9.8: < 18%;31;;;"non valutabile, dato ""0"": 9.8: divisione per zero: obiettivi_programmati vale 0"',
            "",
        ],
    )


def test_missing_for_every_office(repo_root, tmp_path: Path) -> None:
    result = run("template", "2024", "--missing", "--all", "-o", str(tmp_path))
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        "cruscotto: S. Anagrafico Certificativo: nothing missing for 2024; no file written",
        "cruscotto: Ufficio Gestione Documentale e Transizione Digitale: nothing missing for 2024; no file written",
        f"cruscotto: wrote {tmp_path}/promozione-2024-promemoria.csv (S. Promozione Sviluppo Economico, 1 value)",
        "cruscotto: S. Segreteria Generale: nothing missing for 2024; no file written",
        f"cruscotto: wrote {tmp_path}/staff-2024-promemoria.csv (S. Staff, 1 value)",
        "cruscotto: Legale: nothing missing for 2024; no file written",
        "cruscotto: S. Regolazione Mercato Tutela Consumatore: nothing missing for 2024; no file written",
        "cruscotto: S. Bilancio e Patrimonio: nothing missing for 2024; no file written",
        "cruscotto: S. Gestione Risorse Finanziarie e Patrimoni: nothing missing for 2024; no file written",
    ]


def test_missing_lists_a_refused_value_with_its_problem(repo_root, tmp_path: Path) -> None:
    import shutil

    folder = tmp_path / "actuals"
    shutil.copytree(repo_root / "actuals", folder)
    (folder / "staff-2025.csv").write_text(
        "indicatore;anno;valore\n4.1;2025;tre\n", encoding="utf-8"
    )
    result = run("template", "2025", "--missing", "--owner", "staff", "--actuals", str(folder))
    problem = f'{folder}/staff-2025.csv:2:3: value "tre" for 4.1: expected a number in "n." (leave the cell empty if not known yet)'
    assert (result.exit_code, result.stderr.splitlines()) == (
        0,
        [f"{problem} [csv-kind]", "cruscotto: 1 problem in the actuals; values refused are listed"],
    )
    assert lines(result)[2] == (
        '"=""4.1""";2025;;;4;Creazione e partecipazione tavoli di sviluppo;S. Staff;n.;>2;3;;;"non valido, '
        + problem.replace('"', '""')
        + '"'
    )
    # without --missing the same actuals stop the template, as every command
    assert run("template", "2025", "--actuals", str(folder)).exit_code == 2


def test_values_the_invoice_register_gives_are_not_asked_for(repo_root, tmp_path: Path) -> None:
    # registers/ has the invoices paid in 2024: 9.6, 9.7 and 9.10 are computed from them.
    def keys(*args: str) -> list[str]:
        rows = lines(run("template", *args, "--owner", "bilancio"))[1:-1]
        return [row.split(";")[0] for row in rows if row.startswith('"=""')]

    assert keys("2024") == ['"=""14.4"""', '"=""14.5"""', '"=""14.6"""', '"=""14.7"""']
    assert keys("2025") == [
        '"=""9.6"""',
        '"=""9.7"""',
        '"=""9.10"""',
        '"=""14.4"""',
        '"=""14.5"""',
        '"=""14.6"""',
        '"=""14.7"""',
    ]
    target = tmp_path / "bilancio.xlsx"
    result = run("template", "2024", "--owner", "bilancio", "-o", str(target))
    assert (result.exit_code, result.stderr) == (
        0,
        f"cruscotto: wrote {target} (S. Bilancio e Patrimonio, 11 values)\n",
    )
    missing = run("template", "2024", "--owner", "bilancio", "--missing")
    assert (missing.exit_code, missing.stdout, missing.stderr) == (
        0,
        "",
        "cruscotto: S. Bilancio e Patrimonio: nothing missing for 2024; no file written\n",
    )
