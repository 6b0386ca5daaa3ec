"""The report's colours and type, named once for its stylesheet and its charts' SVG attributes."""

from __future__ import annotations

from cruscotto_cli.evaluate import Status

INK = "#1d2733"
MUTED = "#5b6673"
LINE = "#d5dbe2"
SOFT = "#f3f5f8"
BRAND = "#1f4e79"
AXIS = "#8a94a0"
WHITE = "#ffffff"
PAST_BAR = "#9db4cc"  # an earlier year's actual, lighter than the report year's
PAST_EDGE = "#4a6a8a"
RANGE = "#e8edf3"

STATUS = {
    Status.MET: "#1b7f3b",
    Status.NOT_MET: "#b3261e",
    Status.BASELINE: "#1f6f8b",
    Status.MISSING: "#a05a00",
    Status.NO_TARGET: "#6b7280",
    Status.WITHDRAWN: "#6b7280",
    Status.INVALID: "#7b3fa0",
    Status.NOT_COLLECTED: "#6b7280",
}

# The background of a yes/no or level tile: a pale tint of its status, so its symbol stands out.
TINT = {
    Status.MET: "#e7f3eb",
    Status.NOT_MET: "#f9e8e7",
    Status.BASELINE: "#e6f1f4",
    Status.MISSING: "#f8efe3",
    Status.NO_TARGET: SOFT,
    Status.WITHDRAWN: SOFT,
    Status.INVALID: "#f1eaf5",
    Status.NOT_COLLECTED: SOFT,
}

# Single quotes, so the list can stand in an SVG attribute as it is.
FONTS = (
    "'Source Sans 3', 'Segoe UI', 'Helvetica Neue', Arial, 'Liberation Sans', 'DejaVu Sans', "
    "sans-serif"
)


def css_variables() -> str:
    """The :root custom properties of the stylesheet, from the same names."""
    named = {"ink": INK, "muted": MUTED, "line": LINE, "soft": SOFT, "brand": BRAND}
    named |= {status.value: colour for status, colour in STATUS.items()}
    return ":root {\n" + "".join(f"  --{k}: {v};\n" for k, v in named.items()) + "}"
