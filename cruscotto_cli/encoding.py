"""Text that any stream or file can hold, and the documented fallbacks where one cannot.

A file name that is not UTF-8 reaches Python as lone surrogates ("\\udce9"): it is shown as the
byte it was, `\\xe9`. A console or redirection that is not UTF-8 (Windows' cp1252) gets ASCII
stand-ins for what it lacks: `>=` for `≥`, `<=` for `≤`, `\\u2192` for anything else. Control
characters of untrusted text (plan texts, CSV cells, commit subjects) are shown escaped, `\\x1b`,
never sent raw: an escape sequence could recolour, hide or rewrite what the reader sees, and a
bidirectional control reorder it. Line breaks and tabs stay, as layout.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

ERRORS = "cruscotto-fallback"  # the name of the error handler, for str.encode and streams
FALLBACKS = {
    "≥": ">=",
    "≤": "<=",
    "≠": "!=",
    "→": "->",
    "←": "<-",
    "·": "-",
    "°": "o",
    "…": "...",
    "–": "-",
    "—": "-",
    "‘": "'",
    "’": "'",
    "“": '"',
    "”": '"',
    "\u2713": "v",
    "\u2717": "x",
}
_SURROGATE = re.compile("[\udc80-\udcff]")
_CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


def shown(char: str) -> str:
    """An ASCII stand-in for one character a stream cannot encode."""
    if "\udc80" <= char <= "\udcff":  # a byte of a name that is not UTF-8
        return f"\\x{ord(char) - 0xDC00:02x}"
    if char in FALLBACKS:
        return FALLBACKS[char]
    bare = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode("ascii")
    return bare or char.encode("ascii", "backslashreplace").decode("ascii")


def _handler(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    return "".join(shown(c) for c in exc.object[exc.start : exc.end]), exc.end


codecs.register_error(ERRORS, _handler)


def utf8(text: str) -> bytes:
    """The text as UTF-8, a name's stray bytes shown as `\\xe9`: never UnicodeEncodeError."""
    return text.encode("utf-8", ERRORS)


# The encoding of the stream that terminal text is shown on; set by the CLI (cli/streams.py).
_STDOUT = {"encoding": "utf-8"}


def set_stdout_encoding(name: str) -> None:
    _STDOUT["encoding"] = codecs.lookup(name).name


def for_stdout(text: str) -> str:
    """The text as stdout will show it, fallbacks included, so that tables measure it right."""
    name = _STDOUT["encoding"]
    if name.startswith("utf"):
        return _SURROGATE.sub(_shown_match, text)
    return text.encode(name, ERRORS).decode(name)


def _shown_match(found: re.Match[str]) -> str:
    return shown(found.group())


def printable(text: str) -> str:
    """`text` with every control character written as its escape: ESC as `\\x1b`."""
    if not _CONTROL.search(text):
        return text
    return _CONTROL.sub(_control_escape, text)


def _control_escape(found: re.Match[str]) -> str:
    code = ord(found.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def json_safe(text: str) -> str:
    """JSON text whose stray bytes are the characters `\\xe9` (a backslash escaped for JSON), and
    whose control characters are `\\u` escapes: the encoder writes DEL, C1 and the bidirectional
    controls raw; escaped, the data is the same once parsed and safe to print."""
    if _CONTROL.search(text):
        text = _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    if not _SURROGATE.search(text):
        return text
    return _SURROGATE.sub(lambda m: "\\" + _shown_match(m), text)
