"""Logging work, choosing what to undo, and recording the history: the rules
behind `csm done`, `skip`, `undo` and `history start`, for any Python caller.

Every function takes the day and the moment as arguments; only the CLI asks
the clock.
"""

# No `from __future__ import annotations`: typing would compile every string
# annotation of a NamedTuple or TypedDict field at each start of `csm today`.

import itertools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, NamedTuple

from csm_checklist.errors import BadInput, ImportFileError, LogError, NotMet
from csm_checklist.messages import Msg
from csm_checklist.rules.history import History, Observed, changed
from csm_checklist.store.records import Event, RevisionRecord, StartRecord, host_name, new_uuid

if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any, Protocol

    from csm_checklist.duties.catalog import Item
    from csm_checklist.store.assignment_records import AssignmentRecord
    from csm_checklist.store.interface import Store
    from csm_checklist.store.measure_records import MeasureRecord
    from csm_checklist.store.records import NoteChange
    from csm_checklist.store.run_records import RunRecord, StepEvent

    # What an import reads: a Protocol for type checking only, so that
    # `csm today`, which loads this module, never builds the class.
    class ImportSource(Protocol):
        """What an import reads from a file (`exchange.formats.ImportSource`):
        its events, each with where it was found ("events.csv, line 7"), and,
        for a json backup, the history of the rules and the runs and measures
        it carries (`starts` and `revisions` are filled when the first event
        is read)."""

        name: str
        starts: "list[StartRecord]"
        revisions: "list[RevisionRecord]"
        # A json backup's runs, step check-offs, measures and note
        # corrections as read (checked by `rules.importcheck`).
        extra: "dict[str, list[Any]]"
        # Where a record that cannot be read is noted, so reading goes on.
        problems: "list[tuple[str, str | None]] | None"
        # The backup record being merged (["runs", 3]), to name a refused one.
        at: "list[Any]"

        def records(self) -> Iterator[tuple[str, Event]]: ...

        def has_extra(self) -> bool:
            """Whether the file carries runs, step check-offs or measures."""

        def backup_runs(self) -> "Iterable[RunRecord]": ...

        def backup_steps(self) -> "Iterable[StepEvent]": ...

        def backup_measures(self) -> "Iterable[MeasureRecord]": ...

        def backup_note_changes(self) -> "Iterable[NoteChange]": ...

        def backup_assignments(self) -> "Iterable[AssignmentRecord]": ...


def load_history(
    log: "Store",
    observed: Observed | None,
    today: date,
    now: datetime,
    *,
    as_logged: datetime | None = None,
    days_off: frozenset[date] = frozenset(),
) -> History:
    """The log's history, after recording what csm sees now when it differs.

    A new log starts tracking today. Rules that differ from the latest
    revision are recorded as a revision effective today (nothing is written
    when they are the same, which is every morning's case). A log csm cannot
    write (a read-only folder) still answers: the rules seen now then count
    from today without being recorded. With `as_logged`, the history as it
    was recorded by that moment.
    """
    starts = log.starts()
    revisions = log.revisions()
    if as_logged is None and observed is not None:
        try:
            if not starts:
                log.add_start(StartRecord(new_uuid(), today, now), unless_any=True)
                starts = log.starts()
            if changed(observed, revisions[-1] if revisions else None):
                pending = RevisionRecord(new_uuid(), today, now, observed.text)
                log.add_revision(pending, unless_latest_is=observed.text)
                revisions = log.revisions()
        except LogError:
            if not starts:
                starts = [StartRecord("", today, now)]
            if changed(observed, revisions[-1] if revisions else None):
                revisions = [*revisions, RevisionRecord("", today, now, observed.text)]
    if as_logged is not None:
        starts = [s for s in starts if s.recorded_at <= as_logged]
        revisions = [r for r in revisions if r.recorded_at <= as_logged] or revisions[:1]
    if not revisions:
        raise NotMet(
            Msg("errors.no_revision"),
            hint=Msg("errors.no_revision_hint"),
        )
    return History.from_records(starts, revisions, today, days_off)


# Logging work -----------------------------------------------------------------


