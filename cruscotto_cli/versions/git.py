"""Read a plan as it is at a git revision, with git itself and without a checkout.

The plan folder's files are read with `git ls-tree` and `git cat-file`, written to a temporary
folder and loaded as any plan; places are then named as git does, `REV:plan/01-area.yaml`.
"""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from cruscotto_cli.diagnostics import InputError, UsageError
from cruscotto_cli.plan.files import is_plan_file
from cruscotto_cli.plan.load import load_plan
from cruscotto_cli.plan.loaded import Plan
from cruscotto_cli.plan.yamlsource import Document

FILE_MODES = ("100644", "100755")
# Settings of the repository's config that would change what git prints: log output in UTF-8
# whatever i18n.logOutputEncoding says (UTF-16 made every field unreadable), paths unquoted.
OVERRIDES = ("-c", "i18n.logOutputEncoding=UTF-8", "-c", "core.quotePath=false")


def git(root: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """Run git in `root`; UsageError when git itself is missing."""
    try:
        return subprocess.run(
            ["git", *OVERRIDES, *args], cwd=root, input=stdin, capture_output=True, check=False
        )
    except FileNotFoundError:
        raise UsageError(
            "git is not installed (or not on PATH): it is needed to read a plan at a revision"
        ) from None


def repo_root(folder: Path) -> Path:
    """The top folder of the git repository holding `folder`; UsageError when there is none."""
    start = folder if folder.is_dir() else Path.cwd()
    done = git(start, "rev-parse", "--show-toplevel")
    if done.returncode != 0:
        raise UsageError(
            f"{folder}: not in a git repository: a revision can only be read from one (diff "
            "--against also takes a plan folder)"
        )
    return Path(done.stdout.decode(errors="surrogateescape").strip())


def relative(root: Path, folder: Path) -> str:
    """The plan folder as a path inside the repository, in git's spelling (`plan`, `docs/plan`)."""
    try:
        return folder.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        raise UsageError(
            f"{folder}: the plan folder is outside the git repository {root}"
        ) from None


def commit_of(root: Path, revision: str) -> str:
    """The commit a revision names; UsageError quoting it when the repository has no such thing."""
    done = git(
        root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}"
    )
    if done.returncode != 0 or not revision.strip():
        raise UsageError(
            f'revision "{revision}" not found in the git repository {root}; give a branch, tag or '
            "commit "
            "(in CI, fetch it first: git fetch origin main, or checkout with fetch-depth: 0)"
        )
    return done.stdout.decode().strip()


def load_base(against: str, plan_folder: Path) -> Plan:
    """The base of a comparison: a plan folder when `against` is one, else a git revision."""
    if Path(against).is_dir():
        return load_plan(Path(against))
    root = repo_root(plan_folder)
    inside = relative(root, plan_folder)
    return load_at(root, commit_of(root, against), inside, against)


def load_at(root: Path, commit: str, inside: str, label: str) -> Plan:
    """The plan folder `inside` as it is at `commit`; InputError (places named `label:path`) when
    invalid."""
    blobs = _plan_blobs(root, commit, inside)
    if not blobs:
        raise UsageError(f'{label}:{inside}: no plan files (*.yaml) there at revision "{label}"')
    contents = _contents(root, list(blobs.values()))
    with tempfile.TemporaryDirectory(prefix="cruscotto-") as temp:
        folder = Path(temp) / "plan"
        folder.mkdir()
        for name, sha in blobs.items():
            (folder / name).write_bytes(contents[sha])
        name_of = _namer(folder, f"{label}:{'' if inside == '.' else inside + '/'}")
        try:
            plan = load_plan(folder)
        except InputError as exc:
            raise InputError([replace(d, path=name_of(d.path)) for d in exc.diagnostics]) from None
        return _relabelled(plan, name_of, f"{label}:{inside}")


def _plan_blobs(root: Path, commit: str, inside: str) -> dict[str, str]:
    """The `*.yaml` files directly in the folder at the commit: name -> blob id."""
    spec = "." if inside == "." else f"{inside}/"
    done = git(root, "ls-tree", "-z", "--end-of-options", commit, "--", spec)
    if done.returncode != 0:
        raise UsageError(f"git ls-tree failed: {done.stderr.decode(errors='replace').strip()}")
    blobs = {}
    for entry in done.stdout.decode(errors="surrogateescape").split("\0"):
        head, _, path = entry.partition("\t")
        mode, kind, sha = [*head.split(), "", "", ""][:3]
        name = path.rsplit("/", 1)[-1]
        if kind == "blob" and mode in FILE_MODES and is_plan_file(name):
            blobs[name] = sha
    return blobs


def _contents(root: Path, shas: list[str]) -> dict[str, bytes]:
    """Every blob's bytes, read with one `git cat-file --batch`."""
    done = git(root, "cat-file", "--batch", stdin="".join(f"{sha}\n" for sha in shas).encode())
    out, at, found = done.stdout, 0, {}
    for sha in shas:
        end = out.index(b"\n", at)
        size = int(out[at:end].split()[2])
        found[sha] = out[end + 1 : end + 1 + size]
        at = end + 1 + size + 1
    return found


def _namer(folder: Path, prefix: str) -> Callable[[str], str]:
    """Turns a path in the temporary folder into git's `REV:plan/name.yaml`."""

    def name_of(path: str) -> str:
        candidate = Path(path)
        return prefix + candidate.name if candidate.parent == folder else path

    return name_of


def _relabelled(plan: Plan, name_of: Callable[[str], str], folder: str) -> Plan:
    def doc(d: Document) -> Document:
        return replace(d, path=Path(name_of(str(d.path))))

    return Plan(
        Path(folder),
        plan.header,
        doc(plan.header_document),
        tuple((a, doc(d)) for a, d in plan.areas),
    )
