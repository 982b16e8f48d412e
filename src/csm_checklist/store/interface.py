"""The store: every read and write the rules make on a manager's record.

This Protocol is the one description of what a store must do. The rules
(`rules/`), the exchange of files (`exchange/`) and the commands (`cli/`)
use a store only through it, so a second engine is one new module that
provides these methods, and one new branch in `store.open_store`. The
SQLite store (`store/sqlite.py`) is the default.

What every engine promises:

- **Append-only.** Nothing is deleted. Undo sets `undone_at` on an event
  or a step event; a corrected note replaces the event's note and keeps the
  change (`NoteChange`); a tracking start or a revision is a new record.
- **One write, one transaction.** Every method that writes commits all of
  it or none of it. Two commands writing at once wait for each other (no
  "locked" failure); a busy store that never frees is a `LogError`.
- **Idempotent by uuid.** Uuids are made by the client (`records.new_uuid`);
  a record whose uuid the store already holds is not written twice
  (`ON CONFLICT (uuid) DO NOTHING`), so a retry or a re-import is harmless.
- **Errors are sentences.** An engine's own exceptions never escape: they
  become `csm_checklist.errors.LogError` (a `Msg` plus a hint). A conflict
  found while merging is `ImportFileError`; no matching event or run is
  `NotMet`; a malformed event id is `BadInput`. Nothing is written then.
- **Values.** Uuids are text; moments are timezone-aware datetimes, given
  back with the offset they were written with; days are dates. Moments are
  compared as instants (`records.utc_key` is their sortable text). "Oldest
  first" means by the moment logged (or started, or recorded), then by the
  order the store received them.
- **As logged.** Where a method takes `as_logged`, it answers for the record
  as it stood at that moment: records logged by then, an undo counted only
  if made by then, and each event's note as it read then (the old note of
  its first `NoteChange` made later); a run closed later is open then.
- **Rows it cannot read.** A stored row csm cannot read (edited by hand: a
  moment without its UTC offset, a kind or number it does not know) is
  `LogError` naming its table and id (`records.bad_row`), never repaired
  or dropped.
- **Merges read records in order.** The merge methods take each record from
  their iterables only after the one before has been checked (runs before
  step events), so a caller that notes which record it handed over last
  can name the one refused (`FILE, runs[3]`).

The records are in `store/records.py` (`Event`, `StartRecord`, ...),
`store/run_records.py` (`RunRecord`, `StepEvent`) and
`store/measure_records.py` (`MeasureRecord`, `MeasureValue`); all of them
can be imported from `store.records`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Protocol

from csm_checklist.store.assignment_records import AssignmentRecord
from csm_checklist.store.measure_records import MeasureRecord, MeasureValue
from csm_checklist.store.records import Event, NoteChange, RevisionRecord, StartRecord
from csm_checklist.store.run_records import RunRecord, StepEvent

if TYPE_CHECKING:
    from csm_checklist.store.chain import Verdict  # hashlib: only where the chain is used

# (measure id, value, unit) recorded with one event, by the event's uuid.
MeasuresByEvent = Mapping[str, Sequence[tuple[str, float, str]]]


class Store(Protocol):
    """A manager's record: events, the history of the rules, playbook runs
    and measures. Opened by `store.open_store`; closed by `close()` or by
    leaving a `with` block."""

    def close(self) -> None:
        """Release the store; it cannot be used afterwards."""

    def __enter__(self) -> Store: ...

    def __exit__(self, *exc_info: object) -> None: ...

    # Events: writing ---------------------------------------------------------

    def record(
        self, events: Sequence[Event], measures: MeasuresByEvent | None = None
    ) -> list[tuple[Event, Event | None]]:
        """Log `events` (`csm done`, `csm skip`) in one transaction, each
        unless its item's period already has an active event.

        Returns, for each event in order, (event, None) when written, or
        (event, existing) when the earliest active event of the same item
        and period_start was already there; then nothing is written for it.
        `measures` holds what was recorded with an event, by its uuid:
        written with the event, or not at all."""

    def undo_latest(
        self,
        at: datetime,
        *,
        item_id: str | None = None,
        period_start: date | None = None,
        for_date: date | None = None,
    ) -> Event | None:
        """Mark undone at `at` the latest logged active event matching every
        filter given (`csm undo`); the event as it now is, None when nothing
        matches. Finding and marking are one transaction: two undos at once
        undo two events."""

    def change_note(
        self, uuid: str, note: str, at: datetime, by: str, host: str
    ) -> tuple[Event, NoteChange | None]:
        """Replace the note of event `uuid` and keep the change, in one
        transaction (`csm note`). Returns the event as it now is, and the
        change (None when the note already read so: nothing is written).
        NotMet when no event has that uuid."""

    # Events: reading ---------------------------------------------------------

    def find_event(self, text: str) -> Event:
        """The event whose uuid is `text` or starts with it (at least
        `records.MIN_UUID_PREFIX` characters, any case). BadInput for a
        shorter or non-hex text; NotMet when none or several match (the
        message names up to five)."""

    def note_changes(self, uuids: Iterable[str]) -> dict[str, list[NoteChange]]:
        """The note changes of each of `uuids` that has any, oldest first."""

    def all_note_changes(
        self, *, since: date | None = None, until: date | None = None, include_undone: bool = False
    ) -> list[NoteChange]:
        """The note corrections of the events an export with these filters
        holds (`since`/`until` bound for_date; undone events only with
        `include_undone`), oldest correction first, then as recorded. A
        stored moment csm cannot read is LogError (`errors.log_bad_row`)."""

    def merge_note_changes(self, records: Iterable[NoteChange], *, dry_run: bool = False) -> int:
        """Add a backup's note corrections the store lacks, in one
        transaction: the same event, moment (compared in UTC) and old and
        new texts are the same correction, so importing twice adds nothing.
        The events' notes themselves are not changed. Returns how many were
        (or, with dry_run, would be) added."""

    def item_of_event(self, uuid: str) -> str | None:
        """The item_id of the event whose uuid is exactly `uuid` (active or
        undone); None when there is none."""

    def active_for(
        self, keys: Iterable[tuple[str, date]], *, as_logged: datetime | None = None
    ) -> dict[tuple[str, date], Event]:
        """The active event of each (item_id, period_start) that has one:
        what `csm today` and `csm due` read. Where two were logged for one
        period (merged logs), the earliest logged is returned."""

    def active_overlapping(
        self, first: date, last: date, *, as_logged: datetime | None = None
    ) -> list[Event]:
        """Active events whose period shares a day with first..last (what a
        report reads), by period_start, then oldest logged first."""

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
        """Events by the moment logged (`csm log`), streamed; with `by_day`,
        by for_date first. `since`/`until` bound for_date, both inclusive;
        `by` keeps what that name logged (the case of ASCII letters ignored,
        as SQLite's NOCASE does; spaces around `by` dropped). Ties in the
        order go by the order the store received the events. With
        `as_logged`, an event undone after it is given back active, and
        `limit` counts what is given back."""

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
        """How many events `events` gives with the same filters, no limit."""

    def export_batches(
        self,
        *,
        since: date | None = None,
        until: date | None = None,
        include_undone: bool = False,
        batch_size: int = 1000,
    ) -> Iterator[list[tuple[str | None, ...]]]:
        """Every event for `csm export`, oldest logged first, in lists of at
        most `batch_size` rows, holding one list at a time. A row is the
        text `records.event_row` gives (FIELDS order, ISO dates and moments
        as they were written, undone_at None when active)."""

    def has_item(self, item_id: str) -> bool:
        """Whether any event, active or undone, was logged for `item_id`."""

    def count(self) -> int:
        """How many events the store holds, undone ones included."""

    # The history of the rules -----------------------------------------------

    def starts(self) -> list[StartRecord]:
        """Every tracking start recorded, oldest recorded first."""

    def revisions(self) -> list[RevisionRecord]:
        """Every revision of the rules, by `effective`, then oldest recorded."""

    def assignments(self) -> list[AssignmentRecord]:
        """Every `csm assign` change, by `effective`, then oldest recorded."""

    def add_assignment(self, record: AssignmentRecord) -> None:
        """Record a `csm assign` change (on the team's store: leads only,
        enforced by the server)."""

    def add_start(self, record: StartRecord, *, unless_any: bool = False) -> bool:
        """Record a tracking start (`csm history start`; a new log's first).
        With `unless_any`, nothing is written when one is already recorded,
        decided inside the transaction. Whether it was written."""

    def add_revision(self, record: RevisionRecord, *, unless_latest_is: str | None = None) -> bool:
        """Record a revision of the rules. With `unless_latest_is`, nothing
        is written when the latest revision (by effective, then recorded)
        already holds those rules text. Whether it was written."""

    # Merge and import -------------------------------------------------------

    def merge(
        self,
        events: Iterable[Event],
        *,
        dry_run: bool = False,
        starts: Callable[[], Sequence[StartRecord]] = tuple,
        revisions: Sequence[RevisionRecord] = (),
    ) -> tuple[int, int]:
        """Add the events whose uuid the store lacks (`csm import`), in one
        transaction with `revisions` (written first) and the starts that
        `starts()` gives once `events` is used up. Returns (added, present).

        An event already present with other content (any field of its
        `event_row` but undone_at; or a note other than the present one
        that is not an earlier note of its `note_changes`) raises
        ImportFileError (`errors.import_conflict`, naming the uuid and field).
        Any exception raised while `events` is iterated ends the merge too;
        either way nothing is written. An event undone in `events` and active
        here is marked undone with the file's moment. With `dry_run` nothing
        is written, and the counts are what a real merge would report."""

    # Playbook runs ----------------------------------------------------------

    def has_open_runs(self) -> bool:
        """Whether any run is open: asked by `csm today` every morning, so it
        must cost next to nothing when none is."""

    def has_runs(self) -> bool:
        """Whether any run was ever started (a report skips runs otherwise)."""

    def run_ids(self) -> list[str]:
        """Every run's id, oldest started first (to resolve what was typed)."""

    def runs(
        self,
        *,
        open_only: bool = False,
        run_ids: Sequence[str] | None = None,
        started_by: datetime | None = None,
    ) -> list[RunRecord]:
        """Runs oldest started first: open ones only, those of `run_ids`, or
        those started at or before the moment `started_by`."""

    def step_events(self, run_ids: Sequence[str] | None = None) -> list[StepEvent]:
        """The step events of those runs (of every run with None), undone
        ones included, oldest logged first."""

    def start_run(self, run: RunRecord) -> str:
        """Store a new run. `run.run_id` is the id wanted: when a run
        already has it, `-2`, `-3`, ... is appended (the first free one),
        decided inside the transaction. Returns the id stored."""

    def log_step(self, event: StepEvent) -> StepEvent | None:
        """Add a done or skip of a step, unless the step already has an
        active one: then nothing is written and the earliest logged active
        one is returned. None when written."""

    def undo_step(self, run_id: str, step_id: str, at: datetime) -> StepEvent | None:
        """Mark undone at `at` the step's latest logged active event; it is
        returned as it now is. None when the step has none."""

    def close_run(self, run_id: str, at: datetime, *, note: str, forced: bool) -> None:
        """Close the run `run_id` at `at` if it is still open (a run already
        closed is left as it was)."""

    def merge_runs(
        self, runs: Iterable[RunRecord], steps: Iterable[StepEvent], *, dry_run: bool = False
    ) -> tuple[int, int]:
        """Add a backup's runs and step events whose uuid the store lacks, in
        one transaction. Returns (runs added, step events added).

        Refused with ImportFileError, nothing written: a new run whose
        run_id another run holds (`errors.run_id_clash`); a run present with
        other content (`errors.run_conflict`, naming the field; the steps
        compared as JSON values; the close compared only when both are
        closed); a step event present with another run, step, kind or
        moment (`errors.step_conflict`). A run closed in the file and open
        here is closed here; a step undone there is undone here."""

    # Measures ---------------------------------------------------------------

    def measure_values(
        self,
        *,
        item_id: str | None = None,
        since: date | None = None,
        until: date | None = None,
        as_logged: datetime | None = None,
    ) -> list[MeasureValue]:
        """The measures recorded with active events (`csm measures`,
        reports), by the event's period_start, then oldest logged first,
        then as recorded. `since` bounds period_end, `until` period_start."""

    def measures(
        self, *, since: date | None = None, until: date | None = None, include_undone: bool = False
    ) -> list[MeasureRecord]:
        """The measures of the events an export with these filters holds
        (`since`/`until` bound for_date), oldest logged event first, then
        as recorded."""

    def merge_measures(self, records: Iterable[MeasureRecord], *, dry_run: bool = False) -> int:
        """Add a backup's measures the store lacks (keyed by event uuid and
        measure id), in one transaction. One present with another value is
        refused with ImportFileError (`errors.measure_conflict`), nothing
        written. Returns how many were (or, with dry_run, would be) added."""

    def chain_head(self) -> tuple[int, str]:
        """(count, head) of the record's hash chain (`store/chain.py`): how
        many links it holds and the last one's hash; (0, 64 zeros) when
        empty. Every write that logs, undoes or corrects a note (merges
        included) appends its links in the same transaction."""

    def verify_chain(self, want: str | None = None) -> Verdict:
        """Walk the hash chain, recomputing each link from the stored rows
        (`csm verify`): the first link that does not match, a row the chain
        does not hold, and with `want` (a head or its start) the count at
        which the chain's head was that."""


__all__ = ["MeasuresByEvent", "Store"]
