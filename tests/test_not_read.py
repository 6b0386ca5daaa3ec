"""Nothing in the actuals folder is skipped in silence: each entry not read is named, with why."""

from __future__ import annotations

import json
import os
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from cruscotto_cli.actuals.files import scan
from cruscotto_cli.actuals.load import SUFFIXES, load_actuals
from cruscotto_cli.actuals.reader import READERS
from cruscotto_cli.cli.app import app
from cruscotto_cli.diagnostics import InputError
from cruscotto_cli.plan.load import load_plan
from tests.conftest import ACTUALS, PLAN

runner = CliRunner()
EXCEL = 'save it from Excel as "Cartella di lavoro di Excel" (.xlsx) or as "CSV UTF-8"'
NOTICES = [
    "a/.gitkeep: not read: only .csv and .xlsx files are read [not-read]",
    "a/leggimi.txt: not read: only .csv and .xlsx files are read [not-read]",
    'a/link.csv: not read: a symbolic link to "sparito.csv", which does not exist [not-read]',
    "a/lista.numbers: not read: an Apple Numbers document; export it as Excel (.xlsx) or CSV "
    "[not-read]",
    f"a/relazione.xlsm: not read: an Excel workbook with macros; {EXCEL} [not-read]",
    "a/sub: not read: a folder: only the files directly in the actuals folder are read; "
    "move them up [not-read]",
    'a/vecchio.ods: not read: an OpenDocument spreadsheet; save it as "Excel 2007-365" (.xlsx) '
    'or "Testo CSV" [not-read]',
    f"a/vecchio.xls: not read: an Excel 97-2003 workbook; {EXCEL} [not-read]",
    "a/~$staff.csv: not read: a lock file that Excel or LibreOffice keeps while a file is open, "
    "not data [not-read]",
]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The shipped actuals beside one entry of every kind that is not read, as `a/`."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(ACTUALS, "a")
    for name in ("relazione.xlsm", "vecchio.xls", "vecchio.ods", "lista.numbers", "leggimi.txt"):
        Path("a", name).write_bytes(b"PK\x03\x04 not CSV")
    Path("a/.gitkeep").touch()
    Path("a/~$staff.csv").write_bytes(b"\x00 Excel's lock file")
    Path("a/sub").mkdir()
    Path("a/sub/dati.csv").write_text("indicatore;anno;valore\n1.3;2024;1\n", encoding="utf-8")
    Path("a/link.csv").symlink_to("sparito.csv")
    return Path("a")


def shipped_values() -> int:
    return len(load_actuals(ACTUALS, load_plan(PLAN)).values)


def run(*args: str) -> Result:
    return runner.invoke(app, [*args, "--plan", str(PLAN)], env={"COLUMNS": "200", "NO_COLOR": "1"})


def test_every_entry_is_read_or_named(folder: Path) -> None:
    found = scan(folder, SUFFIXES)
    assert [str(n) for n in found.notices] == NOTICES
    assert [p.name for p in found.read] == sorted(p.name for p in ACTUALS.glob("*.csv"))
    actuals = load_actuals(folder, load_plan(PLAN))
    assert [str(n) for n in actuals.notices] == NOTICES


def test_a_pipe_named_csv_is_not_read(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "dati.csv")  # reading it would wait for a writer forever
    assert [n.message for n in scan(tmp_path, SUFFIXES).notices] == ["not read: not a regular file"]


