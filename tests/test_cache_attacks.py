"""Attacks on the cache of loaded inputs: each test is a way to make a warm run differ from
`--no-cache`, run code, hang or crash."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cruscotto_cli import cache
from tests.test_cache import entries, key_of, project, run  # noqa: F401 - `project` is a fixture

ENV = {"COLUMNS": "200", "NO_COLOR": "1"}


def _short(text: str) -> bytes:
    data = text.encode()
    return b"\x8c" + bytes([len(data)]) + data  # SHORT_BINUNICODE


def _dotted_call(module: str, name: str, *args: str) -> bytes:
    """A protocol 4 pickle calling `module`.`name`(*args), the name being a dotted path: the
    unpickler resolves `a.b` as an attribute of an attribute of the module."""
    pushed = b"".join(_short(a) for a in args)
    return b"\x80\x04" + _short(module) + _short(name) + b"\x93(" + pushed + b"tR."


def _plant_body(kind: str, key: str, body: bytes) -> Path:
    path = cache.folder() / f"{kind}-{key}.pickle"
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    path.write_bytes(cache._MAGIC + cache._seal(kind, key, body) + body)
    return path


def _keys() -> dict[str, str]:
    """The keys the shipped commands ask for, run from the project folder."""
    plan = key_of("plan", Path("plan"))
    actuals = key_of("actuals", Path("actuals"), plan)
    joined = key_of("joined", Path("registers"), actuals)
    return {"plan": plan, "actuals": actuals, "joined": joined}


@pytest.mark.parametrize(
    ("module", "name"),
    [
        ("cruscotto_cli.cache", "io.FileIO"),  # io is imported by the cache module
        ("pathlib", "io.FileIO"),  # and by pathlib, an allowed module
    ],
)
def test_a_class_reached_through_a_dotted_name_is_refused(
    project: Path,  # noqa: F811
    module: str,
    name: str,
) -> None:
    """`find_class` accepts any *type* found under an allowed module, and protocol 4 resolves
    dotted names: `io.FileIO(path, "w")` truncates any file of the user's, and
    `cruscotto_cli.versions.repository` / `subprocess.Popen` runs any command."""
    victim = project / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    _plant_body("plan", _keys()["plan"], _dotted_call(module, name, str(victim), "w"))
    result = run("validate")
    assert result.exit_code == 0, result.output
    assert victim.read_text(encoding="utf-8") == "precious\n"


def test_a_command_reached_through_a_dotted_name_is_not_run(project: Path) -> None:  # noqa: F811
    marker = project / "ran"
    words = b"](" + _short("touch") + _short(str(marker)) + b"e"  # the list ["touch", marker]
    popen = _short("cruscotto_cli.versions.repository") + _short("subprocess.Popen") + b"\x93"
    _plant_body("plan", _keys()["plan"], b"\x80\x04" + popen + words + b"\x85R.")
    assert run("validate").exit_code == 0
    time.sleep(0.5)  # a child started by Popen would have run by now
    assert not marker.exists()


def test_an_entry_naming_the_main_module_does_not_run_the_command_again(
    project: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Finding a class imports its module: `cruscotto_cli.__main__` runs `main()` on import, the
    whole command again inside the first one, with the same arguments."""
    ran: list[str] = []
    monkeypatch.setattr("cruscotto_cli.cli.entry.main", lambda: ran.append("main"))
    monkeypatch.delitem(sys.modules, "cruscotto_cli.__main__", raising=False)
    body = b"\x80\x04" + _short("cruscotto_cli.__main__") + _short("Plan") + b"\x93."
    _plant_body("plan", _keys()["plan"], body)
    assert run("validate").exit_code == 0
    assert ran == []


def test_a_dangling_link_pointed_elsewhere_is_said_anew(project: Path) -> None:  # noqa: F811
    """The notice quotes the link's target; the key hashes only the link's name and kind."""
    link = project / "actuals" / "link.csv"
    link.symlink_to("/nowhere/first")
    assert run("validate").exit_code == 0
    link.unlink()
    link.symlink_to("/nowhere/second")
    warm = run("validate")
    assert "/nowhere/second" in warm.output, warm.output
    assert "/nowhere/first" not in warm.output


