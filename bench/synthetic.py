"""The synthetic plan and actuals of the benchmark: the real plan replicated, seeded."""

from __future__ import annotations

import random
import re
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
REAL_PLAN = ROOT / "plan"
SEED = 20240601


# --- the synthetic plan ----------------------------------------------------------------------

_NAME = re.compile(r"[A-Za-z_]\w*")


def _q(value: Any) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{text}"'


def _real_plan() -> tuple[dict[str, Any], list[tuple[int, dict[str, Any], dict[str, Any]]]]:
    header = yaml.safe_load((REAL_PLAN / "plan.yaml").read_text(encoding="utf-8"))
    indicators = []
    for number, path in enumerate(
        sorted(p for p in REAL_PLAN.glob("*.yaml") if p.name != "plan.yaml")
    ):
        area = yaml.safe_load(path.read_text(encoding="utf-8"))
        indicators += [(number, area, ind) for ind in area.get("indicators") or ()]
    return header, indicators


def _rename(formula: str, copy: int) -> str:
    return _NAME.sub(
        lambda m: m.group(0) if m.group(0) == "prev" or copy == 0 else f"{m.group(0)}_{copy}",
        formula,
    )


def _measure_id(measure: str, copy: int) -> str:
    return measure if copy == 0 else f"{measure}_{copy}"


def _short(text: str, size: int) -> str:
    """Long source names cut at a word, so that 10,000 indicators weigh about 2.5 MB like the
    peers' plan."""
    return text if len(text) <= size else text[:size].rsplit(" ", 1)[0]


def _indicator_yaml(ind: dict[str, Any], new_id: str, copy: int) -> str:
    lines = [f"  - id: {_q(new_id)}", f"    name: {_q(_short(ind['name'], 60))}"]
    for key in ("owner", "unit", "direction", "symbol"):
        if ind.get(key) is not None:
            lines.append(f"    {key}: {_q(ind[key])}")
    if ind.get("formula"):
        lines.append(f"    formula: {_rename(ind['formula'], copy)}")
    if ind.get("weight") is not None:
        lines.append(f"    weight: {ind['weight']}")
    lines.append("    targets:")
    lines += [f"      {year}: {_q(text)}" for year, text in ind.get("targets", {}).items()]
    if ind.get("tags"):
        lines.append(f"    tags: [{', '.join(ind['tags'])}]")
    if ind.get("source"):
        lines.append(f"    source: {_q(ind['source'])}")
    if ind.get("notes"):
        notes = ind["notes"] if isinstance(ind["notes"], list) else [ind["notes"]]
        lines.append(f"    notes: [{', '.join(_q(_short(n, 60)) for n in notes)}]")
    if ind.get("changes"):
        lines.append("    changes:")
        for c in ind["changes"]:
            parts = ", ".join(f"{k}: {_q(v)}" for k, v in c.items())
            lines.append(f"      - {{{parts}}}")
    return "\n".join(lines) + "\n"


