"""Words shown to readers, in the plan's language (Italian for the shipped plan)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from cruscotto_cli.evaluate import Outcome, Score, Status
from cruscotto_cli.numbers import format_number
from cruscotto_cli.plan.loaded import Plan
from cruscotto_cli.plan.model import Value

LABELS: dict[str, dict[str, str]] = {
    "it": {
        "met": "Raggiunto",
        "not_met": "Non raggiunto",
        "baseline": "Anno di rilevazione",
        "missing": "Dato mancante",
        "no_target": "Nessun target",
        "withdrawn": "Eliminato",
        "invalid": "Non valutabile",
        "not_collected": "Da rilevare",
        "open": "in corso",
        "id": "ID",
        "indicator": "Indicatore",
        "area": "Area",
        "office": "Ufficio",
        "owner": "Owner",
        "target": "Target",
        "actual": "Valore",
        "status": "Stato",
        "degree": "Grado",
        "score": "Punteggio",
        "band": "Fascia",
        "overall": "Complessivo",
        "scope_area": "area",
        "scope_areas": "aree",
        "scope_owner": "ufficio",
        "scope_owners": "uffici",
        "scope_tag": "tag",
        "scope_tags": "tag",
        "unit": "Unità",
        "year": "Anno",
        "note": "Nota",
        "source": "Fonte",
        "counts": "Esiti",
        "scored": "valutati",
        "yes": "sì",
        "no": "no",
        "offices": "Sintesi per ufficio",
        "evaluation": "Valutazione",
        "show_direction": "Direzione",
        "show_symbol": "Simbolo",
        "show_formula": "Formula",
        "show_register": "Registro",
        "show_weight": "Peso",
        "show_tags": "Tag",
        "show_notes": "Note",
        "show_file": "File",
        "show_targets": "Target per anno",
        "show_printed": "Target come stampato",
        "show_read_as": "Letto come",
        "show_history": "Storia",
        "show_date": "Data",
        "show_act": "Atto",
        "show_change": "Modifica",
        "higher": "crescente (più alto è meglio)",
        "lower": "decrescente (più basso è meglio)",
        "report": "Relazione sulla performance",
        "summary": "Sintesi",
        "contents": "Indice",
        "areas_glance": "Le aree in sintesi",
        "indicators": "Indicatori",
        "trend": "Andamento",
        "history": "Storia del piano",
        "changes": "Modifiche deliberate dal Consiglio",
        "withdrawn_list": "Indicatori eliminati",
        "sources": "Provenienza dei valori",
        "methodology": "Metodologia",
        "made_from": "Dati di origine",
        "illustrative": "Valori illustrativi: non sono dati pubblicati",
        "illustrative_except": "tranne quelli di {ids}, con la fonte pubblicata",
        "generated": "Generato il",
        "tool": "Strumento",
        "file": "File",
        "row": "Riga",
        "date": "Data",
        "act": "Atto",
        "change": "Modifica",
        "from_year": "Dal",
        "scope": "Ambito",
        "all_indicators": "tutti gli indicatori",
        "tag": "Tag",
        "written": "Valore scritto",
        "key": "Chiave",
        "legend": "Come leggere i grafici",
        "none": "nessuna",
        "reason": "Motivo",
        "explanation": "Motivazione",
        "points": "punti",
        "on_track": "In linea",
        "at_risk": "A rischio",
        "critical": "Critico",
        "in_progress": "In corso",
        "not_measurable": "Non rilevabile",
        "monitoring": "Monitoraggio",
        "monitoring_at": "Monitoraggio al",
        "projection": "Proiezione",
        "measured": "Rilevato il",
        "kind": "Criterio",
        "pro-rata": "pro rata",
        "as-is": "così com'è",
        "elapsed": "dell'anno trascorso",
        "tolerance": "tolleranza",
        "attention": "Da attenzionare",
        "gap": "Scarto",
        "year_over_year": "Confronto con l'anno precedente",
        "improved": "Migliorano rispetto al {year}",
        "worsened": "Peggiorano rispetto al {year}",
        "no_reason": "non fornita",
        "unexplained": "Scostamenti senza motivazione",
        "plan": "Piano",
        "change_target": "Modifica target",
        "change_indicator": "Modifica indicatore",
        "change_withdrawn": "Eliminato",
        "change_added": "Aggiunto",
        "change_owner": "Cambio owner",
        "baseline_short": "rilevazione",
        "legend_actual": "valore dell'anno (scuro: anno della relazione)",
        "legend_missed": "target non raggiunto",
        "legend_target": "target",
        "legend_rows": "sotto il grafico: valore, target, anno",
        "history_title": "Indicatore {indicator}: storia di {folder}/",
        "history_acts": "atti registrati",
        "history_change": "modifica",
        "history_year": "anno",
        "history_old": "prima",
        "history_new": "dopo",
        "history_recorded": "voce di storia registrata",
        "history_edited": "voce di storia rimossa o modificata: {entry}",
        "history_footer": (
            "Commit che hanno modificato l'indicatore {indicator}: {count} su {read} che toccano "
            "{folder}/"
        ),
        "history_truncated": "; i commit più vecchi non sono stati letti (aumentare --max-commits)",
        "what_added": "aggiunto",
        "what_removed": "rimosso",
        "what_withdrawn": "eliminato",
        "what_target": "target",
        "what_name": "nome",
        "what_unit": "unità",
        "what_direction": "direzione",
        "what_symbol": "simbolo",
        "what_formula": "formula",
        "what_register": "registro",
        "what_weight": "peso",
        "what_owner": "owner",
        "what_tags": "tag",
        "what_source": "fonte",
        "what_notes": "note",
        "what_area": "area",
    },
    "en": {
        "met": "Met",
        "not_met": "Not met",
        "baseline": "Baseline",
        "missing": "Missing",
        "no_target": "No target",
        "withdrawn": "Withdrawn",
        "invalid": "Invalid",
        "not_collected": "Not collected yet",
        "open": "in progress",
        "id": "ID",
        "indicator": "Indicator",
        "area": "Area",
        "office": "Office",
        "owner": "Owner",
        "target": "Target",
        "actual": "Actual",
        "status": "Status",
        "degree": "Degree",
        "score": "Score",
        "band": "Band",
        "overall": "Overall",
        "scope_area": "area",
        "scope_areas": "areas",
        "scope_owner": "office",
        "scope_owners": "offices",
        "scope_tag": "tag",
        "scope_tags": "tags",
        "unit": "Unit",
        "year": "Year",
        "note": "Note",
        "source": "Source",
        "counts": "Outcomes",
        "scored": "scored",
        "yes": "yes",
        "no": "no",
        "offices": "Summary by office",
        "evaluation": "Evaluation",
        "show_direction": "Direction",
        "show_symbol": "Symbol",
        "show_formula": "Formula",
        "show_register": "Register",
        "show_weight": "Weight",
        "show_tags": "Tags",
        "show_notes": "Notes",
        "show_file": "File",
        "show_targets": "Targets by year",
        "show_printed": "Target as printed",
        "show_read_as": "Read as",
        "show_history": "History",
        "show_date": "Date",
        "show_act": "Act",
        "show_change": "Change",
        "higher": "higher is better",
        "lower": "lower is better",
        "report": "Performance report",
        "summary": "Summary",
        "contents": "Contents",
        "areas_glance": "Areas at a glance",
        "indicators": "Indicators",
        "trend": "Trend",
        "history": "Plan history",
        "changes": "Changes by Council decision",
        "withdrawn_list": "Withdrawn indicators",
        "sources": "Where the values came from",
        "methodology": "Methodology",
        "made_from": "Made from",
        "illustrative": "Illustrative values: not published figures",
        "illustrative_except": "except those of {ids}, with their published source",
        "generated": "Generated on",
        "tool": "Tool",
        "file": "File",
        "row": "Row",
        "date": "Date",
        "act": "Act",
        "change": "Change",
        "from_year": "From",
        "scope": "Scope",
        "all_indicators": "all indicators",
        "tag": "Tag",
        "written": "As written",
        "key": "Key",
        "legend": "How to read the charts",
        "none": "none",
        "reason": "Reason",
        "explanation": "Reason for the miss",
        "points": "points",
        "on_track": "On track",
        "at_risk": "At risk",
        "critical": "Critical",
        "in_progress": "In progress",
        "not_measurable": "Not measurable yet",
        "monitoring": "Monitoring",
        "monitoring_at": "Monitoring at",
        "projection": "Projected",
        "measured": "Measured on",
        "kind": "Projection",
        "pro-rata": "pro rata",
        "as-is": "as is",
        "elapsed": "of the year elapsed",
        "tolerance": "tolerance",
        "attention": "Needing attention",
        "gap": "Gap",
        "year_over_year": "Compared with the previous year",
        "improved": "Improved since {year}",
        "worsened": "Worsened since {year}",
        "no_reason": "not given",
        "unexplained": "Misses without a reason",
        "plan": "Plan",
        "change_target": "Target changed",
        "change_indicator": "Indicator changed",
        "change_withdrawn": "Withdrawn",
        "change_added": "Added",
        "change_owner": "Owner changed",
        "baseline_short": "baseline",
        "legend_actual": "the year's actual (dark: the report year)",
        "legend_missed": "target not met",
        "legend_target": "target",
        "legend_rows": "under the chart: actual, target, year",
        "history_title": "Indicator {indicator}: history of {folder}/",
        "history_acts": "acts recorded",
        "history_change": "change",
        "history_year": "year",
        "history_old": "old",
        "history_new": "new",
        "history_recorded": "history entry recorded",
        "history_edited": "history entry removed or edited: {entry}",
        "history_footer": (
            "{commits} changed indicator {indicator}, of {read} that touched {folder}/"
        ),
        "history_truncated": "; older commits not read (raise --max-commits)",
        **{
            f"what_{name}": name
            for name in (
                *("added", "removed", "withdrawn", "target", "name", "unit", "direction"),
                *("symbol", "formula", "register", "weight", "owner", "tags", "source", "notes"),
                "area",
            )
        },
    },
}


class Words:
    """The labels and number style of one language."""

    def __init__(self, language: str) -> None:
        self.language = language if language in LABELS else "en"
        self.labels = LABELS[self.language]
        self.decimal = "," if self.language == "it" else "."

    def __getitem__(self, key: str) -> str:
        return self.labels[key]

    def number(self, value: Decimal, places: int | None = None) -> str:
        return format_number(value, self.decimal, places)

    def percent(self, fraction: Decimal | None) -> str:
        """A degree or score (0..1) as a percentage with two decimals: 97,09%."""
        if fraction is None:
            return ""
        shown = self.number(fraction * 100, 2)
        # A degree just below 100% must not round up to "100,00%" beside a "not met".
        if fraction < 1 and shown == self.number(Decimal(100), 2):
            shown = self.number(Decimal("99.99"), 2)
        return shown + "%"

    def score(self, score: Score, empty: str = "") -> str:
        """A roll-up's score as a percentage; "in corso" in an open year, `empty` when unscored."""
        return self.percent(score.score) or (self["open"] if score.open else empty)

    def points(self, change: Decimal | None) -> str:
        """A difference of degrees or scores (fractions) in percentage points, signed: +2,16."""
        if change is None:
            return ""
        shown = self.number(change * 100, 2)
        if shown.strip("-") == self.number(Decimal(0), 2):
            return shown.strip("-")
        return shown if shown.startswith("-") else f"+{shown}"

    def value(self, value: Value | None, unit: str = "") -> str:
        """An actual as readers expect it: 74,5%, 140, 1,05, sì, medio."""
        if value is None:
            return ""
        if isinstance(value, bool):
            return self["yes"] if value else self["no"]
        if isinstance(value, str):
            return value
        # Computed values carry many decimals: two for percentages, three for ratios ("1,004"
        # must not read as "1,00" beside a "> 1" target). Values as written keep their form.
        places = 2 if unit == "%" else 3
        exponent = value.as_tuple().exponent
        text = self.number(
            value, places if isinstance(exponent, int) and -exponent > places else None
        )
        return f"{text}%" if unit == "%" else text

    def date(self, day: dt.date) -> str:
        """A date as the language writes it: 31/03/2025 in Italian, 2025-03-31 otherwise."""
        return f"{day:%d/%m/%Y}" if self.language == "it" else day.isoformat()


