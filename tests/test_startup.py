"""What each command imports at start-up: structural checks, no timing.

A command imports only what it uses: `--help` not typer, a JSON output not rich, no command
pydantic's plugin lookup. Each case runs in a fresh interpreter and lists its `sys.modules`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HELPTEXT = Path(__file__).resolve().parent.parent / "cruscotto_cli" / "cli" / "helptext.py"
LIST_MODULES = """
import atexit, json, sys
LISTING = sys.argv[1]
def report():
    loader = sys.modules.get("pydantic.plugin._loader")
    plugins = ["pydantic plugins looked up"] if getattr(loader, "_plugins", None) is not None else []
    with open(LISTING, "w") as out:
        json.dump(sorted(sys.modules) + plugins, out)
atexit.register(report)
sys.argv = ["cruscotto", *sys.argv[2:]]
from cruscotto_cli.cli.entry import main
main()
"""


def _imported(tmp_path: Path, *args: str, cwd: Path | None = None) -> tuple[set[str], str]:
    listing = tmp_path / "modules.json"
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "PYDANTIC_DISABLE_PLUGINS")}
    done = subprocess.run(
        [sys.executable, "-c", LIST_MODULES, str(listing), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    return set(json.loads(listing.read_text())), done.stdout


def _typer_help() -> str:
    """The top-level help as typer prints it in a process of its own (80 columns)."""
    code = "from cruscotto_cli.cli.app import app; app(['--help'], prog_name='cruscotto')"
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_fast_help_is_typers_help(request: pytest.FixtureRequest) -> None:
    from cruscotto_cli.cli import helptext

    printed = _typer_help()
    if request.config.getoption("--update-golden"):
        doc = '"""' + helptext.__doc__ + '"""'
        # JSON strings are Python literals in ruff's style: double quotes
        lines = "".join(
            f"    {json.dumps(line, ensure_ascii=False)}\n"
            for line in printed.splitlines(keepends=True)
        )
        HELPTEXT.write_text(f"{doc}\n\nTEXT = (\n{lines})\n", encoding="utf-8")
        return
    assert printed == helptext.TEXT, "the help changed: run pytest --update-golden, review"


def test_help_and_version_import_neither_typer_nor_pydantic(tmp_path: Path) -> None:
    from cruscotto_cli.cli import helptext

    for args, expected in ((["--help"], helptext.TEXT), (["-h"], helptext.TEXT)):
        modules, out = _imported(tmp_path, *args)
        assert out == expected
        assert not {"typer", "pydantic", "rich", "yaml"} & modules
    modules, out = _imported(tmp_path, "--version")
    assert out == "cruscotto 0.1.0\n"
    assert "typer" not in modules


def test_a_narrow_terminal_gets_typers_help(tmp_path: Path) -> None:
    env = {**os.environ, "COLUMNS": "60"}
    code = "import sys; sys.argv = ['cruscotto', '--help']; from cruscotto_cli.cli.entry import main; main()"
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert done.stdout.splitlines()[2:4] == [
        "  Keep a Chamber of Commerce's strategic plan as code and",
        "  evaluate it year by year.",
    ]


@pytest.mark.parametrize(
    "args",
    [
        ["validate"],
        ["evaluate", "2024", "--format", "json"],
        ["show", "--format", "json"],
        ["schema"],
    ],
)
def test_json_and_plain_text_outputs_do_not_import_rich(
    args: list[str], tmp_path: Path, repo_root: Path
) -> None:
    modules, out = _imported(tmp_path, *args, cwd=repo_root)
    assert out
    assert not {m for m in modules if m == "rich" or m.startswith("rich.")}
    assert "yaml" not in modules  # the shipped plan is in the fast reader's subset: no PyYAML
    # pydantic's plugin lookup reads every installed package's metadata: the entry turns it off,
    # and with it the import of importlib.metadata that the lookup needs
    assert "pydantic plugins looked up" not in modules
    assert "importlib.metadata" not in modules


def test_the_table_imports_rich(tmp_path: Path, repo_root: Path) -> None:
    modules, _ = _imported(tmp_path, "evaluate", "2024", cwd=repo_root)
    assert "rich.table" in modules


@pytest.mark.parametrize(
    "args",
    [
        [name, "--help"]
        for name in (
            "validate",
            "show",
            "evaluate",
            "template",
            "report",
            "payments",
            "diff",
            "history",
            "schema",
        )
    ]
    + [["evaluate"], ["evaluat", "2024"], ["--version"], ["evaluate", "2024", "--fail-on", "x"]],
)
def test_the_app_of_one_command_answers_as_the_whole_app(args: list[str]) -> None:
    from typer.testing import CliRunner

    from cruscotto_cli.cli.app import app, for_arguments

    whole = CliRunner().invoke(app, args, prog_name="cruscotto", env={"COLUMNS": "80"})
    alone = CliRunner().invoke(
        for_arguments(args), args, prog_name="cruscotto", env={"COLUMNS": "80"}
    )
    assert (alone.exit_code, alone.output) == (whole.exit_code, whole.output)
    assert whole.output