def test_notices_come_with_the_problems_when_loading_fails(folder: Path) -> None:
    Path("a/zz.csv").write_text("indicatore;anno;valore\n1.3;2025;abc\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_actuals(folder, load_plan(PLAN))
    assert [str(n) for n in caught.value.notices] == NOTICES
    assert [d.code for d in caught.value.diagnostics] == ["csv-kind"]


def test_validate_text_names_them_and_stays_ok(folder: Path) -> None:
    result = run("validate", "--actuals", "a")
    assert (result.exit_code, result.stdout.splitlines()[:-1]) == (0, NOTICES)
    assert result.stdout.splitlines()[-1] == (
        f"ok: {PLAN}/ (14 areas, 58 indicators) and a/ ({shipped_values()} values, 9 files not read)"
    )


def test_validate_json_lists_them_as_notices(folder: Path) -> None:
    result = run("validate", "--actuals", "a", "--format", "json")
    data = json.loads(result.stdout)
    assert (result.exit_code, data["valid"], data["problems"]) == (0, True, [])
    assert data["notices"][4] == {
        "path": "a/relazione.xlsm",
        "line": 0,
        "column": 0,
        "code": "not-read",
        "message": f"not read: an Excel workbook with macros; {EXCEL}",
    }
    assert len(data["notices"]) == len(NOTICES)


def test_validate_github_warns(folder: Path, tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    result = runner.invoke(
        app,
        ["validate", "--actuals", "a", "--format", "github", "--plan", str(PLAN)],
        env={"GITHUB_STEP_SUMMARY": str(summary)},
    )
    lines = result.stdout.splitlines()
    assert (result.exit_code, len(lines)) == (0, len(NOTICES) + 1)
    assert lines[4] == (
        f"::warning file=a/relazione.xlsm,title=not-read::not read: an Excel workbook with macros; {EXCEL}"
    )
    assert f"- `a/relazione.xlsm` not read: an Excel workbook with macros; {EXCEL} [not-read]" in (
        summary.read_text(encoding="utf-8").splitlines()
    )


def test_validate_junit_skips(folder: Path) -> None:
    result = run("validate", "--actuals", "a", "--format", "junit")
    suite = ET.fromstring(result.stdout).find("testsuite")
    assert suite is not None
    assert (result.exit_code, suite.get("tests"), suite.get("skipped")) == (0, "10", "9")
    skipped = [c for c in suite.iter("testcase") if c.find("skipped") is not None]
    assert skipped[4].get("name") == "a/relazione.xlsm [not-read]"
    assert (
        skipped[4].find("skipped").get("message")
        == f"not read: an Excel workbook with macros; {EXCEL}"
    )


def test_evaluate_and_report_say_them_on_stderr(folder: Path) -> None:
    result = run("evaluate", "2024", "--actuals", "a", "--format", "json")
    assert (result.exit_code, result.stderr.splitlines()) == (1, NOTICES)
    json.loads(result.stdout)  # the data stays clean for `| jq`
    result = run("report", "2024", "--actuals", "a", "-o", "r.md")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[: len(NOTICES)] == NOTICES


def test_a_failed_load_still_says_them(folder: Path) -> None:
    Path("a/zz.csv").write_text("indicatore;anno;valore\n1.3;2025;abc\n", encoding="utf-8")
    result = run("evaluate", "2024", "--actuals", "a")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        *NOTICES,
        'a/zz.csv:2:3: value "abc" for 1.3: expected a number in "n." '
        "(leave the cell empty if not known yet) [csv-kind]",
        "cruscotto: 1 problem; nothing was evaluated",
    ]
    result = run("validate", "--actuals", "a")
    assert (result.exit_code, result.stdout.splitlines()[:-2]) == (1, NOTICES)
    assert result.stdout.splitlines()[-1] == (
        f"1 problem in {PLAN}/ (14 areas, 58 indicators) and a/ (9 files not read)"
    )


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_an_unreadable_csv_is_a_problem_not_a_notice(tmp_path: Path) -> None:
    path = tmp_path / "dati.csv"
    path.write_text("indicatore;anno;valore\n", encoding="utf-8")
    path.chmod(0)
    with pytest.raises(InputError) as caught:
        load_actuals(tmp_path, load_plan(PLAN))
    assert [str(d) for d in caught.value.diagnostics] == [
        f"{path}: cannot read the file: Permission denied [csv-file]"
    ]


def test_every_suffix_listed_has_its_reader() -> None:
    assert sorted(READERS) == sorted(SUFFIXES)
