"""git run safely on a repository that is not trusted: no program its config names ever runs.

A repository under review (a pull request, a folder someone sent) may carry a config that names
programs (`gpg.program` with `log.showSignature`, `core.fsmonitor`, a pager, an external diff)
or changes what git prints. Every call overrides those settings on the command line, which wins
over any file, and reads output in one fixed encoding.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from cruscotto_cli.diagnostics import UsageError

# Settings a repository's config could use to run a program or alter the output we parse.
SAFE_CONFIG = {
    "core.fsmonitor": "false",
    "core.hooksPath": "/dev/null",
    "core.pager": "cat",
    "core.sshCommand": "false",
    "diff.external": "",
    "log.showSignature": "false",
    "gpg.program": "false",
    "gpg.ssh.program": "false",
    "gpg.x509.program": "false",
    "protocol.allow": "never",  # no fetch at all, not even the lazy one of a partial clone
    "color.ui": "false",
    "i18n.logOutputEncoding": "UTF-8",  # UTF-16 made every field of the log unreadable
    "core.quotePath": "false",
}
OPTIONS = ("--no-pager", "--no-optional-locks", "--no-replace-objects", "--literal-pathspecs")
ENV_SET = {
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_PAGER": "cat",
    "PAGER": "cat",
    "GIT_TERMINAL_PROMPT": "0",
    "GIT_NO_LAZY_FETCH": "1",
    "GIT_OPTIONAL_LOCKS": "0",
    "LC_ALL": "C",  # git's own messages in English, as every diagnostic is
}
ENV_UNSET = ("GIT_EXTERNAL_DIFF", "GIT_DIFF_OPTS", "GIT_SSH", "GIT_SSH_COMMAND", "GIT_ASKPASS")
ENCODING = "utf-8"


def command(*args: str) -> list[str]:
    """The full git command line: the safe settings, then `args`."""
    settings = [part for key, value in SAFE_CONFIG.items() for part in ("-c", f"{key}={value}")]
    return ["git", *settings, *OPTIONS, *args]


def environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ENV_UNSET}
    return {**env, **ENV_SET}


def git(root: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """Run git in `root` with the safe settings; UsageError when git itself is missing."""
    try:
        return subprocess.run(
            command(*args),
            cwd=root,
            input=stdin,
            capture_output=True,
            check=False,
            env=environment(),
        )
    except FileNotFoundError:
        raise UsageError(
            "git is not installed (or not on PATH): it is needed to read a plan at a revision"
        ) from None


def text(output: bytes) -> str:
    """git's output as text, in the one encoding every call asks for."""
    return output.decode(ENCODING, errors="replace")


def repo_root(folder: Path, hint: str = "") -> Path:
    """The top folder of the git repository holding `folder`; UsageError (with `hint`) when none."""
    start = folder if folder.is_dir() else Path.cwd()
    done = git(start, "rev-parse", "--show-toplevel")
    if done.returncode != 0:
        raise UsageError(
            f"{folder}: not in a git repository: a revision can only be read from one{hint}"
        )
    root = Path(os.fsdecode(done.stdout.rstrip(b"\n")))
    above = git(root, "rev-parse", "--show-superproject-working-tree")
    if above.returncode == 0 and above.stdout.strip():
        # A submodule's revisions are its own: a pull request that turns the plan folder into a
        # submodule would bring the base it is compared with.
        raise UsageError(
            f"{folder}: in a submodule of {os.fsdecode(above.stdout.strip())}: its revisions are "
            "not the repository's; read the plan in the repository that holds it"
        )
    return root


def relative(root: Path, folder: Path) -> str:
    """The plan folder as a path inside the repository, in git's spelling (`plan`, `docs/plan`).

    UsageError when the path reaches it through a symbolic link inside the repository: a pull
    request that makes `plan` a link to another folder would have that folder's history read as
    the plan's, and the plan replaced unseen.
    """
    try:
        inside = folder.resolve().relative_to(root.resolve())
    except ValueError:
        raise UsageError(
            f"{folder}: the plan folder is outside the git repository {root}"
        ) from None
    written = Path(os.path.abspath(folder))
    top = next((a for a in (written, *written.parents) if a.resolve() == root.resolve()), None)
    if top is not None and written.relative_to(top) != inside:
        raise UsageError(
            f"{folder}: reaches {inside.as_posix()} through a symbolic link inside the git "
            "repository: a plan is read from its own folder, never through a link; give "
            f"--plan {inside.as_posix()}"
        )
    return inside.as_posix()


def commit_of(root: Path, revision: str) -> str:
    """The commit a revision names, as git alone resolves it (nothing in the working tree counts);
    UsageError quoting it when the repository has no such commit."""
    spec = f"{revision}^{{commit}}"
    done = git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", spec)
    if done.returncode != 0 or not revision.strip():
        raise UsageError(
            f'revision "{revision}" not found in the git repository {root}; give a branch, tag '
            "or commit (in CI, fetch it first: git fetch origin main, or checkout with "
            "fetch-depth: 0); to compare with a plan folder, use --against-dir DIR"
        )
    return text(done.stdout).strip()
