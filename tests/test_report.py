"""`cruscotto report`: golden HTML and Markdown, a self-contained page, XLSX, PDF, and clear errors."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import zlib
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from cruscotto_cli.cli.app import app
from cruscotto_cli.cycle.rundate import run_date
from cruscotto_cli.plan.load import load_plan
from tests.conftest import PLAN, write_csv

runner = CliRunner()
DATE = "2025-03-31"
IDS = [i.id for i in load_plan(PLAN).indicators()]


def run(*args: str, env: dict[str, str] | None = None) -> Any:
    return runner.invoke(app, list(args), env={"COLUMNS": "200", "NO_COLOR": "1", **(env or {})})


@pytest.fixture(scope="module")
def html_2024() -> str:
    old = Path.cwd()
    os.chdir(PLAN.parent)
    try:
        result = run("report", "2024", "-o", "-", "--format", "html", "--date", DATE)
    finally:
        os.chdir(old)
    assert result.exit_code == 0, result.output
    return str(result.stdout)


# --- golden files: regenerate only on purpose, with pytest --update-golden ----------------------


def test_html_report_2024_matches_its_golden_file(
    html_2024: str, golden: Callable[[str, str], None]
) -> None:
    golden("report-2024.html", html_2024)


def test_markdown_report_2024_matches_its_golden_file(
    repo_root: Path, golden: Callable[[str, str], None]
) -> None:
    result = run("report", "2024", "-o", "-", "-f", "markdown", "--date", DATE)
    assert result.exit_code == 0, result.output
    golden("report-2024.md", result.stdout)


# --- the HTML page ----------------------------------------------------------------------------

VOID = {
    "meta",
    "link",
    "br",
    "hr",
    "img",
    "input",
    "rect",
    "line",
    "path",
    "polyline",
    "circle",
    "col",
    "wbr",
}


class Balanced(HTMLParser):
    """Every opened element closed, in order; void and self-closed SVG elements need no end tag."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pass

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.problems.append(f"unexpected </{tag}> at {self.getpos()}")


def test_the_html_parses_with_every_element_closed(html_2024: str) -> None:
    parser = Balanced()
    parser.feed(html_2024)
    parser.close()
    assert parser.problems == []
    assert parser.stack == []


def test_the_html_is_self_contained(html_2024: str) -> None:
    for external in ("http://", "https://", "src=", "<link", "@import", "<script"):
        assert external not in html_2024
    assert "url(" not in html_2024.replace("url(#", "")


def test_the_html_holds_every_indicator_with_a_chart(html_2024: str) -> None:
    for ind in IDS:
        assert f'id="ind-{ind}"' in html_2024, ind
    assert html_2024.count('<svg class="chart"') == len(IDS)
    assert html_2024.count("<title>") > len(IDS)  # the page's and each chart's, for screen readers


def test_the_html_has_every_part_the_issue_asks_for(html_2024: str) -> None:
    for anchor in (
        "sintesi",
        "area-1",
        "area-14",
        "uffici",
        "storia",
        "fonti",
        "metodo",
        "origine",
    ):
        assert f'id="{anchor}"' in html_2024
    assert '<html lang="it">' in html_2024
    assert "@page { size: A4;" in html_2024
    assert "Valori illustrativi: non sono dati pubblicati" in html_2024
    assert "95,51%" in html_2024 and "Parzialmente raggiunto" in html_2024
    assert "target ≥ 103, valore 100: grado = 100 / 103 = 97,09%." in html_2024
    assert "D CC 25/10/2022" in html_2024 and "Indicatori eliminati" in html_2024
    assert "actuals/staff.csv:" in html_2024 and "plan/plan.yaml" in html_2024
    assert "Generato il 31/03/2025" in html_2024


def test_the_charts_look_comes_from_attributes_not_classes(html_2024: str) -> None:
    charts = re.findall(r"<svg class=\"(?:chart|scorebar)\".*?</svg>", html_2024)
    assert charts
    for chart in charts:
        assert re.findall(r"<(?:rect|line|path|polyline|text)\b[^>]*\bclass=", chart) == []
    assert 'stroke-dasharray="4 3"' in html_2024  # the target line's dash
    for rule in ("fill:", "stroke:", "text-anchor:"):
        assert rule not in html_2024.split("</style>")[0], rule


def test_the_cover_states_the_scope_of_a_filtered_report(repo_root: Path) -> None:
    result = run("report", "2024", "-o", "-", "-f", "html", "--area", "12", "--date", DATE)
    assert result.exit_code == 0, result.output
    assert (
        '<p class="subtitle">Cruscotto strategico 2022-2026</p><p class="cover-scope">Ambito: area 12</p>'
        in result.stdout
    )
    assert (
        '<li><a href="#area-12">Area 12. Valorizzazione del capitale umano e dei livelli di benessere organizzativo</a></li>'
        in result.stdout
    )
    assert 'href="#area-1"' not in result.stdout


