"""Chart labels sized to their room, and chart looks written as SVG attributes, not page CSS."""

from __future__ import annotations

import pytest

from cruscotto_cli.report.svg import MIN_SIZE, fitted, text, width_em


@pytest.mark.parametrize(
    ("label", "size", "room", "bold", "expected"),
    [
        ("74,29%", 9, 53.4, True, 9),  # a value under a column of five years
        ("≥ 78%", 8, 53.4, False, 8),
        ("100,00%", 10, 53, True, 10),  # beside a score bar
        ("1.234.567,89", 9, 53.4, True, 7),
        ("molto soddisfacente", 9, 43, True, MIN_SIZE),
    ],
)
def test_a_label_gets_the_size_that_fits(
    label: str, size: float, room: float, bold: bool, expected: float
) -> None:
    assert fitted(label, size, room, bold) == expected
    assert width_em(label, bold) * expected <= room or expected == MIN_SIZE


def test_a_label_too_long_even_when_small_is_squeezed_into_its_room() -> None:
    assert text(10, 20, "molto soddisfacente", 9, "#1d2733", 43, bold=True) == (
        '<text x="10" y="20" font-size="5" fill="#1d2733" font-weight="700" text-anchor="middle" '
        'textLength="43" lengthAdjust="spacingAndGlyphs">molto soddisfacente</text>'
    )


def test_a_label_that_fits_is_written_as_given_and_escaped() -> None:
    assert (
        text(5.25, 7, "< 5", 8, "#5b6673", 40)
        == '<text x="5.2" y="7" font-size="8" fill="#5b6673" text-anchor="middle">&lt; 5</text>'
    )
