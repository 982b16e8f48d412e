"""The SQLite store's hash chain (see `store/chain.py`): the `chain` table,
one row per link, written inside the write transaction that makes the change
(`BEGIN IMMEDIATE` serialises them), built once for an older log, and walked
by `csm verify`. Loaded by writes and `csm verify` only."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from csm_checklist.store import chain_walk
from csm_checklist.store.chain import GENESIS, Appender, Verdict, entry_text, note_text, undo_text
from csm_checklist.store.records import (
    ROW_ERRORS,
    Event,
    NoteChange,
    aware,
    bad_row,
    event_row,
    utc_key,
)
from csm_checklist.store.sqlite_events import EVENT_COLUMNS

CREATE = """
CREATE TABLE chain (
    seq INTEGER PRIMARY KEY,
    link TEXT NOT NULL,
    event_uuid TEXT NOT NULL,
    note_id INTEGER,
    hash TEXT NOT NULL
)
"""
INDEXES = (
    "CREATE INDEX chain_event ON chain (event_uuid, link)",
    "CREATE INDEX chain_note ON chain (note_id) WHERE note_id IS NOT NULL",
)


def head(db: sqlite3.Connection) -> tuple[int, str]:
    """(count, head) of the chain: (0, GENESIS) when it has no link."""
    row = db.execute("SELECT seq, hash FROM chain ORDER BY seq DESC LIMIT 1").fetchone()
    return (0, GENESIS) if row is None else (int(row[0]), str(row[1]))


class Links:
    """The chain of one write transaction: reads the head once, appends."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        self._chain = Appender(*head(db))

    def put(self, link: str, uuid: str, note_id: int | None, text: str) -> None:
        seq, hash_ = self._chain.add(text)
        self._db.execute(
            "INSERT INTO chain (seq, link, event_uuid, note_id, hash) VALUES (?, ?, ?, ?, ?)",
            (seq, link, uuid, note_id, hash_),
        )

    def entry(self, event: Event) -> None:
        """An event logged; with its undo, when it comes in undone."""
        self.put("entry", event.uuid, None, entry_text(event_row(event)))
        if event.undone_at is not None:
            self.undo(event.uuid, event.undone_at.isoformat())

    def undo(self, uuid: str, undone_at: str) -> None:
        self.put("undo", uuid, None, undo_text(uuid, undone_at))

    def note(self, link: str, change: NoteChange, note_id: int) -> None:
        self.put(link, change.event_uuid, note_id, note_text(link, change))


def create(db: sqlite3.Connection) -> None:
    """The chain's table, and its chain for the log as it is (`build`)."""
    db.execute(CREATE)
    for sql in INDEXES:
        db.execute(sql)
    build(db)


def build(db: sqlite3.Connection) -> None:
    """Give a log kept before the chain its chain, once, in log order: each
    entry at the moment it was logged, each correction when it was made, each
    undo when it was; at the same moment an entry comes first, then a
    correction, then an undo, then the rows' own order."""
    later: list[tuple[str, int, int, str, str]] = []
    for row_id, uuid, undone in db.execute(
        "SELECT id, uuid, undone_at FROM events WHERE undone_at IS NOT NULL"
    ):
        try:
            later.append((utc_key(aware(undone)), 2, row_id, str(uuid), str(undone)))
        except ROW_ERRORS as exc:
            raise bad_row("events", uuid, exc) from None
    changes: dict[int, NoteChange] = {}
    first_notes: dict[str, str] = {}
    for row_id, uuid, old, new, at, at_utc, by, host in db.execute(
        "SELECT id, event_uuid, old_note, new_note, changed_at, changed_at_utc, changed_by, host "
        "FROM note_changes ORDER BY changed_at_utc, id"
    ):
        try:
            changes[row_id] = NoteChange(uuid, old, new, aware(at), by, host)
        except ROW_ERRORS as exc:
            raise bad_row("note_changes", uuid, exc) from None
        first_notes.setdefault(uuid, old)
        later.append((str(at_utc), 1, row_id, str(uuid), ""))
    later.sort()
    links = Links(db)
    pending = iter(later)
    waiting = next(pending, None)
    # Streamed: a million events are never all in memory.
    rows = db.execute(
        f"SELECT logged_at_utc, {EVENT_COLUMNS} FROM events ORDER BY logged_at_utc, id"
    )
    for logged_utc, *event in rows:
        while waiting is not None and waiting[0] < logged_utc:
            _later_link(links, waiting, changes)
            waiting = next(pending, None)
        uuid = str(event[0])
        links.put("entry", uuid, None, entry_text(event, first_notes.get(uuid)))
    while waiting is not None:
        _later_link(links, waiting, changes)
        waiting = next(pending, None)


def _later_link(
    links: Links, waiting: tuple[str, int, int, str, str], changes: dict[int, NoteChange]
) -> None:
    _moment, rank, row_id, uuid, undone = waiting
    if rank == 2:
        links.undo(uuid, undone)
    else:
        links.note("note", changes[row_id], row_id)


def verify(db: sqlite3.Connection, want: str | None) -> Verdict:
    """Walk the chain and the rows it stands for (see `chain_walk.verify`)."""
    return chain_walk.verify(_Reader(db), want)


class _Reader:
    columns = EVENT_COLUMNS

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def rows(self, sql: str, params: Sequence[object] = ()) -> Iterable[Sequence[Any]]:
        return self._db.execute(sql, params)

    def stream(self, sql: str) -> Iterator[Sequence[Any]]:
        cursor = self._db.execute(sql)
        while batch := cursor.fetchmany(2000):
            yield from batch

    def text_row(self, fields: Sequence[Any]) -> Sequence[str | None]:
        return fields  # SQLite keeps every field as the text an export writes
