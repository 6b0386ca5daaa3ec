"""`cruscotto payments`, and the plan's values computed from the shipped invoice register."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from cruscotto_cli.cli.app import app
from cruscotto_cli.payments.register import load_register
from cruscotto_cli.payments.working import working
from cruscotto_cli.plan.load import load_plan
from cruscotto_cli.render.payments import payments_data
from tests.conftest import write_csv, write_plan


def run(*args: str):
    return CliRunner().invoke(app, list(args))


def test_evaluate_2024_takes_9_6_9_7_and_9_10_from_the_shipped_register(repo_root: Path) -> None:
    result = run("evaluate", "2024", "--area", "9", "--format", "json")
    indicators = {i["id"]: i for a in json.loads(result.stdout)["areas"] for i in a["indicators"]}
    taken = {key: indicators[key] for key in ("9.6", "9.7", "9.10")}
    assert {key: (i["actual"], i["status"]) for key, i in taken.items()} == {
        "9.6": (17.67, "not_met"),
        "9.7": (89.58, "not_met"),
        "9.10": (-14.92, "met"),
    }
    assert [i["sources"] for i in taken.values()] == [
        [
            {
                "key": "9.6",
                "year": 2024,
                "value": "17,67",
                "source": "illustrativo",
                "note": "848 / 48",
                "file": "registers/fatture-2024.csv",
                "row": 0,
            }
        ],
        [
            {
                "key": "9.7",
                "year": 2024,
                "value": "89,58%",
                "source": "illustrativo",
                "note": "100 × 43 / 48",
                "file": "registers/fatture-2024.csv",
                "row": 0,
            }
        ],
        [
            {
                "key": "9.10",
                "year": 2024,
                "value": "-14,92",
                "source": "illustrativo",
                "note": "-5.071.175,36 / 339.879,58",
                "file": "registers/fatture-2024.csv",
                "row": 0,
            }
        ],
    ]


def test_the_published_itp_of_2022_and_2023_are_real_actuals(repo_root: Path) -> None:
    result = run("evaluate", "2023", "--area", "9", "--format", "json")
    indicators = {i["id"]: i for a in json.loads(result.stdout)["areas"] for i in a["indicators"]}
    (source,) = indicators["9.10"]["sources"]
    assert (indicators["9.10"]["actual"], indicators["9.10"]["status"]) == (0.231, "not_met")
    assert source["source"].startswith("CCIAA Cagliari-Oristano, Amministrazione trasparente")


def test_a_value_typed_by_hand_and_computed_from_the_register_names_both_places(
    repo_root: Path, tmp_path: Path
) -> None:
    write_csv(tmp_path, "dati.csv", "indicatore;anno;valore\n9.10;2024;-12\n9.10;2023;0,231\n")
    result = run("evaluate", "2024", "--actuals", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr == (
        f"{tmp_path}/dati.csv:2:3: 9.10 for 2024 is computed from the invoice register "
        "(registers/fatture-2024.csv): remove this value, or that year's invoices from the register [register-conflict]\n"
        "cruscotto: 1 problem; nothing was evaluated\n"
    )


def test_payments_2024_shows_the_working(repo_root: Path) -> None:
    result = run("payments", "2024")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "│ Anno 2024 │      48 │      -5.071.175,36 │ 339.879,58 │ -14,92 │" in lines
    assert (
        "│ T3 2024   │       22,50 │     19,64 │      75,00% │          3 │          1 │" in lines
    )
    assert lines[-2:] == [
        "Nel piano: 9.6 giorni medi 17,67 · 9.7 entro 30 giorni 89,58% · 9.10 ITP -14,92",
        "Registro fatture: registers/fatture-2024.csv",
    ]


def test_payments_json_equals_what_the_library_returns(repo_root: Path) -> None:
    result = run("payments", "2024", "--format", "json")
    plan = load_plan(Path("plan"))
    expected = payments_data(working(plan, load_register(Path("registers")), 2024))
    assert json.loads(result.stdout) == json.loads(json.dumps(expected))
    annual = json.loads(result.stdout)["periods"][-1]
    assert (annual["quarter"], annual["itp"], annual["excluded"][0]["reason"]) == (
        None,
        -14.92,
        "non_commerciale",
    )
    assert json.loads(result.stdout)["plan"] == {"9.6": 17.67, "9.7": 89.58, "9.10": -14.92}


def test_one_quarter_as_csv_for_italian_excel(repo_root: Path, tmp_path: Path) -> None:
    result = run("payments", "2024", "--quarter", "3", "-o", str(tmp_path / "t3.csv"))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "t3.csv").read_bytes().decode("utf-8") == (
        "\ufeffPeriodo;Fatture;Σ giorni × importo;Σ importi;ITP;Giorni medi;Ponderati;Entro 30 gg;In ritardo;Contestate\r\n"
        "T3 2024;12;-1.019.932,82;69.294,06;-14,72;22,50;19,64;75,00%;3;1\r\n"
    )


def test_payments_bad_usage_exits_2(repo_root: Path, tmp_path: Path) -> None:
    assert (
        run("payments", "2024", "-q", "5").exit_code,
        run("payments", "2024", "-q", "5").stderr,
    ) == (
        2,
        "cruscotto: --quarter 5: expected 1, 2, 3 or 4\n",
    )
    missing = run("payments", "2024", "--register", str(tmp_path / "nowhere"))
    assert (missing.exit_code, missing.stderr) == (
        2,
        f"cruscotto: {tmp_path}/nowhere: invoice register folder not found; give one with --register DIR\n",
    )
    bad = run("payments", "2024", "-o", str(tmp_path / "out.pdf"))
    assert bad.exit_code == 2


def test_a_bad_register_is_exit_2_with_every_problem_placed(
    repo_root: Path, tmp_path: Path
) -> None:
    write_csv(
        tmp_path,
        "f.csv",
        "numero;fornitore;data_ricezione;termine_giorni;data_pagamento;importo\n1;Alfa;10/01/2024;30;05/01/2024;100,00\n",
    )
    result = run("payments", "2024", "--register", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        f'{tmp_path}/f.csv:2:5: data_pagamento "05/01/2024": paid before the invoice was received (10/01/2024) [register-order]'
    )


AREA = """\
    id: "1"
    title: Area
    indicators:
      - id: "1.1"
        name: Tempi di pagamento
        owner: staff
        unit: "%"
        register: average-days
        targets: {2024: "16"}
        direction: lower
      - id: "1.2"
        name: ITP
        owner: staff
        unit: giorni
        register: itp
        formula: accessi / attive
        targets: {2024: "< 0"}