def test_an_entry_renamed_to_another_key_is_a_miss(project: Path, fresh_cache: Path) -> None:  # noqa: F811
    """The key is only in the entry's name: the actuals entry (before the register was joined)
    renamed to the joined key is taken as the joined actuals, and the scores change."""
    cold = run("evaluate", "2024", "--format", "json")
    keys = _keys()
    os.replace(
        fresh_cache / f"actuals-{keys['actuals']}.pickle",
        fresh_cache / f"joined-{keys['joined']}.pickle",
    )
    warm = run("evaluate", "2024", "--format", "json")
    assert (warm.exit_code, warm.stdout) == (cold.exit_code, cold.stdout)


def test_an_old_entry_copied_to_the_new_key_is_a_miss(project: Path, fresh_cache: Path) -> None:  # noqa: F811
    """An entry of an older version of the plan, put under the current key (a cache restored
    from elsewhere, a backup), gives the old plan."""
    old = run("show", "--format", "json")
    (old_entry,) = fresh_cache.glob("plan-*.pickle")
    area = next((project / "plan").glob("01-*.yaml"))
    area.write_text(area.read_text(encoding="utf-8").replace("name:", "name: X", 1), "utf-8")
    new = run("show", "--format", "json")
    assert new.stdout != old.stdout
    os.replace(old_entry, fresh_cache / f"plan-{_keys()['plan']}.pickle")
    assert run("show", "--format", "json").stdout == new.stdout


def test_a_fifo_in_place_of_an_entry_does_not_hang(project: Path, fresh_cache: Path) -> None:  # noqa: F811
    os.mkfifo(fresh_cache / f"plan-{_keys()['plan']}.pickle")
    env = {**os.environ, **ENV, "CRUSCOTTO_CACHE_DIR": str(fresh_cache)}
    done = subprocess.run(
        [sys.executable, "-m", "cruscotto_cli", "validate"],
        env=env,
        capture_output=True,
        text=True,
        timeout=20,
    )
    assert done.returncode == 0, done.stderr


def test_a_user_without_a_home_gets_no_cache_in_the_project(
    project: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """No HOME and no passwd entry (a container run as an arbitrary uid): `expanduser` leaves
    `~` as it is, and the cache is written under `./~/.cache/cruscotto` in the project, where a
    pull request could plant an entry."""
    import pwd

    def no_entry(uid: int) -> pwd.struct_passwd:
        raise KeyError(uid)

    for name in ("CRUSCOTTO_CACHE_DIR", "XDG_CACHE_HOME", "HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(pwd, "getpwuid", no_entry)
    assert run("validate").exit_code == 0
    assert not (project / "~").exists()


def test_a_relative_cache_home_is_ignored(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    """The XDG base directory specification: a relative XDG_CACHE_HOME is invalid, ignored."""
    monkeypatch.delenv("CRUSCOTTO_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", "cache")
    assert run("validate").exit_code == 0
    assert not (project / "cache").exists()


def test_a_big_file_beside_the_data_costs_no_memory(project: Path, fresh_cache: Path) -> None:  # noqa: F811
    """A file the actuals reader does not read (a 3 GB backup) was read whole into memory for
    the key: under a 2.5 GB address-space limit the command died with MemoryError (exit 3) where
    `--no-cache` prints a notice and exits 0. Such a file now counts by its name alone."""
    with open(project / "actuals" / "backup.zip", "wb") as sparse:
        sparse.truncate(3 * 1024**3)
    env = {**os.environ, **ENV, "CRUSCOTTO_CACHE_DIR": str(fresh_cache)}

    def limited() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (2_500_000_000, 2_500_000_000))

    command = [sys.executable, "-m", "cruscotto_cli"]
    off, on = (
        subprocess.run(
            [*command, *extra, "validate"],
            env=env,
            capture_output=True,
            text=True,
            preexec_fn=limited,
            timeout=120,
        )
        for extra in (["--no-cache"], [])
    )
    assert off.returncode == 0, off.stderr
    assert (on.returncode, on.stdout, on.stderr) == (off.returncode, off.stdout, off.stderr)
