"""The report's prose in the plan's language: the methodology, stated as the code computes it."""

from __future__ import annotations

from decimal import Decimal

from cruscotto_cli.judge import judge
from cruscotto_cli.plan.model import Band
from cruscotto_cli.plan.targets import Comparator, Threshold
from cruscotto_cli.render.words import Words
from cruscotto_cli.report.content import ReportData


def notice(w: Words, data: ReportData) -> str:
    """The warning that values are illustrative, naming the indicators whose values are real."""
    if not data.published:
        return w["illustrative"]
    return f"{w['illustrative']}, {w['illustrative_except'].format(ids=', '.join(data.published))}"


METHOD: dict[str, tuple[str, ...]] = {
    "it": (
        "Stato. Ogni indicatore è confrontato con il target in vigore nell'anno, come stampato "
        "nel piano. "
        "«Raggiunto» se il valore soddisfa il target, «Non raggiunto» altrimenti; i comparatori "
        "stretti sono "
        "stretti (ITP < -10 non è raggiunto con -10). «Anno di rilevazione»: il valore è "
        "misurato, non valutato. "
        "«Dato mancante»: c'è un target ma nessun valore. «Nessun target»: il piano non ne fissa "
        "uno per l'anno. "
        "«Eliminato»: l'indicatore è stato eliminato da una delibera e non è valutato dall'anno "
        "dell'atto. "
        "«Non valutabile»: il valore non è confrontabile con il target o la formula non è "
        "calcolabile. "
        "«Da rilevare»: l'anno è ancora in corso (non concluso alla data della relazione, o senza "
        "alcun valore rilevato) e il valore non è ancora stato raccolto; un anno in corso non ha "
        "punteggio.",
        "Grado di raggiungimento. 100% quando il target è raggiunto. Altrimenti è proporzionale: "
        "valore / target "
        "quando è meglio un valore più alto, target / valore quando è meglio più basso, e resta "
        "sotto il 100% "
        "(un target stretto mancato esattamente sulla soglia risulta {below}). È tutto o niente "
        "(0% o 100%) "
        "per target minori o uguali a zero (o valori minori o uguali a zero), valori esatti (=), "
        "intervalli, "
        "livelli e sì/no (Annuale). Un target senza comparatore (140, 1,45) vale «almeno» o «al "
        "massimo» "
        "secondo la direzione dell'indicatore.",
        "Esempio: target ≥ 103, valore 100: grado = 100 / 103 = {example}.",
        "Indicatori calcolati. Dove il piano dà una formula, il valore è calcolato dalle misure "
        "rilevate dagli "
        "uffici (per esempio anno x / anno x-1 usa la misura dell'anno precedente).",
        "Punteggi. Il punteggio di un'area, di un ufficio e complessivo è la media ponderata dei "
        "gradi degli "
        "indicatori valutati (raggiunti, non raggiunti; mancanti e non valutabili contano 0%), "
        "con pesi uguali "
        "dove il piano non ne indica. Anno di rilevazione, nessun target ed eliminati sono "
        "esclusi.",
        "Fasce (dal piano): {bands}.",
    ),
    "en": (
        "Status. Each indicator is compared with the target in force that year, as printed in the "
        "plan. "
        '"Met" when the actual satisfies the target, "Not met" otherwise; strict comparators are '
        "strict "
        '(ITP < -10 is not met by -10). "Baseline": measured, not scored. "Missing": a target and '
        "no value. "
        '"No target": the plan sets none that year. "Withdrawn": eliminated by a decision, not '
        "evaluated "
        'from the year of the act. "Invalid": the value cannot be compared with the target, or '
        "the formula "
        "cannot be computed. "
        '"Not collected yet": the year is still open (not ended at the report\'s date, or with no '
        "value collected at all) and the value has not been collected; an open year has no score.",
        "Degree of achievement. 100% when the target is met. Otherwise proportional: actual / "
        "target when "
        "higher is better, target / actual when lower is better, kept below 100% (a strict target "
        "missed "
        "exactly at the threshold shows {below}). All or nothing (0% or 100%) for targets at or "
        "below zero "
        "(or actuals at or below zero), exact values (=), ranges, levels and yes/no (Annual). A "
        "target without "
        'a comparator (140, 1.45) means "at least" or "at most" by the indicator\'s direction.',
        "Example: target ≥ 103, actual 100: degree = 100 / 103 = {example}.",
        "Computed indicators. Where the plan gives a formula, the value is computed from the "
        "measures the "
        "offices report (year x / year x-1 uses the previous year's measure).",
        "Scores. Area, office and overall scores are the weighted mean of the scored indicators' "
        "degrees (met, "
        "not met; missing and invalid count as 0%), equal weights unless the plan gives weights. "
        "Baseline, no "
        "target and withdrawn are left out.",
        "Bands (from the plan): {bands}.",
    ),
}


def methodology(w: Words, bands: tuple[Band, ...]) -> list[str]:
    """The methodology paragraphs, with the worked example computed by the code itself."""
    example = judge(
        Threshold(Comparator.GE, Decimal(103), text="≥ 103"), Decimal(100), "higher", ()
    )
    below = judge(Threshold(Comparator.GT, Decimal(1), text="> 1"), Decimal(1), "higher", ())
    listed = "; ".join(f"{b.label} ≥ {w.number(b.from_)}%" for b in bands) or w["none"]
    fill = {"example": w.percent(example.degree), "below": w.percent(below.degree), "bands": listed}
    return [p.format(**fill) for p in METHOD[w.language]]


def scope_text(w: Words, data: ReportData) -> str:
    """The filters the report was made with, or "all indicators"."""
    names = {"area": w["area"], "owner": w["office"], "tag": w["tag"]}
    chosen = [
        f"{names[k].lower()} {_office(data, v) if k == 'owner' else v}" for k, v in data.scope
    ]
    return f"{w['scope']}: " + (", ".join(chosen) if chosen else w["all_indicators"])


def _office(data: ReportData, key: str) -> str:
    office = data.plan.office(key)
    return office.name if office else key
