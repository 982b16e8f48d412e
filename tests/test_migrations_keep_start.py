"""A log left by an older csm keeps its tracking start, its events and its
report's figures when the current csm opens it.

Each old log is built by hand, table by table, as that schema version left
it (not by running the migrations, so an edit of a released migration shows
here), with `PRAGMA user_version` set to that version.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from csm_checklist.store.sqlite import SqliteStore
from csm_checklist.store.sqlite_migrations import APPLICATION_ID, SCHEMA_VERSION, migrate

from clihelp import run_on, without_chain

EVENTS_TABLE = """
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
)"""

# What each migration added, as it was released: SCHEMA[n] is the DDL of
# version n on top of version n - 1.
SCHEMA: dict[int, list[str]] = {
    1: [EVENTS_TABLE, "CREATE INDEX events_item_period ON events (item_id, period_start)"],
    2: [
        "CREATE INDEX events_period_end ON events (period_end, period_start)",
        "CREATE INDEX events_for_date ON events (for_date)",
        "CREATE INDEX events_logged_at_utc ON events (logged_at_utc)",
    ],
    3: [
        "CREATE TABLE tracking_starts (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, "
        "start TEXT NOT NULL, recorded_at TEXT NOT NULL, recorded_at_utc TEXT NOT NULL)",
        "CREATE TABLE revisions (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, "
        "effective TEXT NOT NULL, recorded_at TEXT NOT NULL, recorded_at_utc TEXT NOT NULL, "
        "rules TEXT NOT NULL)",
    ],
    4: [
        "CREATE TABLE note_changes (id INTEGER PRIMARY KEY, event_uuid TEXT NOT NULL, "
        "old_note TEXT NOT NULL, new_note TEXT NOT NULL, changed_at TEXT NOT NULL, "
        "changed_at_utc TEXT NOT NULL, changed_by TEXT NOT NULL, host TEXT NOT NULL DEFAULT '')",
        "CREATE INDEX note_changes_event ON note_changes (event_uuid, changed_at_utc)",
    ],
    5: [
        "CREATE TABLE runs (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, "
        "run_id TEXT NOT NULL UNIQUE, playbook TEXT NOT NULL, title TEXT NOT NULL, "
        "name TEXT NOT NULL DEFAULT '', started_at TEXT NOT NULL, "
        "started_at_utc TEXT NOT NULL, steps TEXT NOT NULL, started_by TEXT NOT NULL, "
        "host TEXT NOT NULL DEFAULT '', closed_at TEXT, closed_at_utc TEXT, "
        "close_note TEXT NOT NULL DEFAULT '', forced INTEGER NOT NULL DEFAULT 0)",
        "CREATE INDEX runs_open ON runs (started_at_utc) WHERE closed_at IS NULL",
        "CREATE INDEX runs_started ON runs (started_at_utc)",
        "CREATE TABLE step_events (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, "
        "run_id TEXT NOT NULL, step_id TEXT NOT NULL, "
        "kind TEXT NOT NULL CHECK (kind IN ('done', 'skip')), logged_at TEXT NOT NULL, "
        "logged_at_utc TEXT NOT NULL, logged_by TEXT NOT NULL, "
        "note TEXT NOT NULL DEFAULT '', host TEXT NOT NULL DEFAULT '', undone_at TEXT)",
        "CREATE INDEX step_events_run ON step_events (run_id, step_id)",
    ],
    6: [
        "CREATE TABLE measures (id INTEGER PRIMARY KEY, event_uuid TEXT NOT NULL, "
        "measure_id TEXT NOT NULL, value REAL NOT NULL, unit TEXT NOT NULL DEFAULT '', "
        "UNIQUE (event_uuid, measure_id))",
    ],
}

OLD_VERSIONS = sorted(SCHEMA)

# (uuid, item, title, cadence, kind, period_start, period_end, for_date,
#  logged_at, logged_at_utc, by, note, host, undone_at)
EVENTS = [
    # Undone, and for a day before every active one: not where tracking began.
    (
        "6f1c9d43-0000-4000-8000-000000000001",
        "monitor-accounts",
        "Monitor the accounts",
        "daily",
        "done",
        "2026-11-10",
        "2026-11-10",
        "2026-11-10",
        "2026-11-10T09:00:00+03:00",
        "2026-11-10T06:00:00.000000Z",
        "Mona",
        "by mistake",
        "desk",
        "2026-11-10T09:05:00+03:00",
    ),
    (
        "6f1c9d43-0000-4000-8000-000000000002",
        "monitor-accounts",
        "Monitor the accounts",
        "daily",
        "done",
        "2026-11-16",
        "2026-11-16",
        "2026-11-16",
        "2026-11-16T10:00:00+03:00",
        "2026-11-16T07:00:00.000000Z",
        "Mona",
        "2 escalations",
        "desk",
        None,
    ),
    (
        "6f1c9d43-0000-4000-8000-000000000003",
        "team-meeting",
        "Team meeting",
        "weekly",
        "skip",
        "2026-11-16",
        "2026-11-22",
        "2026-11-17",
        "2026-11-17T11:00:00+03:00",
        "2026-11-17T08:00:00.000000Z",
        "Mona",
        "public holiday",
        "desk",
        None,
    ),
    # Logged the next morning for the day before: late.
    (
        "6f1c9d43-0000-4000-8000-000000000004",
        "daily-engagement",
        "اجتماعات العملاء",
        "daily",
        "done",
        "2026-11-18",
        "2026-11-18",
        "2026-11-18",
        "2026-11-19T08:30:00+03:00",
        "2026-11-19T05:30:00.000000Z",
        "Omar",
        "",
        "laptop",
        None,
    ),
    (
        "6f1c9d43-0000-4000-8000-000000000005",
        "campaign-prep",
        "Prepare the campaign",
        "monthly",
        "done",
        "2026-11-01",
        "2026-11-30",
        "2026-11-18",
        "2026-11-18T16:00:00+03:00",
        "2026-11-18T13:00:00.000000Z",
        "Mona",
        "Q1 plan",
        "desk",
        None,
    ),
]

# The start recorded in logs that record one (version 3 on): before the first
# event, so it can be told apart from a start worked out from the events.
RECORDED_START = date(2026, 11, 2)
# A log from before tracking starts were recorded began on the first day an
# active event was logged for.
FIRST_ACTIVE_DAY = date(2026, 11, 16)


def _build(path: Path, version: int) -> None:
    """The log as csm at schema `version` left it (SCHEMA_VERSION: as today's does)."""
    db = sqlite3.connect(path, isolation_level=None)
    if version == SCHEMA_VERSION:
        migrate(db)
    else:
        for number in range(1, version + 1):
            for statement in SCHEMA[number]:
                db.execute(statement)
        db.execute(f"PRAGMA user_version = {version}")
        # Every csm, from the first, marked its log as one.
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.executemany(
        "INSERT INTO events (uuid, item_id, title, cadence, kind, period_start, period_end, "
        f"for_date, logged_at, logged_at_utc, {_done_by(db)}, note, host, undone_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        EVENTS,
    )
    if version >= 3:
        db.execute(
            "INSERT INTO tracking_starts (uuid, start, recorded_at, recorded_at_utc) "
            "VALUES ('7a1c9d43-0000-4000-8000-000000000001', ?, "
            "'2026-11-02T08:00:00+03:00', '2026-11-02T05:00:00.000000Z')",
            (RECORDED_START.isoformat(),),
        )
    db.close()


def _expected_start(version: int) -> date:
    return RECORDED_START if version >= 3 else FIRST_ACTIVE_DAY


def _done_by(db: sqlite3.Connection) -> str:
    """The column of who did it: named logged_by until keep_logged_by (7)."""
    columns = [row[1] for row in db.execute("PRAGMA table_info(events)")]
    return "done_by" if "done_by" in columns else "logged_by"


def _event_rows(path: Path) -> list[tuple[object, ...]]:
    db = sqlite3.connect(path)
    try:
        return db.execute(
            "SELECT uuid, item_id, title, cadence, kind, period_start, period_end, for_date, "
            f"logged_at, logged_at_utc, {_done_by(db)}, note, host, undone_at FROM events "
            "ORDER BY id"
        ).fetchall()
    finally:
        db.close()


def _report(day: str = "2026-11-30") -> dict[str, object]:
    result = run_on(day, "report", "--period", "month", "--on", "2026-11-20", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    report = json.loads(result.stdout)
    assert isinstance(report, dict)
    # The figures, not the chain's head: the two logs hold different links.
    return without_chain(report)  # type: ignore[no-any-return]


def _reference_report(tmp_path: Path, version: int, data_dir: Path) -> dict[str, object]:
    """The same month on a log written by today's csm with the same events and start."""
    log = data_dir / "log.sqlite3"
    data_dir.mkdir(parents=True, exist_ok=True)
    _build(log, SCHEMA_VERSION)
    if version < 3:
        db = sqlite3.connect(log, isolation_level=None)
        db.execute("UPDATE tracking_starts SET start = ?", (FIRST_ACTIVE_DAY.isoformat(),))
        db.close()
    report = _report()
    saved = tmp_path / f"reference-{version}.sqlite3"
    log.rename(saved)
    return report


@pytest.mark.parametrize("version", OLD_VERSIONS)
def test_the_old_schema_is_as_released(tmp_path: Path, version: int) -> None:
    # The hand-built tables are the migrations' own, version for version.
    by_hand, migrated = tmp_path / "hand.sqlite3", tmp_path / "migrated.sqlite3"
    _build(by_hand, version)
    db = sqlite3.connect(migrated, isolation_level=None)
    migrate(db, target=version)
    db.close()

    def shape(path: Path) -> list[tuple[str, str]]:
        db = sqlite3.connect(path)
        try:
            rows = db.execute(
                "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
                "ORDER BY type, name"
            ).fetchall()
            columns = [
                (table, str(db.execute(f"PRAGMA table_info({table})").fetchall()))
                for kind, table in rows
                if kind == "table"
            ]
            return [*rows, *columns]
        finally:
            db.close()

    assert shape(by_hand) == shape(migrated)


@pytest.mark.parametrize("version", OLD_VERSIONS)
def test_an_old_log_keeps_its_start_and_events_in_the_store(tmp_path: Path, version: int) -> None:
    path = tmp_path / "log.sqlite3"
    _build(path, version)
    before = _event_rows(path)

    with SqliteStore.open(path) as log:
        starts = log.starts()
        assert [record.start for record in starts][-1] == _expected_start(version)
        assert len(starts) == 1
        # By the moment logged, as ever.
        events = list(log.events(newest_first=False))
        by_moment = sorted(EVENTS, key=lambda row: str(row[9]))
        assert [event.uuid for event in events] == [row[0] for row in by_moment]
        for event, row in zip(events, by_moment, strict=True):
            assert (event.item_id, event.title, event.cadence, event.kind) == row[1:5]
            assert event.period_start.isoformat() == row[5]
            assert event.period_end.isoformat() == row[6]
            assert event.for_date.isoformat() == row[7]
            assert event.logged_at.isoformat() == row[8]
            assert (event.by, event.note, event.host) == row[10:13]
            # Nobody recorded who logged it: whoever did it.
            assert event.logged_by == event.by
            assert event.active is (row[13] is None)

    # Not one byte of an event changed on the way.
    assert _event_rows(path) == before
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    db.close()


@pytest.mark.parametrize("version", OLD_VERSIONS)
def test_an_old_log_reports_what_a_new_one_does(
    tmp_path: Path, data_dir: Path, version: int
) -> None:
    reference = _reference_report(tmp_path, version, data_dir)

    _build(data_dir / "log.sqlite3", version)
    migrated = _report()
    assert migrated == reference
    # And again, now that the log is at the latest version.
    assert _report() == reference

    # Counted by hand: three done (one of them logged the next morning, so
    # late), one skipped, the undone one not at all.
    total = migrated["total"]
    assert isinstance(total, dict)
    assert (total["done"], total["late"], total["skipped"]) == (3, 1, 1)

    history = run_on("2026-11-30", "history", "--json")
    assert history.exit_code == 0, history.stderr
    assert json.loads(history.stdout)["tracking_start"] == _expected_start(version).isoformat()
