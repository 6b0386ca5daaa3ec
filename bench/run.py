"""Benchmark cruscotto against its performance goals, each printed as a ratio with PASS or FAIL.

    python bench/run.py --quick          # a few minutes: fewer rounds
    python bench/run.py                  # more rounds: steadier medians
    python bench/run.py --large          # the growth up to 50,000 indicators (slow)
    python bench/run.py --pdf            # the PDF report of 10,000 indicators too (very slow)
    python bench/run.py --write          # also regenerate the figures in README.md and here

Every command and its peer run in one interleaved series (round-robin, each a fresh child process,
stdout to a file) so that the load of a shared machine falls on both alike; the figures are
medians, and the peak memory is the child's own ru_maxrss. It reports; it always exits 0.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL_PLAN, REAL_ACTUALS = ROOT / "plan", ROOT / "actuals"
OUT = ROOT / "bench" / "out"
GOAL_SIZE = 10_000
SIZES, LARGE = (2_500, 5_000, 10_000), (25_000, 50_000)
MB = 1024 * 1024
REPORTS = {"html": "html", "markdown": "md", "xlsx": "xlsx", "pdf": "pdf"}
START, END = "<!-- bench:start -->", "<!-- bench:end -->"


@dataclass
class Task:
    """One command line, run once per round; big tasks run in fewer rounds."""

    label: str
    argv: list[str]
    big: bool = False
    prime: bool = False  # run once before the rounds even when big: it reads the cache
    times: list[float] = field(default_factory=list)
    rss_mb: list[float] = field(default_factory=list)
    codes: set[int] = field(default_factory=set)

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def peak(self) -> float:
        return max(self.rss_mb)


@dataclass
class Goal:
    """A goal of the issue: `task` over `peer` (a ratio), or over a limit in seconds and MB."""

    text: str
    task: Task
    peer: Task | None = None
    ratio: float = 1.0
    seconds: float | None = None
    mb: float | None = None

    @property
    def measured(self) -> float:
        if self.peer is not None:
            return self.task.median / self.peer.median
        assert self.seconds is not None
        return self.task.median / self.seconds

    @property
    def passed(self) -> bool:
        fits = self.mb is None or self.task.peak <= self.mb
        return fits and self.measured <= self.ratio and self.task.codes <= {0, 1}


# --- running -------------------------------------------------------------------------------------


def child_environment(cache: Path) -> dict[str, str]:
    """The children's environment: their own cache folder, never the user's, and bytecode
    written (PYTHONDONTWRITEBYTECODE would make every run of a source tree compile it again,
    which no installed copy does)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.pop("CRUSCOTTO_NO_CACHE", None)
    env["CRUSCOTTO_CACHE_DIR"] = str(cache)
    return env


ENV: dict[str, str] = {}


def run_once(task: Task, sink: Path) -> None:
    """One fresh child process: its wall time, its own peak RSS and its exit code."""
    with sink.open("wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(
            task.argv,
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.DEVNULL,
            stdin=subprocess.DEVNULL,
            env=ENV or None,
        )
        _, status, usage = os.wait4(proc.pid, 0)
        task.times.append(time.perf_counter() - start)
    task.rss_mb.append(usage.ru_maxrss / 1024)
    task.codes.add(os.waitstatus_to_exitcode(status))


def run_all(tasks: list[Task], small: int, big: int, sink: Path) -> None:
    """Round-robin: every round runs each task once, in order, commands beside their peers."""
    for task in tasks:
        if not task.big or task.prime:
            run_once(task, sink)  # warm the page cache, the .pyc files and the cache
    for task in tasks:
        task.times.clear()
        task.rss_mb.clear()
    for number in range(max(small, big)):
        began = time.perf_counter()
        for task in tasks:
            if number < (big if task.big else small):
                run_once(task, sink)
        print(f"  round {number + 1}: {time.perf_counter() - began:.1f} s", flush=True)