def counts_text(w: Words, score: Score) -> str:
    """The outcomes of a roll-up by status, in status order: "raggiunto 8, non raggiunto 2"."""
    return ", ".join(
        f"{w[s.value].lower()} {score.counts[s]}" for s in Status if score.counts.get(s)
    )


def score_text(w: Words, score: Score, counts: bool = True) -> str:
    """`93,80% Parzialmente raggiunto (raggiunto 43, ...)`; `- (eliminato 1)` when nothing was
    scored; `in corso (da rilevare 56)` in an open year."""
    parts = [
        w.score(score, "-"),
        score.band or "",
        f"({counts_text(w, score)})" if counts else "",
    ]
    return " ".join(p for p in parts if p)


def shown_actual(w: Words, o: Outcome) -> str:
    """The actual as readers expect it, with the level a numeric score reads as: 3,8 (alto)."""
    text = w.value(o.actual, o.indicator.unit)
    return f"{text} ({o.level})" if o.level else text


def overall_label(w: Words, plan: Plan, scope: Sequence[tuple[str, str]]) -> str:
    """ "Complessivo", or with the filters that made it: "Complessivo (aree 4, 12; ufficio
    S. Staff)", so that a filtered total never reads as the whole plan's."""
    groups: dict[str, list[str]] = {}
    for kind, value in scope:
        office = plan.office(value) if kind == "owner" else None
        groups.setdefault(kind, []).append(office.name if office else value)
    parts = [
        f"{w[f'scope_{kind}' + ('s' if len(values) > 1 else '')]} {', '.join(values)}"
        for kind, values in groups.items()
    ]
    return f"{w['overall']} ({'; '.join(parts)})" if parts else w["overall"]
