"""Schema migrations: named, in order, forward only, never losing an event."""

from __future__ import annotations

import inspect
import sqlite3
from pathlib import Path

import pytest

from csm_checklist.store import sqlite_migrations as logmodule
from csm_checklist.store.sqlite import SqliteStore
from csm_checklist.store.sqlite_migrations import (
    APPLICATION_ID,
    MIGRATIONS,
    SCHEMA_VERSION,
    migrate,
)


def _indexes(db: sqlite3.Connection) -> set[str]:
    rows = db.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
    return {row[0] for row in rows}


def test_migrations_are_named_functions_in_order() -> None:
    names = [name for name, _ in MIGRATIONS]
    assert names == [
        "create_events_table",
        "index_dates",
        "create_history_tables",
        "create_note_changes",
        "create_runs_tables",
        "create_measures_table",
        "create_assignments_table",
        "keep_logged_by",
        "create_chain",
    ]
    assert len(set(names)) == len(names)
    assert len(MIGRATIONS) == SCHEMA_VERSION
    for name, function in MIGRATIONS:
        assert callable(function) and function.__name__ == name


def test_no_migration_drops_anything() -> None:
    for _name, function in MIGRATIONS:
        source = inspect.getsource(function).upper()
        assert "DROP " not in source and "DELETE " not in source


def test_blank_database_migrates_to_the_latest() -> None:
    db = sqlite3.connect(":memory:", isolation_level=None)
    assert migrate(db) == SCHEMA_VERSION
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert _indexes(db) == {
        "events_item_period",
        "events_period_end",
        "events_for_date",
        "events_logged_at_utc",
        "note_changes_event",
        "runs_open",
        "runs_started",
        "step_events_run",
        "chain_event",
        "chain_note",
    }
    # Running again changes nothing.
    assert migrate(db) == SCHEMA_VERSION


def test_version_1_log_is_migrated_with_its_events(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    db = sqlite3.connect(path, isolation_level=None)
    assert migrate(db, target=1) == 1
    assert _indexes(db) == {"events_item_period"}
    db.execute(
        "INSERT INTO events (uuid, item_id, title, cadence, kind, period_start, period_end, "
        "for_date, logged_at, logged_at_utc, logged_by, note, host) VALUES "
        "('6f1c9d43-0000-4000-8000-000000000001', 'team-meeting', 'اجتماعات الفريق', "
        "'weekly', 'done', '2026-11-23', '2026-11-29', '2026-11-24', "
        "'2026-11-24T09:00:00+03:00', '2026-11-24T06:00:00.000000Z', 'Mona', 'ok', 'desk')"
    )
    db.close()

    with SqliteStore.open(path) as log:
        (event,) = log.events()
        assert event.title == "اجتماعات الفريق"
        assert event.note == "ok"
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert "events_period_end" in _indexes(db)
    db.close()


def test_a_failing_migration_leaves_the_log_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "log.sqlite3"
    db = sqlite3.connect(path, isolation_level=None)
    migrate(db, target=1)

    def broken(db: sqlite3.Connection) -> None:
        db.execute("CREATE INDEX half_done ON events (note)")
        raise RuntimeError("power cut")

    monkeypatch.setattr(logmodule, "MIGRATIONS", [MIGRATIONS[0], ("broken", broken)])
    monkeypatch.setattr(logmodule, "SCHEMA_VERSION", 2)
    with pytest.raises(RuntimeError):
        migrate(db)
    assert db.execute("PRAGMA user_version").fetchone()[0] == 1
    assert "half_done" not in _indexes(db)
    db.close()
