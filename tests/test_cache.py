"""The cache of loaded inputs: the same output warm as cold, a miss for any change, nothing from
an entry that is not the tool's own."""

from __future__ import annotations

import io
import json
import os
import pickle
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from cruscotto_cli import cache
from cruscotto_cli.actuals.load import SUFFIXES
from cruscotto_cli.cli.app import app
from cruscotto_cli.plan.files import YAML_SUFFIXES
from tests.conftest import ACTUALS, PLAN, REPO

runner = CliRunner()


def run(*args: str) -> Result:
    return runner.invoke(app, list(args), env={"COLUMNS": "200", "NO_COLOR": "1"})


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped plan, actuals and invoice register, as the working folder."""
    for name in ("plan", "actuals", "registers"):
        shutil.copytree(REPO / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


# The files each kind of entry reads, as its loader tells the cache.
READ = {"plan": YAML_SUFFIXES, "actuals": SUFFIXES, "register": (".csv",), "joined": (".csv",)}


def key_of(kind: str, folder: Path, depends: str = "") -> str:
    """The key the loader of `kind` asks the cache for."""
    key = cache.content_key(kind, folder, depends, READ[kind])
    assert key is not None
    return key


def entries(folder: Path) -> list[str]:
    """The kinds of the entries in the cache folder, sorted."""
    return sorted(p.name.split("-", 1)[0] for p in folder.glob("*.pickle"))


def no_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    """From here on, reading a plan, an actuals or a register file fails the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"read again: {args}")

    from cruscotto_cli.actuals import load as actuals_load
    from cruscotto_cli.payments import register
    from cruscotto_cli.plan import load as plan_load

    monkeypatch.setattr(plan_load, "_read_plan", refuse)
    monkeypatch.setattr(actuals_load, "_read", refuse)
    monkeypatch.setattr(register, "_read", refuse)


COMMANDS = [
    ("evaluate", "2024"),
    ("evaluate", "2024", "--format", "json"),
    ("evaluate", "2024", "--format", "markdown"),
    ("evaluate", "2023", "--format", "csv", "--area", "9"),
    ("validate",),
    ("validate", "--year", "2024", "--require-reasons"),
    ("show", "--format", "json"),
    ("report", "2024", "-o", "report.md", "--force"),
    ("report", "2024", "-o", "report.html", "--force", "--area", "9"),
    ("monitor", "2025", "--at", "2025-06-30"),
    ("payments", "2024"),
    ("template", "2025"),
]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_second_run_reads_no_file_and_prints_the_same(
    project: Path, fresh_cache: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    written = project / args[args.index("-o") + 1] if "-o" in args else None
    cold = run(*args)
    assert cold.exit_code in (0, 1), cold.output
    assert entries(fresh_cache), "nothing was cached"
    cold_file = written.read_bytes() if written else b""
    no_reading(monkeypatch)
    warm = run(*args)
    assert (warm.exit_code, warm.stdout, warm.stderr) == (cold.exit_code, cold.stdout, cold.stderr)
    assert (written.read_bytes() if written else b"") == cold_file


def test_the_shipped_inputs_make_one_entry_of_each_kind(project: Path, fresh_cache: Path) -> None:
    assert run("evaluate", "2024").exit_code == 1
    # the plan, the actuals for it, the register, and the actuals joined with the register
    assert entries(fresh_cache) == ["actuals", "joined", "plan", "register"]
    assert oct(fresh_cache.stat().st_mode & 0o777) == "0o700"
    assert {oct(p.stat().st_mode & 0o777) for p in fresh_cache.iterdir()} == {"0o600"}


def _actual_of_11_1() -> object:
    result = run("evaluate", "2024", "--area", "11", "--format", "json")
    return json.loads(result.stdout)["areas"][0]["indicators"][0]["actual"]


def test_an_edited_value_is_read_again(project: Path) -> None:
    assert _actual_of_11_1() == 10
    path = project / "actuals" / "segreteria.csv"
    text = path.read_text(encoding="utf-8")
    assert "11.1;2024;10;" in text
    path.write_text(text.replace("11.1;2024;10;", "11.1;2024;7;"), encoding="utf-8")
    assert _actual_of_11_1() == 7


def test_an_edited_target_is_read_again(project: Path) -> None:
    assert run("evaluate", "2024", "--area", "12", "--format", "csv").exit_code == 1
    path = next((project / "plan").glob("12-*.yaml"))
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("2024: ", "2024:  ", 1), encoding="utf-8")  # a space more
    result = run("validate")
    assert result.exit_code == 0, result.output


