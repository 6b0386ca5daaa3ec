"""What the schema tells an editor's reader about each key, in the plan's language."""

from __future__ import annotations

from cruscotto_cli.plan.model import Header

# One line per key: what it means, with an example. Keys are "Model.field" (the field as written).
DESCRIPTIONS: dict[str, dict[str, str]] = {
    "it": {
        "Area": "Un'area strategica del piano: id, title e i suoi indicators",
        "Area.id": 'Numero dell\'area, tra virgolette, es. "1"',
        "Area.title": "Titolo dell'area come stampato, es. Semplificazione Amministrativa e "
        "Digitalizzazione dei Servizi",
        "Area.indicators": "Gli indicatori dell'area, ciascuno con id, name, owner, unit e targets",
        "Indicator": "Un indicatore: id, name, owner, unit e i targets per anno",
        "Change": "Un atto della storia dell'indicatore: date, act, change",
        "Period": "Il primo e l'ultimo anno del piano",
        "ScaleLevel": "Un livello della scala ordinale: level e, con punteggi numerici, from",
        "Band": "Una fascia del grado di raggiungimento: from e label",
        "Office": "Un ufficio responsabile: id, name, aliases",
        "Measure": "Un valore grezzo rilevato da un ufficio: id, name, owner, unit",
        "Indicator.id": 'Codice breve e stabile dell\'indicatore, tra virgolette, es. "1.2": è la '
        "chiave dei valori rilevati",
        "Indicator.name": "Nome dell'indicatore come stampato, es. Percentuale di servizi \"Full "
        'Digital"',
        "Indicator.owner": "L'ufficio responsabile: un id di offices in plan.yaml, es. {office}",
        "Indicator.unit": 'Unità di misura, es. "%", "n.", "giorni", "sì/no"',
        "Indicator.direction": "higher (più alto è meglio) o lower (più basso è meglio): legge i "
        "target senza comparatore",
        "Indicator.symbol": 'Etichetta dei target etichettati, es. ITP per "ITP < -10"',
        "Indicator.formula": "Calcolo dalle misure di plan.yaml con numeri, prev(misura), + - * / "
        "e parentesi, es. {formula}",
        "Indicator.weight": 'Peso nei punteggi aggregati (predefinito 1), es. "0,5"',
        "Indicator.projection": "Monitoraggio in corso d'anno: pro-rata (conteggi, in proporzione "
        "ai giorni trascorsi) o as-is (rapporti, percentuali); predefinito dall'unità",
        "Area.weight": "Peso dell'area nel punteggio complessivo con scoring: {overall: "
        "area-weights} (predefinito 1)",
        "Header.scoring": "Scelte di aggregazione: overall (indicators, areas, area-weights) e "
        "zero_targets (all-or-nothing, distance)",
        "Header.monitoring": "Monitoraggio in corso d'anno, es. {tolerance: 10}: sotto il target "
        "entro il 10% è «A rischio»",
        "Scoring": "Come si aggregano i punteggi: overall e zero_targets",
        "Scoring.overall": "Il punteggio complessivo è la media degli indicators (predefinito), "
        "delle areas o delle aree pesate (area-weights)",
        "Scoring.zero_targets": "Target minori o uguali a zero mancati: all-or-nothing "
        "(predefinito, 0%) o distance (in proporzione alla distanza)",
        "Monitoring": "Il monitoraggio in corso d'anno: tolerance",
        "Monitoring.tolerance": "Scarto dal target, in percentuale, entro cui una proiezione è «A "
        'rischio» e non «Critico», es. "10"',
        "Indicator.targets": 'Un target per anno, il testo come stampato, es. 2024: "≥ 74%"',
        "Indicator.tags": "Etichette per filtrare con --tag, es. [obiettivi-comuni-di-sistema]",
        "Indicator.source": "Da dove viene il valore, es. Pareto",
        "Indicator.notes": 'Note del documento, es. ["NOTA: ..."]',
        "Indicator.changes": "Storia dell'indicatore, es. - {date: 2022-10-25, act: \"D CC "
        '25/10/2022", change: target}',
        "Indicator.register": "Calcolato dal registro delle fatture: average-days (9.6), "
        "paid-within-30-days (9.7) o itp (9.10)",
        "Change.date": "Data dell'atto, es. 2022-10-25 o 25/10/2022",
        "Change.act": 'L\'atto che ha deciso il cambiamento, es. "D CC 25/10/2022"',
        "Change.change": "Che cosa è cambiato: target, indicator, withdrawn (eliminato), added, "
        "owner",
        "Change.from_year": "Primo anno a cui si applica, es. 2023 (predefinito: l'anno di date)",
        "Change.note": "Nota libera sul cambiamento, es. target rivisto al ribasso",
        "Header": "L'intestazione del piano: title, period, language, scale, bands, offices, "
        "measures",
        "Header.title": "Titolo del piano, es. Cruscotto strategico 2022-2026",
        "Header.entity": "L'ente, es. Camera di Commercio",
        "Header.period": "Gli anni del piano, es. {first: 2022, last: 2026}",
        "Header.language": "Lingua di etichette, tabelle e rapporti: it o en",
        "Header.scale": 'Livelli ordinali dal più basso, es. - {level: medio, from: "2,5"}',
        "Header.bands": "Etichette del grado di raggiungimento dalla più alta, es. - {from: 100, "
        "label: Raggiunto}",
        "Header.offices": "Gli uffici responsabili (Risorse Owner), es. - {id: staff, name: S. "
        "Staff}",
        "Header.measures": "Valori grezzi rilevati dagli uffici, usati dalle formule, es. - {id: "
        "imprese_attive, ...}",
        "Header.changes": 'Storia di plan.yaml, es. - {date: 2023-01-30, act: "D CC 30/01/2023", '
        "change: offices}",
        "PlanChange": "Un atto che ha cambiato plan.yaml: date, act, change",
        "PlanChange.date": "Data dell'atto, es. 2023-01-30 o 30/01/2023",
        "PlanChange.act": 'L\'atto che ha deciso il cambiamento, es. "D CC 30/01/2023"',
        "PlanChange.change": "Che cosa è cambiato: plan, period, scale, bands, offices, measures",
        "PlanChange.note": "Nota libera sul cambiamento, es. nuovo ufficio",
        "Period.first": "Primo anno del piano, es. 2022",
        "Period.last": "Ultimo anno del piano, es. 2026",
        "ScaleLevel.level": 'Nome del livello, usato nei target, es. medio ("> medio")',
        "ScaleLevel.from": 'Punteggio minimo letto come questo livello, es. "2,5"',
        "ScaleLevel.max": "Sul livello più alto: il punteggio massimo della scala, es. 5 (da 1 a "
        "5)",
        "Band.from": "Grado minimo (in %) che riceve questa etichetta, es. 90",
        "Band.label": "L'etichetta, es. Parzialmente raggiunto",
        "Office.id": "Codice dell'ufficio, da scrivere in owner, es. staff",
        "Office.name": "Nome dell'ufficio, es. S. Staff",
        "Office.aliases": 'Altre grafie trovate nel documento, es. ["S.Staff"]',
        "Measure.id": "Nome della misura nelle formule: lettere, cifre e _, es. imprese_attive",
        "Measure.name": "Descrizione della misura, es. N. imprese attive al 31/12",
        "Measure.owner": "L'ufficio che rileva il valore: un id di offices, es. anagrafico",
        "Measure.unit": 'Unità di misura (predefinita "n."), es. n.',
        "target": "Il target dell'anno come stampato: comparatore e numero, valore, livello, "
        "intervallo, Annuale, Anno di rilevazione",
        "target.error": 'target non valido: scrivere ad es. "≥ 73%", "1,45", "{level}", "tra 80% '
        'e 90%", "Annuale" o "Anno di rilevazione"',
        "formula.error": "formula non valida: misure dichiarate in plan.yaml, numeri, "
        "prev(misura), + - * / e parentesi",
        "number.error": "numero non valido: virgola o punto decimale, senza separatore delle "
        'migliaia, es. "2,5"',
    },
    "en": {
        "Area": "A strategic area of the plan: id, title and its indicators",
        "Area.id": 'The area\'s number, quoted, e.g. "1"',
        "Area.title": "The area's title as printed, e.g. Semplificazione Amministrativa e "
        "Digitalizzazione dei Servizi",
        "Area.indicators": "The area's indicators, each with id, name, owner, unit and targets",
        "Indicator": "An indicator: id, name, owner, unit and its targets by year",
        "Change": "An act in the indicator's history: date, act, change",
        "Period": "The plan's first and last year",
        "ScaleLevel": "A level of the ordinal scale: level and, with numeric scores, from",
        "Band": "A band of the score: from and label",
        "Office": "An office in charge: id, name, aliases",
        "Measure": "A raw value an office reports: id, name, owner, unit",
        "Indicator.id": 'The indicator\'s short, stable code, quoted, e.g. "1.2": it keys the '
        "actuals",
        "Indicator.name": "The indicator's name as printed, e.g. Percentuale di servizi \"Full "
        'Digital"',
        "Indicator.owner": "The office in charge: an id of offices in plan.yaml, e.g. {office}",
        "Indicator.unit": 'The unit, e.g. "%", "n.", "giorni", "sì/no"',
        "Indicator.direction": "higher (higher is better) or lower (lower is better): reads "
        "targets without a comparator",
        "Indicator.symbol": 'The label of labelled targets, e.g. ITP for "ITP < -10"',
        "Indicator.formula": "Computed from plan.yaml's measures with numbers, prev(measure), + - "
        "* / and parentheses, e.g. {formula}",
        "Indicator.weight": 'Weight in the roll-up scores (default 1), e.g. "0,5"',
        "Indicator.projection": "Monitoring during the year: pro-rata (counts, by the days "
        "elapsed) or as-is (ratios, percentages); by default from the unit",
        "Area.weight": "The area's weight in the overall score with scoring: {overall: "
        "area-weights} (default 1)",
        "Header.scoring": "Roll-up choices: overall (indicators, areas, area-weights) and "
        "zero_targets (all-or-nothing, distance)",
        "Header.monitoring": "Monitoring during the year, e.g. {tolerance: 10}: below the target "
        'within 10% is "at risk"',
        "Scoring": "How the scores roll up: overall and zero_targets",
        "Scoring.overall": "The overall score is the mean of the indicators (default), of the "
        "areas, or of the areas by weight (area-weights)",
        "Scoring.zero_targets": "Missed targets at or below zero: all-or-nothing (default, 0%) or "
        "distance (in proportion to the distance)",
        "Monitoring": "Monitoring during the year: tolerance",
        "Monitoring.tolerance": 'How far below its target, in percent, a projection is "at risk" '
        'rather than "critical", e.g. "10"',
        "Indicator.targets": 'One target per year, the text as printed, e.g. 2024: "≥ 74%"',
        "Indicator.tags": "Tags to filter with --tag, e.g. [obiettivi-comuni-di-sistema]",
        "Indicator.source": "Where the value comes from, e.g. Pareto",
        "Indicator.notes": 'Notes of the document, e.g. ["NOTA: ..."]',
        "Indicator.changes": "The indicator's history, e.g. - {date: 2022-10-25, act: \"D CC "
        '25/10/2022", change: target}',
        "Indicator.register": "Computed from the invoice register: average-days (9.6), "
        "paid-within-30-days (9.7) or itp (9.10)",
        "Change.date": "The date of the act, e.g. 2022-10-25 or 25/10/2022",
        "Change.act": 'The act that decided the change, e.g. "D CC 25/10/2022"',
        "Change.change": "What changed: target, indicator, withdrawn, added, owner",
        "Change.from_year": "The first year it applies to, e.g. 2023 (default: the year of date)",
        "Change.note": "A free note on the change, e.g. target lowered",
        "Header": "The plan's header: title, period, language, scale, bands, offices, measures",
        "Header.title": "The plan's title, e.g. Cruscotto strategico 2022-2026",
        "Header.entity": "The entity, e.g. Camera di Commercio",
        "Header.period": "The plan's years, e.g. {first: 2022, last: 2026}",
        "Header.language": "Language of labels, tables and reports: it or en",
        "Header.scale": 'Ordinal levels, lowest first, e.g. - {level: medio, from: "2,5"}',
        "Header.bands": "Labels of the score (grado di raggiungimento), highest first, e.g. - "
        "{from: 100, label: Raggiunto}",
        "Header.offices": "The offices in charge (Risorse Owner), e.g. - {id: staff, name: S. "
        "Staff}",
        "Header.measures": "Raw values the offices report, used by formulas, e.g. - {id: "
        "imprese_attive, ...}",
        "Header.changes": 'The history of plan.yaml, e.g. - {date: 2023-01-30, act: "D CC '
        '30/01/2023", change: offices}',
        "PlanChange": "An act that changed plan.yaml: date, act, change",
        "PlanChange.date": "The date of the act, e.g. 2023-01-30 or 30/01/2023",
        "PlanChange.act": 'The act that decided the change, e.g. "D CC 30/01/2023"',
        "PlanChange.change": "What changed: plan, period, scale, bands, offices, measures",
        "PlanChange.note": "A free note on the change, e.g. a new office",
        "Period.first": "The plan's first year, e.g. 2022",
        "Period.last": "The plan's last year, e.g. 2026",
        "ScaleLevel.level": 'The level\'s name, used in targets, e.g. medio ("> medio")',
        "ScaleLevel.from": 'The lowest score read as this level, e.g. "2,5"',
        "ScaleLevel.max": "On the highest level: the top score of the scale, e.g. 5 (of 1 to 5)",
        "Band.from": "The lowest score (in %) given this label, e.g. 90",
        "Band.label": "The label, e.g. Parzialmente raggiunto",
        "Office.id": "The office's code, written in owner, e.g. staff",
        "Office.name": "The office's name, e.g. S. Staff",
        "Office.aliases": 'Other spellings found in the document, e.g. ["S.Staff"]',
        "Measure.id": "The measure's name in formulas: letters, digits and _, e.g. imprese_attive",
        "Measure.name": "What the measure counts, e.g. N. imprese attive al 31/12",
        "Measure.owner": "The office that reports the value: an id of offices, e.g. anagrafico",
        "Measure.unit": 'The unit (default "n."), e.g. n.',
        "target": "The year's target as printed: comparator and number, value, level, range, "
        "Annuale, Anno di rilevazione",
        "target.error": 'not a valid target: write e.g. "≥ 73%", "1,45", "{level}", "tra 80% e '
        '90%", "Annuale" or "Anno di rilevazione"',
        "formula.error": "not a valid formula: measures declared in plan.yaml, numbers, "
        "prev(measure), + - * / and parentheses",
        "number.error": "not a valid number: decimal comma or point, no thousands separator, e.g. "
        '"2,5"',
    },
}

