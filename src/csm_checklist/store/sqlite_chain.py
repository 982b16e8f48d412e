"""The SQLite store's hash chain (see `store/chain.py`): the `chain` table,
one row per link, written inside the write transaction that makes the change
(`BEGIN IMMEDIATE` serialises them), built once for an older log, and walked
by `csm verify`. Loaded by writes and `csm verify` only."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence

from csm_checklist.store.chain import (
    GENESIS,
    Appender,
    ChainRow,
    NoteLink,
    Verdict,
    check,
    entry_text,
    logged_notes,
    note_text,
    undo_text,
)
from csm_checklist.store.records import Event, NoteChange, aware, event_row, utc_key
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
_E_COLUMNS = ", ".join(f"e.{name}" for name in EVENT_COLUMNS.split(", "))


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
        later.append((utc_key(aware(undone)), 2, row_id, str(uuid), str(undone)))
    changes: dict[int, NoteChange] = {}
    first_notes: dict[str, str] = {}
    for row_id, uuid, old, new, at, at_utc, by, host in db.execute(
        "SELECT id, event_uuid, old_note, new_note, changed_at, changed_at_utc, changed_by, host "
        "FROM note_changes ORDER BY changed_at_utc, id"
    ):
        changes[row_id] = NoteChange(uuid, old, new, aware(at), by, host)
        first_notes.setdefault(uuid, old)
        later.append((str(at_utc), 1, row_id, str(uuid), ""))
    later.sort()
    links = Links(db)
    pending = iter(later)
    waiting = next(pending, None)
    rows = db.execute(
        f"SELECT logged_at_utc, {EVENT_COLUMNS} FROM events ORDER BY logged_at_utc, id"
    ).fetchall()
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
    """Walk the chain and the rows it stands for (see `chain.check`)."""
    note_links: dict[str, list[NoteLink]] = {}
    by_seq: dict[int, NoteChange | None] = {}
    for seq, link, uuid, *change in db.execute(
        "SELECT c.seq, c.link, c.event_uuid, n.event_uuid, n.old_note, n.new_note, "
        "n.changed_at, n.changed_by, n.host FROM chain c LEFT JOIN note_changes n "
        "ON n.id = c.note_id WHERE c.note_id IS NOT NULL ORDER BY c.seq"
    ):
        found = None
        if change[0] is not None:
            found = NoteChange(change[0], change[1], change[2], aware(change[3]), *change[4:])
        by_seq[seq] = found
        note_links.setdefault(uuid, []).append(NoteLink(seq, link, found))
    notes_now = _notes_now(db, list(note_links))
    first_notes, note_problems = logged_notes(note_links, notes_now)
    problems: list[tuple[int, str, str, Sequence[str | None] | None]] = [
        (seq, link, uuid, _event(db, uuid)) for seq, link, uuid in note_problems
    ]
    # An event undone with no undo link, or with no entry link at all; a
    # note change the chain does not hold.
    for row in db.execute(
        f"SELECT {_E_COLUMNS}, c.seq FROM events e LEFT JOIN chain c "
        "ON c.event_uuid = e.uuid AND c.link = 'entry' "
        "WHERE c.seq IS NULL OR (e.undone_at IS NOT NULL AND NOT EXISTS "
        "(SELECT 1 FROM chain u WHERE u.event_uuid = e.uuid AND u.link = 'undo'))"
    ):
        seq = row[-1]
        problems.append((int(seq or 0), "entry" if not seq else "undo", str(row[0]), row[:-1]))
    for row_id, uuid in db.execute(
        "SELECT n.id, n.event_uuid FROM note_changes n WHERE NOT EXISTS "
        "(SELECT 1 FROM chain c WHERE c.note_id = n.id)"
    ):
        del row_id
        problems.append((0, "note", str(uuid), _event(db, str(uuid))))
    return check(_rows(db, by_seq), first_notes, problems, want)


def _rows(db: sqlite3.Connection, notes: dict[int, NoteChange | None]) -> Iterator[ChainRow]:
    cursor = db.execute(
        f"SELECT c.seq, c.link, c.hash, c.event_uuid, e.uuid, {_E_COLUMNS} FROM chain c "
        "LEFT JOIN events e ON e.uuid = c.event_uuid ORDER BY c.seq"
    )
    while True:
        batch = cursor.fetchmany(2000)
        if not batch:
            return
        for seq, link, hash_, uuid, present, *event in batch:
            yield ChainRow(
                seq, link, hash_, uuid, event if present is not None else None, notes.get(seq)
            )


def _notes_now(db: sqlite3.Connection, uuids: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for first in range(0, len(uuids), 500):
        part = uuids[first : first + 500]
        rows = db.execute(
            f"SELECT uuid, note FROM events WHERE uuid IN ({', '.join('?' * len(part))})", part
        )
        found.update({str(uuid): str(note) for uuid, note in rows})
    return found


def _event(db: sqlite3.Connection, uuid: str) -> Sequence[str | None] | None:
    row: Sequence[str | None] | None = db.execute(
        f"SELECT {EVENT_COLUMNS} FROM events WHERE uuid = ?", (uuid,)
    ).fetchone()
    return row
