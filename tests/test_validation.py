"""`validate_all` step by step: the verdict line and the problems of each branch, exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from cruscotto_cli.diagnostics import UsageError
from cruscotto_cli.validation import validate_all

PLAN = "plan/ (14 areas, 58 indicators)"


def test_the_shipped_plan_actuals_and_register(repo_root: Path) -> None:
    found = validate_all(Path("plan"), Path("actuals"), False, (Path("registers"), False))
    assert (found.problems, found.notices) == ([], ())
    assert found.checked == f"{PLAN}, actuals/ (184 values) and registers/ (3 values)"


def test_without_the_register(repo_root: Path, tmp_path: Path) -> None:
    found = validate_all(Path("plan"), Path("actuals"), False, (tmp_path / "none", False))
    assert (found.problems, found.checked) == ([], f"{PLAN} and actuals/ (184 values)")


def test_without_actuals(repo_root: Path, tmp_path: Path) -> None:
    found = validate_all(Path("plan"), tmp_path / "none", False)
    assert (found.problems, found.checked, found.notices) == ([], PLAN, ())
    with pytest.raises(UsageError, match="--require-reasons needs the actuals"):
        validate_all(Path("plan"), tmp_path / "none", False, reasons_of=2024)


def test_invalid_actuals_and_a_file_not_read(repo_root: Path, tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text("indicatore;anno;valore\n4.1;2024;tre\n", "utf-8")
    (tmp_path / "b.txt").write_text("x", "utf-8")
    found = validate_all(Path("plan"), tmp_path, True, (tmp_path / "none", False))
    assert found.checked == f"{PLAN} and {tmp_path}/ (1 file not read)"
    assert [(d.line, d.column, d.code) for d in found.problems] == [(2, 3, "csv-kind")]
    assert len(found.notices) == 1


def test_misses_without_their_reason(repo_root: Path) -> None:
    found = validate_all(Path("plan"), Path("actuals"), False, reasons_of=2024)
    assert found.checked == f"{PLAN}, actuals/ (184 values) and registers/ (3 values)"
    assert [d.message.split(",")[0] for d in found.problems] == [
        f"indicator {i}" for i in ("1.4", "1.8", "3.1", "5.1", "5.5", "9.7", "12.2", "13.2", "14.6")
    ]
    assert {d.code for d in found.problems} == {"missing-reason"}
