"""What is due, done, skipped or missed as of a date.

The agenda joins the history (which rules were in force when) and the event
log (what was done) into statuses. It reads the clock nowhere: the date is an
argument, so "what did Tuesday look like" is the same question as "what does
today look like", judged with the rules and the events as they stood then.

Statuses of an item in one of its periods, as of day D:
- done / skipped: an active event, for a day on or before D, exists for the period;
- off: nothing was expected in the period (a daily item on a day that is not
  a workday, or a period before the item was tracked);
- missed: the period ended before D with nothing logged;
- due (due date is D), overdue (before D), upcoming (after D).
"""

# No `from __future__ import annotations`: typing would compile every string
# annotation of a NamedTuple or TypedDict field at each start of `csm today`.

from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, NamedTuple, Protocol

from csm_checklist.dates.schedule import (
    ALL_CADENCES,
    CADENCES,
    RRULE,
    Period,
    cadence_rank,
    is_workday,
)

if TYPE_CHECKING:
    from csm_checklist.rules.history import History, ItemRule, Timeline
    from csm_checklist.store.records import Event

OPEN = frozenset({"due", "overdue"})


class EventSource(Protocol):
    """What the agenda needs from the event log."""

    def active_for(
        self, keys: Iterable[tuple[str, date]], *, as_logged: datetime | None = None
    ) -> "dict[tuple[str, date], Event]": ...


class Entry(NamedTuple):
    """One item in one of its periods, with its status as of the agenda's day.

    `item` is the item's rule in force for that period (its title and area as
    they were then)."""

    item: "ItemRule"
    period: Period
    due: date
    status: str
    event: "Event | None" = None

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
            daily_today = entry.cadence == "daily" and self.workday and entry.status != "off"
            logged_today = entry.event is not None and entry.event.for_date == self.day
            if daily_today or entry.is_open or logged_today:
                shown.append(entry)
        return shown

    def open_entries(self) -> list[Entry]:
        return [entry for entry in self.entries if entry.is_open]


def status_of(period: Period, due: date, day: date, event: "Event | None", expected: bool) -> str:
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
    pairs: "Sequence[tuple[Timeline, Period]]",
    day: date,
    events: EventSource,
    as_logged: datetime | None,
) -> list[Entry]:
    found = events.active_for(((tl.item_id, p.start) for tl, p in pairs), as_logged=as_logged)
    entries = []
    for tl, period in pairs:
        event = found.get((tl.item_id, period.start))
        if event is not None and event.for_date > day:
            event = None  # logged later for a later day: not there yet as of `day`
        rule = tl.rule_at(tl.judge_day(period, day))
        due = tl.due(period, day)
        status = status_of(period, due, day, event, tl.expected(period, day, due))
        entries.append(Entry(rule, period, due, status, event))
    return entries


def _sort_key(entry: Entry) -> tuple[int, date]:
    return (cadence_rank(entry.cadence), entry.due)


def _previous_workday(day: date, history: "History") -> date | None:
    """The last workday before `day`, however many days off lie between
    (a fortnight of leave, say), for its daily misses; None when there is
    none since the tracking start."""
    earlier = day - timedelta(days=1)
    while earlier >= history.start:
        if is_workday(earlier, history.calendar_on(earlier)):
            return earlier
        earlier -= timedelta(days=1)
    return None


def _previous_expected(tl: "Timeline", period: Period, day: date) -> Period | None:
    """The period before `period`, past any that expected nothing because
    days off took every workday in them (a week of leave, say), back to the
    tracking start."""
    before = tl.period_containing(period.start - timedelta(days=1))
    for _ in range(400):  # bounded: a year of weeks, a century of quarters
        if before is None or before.end < tl.history.start:
            return before
        judged = tl.judge_day(before, day)
        if tl.tracked_from(judged) is None or tl.expected(before, day):
            return before
        earlier = tl.period_containing(before.start - timedelta(days=1))
        if earlier is None:
            return before
        before = earlier
    return before


