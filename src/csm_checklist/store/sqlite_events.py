"""The SQL of the SQLite store's events and the history of the rules: rows,
filters and the merge of an import, used by `SqliteStore` inside its
transactions."""

# No `from __future__ import annotations`: `csm today` loads this module.

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from typing import Protocol

from csm_checklist.errors import ImportFileError
from csm_checklist.messages import Msg
from csm_checklist.store.records import (
    FIELDS,
    KINDS,
    ROW_ERRORS,
    Event,
    NoteChange,
    RevisionRecord,
    StartRecord,
    aware,
    bad_row,
    event_row,
    utc_key,
)

_UNDONE = FIELDS.index("undone_at")
# The columns of an event's row, in FIELDS order: `by` is done_by; an entry
# logged before csm kept who logged it (NULL) reads as logged by who did it.
_COLUMN = {"by": "done_by", "logged_by": "coalesce(logged_by, done_by)"}
EVENT_COLUMNS = ", ".join(_COLUMN.get(name, name) for name in FIELDS)
INSERT_EVENT = (
    f"INSERT INTO events ({', '.join('done_by' if n == 'by' else n for n in FIELDS)}, "
    f"logged_at_utc) VALUES ({', '.join('?' * (len(FIELDS) + 1))})"
)


def event_from_row(row: Sequence[str | None]) -> Event:
    """The Event of a row read in EVENT_COLUMNS order; LogError naming the
    row for one csm cannot read."""
    try:
        return _event_fields(row)
    except ROW_ERRORS as exc:
        raise bad_row("events", row[0], exc) from None


def _event_fields(row: Sequence[str | None]) -> Event:
    (uuid, item_id, title, cadence, kind, start, end, for_date, logged, by, note, undone, host) = (
        row[:13]
    )
    if kind not in KINDS:
        raise ValueError(f"kind {kind!r}")
    return Event(
        uuid=str(uuid),
        item_id=str(item_id),
        title=str(title),
        cadence=str(cadence),
        kind=kind,
        period_start=date.fromisoformat(str(start)),
        period_end=date.fromisoformat(str(end)),
        for_date=date.fromisoformat(str(for_date)),
        logged_at=aware(logged),
        by=str(by),
        note=str(note),
        host=str(host),
        undone_at=aware(undone) if undone else None,
        logged_by=str(row[13]),
    )


def first_active(db: sqlite3.Connection, item_id: str, period_start: date) -> Event | None:
    row = db.execute(
        f"SELECT {EVENT_COLUMNS} FROM events "
        "WHERE item_id = ? AND period_start = ? AND undone_at IS NULL "
        "ORDER BY logged_at_utc, id LIMIT 1",
        (item_id, period_start.isoformat()),
    ).fetchone()
    return event_from_row(row) if row is not None else None


class Links(Protocol):
    """The links of the chain a merge appends (`sqlite_chain.Links`)."""

    def entry(self, event: Event) -> None: ...

    def undo(self, uuid: str, undone_at: str) -> None: ...

    def note(self, link: str, change: NoteChange, note_id: int) -> None: ...


def merge_events(db: sqlite3.Connection, events: Iterable[Event], links: Links) -> tuple[int, int]:
    """Add the events the log lacks, each with its links of the chain."""
    added = present = 0
    for event in events:
        row = event_row(event)
        inserted = db.execute(
            INSERT_EVENT + " ON CONFLICT (uuid) DO NOTHING", (*row, utc_key(event.logged_at))
        )
        if inserted.rowcount == 1:
            links.entry(event)
            added += 1
            continue
        present += 1
        stored = db.execute(
            f"SELECT {EVENT_COLUMNS} FROM events WHERE uuid = ?", (event.uuid,)
        ).fetchone()
        for name, mine, theirs in zip(FIELDS, stored, row, strict=True):
            if name == "note" and mine != theirs and _earlier_note(db, event.uuid, theirs):
                continue  # the file was exported before the note was corrected here
            # Who logged an entry is the record's own fact: a personal log's
            # entry joined to the team's record is logged there by the member
            # who joined, and an export of either restores into the other.
            if mine != theirs and name not in ("undone_at", "logged_by"):
                raise ImportFileError(
                    Msg(
                        "errors.import_conflict",
                        uuid=event.uuid,
                        name=name,
                        mine=mine,
                        theirs=theirs,
                    ),
                    hint=Msg("errors.import_conflict_note_hint", uuid=event.uuid[:8])
                    if name == "note"
                    else Msg("errors.import_conflict_hint"),
                )
        if stored[_UNDONE] is None and event.undone_at is not None:
            db.execute(
                "UPDATE events SET undone_at = ? WHERE uuid = ?",
                (event.undone_at.isoformat(), event.uuid),
            )
            links.undo(event.uuid, event.undone_at.isoformat())
    return added, present


def insert_start(db: sqlite3.Connection, record: StartRecord) -> bool:
    inserted = db.execute(
        "INSERT INTO tracking_starts (uuid, start, recorded_at, recorded_at_utc) "
        "VALUES (?, ?, ?, ?) ON CONFLICT (uuid) DO NOTHING",
        (
            record.uuid,
            record.start.isoformat(),
            record.recorded_at.isoformat(),
            utc_key(record.recorded_at),
        ),
    )
    return inserted.rowcount == 1


def insert_revision(db: sqlite3.Connection, record: RevisionRecord) -> bool:
    inserted = db.execute(
        "INSERT INTO revisions (uuid, effective, recorded_at, recorded_at_utc, rules) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (uuid) DO NOTHING",
        (
            record.uuid,
            record.effective.isoformat(),
            record.recorded_at.isoformat(),
            utc_key(record.recorded_at),
            record.rules,
        ),
    )
    return inserted.rowcount == 1


