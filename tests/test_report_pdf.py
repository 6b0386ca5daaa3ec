"""The printed report as a reader sees it: pixels and text of the PDF, from WeasyPrint and a browser.

Each page is rendered with pypdfium2 and the checks look at colours on the bitmap: a score bar's
fill has another colour than its track and a length proportional to its score, a yes/no tile
shows its tick. The same checks run on the HTML printed by headless Chromium where it is installed.
"""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from cruscotto_cli.cli.app import app
from cruscotto_cli.evaluate import evaluate
from cruscotto_cli.inputs import load_inputs
from tests.conftest import ACTUALS, PLAN, REPO

pdfium: Any = pytest.importorskip(
    "pypdfium2", reason="pypdfium2 renders the PDF: pip install -e '.[test]'"
)

DATE = "2025-03-31"
SCALE = 2  # 144 dpi: one CSS pixel of the page is 1.5 bitmap pixels
RGB = tuple[int, int, int]
BRAND: RGB = (0x1F, 0x4E, 0x79)  # a score bar's fill
MET: RGB = (0x1B, 0x7F, 0x3B)  # the tick
TILE: RGB = (0xE7, 0xF3, 0xEB)  # a met yes/no tile
TRACK_UNITS, FILL_UNITS = 160, 158  # the score bar's track, border included, and its inside
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-pdf-header-footer",
]  # fmt: skip


@dataclass(frozen=True)
class Page:
    """One rendered page: RGB pixels, its text, and where its ✓ characters are (bitmap pixels)."""

    width: int
    height: int
    stride: int
    pixels: bytes
    text: str
    ticks: tuple[tuple[float, float, float, float], ...]

    def at(self, x: int, y: int) -> RGB:
        i = y * self.stride + 3 * x
        return self.pixels[i], self.pixels[i + 1], self.pixels[i + 2]

    def row(self, y: int) -> bytes:
        return self.pixels[y * self.stride : y * self.stride + 3 * self.width]


def read_pdf(path: Path) -> list[Page]:
    document = pdfium.PdfDocument(str(path))
    pages = [_page(document[i]) for i in range(len(document))]
    document.close()
    return pages


def _page(page: Any) -> Page:
    bitmap = page.render(scale=SCALE, rev_byteorder=True, may_draw_forms=False)
    assert bitmap.n_channels == 3, bitmap.mode
    textpage = page.get_textpage()
    text = textpage.get_text_range()
    top = page.get_height()
    boxes = [textpage.get_charbox(i, loose=False) for i, c in enumerate(text) if c == "✓"]
    ticks = tuple(
        (left * SCALE, (top - high) * SCALE, right * SCALE, (top - low) * SCALE)
        for left, low, right, high in boxes
    )
    return Page(bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer), text, ticks)


# --- printing the shipped report --------------------------------------------------------------


def _report(folder: Path, name: str) -> Path:
    """`cruscotto report 2024` of the shipped plan, run from the repository as a user would."""
    out = folder / name
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(REPO)
        result = CliRunner().invoke(app, ["report", "2024", "-o", str(out), "--date", DATE])
    assert result.exit_code == 0, result.output
    return out


def _weasyprint(folder: Path) -> Path:
    try:
        import weasyprint  # type: ignore[import-untyped,unused-ignore]  # noqa: F401
    except (ImportError, OSError):
        pytest.skip("WeasyPrint is not installed: pip install 'cruscotto[pdf]'")
    return _report(folder, "r.pdf")


def _chromium(folder: Path) -> Path:
    browser = (
        shutil.which("chromium")
        or shutil.which("chromium-browser")
        or shutil.which("google-chrome")
    )
    if browser is None:
        pytest.skip(
            "no chromium on this machine: install it (apt-get install chromium) to check the printed HTML"
        )
    page, out = _report(folder, "r.html"), folder / "chromium.pdf"
    flags = [*CHROMIUM_FLAGS, f"--user-data-dir={folder / 'profile'}", f"--print-to-pdf={out}"]
    done = subprocess.run(
        [browser, *flags, page.as_uri()], capture_output=True, timeout=120, check=False
    )
    assert out.exists(), done.stderr.decode(errors="replace")[-2000:]
    return out


PRINTERS: dict[str, Callable[[Path], Path]] = {"weasyprint": _weasyprint, "chromium": _chromium}


@pytest.fixture(scope="module")
def prints(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Printed]:
    """Each printer's document, printed once for the module."""
    done: dict[str, Printed] = {}

    def document(printer: str) -> Printed:
        if printer not in done:
            path = PRINTERS[printer](tmp_path_factory.mktemp(printer))
            done[printer] = Printed(path, read_pdf(path))
        return done[printer]

    return document


@pytest.fixture(params=list(PRINTERS))
def printed(request: pytest.FixtureRequest, prints: Callable[[str], Printed]) -> Printed:
    return prints(request.param)


