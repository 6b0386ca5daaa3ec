"""Which files make a plan: `plan.yaml` and the area files beside it, for every reader of a plan.

The working-tree loader, the reader of a plan at a git revision, `history` and the report's
digests all ask here, so an area saved as `.yml` is part of the plan everywhere or nowhere.
"""

from __future__ import annotations

from pathlib import Path

HEADER_FILE = "plan.yaml"
YAML_SUFFIXES = (".yaml", ".yml")


def is_plan_file(name: str) -> bool:
    """A file of the plan folder that is part of the plan: the header or an area (`*.yaml`,
    `*.yml`)."""
    return name.lower().endswith(YAML_SUFFIXES)


def is_area_file(name: str) -> bool:
    return is_plan_file(name) and name != HEADER_FILE


def area_files(folder: Path) -> list[Path]:
    """The area files directly in `folder`, in name order (the plan's order of areas)."""
    return sorted(p for p in folder.iterdir() if is_area_file(p.name) and p.is_file())


def plan_files(folder: Path) -> list[Path]:
    """The header (when present) and the area files of `folder`, in name order."""
    header = folder / HEADER_FILE
    return sorted(([header] if header.is_file() else []) + area_files(folder))
