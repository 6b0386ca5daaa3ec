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


def _validated(tmp_path: Path, first: str, header: str) -> tuple[int, str]:
    from typer.testing import CliRunner

    from cruscotto_cli.cli.app import app

    folder = write_plan(tmp_path / "plan", first, header)
    (folder / "02-area.yaml").write_text(textwrap.dedent(SECOND), encoding="utf-8")
    (tmp_path / "actuals").mkdir()
    command = ["validate", "--plan", str(folder), "--actuals", str(tmp_path / "actuals")]
    result = CliRunner().invoke(app, command, env={"COLUMNS": "200", "NO_COLOR": "1"})
    return result.exit_code, result.stdout.replace(str(folder), "plan").splitlines()[0]


def test_a_negative_area_weight_is_refused_at_its_place(tmp_path: Path) -> None:
    first = FIRST.replace("weight: 3", "weight: -3")
    found = _validated(tmp_path, first, HEADER + "scoring: {overall: area-weights}\n")
    assert found == (1, "plan/01-area.yaml:3:9: a weight cannot be negative [weight]")


def test_every_area_weighing_nothing_is_refused(tmp_path: Path) -> None:
    first = FIRST.replace("weight: 3", "weight: 0")
    second = SECOND.replace("title: Seconda", "title: Seconda\nweight: 0")
    folder = write_plan(tmp_path / "plan", first, HEADER + "scoring: {overall: area-weights}\n")
    (folder / "02-area.yaml").write_text(textwrap.dedent(second), encoding="utf-8")
    from typer.testing import CliRunner

    from cruscotto_cli.cli.app import app

    write_csv(tmp_path / "actuals", "a.csv", ACTUALS)
    command = ["evaluate", "2024", "--plan", str(folder), "--actuals", str(tmp_path / "actuals")]
    run = CliRunner().invoke(app, command)
    assert run.exit_code == 2  # a plan that does not validate: no overall score of "-"
    line = HEADER.count("\n") + 1
    assert run.stderr.replace(str(folder), "plan").splitlines()[0] == (
        f"plan/plan.yaml:{line}:20: scoring: area-weights, and every area's weight is 0: the "
        "overall score would have nothing to weigh; give an area a weight above 0, or choose "
        "`areas` or `indicators` [weight]"
    )
    # With the default roll-up the area weights are not read: weights of 0 are fine.
    assert _validated(tmp_path / "b", first, HEADER)[0] == 0


def test_a_negative_tolerance_is_refused(tmp_path: Path) -> None:
    found = _validated(tmp_path, FIRST, HEADER + "monitoring: {tolerance: -5}\n")
    line = HEADER.count("\n") + 1
    assert found == (
        1,
        f"plan/plan.yaml:{line}:25: a tolerance cannot be negative: 0 makes every miss critical "
        "[number]",
    )
