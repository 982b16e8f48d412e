"""`csm verify`'s walk of the hash chain (see `store/chain.py`), the same for
every engine: each engine hands it a reader of its tables."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime, timezone
from typing import Any, Protocol

from csm_checklist.store.chain import ChainRow, NoteLink, Verdict, check, logged_notes
from csm_checklist.store.records import ROW_ERRORS, NoteChange, aware


class Reader(Protocol):
    """An engine's tables, as the walk reads them. SQL is written with `?`
    for parameters; `columns` names the event columns in `FIELDS` order."""

    columns: str

    def rows(self, sql: str, params: Sequence[object] = ()) -> Iterable[Sequence[Any]]: ...

    def stream(self, sql: str) -> Iterator[Sequence[Any]]:
        """The rows of a long query, a batch at a time."""
        ...

    def text_row(self, fields: Sequence[Any]) -> Sequence[str | None]:
        """An event row read in `columns` order, as the text an export writes."""
        ...


_NO_MOMENT = datetime.min.replace(tzinfo=timezone.utc)
Problem = tuple[int, str, str, Sequence[str | None] | None]


def verify(reader: Reader, want: str | None) -> Verdict:
    """Walk the chain and the rows it stands for (see `chain.check`): first the
    note links (few) and what no link holds, then every link in order."""
    # Each column of the events table named through the join's alias, also
    # inside an expression (`coalesce(logged_by, done_by)`).
    e_columns = re.sub(r"\b([a-z_]+)\b(?!\()", r"e.\1", reader.columns)
    note_links: dict[str, list[NoteLink]] = {}
    by_seq: dict[int, NoteChange | None] = {}
    for seq, link, uuid, *change in reader.rows(
        "SELECT c.seq, c.link, c.event_uuid, n.event_uuid, n.old_note, n.new_note, "
        "n.changed_at, n.changed_by, n.host FROM chain c LEFT JOIN note_changes n "
        "ON n.id = c.note_id WHERE c.note_id IS NOT NULL ORDER BY c.seq"
    ):
        found = None
        if change[0] is not None:
            try:
                moment = aware(change[3])
            except ROW_ERRORS:
                moment = _NO_MOMENT  # edited out of shape: the link cannot match
            found = NoteChange(str(change[0]), change[1], change[2], moment, change[4], change[5])
        by_seq[int(seq)] = found
        note_links.setdefault(str(uuid), []).append(NoteLink(int(seq), str(link), found))
    notes_now = {}
    for uuid in note_links:
        for found_uuid, note in reader.rows(
            "SELECT uuid, note FROM events WHERE uuid = ?", (uuid,)
        ):
            notes_now[str(found_uuid)] = str(note)
    first_notes, note_problems = logged_notes(note_links, notes_now)
    problems: list[Problem] = [
        (seq, link, uuid, _event(reader, uuid)) for seq, link, uuid in note_problems
    ]
    # An event with no entry link, or undone with no undo link; a note
    # change no link holds.
    for *row, seq in reader.rows(
        f"SELECT {e_columns}, c.seq FROM events e LEFT JOIN chain c "
        "ON c.event_uuid = e.uuid AND c.link = 'entry' "
        "WHERE c.seq IS NULL OR (e.undone_at IS NOT NULL AND NOT EXISTS "
        "(SELECT 1 FROM chain u WHERE u.event_uuid = e.uuid AND u.link = 'undo'))"
    ):
        problems.append(
            (int(seq or 0), "undo" if seq else "entry", str(row[0]), reader.text_row(row))
        )
    for (uuid,) in reader.rows(
        "SELECT n.event_uuid FROM note_changes n WHERE NOT EXISTS "
        "(SELECT 1 FROM chain c WHERE c.note_id = n.id)"
    ):
        problems.append((0, "note", str(uuid), _event(reader, str(uuid))))
    return check(_links(reader, e_columns, by_seq), first_notes, problems, want)


def _links(
    reader: Reader, e_columns: str, notes: dict[int, NoteChange | None]
) -> Iterator[ChainRow]:
    for seq, link, hash_, uuid, present, *event in reader.stream(
        f"SELECT c.seq, c.link, c.hash, c.event_uuid, e.uuid, {e_columns} FROM chain c "
        "LEFT JOIN events e ON e.uuid = c.event_uuid ORDER BY c.seq"
    ):
        yield ChainRow(
            int(seq),
            str(link),
            str(hash_),
            str(uuid),
            reader.text_row(event) if present is not None else None,
            notes.get(int(seq)),
        )


def _event(reader: Reader, uuid: str) -> Sequence[str | None] | None:
    for row in reader.rows(f"SELECT {reader.columns} FROM events WHERE uuid = ?", (uuid,)):
        return reader.text_row(row)
    return None