def state_filter(as_logged: datetime | None) -> tuple[str, tuple[str, ...]]:
    """The SQL condition for events that count: active now, or (with
    `as_logged`) logged by that moment, whatever happened to them later."""
    if as_logged is None:
        return "undone_at IS NULL", ()
    return "logged_at_utc <= ?", (utc_key(as_logged),)


def standing(
    rows: Iterable[Sequence[str | None]],
    as_logged: datetime | None,
    notes: dict[str, str] | None = None,
) -> Iterator[Event]:
    """The events of `rows` that were active at `as_logged` (all of them
    without it), with the notes they had then (`notes`, from `notes_then`)."""
    for row in rows:
        event = event_from_row(row)
        if as_logged is None or event.undone_at is None or event.undone_at > as_logged:
            yield note_then(event, notes)


def notes_then(db: sqlite3.Connection, as_logged: datetime | None) -> dict[str, str] | None:
    """What each note corrected after `as_logged` read at that moment: the
    old note of its first correction made later. None without a moment."""
    if as_logged is None:
        return None
    rows = db.execute(
        "SELECT event_uuid, old_note FROM note_changes WHERE changed_at_utc > ? "
        "ORDER BY changed_at_utc DESC, id DESC",
        (utc_key(as_logged),),
    )
    # Newest first, so the earliest later correction is written last and wins.
    return {uuid: old for uuid, old in rows}


def note_then(event: Event, notes: dict[str, str] | None) -> Event:
    """`event` with the note it had then, where `notes` holds an older one."""
    if notes is None or event.uuid not in notes:
        return event
    return event._replace(note=notes[event.uuid])


def _earlier_note(db: sqlite3.Connection, uuid: str, note: str | None) -> bool:
    """Whether `note` is what event `uuid`'s note read before a correction here."""
    row = db.execute(
        "SELECT 1 FROM note_changes WHERE event_uuid = ? AND old_note = ? LIMIT 1", (uuid, note)
    ).fetchone()
    return row is not None


class DryRun(Exception):
    """Raised inside a dry-run merge to roll its transaction back."""


def filters(
    since: date | None,
    until: date | None,
    item_id: str | None,
    cadence: str | None,
    include_undone: bool,
    by: str | None = None,
) -> tuple[str, list[object]]:
    clauses = ["1"]
    params: list[object] = []
    if since is not None:
        clauses.append("for_date >= ?")
        params.append(since.isoformat())
    if until is not None:
        clauses.append("for_date <= ?")
        params.append(until.isoformat())
    if item_id is not None:
        clauses.append("item_id = ?")
        params.append(item_id)
    if cadence is not None:
        clauses.append("cadence = ?")
        params.append(cadence)
    if not include_undone:
        clauses.append("undone_at IS NULL")
    if by is not None:
        # Names are typed by hand with --by: "mona" finds what "Mona" logged.
        clauses.append("done_by = ? COLLATE NOCASE")
        params.append(by.strip())
    return " AND ".join(clauses), params


def active_filters(
    item_id: str | None, period_start: date | None, for_date: date | None
) -> tuple[str, list[object]]:
    clauses = ["undone_at IS NULL"]
    params: list[object] = []
    if item_id is not None:
        clauses.append("item_id = ?")
        params.append(item_id)
    if period_start is not None:
        clauses.append("period_start = ?")
        params.append(period_start.isoformat())
    if for_date is not None:
        clauses.append("for_date = ?")
        params.append(for_date.isoformat())
    return " AND ".join(clauses), params


# Note corrections ------------------------------------------------------------------


def all_note_changes(
    db: sqlite3.Connection, since: date | None, until: date | None, include_undone: bool
) -> list[NoteChange]:
    """The note corrections of the events an export with these filters holds."""
    clauses, params = ["1"], []
    if since is not None:
        clauses.append("e.for_date >= ?")
        params.append(since.isoformat())
    if until is not None:
        clauses.append("e.for_date <= ?")
        params.append(until.isoformat())
    if not include_undone:
        clauses.append("e.undone_at IS NULL")
    rows = db.execute(
        "SELECT n.event_uuid, n.old_note, n.new_note, n.changed_at, n.changed_by, n.host "
        f"FROM note_changes n JOIN events e ON e.uuid = n.event_uuid "
        f"WHERE {' AND '.join(clauses)} ORDER BY n.changed_at_utc, n.id",
        params,
    ).fetchall()
    found = []
    for uuid, old, new, at, by, host in rows:
        try:
            found.append(NoteChange(uuid, old, new, aware(at), by, host))
        except ROW_ERRORS as exc:
            raise bad_row("note_changes", uuid, exc) from None
    return found


def merge_note_changes(
    db: sqlite3.Connection, records: Iterable[NoteChange], dry_run: bool, links: Links
) -> int:
    """Add the note corrections the log lacks, each a note-trail link of
    the chain; how many were added."""
    added = 0
    for record in records:
        uuid, old, new, at = record.event_uuid, record.old_note, record.new_note, record.changed_at
        row = db.execute(
            "SELECT 1 FROM note_changes WHERE event_uuid = ? AND changed_at_utc = ? "
            "AND old_note = ? AND new_note = ? LIMIT 1",
            (uuid, utc_key(at), old, new),
        ).fetchone()
        if row is not None:
            continue
        if not dry_run:
            inserted = db.execute(
                "INSERT INTO note_changes (event_uuid, old_note, new_note, changed_at, "
                "changed_at_utc, changed_by, host) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (uuid, old, new, at.isoformat(), utc_key(at), record.by, record.host),
            )
            links.note("note-trail", record, int(inserted.lastrowid or 0))
        added += 1
    return added
