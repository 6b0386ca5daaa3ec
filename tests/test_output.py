"""`-o FILE`: written whole or not at all, only as a regular file, never over one unless asked."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from cruscotto_cli import output
from cruscotto_cli.cli.app import app
from cruscotto_cli.diagnostics import OutputError
from cruscotto_cli.output import write_atomic
from tests.conftest import REPO

runner = CliRunner()
NOT_REGULAR = "is not a regular file (a device, a FIFO or a socket): outputs are written only as regular files"
LINK = "is a symbolic link: outputs are written only as regular files, never through a link"


def run(*args: str) -> Result:
    return runner.invoke(app, list(args), env={"COLUMNS": "200", "NO_COLOR": "1"})


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(REPO)
    return tmp_path


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_a_new_file_is_written_whole(tmp_path: Path) -> None:
    write_atomic(tmp_path / "out.txt", "sì\n")
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == "sì\n"
    assert leftovers(tmp_path) == []


def test_force_replaces_a_regular_file(tmp_path: Path) -> None:
    (tmp_path / "out.txt").write_text("old")
    write_atomic(tmp_path / "out.txt", "new", force=True)
    assert (tmp_path / "out.txt").read_text() == "new"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
@pytest.mark.parametrize("force", [[], ["--force"]])
def test_a_fifo_is_refused_even_with_force(here: Path, force: list[str]) -> None:
    fifo = here / "pipe"
    os.mkfifo(fifo)
    result = run("template", "2024", "-o", str(fifo), *force)
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        f"cruscotto: {fifo}: {NOT_REGULAR}; give the name of a new or regular file\n",
    )
    assert fifo.is_fifo() and leftovers(here) == []


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_a_folder_is_refused(here: Path, force: list[str]) -> None:
    result = run("template", "2024", "-o", str(here), *force)
    assert (result.exit_code, result.stderr) == (
        2,
        f"cruscotto: {here}: is a folder; give the name of a new or regular file\n",
    )


@pytest.mark.parametrize("target", ["file", "missing", "folder"])
def test_a_symbolic_link_is_refused_whatever_it_points_to(here: Path, target: str) -> None:
    (here / "file").write_text("kept")
    (here / "folder").mkdir()
    link = here / "link"
    link.symlink_to(here / target)
    result = run("template", "2024", "-o", str(link), "--force")
    assert (result.exit_code, result.stderr) == (
        2,
        f"cruscotto: {link}: {LINK}; give the name of a new or regular file\n",
    )
    assert link.is_symlink() and (here / "file").read_text() == "kept"


def test_a_device_is_refused_even_with_force(tmp_path: Path) -> None:
    with pytest.raises(OutputError) as raised:
        write_atomic(Path("/dev/null"), "x", force=True)
    assert str(raised.value) == f"/dev/null: {NOT_REGULAR}; give the name of a new or regular file"


def test_no_window_between_the_check_and_the_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file that appears while the output is being written is not overwritten."""
    target = tmp_path / "out.txt"
    fill = output._fill

    def racing(temp: Path, payload: bytes, path: Path) -> None:
        fill(temp, payload, path)
        target.write_text("written by someone else meanwhile")

    monkeypatch.setattr(output, "_fill", racing)
    with pytest.raises(OutputError, match=f"^{target}: exists; use --force to overwrite it$"):
        write_atomic(target, "ours")
    assert target.read_text() == "written by someone else meanwhile"
    assert leftovers(tmp_path) == []


SLOW_WRITE = """
import sys, time
from pathlib import Path
from cruscotto_cli import output
fill = output._fill
def slow(temp, payload, path):
    fill(temp, payload, path)
    Path(sys.argv[1] + ".part").write_text(str(temp))
    Path(sys.argv[1] + ".part").rename(sys.argv[1])
    time.sleep(60)
output._fill = slow
from cruscotto_cli.cli.app import app
app(["report", "2024", "-o", sys.argv[2]], prog_name="cruscotto")
"""


@pytest.mark.parametrize("number", [signal.SIGINT, signal.SIGTERM])
def test_no_temporary_file_is_left_when_interrupted(tmp_path: Path, number: signal.Signals) -> None:
    """The CLI writing a report is stopped while its temporary file exists: the file goes."""
    marker, out = tmp_path / "writing", tmp_path / "out" / "relazione.html"
    out.parent.mkdir()
    child = subprocess.Popen(
        [sys.executable, "-c", SLOW_WRITE, str(marker), str(out)], cwd=REPO, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 60
    while not marker.exists() and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    temp = Path(marker.read_text())
    assert temp.exists() and temp.parent == out.parent  # it is there, beside the output
    child.send_signal(number)
    child.wait(timeout=30)
    assert child.returncode == 128 + number
    assert list(out.parent.iterdir()) == []


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o027, 0o640)])
def test_a_file_written_follows_the_umask(tmp_path: Path, umask: int, mode: int) -> None:
    """As any program's new file: a user who keeps new files private gets a private report."""
    before = os.umask(umask)
    try:
        write_atomic(tmp_path / "report.md", "# Relazione\n")
        (tmp_path / "again.md").write_text("x")
        write_atomic(tmp_path / "again.md", "# Relazione\n", force=True)
    finally:
        os.umask(before)
    assert (tmp_path / "report.md").stat().st_mode & 0o777 == mode
    assert (tmp_path / "again.md").stat().st_mode & 0o777 == mode
