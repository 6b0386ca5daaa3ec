"""The report as an archival PDF (PDF/A-3b), printed from the HTML by WeasyPrint when installed."""

from __future__ import annotations

import io

from cruscotto_cli.diagnostics import MissingExtraError
from cruscotto_cli.report.content import ReportData
from cruscotto_cli.report.html import render_html

INSTALL = "PDF needs WeasyPrint: pip install 'cruscotto[pdf]'"


def render_pdf(data: ReportData) -> bytes:
    return html_to_pdf(render_html(data))


def html_to_pdf(text: str) -> bytes:
    """A self-contained HTML page printed as PDF/A-3b (a plain PDF on an older WeasyPrint)."""
    try:
        from weasyprint import HTML  # type: ignore[import-untyped,unused-ignore]
    except (ImportError, OSError):  # OSError: WeasyPrint installed but its Pango library missing
        raise MissingExtraError(INSTALL) from None
    document = HTML(string=text, base_url=None).render()
    buffer = io.BytesIO()
    try:
        document.write_pdf(buffer, pdf_variant="pdf/a-3b", uncompressed_pdf=False)
    except (TypeError, ValueError):  # an older WeasyPrint without PDF/A: a plain PDF
        buffer = io.BytesIO()
        document.write_pdf(buffer)
    return buffer.getvalue()