def _not_future(day: date, today: date, option: str = "--on") -> None:
    if day > today:
        raise BadInput(
            Msg("errors.day_future", option=option, day=day.isoformat())
            if option != "--on"
            else Msg("errors.on_future", day=day.isoformat()),
            hint=Msg("errors.on_future_hint", today=today.isoformat()),
        )


def check_tracked(history: History, item: "Item", day: date) -> None:
    """BadInput unless `item` was tracked on `day`: csm refuses work dated
    before its tracking start, which also catches a mistyped year."""
    if day < history.start:
        raise BadInput(
            Msg("errors.on_before_start", day=day.isoformat(), start=history.start.isoformat()),
            hint=Msg("errors.on_before_start_hint", day=day.isoformat()),
        )
    tracked = history.timeline(item.id).tracked_from(day) if item.id in _known(history) else None
    if tracked is None or day < tracked:
        since = _tracked_since(history, item.id)
        raise BadInput(
            Msg("errors.on_before_tracked", day=day.isoformat(), item=item.id)
            if since is None
            else Msg(
                "errors.on_before_tracked_since",
                day=day.isoformat(),
                item=item.id,
                since=since.isoformat(),
            ),
            hint=Msg("errors.on_before_tracked_hint"),
        )


def _known(history: History) -> set[str]:
    return set(history.item_ids())


def _tracked_since(history: History, item_id: str) -> date | None:
    """The first day `item_id` is tracked in its current stretch, if it is now."""
    if item_id not in _known(history):
        return None
    return history.timeline(item_id).tracked_from(history.current.effective)


def log_work(
    log: "Store",
    history: History,
    items: "Sequence[Item]",
    kind: str,
    day: date,
    today: date,
    moment: datetime,
    *,
    by: str,
    note: str = "",
    lang: str = "en",
    measures: Sequence[tuple[str, float, str]] = (),
    logged_by: str | None = None,
) -> list[tuple[Event, Event | None]]:
    """Log `kind` (done or skip) of every item for its period containing `day`,
    done `by` someone and logged by `logged_by` (default: the same person).

    Every item is checked before anything is written: a future day, a day
    before the item's tracking start (BadInput) or a day outside its rule's
    range (NotMet) stops all of them. Returns, for each item in order,
    (event, None) when written, or (event, the event already there) when the
    period was already settled.
    """
    _not_future(day, today)
    host = host_name()
    events = []
    for item in items:
        check_tracked(history, item, day)
        period = history.timeline(item.id).period_containing(day)
        if period is None:
            raise NotMet(
                Msg(
                    "errors.no_period",
                    title=item.title.get(lang),
                    item=item.id,
                    day=day.isoformat(),
                ),
                hint=Msg("errors.no_period_hint"),
            )
        events.append(
            Event(
                uuid=new_uuid(),
                item_id=item.id,
                title=item.title.get(lang),
                cadence=item.recurrence.cadence,
                kind="done" if kind == "done" else "skip",
                period_start=period.start,
                period_end=period.end,
                for_date=day,
                logged_at=moment,
                by=by,
                note=note,
                host=host,
                logged_by=by if logged_by is None else logged_by,
            )
        )
    # Measures go with the one item logged (measures.parse_measure_options checks that).
    return log.record(events, {events[0].uuid: measures} if measures and events else None)


class UndoTarget(NamedTuple):
    """Which event `csm undo` looks for; all None: the latest logged."""

    item_id: str | None = None
    period: tuple[date, date] | None = None
    for_date: date | None = None
    cadence: str | None = None  # the item's, when a period is named


def undo_target(history: History, item_id: str | None, day: date | None) -> UndoTarget:
    """What to undo: the item's event in its period containing `day`, the
    latest event of the item, the latest logged for `day`, or the latest."""
    if item_id is None:
        return UndoTarget(for_date=day)
    if day is None:
        return UndoTarget(item_id)
    if item_id in _known(history):
        period = history.timeline(item_id).period_containing(day)
        if period is not None:
            cadence = history.timeline(item_id).rule_at(day).cadence
            return UndoTarget(item_id, (period.start, period.end), cadence=cadence)
    return UndoTarget(item_id, for_date=day)


