"""The Italian words of the data-collection workbook: titles, instructions, cell messages."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from cruscotto_cli.actuals.collection import Collection, Sheet
from cruscotto_cli.actuals.template import COUNT, LEVEL, NUMBER, SHARE, YES_NO

_Levels = Callable[[list[str]], str]


@dataclass(frozen=True)
class CheckWords:
    """What Excel shows on a value cell (prompt) and when the value typed is refused (error).

    Excel limits a title to 32 characters and a message to 255.
    """

    prompt_title: str
    prompt: _Levels
    error_title: str
    error: _Levels


_EMPTY = " Lasciare vuoto se il dato non è ancora disponibile."
_REFUSED = "Valore non ammesso"
CHECKS = {
    YES_NO: CheckWords(
        "Realizzato nell'anno?",
        lambda _: "Scegliere sì se l'azione è stata realizzata nell'anno, altrimenti no." + _EMPTY,
        _REFUSED,
        lambda _: "Scegliere sì o no dall'elenco.",
    ),
    LEVEL: CheckWords(
        "Livello raggiunto",
        lambda levels: f"Scegliere un livello della scala: {', '.join(levels)}." + _EMPTY,
        _REFUSED,
        lambda levels: f"Scegliere un livello dall'elenco: {', '.join(levels)}.",
    ),
    COUNT: CheckWords(
        "Numero",
        lambda _: "Un numero maggiore o uguale a zero, ad esempio 140." + _EMPTY,
        _REFUSED,
        lambda _: "Inserire un numero maggiore o uguale a zero (cifre, senza testo).",
    ),
    SHARE: CheckWords(
        "Percentuale",
        lambda _: (
            "Una percentuale da 0% a 100%: scrivere 94 o 94% per il novantaquattro per cento."
            + _EMPTY
        ),
        _REFUSED,
        lambda _: "Inserire una percentuale da 0% a 100%, ad esempio 94%.",
    ),
    NUMBER: CheckWords(
        "Numero",
        lambda _: "Un numero, con la virgola per i decimali, ad esempio 1,45." + _EMPTY,
        _REFUSED,
        lambda _: "Inserire un numero (cifre, senza testo).",
    ),
}


def sheet_title(collection: Collection) -> str:
    return f"{'Promemoria' if collection.reminder else 'Raccolta'} {collection.year}"


def subtitle(collection: Collection, office: str | None) -> str:
    what = "valori ancora mancanti" if collection.reminder else "raccolta dati"
    return f"Anno {collection.year}, {what} · {office or 'più uffici'}"


def instructions(collection: Collection, sheet: Sheet) -> list[tuple[str, bool]]:
    """The instructions sheet, line by line: (text, is a heading)."""
    year, office = collection.year, sheet.office_name(collection.plan)
    lines = [
        (f"Istruzioni per la {sheet_title(collection).lower()}", True),
        (f"{collection.plan.header.title} · {office or 'più uffici'}", False),
        ("", False),
        ("Che cosa compilare", True),
        (
            f"Il foglio «{sheet_title(collection)}» ha una riga per ogni valore da comunicare per "
            f"il {year}: un indicatore o una misura da cui l'indicatore è calcolato. Le colonne "
            "area, nome, unità, target e valore dell'anno precedente aiutano a riconoscerlo.",
            False,
        ),
        (
            "Compilare solo le celle gialle. «valore»: il dato misurato, come numero (per le "
            "percentuali 94 o 94%), oppure sì/no e i livelli scelti dall'elenco. «motivazione»: "
            "perché il target non è stato raggiunto, se è il caso. «fonte» e «nota»: facoltative.",
            False,
        ),
        (
            "Le righe con l'anno precedente servono a calcolare gli indicatori che confrontano "
            f"un anno con il precedente (anno x / anno x-1): indicare il valore del {year - 1}.",
            False,
        ),
        (
            "Lasciare vuota la cella di un dato non ancora disponibile. Non cambiare le colonne "
            "bloccate, non aggiungere righe e non rinominare il foglio.",
            False,
        ),
        ("", False),
        ("Quando e a chi", True),
    ]
    lines += _when_and_whom(collection)
    return lines


def _when_and_whom(collection: Collection) -> list[tuple[str, bool]]:
    deadline = collection.deadline
    when = (
        f"Restituire il file compilato entro il {deadline:%d/%m/%Y}, senza cambiarne il formato "
        "(.xlsx)."
        if deadline
        else "Restituire il file compilato, senza cambiarne il formato (.xlsx), entro la data "
        "comunicata."
    )
    whom = (
        f"Per domande: {collection.contact}."
        if collection.contact
        else "Per domande: l'ufficio che ha inviato il file "
        "(Pianificazione e controllo di gestione)."
    )
    return [(when, False), (whom, False)]
