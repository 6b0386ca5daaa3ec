"""Read a plan as it is at a git revision, with git itself and without a checkout.

The plan folder's files are read with `git ls-tree` and `git cat-file`, written to a temporary
folder and loaded as any plan; places are then named as git does, `REV:plan/01-area.yaml`.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from cruscotto_cli.diagnostics import InputError, UsageError
from cruscotto_cli.plan.files import is_plan_file
from cruscotto_cli.plan.load import load_plan
from cruscotto_cli.plan.loaded import Plan
from cruscotto_cli.plan.yamlsource import Document
from cruscotto_cli.versions.repository import commit_of, git, relative, repo_root, text

FILE_MODES = ("100644", "100755")  # regular files: a symbolic link in the tree is not followed


def load_revision(revision: str, plan_folder: Path) -> Plan:
    """The plan folder as it is at a git revision of the repository holding it.

    The revision is resolved by git alone: a folder of the working tree named like it (a pull
    request adding `origin/main/`) changes nothing.
    """
    root = repo_root(plan_folder, " (to compare with a plan folder, use --against-dir DIR)")
    inside = relative(root, plan_folder)
    return load_at(root, commit_of(root, revision), inside, revision)


def load_at(root: Path, commit: str, inside: str, label: str) -> Plan:
    """The plan folder `inside` as it is at `commit`; InputError (places named `label:path`) when
    invalid."""
    blobs = _plan_blobs(root, commit, inside)
    if not blobs:
        raise UsageError(
            f'{label}:{inside}: no plan files (*.yaml, *.yml) there at revision "{label}"'
        )
    contents = _contents(root, list(blobs.values()))
    with tempfile.TemporaryDirectory(prefix="cruscotto-") as temp:
        folder = Path(temp) / "plan"
        folder.mkdir()
        for name, sha in blobs.items():
            (folder / name).write_bytes(contents[sha])
        name_of = _namer(folder, f"{label}:{'' if inside == '.' else inside + '/'}")
        try:
            plan = load_plan(folder, cached=False)  # a temporary folder: never asked for again
        except InputError as exc:
            raise InputError([replace(d, path=name_of(d.path)) for d in exc.diagnostics]) from None
        return _relabelled(plan, name_of, f"{label}:{inside}")


def _plan_blobs(root: Path, commit: str, inside: str) -> dict[str, str]:
    """The plan files (plan/files.py) directly in the folder at the commit: name -> blob id."""
    spec = "." if inside == "." else f"{inside}/"
    done = git(root, "ls-tree", "-z", "--end-of-options", commit, "--", spec)
    if done.returncode != 0:
        raise UsageError(f"git ls-tree failed: {text(done.stderr).strip()}")
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
        end = out.find(b"\n", at)
        header = out[at:end].split()
        if done.returncode != 0 or end < 0 or len(header) != 3 or header[1] != b"blob":
            why = text(done.stderr).strip() or text(out[at:end]) or "no output"
            raise UsageError(f"git cat-file could not read blob {sha} in {root}: {why}")
        size = int(header[2])
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