def undo_work(log: "Store", target: UndoTarget, at: datetime) -> Event | None:
    """Mark the latest active event matching `target` undone at `at`; None
    when there is nothing to undo."""
    return log.undo_latest(
        at,
        item_id=target.item_id,
        period_start=target.period[0] if target.period else None,
        for_date=target.for_date,
    )


# Importing -------------------------------------------------------------------------


class ImportResult(NamedTuple):
    """What `csm import` did (or, with dry_run, would do)."""

    added: int
    present: int
    start: date  # the tracking start afterwards
    adopted: str  # "backup" or "events" when the empty log took the file's start, else ""
    before_start: int  # active events in the file dated before the tracking start
    rules_kept: bool  # the file's revisions were left out: this log has its own history
    # a backup's runs, step check-offs, measures and note corrections added
    extra: tuple[int, int, int, int] = (0, 0, 0, 0)


def import_events(
    log: "Store",
    source: "ImportSource",
    observed: Observed,
    today: date,
    now: datetime,
    *,
    dry_run: bool = False,
    declared: Mapping[str, Iterable[str]] | None = None,
) -> ImportResult:
    """Merge an export into the log, in one transaction (see DESIGN §7):

    - every record is checked, and every active event's period must be the
      one the rules in force cut for its day (BadInput naming the line), so
      one period never holds two active events;
    - into an empty log, a json backup brings its tracking start and its
      revisions, and a csv or jsonl file its earliest event's day as the
      start: that is how a manager moves to a new machine;
    - into a log with a history of its own, only events are added; events
      dated before its tracking start are kept but count for nothing;
    - every record is checked as `done` would check it (importcheck.py:
      dates, one active entry per period, references, `declared` measures);
      every problem found is reported together and nothing is written.
    """
    from csm_checklist.rules.importcheck import Limits, check_extra, check_history

    limits = Limits(now, declared)
    source.problems = limits.problems  # a record that cannot be read: noted, reading goes on
    starts, revisions = log.starts(), log.revisions()
    # Empty: nothing logged yet, and no tracking start chosen by hand.
    empty = log.count() == 0 and len(starts) <= 1
    records = source.records()
    first = next(records, None)  # reading the first record reads a backup's history
    check_history(limits, source.name, source.starts, source.revisions)
    if source.has_extra():
        # A backup's runs and measures are checked before any entry is
        # written, so a conflict among them leaves the log as it was.
        _merge_extra(log, source, dry_run=True)
    # A backup restored into an empty log brings its history whole, so the
    # log reads (and exports) exactly as the one it was taken from.
    brought_starts = source.starts if empty else []
    brought = source.revisions if empty else []
    known_rules = [*brought, *revisions]
    pending = []
    if changed(observed, known_rules[-1] if known_rules else None):
        pending = [RevisionRecord(new_uuid(), today, now, observed.text)]
    history = History.from_records([*starts, *brought_starts], [*known_rules, *pending], today)
    days: list[date] = []
    known = _known(history)
    read: list[int] = [0]

    file_events: dict[str, str] = {}

    def checked() -> Iterator[Event]:
        for where, event in itertools.chain([first] if first else [], records):
            read[0] += 1
            limits.event(where, event)
            if event.active:
                try:
                    _check_period(history, known, event, where)
                except ImportFileError as exc:
                    limits.problems.append((exc.message, exc.hint))
                limits.period(where, log, event)
                days.append(event.for_date)
            file_events[event.uuid] = event.item_id
            yield event
        if source.extra:
            check_extra(limits, log, source.name, source.extra, file_events)
        limits.raise_any()  # inside the merge: nothing is written

    adopted: list[StartRecord] = []

    def new_starts() -> list[StartRecord]:
        if not read[0]:
            # Importing nothing is always a mistake worth hearing of: the
            # wrong file, or an export of days when nothing was logged.
            raise ImportFileError(
                Msg("errors.import_no_events", name=source.name),
                hint=Msg("errors.import_no_events_hint"),
            )
        if brought_starts:
            adopted.extend(brought_starts)
            if starts:
                # The start a first `csm today` recorded here is later than the
                # backup's: the start in force is the latest recorded, so the
                # backup's is recorded again, now.
                adopted.append(StartRecord(new_uuid(), brought_starts[-1].start, now))
        elif empty and days:
            adopted.append(StartRecord(new_uuid(), min(days), now))
        elif not starts:
            return [StartRecord(new_uuid(), today, now)]
        return adopted

    added, present = log.merge(
        checked(), dry_run=dry_run, starts=new_starts, revisions=[*brought, *pending]
    )
    extra = (0, 0, 0, 0)
    if source.has_extra():
        extra = _merge_extra(log, source, dry_run=dry_run)
    start = adopted[-1].start if adopted else history.start
    return ImportResult(
        added,
        present,
        start,
        ("backup" if brought_starts else "events") if adopted else "",
        sum(1 for day in days if day < start),
        bool(source.revisions) and not empty,
        extra,
    )