def write_plan(folder: Path, count: int) -> dict[str, Any]:
    """`count` indicators: the real ones replicated in order, with new ids and measures."""
    header, real = _real_plan()
    copies = -(-count // len(real))
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.yaml"):
        old.unlink()
    head = (REAL_PLAN / "plan.yaml").read_text(encoding="utf-8").split("\nmeasures:")[0]
    measures = ["measures:"]
    for copy in range(copies):
        for m in header["measures"]:
            measures.append(
                f"  - {{id: {_measure_id(m['id'], copy)}, name: {_q(_short(m['name'], 40))}, "
                f"owner: {m['owner']}, unit: {_q(m.get('unit', 'n.'))}}}"
            )
    (folder / "plan.yaml").write_text(head + "\n" + "\n".join(measures) + "\n", encoding="utf-8")
    areas: dict[int, list[str]] = {}
    titles: dict[int, tuple[str, str, str]] = {}
    keys: list[tuple[str, dict[str, Any], int]] = []  # (id, indicator, copy) for the actuals
    serial: dict[int, int] = {}
    files = sorted(p.name for p in REAL_PLAN.glob("*.yaml") if p.name != "plan.yaml")
    for i in range(count):
        number, area, ind = real[i % len(real)]
        copy = i // len(real)
        serial[number] = serial.get(number, 0) + 1
        new_id = f"{area['id']}.{serial[number]}"
        titles[number] = (area["id"], area["title"], files[number])
        areas.setdefault(number, []).append(_indicator_yaml(ind, new_id, copy))
        keys.append((new_id, ind, copy))
    for number, blocks in areas.items():
        area_id, title, name = titles[number]
        text = f"id: {_q(area_id)}\ntitle: {_q(title)}\nindicators:\n" + "\n".join(blocks)
        (folder / name).write_text(text, encoding="utf-8")
    return {"header": header, "keys": keys, "copies": copies}


# --- the synthetic actuals -------------------------------------------------------------------


def _it(value: Decimal, places: int) -> str:
    """Italian form: thousands point, decimal comma (1.234,5)."""
    text = f"{value:,.{places}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def _target_value(text: str) -> Decimal | None:
    found = re.search(r"-?\d+(?:[.,]\d+)?", text)
    return Decimal(found.group(0).replace(",", ".")) if found else None


def _direct_value(ind: dict[str, Any], year: int, rng: random.Random) -> str:
    targets = {int(y): str(t) for y, t in ind.get("targets", {}).items()}
    texts = list(targets.values())
    if any("annuale" in t.lower() for t in texts):
        return rng.choice(("sì", "sì", "sì", "no"))
    if any(re.search(r"basso|medio|alto", t, re.IGNORECASE) for t in texts):
        return rng.choice(("medio", "alto", "basso", _it(Decimal(rng.uniform(2, 5)), 2)))
    base = next(
        (
            _target_value(targets[y])
            for y in (year, *sorted(targets))
            if y in targets and _target_value(targets[y]) is not None
        ),
        None,
    )
    base = Decimal(100) if base is None else base
    value = base * Decimal(rng.uniform(0.8, 1.2)) if base else Decimal(rng.uniform(0, 5))
    pct = "%" if ind.get("unit") == "%" and rng.random() < 0.5 else ""
    return _it(value, 2) + pct


def write_actuals(folder: Path, plan: dict[str, Any], years: range) -> int:
    """One CSV per office (`;`, decimal comma, UTF-8 with BOM), seeded; about 3% left out."""
    rng = random.Random(SEED)
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.csv"):
        old.unlink()
    rows: dict[str, list[str]] = {}
    owners = {m["id"]: m["owner"] for m in plan["header"]["measures"]}
    for copy in range(plan["copies"]):
        for m in plan["header"]["measures"]:
            for year in (years.start - 1, *years):
                value = Decimal(rng.randint(50, 60_000)) + Decimal(rng.randint(0, 99)) / 100
                rows.setdefault(owners[m["id"]], []).append(
                    f"{_measure_id(m['id'], copy)};{year};{_it(value, 2)};sintetico;"
                )
    for key, ind, _copy in plan["keys"]:
        if ind.get("formula"):
            continue
        for year in years:
            if rng.random() < 0.03:
                continue
            rows.setdefault(ind["owner"], []).append(
                f"{key};{year};{_direct_value(ind, year, rng)};sintetico;"
            )
    for owner, lines in rows.items():
        (folder / f"{owner}.csv").write_text(
            "\ufeffindicatore;anno;valore;fonte;nota\n" + "\n".join(lines) + "\n", encoding="utf-8"
        )
    return sum(len(lines) for lines in rows.values())


def synthetic(count: int, base: Path) -> tuple[Path, Path]:
    plan_dir, actuals_dir = base / f"plan-{count}", base / f"actuals-{count}"
    plan = write_plan(plan_dir, count)
    period = plan["header"]["period"]
    write_actuals(actuals_dir, plan, range(period["first"], period["last"] + 1))
    return plan_dir, actuals_dir


def size_of(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.iterdir())


if __name__ == "__main__":  # python bench/synthetic.py FOLDER SIZE...: run apart, so that the
    # benchmark's own process stays small (a child's peak memory starts from its parent's)
    for size in sys.argv[2:]:
        synthetic(int(size), Path(sys.argv[1]))
