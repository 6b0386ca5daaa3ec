"""Text from plan and office files never becomes a spreadsheet formula, a link, HTML or an escape."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from cruscotto_cli.actuals.excel import excel_text, neutral
from cruscotto_cli.cli.app import app
from tests.conftest import write_csv, write_plan

runner = CliRunner()
LINK = '=HYPERLINK("http://evil.example/x","Clicca")'
OFFICE = "@SUM(1+1)*cmd|' /C calc'!A0"
SOURCE = '=HYPERLINK("http://evil.example","fonte")'
NOTE = "+cmd|' /C calc'!A0"
HEADER = f"""\
title: Piano di prova
period: {{first: 2022, last: 2026}}
language: it
bands:
  - {{from: 100, label: Raggiunto}}
  - {{from: 0, label: Non raggiunto}}
offices:
  - {{id: staff, name: "{OFFICE}"}}
"""
AREA = f"""\
id: "1"
title: "Area [clicca](javascript:alert(1)) <img src=http://evil.example/x.png>"
indicators:
  - id: "1.1"
    name: '{LINK}'
    owner: staff
    unit: "%"
    direction: lower
    targets:
      2024: "-10,10%"
"""


def run(*args: str) -> Result:
    return runner.invoke(app, list(args), env={"COLUMNS": "200", "NO_COLOR": "1"})


@pytest.fixture
def hostile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A plan and an office's CSV whose texts are formulas, links and HTML."""
    write_plan(tmp_path / "plan", AREA, HEADER)
    write_csv(
        tmp_path / "actuals",
        "dati.csv",
        f"indicatore;anno;valore;fonte;nota\n1.1;2024;-5;{SOURCE};{NOTE}\n",
    )
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\\x0d=1"),
        ("nome\x1b[31m", "nome\\x1b[31m"),
        ("＝1+1", "'＝1+1"),
        ("-10,10%", "-10,10%"),  # a lone number is a constant, not a formula
        ("-1.234,5", "-1.234,5"),
        ("+5", "+5"),
        ("Servizi - rif. Pareto", "Servizi - rif. Pareto"),
        (-3, -3),
    ],
)
def test_a_cell_a_spreadsheet_would_run_is_neutralised(cell: object, written: object) -> None:
    assert neutral(cell) == written


def test_the_tools_own_id_formulas_stay(hostile: Path) -> None:
    assert neutral(excel_text("9.10")) == '="9.10"'
    assert excel_text('1"&HYPERLINK("x")&"') == '1"&HYPERLINK("x")&"'  # not a plain id: not wrapped
    assert neutral(excel_text('1"&HYPERLINK("x")&"')) == '1"&HYPERLINK("x")&"'


def test_evaluate_csv_neutralises_plan_text(hostile: Path) -> None:
    result = run("evaluate", "2024", "--format", "csv")
    assert result.exit_code == 1, result.output
    rows = result.stdout_bytes.decode("utf-8").split("\r\n")
    assert rows[1] == (
        '1;"=""1.1""";"\'=HYPERLINK(""http://evil.example/x"",""Clicca"")";'
        "'@SUM(1+1)*cmd|' /C calc'!A0;%;-10,10%;-5%;Non raggiunto;0,00%;;"
    )


def test_template_neutralises_plan_text(hostile: Path) -> None:
    import csv
    import io

    result = run("template", "2024")
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout_bytes.decode("utf-8-sig")), delimiter=";"))
    assert rows[1][0] == '="1.1"'  # the tool's own formula, kept
    assert f"'{LINK}" in rows[1] and f"'{OFFICE}" in rows[1]
    assert [c for c in rows[1] if c[:1] in ("=", "+", "-", "@")] == ['="1.1"'] + [
        c for c in rows[1] if c == "-10,10%"
    ]


def test_xlsx_text_cells_are_strings_never_formulas(hostile: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    assert run("report", "2024", "-o", "r.xlsx").exit_code == 0
    book = openpyxl.load_workbook(hostile / "r.xlsx")
    row = [c for c in book["Indicatori"][2]]
    assert (row[2].value, row[2].data_type) == (LINK, "s")
    assert (row[3].value, row[3].data_type) == (OFFICE, "s")
    assert (row[9].value, row[9].data_type) == (SOURCE, "s")
    formulas = [
        c.coordinate for sheet in book for r in sheet.iter_rows() for c in r if c.data_type == "f"
    ]
    assert formulas == []


# --- Markdown: no link, image, HTML or code span from plan or office text ---------------------

HOSTILE_MARKDOWN = [
    "[clicca](javascript:alert(1))",
    "![pixel](http://evil.example/x.png)",
    "<img src=http://evil.example/x.png>",
    "<script>alert(1)</script>",
    "<https://evil.example>",
    "see https://evil.example/x and www.evil.example",
    "[ref]: http://evil.example\n[ref]",
    "`code` | a pipe \\| and a backslash \\",
    "riga uno\nriga due\r",
]
ALLOWED_TAGS = {"p", "table", "thead", "tbody", "tr", "th", "td", "code"}


def rendered_tags(markdown: str) -> set[str]:
    import re

    cmarkgfm = pytest.importorskip("cmarkgfm")
    from cmarkgfm.cmark import Options

    html = cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)
    return set(re.findall(r"<([a-zA-Z][a-zA-Z0-9]*)", html))


@pytest.mark.parametrize("text", HOSTILE_MARKDOWN)
def test_escaped_text_renders_as_text_on_github(text: str) -> None:
    from cruscotto_cli.render.markdown import escape, table

    assert rendered_tags(escape(text)) <= {"p"}
    assert rendered_tags("\n".join(table(["a"], [[text]]))) <= ALLOWED_TAGS - {"code"}