def test_the_cover_of_the_whole_plan_names_no_scope(html_2024: str) -> None:
    assert (
        '<p class="kicker">Camera di Commercio</p><h1>Relazione sulla performance 2024</h1>'
        in html_2024
    )
    assert "cover-scope" not in html_2024.split("</style>")[1]


def test_user_text_is_escaped(html_2024: str) -> None:
    assert "ITP &lt; -13" in html_2024
    assert "ITP < -13" not in html_2024


# --- scope, reproducibility, dates --------------------------------------------------------------


def test_an_offices_own_scorecard(repo_root: Path) -> None:
    result = run("report", "2024", "-o", "-", "-f", "html", "--owner", "S.Staff", "--date", DATE)
    assert result.exit_code == 0, result.output
    assert "Ambito: ufficio S. Staff" in result.stdout
    assert 'id="ind-4.2"' in result.stdout and 'id="ind-1.1"' not in result.stdout


def test_a_tag_and_an_area_filter(repo_root: Path) -> None:
    result = run(
        "report",
        "2024",
        "-o",
        "-",
        "-f",
        "markdown",
        "--tag",
        "obiettivi-comuni-di-sistema",
        "--area",
        "1",
        "--date",
        DATE,
    )
    assert result.exit_code == 0, result.output
    assert "| 1.3 |" in result.stdout and "| 1.2 |" not in result.stdout


def test_same_inputs_give_the_same_bytes(repo_root: Path, tmp_path: Path) -> None:
    for name in ("a", "b"):
        for ext in ("html", "md", "xlsx"):
            result = run("report", "2024", "-o", str(tmp_path / f"{name}.{ext}"), "--date", DATE)
            assert result.exit_code == 0, result.output
    for ext in ("html", "md", "xlsx"):
        assert (tmp_path / f"a.{ext}").read_bytes() == (tmp_path / f"b.{ext}").read_bytes(), ext


def test_source_date_epoch_fixes_the_date(repo_root: Path) -> None:
    result = run(
        "report", "2024", "-o", "-", "-f", "markdown", env={"SOURCE_DATE_EPOCH": "1743379200"}
    )
    assert "Generato il 31/03/2025" in result.stdout


def test_generation_date_prefers_the_option() -> None:
    assert run_date("2025-01-02", {"SOURCE_DATE_EPOCH": "0"}) == dt.date(2025, 1, 2)
    assert run_date(None, {"SOURCE_DATE_EPOCH": "0"}) == dt.date(1970, 1, 1)


def test_no_illustrative_notice_for_published_values(repo_root: Path, tmp_path: Path) -> None:
    write_csv(
        tmp_path / "actuals",
        "a.csv",
        "indicatore;anno;valore;fonte;nota\n1.3;2024;150;Relazione 2024;\n",
    )
    result = run(
        "report",
        "2024",
        "-o",
        "-",
        "-f",
        "markdown",
        "--actuals",
        str(tmp_path / "actuals"),
        "--register",
        str(tmp_path),  # no register here: the shipped one is illustrative
        "--date",
        DATE,
    )
    assert result.exit_code == 0, result.output
    assert "illustrativi" not in result.stdout
    assert "| 1.3 | 1.3 | 2024 | 150 | Relazione 2024 |" in result.stdout


# --- XLSX ---------------------------------------------------------------------------------------


