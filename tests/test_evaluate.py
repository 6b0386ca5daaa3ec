"""Evaluation of a year on a small plan: every status, formulas, and the roll-up arithmetic."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from cruscotto_cli.actuals.load import load_actuals
from cruscotto_cli.evaluate import Evaluation, Status, evaluate
from cruscotto_cli.plan.load import load_plan
from cruscotto_cli.plan.reasons import Reason
from cruscotto_cli.plan.selection import Selection
from cruscotto_cli.render.reason_words import reason_text
from tests.conftest import write_csv, write_plan

AREA = """\
id: "1"
title: Area di prova
indicators:
  - id: "1.1"
    name: Azioni annuali
    owner: staff
    unit: sì/no
    targets: {2022: Annuale, 2023: Annuale, 2024: Annuale}
  - id: "1.2"
    name: Accessi anno x / anno x-1
    owner: segreteria
    unit: rapporto
    formula: accessi / prev(accessi)
    targets: {2022: "Anno di rilevazione", 2023: "> 1", 2024: "> 1"}
  - id: "1.3"
    name: Imprese aderenti / imprese attive
    owner: staff
    unit: "%"
    formula: aderenti / attive * 100
    weight: 3
    targets: {2023: "25", 2024: "25"}
    direction: higher
  - id: "1.4"
    name: Tempi medi
    owner: staff
    unit: giorni
    direction: lower
    targets: {2022: "18", 2023: "16", 2024: "16"}
  - id: "1.5"
    name: Soddisfazione
    owner: segreteria
    unit: livello
    targets: {2023: "> medio", 2024: "> medio"}
  - id: "1.6"
    name: Eliminato
    owner: staff
    unit: "%"
    direction: higher
    targets: {2022: "69%", 2023: "69%", 2024: "70%"}
    changes:
      - {date: 2023-10-25, act: "D CC 25/10/2023", change: withdrawn}
