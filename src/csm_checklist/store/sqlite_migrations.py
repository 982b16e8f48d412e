"""The SQLite store's schema, moved forward by named migrations.

Migrations run in the order they are registered; `PRAGMA user_version` is
how many have been applied, and `PRAGMA application_id` marks a csm log.
Add new ones at the end, never edit or drop a released one, and never drop
data. Another engine keeps a list of its own, recorded by name the same way.
"""

import sqlite3
from collections.abc import Callable

from csm_checklist.store.records import new_uuid

# "CSMl" in ASCII: what `PRAGMA application_id` holds in every csm log.
APPLICATION_ID = 0x43534D6C

Migration = Callable[[sqlite3.Connection], None]
MIGRATIONS: list[tuple[str, Migration]] = []


def migration(function: Migration) -> Migration:
    """Register `function` as the next schema migration, under its own name.

    Migrations run in the order they are registered; `PRAGMA user_version` is
    how many have been applied. Add new ones at the end, and never drop data.
    """
    MIGRATIONS.append((function.__name__, function))
    return function


@migration
def create_events_table(db: sqlite3.Connection) -> None:
    db.execute(
        """
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            item_id TEXT NOT NULL,
            title TEXT NOT NULL,
            cadence TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('done', 'skip')),
            period_start TEXT NOT NULL,
            period_end TEXT NOT NULL,
            for_date TEXT NOT NULL,
            logged_at TEXT NOT NULL,
            logged_at_utc TEXT NOT NULL,
            logged_by TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            host TEXT NOT NULL DEFAULT '',
            undone_at TEXT
        )
        """
    )
    # Looking up "is this item already done in this period" is what every
    # `csm done` and every agenda does.
    db.execute("CREATE INDEX events_item_period ON events (item_id, period_start)")


@migration
def index_dates(db: sqlite3.Connection) -> None:
    # Reports ask for events whose period overlaps a window: period_end >= first
    # narrows the search to recent periods; period_start <= last is checked in
    # the same index entry, without reading the row.
    db.execute("CREATE INDEX events_period_end ON events (period_end, period_start)")
    db.execute("CREATE INDEX events_for_date ON events (for_date)")
    db.execute("CREATE INDEX events_logged_at_utc ON events (logged_at_utc)")


@migration
def create_history_tables(db: sqlite3.Connection) -> None:
    # The tracking start and the revisions of the rules are history too:
    # append-only, like events. The start in force is the latest recorded.
    db.execute(
        """
        CREATE TABLE tracking_starts (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            start TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            recorded_at_utc TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE revisions (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            effective TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            recorded_at_utc TEXT NOT NULL,
            rules TEXT NOT NULL
        )
        """
    )
    # A log kept before tracking starts were recorded began, as far as anyone
    # can tell, on the first day an active event was logged for.
    first = db.execute("SELECT min(for_date) FROM events WHERE undone_at IS NULL").fetchone()[0]
    if first is not None:
        logged, logged_utc = db.execute(
            "SELECT logged_at, logged_at_utc FROM events WHERE undone_at IS NULL "
            "ORDER BY logged_at_utc, id LIMIT 1"
        ).fetchone()
        db.execute(
            "INSERT INTO tracking_starts (uuid, start, recorded_at, recorded_at_utc) "
            "VALUES (?, ?, ?, ?)",
            (new_uuid(), first, logged, logged_utc),
        )


@migration
def create_note_changes(db: sqlite3.Connection) -> None:
    # A corrected note replaces the event's note (so every reader, export and
    # report sees the current one) and the change is kept here, never deleted:
    # the audit trail of what a note said before.
    db.execute(
        """
        CREATE TABLE note_changes (
            id INTEGER PRIMARY KEY,
            event_uuid TEXT NOT NULL,
            old_note TEXT NOT NULL,
            new_note TEXT NOT NULL,
            changed_at TEXT NOT NULL,
            changed_at_utc TEXT NOT NULL,
            changed_by TEXT NOT NULL,
            host TEXT NOT NULL DEFAULT ''
        )
        """
    )
    db.execute("CREATE INDEX note_changes_event ON note_changes (event_uuid, changed_at_utc)")


