"""The package's layers, checked from the source: data flows one way and each stage keeps its place.

argv -> cli -> (plan, actuals) -> evaluate -> render / report -> exit code. The CLI imports the
commands, never the reverse; typer lives in `cli/` alone; rich in the CLI and the terminal
renderers; the core (plan, actuals, versions, evaluate and the flat modules beside it) imports
neither, nor anything above it. Every import counts, eager or inside a function.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "cruscotto_cli"
ROOT = "cruscotto_cli"
# The terminal renderers: the only modules outside cli/ that may build rich renderables.
RICH_RENDERERS = {
    "render.evaluation_table",
    "render.monitoring_table",
    "render.payments_table",
    "render.plan_view",
    "render.responsive",
    "render.story",
    "render.terminal",
}
UPPER = ("cli", "render", "report")


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join((ROOT, *parts))] = path
    return found


MODULES = _modules()


def _imports(path: Path) -> Iterator[tuple[int, str]]:
    """(line, module) of every import in the file, with `from a import b` resolved to `a.b` when
    that is a module of the package."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from ((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                yield node.lineno, candidate if candidate in MODULES else node.module


def _graph() -> dict[str, set[str]]:
    return {
        name: {target for _, target in _imports(path) if target in MODULES and target != name}
        for name, path in MODULES.items()
    }


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def _stage(module: str) -> str:
    """`cli`, `render`, `plan`... for a module of a stage folder; `core` for the flat modules."""
    parts = module.split(".")
    if module == f"{ROOT}.__main__":
        return "cli"
    return parts[1] if len(parts) > 2 else "core"


def _offences(allowed: set[str] | None, banned: str) -> list[str]:
    return [
        f"{name}:{line} imports {target}"
        for name, path in MODULES.items()
        for line, target in _imports(path)
        if (target == banned or target.startswith(banned + "."))
        and (allowed is None or name.split(".", 1)[1] not in allowed)
        and _stage(name) != "cli"
    ]


def test_there_are_modules_to_check() -> None:
    assert len(MODULES) > 40
    assert "cruscotto_cli.cli.app" in MODULES and "cruscotto_cli.plan.model" in MODULES


def test_no_import_cycles() -> None:
    assert _cycles(_graph()) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(graph) == [["a", "b", "c"]]


def test_typer_only_in_cli() -> None:
    assert _offences(set(), "typer") == []


def test_rich_only_in_cli_and_the_terminal_renderers() -> None:
    assert _offences(RICH_RENDERERS, "rich") == []


@pytest.mark.parametrize("stage", ["core", "plan", "actuals", "versions"])
def test_the_core_imports_nothing_above_it(stage: str) -> None:
    upward = [
        f"{name}:{line} imports {target}"
        for name, path in MODULES.items()
        if _stage(name) == stage
        for line, target in _imports(path)
        if target in MODULES and _stage(target) in UPPER
    ]
    assert upward == []


def test_commands_never_import_the_app() -> None:
    users = [
        f"{name}:{line}"
        for name, path in MODULES.items()
        for line, target in _imports(path)
        if target == "cruscotto_cli.cli.app" and name != "cruscotto_cli.cli.entry"
    ]
    assert users == []


def test_renderers_never_import_the_report_or_the_cli() -> None:
    upward = [
        f"{name}:{line} imports {target}"
        for name, path in MODULES.items()
        if _stage(name) == "render"
        for line, target in _imports(path)
        if target in MODULES and _stage(target) in ("cli", "report")
    ]
    assert upward == []


def test_package_init_files_are_only_a_docstring() -> None:
    for path in PACKAGE.rglob("__init__.py"):
        body = ast.parse(path.read_text(encoding="utf-8")).body
        assert body and isinstance(body[0], ast.Expr), f"{path}: no docstring"
        rest = [n for n in body[1:] if not isinstance(n, ast.Assign)]  # __version__ = "..."
        assert rest == [], f"{path}: a package's __init__ holds its docstring only"


def test_the_top_level_holds_at_most_a_dozen_modules() -> None:
    flat = [p.name for p in PACKAGE.glob("*.py") if p.name != "__init__.py"]
    assert len(flat) <= 12, sorted(flat)


def test_one_module_called_model() -> None:
    assert sorted(str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("model.py")) == [
        "plan/model.py"
    ]


def test_module_docstrings() -> None:
    missing = [
        name for name, path in MODULES.items() if not ast.get_docstring(ast.parse(path.read_text()))
    ]
    assert missing == []
