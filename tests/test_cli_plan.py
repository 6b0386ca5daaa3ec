"""`cruscotto validate`, `show` and `schema` as users run them: exact output and exit codes."""

from __future__ import annotations

import itertools
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from cruscotto_cli import __version__
from cruscotto_cli.cli.app import app
from cruscotto_cli.plan.load import load_header, load_plan
from cruscotto_cli.plan.schema import schema_text
from cruscotto_cli.plan.selection import Selection
from cruscotto_cli.render.data import plan_data
from tests.conftest import PLAN, REPO

INVALID = REPO / "tests" / "examples" / "plans" / "invalid"
AREAS = 14
INDICATORS = 58
runner = CliRunner()


def run(*args: str) -> Result:
    return runner.invoke(app, list(args), env={"COLUMNS": "250", "NO_COLOR": "1"})


@pytest.fixture
def elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty working folder: no ./plan, no ./actuals."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def bad_plan(elsewhere: Path) -> Path:
    """A plan with three unknown owners, copied to ./plan."""
    shutil.copytree(
        INVALID / "unknown-owner", elsewhere / "plan", ignore=shutil.ignore_patterns("expected.txt")
    )
    return elsewhere / "plan"


# --- validate --------------------------------------------------------------------------------


def test_validate_the_shipped_plan(elsewhere: Path) -> None:
    result = run("validate", "--plan", str(PLAN))
    assert (result.exit_code, result.stdout, result.stderr) == (
        0,
        f"ok: {PLAN}/ ({AREAS} areas, {INDICATORS} indicators)\n",
        "",
    )


def test_validate_in_the_repository_root_checks_plan_actuals_and_register(
    repo_root: Path,
) -> None:
    result = run("validate")
    assert result.exit_code == 0, result.output
    verdict = result.stdout.splitlines()
    assert len(verdict) == 1
    assert verdict[0].startswith(f"ok: plan/ ({AREAS} areas, {INDICATORS} indicators), actuals/ (")
    assert verdict[0].endswith(" and registers/ (3 values)")


def test_validate_reports_every_problem_then_the_verdict(bad_plan: Path) -> None:
    result = run("validate")
    assert result.exit_code == 1
    assert result.stdout == (
        'plan/01-a.yaml:7:12: unknown office "staf"; did you mean "staff"?; offices: staff, bilancio [unknown-office]\n'
        'plan/01-a.yaml:13:12: unknown office "S. Bilancio"; did you mean "bilancio"?; offices: staff, bilancio [unknown-office]\n'
        'plan/01-a.yaml:19:12: unknown office "ragioneria"; offices: staff, bilancio [unknown-office]\n'
        "3 problems in plan/\n"
    )


def test_validate_json(bad_plan: Path) -> None:
    result = run("validate", "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert set(data) == {"valid", "checked", "problems", "notices"}
    assert (data["valid"], data["checked"], len(data["problems"])) == (False, "plan/", 3)
    assert data["problems"][0] == {
        "path": "plan/01-a.yaml",
        "line": 7,
        "column": 12,
        "code": "unknown-office",
        "message": 'unknown office "staf"; did you mean "staff"?; offices: staff, bilancio',
    }


def test_validate_json_of_a_valid_plan(elsewhere: Path) -> None:
    data = json.loads(run("validate", "--plan", str(PLAN), "-f", "json").stdout)
    assert data == {
        "valid": True,
        "checked": f"{PLAN}/ ({AREAS} areas, {INDICATORS} indicators)",
        "problems": [],
        "notices": [],
    }


def test_validate_github_escapes_data_and_properties(elsewhere: Path) -> None:
    folder = elsewhere / "piano 50%, v:2"
    shutil.copytree(
        INVALID / "percentage-on-a-non-percent-unit",
        folder,
        ignore=shutil.ignore_patterns("expected.txt"),
    )
    result = run("validate", "--plan", str(folder.relative_to(elsewhere)), "--format", "github")
    assert result.exit_code == 1
    assert result.stdout == (
        "::error file=piano 50%25%2C v%3A2/01-a.yaml,line=10,col=13,title=unit::"
        'target "≥ 73%25" is a percentage but the unit is "n."; set `unit: "%25"`\n'
        "::error file=piano 50%25%2C v%3A2/01-a.yaml,line=11,col=13,title=unit::"
        'target "80%25-90%25" is a percentage but the unit is "n."; set `unit: "%25"`\n'
        "2 problems in piano 50%, v:2/\n"
    )


def test_validate_a_missing_plan_folder_is_a_usage_error(elsewhere: Path) -> None:
    result = run("validate", "--plan", "nowhere")
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        "cruscotto: nowhere: plan folder not found; give one with --plan DIR\n",
    )