def test_a_file_added_to_the_actuals_is_said_at_once(project: Path) -> None:
    assert "not read" not in run("validate").output
    (project / "actuals" / "vecchio.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    result = run("validate")
    assert "actuals/vecchio.xls: not read: an Excel 97-2003 workbook" in result.stdout


def test_a_plan_with_a_problem_is_not_cached_and_said_every_time(
    project: Path, fresh_cache: Path
) -> None:
    path = next((project / "plan").glob("01-*.yaml"))
    path.write_text(path.read_text(encoding="utf-8") + "oops: 1\n", encoding="utf-8")
    first, second = run("validate"), run("validate")
    assert first.exit_code == second.exit_code == 1
    assert 'unknown key "oops"' in first.stdout and first.stdout == second.stdout
    assert "plan" not in entries(fresh_cache)


@pytest.mark.parametrize(
    "damage",
    [
        lambda blob: blob[: len(blob) // 2],  # truncated
        lambda blob: blob[:-1] + bytes([blob[-1] ^ 1]),  # one bit of the body
        lambda blob: b"",  # empty
        lambda blob: b"\x80\x05garbage" * 10,  # not an entry at all
    ],
    ids=["truncated", "bit-flipped", "empty", "garbage"],
)
def test_a_damaged_entry_is_a_miss_and_is_rebuilt(project: Path, fresh_cache: Path, damage) -> None:
    cold = run("evaluate", "2024", "--format", "json")
    for entry in fresh_cache.glob("*.pickle"):
        entry.write_bytes(damage(entry.read_bytes()))
    warm = run("evaluate", "2024", "--format", "json")
    assert (warm.exit_code, warm.stdout) == (cold.exit_code, cold.stdout)
    for entry in fresh_cache.glob("*.pickle"):  # rebuilt whole
        assert cache._recall(entry.name.split("-", 1)[0], entry.stem.split("-", 1)[1]) is not None


class _Payload:
    """What a hostile entry holds: unpickling it would run a shell command."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (f"touch {self.marker}",))


def _plant(kind: str, key: str, payload: object) -> Path:
    body = pickle.dumps(payload, protocol=5)
    digest = cache._seal(kind, key, body)  # a valid seal: what is refused is the body
    path = cache.folder() / f"{kind}-{key}.pickle"
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    path.write_bytes(cache._MAGIC + digest + body)
    return path


def test_a_planted_entry_runs_nothing(project: Path, tmp_path: Path) -> None:
    """An entry with a valid digest that names a function (here os.system) is refused: the
    unpickler builds classes only. The plan is read from its files instead."""
    marker = tmp_path / "ran"
    key = key_of("plan", Path("plan"))
    _plant("plan", key, _Payload(marker))
    result = run("validate")
    assert result.exit_code == 0, result.output
    assert not marker.exists()
    assert result.stdout.startswith("ok: plan/ (14 areas, 58 indicators)")


def test_an_entry_of_another_type_is_a_miss(project: Path) -> None:
    key = key_of("plan", Path("plan"))
    _plant("plan", key, {"not": "a plan"})
    assert run("validate").stdout.startswith("ok: plan/ (14 areas, 58 indicators)")


def test_a_cache_folder_others_can_write_to_is_not_used(project: Path, fresh_cache: Path) -> None:
    fresh_cache.chmod(0o777)
    key = key_of("plan", Path("plan"))
    planted = _plant("plan", key, {"not": "a plan"})
    assert run("validate").exit_code == 0
    assert entries(fresh_cache) == ["plan"]  # nothing written there, the planted one untouched
    assert planted.read_bytes().endswith(pickle.dumps({"not": "a plan"}, protocol=5))


def test_no_cache_and_its_variable_write_nothing(
    project: Path, fresh_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run("--no-cache", "evaluate", "2024").exit_code == 1
    assert entries(fresh_cache) == []
    # the next command without --no-cache has the cache on again (one process, many commands)
    monkeypatch.setenv("CRUSCOTTO_NO_CACHE", "1")
    assert run("validate").exit_code == 0
    assert entries(fresh_cache) == []
    monkeypatch.setenv("CRUSCOTTO_NO_CACHE", "0")  # 0 is not "no cache"
    assert run("validate").exit_code == 0
    assert entries(fresh_cache) == ["actuals", "joined", "plan", "register"]


def test_a_cache_that_cannot_be_written_is_no_cache(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = project / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("CRUSCOTTO_CACHE_DIR", str(blocked / "cache"))
    result = run("evaluate", "2024", "--format", "json")
    assert result.exit_code == 1 and result.stderr == ""


def test_the_default_folder_is_the_users_cache_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CRUSCOTTO_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", "/somewhere/cache")
    assert cache.folder() == Path("/somewhere/cache/cruscotto")
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", "/home/analyst")
    assert cache.folder() == Path("/home/analyst/.cache/cruscotto")


def test_the_key_changes_with_the_tool_and_the_folder_as_given(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = key_of("plan", Path("plan"))
    assert key == key_of("plan", Path("plan"))
    assert key != key_of("plan", project / "plan")  # diagnostics name the folder
    assert key != key_of("actuals", Path("plan"))
    monkeypatch.setattr(cache, "_tool", None)
    monkeypatch.setattr("cruscotto_cli.__version__", "99.0")
    assert key != key_of("plan", Path("plan"))


def test_old_entries_are_removed(project: Path, fresh_cache: Path) -> None:
    """At most 16 entries of a kind: the least recently used go first."""
    area = next((project / "plan").glob("01-*.yaml"))
    text = area.read_text(encoding="utf-8")
    for n in range(18):
        area.write_text(text + f"# {n}\n", encoding="utf-8")
        assert run("show", "--format", "json").exit_code == 0
    assert entries(fresh_cache).count("plan") == 16


def test_the_shipped_inputs_are_untouched(project: Path) -> None:
    """The cache is written beside nothing of the project's."""
    run("evaluate", "2024")
    for name, shipped in (("plan", PLAN), ("actuals", ACTUALS)):
        assert sorted(p.name for p in (project / name).iterdir()) == sorted(
            p.name for p in shipped.iterdir()
        )


def test_a_file_saved_while_it_was_read_is_not_remembered(
    project: Path, fresh_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The plan read is the old text; the folder now holds another: keeping the old plan under
    either key would give a stale result later."""
    from cruscotto_cli.plan import load as plan_load

    read = plan_load._read_plan
    area = next((project / "plan").glob("01-*.yaml"))

    def read_then_saved(folder: Path, key: str) -> object:
        plan = read(folder, key)
        area.write_text(area.read_text(encoding="utf-8") + "# saved meanwhile\n", "utf-8")
        return plan

    monkeypatch.setattr(plan_load, "_read_plan", read_then_saved)
    assert run("show", "--format", "json").exit_code == 0
    assert entries(fresh_cache) == []


def test_every_field_of_a_value_and_a_reason_survives_the_cache() -> None:
    """Actual and Reason pickle through their constructors: a field left out of __reduce__, or
    out of order, would come back wrong."""
    import dataclasses
    import datetime as dt
    from decimal import Decimal

    from cruscotto_cli.actuals.values import Actual, Reason

    actual = Actual(
        "1.1",
        2024,
        Decimal("73,5".replace(",", ".")),
        "73,5",
        "fonte",
        "nota",
        "a.csv",
        7,
        3,
        dt.date(2024, 6, 30),
        "motivo",
    )
    reason = Reason("1.1", 2024, "motivo", "a.csv", 7, 6)
    for value in (actual, reason):
        back = pickle.loads(pickle.dumps(value, protocol=5))
        assert back == value
        names = [f.name for f in dataclasses.fields(value)]
        assert [getattr(back, n) for n in names] == [getattr(value, n) for n in names]


def test_a_cache_folder_others_can_read_is_made_private(project: Path, fresh_cache: Path) -> None:
    fresh_cache.chmod(0o755)
    assert run("validate").exit_code == 0
    assert oct(fresh_cache.stat().st_mode & 0o777) == "0o700"


def test_a_document_comes_back_packed_and_unpacks_to_the_same() -> None:
    """A plan's documents (data and positions) are unpacked only when a diagnostic needs them;
    unpacked, they are the documents read from the files."""
    from cruscotto_cli.plan.load import load_plan
    from cruscotto_cli.plan.yamlsource import Packed

    plan = load_plan(PLAN, cached=False)
    back = cache._Unpickler(io.BytesIO(pickle.dumps(plan, protocol=5))).load()
    documents = [back.header_document, *(d for _, d in back.areas)]
    assert all(type(d) is Packed and "_packed" in vars(d) for d in documents)
    assert back.header_document == plan.header_document
    assert [d for _, d in back.areas] == [d for _, d in plan.areas]
    assert back.placed[5].diagnostic(("target",), "m", "c") == plan.placed[5].diagnostic(
        ("target",), "m", "c"
    )
    again = pickle.loads(pickle.dumps(back.areas[0][1], protocol=5))  # packed once more
    assert again == plan.areas[0][1]


def test_no_cache_lasts_one_command(project: Path, fresh_cache: Path) -> None:
    assert run("--no-cache", "validate").exit_code == 0
    assert entries(fresh_cache) == []
    assert run("validate").exit_code == 0
    assert entries(fresh_cache) == ["actuals", "joined", "plan", "register"]


def test_the_cache_keeps_to_its_size(
    project: Path, fresh_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Beyond the budget in bytes, the least recently used entries go, whatever their kind."""
    assert run("validate").exit_code == 0
    sizes = {p.name.split("-", 1)[0]: p.stat().st_size for p in fresh_cache.glob("*.pickle")}
    # room for one run's entries, not for two: the older run's entries are the ones to go
    monkeypatch.setattr(cache, "_BUDGET", sum(sizes.values()) + sizes["plan"] // 2)
    area = next((project / "plan").glob("01-*.yaml"))
    area.write_text(area.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    assert run("validate").exit_code == 0
    total = sum(p.stat().st_size for p in fresh_cache.glob("*.pickle"))
    assert total <= cache._BUDGET
    assert entries(fresh_cache).count("plan") == 1  # the old plan's entry went, the new stays
    assert run("validate").exit_code == 0 and total <= cache._BUDGET


@pytest.mark.parametrize(
    "command",
    [
        "validate",
        "show",
        "evaluate",
        "template",
        "report",
        "monitor",
        "payments",
        "diff",
        "history",
        "schema",
    ],
)
def test_every_command_takes_no_cache(command: str) -> None:
    result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "100"})
    assert result.exit_code == 0 and "--no-cache" in result.stdout


def test_no_cache_after_the_command_writes_nothing(project: Path, fresh_cache: Path) -> None:
    assert run("evaluate", "2024", "--no-cache", "--format", "json").exit_code == 1
    assert run("validate", "--no-cache").exit_code == 0
    assert entries(fresh_cache) == []
    assert run("validate").exit_code == 0  # and the next command has it again
    assert entries(fresh_cache) == ["actuals", "joined", "plan", "register"]


def test_a_temporary_file_left_by_a_killed_write_is_removed(
    project: Path, fresh_cache: Path
) -> None:
    """A write killed before it put its entry in place leaves `.plan-XXXX`; an hour later the
    next write of that kind removes it. A fresh one may be another process's write: kept."""
    assert run("validate").exit_code == 0
    old, fresh = fresh_cache / ".plan-killed", fresh_cache / ".plan-writing"
    for path in (old, fresh):
        path.write_bytes(b"half an entry")
    os.utime(old, (1_000_000_000, 1_000_000_000))
    area = next((project / "plan").glob("01-*.yaml"))
    area.write_text(area.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    assert run("validate").exit_code == 0
    assert not old.exists() and fresh.exists()
