"""The shipped plan/ is the 2022-2026 Cruscotto strategico as printed in the source document."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from cruscotto_cli.plan.load import load_plan
from cruscotto_cli.plan.loaded import Plan
from cruscotto_cli.plan.model import ChangeKind
from tests.conftest import PLAN, REPO

SEED = REPO / "docs" / "source" / "cruscotto-strategico.txt"
COUNTS = {
    "1": 8,
    "2": 2,
    "3": 5,
    "4": 2,
    "5": 6,
    "6": 2,
    "7": 3,
    "8": 3,
    "9": 10,
    "10": 3,
    "11": 3,
    "12": 2,
    "13": 2,
    "14": 7,
}


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan(PLAN)


@pytest.fixture(scope="module")
def seed() -> str:
    return " ".join(SEED.read_text(encoding="utf-8").split())


def norm(text: str) -> str:
    return " ".join(text.split())


def test_areas_and_indicator_counts_match_the_seed(plan: Plan) -> None:
    assert Counter(p.area.id for p in plan.placed) == COUNTS
    assert [a.id for a, _ in plan.areas] == list(COUNTS)
    assert sum(COUNTS.values()) == len(plan.placed) == 58


def test_ids_are_area_dot_number_in_order(plan: Plan) -> None:
    for area, _ in plan.areas:
        assert [i.id for i in area.indicators] == [
            f"{area.id}.{n}" for n in range(1, COUNTS[area.id] + 1)
        ]


def test_14_1_is_withdrawn_by_the_council_decision(plan: Plan) -> None:
    placed = plan.indicator("14.1")
    assert placed is not None
    change = placed.indicator.withdrawal
    assert change is not None
    assert (change.act, change.date, change.change) == (
        "D CC 25/10/2022",
        dt.date(2022, 10, 25),
        ChangeKind.WITHDRAWN,
    )
    assert placed.indicator.withdrawn_in(2022) is change


def test_only_14_1_is_withdrawn(plan: Plan) -> None:
    assert [i.id for i in plan.indicators() if i.withdrawal] == ["14.1"]


def test_1_2_records_the_target_change(plan: Plan) -> None:
    placed = plan.indicator("1.2")
    assert placed is not None
    assert [(c.change, c.act, c.date) for c in placed.indicator.changes] == [
        (ChangeKind.TARGET, "D CC 25/10/2022", dt.date(2022, 10, 25))
    ]


def test_every_act_is_in_the_seed(plan: Plan, seed: str) -> None:
    acts = {c.act for i in plan.indicators() for c in i.changes}
    assert acts == {"D CC 25/10/2022"}
    assert seed.count("Modifica target D CC 25/10/2022") == sum(
        c.change is ChangeKind.TARGET for i in plan.indicators() for c in i.changes
    )
    assert seed.count("Eliminato D CC 25/10/2022") == 1


def test_every_target_text_occurs_in_the_seed(plan: Plan, seed: str) -> None:
    missing = sorted(
        {t.text for i in plan.indicators() for t in i.targets.values() if norm(t.text) not in seed}
    )
    assert missing == []


def test_every_indicator_row_of_targets_occurs_in_the_seed(plan: Plan, seed: str) -> None:
    """Stronger than each text alone: the year-ordered row, as printed, e.g. "≥ 73% ≥ 72% ≥ 74% ≥76% ≥ 78%"."""
    rows = {
        i.id: " ".join(norm(t.text) for _, t in sorted(i.targets.items()))
        for i in plan.indicators()
    }
    assert {key: row for key, row in rows.items() if row not in seed} == {}


def test_common_objectives_are_tagged_as_in_the_seed(plan: Plan, seed: str) -> None:
    tagged = [i for i in plan.indicators() if "obiettivi-comuni-di-sistema" in i.tags]
    assert len(tagged) == seed.count("Obiettivi comuni di sistema") == 14
    assert all(min(i.targets) == 2024 for i in tagged)  # the common objectives begin in 2024


def test_every_office_is_spelt_as_in_the_seed(plan: Plan, seed: str) -> None:
    """Aliases are the source's own spellings; the name may be normalised ("S. Bilancio e Patrimonio")."""
    assert [a for o in plan.header.offices for a in o.aliases if a not in seed] == []
    assert [
        o.id for o in plan.header.offices if not any(s in seed for s in (o.name, *o.aliases))
    ] == []


def test_period_and_years(plan: Plan) -> None:
    assert (plan.header.period.first, plan.header.period.last) == (2022, 2026)
    years = Counter(len(i.targets) for i in plan.indicators())
    assert set(years) <= {3, 5}  # five values 2022-2026, or three 2024-2026
    for indicator in plan.indicators():
        assert max(indicator.targets) == 2026, indicator.id
