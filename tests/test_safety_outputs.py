"""`-o FILE` of export and report: csm's own files are never replaced, missing
folders never created, devices and FIFOs written in place, symlinks followed,
read-only files kept, and a killed write's temporary removed next time."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from clihelp import run
from faults import csm_env, kept, refused, run_process, seed_log

COMMANDS = {
    "export": ["export", "--format", "csv"],
    "report": ["report", "--on", "2026-11-02", "--format", "md"],
    "calendar": ["calendar", "--from", "2026-11-02", "--months", "1"],
}
# How each command's output starts.
STARTS = ("uuid,", "# ", "BEGIN:VCALENDAR")


@pytest.fixture(autouse=True)
def history(config_dir: Path) -> None:
    folder = config_dir / "checklists"
    folder.mkdir(parents=True)
    (folder / "mine.yaml").write_text("items:\n  - {id: team-meeting, enabled: true}\n")
    (config_dir / "config.yaml").write_text("user: Mona\n")
    seed_log()
    assert run("today", "--json").exit_code == 0  # fills the cache


OWN: dict[str, Callable[[Path], Path]] = {
    "the log": lambda t: t / "data" / "log.sqlite3",
    "the log's WAL": lambda t: t / "data" / "log.sqlite3-wal",
    "the log's shared memory": lambda t: t / "data" / "log.sqlite3-shm",
    "the log's journal": lambda t: t / "data" / "log.sqlite3-journal",
    "config.yaml": lambda t: t / "config" / "config.yaml",
    "days-off.yaml": lambda t: t / "config" / "days-off.yaml",
    "the config lock": lambda t: t / "config" / ".config.yaml.lock",
    "a checklist file": lambda t: t / "config" / "checklists" / "mine.yaml",
    "a new file among the checklists": lambda t: t / "config" / "checklists" / "new.yaml",
    "the cache": lambda t: t / "cache" / "catalog.json",
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("own", sorted(OWN))
def test_own_files_are_never_replaced(command: str, own: str, tmp_path: Path) -> None:
    target = OWN[own](tmp_path)
    before = kept(tmp_path)
    result = run(*COMMANDS[command], "-o", str(target))
    refused(result, 2, str(target), "csm")
    assert kept(tmp_path) == before


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("link", ["symlink", "hardlink"])
def test_a_link_to_the_log_is_refused(command: str, link: str, tmp_path: Path) -> None:
    log = tmp_path / "data" / "log.sqlite3"
    alias = tmp_path / "innocent.csv"
    (os.symlink if link == "symlink" else os.link)(log, alias)
    before = kept(tmp_path)
    refused(run(*COMMANDS[command], "-o", str(alias)), 2, "csm's own file")
    assert kept(tmp_path) == before


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_missing_folder_is_an_error_and_never_created(command: str, tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "out.txt"
    refused(run(*COMMANDS[command], "-o", str(target)), 2, "does not exist", "Create the folder")
    assert not (tmp_path / "no").exists()


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_an_empty_file_name_is_a_clear_error(command: str, tmp_path: Path) -> None:
    before = kept(tmp_path)
    refused(run(*COMMANDS[command], "-o", ""), 2, "empty file name")
    assert kept(tmp_path) == before


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_folder_is_not_a_file(command: str, tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    refused(run(*COMMANDS[command], "-o", str(tmp_path / "out")), 2, "is a folder")
    assert list((tmp_path / "out").iterdir()) == []


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_dash_is_stdout(command: str, tmp_path: Path) -> None:
    result = run(*COMMANDS[command], "-o", "-")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(STARTS)
    assert not (tmp_path / "-").exists()


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_file_without_write_permission_is_not_replaced(command: str, tmp_path: Path) -> None:
    target = tmp_path / "locked.txt"
    target.write_text("keep me\n")
    target.chmod(0o444)
    refused(run(*COMMANDS[command], "-o", str(target)), 1, "not writable")
    assert target.read_text() == "keep me\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o444


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_symlink_is_followed_and_its_target_replaced(command: str, tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("old\n")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    assert run(*COMMANDS[command], "-o", str(link)).exit_code == 0
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text().startswith(STARTS)


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_fifo_is_written_in_place(command: str, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = run(*COMMANDS[command], "-o", str(fifo))
    reader.join(timeout=30)
    assert result.exit_code == 0, result.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert received and received[0].startswith(tuple(x.encode() for x in STARTS))


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_device_is_written_in_place_never_replaced(command: str, tmp_path: Path) -> None:
    device = tmp_path / "null"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # like /dev/null
    except PermissionError:
        pytest.skip("this container may not make device nodes")
    assert run(*COMMANDS[command], "-o", str(device)).exit_code == 0
    assert stat.S_ISCHR(os.lstat(device).st_mode)


def test_a_full_device_is_reported_and_kept(tmp_path: Path) -> None:
    # /dev/full as a target: written in place (never replaced), ENOSPC reported.
    full = Path("/dev/full")
    if not full.exists() or not stat.S_ISCHR(full.stat().st_mode):
        pytest.skip("no /dev/full here")
    before = kept(tmp_path)
    refused(run_process("export", "-o", "/dev/full"), 1, "/dev/full", "No space")
    assert stat.S_ISCHR(full.stat().st_mode)
    assert kept(tmp_path) == before


def test_dev_stdout_reaches_stdout(tmp_path: Path) -> None:
    result = run_process("export", "-o", "/dev/stdout")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("uuid,")


def _partial(folder: Path, name: str, pid: int) -> Path:
    from csm_checklist.atomic import partial_name, use_key_folder

    use_key_folder(Path(os.environ["CSM_CACHE_DIR"]))
    path = partial_name(folder / name, pid)
    path.write_text("half")
    return path


def test_stale_temporaries_of_gone_processes_are_removed(tmp_path: Path) -> None:
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        stale = _partial(tmp_path, "out.csv", gone.pid)
        busy = _partial(tmp_path, "out.csv", alive.pid)
        assert run("export", "-o", str(tmp_path / "out.csv")).exit_code == 0
        assert not stale.exists()
        assert busy.exists()  # another csm still writing it
    finally:
        alive.kill()
        alive.wait()


def test_a_killed_write_leaves_nothing_after_the_next_run(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    code = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "from csm_checklist.atomic import atomic_writer\n"
        "with atomic_writer(Path(sys.argv[1])) as out:\n"
        "    out.write('half'); out.flush()\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    killed = subprocess.run([sys.executable, "-c", code, str(target)], env=csm_env())
    assert killed.returncode == -signal.SIGKILL
    left = [p.name for p in tmp_path.iterdir() if p.name.endswith(".csm-partial")]
    assert len(left) == 1 and left[0].startswith(".out.csv.")
    assert run("export", "-o", str(target)).exit_code == 0
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".csm-partial")]
    assert target.read_text().startswith("uuid,")