@pytest.fixture
def weasyprinted(prints: Callable[[str], Printed]) -> list[Page]:
    return prints("weasyprint").pages


@pytest.fixture(scope="module")
def evaluation_2024() -> Any:
    plan, actuals = load_inputs(PLAN, ACTUALS, True)
    return evaluate(plan, actuals, 2024)


# --- finding score bars by colour --------------------------------------------------------------


def _near(pixel: RGB, colour: RGB, tolerance: int = 6) -> bool:
    return all(abs(p - c) <= tolerance for p, c in zip(pixel, colour, strict=True))


def _greyish(pixel: RGB) -> bool:
    """A border pixel: grey, possibly blended with the white page."""
    return max(pixel) < 252 and max(pixel) - min(pixel) < 40


def _runs(row: bytes, colour: RGB) -> Iterator[tuple[int, int]]:
    """[start, end) pixel runs of exactly `colour` (the inside of a filled shape is not blended)."""
    for m in re.finditer(b"(?:" + re.escape(bytes(colour)) + b")+", row):
        if m.start() % 3 == 0:
            yield m.start() // 3, m.end() // 3


@dataclass(frozen=True)
class Bar:
    """A score bar as drawn: where its track starts and ends, where its fill ends (pixels)."""

    page: int
    y: int
    left: int
    right: int
    fill: tuple[int, int]


def _track(page: Page, y: int, start: int, end: int) -> tuple[int, int] | None:
    """The track around a fill run: the non-white span holding it, between grey borders, the fill
    starting at its left border."""
    left, right = start, end - 1
    while left > 0 and max(page.at(left - 1, y)) < 252:
        left -= 1
    while right < page.width - 1 and max(page.at(right + 1, y)) < 252:
        right += 1
    bordered = _greyish(page.at(left, y)) and _greyish(page.at(right, y))
    return (left, right) if bordered and start - left <= 3 and right - left >= 100 else None


def _rows_of_bars(page: Page, number: int) -> list[Bar]:
    rows = []
    for y in range(page.height):
        row = page.row(y)
        if bytes(BRAND) * 3 in row:
            for start, end in _runs(row, BRAND):
                track = _track(page, y, start, end)
                if track:
                    rows.append(Bar(number, y, *track, (start, end)))
    return rows