@migration
def create_runs_tables(db: sqlite3.Connection) -> None:
    # A playbook run keeps its own copy of the steps as they were when it was
    # started (titles and deadlines), so a later edit of the playbook never
    # changes what a past run asked for or when a step was late.
    db.execute(
        """
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            run_id TEXT NOT NULL UNIQUE,
            playbook TEXT NOT NULL,
            title TEXT NOT NULL,
            name TEXT NOT NULL DEFAULT '',
            started_at TEXT NOT NULL,
            started_at_utc TEXT NOT NULL,
            steps TEXT NOT NULL,
            started_by TEXT NOT NULL,
            host TEXT NOT NULL DEFAULT '',
            closed_at TEXT,
            closed_at_utc TEXT,
            close_note TEXT NOT NULL DEFAULT '',
            forced INTEGER NOT NULL DEFAULT 0
        )
        """
    )
    # `csm today` asks "is any run open?" every morning: a partial index makes
    # that one lookup cost nothing when every run is closed.
    db.execute("CREATE INDEX runs_open ON runs (started_at_utc) WHERE closed_at IS NULL")
    db.execute("CREATE INDEX runs_started ON runs (started_at_utc)")
    db.execute(
        """
        CREATE TABLE step_events (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            run_id TEXT NOT NULL,
            step_id TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('done', 'skip')),
            logged_at TEXT NOT NULL,
            logged_at_utc TEXT NOT NULL,
            logged_by TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            host TEXT NOT NULL DEFAULT '',
            undone_at TEXT
        )
        """
    )
    db.execute("CREATE INDEX step_events_run ON step_events (run_id, step_id)")


@migration
def create_measures_table(db: sqlite3.Connection) -> None:
    # The numbers a manager records with a done (`--measure csat=4.6`), kept
    # beside the event they were recorded with and counted only while it is.
    db.execute(
        """
        CREATE TABLE measures (
            id INTEGER PRIMARY KEY,
            event_uuid TEXT NOT NULL,
            measure_id TEXT NOT NULL,
            value REAL NOT NULL,
            unit TEXT NOT NULL DEFAULT '',
            UNIQUE (event_uuid, measure_id)
        )
        """
    )


@migration
def create_assignments_table(db: sqlite3.Connection) -> None:
    # `csm assign`: who owns an item from a date on. Append-only like the
    # rest of the history; the change in force on a day is the latest
    # effective on or before it (the latest recorded, on one day).
    db.execute(
        """
        CREATE TABLE assignments (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            item_id TEXT NOT NULL,
            effective TEXT NOT NULL,
            people TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            recorded_at_utc TEXT NOT NULL,
            recorded_by TEXT NOT NULL
        )
        """
    )


@migration
def keep_logged_by(db: sqlite3.Connection) -> None:
    # The column named logged_by always held who did the work (`--by`, else
    # the `user` setting): it is renamed done_by, as on the team's record, and
    # logged_by now holds who wrote the entry. Nobody recorded that for the
    # entries already here: they keep NULL, which reads as logged by whoever
    # did them (`sqlite_events.EVENT_COLUMNS`). On a personal log that is the
    # person who kept it unless they used --by; and it is a fact of the entry
    # alone, so two copies of one log (or an export taken before this and
    # imported after) agree on it, where the computer's login at the moment
    # of the upgrade would differ between machines. Adding a column with no
    # default rewrites nothing: a ten-year log upgrades at once.
    db.execute("ALTER TABLE events RENAME COLUMN logged_by TO done_by")
    db.execute("ALTER TABLE events ADD COLUMN logged_by TEXT")


@migration
def create_chain(db: sqlite3.Connection) -> None:
    # Tamper evidence: every entry, undo and note correction is a link of a
    # hash chain (store/chain.py); a log kept before it gets its chain here,
    # built in log order.
    from csm_checklist.store import sqlite_chain

    sqlite_chain.create(db)


SCHEMA_VERSION = len(MIGRATIONS)


def migrate(db: sqlite3.Connection, target: int | None = None) -> int:
    """Apply the migrations the database lacks, up to `target` (default: all).

    Runs in one `BEGIN IMMEDIATE` transaction and reads the version inside it,
    so two commands opening a new log at once apply each migration once.
    Returns the version the database is at afterwards.
    """
    goal = SCHEMA_VERSION if target is None else target
    db.execute("BEGIN IMMEDIATE")
    try:
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
        for number in range(version + 1, goal + 1):
            _name, function = MIGRATIONS[number - 1]
            function(db)
            db.execute(f"PRAGMA user_version = {number}")
            version = number
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise
    return version