def test_validate_a_bad_format_is_a_usage_error(elsewhere: Path) -> None:
    result = run("validate", "--plan", str(PLAN), "--format", "xml")
    assert result.exit_code == 2
    assert "'xml' is not one of 'text', 'json', 'github'" in result.stderr


# --- show ------------------------------------------------------------------------------------


def test_show_lists_every_area(repo_root: Path) -> None:
    result = run("show")
    assert result.exit_code == 0, result.output
    assert (
        result.stdout.splitlines()[0] == f"Cruscotto strategico 2022-2026 ({INDICATORS} indicatori)"
    )
    plan = load_plan(PLAN)
    for area, _ in plan.areas:
        assert f"{area.id}. {area.title}" in result.stdout
    for indicator in plan.indicators():
        assert f" {indicator.id} " in result.stdout


def test_show_one_indicator_in_full_with_its_symbol(repo_root: Path) -> None:
    result = run("show", "9.10")
    assert result.exit_code == 0, result.output
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    # Labels follow the plan's language (Italian for the shipped plan).
    assert "Simbolo     ITP" in lines
    assert "Registro    itp" in lines
    assert "Direzione   decrescente (più basso è meglio)" in lines
    assert "Owner       S. Bilancio e Patrimonio (bilancio)" in lines
    assert "│ 2022 │ ITP < -10            │ ITP < -10  │" in lines
    assert "│ 2026 │ ITP < -15            │ ITP < -15  │" in lines
    assert "Storia" not in lines


def test_show_names_the_register_value_an_indicator_is_computed_from(repo_root: Path) -> None:
    lines = [line.rstrip() for line in run("show", "9.7").stdout.splitlines()]
    assert "Registro    paid-within-30-days" in lines
    assert not [line for line in run("show", "9.9").stdout.splitlines() if "Registro" in line]
    data = json.loads(run("show", "--area", "9", "--format", "json").stdout)
    registers = {i["id"]: i["register"] for i in data["areas"][0]["indicators"] if i["register"]}
    assert registers == {"9.6": "average-days", "9.7": "paid-within-30-days", "9.10": "itp"}


def test_show_one_indicator_with_its_history(repo_root: Path) -> None:
    result = run("show", "1.2")
    assert result.exit_code == 0, result.output
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    assert "│ 2025 │ ≥76%                 │ ≥ 76%      │" in lines
    assert "Storia" in lines
    assert "│ 25/10/2022 │ D CC 25/10/2022 │ Modifica target │      │" in lines


def test_show_a_withdrawn_indicator(repo_root: Path) -> None:
    lines = [line.rstrip() for line in run("show", "14.1").stdout.splitlines()]
    assert "│ 2022 │ 69%                  │ Eliminato  │" in lines
    assert "│ 25/10/2022 │ D CC 25/10/2022 │ Eliminato │      │" in lines