"""

ACTUALS = """\
indicatore;anno;valore;fonte
1.1;2023;sì;illustrativo
1.1;2024;no;illustrativo
accessi;2021;100;illustrativo
accessi;2022;120;illustrativo
accessi;2023;0;illustrativo
accessi;2024;30;illustrativo
attive;2023;1.000;illustrativo
aderenti;2023;240;illustrativo
attive;2024;0;illustrativo
aderenti;2024;10;illustrativo
1.4;2022;17;illustrativo
1.4;2023;17;illustrativo
1.4;2024;15,5;illustrativo
1.5;2023;3,8;illustrativo
1.5;2024;medio;illustrativo
1.6;2024;71%;illustrativo
"""


@pytest.fixture
def loaded(tmp_path: Path):
    plan = load_plan(write_plan(tmp_path / "plan", AREA))
    write_csv(tmp_path / "actuals", "dati.csv", ACTUALS)
    return plan, load_actuals(tmp_path / "actuals", plan)


def _statuses(result: Evaluation) -> dict[str, tuple[str, str | None, str | None]]:
    return {
        o.indicator.id: (
            o.status.value,
            None if o.degree is None else str(round(o.degree * 100, 2)),
            str(o.reason) if o.reason else None,
        )
        for o in result.outcomes
    }


def test_2022_baseline_no_target_and_a_bare_lower_value(loaded) -> None:
    plan, actuals = loaded
    assert _statuses(evaluate(plan, actuals, 2022)) == {
        "1.1": ("missing", "0.00", "no value in the actuals"),
        "1.2": ("baseline", None, None),
        "1.3": ("no_target", None, "no value of aderenti, attive for 2022"),
        "1.4": ("met", "100.00", None),
        "1.5": ("no_target", None, "no value in the actuals"),
        "1.6": ("missing", "0.00", "no value in the actuals"),
    }


def test_2023_every_status_but_invalid(loaded) -> None:
    plan, actuals = loaded
    result = evaluate(plan, actuals, 2023)
    assert _statuses(result) == {
        "1.1": ("met", "100.00", None),
        "1.2": ("not_met", "0.00", None),
        "1.3": ("not_met", "96.00", None),
        "1.4": ("not_met", "94.12", None),
        "1.5": ("met", "100.00", None),
        "1.6": ("withdrawn", None, "D CC 25/10/2023"),
    }
    assert result.outcomes[1].actual == Decimal(0)


def test_2024_division_by_zero_is_invalid_never_a_crash(loaded) -> None:
    plan, actuals = loaded
    statuses = _statuses(evaluate(plan, actuals, 2024))
    assert statuses["1.2"] == ("invalid", "0.00", "division by zero: prev(accessi) is 0")
    assert statuses["1.3"] == ("invalid", "0.00", "division by zero: attive is 0")
    assert statuses["1.1"] == ("not_met", "0.00", None)
    assert statuses["1.4"] == ("met", "100.00", None)
    assert statuses["1.5"] == ("not_met", "0.00", None)
    assert statuses["1.6"][0] == "withdrawn"


def test_missing_previous_year_is_invalid_with_its_reason(tmp_path: Path) -> None:
    plan = load_plan(write_plan(tmp_path / "plan", AREA))
    write_csv(tmp_path / "actuals", "dati.csv", "indicatore;anno;valore\naccessi;2023;120\n")
    outcome = evaluate(plan, load_actuals(tmp_path / "actuals", plan), 2023).outcomes[1]
    assert (outcome.status, outcome.reason) == (
        Status.INVALID,
        Reason.of("no_previous", measure="accessi", year=2022),
    )
    assert outcome.reason is not None and outcome.reason.params == {
        "measure": "accessi",
        "year": 2022,
    }
    assert reason_text(plan, outcome.reason) == (
        "nessun valore di N. accessi (accessi) per il 2022 (l'anno precedente)"
    )
    assert str(outcome.reason) == "no value of accessi for 2022 (the previous year)"


def test_roll_up_is_the_weighted_mean_of_scored_indicators(loaded) -> None:
    plan, actuals = loaded
    result = evaluate(plan, actuals, 2023)
    # Scored: 1.1 100 (w1), 1.2 0 (w1), 1.3 96 (w3), 1.4 94.1176 (w1), 1.5 100 (w1); 1.6 withdrawn left out.
    expected = (Decimal(1) + 0 + 3 * Decimal("0.96") + Decimal(16) / 17 + 1) / 7
    assert result.overall.score == expected
    assert result.overall.band == "Non raggiunto"
    assert result.overall.counts == {Status.MET: 2, Status.NOT_MET: 3, Status.WITHDRAWN: 1}
    offices = {
        s.key: (round(s.score * 100, 4), s.counts) for s in result.offices if s.score is not None
    }
    assert offices == {
        "staff": (
            round((1 + 3 * Decimal("0.96") + Decimal(16) / 17) / 5 * 100, 4),
            {Status.MET: 1, Status.NOT_MET: 2, Status.WITHDRAWN: 1},
        ),
        "segreteria": (Decimal("50.0000"), {Status.NOT_MET: 1, Status.MET: 1}),
    }


def test_missing_counts_as_zero_and_baseline_is_left_out(loaded) -> None:
    plan, actuals = loaded
    result = evaluate(plan, actuals, 2022)
    # Scored: 1.1 missing 0, 1.4 met 100, 1.6 missing 0; 1.2 baseline and 1.3/1.5 no target left out.
    assert result.overall.score == Decimal(1) / 3
    assert result.overall.counts == {
        Status.MISSING: 2,
        Status.BASELINE: 1,
        Status.NO_TARGET: 2,
        Status.MET: 1,
    }


def test_filters_select_indicators_and_reject_unknown_values(loaded) -> None:
    plan, actuals = loaded
    chosen = Selection(owners=("S. Segreteria Generale",)).apply(plan)
    assert [p.indicator.id for p in chosen] == ["1.2", "1.5"]
    result = evaluate(plan, actuals, 2023, chosen)
    assert [s.key for s in result.offices] == ["segreteria"]
    from cruscotto_cli.diagnostics import UsageError

    with pytest.raises(
        UsageError, match=r'unknown office "segretria"; did you mean "segreteria"\?'
    ):
        Selection(owners=("segretria",)).apply(plan)
    with pytest.raises(UsageError, match=r'unknown area "7"; the plan has: 1'):
        Selection(areas=("7",)).apply(plan)


def test_bands_label_a_partly_achieved_score(loaded) -> None:
    plan, actuals = loaded
    result = evaluate(plan, actuals, 2023, Selection(areas=("1",)).apply(plan)[2:4])
    assert (round(result.overall.score * 100, 2), result.overall.band) == (
        Decimal("95.53"),
        "Parzialmente raggiunto",
    )


def test_evaluating_years_together_is_evaluating_each_alone() -> None:
    """A report evaluates every year of the plan at once, each once; each must be what evaluating
    that year alone gives, its previous year included."""
    from cruscotto_cli.evaluate import evaluate, evaluate_years
    from cruscotto_cli.inputs import load_inputs
    from tests.conftest import ACTUALS, PLAN

    plan, actuals = load_inputs(PLAN, ACTUALS, False)
    years = plan.header.period.years
    together = evaluate_years(plan, actuals, years, scope=(("area", "9"),))
    assert sorted(together) == sorted(years)
    for year in years:
        alone = evaluate(plan, actuals, year, scope=(("area", "9"),))
        assert together[year] == alone
        assert together[year].previous == alone.previous
