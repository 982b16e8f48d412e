"""The SQLite store: the default `Store` (see `store/interface.py`), one
SQLite file that holds a manager's whole record.

The log is the only copy of a manager's history, so it is careful:

- Append-only. Nothing is deleted; undo sets `undone_at` on the event.
- Every write is one `BEGIN IMMEDIATE` transaction in WAL mode with
  `synchronous=FULL`: a crash at any instant leaves the log readable, holding
  every event whose command reported success.
- A busy timeout makes concurrent commands wait for each other instead of
  failing with "database is locked".
- `PRAGMA application_id` marks a csm log; a file that is not SQLite, not a csm
  log, corrupt, or written by a newer csm is reported and never written to
  (`sqlite_files.py`).
- The schema moves forward through named migrations (`sqlite_migrations.py`),
  counted in `PRAGMA user_version`; a migration never drops data.

Playbook runs and measures are in `sqlite_runs.py`, loaded when asked for.
This module uses the standard library only: `csm today` loads it every morning.
"""

# No `from __future__ import annotations`: typing would compile every string
# annotation of a NamedTuple or TypedDict field at each start of `csm today`.

import contextlib
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from csm_checklist.errors import NotMet
from csm_checklist.messages import Msg
from csm_checklist.store import sqlite_events
from csm_checklist.store.records import (
    COMMITS,
    MIN_UUID_PREFIX,
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
from csm_checklist.store.sqlite_events import (
    EVENT_COLUMNS,
    INSERT_EVENT,
    DryRun,
    active_filters,
    event_from_row,
    filters,
    first_active,
    insert_revision,
    insert_start,
    merge_events,
    note_then,
    notes_then,
    standing,
    state_filter,
)
from csm_checklist.store.sqlite_files import (
    check_sound,
    known_sound,
    note_sound,
    open_database,
    translate,
)

if TYPE_CHECKING:
    from csm_checklist.store.assignment_records import AssignmentRecord
    from csm_checklist.store.chain import Verdict
    from csm_checklist.store.measure_records import MeasureRecord, MeasureValue
    from csm_checklist.store.run_records import RunRecord, StepEvent


class SqliteStore:
    """A manager's record in one SQLite file. Open with `SqliteStore.open(path)`."""

    def __init__(
        self, db: sqlite3.Connection, path: Path, sound_marker: Path | None = None
    ) -> None:
        self._db = db
        self.path = path
        self._marker = sound_marker
        self._checked = False

    @classmethod
    def open(cls, path: Path, *, sound_marker: Path | None = None) -> "SqliteStore":
        """Open the log at `path`, creating its folder and the file if missing.

        `sound_marker` is a small file where the state of the log after this
        run's writes is noted, so that the next write can skip the quick
        check when nothing else has touched the log since (see `_write`).

        Raises LogError (naming the path) for a folder that cannot be created,
        a file that is not a csm log, a corrupt one, or one from a newer csm;
        such a file is left exactly as it was.
        """
        path = Path(path)
        return cls(open_database(path), path, sound_marker)

    def close(self) -> None:
        """Close the file; the log cannot be used afterwards."""
        self._db.close()
        if self._checked and self._marker is not None:
            note_sound(self._marker, self.path)

    def __enter__(self) -> "SqliteStore":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @contextlib.contextmanager
    def _errors(self) -> Iterator[None]:
        """Turn SQLite's exceptions into LogError sentences naming the file."""
        try:
            yield
        except sqlite3.Error as exc:
            raise translate(exc, self.path) from exc

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it is committed, or none of it."""
        with self._errors():
            self._db.execute("BEGIN IMMEDIATE")
            try:
                if not self._checked:
                    # The quick check reads the whole log (15 ms at 13,600
                    # events, 100 ms at 100,000): skipped when the log is
                    # exactly as a checked write of csm's left it.
                    if not known_sound(self._marker, self.path):
                        check_sound(self._db, self.path)
                    self._checked = True
                yield self._db
            except BaseException:
                # SQLite itself ends the transaction after some errors (a full disk).
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
            COMMITS[0] += 1

    # Writing -----------------------------------------------------------------

    def record(
        self,
        events: Sequence[Event],
        measures: Mapping[str, Sequence[tuple[str, float, str]]] | None = None,
    ) -> list[tuple[Event, Event | None]]:
        """Log `events` in one transaction, each unless its period is settled.

        Returns, for each event in order, (event, None) when it was written, or
        (event, existing) when an active event for the same item and period was
        already there; then nothing is written for it. `measures` holds, by
        event uuid, the (measure id, value, unit) recorded with it: written
        with the event, or not at all.
        """
        from csm_checklist.store.sqlite_chain import Links

        results: list[tuple[Event, Event | None]] = []
        with self._write() as db:
            links = Links(db)
            for event in events:
                existing = first_active(db, event.item_id, event.period_start)
                if existing is None:
                    db.execute(INSERT_EVENT, (*event_row(event), utc_key(event.logged_at)))
                    links.entry(event)
                    for measure_id, value, unit in (measures or {}).get(event.uuid, ()):
                        db.execute(
                            "INSERT INTO measures (event_uuid, measure_id, value, unit) "
                            "VALUES (?, ?, ?, ?)",
                            (event.uuid, measure_id, value, unit),
                        )
                results.append((event, existing))
        return results

    def has_open_runs(self) -> bool:
        """Whether any playbook run is open: one lookup in a partial index,
        which `csm today` makes every morning."""
        with self._errors():
            row = self._db.execute("SELECT 1 FROM runs WHERE closed_at IS NULL LIMIT 1").fetchone()
        return row is not None

    def has_runs(self) -> bool:
        """Whether any run was ever started."""
        from csm_checklist.store import sqlite_runs

        with self._errors():
            return sqlite_runs.has_runs(self._db)

    def run_ids(self) -> list[str]:
        """Every run's id, oldest started first."""
        from csm_checklist.store import sqlite_runs

        with self._errors():
            return sqlite_runs.run_ids(self._db)

    def runs(
        self,
        *,
        open_only: bool = False,
        run_ids: Sequence[str] | None = None,
        started_by: datetime | None = None,
    ) -> "list[RunRecord]":
        """Runs oldest started first (see `Store.runs`)."""
        from csm_checklist.store import sqlite_runs

        with self._errors():
            return sqlite_runs.runs(self._db, open_only, run_ids, started_by)

    def step_events(self, run_ids: Sequence[str] | None = None) -> "list[StepEvent]":
        """The step events of those runs (all with None), oldest logged first."""
        from csm_checklist.store import sqlite_runs

        with self._errors():
            return sqlite_runs.step_events(self._db, run_ids)

    def start_run(self, run: "RunRecord") -> str:
        """Store a new run under the first free id from `run.run_id` on."""
        from csm_checklist.store import sqlite_runs

        with self._write() as db:
            return sqlite_runs.start_run(db, run)

    def log_step(self, event: "StepEvent") -> "StepEvent | None":
        """Add a step's done or skip unless it has one (then that one)."""
        from csm_checklist.store import sqlite_runs

        with self._write() as db:
            return sqlite_runs.log_step(db, event)

    def undo_step(self, run_id: str, step_id: str, at: datetime) -> "StepEvent | None":
        """Mark the step's latest active event undone at `at`."""
        from csm_checklist.store import sqlite_runs

        with self._write() as db:
            return sqlite_runs.undo_step(db, run_id, step_id, at)

    def close_run(self, run_id: str, at: datetime, *, note: str, forced: bool) -> None:
        """Close the run if it is still open."""
        from csm_checklist.store import sqlite_runs

        with self._write() as db:
            sqlite_runs.close_run(db, run_id, at, note, forced)

    def merge_runs(
        self,
        runs: "Iterable[RunRecord]",
        steps: "Iterable[StepEvent]",
        *,
        dry_run: bool = False,
    ) -> tuple[int, int]:
        """Add a backup's runs and step events (see `Store.merge_runs`)."""
        from csm_checklist.store import sqlite_runs

        with self._write() as db:
            return sqlite_runs.merge_runs(db, runs, steps, dry_run)

    def measure_values(
        self,
        *,
        item_id: str | None = None,
        since: date | None = None,
        until: date | None = None,
        as_logged: datetime | None = None,
    ) -> "list[MeasureValue]":
        """The measures recorded with active events (see `Store.measure_values`)."""
        from csm_checklist.store import sqlite_runs

        with self._errors():
            return sqlite_runs.measure_values(self._db, item_id, since, until, as_logged)

    def measures(
        self, *, since: date | None = None, until: date | None = None, include_undone: bool = False
    ) -> "list[MeasureRecord]":
        """The measures of the events an export holds."""
        from csm_checklist.store import sqlite_runs

        with self._errors():
            return sqlite_runs.measures(self._db, since, until, include_undone)

    def merge_measures(self, records: "Iterable[MeasureRecord]", *, dry_run: bool = False) -> int:
        """Add a backup's measures the store lacks."""
        from csm_checklist.store import sqlite_runs

        with self._write() as db:
            return sqlite_runs.merge_measures(db, records, dry_run)

    def undo_latest(
        self,
        at: datetime,
        *,
        item_id: str | None = None,
        period_start: date | None = None,
        for_date: date | None = None,
    ) -> Event | None:
        """Mark the latest active event matching the filters undone at `at`.

        Finding and marking happen in one transaction, so two undos at once
        undo two events, not the same one twice. None when nothing matches.
        """
        with self._write() as db:
            where, params = active_filters(item_id, period_start, for_date)
            row = db.execute(
                f"SELECT id FROM events WHERE {where} ORDER BY logged_at_utc DESC, id DESC LIMIT 1",
                params,
            ).fetchone()
            if row is None:
                return None
            db.execute("UPDATE events SET undone_at = ? WHERE id = ?", (at.isoformat(), row[0]))
            undone = db.execute(
                f"SELECT {EVENT_COLUMNS} FROM events WHERE id = ?", (row[0],)
            ).fetchone()
            from csm_checklist.store.sqlite_chain import Links

            Links(db).undo(str(undone[0]), at.isoformat())
        return event_from_row(undone)

    def find_event(self, text: str) -> Event:
        """The event whose uuid is `text` or starts with it (at least
        MIN_UUID_PREFIX characters); BadInput for a shorter or malformed text,
        NotMet when no event or several events match."""
        from csm_checklist.errors import BadInput

        prefix = text.strip().lower()
        if len(prefix) < MIN_UUID_PREFIX or not all(c in "0123456789abcdef-" for c in prefix):
            raise BadInput(
                Msg("errors.not_event_id", text=text, count=MIN_UUID_PREFIX),
                hint=Msg("errors.not_event_id_hint"),
            )
        with self._errors():
            rows = self._db.execute(
                f"SELECT {EVENT_COLUMNS} FROM events WHERE uuid >= ? AND uuid < ? "
                "ORDER BY uuid LIMIT 6",
                (prefix, prefix + "~"),
            ).fetchall()
        if not rows:
            raise NotMet(
                Msg("errors.no_event_prefix", prefix=prefix),
                hint=Msg("errors.event_ids_hint"),
            )
        if len(rows) > 1:
            shown = ", ".join(str(row[0]) for row in rows[:5])
            raise NotMet(
                Msg("errors.several_events_prefix", prefix=prefix, shown=shown),
                hint=Msg("errors.several_events_prefix_hint"),
            )
        return event_from_row(rows[0])

    def change_note(
        self, uuid: str, note: str, at: datetime, by: str, host: str
    ) -> tuple[Event, NoteChange | None]:
        """Replace the note of event `uuid` and keep the change, in one
        transaction. Returns the event as it now is, and the change (None
        when the note already read so: nothing is written)."""
        with self._write() as db:
            row = db.execute(
                f"SELECT {EVENT_COLUMNS} FROM events WHERE uuid = ?", (uuid,)
            ).fetchone()
            if row is None:
                raise NotMet(
                    Msg("errors.no_event_uuid", uuid=uuid),
                    hint=Msg("errors.event_ids_hint"),
                )
            event = event_from_row(row)
            if event.note == note:
                return event, None
            change = NoteChange(uuid, event.note, note, at, by, host)
            added = db.execute(
                "INSERT INTO note_changes (event_uuid, old_note, new_note, changed_at, "
                "changed_at_utc, changed_by, host) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (uuid, event.note, note, at.isoformat(), utc_key(at), by, host),
            )
            db.execute("UPDATE events SET note = ? WHERE uuid = ?", (note, uuid))
            from csm_checklist.store.sqlite_chain import Links

            Links(db).note("note", change, int(added.lastrowid or 0))
        return event._replace(note=note), change

    def note_changes(self, uuids: Iterable[str]) -> dict[str, list[NoteChange]]:
        """The note changes of each of `uuids` that has any, oldest first."""
        wanted = sorted(set(uuids))
        found: dict[str, list[NoteChange]] = {}
        chunk = 500
        with self._errors():
            for first in range(0, len(wanted), chunk):
                part = wanted[first : first + chunk]
                rows = self._db.execute(
                    "SELECT event_uuid, old_note, new_note, changed_at, changed_by, host "
                    f"FROM note_changes WHERE event_uuid IN ({', '.join('?' * len(part))}) "
                    "ORDER BY changed_at_utc, id",
                    part,
                )
                for uuid, old, new, at, by, host in rows:
                    found.setdefault(uuid, []).append(
                        NoteChange(uuid, old, new, datetime.fromisoformat(at), by, host)
                    )
        return found

    def merge(
        self,
        events: Iterable[Event],
        *,
        dry_run: bool = False,
        starts: Callable[[], Sequence[StartRecord]] = tuple,
        revisions: Sequence[RevisionRecord] = (),
    ) -> tuple[int, int]:
        """Add the events whose uuid the log lacks, in one transaction.

        Returns (added, already present). An event already present with
        different content raises ImportFileError naming its uuid, and nothing
        is written; so does any error raised while `events` is iterated, which
        lets a reader validate records as they stream in. `revisions` (a
        backup's, or the rules csm sees now) and the tracking starts that
        `starts()` gives once the events are in are recorded in the same
        transaction. An event undone in
        `events` but active here is marked undone here too: undo only ever goes
        one way. With `dry_run` the transaction is rolled back: the counts are
        what a real merge would report.
        """
        added = present = 0
        try:
            with self._write() as db:
                for revision in revisions:
                    insert_revision(db, revision)
                from csm_checklist.store.sqlite_chain import Links

                added, present = merge_events(db, events, Links(db))
                # Starts last: a start taken from the events is known only now.
                for start in starts():
                    insert_start(db, start)
                if dry_run:
                    raise DryRun
        except DryRun:
            pass
        return added, present

    def add_start(self, record: StartRecord, *, unless_any: bool = False) -> bool:
        """Record a new tracking start (the latest recorded is the one in force).

        With `unless_any`, nothing is written when the log already has one:
        commands creating a log at once record its start once.
        """
        with self._write() as db:
            if unless_any and db.execute("SELECT 1 FROM tracking_starts LIMIT 1").fetchone():
                return False
            return insert_start(db, record)

    def add_revision(self, record: RevisionRecord, *, unless_latest_is: str | None = None) -> bool:
        """Record a revision of the rules. With `unless_latest_is`, nothing is
        written when the latest revision already holds those rules: two
        commands that notice the same change at once record it once."""
        with self._write() as db:
            if unless_latest_is is not None:
                latest = db.execute(
                    "SELECT rules FROM revisions ORDER BY effective DESC, recorded_at_utc DESC, "
                    "id DESC LIMIT 1"
                ).fetchone()
                if latest is not None and latest[0] == unless_latest_is:
                    return False
            return insert_revision(db, record)

    def starts(self) -> list[StartRecord]:
        """Every tracking start recorded, oldest recorded first."""
        with self._errors():
            rows = self._db.execute(
                "SELECT uuid, start, recorded_at FROM tracking_starts ORDER BY recorded_at_utc, id"
            ).fetchall()
        found = []
        for uuid, start, moment in rows:
            try:
                found.append(StartRecord(uuid, date.fromisoformat(start), aware(moment)))
            except ROW_ERRORS as exc:
                raise bad_row("tracking_starts", uuid, exc) from None
        return found

    def revisions(self) -> list[RevisionRecord]:
        """Every revision, in the order they take effect (then as recorded)."""
        with self._errors():
            rows = self._db.execute(
                "SELECT uuid, effective, recorded_at, rules FROM revisions "
                "ORDER BY effective, recorded_at_utc, id"
            ).fetchall()
        found = []
        for uuid, day, moment, rules in rows:
            try:
                found.append(RevisionRecord(uuid, date.fromisoformat(day), aware(moment), rules))
            except ROW_ERRORS as exc:
                raise bad_row("revisions", uuid, exc) from None
        return found

    def assignments(self) -> "list[AssignmentRecord]":
        """Every `csm assign` change, in the order they take effect (then as
        recorded); [] at once for a log that has none."""
        with self._errors():
            rows = self._db.execute(
                "SELECT uuid, item_id, effective, people, recorded_at, recorded_by "
                "FROM assignments ORDER BY effective, recorded_at_utc, id"
            ).fetchall()
        if not rows:
            return []
        from csm_checklist.store.assignment_records import assignment_from_row

        return [assignment_from_row(row) for row in rows]

    def add_assignment(self, record: "AssignmentRecord") -> None:
        """Record a `csm assign` change."""
        from csm_checklist.store.assignment_records import assignment_params

        with self._write() as db:
            db.execute(
                "INSERT INTO assignments (uuid, item_id, effective, people, recorded_at, "
                "recorded_at_utc, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
                assignment_params(record),
            )

    # Reading -----------------------------------------------------------------

    def all_note_changes(
        self, *, since: date | None = None, until: date | None = None, include_undone: bool = False
    ) -> list[NoteChange]:
        """The note corrections of the events an export holds (see `Store`)."""
        with self._errors():
            return sqlite_events.all_note_changes(self._db, since, until, include_undone)

    def merge_note_changes(self, records: Iterable[NoteChange], *, dry_run: bool = False) -> int:
        """Add a backup's note corrections the store lacks (see `Store`)."""
        from csm_checklist.store.sqlite_chain import Links

        with self._write() as db:
            return sqlite_events.merge_note_changes(db, records, dry_run, Links(db))

    def item_of_event(self, uuid: str) -> str | None:
        """The item of the event whose uuid is exactly `uuid` (see `Store`)."""
        with self._errors():
            row = self._db.execute("SELECT item_id FROM events WHERE uuid = ?", (uuid,)).fetchone()
        return None if row is None else str(row[0])

    def active_for(
        self, keys: Iterable[tuple[str, date]], *, as_logged: datetime | None = None
    ) -> dict[tuple[str, date], Event]:
        """The active event of each (item_id, period_start) that has one.

        Where two machines' logs were merged and both logged the same period,
        the earlier event is the one returned. With `as_logged`, the log as it
        stood at that moment: events logged by then and not undone by then.
        """
        wanted = sorted({(item_id, start.isoformat()) for item_id, start in keys})
        found: dict[tuple[str, date], Event] = {}
        state, extra = state_filter(as_logged)
        # SQLite caps the number of parameters in one statement; 400 keys use 800.
        chunk = 400
        with self._errors():
            notes = notes_then(self._db, as_logged)
            for first in range(0, len(wanted), chunk):
                part = wanted[first : first + chunk]
                values = ", ".join(["(?, ?)"] * len(part))
                rows = self._db.execute(
                    f"WITH wanted (item_id, period_start) AS (VALUES {values}) "
                    f"SELECT {EVENT_COLUMNS} FROM wanted "
                    f"JOIN events USING (item_id, period_start) "
                    f"WHERE {state} ORDER BY logged_at_utc DESC, id DESC",
                    [*(text for key in part for text in key), *extra],
                )
                # Newest first, so the earliest active event is written last and wins.
                for event in standing(rows, as_logged, notes):
                    found[(event.item_id, event.period_start)] = event
        return found

    def active_overlapping(
        self, first: date, last: date, *, as_logged: datetime | None = None
    ) -> list[Event]:
        """Active events whose period shares at least one day with first..last
        (with `as_logged`, as the log stood at that moment)."""
        state, extra = state_filter(as_logged)
        with self._errors():
            rows = self._db.execute(
                f"SELECT {EVENT_COLUMNS} FROM events "
                f"WHERE period_end >= ? AND period_start <= ? AND {state} "
                "ORDER BY period_start, logged_at_utc, id",
                (first.isoformat(), last.isoformat(), *extra),
            ).fetchall()
            notes = notes_then(self._db, as_logged)
        return list(standing(rows, as_logged, notes))

    def events(
        self,
        *,
        since: date | None = None,
        until: date | None = None,
        item_id: str | None = None,
        cadence: str | None = None,
        limit: int | None = None,
        include_undone: bool = True,
        newest_first: bool = True,
        as_logged: datetime | None = None,
        by: str | None = None,
        by_day: bool = False,
    ) -> Iterator[Event]:
        """Events by the time they were logged, streamed from the database;
        with `by_day`, by the day the work was for first (what `csm log` shows).

        `since` and `until` bound `for_date` (the day the work was for), both
        inclusive; `by` keeps the events logged by that name (any case). With
        `as_logged`, the log as it stood at that moment: events logged by then,
        undone only if they were undone by then.
        """
        where, params = filters(
            since, until, item_id, cadence, include_undone or as_logged is not None, by
        )
        if as_logged is not None:
            where += " AND logged_at_utc <= ?"
            params.append(utc_key(as_logged))
        order = "DESC" if newest_first else "ASC"
        day_order = f"for_date {order}, " if by_day else ""
        sql = (
            f"SELECT {EVENT_COLUMNS} FROM events WHERE {where} "
            f"ORDER BY {day_order}logged_at_utc {order}, id {order}"
        )
        if limit is not None and as_logged is None:
            sql += " LIMIT ?"
            params.append(limit)
        shown = 0
        with self._errors():
            notes = notes_then(self._db, as_logged)
            for row in self._db.execute(sql, params):
                event = event_from_row(row)
                if as_logged is not None:
                    event = note_then(event, notes)
                    if event.undone_at is not None and event.undone_at > as_logged:
                        event = event._replace(undone_at=None)  # not undone yet then
                    if event.undone_at is not None and not include_undone:
                        continue
                    if limit is not None and shown >= limit:
                        return
                    shown += 1
                yield event

    def count_events(
        self,
        *,
        since: date | None = None,
        until: date | None = None,
        item_id: str | None = None,
        cadence: str | None = None,
        include_undone: bool = True,
        by: str | None = None,
    ) -> int:
        """How many events `events` would give with the same filters and no limit."""
        where, params = filters(since, until, item_id, cadence, include_undone, by)
        with self._errors():
            row = self._db.execute(f"SELECT count(*) FROM events WHERE {where}", params)
            return int(row.fetchone()[0])

    def export_batches(
        self,
        *,
        since: date | None = None,
        until: date | None = None,
        include_undone: bool = False,
        batch_size: int = 1000,
    ) -> Iterator[list[tuple[str | None, ...]]]:
        """Export rows in batches, oldest logged first, straight from the cursor.

        Each row is the text of one event in `EVENT_COLUMNS` order, undone_at
        None when active. No Event objects are built and at most one batch is
        held: an export of a million events costs what reading them costs.
        `since` and `until` bound `for_date`, both inclusive.
        """
        where, params = filters(since, until, None, None, include_undone)
        sql = f"SELECT {EVENT_COLUMNS} FROM events WHERE {where} ORDER BY logged_at_utc, id"
        with self._errors():
            cursor = self._db.execute(sql, params)
            while True:
                rows = cursor.fetchmany(batch_size)
                if not rows:
                    return
                yield rows

    def has_item(self, item_id: str) -> bool:
        """Whether any event, active or undone, was logged for `item_id`."""
        with self._errors():
            row = self._db.execute(
                "SELECT 1 FROM events WHERE item_id = ? LIMIT 1", (item_id,)
            ).fetchone()
        return row is not None

    def count(self) -> int:
        """How many events the log holds, undone ones included."""
        with self._errors():
            return int(self._db.execute("SELECT count(*) FROM events").fetchone()[0])

    # The chain ------------------------------------------------------------------

    def chain_head(self) -> tuple[int, str]:
        """(count, head) of the log's hash chain (see `Store.chain_head`)."""
        # One read of the last row, without loading the chain's code (a
        # report's footer asks for it; hashing is for writes and verify).
        with self._errors():
            row = self._db.execute(
                "SELECT seq, hash FROM chain ORDER BY seq DESC LIMIT 1"
            ).fetchone()
        return (0, "0" * 64) if row is None else (int(row[0]), str(row[1]))

    def verify_chain(self, want: str | None = None) -> "Verdict":
        """Walk the hash chain against the stored rows (see `Store.verify_chain`)."""
        from csm_checklist.store.sqlite_chain import verify

        with self._errors():
            # One read transaction: every query sees the same log, whatever
            # another csm writes meanwhile (a link and its rows together).
            self._db.execute("BEGIN")
            try:
                return verify(self._db, want)
            finally:
                self._db.execute("ROLLBACK")
