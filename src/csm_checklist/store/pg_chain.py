"""The team store's hash chain (see `store/chain.py`) on PostgreSQL: the
`csm.chain` table, one row per link.

Each write that appends links first takes the advisory lock
`pg_schema.CHAIN_LOCK` inside its transaction, then reads the head: writers
append one after another, each after the last committed link, and the
primary key on `seq` refuses a second link at the same place whatever
happens. The client computes each link (not a trigger): the one canonical
text of `chain.py` is what makes a team's chain equal to a manager's own log's
for the same history; the server keeps the links append-only, and
`csm verify` recomputes them all.

Used by `postgres.py` and `pg_admin.py` (which builds the chain of a record
kept before it); it never imports them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from typing import Any

import psycopg

from csm_checklist.store import chain_walk
from csm_checklist.store.chain import GENESIS, Appender, Verdict, entry_text, note_text, undo_text
from csm_checklist.store.pg_common import EVENT_COLUMNS
from csm_checklist.store.pg_schema import CHAIN_LOCK
from csm_checklist.store.records import Event, NoteChange, aware, event_row, utc_key

__all__ = ["COLUMNS", "Links", "Verdict", "build", "head", "text_row", "verify"]

COLUMNS = EVENT_COLUMNS


def text_row(fields: Sequence[Any]) -> Sequence[str | None]:
    """An event row read in `COLUMNS` order, as the text an export writes."""
    return [value.isoformat() if isinstance(value, date) else value for value in fields]


def head(conn: psycopg.Connection[Any]) -> tuple[int, str]:
    row = conn.execute("SELECT seq, hash FROM chain ORDER BY seq DESC LIMIT 1").fetchone()
    return (0, GENESIS) if row is None else (int(row[0]), str(row[1]))


class Links:
    """The chain of one write transaction: takes the chain's lock, reads the
    head once, appends."""

    def __init__(self, conn: psycopg.Connection[Any], *, batch: int = 0) -> None:
        self._conn = conn
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (CHAIN_LOCK,))
        self._chain = Appender(*head(conn))
        # With `batch`, links are sent that many at a time (`flush` sends the
        # rest): the one-off build of a big record, not a round trip a link.
        self._batch = batch
        self._pending: list[tuple[int, str, str, int | None, str]] = []

    def put(self, link: str, uuid: str, note_id: int | None, text: str) -> None:
        seq, hash_ = self._chain.add(text)
        self._pending.append((seq, link, uuid, note_id, hash_))
        if len(self._pending) > self._batch:
            self.flush()

    def flush(self) -> None:
        if self._pending:
            with self._conn.cursor() as cursor:
                cursor.executemany(
                    "INSERT INTO chain (seq, link, event_uuid, note_id, hash) "
                    "VALUES (%s, %s, %s, %s, %s)",
                    self._pending,
                )
            self._pending.clear()

    def entry(self, event: Event) -> None:
        """An event logged; with its undo, when it comes in undone."""
        self.put("entry", event.uuid, None, entry_text(event_row(event)))
        if event.undone_at is not None:
            self.undo(event.uuid, event.undone_at.isoformat())

    def undo(self, uuid: str, undone_at: str) -> None:
        self.put("undo", uuid, None, undo_text(uuid, undone_at))

    def latest_note(self, link: str, uuid: str) -> None:
        """The note change just written for `uuid` (by the server's trigger or
        its merge function), as stored."""
        row = self._conn.execute(
            "SELECT id, event_uuid, old_note, new_note, changed_at, changed_by, host "
            "FROM note_changes WHERE event_uuid = %s ORDER BY id DESC LIMIT 1",
            (uuid,),
        ).fetchone()
        assert row is not None
        note_id, *change = row
        stored = NoteChange(change[0], change[1], change[2], aware(change[3]), *change[4:])
        self.put(link, uuid, int(note_id), note_text(link, stored))


def build(conn: psycopg.Connection[Any]) -> None:
    """Give a record kept before the chain its chain, in log order (as
    `sqlite_chain.build`): each entry at the moment it was logged, each
    correction when it was made, each undo when it was; at the same moment an
    entry first, then a correction, then an undo."""
    conn.execute("SET LOCAL search_path = csm, pg_catalog")
    later: list[tuple[str, int, int, str, str]] = []
    for row_id, uuid, undone in conn.execute(
        "SELECT id, uuid, undone_at FROM events WHERE undone_at IS NOT NULL"
    ):
        later.append((utc_key(aware(undone)), 2, int(row_id), str(uuid), str(undone)))
    changes: dict[int, NoteChange] = {}
    first_notes: dict[str, str] = {}
    rows = conn.execute(
        "SELECT id, event_uuid, old_note, new_note, changed_at, changed_by, host FROM note_changes"
    ).fetchall()
    for row_id, uuid, old, new, at, by, host in rows:
        changes[int(row_id)] = NoteChange(uuid, old, new, aware(at), by, host)
        later.append((utc_key(aware(at)), 1, int(row_id), str(uuid), ""))
    later.sort()
    for _moment, rank, row_id, uuid, _undone in later:
        if rank == 1:
            first_notes.setdefault(uuid, changes[row_id].old_note)
    links = Links(conn, batch=5000)
    pending = iter(later)
    waiting = next(pending, None)
    # Streamed through a cursor on the server: a million events are never
    # all in memory.
    with conn.cursor(name="csm_build_chain") as events:
        events.itersize = 5000
        events.execute(f"SELECT logged_at_utc, {COLUMNS} FROM events ORDER BY logged_at_utc, id")
        for logged_utc, *event in events:
            moment = utc_key(logged_utc) if isinstance(logged_utc, datetime) else str(logged_utc)
            while waiting is not None and waiting[0] < moment:
                _later_link(links, waiting, changes)
                waiting = next(pending, None)
            row = text_row(event)
            uuid = str(row[0])
            links.put("entry", uuid, None, entry_text(row, first_notes.get(uuid)))
    while waiting is not None:
        _later_link(links, waiting, changes)
        waiting = next(pending, None)
    links.flush()


def _later_link(
    links: Links, waiting: tuple[str, int, int, str, str], changes: dict[int, NoteChange]
) -> None:
    _moment, rank, row_id, uuid, undone = waiting
    if rank == 2:
        links.undo(uuid, undone)
    else:
        links.put("note", uuid, row_id, note_text("note", changes[row_id]))


def verify(conn: psycopg.Connection[Any], want: str | None) -> Verdict:
    """Walk the chain and the rows it stands for, in one snapshot."""
    with conn.transaction():
        conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        return chain_walk.verify(_Reader(conn), want)


class _Reader:
    columns = COLUMNS

    def __init__(self, conn: psycopg.Connection[Any]) -> None:
        self._conn = conn

    def rows(self, sql: str, params: Sequence[object] = ()) -> Iterable[Sequence[Any]]:
        return self._conn.execute(sql.replace("?", "%s"), tuple(params)).fetchall()

    def stream(self, sql: str) -> Iterator[Sequence[Any]]:
        with self._conn.cursor(name="csm_verify") as cursor:
            cursor.itersize = 5000
            cursor.execute(sql)
            yield from cursor

    def text_row(self, fields: Sequence[Any]) -> Sequence[str | None]:
        return text_row(fields)
