"""Shared fixtures: the repository's own plan and actuals, and small plans written on the fly."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PLAN = REPO / "plan"
ACTUALS = REPO / "actuals"

HEADER = """\
title: Piano di prova
period: {first: 2022, last: 2026}
language: it
scale:
  - {level: basso}
  - {level: medio, from: "2,5"}
  - {level: alto, from: "3,5", max: 5}
bands:
  - {from: 100, label: Raggiunto}
  - {from: 90, label: Parzialmente raggiunto}
  - {from: 0, label: Non raggiunto}
offices:
  - {id: staff, name: S. Staff}
  - {id: segreteria, name: S. Segreteria Generale}
measures:
  - {id: accessi, name: N. accessi, owner: segreteria}
  - {id: attive, name: N. imprese attive, owner: staff}
  - {id: aderenti, name: N. imprese aderenti, owner: staff}
"""


def write_plan(folder: Path, area: str, header: str = HEADER) -> Path:
    """A plan folder with plan.yaml and one area file `01-area.yaml` (dedented)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "plan.yaml").write_text(textwrap.dedent(header), encoding="utf-8")
    (folder / "01-area.yaml").write_text(textwrap.dedent(area), encoding="utf-8")
    return folder


def write_csv(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


GOLDEN = Path(__file__).resolve().parent / "golden"


@pytest.fixture(autouse=True)
def fresh_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test starts with an empty cache of loaded inputs, its own, and the cache on: a
    command run twice in one test reads its inputs back from it, as a user's second run does."""
    from cruscotto_cli import cache

    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("CRUSCOTTO_CACHE_DIR", str(folder))
    monkeypatch.delenv("CRUSCOTTO_NO_CACHE", raising=False)
    monkeypatch.setattr(cache, "_disabled", False)
    return folder


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite tests/golden/ from the current output.",
    )


@pytest.fixture
def golden(request: pytest.FixtureRequest):
    """Compare text with tests/golden/NAME; with --update-golden, write it instead (review the diff)."""

    def check(name: str, text: str) -> None:
        path = GOLDEN / name
        if request.config.getoption("--update-golden"):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(text.encode("utf-8"))
        assert path.exists(), f"no golden file {path}: run pytest --update-golden and review it"
        assert text == path.read_bytes().decode("utf-8"), (
            f"{name} differs: run pytest --update-golden and review the diff"
        )

    return check


@pytest.fixture
def repo_root(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from the repository root, where `cruscotto evaluate 2024` finds plan/ and actuals/."""
    monkeypatch.chdir(REPO)
    return REPO