"""


def test_the_plan_checks_what_a_register_value_is(tmp_path: Path, monkeypatch) -> None:
    write_plan(tmp_path / "plan", AREA)
    monkeypatch.chdir(tmp_path)
    result = run("validate")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[:2] == [
        'plan/01-area.yaml:8:15: `register: average-days` is measured in days, not "%" [register]',
        "plan/01-area.yaml:15:15: `register: itp` and a formula: the value comes from one of them [register]",
    ]


def test_the_format_follows_the_file_md_and_markdown_alike(repo_root: Path, tmp_path: Path) -> None:
    for name in ("itp.md", "itp.markdown"):
        result = run("payments", "2024", "-o", str(tmp_path / name))
        assert (result.exit_code, result.stderr) == (0, "")
        text = (tmp_path / name).read_text(encoding="utf-8")
        assert text.startswith("## Indicatore di tempestività dei pagamenti (ITP)\n\n| Periodo |")


def test_what_the_register_folder_does_not_read_is_named(repo_root: Path, tmp_path: Path) -> None:
    folder = tmp_path / "registri"
    (folder / "2024").mkdir(parents=True)
    (folder / "fatture-2024.xlsx").write_bytes(b"PK")
    (folder / "fatture.csv").write_bytes((repo_root / "registers/fatture-2024.csv").read_bytes())
    said = [
        f"{folder}/2024: not read: a folder: only the files directly in the register folder are read; move them up [not-read]",
        f'{folder}/fatture-2024.xlsx: not read: an Excel workbook; save it from Excel as "CSV UTF-8" [not-read]',
    ]
    shown = run("payments", "2024", "--register", str(folder), "-f", "json")
    assert (shown.exit_code, shown.stderr.splitlines()) == (0, said)
    assert json.loads(shown.stdout)["plan"]["9.10"] == -14.92
    evaluated = run("evaluate", "2024", "--area", "9", "--register", str(folder))
    assert (evaluated.exit_code, evaluated.stderr.splitlines()[:2]) == (1, said)