def test_show_json_is_the_library_data(repo_root: Path) -> None:
    result = run("show", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    plan = load_plan(Path("plan"))
    assert data == plan_data(plan, list(plan.placed))
    assert set(data) == {"schema_version", "title", "entity", "period", "language", "areas"}
    header = (data["schema_version"], data["title"], data["period"], data["language"])
    assert header == (2, "Cruscotto strategico 2022-2026", {"first": 2022, "last": 2026}, "it")
    assert len(data["areas"]) == AREAS
    assert sum(len(a["indicators"]) for a in data["areas"]) == INDICATORS


def test_show_json_indicator_keys_and_values(repo_root: Path) -> None:
    data = json.loads(run("show", "1.2", "--format", "json").stdout)
    [area] = data["areas"]
    [indicator] = area["indicators"]
    assert indicator == {
        "id": "1.2",
        "name": 'Percentuale di servizi "Full Digital" (n. servizi interamente online, integrati e full digital / n. totale servizi erogati) - rif. Pareto',
        "owner": "gestione-documentale",
        "owner_name": "Ufficio Gestione Documentale e Transizione Digitale",
        "unit": "%",
        "direction": "higher",
        "symbol": None,
        "formula": "servizi_full_digital / servizi_totali * 100",
        "register": None,
        "weight": 1,
        "targets": {
            "2022": "≥ 73%",
            "2023": "≥ 72%",
            "2024": "≥ 74%",
            "2025": "≥76%",
            "2026": "≥ 78%",
        },
        "tags": [],
        "source": "Pareto",
        "notes": [],
        "changes": [
            {
                "date": "2022-10-25",
                "act": "D CC 25/10/2022",
                "change": "target",
                "from_year": None,
                "note": None,
            }
        ],
        "withdrawn": None,
    }


SAMPLE_TARGETS = {  # read off docs/source/cruscotto-strategico.txt
    "1.2": {"2022": "≥ 73%", "2023": "≥ 72%", "2024": "≥ 74%", "2025": "≥76%", "2026": "≥ 78%"},
    "1.3": {"2024": "140", "2025": "140", "2026": "140"},
    "1.5": {"2024": "Anno rilevazione", "2025": "700", "2026": "700"},
    "1.6": {"2024": "Anno rilevazione", "2025": "0,4", "2026": "0,4"},
    "9.10": {
        "2022": "ITP < -10",
        "2023": "ITP < -10",
        "2024": "ITP < -13",
        "2025": "ITP < -15",
        "2026": "ITP < -15",
    },
    "14.2": {"2022": "<1", "2023": "<1", "2024": "<1", "2025": "<1", "2026": "<1"},
    "14.4": {"2024": "-10,10%", "2025": "-9,90%", "2026": "-9,70%"},
}


def test_show_json_targets_match_the_seed(repo_root: Path) -> None:
    data = json.loads(run("show", "--format", "json").stdout)
    by_id = {i["id"]: i for a in data["areas"] for i in a["indicators"]}
    assert {key: by_id[key]["targets"] for key in SAMPLE_TARGETS} == SAMPLE_TARGETS
    assert by_id["9.10"]["symbol"] == "ITP"
    assert by_id["14.1"]["withdrawn"] == {"act": "D CC 25/10/2022", "date": "2022-10-25"}


@pytest.mark.parametrize(
    ("options", "areas", "indicators"),
    [
        (["--area", "9"], ["9"], 10),
        (["--area", "9", "--area", "14"], ["9", "14"], 17),
        (["--owner", "staff"], ["4", "8", "9", "10", "12"], 10),
        (["--owner", "S.Staff"], ["4", "8", "9", "10", "12"], 10),
        (
            ["--tag", "obiettivi-comuni-di-sistema"],
            ["1", "5", "14"],
            14,
        ),  # 14 rows "Obiettivi comuni di sistema" in the source document
        (["--area", "9", "--owner", "staff"], ["9"], 2),
    ],
)
def test_show_filters(
    repo_root: Path, options: list[str], areas: list[str], indicators: int
) -> None:
    result = run("show", "--format", "json", *options)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [a["id"] for a in data["areas"]] == areas
    assert sum(len(a["indicators"]) for a in data["areas"]) == indicators
    plan = load_plan(PLAN)
    pairs = list(itertools.pairwise(options))
    selection = Selection(
        *(tuple(v for k, v in pairs if k == option) for option in ("--area", "--owner", "--tag"))
    )
    assert data == plan_data(plan, selection.apply(plan))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--area", "99"],
            'unknown area "99"; did you mean "9"?; the plan has: 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14',
        ),
        (
            ["--owner", "staf"],
            'unknown office "staf"; did you mean "staff"?; the plan has: anagrafico, gestione-documentale, promozione, segreteria, staff, legale, '
            "regolazione-mercato, bilancio, risorse-finanziarie",
        ),
        (
            ["--tag", "obiettivi"],
            'unknown tag "obiettivi"; the plan has: obiettivi-comuni-di-sistema',
        ),
        (["99.9"], 'unknown indicator "99.9"; did you mean "9.9"?; `cruscotto show` lists them'),
    ],
)
def test_show_unknown_names_are_usage_errors(
    repo_root: Path, args: list[str], message: str
) -> None:
    result = run("show", *args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"cruscotto: {message}\n")