@pytest.mark.parametrize("text", ["plan/a`b.yaml", "``x``", "a|b", "[x](javascript:1)"])
def test_a_code_span_cannot_be_closed_from_inside(text: str) -> None:
    import cmarkgfm

    from cruscotto_cli.render.markdown import code

    html = cmarkgfm.github_flavored_markdown_to_html(f"- {code(text)}: fine")
    assert html.count("<code>") == 1 and html.rstrip().endswith("</code>: fine</li>\n</ul>")
    assert rendered_tags(f"- {code(text)}: fine") == {"ul", "li", "code"}


@pytest.mark.parametrize(
    "args",
    [["evaluate", "2024", "--format", "markdown"], ["report", "2024", "-f", "markdown", "-o", "-"]],
)
def test_markdown_outputs_neutralise_plan_and_office_text(hostile: Path, args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code in (0, 1), result.output
    assert "javascript" in result.stdout  # the text is there, as text
    assert rendered_tags(result.stdout) <= ALLOWED_TAGS | {
        "h1",
        "h2",
        "h3",
        "strong",
        "em",
        "blockquote",
        "ul",
        "li",
    }


def test_the_pull_request_comment_neutralises_plan_text(hostile: Path) -> None:
    import shutil

    shutil.copytree(hostile / "plan", hostile / "base")
    area = hostile / "plan" / "01-area.yaml"
    area.write_text(area.read_text().replace('"-10,10%"', '"-20%"'), encoding="utf-8")
    (hostile / "plan" / "plan.yaml").write_text(
        (hostile / "plan" / "plan.yaml")
        .read_text()
        .replace("label: Non raggiunto}", "label: '[x](javascript:alert(1))'}"),
        encoding="utf-8",
    )
    result = run("diff", "--against-dir", "base", "--format", "markdown")
    assert result.exit_code == 1
    assert "\\[x\\](javascript\\:alert(1))" in result.stdout
    assert rendered_tags(result.stdout) <= ALLOWED_TAGS | {"h3", "h4", "strong", "ul", "li"}


# --- Terminal and files: control characters shown escaped ------------------------------------

RAW = "\x1b[31mrosso\x1b[0m \u202eevil\x9b"
ESCAPED = "\\x1b[31mrosso\\x1b[0m \\u202eevil\\x9b"


@pytest.fixture
def escapes(hostile: Path) -> Path:
    """The office's CSV carries escape sequences and bidirectional controls (the plan refuses them)."""
    csv = hostile / "actuals" / "dati.csv"
    csv.write_text(
        f"indicatore;anno;valore;fonte;nota\n1.1;2024;-5;{RAW};{RAW}\n", encoding="utf-8"
    )
    return hostile


def test_printable_escapes_controls_and_keeps_layout() -> None:
    from cruscotto_cli.encoding import printable

    assert printable(f"a{RAW}\tb\nc\r") == f"a{ESCAPED}\tb\nc\\x0d"


def test_diagnostics_show_a_cells_control_characters_escaped(escapes: Path) -> None:
    csv = escapes / "actuals" / "dati.csv"
    csv.write_text(f"indicatore;anno;valore\n1.1;2024;x{RAW}\n", encoding="utf-8")
    for args in (["validate"], ["evaluate", "2024"]):
        result = run(*args)
        assert result.exit_code in (1, 2)
        assert f'value "x{ESCAPED}" for 1.1' in result.stdout + result.stderr
        assert "\x1b" not in result.stdout + result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["evaluate", "2024", "--format", "json"],
        ["report", "2024", "-f", "markdown", "-o", "-"],
        ["report", "2024", "-f", "html", "-o", "-"],
    ],
)
def test_no_raw_control_character_in_any_output(escapes: Path, args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code in (0, 1), result.output
    assert not any(c in result.stdout for c in "\x1b\x9b\u202e")


def test_json_keeps_the_data_as_escapes(escapes: Path) -> None:
    import json

    result = run("evaluate", "2024", "--format", "json")
    assert "\\u001b[31mrosso\\u001b[0m \\u202eevil\\u009b" in result.stdout
    source = json.loads(result.stdout)["areas"][0]["indicators"][0]["sources"][0]
    assert source["source"] == RAW


def test_xlsx_holds_control_characters_escaped(escapes: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    assert run("report", "2024", "-o", "r.xlsx").exit_code == 0
    table = openpyxl.load_workbook(escapes / "r.xlsx")["Indicatori"]
    assert (table["J2"].value, table["J2"].data_type) == (ESCAPED, "s")


def test_the_job_summary_of_validate_neutralises_plan_text(hostile: Path) -> None:
    area = hostile / "plan" / "01-area.yaml"
    area.write_text(
        area.read_text().replace("owner: staff", "owner: '[x](javascript:alert(1)) <img src=x>'"),
        encoding="utf-8",
    )
    summary = hostile / "summary.md"
    result = runner.invoke(
        app,
        ["validate", "--format", "github"],
        env={"COLUMNS": "200", "NO_COLOR": "1", "GITHUB_STEP_SUMMARY": str(summary)},
    )
    assert result.exit_code == 1
    text = summary.read_text(encoding="utf-8")
    assert 'unknown office "\\[x\\](javascript\\:alert(1)) &lt;img src=x>"' in text
    assert rendered_tags(text) <= {"h3", "p", "strong", "ul", "li", "code"}
