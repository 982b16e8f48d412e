"""What is due, done, skipped or missed as of a date.

The agenda joins the catalog (what recurs), the schedule (when) and the event
log (what was done) into statuses. It reads the clock nowhere: the date is an
argument, so "what did Tuesday look like" is the same question as "what does
today look like".

Statuses of an item in one of its periods, as of day D:
- done / skipped: an active event exists for the period;
- off: a daily item on a day that is not a workday (nothing expected);
- missed: the period ended before D with nothing logged;
- due (due date is D), overdue (before D), upcoming (after D).

Misses are counted from the first day anything was logged: a manager who
starts using csm today has not missed last quarter's policy review.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, NamedTuple, Protocol

from .schedule import (
    CADENCES,
    RRULE,
    Period,
    WorkCalendar,
    calendar_period,
    due_date,
    is_expected,
    is_workday,
    period_containing,
    periods_overlapping,
    previous_period,
)

if TYPE_CHECKING:
    from .catalog import Item
    from .log import Event

CADENCE_ORDER = (*CADENCES, RRULE)
OPEN = frozenset({"due", "overdue"})

# How long each cadence's period is, to decide which cadences are "longer"
# than a report or `due --period` window.
_RANK = {name: rank for rank, name in enumerate(CADENCES)}


class EventSource(Protocol):
    """What the agenda needs from the event log."""

    def active_for(self, keys: Iterable[tuple[str, date]]) -> dict[tuple[str, date], Event]: ...

    def first_day(self) -> date | None: ...


class Entry(NamedTuple):
    """One item in one of its periods, with its status as of the agenda's day."""

    item: Item
    period: Period
    due: date
    status: str
    event: Event | None = None

    @property
    def is_open(self) -> bool:
        return self.status in OPEN

    @property
    def cadence(self) -> str:
        return self.item.recurrence.cadence


class Progress(NamedTuple):
    """How much of a cadence's current period is settled."""

    done: int = 0
    skipped: int = 0
    total: int = 0

    @property
    def settled(self) -> int:
        return self.done + self.skipped


class Agenda(NamedTuple):
    """Every enabled item in its current period, last period's misses, progress."""

    day: date
    workday: bool
    entries: list[Entry]
    missed: list[Entry]
    progress: dict[str, Progress]

    def actionable(self) -> list[Entry]:
        """What `csm today` shows: daily items on a workday, anything due or
        overdue, and anything logged for this very day."""
        shown = []
        for entry in self.entries:
            daily_today = entry.cadence == "daily" and self.workday
            logged_today = entry.event is not None and entry.event.for_date == self.day
            if daily_today or entry.is_open or logged_today:
                shown.append(entry)
        return shown

    def open_entries(self) -> list[Entry]:
        return [entry for entry in self.entries if entry.is_open]


def status_of(period: Period, due: date, day: date, event: Event | None, expected: bool) -> str:
    """The status of one period as of `day` (see the module docstring)."""
    if event is not None:
        return "done" if event.kind == "done" else "skipped"
    if not expected:
        return "off"
    if period.end < day:
        return "missed"
    if due == day:
        return "due"
    return "overdue" if due < day else "upcoming"


def _entries(
    pairs: Sequence[tuple[Item, Period]],
    day: date,
    cal: WorkCalendar,
    events: EventSource,
) -> list[Entry]:
    found = events.active_for((item.id, period.start) for item, period in pairs)
    entries = []
    for item, period in pairs:
        rec = item.recurrence
        event = found.get((item.id, period.start))
        due = due_date(period, rec, cal)
        status = status_of(period, due, day, event, is_expected(period, rec, cal))
        entries.append(Entry(item, period, due, status, event))
    return entries


def _sort_key(entry: Entry) -> tuple[int, date]:
    return (CADENCE_ORDER.index(entry.cadence), entry.due)


def build_agenda(
    items: Sequence[Item], events: EventSource, day: date, cal: WorkCalendar
) -> Agenda:
    """The agenda of `day`: each enabled item's current period and status, the
    misses of the previous period of every weekly-or-longer cadence, and the
    progress of each cadence's current period."""
    current: list[tuple[Item, Period]] = []
    previous: list[tuple[Item, Period]] = []
    for item in items:
        if not item.enabled:
            continue
        period = period_containing(day, item.recurrence, cal)
        if period is None:  # an rrule that has not begun or has run out
            continue
        current.append((item, period))
        if item.recurrence.cadence != "daily":
            before = previous_period(period, item.recurrence, cal)
            if before is not None:
                previous.append((item, before))

    entries = sorted(_entries(current, day, cal, events), key=_sort_key)
    since = events.first_day()
    missed = [
        entry
        for entry in _entries(previous, day, cal, events)
        if entry.status == "missed" and since is not None and entry.period.end >= since
    ]
    missed.sort(key=_sort_key)
    return Agenda(day, is_workday(day, cal), entries, missed, progress_of(entries))


def progress_of(entries: Iterable[Entry]) -> dict[str, Progress]:
    """Done, skipped and expected counts per cadence, in cadence order."""
    counts: dict[str, list[int]] = {}
    for entry in entries:
        if entry.status == "off":
            continue
        done, skipped, total = counts.setdefault(entry.cadence, [0, 0, 0])
        counts[entry.cadence] = [
            done + (entry.status == "done"),
            skipped + (entry.status == "skipped"),
            total + 1,
        ]
    return {cadence: Progress(*counts[cadence]) for cadence in CADENCE_ORDER if cadence in counts}


def cadence_progress(
    items: Sequence[Item], events: EventSource, cadence: str, day: date, cal: WorkCalendar
) -> Progress:
    """Progress of one cadence in its period containing `day` (what `done` prints)."""
    chosen = [item for item in items if item.enabled and item.recurrence.cadence == cadence]
    pairs = []
    for item in chosen:
        period = period_containing(day, item.recurrence, cal)
        if period is not None:
            pairs.append((item, period))
    return progress_of(_entries(pairs, day, cal, events)).get(cadence, Progress())


def window_entries(
    items: Sequence[Item], events: EventSource, kind: str, day: date, cal: WorkCalendar
) -> tuple[Period, list[Entry]]:
    """What `csm due --period KIND` shows: every item of that cadence in the
    current KIND-period, whatever its status, plus items of longer cadences
    (and rrule items) whose due date falls inside that window."""
    window = calendar_period(day, kind, cal)
    pairs: list[tuple[Item, Period]] = []
    for item in items:
        if not item.enabled:
            continue
        rec = item.recurrence
        if rec.cadence == kind:
            period = period_containing(day, rec, cal)
            if period is not None:
                pairs.append((item, period))
        elif rec.cadence == RRULE or _RANK[rec.cadence] > _RANK[kind]:
            for period in periods_overlapping(window.start, window.end, rec, cal):
                if due_date(period, rec, cal) in window:
                    pairs.append((item, period))
    return window, sorted(_entries(pairs, day, cal, events), key=_sort_key)
