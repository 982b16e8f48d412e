"""A log csm cannot use is reported, naming the file, and never written to."""

from __future__ import annotations

import os
import sqlite3
import uuid
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from csm_checklist.errors import LogError
from csm_checklist.store.records import Event
from csm_checklist.store.sqlite import SqliteStore
from csm_checklist.store.sqlite_migrations import APPLICATION_ID, SCHEMA_VERSION


def make_event(item_id: str, note: str) -> Event:
    return Event(
        uuid=str(uuid.uuid4()),
        item_id=item_id,
        title=item_id,
        cadence="daily",
        kind="done",
        period_start=date(2026, 11, 23),
        period_end=date(2026, 11, 23),
        for_date=date(2026, 11, 23),
        logged_at=datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc),
        by="Mona",
        note=note,
        host="desk",
    )


def _open_fails(path: Path) -> str:
    before = path.read_bytes() if path.is_file() else None
    with pytest.raises(LogError) as caught:
        SqliteStore.open(path)
    assert caught.value.exit_code == 1
    if before is not None:
        assert path.read_bytes() == before
    return caught.value.message


def test_a_text_file(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    path.write_text("uuid,item_id\nnot a database\n")
    assert _open_fails(path) == f"The log {path} is not a csm log: file is not a database."


def test_a_short_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    path.write_bytes(b"\x00\x01")
    assert "file is not a database" in _open_fails(path)


def _healthy_log(path: Path, events: int = 0) -> None:
    """A csm log with `events` events, everything checkpointed into the file."""
    with SqliteStore.open(path) as log:
        log.merge(make_event(f"item-{i}", note="x" * 200) for i in range(events))
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


def test_a_corrupt_header(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    _healthy_log(path)
    data = bytearray(path.read_bytes())
    data[16:24] = b"\xff" * 8  # page size and format bytes: nonsense
    path.write_bytes(bytes(data))
    message = _open_fails(path)
    assert str(path) in message
    assert "corrupt" in message or "not a database" in message


def test_a_corrupt_schema_page(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    _healthy_log(path)
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xa5" * (4096 - 100)  # the page that holds the schema
    path.write_bytes(bytes(data))
    message = _open_fails(path)
    assert message.startswith(f"The log {path} is corrupt: ")


def test_a_corrupt_data_page_is_reported_when_read(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    _healthy_log(path, events=300)
    data = bytearray(path.read_bytes())
    data[3 * 4096 :] = b"\xa5" * (len(data) - 3 * 4096)  # all but the schema and first pages
    path.write_bytes(bytes(data))
    with pytest.raises(LogError) as caught, SqliteStore.open(path) as log:
        list(log.events())
    assert caught.value.message.startswith(f"The log {path} is corrupt: ")


def test_another_programs_database(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE contacts (name TEXT)")
    db.commit()
    db.close()
    assert _open_fails(path) == (f"The log {path} is an SQLite database but not a csm log.")


def test_a_database_with_a_foreign_application_id(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    db = sqlite3.connect(path)
    db.execute("PRAGMA application_id = 1234")
    db.commit()
    db.close()
    assert "not a csm log" in _open_fails(path)


def test_a_log_from_a_newer_csm(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    with SqliteStore.open(path):
        pass
    db = sqlite3.connect(path, isolation_level=None)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    assert _open_fails(path) == (
        f"The log {path} was written by a newer csm (schema version {SCHEMA_VERSION + 1}; "
        f"this csm knows up to {SCHEMA_VERSION}); upgrade csm."
    )
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    db.close()


def test_a_data_folder_under_a_file(tmp_path: Path) -> None:
    blocker = tmp_path / "plain-file"
    blocker.write_text("I am a file")
    path = blocker / "data" / "log.sqlite3"
    message = _open_fails(path)
    assert message.startswith(f"Cannot create the data folder {blocker / 'data'}: ")
    assert blocker.read_text() == "I am a file"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes anywhere")
def test_a_read_only_data_folder(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        message = _open_fails(folder / "log.sqlite3")
        assert str(folder / "log.sqlite3") in message
    finally:
        folder.chmod(0o700)


def test_the_log_path_is_a_folder(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    path.mkdir()
    assert _open_fails(path) == f"The log {path} is a folder, not a file."