def score_bars(pages: list[Page]) -> list[Bar]:
    """Every score bar, top to bottom, page by page, measured on its middle row."""
    found: list[Bar] = []
    for number, page in enumerate(pages, 1):
        bars: list[list[Bar]] = []
        for bar in sorted(_rows_of_bars(page, number), key=lambda b: (b.left, b.right, b.y)):
            same = bars and (bars[-1][-1].left, bars[-1][-1].right, bars[-1][-1].y + 1) == (
                bar.left,
                bar.right,
                bar.y,
            )
            bars[-1].append(bar) if same else bars.append([bar])
        # The fill is 13 pixels high: a few rows of something else are not a bar.
        found += sorted(
            (rows[len(rows) // 2] for rows in bars if len(rows) >= 6), key=lambda b: b.y
        )
    return found


@dataclass
class Printed:
    """A printed report: its pages, and its score bars found once."""

    path: Path
    pages: list[Page]

    @functools.cached_property
    def bars(self) -> list[Bar]:
        return score_bars(self.pages)


def _scores(evaluation: Any) -> list[tuple[str, Decimal]]:
    rolled = [
        *(("area " + s.key, s) for s in evaluation.areas),
        *(("office " + s.key, s) for s in evaluation.offices),
    ]
    return [(name, s.score) for name, s in rolled if s.score is not None]


def test_each_score_bar_is_as_long_as_its_score(printed: Printed, evaluation_2024: Any) -> None:
    expected, bars = _scores(evaluation_2024), printed.bars
    assert len(bars) == len(expected), [(b.page, b.y) for b in bars]
    for (name, score), bar in zip(expected, bars, strict=True):
        per_unit = (bar.right - bar.left + 1) / TRACK_UNITS
        start, end = bar.fill
        length = FILL_UNITS * min(float(score), 1.0) * per_unit
        assert abs((end - start) - length) <= 2.5, (name, float(score), end - start, length)


def test_a_bar_fill_has_another_colour_than_its_track(
    printed: Printed, evaluation_2024: Any
) -> None:
    named = dict(zip((name for name, _ in _scores(evaluation_2024)), printed.bars, strict=True))
    half = named["area 12"]  # Valorizzazione del capitale umano: 50,00%
    page, y = printed.pages[half.page - 1], half.y
    start, end = half.fill
    assert abs((end - start) - (half.right - start) / 2) <= 2.5
    fill, track = page.at((start + end) // 2, y), page.at((end + half.right) // 2, y)
    assert _near(fill, BRAND) and min(track) > 230, (fill, track)


# --- labels --------------------------------------------------------------------------------------


def _overlapping(pdf_page: Any) -> list[str]:
    """Characters of different words drawn over each other (kerned neighbours do not count)."""
    textpage = pdf_page.get_textpage()
    text = textpage.get_text_range()
    boxes = sorted(
        (textpage.get_charbox(i, loose=False), i) for i, c in enumerate(text) if not c.isspace()
    )
    found = []
    for k, ((left, low, right, high), i) in enumerate(boxes):
        for (left2, low2, right2, high2), j in boxes[k + 1 :]:
            if left2 >= right:
                break
            wide, tall = min(right, right2) - left2, min(high, high2) - max(low, low2)
            smaller = min((right - left) * (high - low), (right2 - left2) * (high2 - low2))
            if abs(i - j) > 1 and wide > 0 and tall > 0 and wide * tall > 0.2 * smaller:
                found.append(f"{text[i]!r} over {text[j]!r} at {left:.0f},{low:.0f}")
    return found


def test_no_label_is_drawn_over_another(printed: Printed) -> None:
    document = pdfium.PdfDocument(str(printed.path))
    overlaps = {n + 1: _overlapping(document[n]) for n in range(len(document))}
    document.close()
    assert {n: found for n, found in overlaps.items() if found} == {}


# --- yes/no tiles ----------------------------------------------------------------------------------


def _tile_ticks(page: Page) -> list[tuple[RGB, bool]]:
    """Each ✓ drawn on a tile: the tile's colour beside it, and whether green ink is in the glyph."""
    shown = []
    for left, top, right, bottom in page.ticks:
        y = int((top + bottom) / 2)
        beside = page.at(int(left) - 5, y), page.at(int(right) + 5, y)
        if not all(max(p) < 252 for p in beside):
            continue  # a ✓ on the white page: a badge, a count, the legend
        glyph = [
            page.at(x, yy)
            for x in range(int(left), int(right) + 1)
            for yy in range(int(top), int(bottom) + 1)
        ]
        shown.append((beside[0], any(_near(p, MET, 40) for p in glyph)))
    return shown


def test_the_tick_of_a_yes_no_tile_is_visible(printed: Printed) -> None:
    html = _report_html()
    drawn = sum(
        chart.count(">✓</text>") for chart in re.findall(r'<svg class="chart".*?</svg>', html)
    )
    shown = [t for page in printed.pages for t in _tile_ticks(page)]
    assert drawn >= 3
    assert len(shown) == drawn
    for tile, green in shown:
        assert _near(tile, TILE), f"the tile is {tile}, not the light tint of a met year"
        assert green, "no green ink where the tick is"


def _report_html() -> str:
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(REPO)
        result = CliRunner().invoke(
            app, ["report", "2024", "-o", "-", "-f", "html", "--date", DATE]
        )
    return str(result.stdout)


# --- cover, contents, page numbers -----------------------------------------------------------------


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_the_cover_names_the_entity_the_plan_and_the_year(printed: Printed) -> None:
    cover = _flat(printed.pages[0].text)
    assert (
        cover
        == "CAMERA DI COMMERCIO Relazione sulla performance 2024 Cruscotto strategico 2022-2026 Generato il 31/03/2025 · cruscotto 0.1.0"
    )


CONTENTS = [
    "Sintesi 2024",
    *(f"Area {n}. " for n in range(1, 15)),
    "Sintesi per ufficio",
    "Storia del piano",
    "Provenienza dei valori (2024)",
    "Metodologia",
    "Dati di origine",
]


def test_the_contents_list_every_part(printed: Printed) -> None:
    contents = _flat(printed.pages[1].text)
    assert "Indice Sintesi 2024" in contents
    positions = [contents.find(entry) for entry in CONTENTS]
    assert -1 not in positions and positions == sorted(positions), dict(
        zip(CONTENTS, positions, strict=True)
    )


def test_the_contents_give_the_page_of_each_heading(
    weasyprinted: list[Page], evaluation_2024: Any
) -> None:
    contents = _flat(weasyprinted[1].text)
    titles = [
        "Sintesi 2024",
        *(f"Area {a.key}. {a.title}" for a in evaluation_2024.areas),
        *CONTENTS[-5:],
    ]
    for title in titles:
        found = re.search(re.escape(title) + r" ?\.+ ?(\d+)", contents)
        assert found, title
        page = int(found.group(1))
        assert title in _flat(weasyprinted[page - 1].text), (title, page)
        assert all(title not in _flat(p.text) for p in weasyprinted[2 : page - 1]), (title, page)


def test_every_page_after_the_cover_is_numbered(weasyprinted: list[Page]) -> None:
    total = len(weasyprinted)
    assert f"/ {total}" not in weasyprinted[0].text
    for number, page in enumerate(weasyprinted[1:], 2):
        assert _flat(page.text).endswith(
            f"Relazione sulla performance 2024 · Cruscotto strategico 2022-2026 {number} / {total}"
        ), number
