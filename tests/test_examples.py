"""Example plans, check-jsonschema style: each invalid case holds the exact diagnostics it raises.

    tests/examples/plans/invalid/<case>/   plan.yaml, area files, expected.txt (one line per problem)
    tests/examples/plans/valid/<case>/     plans that load clean

Paths in expected.txt are relative to the case folder, as `cruscotto validate --plan .` prints them
when run inside it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cruscotto_cli.diagnostics import InputError
from cruscotto_cli.plan.load import load_plan
from cruscotto_cli.plan.targets import Annual, Baseline, Level, Range, Threshold

EXAMPLES = Path(__file__).parent / "examples" / "plans"
INVALID = sorted(p for p in (EXAMPLES / "invalid").iterdir() if p.is_dir())
VALID = sorted(p for p in (EXAMPLES / "valid").iterdir() if p.is_dir())


def test_the_corpus_is_there() -> None:
    assert len(INVALID) >= 20
    assert [p.name for p in VALID] == ["every-target-form", "minimal"]


@pytest.mark.parametrize("case", INVALID, ids=[p.name for p in INVALID])
def test_invalid_plan_raises_exactly_the_expected_diagnostics(
    case: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert expected, f"{case}/expected.txt is empty"
    monkeypatch.chdir(case)
    with pytest.raises(InputError) as caught:
        load_plan(Path("."))
    assert [str(d) for d in caught.value.diagnostics] == expected


@pytest.mark.parametrize("case", VALID, ids=[p.name for p in VALID])
def test_valid_plan_loads_clean(case: Path) -> None:
    plan = load_plan(case)
    assert plan.placed


def test_the_valid_corpus_uses_every_target_form() -> None:
    plan = load_plan(EXAMPLES / "valid" / "every-target-form")
    texts = {t.text for i in plan.indicators() for t in i.targets.values()}
    seed_forms = {
        "≥ 73%",
        ">=80%",
        ">= 80%",
        "> 1",
        ">1",
        "≥1",
        "<= 1",
        "< 20%",
        "100%",
        "140",
        "0,4",
        "1,45",
        "0,00",
        "-10,10%",
        "68,50%",
        "> medio",
        "> Medio",
        "ITP < -10",
        "Annuale",
        "Anno di rilevazione",
        "Anno rilevazione",
        "Anno di rilevazione (revisione piano)",
        "≤ 5",
        "= 100%",
        "tra 80% e 90%",
        "80%-90%",
    }
    assert seed_forms <= texts
    kinds = {type(t) for i in plan.indicators() for t in i.targets.values()}
    assert kinds == {Threshold, Level, Range, Annual, Baseline}
    by_id = {i.id: i for i in plan.indicators()}
    assert by_id["2.2"].targets[2025].text == "18"  # an unquoted number is its text
    assert by_id["2.1"].weight == 2
    assert [str(n) for n in by_id["2.5"].notes] == ["NOTA: nuovo indicatore"]
    assert by_id["2.5"].withdrawn_in(2025) is None
    assert by_id["2.5"].withdrawn_in(2026) is not None


def test_an_area_saved_as_yml_is_read_not_left_out(tmp_path: Path) -> None:
    from tests.conftest import write_plan

    folder = write_plan(tmp_path / "plan", 'id: "1"\ntitle: A\nindicators: []\n')
    (folder / "02-b.yml").write_text('id: "2"\ntitle: B\nindicators: []\n', encoding="utf-8")
    assert [area.id for area, _ in load_plan(folder).areas] == ["1", "2"]