def test_show_an_invalid_plan_is_exit_2(bad_plan: Path) -> None:
    result = run("show")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines()[-1] == "cruscotto: 3 problems; nothing was evaluated"


# --- schema, version, help -------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["area", "plan"])
def test_schema_prints_the_committed_copy(kind: str) -> None:
    """From the repository root, --plan defaults to ./plan: the schema of the shipped plan."""
    result = run("schema", kind, "--plan", str(PLAN))
    assert result.exit_code == 0
    committed = (REPO / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8")
    assert result.stdout == committed == schema_text(kind, load_header(PLAN))


def test_schema_default_is_the_area_file() -> None:
    assert run("schema", "--plan", str(PLAN)).stdout == schema_text("area", load_header(PLAN))


def test_schema_generic_reads_no_plan(elsewhere: Path) -> None:
    result = run("schema", "--generic")
    assert (result.exit_code, result.stdout) == (0, schema_text("area"))
    assert '"enum"' not in result.stdout.split('"owner"')[1].split("}")[0]


def test_schema_without_a_plan_says_so_and_exits_2(elsewhere: Path) -> None:
    result = run("schema")
    assert (result.exit_code, result.stdout) == (2, "")
    assert (
        result.stderr.splitlines()[0]
        == "plan: plan folder not found; give one with --plan DIR [plan-folder]"
    )
    (elsewhere / "plan").mkdir()
    result = run("schema")
    assert (result.exit_code, result.stderr.splitlines()[0]) == (
        2,
        "plan/plan.yaml: missing: a plan needs plan.yaml (title, period, offices) [plan-header]",
    )


def test_schema_of_an_invalid_plan_yaml_names_the_place(elsewhere: Path) -> None:
    (elsewhere / "plan").mkdir()
    (elsewhere / "plan" / "plan.yaml").write_text(
        "title: T\nperiod: {first: 2022, last: 2026}\nofices: []\n", encoding="utf-8"
    )
    result = run("schema")
    assert result.exit_code == 2
    assert (
        result.stderr.splitlines()[0]
        == 'plan/plan.yaml:3:1: unknown key "ofices"; expected one of: title, entity, period, language, scale, bands, offices, measures, scoring, monitoring, changes [unknown-key]'
    )


def test_schema_to_a_file_never_overwrites_without_force(elsewhere: Path) -> None:
    assert run("schema", "plan", "--generic", "-o", "plan.schema.json").exit_code == 0
    assert (elsewhere / "plan.schema.json").read_text(encoding="utf-8") == schema_text("plan")
    again = run("schema", "plan", "--generic", "-o", "plan.schema.json")
    assert (again.exit_code, again.stderr) == (
        2,
        "cruscotto: plan.schema.json: exists; use --force to overwrite it\n",
    )
    assert run("schema", "plan", "--generic", "-o", "plan.schema.json", "--force").exit_code == 0


def test_version() -> None:
    result = run("--version")
    assert (result.exit_code, result.stdout) == (0, f"cruscotto {__version__}\n")


COMMANDS = sorted(c.name or c.callback.__name__ for c in app.registered_commands if c.callback)


def test_the_plan_commands_are_registered() -> None:
    assert {"validate", "show", "schema"} <= set(COMMANDS)


@pytest.mark.parametrize("command", [[], *([c] for c in COMMANDS)], ids=["cruscotto", *COMMANDS])
def test_help_exits_0_and_explains_exit_codes(command: list[str]) -> None:
    result = run(*command, "--help")
    assert result.exit_code == 0, result.output
    assert "Exit codes" in result.stdout
