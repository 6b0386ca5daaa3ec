"""`cruscotto evaluate` and `cruscotto template` as users run them: outputs, files and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cruscotto_cli.cli.app import app
from cruscotto_cli.evaluate import evaluate
from cruscotto_cli.inputs import load_inputs
from cruscotto_cli.render.data import evaluation_data
from tests.conftest import write_csv

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args), env={"COLUMNS": "200", "NO_COLOR": "1"})


def test_evaluate_2024_on_the_shipped_data(repo_root: Path, golden) -> None:
    result = run("evaluate", "2024")
    assert result.exit_code == 1, result.output
    last = result.stdout.strip().splitlines()[-1]
    assert (
        last
        == "Complessivo 2024: 95,51% Parzialmente raggiunto (raggiunto 43, non raggiunto 9, anno di rilevazione 3, dato mancante 2, eliminato 1); 2023: 97,67%, Δ -2,16 punti"
    )
    golden("evaluate-2024.txt", result.stdout)


def test_markdown_and_csv_formats(repo_root: Path, golden) -> None:
    golden("evaluate-2024.md", run("evaluate", "2024", "--format", "markdown").stdout)
    csv = run("evaluate", "2024", "--format", "csv").stdout_bytes.decode("utf-8")
    lines = csv.split("\r\n")
    # A byte-order mark, so that Excel reads UTF-8; ids as Excel text, so that 9.10 stays 9.10.
    assert (
        lines[0]
        == "\ufeffArea;ID;Indicatore;Owner;Unità;Target;Valore;Stato;Grado;Nota;Motivazione"
    )
    assert lines[2].startswith('1;"=""1.2""";"Percentuale di servizi ""Full Digital""')
    # Bands label roll-ups only: an indicator's row has its own verdict and no band.
    assert ";≥ 74%;73,97%;Non raggiunto;99,96%;;" in lines[2]


def test_json_equals_what_the_library_returns(repo_root: Path) -> None:
    result = run("evaluate", "2024", "--format", "json")
    plan, actuals = load_inputs(Path("plan"), Path("actuals"), False)
    expected = evaluation_data(plan, evaluate(plan, actuals, 2024))
    assert json.loads(result.stdout) == json.loads(json.dumps(expected))
    data = json.loads(result.stdout)
    assert [a["id"] for a in data["areas"]] == [str(n) for n in range(1, 15)]
    first = data["areas"][0]["indicators"][1]
    assert "band" not in first
    assert {k: first[k] for k in ("id", "target", "actual", "status", "degree", "reason")} == {
        "id": "1.2",
        "target": "≥ 74%",
        "actual": 73.972603,
        "status": "not_met",
        "degree": 99.962977,
        "reason": None,
    }
    assert first["sources"][0] == {
        "key": "servizi_full_digital",
        "year": 2024,
        "value": "54",
        "source": "illustrativo",
        "note": None,
        "file": "actuals/gestione-documentale.csv",
        "row": 8,
    }


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["--fail-on", "never"], 0),
        (["--fail-on", "not-met"], 1),
        (["--fail-on", "missing"], 1),
        (["--fail-on", "both"], 1),
        (["--area", "2", "--fail-on", "both"], 0),
        (["--area", "5", "--fail-on", "not-met"], 1),
        (["--area", "12", "--area", "2", "--fail-on", "not-met"], 0),
        (["--area", "12", "--fail-on", "missing"], 1),
    ],
)
def test_fail_on_chooses_what_exits_1(repo_root: Path, args: list[str], code: int) -> None:
    assert run("evaluate", "2024", "-f", "json", *args).exit_code == code


def test_filters_by_owner_and_tag(repo_root: Path) -> None:
    data = json.loads(run("evaluate", "2024", "-f", "json", "--owner", "S.Staff").stdout)
    assert [o["id"] for o in data["offices"]] == ["staff"]
    data = json.loads(
        run("evaluate", "2024", "-f", "json", "--tag", "obiettivi-comuni-di-sistema").stdout
    )
    assert sum(len(a["indicators"]) for a in data["areas"]) == 14


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["evaluate", "2030"], "cruscotto: year 2030 is not in the plan: it covers 2022-2026\n"),
        (
            ["evaluate", "2024", "--area", "15"],
            'cruscotto: unknown area "15"; did you mean "5"?; the plan has: 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14\n',
        ),
        (
            ["evaluate", "2024", "--owner", "bilanco"],
            'cruscotto: unknown office "bilanco"; did you mean "bilancio"?; the plan has: anagrafico, gestione-documentale, promozione, segreteria, staff, legale, regolazione-mercato, bilancio, risorse-finanziarie\n',
        ),
        (
            ["evaluate", "2024", "--actuals", "nowhere"],
            "cruscotto: nowhere: actuals folder not found\n",
        ),
        (
            ["evaluate", "2024", "--plan", "nowhere"],
            "cruscotto: nowhere: plan folder not found; give one with --plan DIR\n",
        ),
        (["template", "2031"], "cruscotto: year 2031 is not in the plan: it covers 2022-2026\n"),
    ],
)
def test_bad_usage_exits_2_with_a_clear_message(
    repo_root: Path, args: list[str], message: str
) -> None:
    result = run(*args)
    assert (result.exit_code, result.stderr) == (2, message)


