"""A log row edited by hand into something csm cannot read is reported with
its table and id (exit 1), never as a traceback, and never changed."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

import pytest
import time_machine

from clihelp import run, track_from
from faults import Files

RUN = "crisis-2027-03-02"


@contextmanager
def at(moment: str) -> Iterator[None]:
    when = datetime.fromisoformat(moment).replace(tzinfo=timezone.utc)
    with time_machine.travel(when, tick=False):
        yield


@pytest.fixture(autouse=True)
def log(config_dir: Path) -> Iterator[None]:
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "config.yaml").write_text("user: Mona\n", encoding="utf-8")
    with at("2027-03-31T17:00"):
        track_from("2027-01-01")
        assert run("done", "monitor-accounts", "--on", "2027-03-01").exit_code == 0
        assert run("done", "monthly-report", "-m", "complaints=3").exit_code == 0
        with at("2027-03-02T09:00"):
            assert run("run", "start", "crisis").exit_code == 0
            assert run("done", f"{RUN}/assess").exit_code == 0
        yield


EDITS = {
    "a for_date that is not a date": (
        "UPDATE events SET for_date = 'xyz' WHERE item_id = 'monitor-accounts'",
        "events",
    ),
    "a garbage logged_at": (
        "UPDATE events SET logged_at = 'garbage' WHERE item_id = 'monitor-accounts'",
        "events",
    ),
    "a logged_at without its offset": (
        "UPDATE events SET logged_at = '2027-03-01T10:00:00' WHERE item_id = 'monitor-accounts'",
        "events",
    ),
    "a revision that is not JSON": ("UPDATE revisions SET rules = 'not json'", "revisions"),
    "a tracking start 'x'": ("UPDATE tracking_starts SET start = 'x'", "tracking_starts"),
    "run steps that are not JSON": ("UPDATE runs SET steps = 'nope'", "runs"),
    "a step logged at 'x'": ("UPDATE step_events SET logged_at = 'x'", "step_events"),
    "a measure value that is text": ("UPDATE measures SET value = 'abc'", "measures"),
}
COMMANDS = [
    ["log"],
    ["report"],
    ["report", "--period", "month", "--format", "json"],
    ["history"],
    ["today"],
    ["run", "list"],
    ["run", "show", RUN],
    ["measures"],
    ["done", "team-supervision"],
    ["export", "--format", "json"],
]


@pytest.mark.parametrize("edit", list(EDITS))
def test_a_row_csm_cannot_read_is_named_never_a_traceback(edit: str, tmp_path: Path) -> None:
    statement, table = EDITS[edit]
    path = tmp_path / "data" / "log.sqlite3"
    db = sqlite3.connect(path)
    db.execute(statement)
    db.commit()
    db.close()
    named = 0
    for args in COMMANDS:
        before = Files.of(tmp_path / "data", tmp_path / "config")
        with at("2027-03-31T17:00"):
            result = run(*args)  # raises on any unexpected exception
        assert "Unexpected error" not in result.stderr, (args, result.stderr)
        assert result.exit_code in (0, 1), (args, result.exit_code, result.stderr)
        if result.exit_code == 1:
            named += 1
            assert result.stderr.startswith(
                f"Error: The log has a row csm cannot read: table {table}, id "
            ), (args, result.stderr)
            assert Files.of(tmp_path / "data", tmp_path / "config") == before
    assert named  # at least one command reads that table


def test_a_planted_log_checked_note_never_skips_the_check(tmp_path: Path) -> None:
    from csm_checklist.duties.config import resolve_paths
    from csm_checklist.store.sqlite_files import _stamp, known_sound

    paths = resolve_paths()
    log_file = paths.log_file
    assert known_sound(paths.log_checked, log_file)  # csm's own note, sealed
    paths.log_checked.write_text(_stamp(log_file), encoding="utf-8")  # the old, bare form
    assert not known_sound(paths.log_checked, log_file)


def test_a_page_corrupted_behind_csms_back_is_caught_even_with_size_and_time_kept(
    tmp_path: Path,
) -> None:
    import os

    from csm_checklist.duties.config import resolve_paths
    from csm_checklist.store.sqlite_files import known_sound

    paths = resolve_paths()
    log_file = paths.log_file
    assert known_sound(paths.log_checked, log_file)
    info = log_file.stat()
    with log_file.open("r+b") as raw:  # one page of another program's garbage
        raw.seek(2 * 4096)
        raw.write(b"\xa5" * 4096)
    os.utime(log_file, ns=(info.st_atime_ns, info.st_mtime_ns))  # size and time as they were
    assert log_file.stat().st_size == info.st_size
    assert not known_sound(paths.log_checked, log_file)  # the change time moved
    before = Files.of(tmp_path / "data")
    with at("2027-03-31T17:00"):
        result = run("done", "team-supervision")
    assert result.exit_code == 1, result.stderr
    assert "Unexpected error" not in result.stderr
    assert Files.of(tmp_path / "data") == before


def test_a_wal_removed_by_another_csm_between_looking_and_reading_is_no_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from csm_checklist.store import sqlite_files as store

    log_file = tmp_path / "data" / "log.sqlite3"
    wal = log_file.with_name("log.sqlite3-wal")
    wal.write_bytes(b"\x37\x7f\x06\x82" + b"\0" * 60)  # a WAL header, as SQLite starts one
    real_open = os.open

    def vanishing(name: object, flags: int, *args: object) -> int:
        if str(name) == str(wal):  # another csm closes the log just now
            wal.unlink(missing_ok=True)
        return real_open(name, flags, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(store.os, "open", vanishing)
    assert store._wal_page_one(log_file) is None
    store.check_file(log_file)  # the log is still known for what it is