def tool(name: str) -> list[str] | None:
    """A console script beside this interpreter, else on PATH."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.is_file() else shutil.which(name)
    return [found] if found else None


# --- the tasks and goals ----------------------------------------------------------------------


def areas(folder: Path) -> list[str]:
    return sorted(str(p) for p in folder.glob("[0-9]*.yaml"))


def python(code: str) -> list[str]:
    return [sys.executable, "-c", code]


def real_tasks(cli: list[str], jsonschema: list[str] | None) -> dict[str, Task]:
    """The shipped data: each command with its inputs from the cache (as the second command on
    the same files finds them) and read cold (`--no-cache`)."""
    real = ["--plan", str(REAL_PLAN), "--actuals", str(REAL_ACTUALS)]
    commands = {
        "validate": ("cruscotto validate (shipped plan and actuals)", ["validate", *real]),
        "table": ("cruscotto evaluate 2024 (table)", ["evaluate", "2024", *real]),
        "json": ("cruscotto evaluate 2024 -f json", ["evaluate", "2024", *real, "-fjson"]),
    }
    tasks = {
        "typer": Task('python -c "import typer"', python("import typer")),
        "help": Task("cruscotto --help", [*cli, "--help"]),
        "stack": Task(
            'python -c "import typer, rich, pydantic, yaml"',
            python("import typer, rich, pydantic, yaml"),
        ),
    }
    for key, (label, args) in commands.items():
        tasks[key] = Task(label, [*cli, *args])
        tasks[f"{key} cold"] = Task(f"{label}, --no-cache", [*cli, "--no-cache", *args])
    if jsonschema:
        schema = ["--schemafile", str(ROOT / "schema" / "area.schema.json")]
        tasks["peer"] = Task(
            "check-jsonschema, shipped area files",
            [*jsonschema, *schema, *areas(REAL_PLAN)],
        )
    return tasks


def big_tasks(
    cli: list[str], jsonschema: list[str] | None, plan: Path, actuals: Path, out: Path, pdf: bool
) -> dict[str, Task]:
    """The 10,000-indicator plan: validate and evaluate warm (the cache primed before the
    rounds) and cold, the reports with their inputs from the cache, and the peer."""
    given = ["--plan", str(plan), "--actuals", str(actuals)]
    n = f"{GOAL_SIZE:,}"
    commands = {
        "validate": (f"validate, {n} x 5", ["validate", *given]),
        "json": (f"evaluate 2024 -f json, {n} x 5", ["evaluate", "2024", *given, "-fjson"]),
    }
    tasks: dict[str, Task] = {}
    for key, (label, args) in commands.items():
        tasks[key] = Task(label, [*cli, *args], big=True, prime=True)
        tasks[f"{key} cold"] = Task(f"{label}, --no-cache", [*cli, "--no-cache", *args], True)
    if jsonschema:
        schema = ["--schemafile", str(plan / "area.schema.json")]
        tasks["peer"] = Task(
            f"check-jsonschema, {n} x 5 area files",
            [*jsonschema, *schema, *areas(plan)],
            big=True,
        )
    for name, extension in REPORTS.items():
        if name == "pdf" and importlib.util.find_spec("weasyprint") is None:
            print("report pdf: skipped, weasyprint is not installed (cruscotto[pdf])")
            continue
        if name == "pdf" and not pdf:
            print(f"report pdf: skipped at {n} indicators, it takes minutes (--pdf runs it)")
            continue
        target = ["-o", str(out / f"report.{extension}"), "--force"]
        tasks[name] = Task(
            f"report 2024 {name}, {n} x 5", [*cli, "report", "2024", *given, *target], big=True
        )
    return tasks


def goals(real: dict[str, Task], big: dict[str, Task]) -> list[Goal]:
    """Each goal of the issue, warm and cold where the cache can serve the command."""
    found = [Goal("cruscotto --help / import typer", real["help"], real["typer"], 1.0)]
    for cold in ("", " cold"):
        said = ", --no-cache" if cold else ""
        if "peer" in real:
            found.append(
                Goal(
                    f"shipped{said}: validate / check-jsonschema",
                    real[f"validate{cold}"],
                    real["peer"],
                    0.6,
                )
            )
        found += [
            Goal(
                f"shipped{said}: evaluate {k} / import stack",
                real[f"{k}{cold}"],
                real["stack"],
                2.0,
            )
            for k in ("table", "json")
        ]
    n = f"{GOAL_SIZE:,} x 5"
    for cold in ("", " cold"):
        said = ", --no-cache" if cold else ""
        if "peer" in big:
            found.append(
                Goal(
                    f"{n}{said}: validate / check-jsonschema",
                    big[f"validate{cold}"],
                    big["peer"],
                    0.07,
                )
            )
        found += [
            Goal(f"{n}{said}: {label} / 1 s", big[f"{key}{cold}"], seconds=1.0, mb=200)
            for key, label in (("validate", "validate"), ("json", "evaluate 2024 -f json"))
        ]
    found += [
        Goal(f"{n}: report 2024 {key} / 3 s", big[key], seconds=3.0, mb=200)
        for key in REPORTS
        if key in big
    ]
    return found


# --- the growth ----------------------------------------------------------------------------------


def growth_tasks(cli: list[str], data: dict[int, tuple[Path, Path]]) -> dict[int, list[Task]]:
    series: dict[int, list[Task]] = {}
    for n, (plan, actuals) in data.items():
        given = ["--plan", str(plan), "--actuals", str(actuals)]
        series[n] = [
            Task(f"validate, {n:,}", [*cli, "--no-cache", "validate", *given], big=True),
            Task(
                f"evaluate -f json, {n:,}",
                [*cli, "--no-cache", "evaluate", "2024", *given, "-fjson"],
                big=True,
            ),
        ]
    return series


def slopes(series: dict[int, list[Task]]) -> list[tuple[str, list[float], bool]]:
    """Milliseconds per 1,000 indicators between successive sizes; linear when the last slope is
    within 1.3 times the first (noise allowed), that is not growing with the plan."""
    sizes = sorted(series)
    found = []
    for column in range(2):
        points = [(n, series[n][column].median) for n in sizes]
        per_k = [1000 * (t1 - t0) / ((n1 - n0) / 1000) for (n0, t0), (n1, t1) in pairwise(points)]
        label = series[sizes[0]][column].label.split(",")[0]
        found.append((label, per_k, per_k[-1] <= 1.3 * max(per_k[0], 1.0)))
    return found


# --- printing and writing the figures ----------------------------------------------------------


def machine() -> str:
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        names = [ln for ln in cpuinfo.read_text().splitlines() if ln.startswith("model name")]
        model = names[0].split(":", 1)[1].strip() + ", " if names else ""
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3
    return (
        f"{model}{os.cpu_count()} cores, {memory:.0f} GiB, {platform.system()} "
        f"{platform.release().split('-')[0]}, Python {platform.python_version()}"
    )


def goal_lines(found: list[Goal]) -> list[str]:
    lines = ["| goal | measured | limit | verdict |", "|---|---|---|---|"]
    for g in found:
        if g.peer is not None:
            what = f"{g.task.median:.3f} s / {g.peer.median:.3f} s = **{g.measured:.2f} ×**"
            limit = f"≤ {g.ratio:g} ×"
        else:
            what = f"{g.task.median:.2f} s, {g.task.peak:.0f} MB"
            limit = f"≤ {g.seconds:g} s, {g.mb:g} MB"
        verdict = "PASS" if g.passed else "FAIL"
        if not g.task.codes <= {0, 1}:
            verdict += f" (exit {', '.join(map(str, sorted(g.task.codes)))})"
        lines.append(f"| {g.text} | {what} | {limit} | {verdict} |")
    return lines


def task_lines(tasks: list[Task]) -> list[str]:
    lines = ["| command | runs | median | min | peak memory | exit |", "|---|---|---|---|---|---|"]
    for t in tasks:
        lines.append(
            f"| {t.label} | {len(t.times)} | {t.median:.3f} s | {min(t.times):.3f} s "
            f"| {t.peak:.0f} MB | {', '.join(map(str, sorted(t.codes)))} |"
        )
    return lines


def growth_lines(found: list[tuple[str, list[float], bool]], sizes: list[int]) -> list[str]:
    steps = " / ".join(f"{a:,}-{b:,}" for a, b in pairwise(sizes))
    return [
        f"- {label}: {' / '.join(f'{s:.0f}' for s in per_k)} ms per 1,000 indicators "
        f"({steps}): {'PASS (linear)' if ok else 'FAIL (grows faster than the plan)'}"
        for label, per_k, ok in found
    ]


def replace_block(path: Path, block: list[str]) -> None:
    text = path.read_text(encoding="utf-8")
    head, rest = text.split(START, 1)
    tail = rest.split(END, 1)[1]
    path.write_text(head + START + "\n" + "\n".join(block) + "\n" + END + tail, encoding="utf-8")


# --- main ----------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="5 rounds (1 on large plans)")
    parser.add_argument("--large", action="store_true", help="growth up to 50,000 indicators")
    parser.add_argument("--pdf", action="store_true", help="the PDF report of the large plan too")
    parser.add_argument("--write", action="store_true", help="regenerate README figures")
    parser.add_argument("--keep", action="store_true", help="keep the data in bench/out/")
    args = parser.parse_args()
    small, big = (5, 1) if args.quick else (15, 3)
    base = OUT if args.keep else Path(tempfile.mkdtemp(prefix="cruscotto-bench-"))
    base.mkdir(parents=True, exist_ok=True)
    try:
        return bench(base, small, big, args)
    finally:
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)


def bench(base: Path, small: int, big: int, args: argparse.Namespace) -> int:
    large, write, pdf = args.large, args.write, args.pdf
    cli = tool("cruscotto") or [sys.executable, "-m", "cruscotto_cli"]
    jsonschema = tool("check-jsonschema")
    if jsonschema is None:
        print("check-jsonschema: not installed (pip install '.[dev]'): its goals are skipped")
    sizes = sorted({*SIZES, *(LARGE if large else ())})
    began = time.perf_counter()
    generate = [sys.executable, str(Path(__file__).with_name("synthetic.py")), str(base)]
    subprocess.run([*generate, *map(str, sizes)], check=True)
    data = {n: (base / f"plan-{n}", base / f"actuals-{n}") for n in sizes}
    plan, actuals = data[GOAL_SIZE]
    # The generic schema: the plan's own (an enum of every measure id) makes the peer quadratic.
    schema = [*cli, "schema", "area", "--generic", "-o", str(plan / "area.schema.json")]
    subprocess.run(schema, check=True)
    print(f"synthetic data: {time.perf_counter() - began:.1f} s; {cli[0]}; {machine()}")
    ENV.update(child_environment(base / "cache"))
    real = real_tasks(cli, jsonschema)
    heavy = big_tasks(cli, jsonschema, plan, actuals, base, pdf)
    series = growth_tasks(cli, {n: d for n, d in data.items() if n != GOAL_SIZE})
    series[GOAL_SIZE] = [heavy["validate cold"], heavy["json cold"]]
    tasks = [*real.values(), *heavy.values()]
    tasks += [t for n in sorted(series) if n != GOAL_SIZE for t in series[n]]
    load = os.getloadavg()[0]
    run_all(tasks, small, big, base / "stdout")
    found = goals(real, heavy)
    grown = slopes(series)
    when = f"{date.today().isoformat()}, {machine()}; load average {load:.1f} at the start"
    rounds = f"{small} rounds ({big} on the {GOAL_SIZE:,}-indicator plans and the growth)"
    block = [f"Run of {when}; {rounds}.", "", *goal_lines(found), "", *growth_lines(grown, sizes)]
    print("\n".join(["", *block, "", *task_lines(tasks)]))
    if write:
        replace_block(ROOT / "README.md", block)
        replace_block(ROOT / "bench" / "README.md", [*block, "", *task_lines(tasks)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
