"""The SQLite log's migrations, for what the migration tests leave open:
registering a migration is what puts it in the list `migrate` applies."""

from __future__ import annotations

import sqlite3

import pytest

from csm_checklist.store import sqlite_migrations
from csm_checklist.store.sqlite_migrations import migrate, migration


def test_a_migration_is_registered_under_its_own_name_and_returned(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    registry: list[tuple[str, sqlite_migrations.Migration]] = []
    monkeypatch.setattr(sqlite_migrations, "MIGRATIONS", registry)

    def add_table(db: sqlite3.Connection) -> None:
        db.execute("CREATE TABLE added (id INTEGER)")

    assert migration(add_table) is add_table
    assert registry == [("add_table", add_table)]
    db = sqlite3.connect(":memory:", isolation_level=None)
    assert migrate(db, target=1) == 1
    assert db.execute("SELECT name FROM sqlite_master").fetchall() == [("added",)]
    assert db.execute("PRAGMA user_version").fetchone() == (1,)