def _merge_extra(
    log: "Store", source: "ImportSource", *, dry_run: bool
) -> tuple[int, int, int, int]:
    """Merge a backup's runs, step check-offs (one transaction) and measures
    (another); a conflict is refused like an event's, naming the record
    ("FILE, runs[3]"). Then the note corrections the log lacks. How many of
    each were added."""
    source.at.clear()
    try:
        runs, steps = log.merge_runs(source.backup_runs(), source.backup_steps(), dry_run=dry_run)
        measures = log.merge_measures(source.backup_measures(), dry_run=dry_run)
    except ImportFileError as exc:
        if not source.name or not source.at:
            raise
        key, index = source.at
        where = Msg("errors.at_index", name=source.name, key=key, index=index)
        raise ImportFileError(
            Msg("errors.in_record", where=where, message=exc.message), hint=exc.hint
        ) from None
    notes = log.merge_note_changes(source.backup_note_changes(), dry_run=dry_run)
    # `csm assign` changes the log lacks (by uuid), checked before any is added.
    brought = list(source.backup_assignments())
    if brought and not dry_run:
        present = {record.uuid for record in log.assignments()}
        for record in brought:
            if record.uuid not in present:
                log.add_assignment(record)
    return runs, steps, measures, notes


def _check_period(history: History, known: set[str], event: Event, where: str) -> None:
    if event.item_id not in known:
        return  # an item this log has no rules for: kept as logged
    period = history.timeline(event.item_id).period_containing(event.for_date)
    if period is None or period.start != event.period_start:
        cut = (
            Msg("errors.period_range", start=period.start, end=period.end)
            if period
            else Msg("errors.no_period_cut")
        )
        raise ImportFileError(
            Msg(
                "errors.import_other_period",
                where=where,
                item=event.item_id,
                day=event.for_date,
                start=event.period_start,
                end=event.period_end,
                cut=cut,
            ),
            hint=Msg("errors.import_other_period_hint"),
        )


# The tracking start -------------------------------------------------------------


class StartMove(NamedTuple):
    """What `csm history start` did."""

    before: date
    after: date
    expected_before: int
    expected_after: int


def expected_count(history: History, today: date) -> int:
    """How many periods were expected from the tracking start up to `today`."""
    count = 0
    for item_id in history.item_ids():
        tl = history.timeline(item_id)
        for period in tl.periods_overlapping(history.start, today):
            if tl.due(period, today) <= today and tl.expected(period, today):
                count += 1
    return count


def move_start(
    log: "Store", history: History, start: date, today: date, now: datetime
) -> StartMove:
    """Move the log's tracking start to `start` (earlier or later), recorded
    like everything else, and say how the expected counts change."""
    _not_future(start, today, "DATE")
    if start < date(1900, 1, 1):
        raise BadInput(
            Msg("errors.start_too_early", day=start.isoformat()),
            hint=Msg("errors.start_too_early_hint"),
        )
    before = expected_count(history, today)
    after = expected_count(history.with_start(start), today)
    log.add_start(StartRecord(new_uuid(), start, now))
    return StartMove(history.start, start, before, after)


__all__ = [
    "ImportResult",
    "StartMove",
    "UndoTarget",
    "check_tracked",
    "expected_count",
    "import_events",
    "load_history",
    "log_work",
    "move_start",
    "undo_target",
    "undo_work",
]
