"""Roll-up choices set in plan.yaml: the overall score of indicators or of areas; zero targets."""

from __future__ import annotations

import textwrap
from decimal import Decimal
from pathlib import Path

import pytest

from cruscotto_cli.actuals.load import load_actuals
from cruscotto_cli.evaluate import evaluate
from cruscotto_cli.judge import distance_degree, judge
from cruscotto_cli.plan.load import load_plan
from cruscotto_cli.plan.targets import parse_target
from tests.conftest import HEADER, write_csv, write_plan

FIRST = """\
id: "1"
title: Prima
weight: 3
indicators:
  - {id: "1.1", name: Eventi, owner: staff, unit: n., direction: higher, targets: {2024: "100"}}
  - {id: "1.2", name: Servizi, owner: staff, unit: n., targets: {2024: "≥ 10"}}
"""
SECOND = """\
id: "2"
title: Seconda
indicators:
  - {id: "2.1", name: ITP, owner: staff, unit: giorni, symbol: ITP, targets: {2024: "ITP < -10"}}
"""
ACTUALS = "indicatore;anno;valore\n1.1;2024;90\n1.2;2024;10\n2.1;2024;-8\n"


def _overall(tmp_path: Path, scoring: str) -> Decimal | None:
    folder = write_plan(tmp_path / "plan", FIRST, HEADER + scoring)
    (folder / "02-area.yaml").write_text(textwrap.dedent(SECOND), encoding="utf-8")
    write_csv(tmp_path / "actuals", "a.csv", ACTUALS)
    plan = load_plan(folder)
    return evaluate(plan, load_actuals(tmp_path / "actuals", plan), 2024).overall.score


@pytest.mark.parametrize(
    ("scoring", "expected"),
    [
        ("", Decimal("1.9") / 3),  # (90% + 100% + 0%) / 3 = 63,33%: today's choice
        ("scoring: {overall: indicators}\n", Decimal("1.9") / 3),
        ("scoring: {overall: areas}\n", Decimal("0.475")),  # (95% + 0%) / 2
        ("scoring: {overall: area-weights}\n", Decimal("0.7125")),  # (3 × 95% + 0%) / 4
        ("scoring: {zero_targets: distance}\n", Decimal("0.9")),  # (90 + 100 + 80) / 3
        ("scoring: {overall: areas, zero_targets: distance}\n", Decimal("0.875")),
    ],
)
def test_the_overall_score_follows_the_plans_choice(
    tmp_path: Path, scoring: str, expected: Decimal
) -> None:
    assert _overall(tmp_path, scoring) == expected


def test_distance_scoring_of_targets_at_or_below_zero() -> None:
    assert distance_degree(Decimal("-11.4"), Decimal(-13)) == 1 - Decimal("1.6") / 13  # 87,69%
    assert distance_degree(Decimal("0.25"), Decimal(0)) == Decimal("0.75")  # span of one unit
    assert distance_degree(Decimal(5), Decimal(-2)) == 0  # never below 0%
    itp = parse_target("ITP < -13")
    assert judge(itp, Decimal("-11.4"), "lower", ()).degree == 0  # all or nothing by default
    assert round(judge(itp, Decimal("-11.4"), "lower", (), True).degree * 100, 2) == Decimal(
        "87.69"
    )
    assert judge(itp, Decimal(-13), "lower", (), True).degree == Decimal("0.9999")  # strict
    assert judge(parse_target("≥ 80"), Decimal(40), "higher", (), True).degree == Decimal("0.5")
