"""The log is opened for writing only after a read-only identity check:
another program's SQLite file (in WAL mode too) is never modified, a FIFO at
the log's path is refused at once, a corrupt csm log is never written, a log
in a read-only folder still serves every reading command, and a full disk
never makes csm advise abandoning a sound log."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from csm_checklist.errors import LogError
from csm_checklist.store.sqlite import SqliteStore
from csm_checklist.store.sqlite_files import translate

from clihelp import run, track_from
from faults import csm_env, kept, refused, run_process, seed_log

# The commands that read the log (`list` never opens it).
READERS = {
    "today": ["today"],
    "due": ["due", "--period", "month"],
    "log": ["log"],
    "report": ["report"],
    "export": ["export"],
}
WRITERS = {
    "done": ["done", "monitor-accounts"],
    "skip": ["skip", "team-meeting", "--reason", "holiday"],
    "undo": ["undo"],
    "import": ["import", "-"],
}


def files_beside(log: Path) -> dict[str, bytes]:
    """The log and every file SQLite keeps beside it, byte for byte."""
    return {p.name: p.read_bytes() for p in sorted(log.parent.iterdir())}


def foreign_rollback(log: Path) -> None:
    db = sqlite3.connect(log)
    db.execute("CREATE TABLE contacts (name TEXT)")
    db.execute("INSERT INTO contacts VALUES ('mona')")
    db.commit()
    db.close()


def _crash_writer(log: Path, fresh: bool) -> None:
    """Another program writes in WAL mode and dies before checkpointing."""
    code = (
        "import os, sqlite3, sys\n"
        "db = sqlite3.connect(sys.argv[1])\n"
        "db.execute('PRAGMA journal_mode=WAL')\n"
        "db.execute('PRAGMA wal_autocheckpoint=0')\n"
        "if sys.argv[2] == 'old':\n"
        "    db.execute('CREATE TABLE old (x)'); db.commit()\n"
        "    db.execute('PRAGMA wal_checkpoint(TRUNCATE)')\n"
        "db.execute('CREATE TABLE contacts (name TEXT)')\n"
        "db.execute(\"INSERT INTO contacts VALUES ('mona')\")\n"
        "db.commit()\n"
        "os.kill(os.getpid(), 9)\n"
    )
    subprocess.run([sys.executable, "-c", code, str(log), "fresh" if fresh else "old"])
    assert log.with_name(log.name + "-wal").stat().st_size > 0


FOREIGN = {
    "rollback journal": foreign_rollback,
    "WAL left by a crash": lambda log: _crash_writer(log, fresh=False),
    "WAL holding every page": lambda log: _crash_writer(log, fresh=True),
}


@pytest.mark.parametrize("kind", sorted(FOREIGN))
@pytest.mark.parametrize("command", sorted(READERS.keys() | WRITERS.keys()))
def test_a_foreign_database_is_never_touched(kind: str, command: str, data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    log = data_dir / "log.sqlite3"
    FOREIGN[kind](log)
    before = files_beside(log)
    args = READERS.get(command) or WRITERS[command]
    refused(run_process(*args, input=b""), 1, "not a csm log")
    assert files_beside(log) == before


def test_a_foreign_database_in_use_is_never_touched(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    log = data_dir / "log.sqlite3"
    other = sqlite3.connect(log)  # another program, still running
    other.execute("PRAGMA journal_mode=WAL")
    other.execute("PRAGMA wal_autocheckpoint=0")
    other.execute("CREATE TABLE contacts (name TEXT)")
    other.commit()
    try:
        before = files_beside(log)
        refused(run_process("done", "monitor-accounts"), 1, "not a csm log")
        assert files_beside(log) == before
    finally:
        other.close()


@pytest.mark.parametrize("command", sorted(READERS.keys() | WRITERS.keys()))
def test_a_fifo_at_the_logs_path_is_refused_at_once(command: str, data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    os.mkfifo(data_dir / "log.sqlite3")
    args = READERS.get(command) or WRITERS[command]
    # The timeout only stops a hang (before: every command blocked forever).
    refused(run_process(*args, input=b"", timeout=60), 1, "not a regular file")


def _corrupt(log: Path) -> None:
    """Damage an index page: SQLite still opens the log, quick_check fails."""
    with sqlite3.connect(log) as db:
        page_size = db.execute("PRAGMA page_size").fetchone()[0]
        root = db.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'events_period_end'"
        ).fetchone()[0]
    db.close()
    with log.open("r+b") as stream:
        stream.seek((root - 1) * page_size + 8)
        stream.write(b"\xff" * 64)


@pytest.mark.parametrize("command", sorted(WRITERS))
def test_a_corrupt_log_is_never_written(command: str, tmp_path: Path, data_dir: Path) -> None:
    seed_log()
    for day in range(1, 28):
        run("done", "daily-engagement", "--on", f"2026-10-{day:02d}", "--note", "x" * 200)
    export = run("export", "--format", "jsonl").stdout.encode()
    log = data_dir / "log.sqlite3"
    _corrupt(log)
    before = kept(tmp_path)
    refused(run_process(*WRITERS[command], input=export), 1, "corrupt", "nothing was written")
    assert kept(tmp_path) == before


@contextlib.contextmanager
def immutable(folder: Path) -> Iterator[None]:
    """A folder nobody, root included, can create files in."""
    if shutil.which("chattr") is None:
        pytest.skip("needs chattr")
    made = subprocess.run(["chattr", "+i", str(folder)], capture_output=True)
    if made.returncode != 0:
        pytest.skip("this file system cannot make a folder read-only for root")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)


@pytest.mark.parametrize("command", sorted(READERS))
def test_reading_commands_work_in_a_read_only_folder(
    command: str, tmp_path: Path, data_dir: Path
) -> None:
    seed_log()
    before = kept(tmp_path)
    with immutable(data_dir):
        result = run_process(*READERS[command])
    assert result.exit_code == 0, result.stderr
    assert kept(tmp_path) == before


def test_writing_in_a_read_only_folder_says_why(tmp_path: Path, data_dir: Path) -> None:
    seed_log()
    before = kept(tmp_path)
    with immutable(data_dir):
        result = run_process("done", "daily-engagement")
    refused(result, 1, "Cannot write the log", "writable")
    assert kept(tmp_path) == before


def test_a_full_disk_says_so_and_keeps_the_log(tmp_path: Path) -> None:
    error = translate(sqlite3.OperationalError("database or disk is full"), tmp_path / "log")
    assert isinstance(error, LogError)
    assert "is full" in error.message and "nothing was written" in error.message
    assert error.hint is not None and "Move it aside" not in error.hint
    assert "sound" in error.hint


def test_a_new_log_still_opens_and_an_empty_database_is_ours(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    sqlite3.connect(data_dir / "log.sqlite3").close()  # 0 bytes
    track_from()
    assert run("done", "monitor-accounts", "--on", "2026-11-02").exit_code == 0
    with SqliteStore.open(data_dir / "log.sqlite3") as log:
        assert log.count() == 1


def test_a_new_log_killed_before_its_checkpoint_is_still_csms(data_dir: Path) -> None:
    # Its header (with csm's mark) is only in the WAL; the file itself looks
    # like an empty database. Either way it is recognised as csm's own.
    code = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from csm_checklist.store.sqlite import SqliteStore\n"
        "SqliteStore.open(Path(sys.argv[1]))\n"
        "os.kill(os.getpid(), 9)\n"
    )
    log = data_dir / "log.sqlite3"
    killed = subprocess.run([sys.executable, "-c", code, str(log)], env=csm_env())
    assert killed.returncode == -signal.SIGKILL
    assert log.with_name("log.sqlite3-wal").stat().st_size > 0
    track_from()
    assert run("done", "monitor-accounts", "--on", "2026-11-02").exit_code == 0
    with SqliteStore.open(log) as opened:
        assert opened.count() == 1


def test_the_quick_check_is_skipped_only_for_a_log_as_csm_left_it(
    tmp_path: Path, data_dir: Path
) -> None:
    from csm_checklist.duties.config import resolve_paths
    from csm_checklist.store.sqlite_files import known_sound

    marker = resolve_paths().log_checked
    log = data_dir / "log.sqlite3"
    seed_log()
    assert known_sound(marker, log)  # noted after the checked write
    with sqlite3.connect(log) as other:  # another program writes the log
        other.execute("UPDATE events SET note = 'changed' WHERE note = 'calm'")
    other.close()
    assert not known_sound(marker, log)
    assert run("done", "daily-engagement", "--on", "2026-11-02").exit_code == 0
    assert known_sound(marker, log)


def test_two_logs_sharing_a_cache_folder_keep_their_own_notes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A manager with two data folders (or the benchmark's two logs) must not
    # make every write check the whole log because the other log wrote last.
    from csm_checklist.store import sqlite as log_module

    from clihelp import run

    first, second = tmp_path / "first", tmp_path / "second"
    for data in (first, second):
        monkeypatch.setenv("CSM_DATA_DIR", str(data))
        assert run("done", "monitor-accounts").exit_code == 0

    def checked(*_: object) -> None:
        raise AssertionError("quick check ran although the log was as csm left it")

    monkeypatch.setattr(log_module, "check_sound", checked)
    monkeypatch.setenv("CSM_DATA_DIR", str(first))
    assert run("done", "daily-engagement").exit_code == 0