def build_agenda(
    history: "History",
    events: EventSource,
    day: date,
    *,
    as_logged: datetime | None = None,
    only: Iterable[str] | None = None,
) -> Agenda:
    """The agenda of `day`, judged with the rules and events as they stood then:
    each enabled item's current period and status, the misses of the previous
    period of every item (for daily items: the previous workday), and the
    progress of each cadence's current period. `only` limits it to those item ids."""
    view = history.until(day)
    wanted = set(only) if only is not None else None
    current: list[tuple[Timeline, Period]] = []
    previous: list[tuple[Timeline, Period]] = []
    workday_before = _previous_workday(day, view)
    for item in view.enabled_on(day):
        if wanted is not None and item.id not in wanted:
            continue
        tl = view.timeline(item.id)
        period = tl.period_containing(day)
        if period is None:  # an rrule that has not begun or has run out
            continue
        current.append((tl, period))
        if item.cadence == "daily":
            before = tl.period_containing(workday_before) if workday_before else None
        else:
            before = _previous_expected(tl, period, day)
        if before is not None:
            previous.append((tl, before))

    entries = sorted(_entries(current, day, events, as_logged), key=_sort_key)
    missed = [e for e in _entries(previous, day, events, as_logged) if e.status == "missed"]
    missed.sort(key=_sort_key)
    return Agenda(
        day, is_workday(day, view.calendar_on(day)), entries, missed, progress_of(entries)
    )


def expected_on(history: "History", item_id: str, day: date) -> bool:
    """Whether the item's period containing `day` expected anything, by the
    rules in force then (a daily item on a weekend or a day off did not: an
    entry logged there is extra)."""
    tl = history.until(day).timeline(item_id)
    period = tl.period_containing(day)
    return period is not None and tl.expected(period, day)


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
    return {cadence: Progress(*counts[cadence]) for cadence in ALL_CADENCES if cadence in counts}


def _rrule_rank(rule: str) -> int:
    """The standard cadence an rrule is closest to, by its frequency and interval:
    `due --period` lists it like an item of that cadence."""
    import re

    text = rule.upper()
    freq = re.search(r"FREQ=([A-Z]+)", text)
    interval = re.search(r"INTERVAL=(\d+)", text)
    step = int(interval.group(1)) if interval else 1
    name = freq.group(1) if freq else "DAILY"
    if name == "YEARLY" or (name == "MONTHLY" and step >= 12):
        return CADENCES.index("annual")
    if name == "MONTHLY":
        return CADENCES.index("quarterly" if step >= 3 else "monthly")
    if name == "WEEKLY" and step >= 4:
        return CADENCES.index("monthly")
    if name == "WEEKLY" or (name == "DAILY" and step >= 7):
        return CADENCES.index("weekly")
    return CADENCES.index("daily")


def _rank(item: "ItemRule") -> int:
    rec = item.recurrence
    if rec.cadence == RRULE:
        return _rrule_rank(rec.rrule or "")
    return CADENCES.index(rec.cadence)


_WEEKLY = CADENCES.index("weekly")


def window_entries(
    history: "History",
    events: EventSource,
    cadence: str,
    day: date,
    *,
    only: Iterable[str] | None = None,
) -> tuple[Period, list[Entry]]:
    """What `csm due --period P` shows: every item of that cadence in its
    period containing `day`, whatever its status, plus items of longer
    cadences whose due date falls inside the P-window containing `day`. An
    rrule item (but one closer to daily, in a window longer than a day) shows
    every occurrence expected inside the window; with none, it is treated
    like the standard cadence it is closest to."""
    view = history.until(day)
    window = view.window_timeline(cadence).period_containing(day)
    assert window is not None
    wanted = set(only) if only is not None else None
    rank = CADENCES.index(cadence)
    pairs: list[tuple[Timeline, Period]] = []
    for item in view.enabled_on(day):
        if wanted is not None and item.id not in wanted:
            continue
        tl = view.timeline(item.id)
        item_rank = _rank(item)
        # An rrule closer to daily stays out of longer windows, as daily items do.
        if item.recurrence.cadence == RRULE and item_rank >= min(rank, _WEEKLY):
            inside = [
                period
                for period in tl.periods_overlapping(window.start, window.end)
                if tl.due(period, day) in window and tl.expected(period, day)
            ]
            if inside:
                pairs.extend((tl, period) for period in inside)
                continue
        if item_rank == rank:
            period = tl.period_containing(day)
            if period is not None:
                pairs.append((tl, period))
        elif item_rank > rank:
            for period in tl.periods_overlapping(window.start, window.end):
                if tl.due(period, day) in window:
                    pairs.append((tl, period))
    return window, sorted(_entries(pairs, day, events, None), key=_sort_key)
