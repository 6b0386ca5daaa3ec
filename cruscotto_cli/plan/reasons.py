"""Why an outcome has no usable value, as data: a code and its parameters.

The core says what happened (`Reason("no_measures", measures=("attive",), year=2024)`); the
sentences for each language are here, and render/reason_words.py words a reason for readers in
the plan's language, naming measures by their names. `str()` gives the English sentence.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

# Code -> the English sentence, with the parameters' names as fields.
ENGLISH = {
    "no_value": "no value in the actuals",
    "no_measures": "no value of {measures} for {year}",
    "no_value_by": "no value by {date}",
    "no_measures_by": "no value of {measures} by {date}",
    "no_previous": "no value of {measure} for {year} (the previous year)",
    "no_current": "no value of {measure} for {year}",
    "division_by_zero": "division by zero: {divisor} is 0",
    "cannot_compute": "cannot compute: {detail}",
    "withdrawn": "{act}",
    "needs_yes_no": '"Annuale" needs sì or no, not "{actual}"',
    "needs_number": '"{target}" needs a number, not "{actual}"',
    "not_scored": '"{target}" is not scored',
    "no_direction": '"{target}" is a bare value and the indicator has no direction',
    "not_a_level": '"{actual}" is not a level of the scale ({levels})',
    "no_level_direction": '"{target}" is a bare level and the indicator has no direction',
}

ITALIAN = {
    "no_value": "nessun valore nei dati rilevati",
    "no_measures": "nessun valore di {measures} per il {year}",
    "no_value_by": "nessun valore entro il {date}",
    "no_measures_by": "nessun valore di {measures} entro il {date}",
    "no_previous": "nessun valore di {measure} per il {year} (l'anno precedente)",
    "no_current": "nessun valore di {measure} per il {year}",
    "division_by_zero": "divisione per zero: {divisor} vale 0",
    "cannot_compute": "impossibile calcolare: {detail}",
    "withdrawn": "{act}",
    "needs_yes_no": '"Annuale" richiede sì o no, non "{actual}"',
    "needs_number": '"{target}" richiede un numero, non "{actual}"',
    "not_scored": '"{target}" non è valutato',
    "no_direction": '"{target}" è un valore senza comparatore e l\'indicatore non ha una direzione',
    "not_a_level": '"{actual}" non è un livello della scala ({levels})',
    "no_level_direction": '"{target}" è un livello senza comparatore e l\'indicatore non ha una '
    "direzione",
}
SENTENCES = {"it": ITALIAN, "en": ENGLISH}


@dataclass(frozen=True)
class Reason:
    """A reason's code (a key of ENGLISH) and its parameters: measures are ids, years ints."""

    code: str
    params: dict[str, Any] = field(default_factory=dict, compare=False)

    @classmethod
    def of(cls, code: str, **params: Any) -> Reason:
        return cls(code, params)

    def text(self, language: str = "en", name: Callable[[str], str] = str) -> str:
        """The sentence in `language` (English when it has none); `name` shows a measure id."""
        shown = {k: _shown(k, v, name) for k, v in self.params.items()}
        return SENTENCES.get(language, ENGLISH)[self.code].format(**shown)

    def __str__(self) -> str:
        return self.text()


_MEASURES = ("measure", "measures", "divisor")  # the parameters that hold measure ids


def _shown(key: str, value: Any, name: Callable[[str], str]) -> str:
    if isinstance(value, tuple):
        return ", ".join(_shown(key, v, name) for v in value)
    return name(str(value)) if key in _MEASURES else str(value)