_EXAMPLE_FORMULA = "servizi_full_digital / servizi_totali * 100"


def words(language: str, header: Header | None = None) -> dict[str, str]:
    """The descriptions in a language, their examples taken from the plan when there is one."""
    levels = [s.level for s in header.scale] if header else ["basso", "medio", "alto"]
    measures = [m.id for m in header.measures] if header else []
    offices = [o.id for o in header.offices] if header else []
    examples = {
        "{office}": offices[0] if offices else "staff",
        "{formula}": f"{measures[0]} / prev({measures[0]}) * 100" if measures else _EXAMPLE_FORMULA,
        "{level}": f"> {levels[len(levels) // 2]}" if levels else "≥ 1",
    }
    filled = {}
    for key, text in DESCRIPTIONS[language].items():
        for placeholder, example in examples.items():
            text = text.replace(placeholder, example)
        filled[key] = text
    return filled


def target_examples(header: Header | None = None) -> list[str]:
    """Target texts of each form, shown on hover; a level of the plan's own scale."""
    levels = [s.level for s in header.scale] if header else ["medio"]
    level = [f"> {levels[len(levels) // 2]}"] if levels else []
    return [
        "≥ 73%",
        "> 1",
        "1,45",
        *level,
        "ITP < -10",
        "tra 80% e 90%",
        "Annuale",
        "Anno di rilevazione",
    ]