def test_the_xlsx_reopens_with_values_and_formats(repo_root: Path, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "r.xlsx"
    assert run("report", "2024", "-o", str(out), "--date", DATE).exit_code == 0
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Sintesi", "Indicatori"]
    table = book["Indicatori"]
    assert [c.value for c in table[1]][:9] == [
        "Area",
        "ID",
        "Indicatore",
        "Ufficio",
        "Unità",
        "Target",
        "Valore",
        "Stato",
        "Grado",
    ]
    assert table.freeze_panes == "A2" and table.auto_filter.ref == f"A1:K{len(IDS) + 1}"
    row = next(r for r in table.iter_rows(min_row=2) if r[1].value == "1.2")
    assert row[5].value == "≥ 74%" and row[7].value == "Non raggiunto"
    assert row[6].value == pytest.approx(0.7397260274) and row[6].number_format == "0.00%"
    assert row[8].value == pytest.approx(0.9996297668) and row[8].number_format == "0.00%"
    rules = [r for cf in table.conditional_formatting for r in cf.rules]
    assert {r.formula[0] for r in rules} >= {'"Raggiunto"', '"Non raggiunto"', '"Dato mancante"'}
    summary = book["Sintesi"]
    assert summary.freeze_panes == "A6"
    assert [c.value for c in summary[5]][:4] == ["Ambito", "Chiave", "Punteggio", "Fascia"]
    assert [c.value for c in summary[6]][:4] == [
        "Complessivo",
        "Cruscotto strategico 2022-2026",
        pytest.approx(0.955138921),
        "Parzialmente raggiunto",
    ]
    assert book.properties.created == dt.datetime(2025, 3, 31)


def test_xlsx_without_openpyxl_says_how_to_install_it(
    repo_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    result = run("report", "2024", "-o", str(tmp_path / "r.xlsx"))
    assert result.exit_code == 2
    assert "XLSX needs openpyxl: pip install 'cruscotto[xlsx]'" in result.stderr
    assert not (tmp_path / "r.xlsx").exists()


# --- PDF ----------------------------------------------------------------------------------------


def _weasyprint() -> bool:
    try:
        import weasyprint  # type: ignore[import-untyped,unused-ignore]  # noqa: F401
    except (ImportError, OSError):
        return False
    return True


@pytest.mark.skipif(
    not _weasyprint(), reason="WeasyPrint is not installed: pip install 'cruscotto[pdf]'"
)
def test_the_pdf_is_an_archival_pdf(repo_root: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    result = run("report", "2024", "-o", str(out), "--area", "1", "--date", DATE)
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert data.startswith(b"%PDF-")
    assert any(b"pdfaid:part" in stream for stream in _streams(data)), (
        "no PDF/A identification in the metadata"
    )


def _streams(pdf: bytes) -> list[bytes]:
    streams = []
    for m in re.finditer(rb"stream\r?\n(.*?)endstream", pdf, re.DOTALL):
        try:
            streams.append(zlib.decompress(m.group(1)))
        except zlib.error:
            streams.append(m.group(1))
    return streams


def test_pdf_without_weasyprint_says_how_to_install_it(
    repo_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    result = run("report", "2024", "-o", str(tmp_path / "r.pdf"))
    assert result.exit_code == 2
    assert "PDF needs WeasyPrint: pip install 'cruscotto[pdf]'" in result.stderr


# --- errors -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["2030", "-o", "r.html"], "cruscotto: year 2030 is not in the plan: it covers 2022-2026"),
        (
            ["2024", "-o", "r.html", "--area", "99"],
            'cruscotto: unknown area "99"; did you mean "9"?',
        ),
        (
            ["2024", "-o", "r.html", "--owner", "staf"],
            'cruscotto: unknown office "staf"; did you mean "staff"?',
        ),
        (["2024", "-o", "r.html", "--tag", "obiettivi"], 'cruscotto: unknown tag "obiettivi"'),
        (
            ["2024", "-o", "r.txt"],
            'cruscotto: r.txt: unknown extension ".txt"; use one of .html, .htm, .md, .markdown, .xlsx, .pdf, or give --format',
        ),
        (
            ["2024", "-o", "-"],
            "cruscotto: -o -: give --format html or --format markdown to write to stdout",
        ),
        (
            ["2024", "-o", "-", "-f", "xlsx"],
            "cruscotto: --format xlsx is a binary file: give -o FILE",
        ),
        (
            ["2024", "-o", "r.html", "--date", "31.03.2025"],
            'cruscotto: --date "31.03.2025": expected a date as YYYY-MM-DD or DD/MM/YYYY',
        ),
        (
            ["2024", "-o", "missing/r.html"],
            "cruscotto: missing/r.html: cannot write in missing: No such file or directory",
        ),
    ],
)
def test_bad_usage_is_exit_2_with_a_clear_message(
    repo_root: Path, args: list[str], message: str
) -> None:
    result = run("report", *args)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(message), result.stderr
    assert not Path("r.html").exists()


def test_an_existing_file_is_kept_unless_force(repo_root: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.md"
    out.write_text("mine", encoding="utf-8")
    result = run("report", "2024", "-o", str(out))
    assert result.exit_code == 2
    assert result.stderr == f"cruscotto: {out}: exists; use --force to overwrite it\n"
    assert out.read_text(encoding="utf-8") == "mine"
    assert run("report", "2024", "-o", str(out), "--force").exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("# Relazione sulla performance 2024")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_an_unwritable_folder_names_the_path(repo_root: Path, tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir(mode=0o500)
    result = run("report", "2024", "-o", str(folder / "r.html"))
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"cruscotto: {folder / 'r.html'}: cannot write in {folder}: Permission denied"
    )


# --- a real browser, where there is one --------------------------------------------------------


def test_a_headless_browser_renders_and_prints_the_html(html_2024: str, tmp_path: Path) -> None:
    browser = (
        shutil.which("chromium")
        or shutil.which("chromium-browser")
        or shutil.which("google-chrome")
    )
    if browser is None:
        pytest.skip(
            "no chromium on this machine: install it (apt-get install chromium) to render the report headless"
        )
    page = tmp_path / "r.html"
    page.write_text(html_2024, encoding="utf-8")
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={tmp_path / 'profile'}",
    ]
    for action in (
        [f"--print-to-pdf={tmp_path / 'r.pdf'}", "--no-pdf-header-footer"],
        [f"--screenshot={tmp_path / 'r.png'}", "--window-size=1200,1600"],
    ):
        subprocess.run(
            [browser, *flags, *action, page.as_uri()], capture_output=True, timeout=60, check=False
        )
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF-")
    assert (tmp_path / "r.png").read_bytes().startswith(b"\x89PNG") and (
        tmp_path / "r.png"
    ).stat().st_size > 20_000
