"""Benchmark cruscotto against its performance budget (the README's "Performance" section).

    python bench/run.py            # full: more runs per command
    python bench/run.py --quick    # fewer runs, for a quick look

Generates a synthetic plan (10,000 indicators in 14 area files, about 2.5 MB) and five years of
actuals from the real plan in plan/, times the installed `cruscotto` as a subprocess (the console
script when it is on PATH or beside the interpreter, else `python -m cruscotto_cli`), and prints
the figures against the budget. It reports; it always exits 0.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
REAL_PLAN, REAL_ACTUALS = ROOT / "plan", ROOT / "actuals"
OUT = ROOT / "bench" / "out"
SEED = 20240601
SIZES = (2_500, 5_000, 10_000)
MB = 1024 * 1024


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
    value = base * Decimal(rng.uniform(0.8, 1.2)) if base else Decimal(rng.uniform(-5, 5))
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


# --- timing ----------------------------------------------------------------------------------


@dataclass
class Figure:
    label: str
    budget_s: float | None
    budget_mb: float | None
    times: list[float]
    rss_mb: float
    exit_code: int

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def verdict(self) -> str:
        over = (self.budget_s is not None and self.median > self.budget_s) or (
            self.budget_mb is not None and self.rss_mb > self.budget_mb
        )
        return "OVER" if over else "PASS" if self.budget_s or self.budget_mb else ""


def run_once(argv: list[str], cwd: Path) -> tuple[float, float, int]:
    """Wall time, peak RSS (MB) and exit code of one fresh child process, stdout to a file."""
    with tempfile.TemporaryFile() as sink:
        start = time.perf_counter()
        proc = subprocess.Popen(
            argv, cwd=cwd, stdout=sink, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL
        )
        # wait4 gives this child's own rusage: its peak RSS, not the maximum of every child so far
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss / 1024, proc.returncode


def measure(
    label: str, argv: list[str], runs: int, budget_s: float | None, budget_mb: float | None = None
) -> Figure:
    run_once(argv, ROOT)  # warm the page cache and .pyc files
    results = [run_once(argv, ROOT) for _ in range(runs)]
    figure = Figure(
        label,
        budget_s,
        budget_mb,
        [t for t, _, _ in results],
        max(r for _, r, _ in results),
        results[-1][2],
    )
    print(
        f"  {label:<58} median {figure.median:6.3f} s  min {min(figure.times):6.3f} s  "
        f"{figure.rss_mb:6.1f} MB  exit {figure.exit_code}",
        flush=True,
    )
    return figure


def launchers() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    script = Path(sys.executable).parent / "cruscotto"
    which = str(script) if script.is_file() else shutil.which("cruscotto")
    if which:
        found["script"] = [which]
    found["python -m"] = [sys.executable, "-m", "cruscotto_cli"]
    return found


# --- the report ------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick",
        action="store_true",
        help="fewer runs (3 on the real plan, 1 on the synthetic ones)",
    )
    parser.add_argument(
        "--keep", action="store_true", help="write the synthetic data into bench/out/ and keep it"
    )
    args = parser.parse_args()
    small, big = (3, 1) if args.quick else (9, 3)

    base = OUT if args.keep else Path(tempfile.mkdtemp(prefix="cruscotto-bench-"))
    try:
        return report(base, small, big)
    finally:
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)


def report(base: Path, small: int, big: int) -> int:
    print(
        f"python {sys.version.split()[0]} on {os.cpu_count()} cores; runs: {small} (real plan), "
        f"{big} (synthetic)"
    )
    t0 = time.perf_counter()
    data = {n: synthetic(n, base) for n in SIZES}
    plan10, actuals10 = data[SIZES[-1]]
    print(
        f"synthetic data in {time.perf_counter() - t0:.1f} s: "
        + ", ".join(
            f"{n} indicators {size_of(p) / MB:.2f} MB plan, {size_of(a) / MB:.2f} MB actuals"
            for n, (p, a) in data.items()
        )
    )

    figures: list[tuple[str, Figure]] = []
    real = ["--plan", str(REAL_PLAN), "--actuals", str(REAL_ACTUALS)]
    for name, cmd in launchers().items():
        print(f"{name}: {' '.join(cmd)}")
        figures.append((name, measure("cruscotto --help", [*cmd, "--help"], small, 0.25)))
        figures.append(
            (
                name,
                measure(
                    "cruscotto validate (real plan and actuals)",
                    [*cmd, "validate", *real],
                    small,
                    0.25,
                ),
            )
        )
        figures.append(
            (
                name,
                measure(
                    "cruscotto evaluate 2024 (real, table)",
                    [*cmd, "evaluate", "2024", *real],
                    small,
                    0.3,
                ),
            )
        )
        figures.append(
            (
                name,
                measure(
                    "cruscotto evaluate 2024 --format json (real)",
                    [*cmd, "evaluate", "2024", *real, "-f", "json"],
                    small,
                    0.3,
                ),
            )
        )
        synth = ["--plan", str(plan10), "--actuals", str(actuals10)]
        figures.append(
            (
                name,
                measure(
                    "validate, 10,000 indicators x 5 years",
                    [*cmd, "validate", *synth],
                    big,
                    2.0,
                    300,
                ),
            )
        )
        figures.append(
            (
                name,
                measure(
                    "evaluate 2024 --format json, 10,000 x 5",
                    [*cmd, "evaluate", "2024", *synth, "-f", "json"],
                    big,
                    2.0,
                    300,
                ),
            )
        )

    cmd = next(iter(launchers().values()))
    print("growth (" + " ".join(cmd[:1]) + "):")
    growth: dict[str, list[Figure]] = {"validate": [], "evaluate": []}
    for n, (plan_dir, actuals_dir) in data.items():
        synth = ["--plan", str(plan_dir), "--actuals", str(actuals_dir)]
        growth["validate"].append(
            measure(f"validate, {n:,} indicators", [*cmd, "validate", *synth], big, None)
        )
        growth["evaluate"].append(
            measure(
                f"evaluate 2024 -f json, {n:,} indicators",
                [*cmd, "evaluate", "2024", *synth, "-f", "json"],
                big,
                None,
            )
        )

    _print_table(figures, growth)
    return 0


def _print_table(figures: list[tuple[str, Figure]], growth: dict[str, list[Figure]]) -> None:
    print()
    print(
        f"{'launcher':<10} {'command':<46} {'budget':>12} {'median':>8} {'min':>8} {'peak MB':>8} "
        " verdict"
    )
    for name, f in figures:
        budget = " / ".join(
            p
            for p in (
                f"{f.budget_s:g} s" if f.budget_s else "",
                f"{f.budget_mb:g} MB" if f.budget_mb else "",
            )
            if p
        )
        print(
            f"{name:<10} {f.label:<46} {budget:>12} {f.median:>7.3f}s {min(f.times):>7.3f}s "
            f"{f.rss_mb:>8.1f}  {f.verdict}"
        )
    print()
    for what, series in growth.items():
        steps = [f"{b.median / a.median:.2f}" for a, b in pairwise(series)]
        ms_per_k = [
            f"{1000 * f.median / (n / 1000):.0f}" for f, n in zip(series, SIZES, strict=True)
        ]
        linear = all(b.median / a.median <= 2.3 for a, b in pairwise(series))
        print(
            f"growth {what:<9} {' -> '.join(f'{f.median:.3f}s' for f in series)} for "
            f"{', '.join(f'{n:,}' for n in SIZES)} indicators; "
            f"x{' x'.join(steps)} per doubling; {'/'.join(ms_per_k)} ms per 1,000: "
            f"{'PASS (linear)' if linear else 'OVER (worse than linear)'}"
        )


if __name__ == "__main__":
    sys.exit(main())
