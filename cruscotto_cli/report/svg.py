"""SVG elements styled by presentation attributes, which WeasyPrint and browsers both honour.

A page's stylesheet does not reach inside inline SVG when WeasyPrint prints it, so every colour,
stroke, dash and font size is written on the element itself. Text is sized to the room it has.
"""

from __future__ import annotations

import math
from functools import lru_cache
from html import escape

Look = dict[str, str | float | None]  # presentation attributes by keyword: stroke_width=1.2
MIN_SIZE = 5.0
# Advance widths in em, on the wide side (DejaVu Sans), so an estimate never falls short.
_WIDE = {**dict.fromkeys("0123456789", 0.64), **dict.fromkeys(",.:;' ", 0.32), "%": 0.96, "-": 0.37}
_WIDE |= {**dict.fromkeys("≥≤<>=+±✓✗◦?–⊘!", 0.84), **dict.fromkeys("mwMW", 0.98)}
_BOLD = 1.1


def num(x: float) -> str:
    """A coordinate with one decimal, so the same data always gives the same bytes."""
    text = f"{x + 0.0:.1f}"
    text = text[:-2] if text.endswith(".0") else text
    return "0" if text == "-0" else text


def attributes(**values: str | float | None) -> str:
    """` name="value"` pairs in the given order; `stroke_width` is written `stroke-width`."""
    return "".join(_pair(k, v) for k, v in values.items() if v is not None)


@lru_cache(maxsize=65_536)
def _pair(name: str, value: str | float) -> str:
    """One attribute, remembered: a report's charts repeat the same coordinates and colours
    thousands of times (10,000 charts write about two million attributes)."""
    shown = num(value) if isinstance(value, float | int) else _quoted(value)
    return f' {name.replace("_", "-")}="{shown}"'


def _quoted(value: str) -> str:
    """Escaped for a double-quoted attribute; single quotes (in font lists) stay as they are."""
    return escape(value, quote=False).replace('"', "&quot;")


@lru_cache(maxsize=65_536)
def width_em(text: str, bold: bool = False) -> float:
    """How wide `text` is, at most, in em."""
    wide = sum(_WIDE.get(c, 0.74 if c.isupper() else 0.62) for c in text)
    return wide * (_BOLD if bold else 1.0)


def fitted(text: str, size: float, room: float, bold: bool = False) -> float:
    """The font size, at most `size`, at which `text` fits in `room` (half-unit steps)."""
    wide = width_em(text, bold)
    if wide * size <= room:
        return size
    return max(MIN_SIZE, math.floor(room / wide * 2) / 2)


def text(
    x: float,
    y: float,
    content: str,
    size: float,
    fill: str,
    room: float,
    bold: bool = False,
    anchor: str = "middle",
) -> str:
    """A label that fits in `room` units: smaller type, squeezed as a last resort; none if empty."""
    if not content:
        return ""
    shown = fitted(content, size, room, bold)
    squeeze = room if width_em(content, bold) * shown > room else None
    look: Look = {
        "font_size": shown,
        "fill": fill,
        "font_weight": "700" if bold else None,
        "text_anchor": anchor,
    }
    if squeeze:
        look |= {"textLength": squeeze, "lengthAdjust": "spacingAndGlyphs"}
    return f"<text{attributes(x=x, y=y, **look)}>{escape(content)}</text>"


def rect(x: float, y: float, width: float, height: float, **look: str | float | None) -> str:
    return f"<rect{attributes(x=x, y=y, width=width, height=height, **look)}/>"


def line(x1: float, y1: float, x2: float, y2: float, **look: str | float | None) -> str:
    return f"<line{attributes(x1=x1, y1=y1, x2=x2, y2=y2, **look)}/>"