def test_invalid_actuals_stop_evaluation_with_exit_2(repo_root: Path, tmp_path: Path) -> None:
    write_csv(tmp_path, "dati.csv", "indicatore;anno;valore\n1.33;2024;5\n")
    result = run("evaluate", "2024", "--actuals", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr == (
        f'{tmp_path}/dati.csv:2:1: unknown indicator or measure "1.33"; did you mean "1.3"? [csv-key]\n'
        "cruscotto: 1 problem; nothing was evaluated\n"
    )


@pytest.mark.parametrize("format", ["json", "table", "csv"])
def test_a_value_of_many_digits_is_shown_never_a_crash(
    repo_root: Path, tmp_path: Path, format: str
) -> None:
    # 30 digits, the limit: rounding it to 6 decimals (JSON) or 3 (shown) in the default 28-digit
    # context failed: exit 3.
    write_csv(
        tmp_path,
        "dati.csv",
        "indicatore;anno;valore\n9.6;2024;1234567890123456789012345,12345\n",
    )
    # No register: 9.6 is typed by hand.
    empty = tmp_path / "registers"
    empty.mkdir()
    actuals = ("--actuals", str(tmp_path), "--register", str(empty))
    result = run("evaluate", "2024", *actuals, "--area", "9", "--format", format)
    assert result.exit_code == 1, result.output
    if format == "json":
        actuals = {
            i["id"]: i["actual"]
            for a in json.loads(result.stdout)["areas"]
            for i in a["indicators"]
        }
        assert actuals["9.6"] == 1234567890123456789012345.123
    else:
        assert "1234567890123456789012345,123" in result.stdout


def test_an_internal_error_exits_3_and_says_how_to_see_the_traceback(
    repo_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr("cruscotto_cli.evaluate.evaluate", broken)
    result = run("evaluate", "2024")
    assert result.exit_code == 3
    assert result.stderr == (
        "cruscotto: internal error (a bug, please report it): ZeroDivisionError: boom\n"
        "cruscotto: run again with CRUSCOTTO_DEBUG=1 to see the traceback\n"
    )


def test_output_is_written_whole_and_never_over_a_file_without_force(
    repo_root: Path, tmp_path: Path
) -> None:
    target = tmp_path / "esito.json"
    assert run("evaluate", "2024", "-f", "json", "-o", str(target)).exit_code == 1
    assert json.loads(target.read_text(encoding="utf-8"))["year"] == 2024
    target.write_text("kept", encoding="utf-8")
    result = run("evaluate", "2024", "-f", "json", "-o", str(target))
    assert (result.exit_code, result.stderr) == (
        2,
        f"cruscotto: {target}: exists; use --force to overwrite it\n",
    )
    assert target.read_text(encoding="utf-8") == "kept"
    assert run("evaluate", "2024", "-f", "json", "-o", str(target), "--force").exit_code == 1
    assert json.loads(target.read_text(encoding="utf-8"))["year"] == 2024
    assert [p.name for p in tmp_path.iterdir()] == ["esito.json"]


def test_output_into_a_missing_folder_is_a_clear_error(repo_root: Path, tmp_path: Path) -> None:
    result = run("evaluate", "2024", "-o", str(tmp_path / "no" / "esito.txt"))
    assert (result.exit_code, result.stderr) == (
        2,
        f"cruscotto: {tmp_path}/no/esito.txt: cannot write in {tmp_path}/no: No such file or directory\n",
    )


def test_inputs_are_never_modified(repo_root: Path, tmp_path: Path) -> None:
    before = {p: p.read_bytes() for p in [*Path("plan").glob("*"), *Path("actuals").glob("*")]}
    run("evaluate", "2024")
    run("template", "2024", "-o", str(tmp_path / "t.csv"))
    assert {p: p.read_bytes() for p in before} == before


def test_template_lists_what_each_office_must_report(repo_root: Path, golden) -> None:
    result = run("template", "2024")
    assert result.exit_code == 0
    assert result.stdout_bytes.decode("utf-8").startswith(
        "\ufeffchiave;anno;valore;motivazione;area;nome;ufficio;unità;target;valore anno precedente;fonte;nota\r\n"
    )
    golden("template-2024.csv", result.stdout_bytes.decode("utf-8"))
    # Indicator ids are Excel text formulas, so that Excel does not turn "9.10" into 9,1.
    later = run("template", "2025").stdout_bytes.decode("utf-8")
    assert '\r\n"=""9.10""";2025;;;9;' in later
    staff = run("template", "2024", "--owner", "staff").stdout_bytes.decode("utf-8").split("\r\n")
    assert staff[1:-1] == [
        '"=""4.1""";2024;;;4;Creazione e partecipazione tavoli di sviluppo;S. Staff;n.;>1;3;;',
        '"=""8.1""";2024;;;8;Assenza di segnalazioni illeciti/eventi corruttivi (PTPCT);S. Staff;n.;0,00;0;;',
        '"=""8.3""";2024;;;8;Incrementare il grado di trasparenza dell\'amministrazione (Indice composto che esprime il livello di trasparenza dell\'ente sulla base delle valutazioni dell\'OIV);S. Staff;%;≥ 92%;94,0%;;',
        '"=""9.9""";2024;;;9;Indicatore sintetico esprimente il grado medio di soddisfazione rilevata da indagini di customer satisfaction da parte dei diversi servizi camerali;S. Staff;livello;> medio;alto;;',
        '"=""10.1""";2024;;;10;Incremento efficienza/efficacia processi mappati progetto lean organization: monitoraggio costante degli indicatori;S. Staff;sì/no;Annuale;sì;;',
        "azioni_infrastrutture_realizzate;2024;;;4;N. azioni realizzate per la gestione strategica di Infrastrutture Portualità Logistica;S. Staff;n.;4.2: 90%;10;;",
        "azioni_infrastrutture_effettive;2024;;;4;N. azioni effettive per la gestione strategica di Infrastrutture Portualità Logistica;S. Staff;n.;4.2: 90%;11;;",
        "obiettivi_modificati;2024;;;9;N. obiettivi soggetti a modifica in itinere;S. Staff;n.;9.8: < 18%;4;;",
        "obiettivi_programmati;2024;;;9;N. obiettivi programmati ex ante;S. Staff;n.;9.8: < 18%;31;;",
        "dipendenti_lavoro_agile;2024;;;10;N. dipendenti in lavoro agile/telelavoro;S. Staff;n.;10.2: >15%;22;;",
        "dipendenti_totali;2024;;;10;N. dipendenti;S. Staff;n.;10.2: >15%;77;;",
        "ore_medie_formazione;2024;;;12;Ore medie di formazione del personale a tempo indeterminato;S. Staff;n.;12.1: >1;24,5;;",
        "livello_benessere;2024;;;12;Livello di benessere organizzativo;S. Staff;indice;12.2: >1;3,52;;",
    ]


def test_a_filled_template_reads_back_as_actuals(repo_root: Path, tmp_path: Path) -> None:
    empty = tmp_path / "vuota"
    empty.mkdir()
    args = ("template", "2022", "--owner", "segreteria", "--actuals", str(empty))
    text = run(*args).stdout_bytes.decode("utf-8")
    assert "\r\naccessi_biblioteca;2021;;;3;" in text  # no actuals yet: last year's counts too
    filled = "\r\n".join(
        line.replace(";;", ";3;", 1) if i and line else line
        for i, line in enumerate(text.lstrip("\ufeff").split("\r\n"))
    )
    (tmp_path / "segreteria.csv").write_text(filled, encoding="utf-8")
    result = run("validate", "--actuals", str(tmp_path))
    assert result.exit_code == 0, result.stdout


def test_template_never_overwrites_without_force(repo_root: Path, tmp_path: Path) -> None:
    target = tmp_path / "raccolta.csv"
    assert run("template", "2024", "-o", str(target)).exit_code == 0
    assert run("template", "2024", "-o", str(target)).exit_code == 2
    assert run("template", "2024", "-o", str(target), "--force").exit_code == 0


@pytest.mark.parametrize("columns", [100, 119, 120, 160])
def test_the_table_keeps_every_word_beside_the_previous_years_columns(
    repo_root: Path, columns: int
) -> None:
    """The 2023 and Δ columns take 20 columns from the names: below 120 the list is shown, so
    that no name is squeezed into a column too narrow for its words ("protocollazi…")."""
    result = runner.invoke(
        app, ["evaluate", "2024", "--area", "9"], env={"COLUMNS": str(columns), "NO_COLOR": "1"}
    )
    assert "…" not in result.stdout
    assert ("┃    2023 ┃" in result.stdout) is (columns >= 120)


def test_a_narrow_terminal_gets_a_list_that_keeps_every_name(repo_root: Path) -> None:
    result = runner.invoke(
        app, ["evaluate", "2024", "--area", "4"], env={"COLUMNS": "60", "NO_COLOR": "1"}
    )
    assert result.stdout.splitlines() == [
        "Area 4. Infrastutture Portualità Logistica Gestione ",
        "Strategica delle partecipazioni societarie",
        "4.1  Creazione e partecipazione tavoli di sviluppo",
        "    Target >1 · Valore 3 · Raggiunto 100,00%",
        "4.2  Azioni poste in essere per la gestione strategica di ",
        "Infrastrutture Portualità Logistica: N° azioni ",
        "realizzate/N°azioni effettive",
        "    Target 90% · Valore 91,67% · Raggiunto 100,00%",
        "Punteggio: 100,00% Raggiunto",
        "",
        "Sintesi per ufficio",
        "S. Staff: 100,00% Raggiunto (raggiunto 2)",
        "Complessivo (area 4) 2024: 100,00% Raggiunto (raggiunto 2); ",
        "2023: 100,00%, Δ 0,00 punti",
    ]
    assert "\x1b[" not in result.stdout
