"""The yearly performance report (Relazione sulla performance): HTML, Markdown, XLSX and PDF."""

from __future__ import annotations

from collections.abc import Callable

from cruscotto_cli.encoding import utf8
from cruscotto_cli.report.content import ReportData


def _html(data: ReportData) -> bytes:
    from cruscotto_cli.report.html import render_html

    return utf8(render_html(data))


def _markdown(data: ReportData) -> bytes:
    from cruscotto_cli.report.markdown import render_markdown

    return utf8(render_markdown(data))


def _xlsx(data: ReportData) -> bytes:
    from cruscotto_cli.report.xlsx import render_xlsx

    return render_xlsx(data)


def _pdf(data: ReportData) -> bytes:
    from cruscotto_cli.report.pdf import render_pdf

    return render_pdf(data)


# Format name -> renderer; the CLI's --format choices come from these keys.
RENDERERS: dict[str, Callable[[ReportData], bytes]] = {
    "html": _html,
    "markdown": _markdown,
    "xlsx": _xlsx,
    "pdf": _pdf,
}
EXTENSIONS = {
    ".html": "html",
    ".htm": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".xlsx": "xlsx",
    ".pdf": "pdf",
}
TEXT_FORMATS = frozenset({"html", "markdown"})  # may go to stdout with `-o -`
