"""Cases where the cache of loaded inputs gives another result than reading the files would."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from cruscotto_cli import cache
from tests.test_cache import entries, key_of, project, run

__all__ = ["project"]  # the fixture, used by name


def test_a_workbook_read_with_openpyxl_is_not_served_where_openpyxl_is_missing(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same source tree run by two environments (one without the xlsx extra) has one tool
    key: the second takes back values that it cannot read itself."""
    assert run("template", "2025", "-o", "actuals/raccolta.xlsx").exit_code == 0
    assert run("validate").exit_code == 0  # cached, read with openpyxl
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # as an environment without it
    monkeypatch.setattr(cache, "_tool", None)  # a new process computes the tool key afresh
    warm = run("validate")
    cold = run("--no-cache", "validate")
    assert cold.exit_code == 1 and "reading .xlsx needs openpyxl" in cold.stdout
    assert (warm.exit_code, warm.stdout, warm.stderr) == (cold.exit_code, cold.stdout, cold.stderr)


def test_nothing_is_cached_under_the_key_of_a_plan_that_was_not_the_one_read(
    project: Path, fresh_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file saved between the key and the read: the plan read is the new text but carries the
    old text's key, and the actuals read for it are kept under that key; going back to the old
    text (an undo, a checkout) then takes back actuals checked against another plan."""
    from cruscotto_cli.plan import load as plan_load

    read = plan_load._read_plan
    area = next((project / "plan").glob("01-*.yaml"))
    old = area.read_text(encoding="utf-8")
    old_key = key_of("plan", Path("plan"))

    def saved_then_read(folder: Path, key: str) -> object:
        area.write_text(old + "# saved meanwhile\n", "utf-8")
        return read(folder, key)

    monkeypatch.setattr(plan_load, "_read_plan", saved_then_read)
    assert run("evaluate", "2024").exit_code == 1
    stale = key_of("actuals", Path("actuals"), old_key)
    assert "plan" not in entries(fresh_cache)
    assert not (fresh_cache / f"actuals-{stale}.pickle").exists()
